"""kill -9 in the middle of a large ingest, then the same command: a consistent store."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builders import STORY, write_jsonl

N_FILES, N_LINES = 300, 1500


def make_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_FILES):
        (folder / f"story_{i:04d}.txt").write_text(f"Report {i}.\n" + "\n".join(STORY), encoding="utf-8")
    write_jsonl(folder / "wire.jsonl", [
        {"id": f"w{i}", "url": f"https://wire.example/{i}", "text": f"Dispatch {i}. " + " ".join(STORY)}
        for i in range(N_LINES)])


def article_count(db: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def ingest_command(folder: Path, db: str) -> list[str]:
    # A small batch makes many transactions, so the kill lands between and inside them.
    return [sys.executable, "-m", "frontwatch", "ingest", str(folder), "--db", db, "-q"]


@pytest.mark.slow
def test_kill_nine_mid_ingest_then_rerun(tmp_path: Path):
    folder, db = tmp_path / "in", str(tmp_path / "store.db")
    make_corpus(folder)
    env = dict(os.environ, FRONTWATCH_INGEST_BATCH="7")
    proc = subprocess.Popen(ingest_command(folder, db), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while article_count(db) < N_FILES // 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed: enlarge the corpus"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = article_count(db)
    assert 0 < killed_at < N_FILES + N_LINES

    rerun = subprocess.run(ingest_command(folder, db), env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sources = conn.execute("SELECT source, position, count(*) FROM articles GROUP BY 1, 2").fetchall()
        assert all(n == 1 for _, _, n in sources), "every input present exactly once"
        assert len(sources) == N_FILES + N_LINES
        external = {r[0] for r in conn.execute("SELECT external_id FROM articles WHERE external_id IS NOT NULL")}
        assert external == {f"w{i}" for i in range(N_LINES)}
