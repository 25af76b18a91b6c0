"""A job stopped at any moment and run again ends as a clean run would.

The slow test SIGKILLs `frontwatch run` and the exports at moments spread over the whole
job (tests/crash_run.py has the machinery and the checks). The others stop a stage in
process between two of its transactions, by raising from its progress callback (called
right after a transaction commits), which leaves the store as a kill there would.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from crash_run import (WINDOWS, CorpusSize, Job, build_corpus, job_env, make_reference, run_trials,
                       stage_histogram)
from test_fuse_store import corpus as fuse_corpus
from frontwatch.copies import find_copies
from frontwatch.export import export
from frontwatch.fuse.run import fuse_store
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store import open_store

SMALL = CorpusSize(other_news=40, conflict=3, copies=1, roundups=2)
TRIALS = len(WINDOWS)     # one kill aimed at each window: ingest, copies, extract, fuse, export


class Interrupted(BaseException):
    """Stands for a kill, raised between two transactions of a stage."""


def stop_at(label: str):
    """A progress callback that stops its stage the first time it reports ``label``."""
    def progress(done: int, total: int, at: str) -> None:
        if at == label:
            raise Interrupted(label)
    return progress


def rows(store, *tables: str) -> dict[str, list[tuple]]:
    return {t: sorted(tuple(r) for r in store.query(f"SELECT * FROM {t}")) for t in tables}


@pytest.mark.slow
def test_kill_nine_anywhere_in_the_job_then_resume_equals_a_clean_run(tmp_path: Path, gazetteer_path):
    corpus = tmp_path / "corpus"
    planted = build_corpus(corpus, SMALL)
    env = job_env(gazetteer_path)
    reference = make_reference(Job(corpus, tmp_path / "ref.db", tmp_path / "ref", tmp_path, env), planted)
    assert all(reference.tables[t] for t in ("events", "control_states", "copy_members"))

    trials = run_trials(tmp_path, corpus, env, reference, TRIALS, seed=3, rekill_share=0.4)
    print("stages hit:", dict(stage_histogram(trials)))
    failures = {t.line(): t.problems for t in trials if t.problems}
    assert not failures


def test_copies_stopped_after_signing_then_resumed_clusters_as_a_clean_run(tmp_path: Path):
    """The signatures of new articles were once stored before their pairs were compared:
    a re-run then took every article for done and never clustered them."""
    settings = Settings()
    with open_store(str(tmp_path / "clean.db")) as clean, open_store(str(tmp_path / "stopped.db")) as stopped:
        for store in (clean, stopped):
            ingest_paths(store, [str(EXAMPLES)], settings)
        find_copies(clean, settings)
        with pytest.raises(Interrupted):
            find_copies(stopped, settings, on_progress=stop_at("candidates"))
        report = find_copies(stopped, settings)
        tables = ("copy_signatures", "copy_pairs", "copy_clusters", "copy_members")
        assert rows(clean, "copy_members")["copy_members"], "the sample corpus holds copies"
        assert rows(stopped, *tables) == rows(clean, *tables)
        assert report.new == len(rows(clean, "copy_signatures")["copy_signatures"])


def test_fusion_stopped_before_the_timelines_then_resumed_rebuilds_them(tmp_path: Path):
    """Control timelines were once rebuilt in a transaction of their own after every bucket's:
    a re-run found no bucket changed and left the places without timelines."""
    mentions = fuse_corpus()
    with open_store(str(tmp_path / "clean.db")) as clean, open_store(str(tmp_path / "stopped.db")) as stopped:
        fuse_store(clean, mentions)
        with pytest.raises(Interrupted):
            fuse_store(stopped, mentions, on_progress=stop_at("control"))
        fuse_store(stopped, mentions)
        tables = ("events", "event_sources", "fuse_state", "control_states")
        assert rows(clean, "control_states")["control_states"]
        assert _without_write_times(rows(stopped, *tables)) == _without_write_times(rows(clean, *tables))


def _without_write_times(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Events carry the time they were written (their last column): two runs differ there."""
    return {name: [r[:-1] if name == "events" else r for r in rows] for name, rows in tables.items()}


def test_a_failed_export_leaves_the_previous_file_whole(tmp_path: Path):
    """An export that stops half-way (here an event whose write time cannot be read) leaves
    the file it would replace as it was, and no partial file beside it."""
    with open_store(str(tmp_path / "fw.db")) as store:
        fuse_store(store, fuse_corpus())
        out = tmp_path / "events.csv"
        export(store, "acled-csv", out)
        before = out.read_bytes()
        with store.transaction():
            store.execute("UPDATE events SET updated_at = 'not a time'")
        with pytest.raises(ValueError):
            export(store, "acled-csv", out)
    assert out.read_bytes() == before
    assert not list(tmp_path.glob(".events.csv*"))


# A driver with two forked extraction workers that waits once they have answered.
DRIVER = """
import time
from frontwatch.engine.forked import ForkedWorkers
with ForkedWorkers(len, 2) as pool:
    print(*pool.map([[1], [1, 2]]), *(p.pid for p in pool.procs), flush=True)
    time.sleep(600)
"""


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def test_a_killed_driver_leaves_no_extraction_worker_behind():
    """Each worker held the driver's ends of the pipes (a fork copies them), so it never
    saw the driver go away: kill -9 on `frontwatch run` left its workers waiting for ever."""
    driver = subprocess.Popen([sys.executable, "-c", DRIVER], stdout=subprocess.PIPE, text=True)
    one, two, *workers = map(int, driver.stdout.readline().split())
    assert (one, two) == (1, 2) and len(workers) == 2
    os.kill(driver.pid, signal.SIGKILL)
    driver.wait()
    try:
        deadline = time.monotonic() + 10
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if running(pid)], "workers outlived their driver"
    finally:
        for pid in filter(running, workers):
            os.kill(pid, signal.SIGKILL)
