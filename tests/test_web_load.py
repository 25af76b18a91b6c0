"""`frontwatch serve` under concurrent requests while `frontwatch run` writes to the same store.

Real processes: the store is made by `frontwatch run examples`, the server is `frontwatch
serve`, the writer a second `frontwatch run` on other articles, and asyncio clients ask over
HTTP for what the map page asks for until the writer is done. Readers must never be refused
(no 5xx, no "database is locked"), the writer must finish, and what it wrote must be what
the API shows afterwards. Speed is bench/bench_serve_load.py's business, not this test's.
"""
from __future__ import annotations

import asyncio
import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import EXAMPLES, ROOT
from web_server import free_port

BIN = Path(sys.executable).parent
NEWS = ROOT / "eval" / "news" / "dev" / "articles" / "a.jsonl"
WRITER_ARTICLES = 20   # enough for the writer to run through every stage while requests come in
LOCKED = "database is locked"
CLIENTS = 16
MIN_REQUESTS = 300
MAX_REQUESTS = 5000
WRITER_TIMEOUT_S = 400


def frontwatch(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "frontwatch"), *args], **kw)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("load") / "load.db")
    subprocess.run([str(BIN / "frontwatch"), "run", str(EXAMPLES), "--db", db, "-q"], check=True,
                   stdout=subprocess.DEVNULL)
    return db


def wait_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(base + "/api/summary", timeout=2).raise_for_status()
            return
        except httpx.TransportError:
            assert server.poll() is None and time.monotonic() < deadline, "frontwatch serve did not start"
            time.sleep(0.1)


def requests_of_the_page(base: str) -> list[tuple[str, dict]]:
    """What the map page and its panels ask, with the ids the store holds before the writer."""
    with httpx.Client(base_url=base, timeout=30) as http:
        summary = http.get("/api/summary").json()
        events = http.get("/api/events", params={"limit": 50}).json()["items"]
        articles = http.get("/api/articles", params={"limit": 50}).json()["items"]
        places = http.get("/api/places").json()["items"]
    day = summary["last_day"]
    asks = [("/api/events", {}), ("/api/events", {"from": summary["first_day"], "to": day}),
            ("/api/events", {"kind": "captured", "limit": 20}), ("/api/control", {"date": day}),
            ("/api/control", {}), ("/api/places", {}), ("/api/tallies", {}), ("/api/timeline", {}),
            ("/api/summary", {}), ("/api/copies", {}), ("/", {}), ("/static/app.js", {})]
    asks += [(f"/api/events/{e['id']}", {}) for e in events[:10]]
    asks += [(f"/api/articles/{a['id']}", {}) for a in articles[:5]]
    asks += [(f"/api/control/places/{p['place_key']}", {}) for p in places[:5]]
    return asks


async def load_until(base: str, asks: list[tuple[str, dict]], writer: subprocess.Popen) -> list[httpx.Response]:
    """Ask from CLIENTS clients at once until the writer has exited and MIN_REQUESTS are answered."""
    answers: list[httpx.Response] = []

    async def client(seed: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(seed)
        while len(answers) < MAX_REQUESTS and (writer.poll() is None or len(answers) < MIN_REQUESTS):
            path, params = rng.choice(asks)
            answers.append(await http.get(path, params=params))

    # Idle connections dropped before uvicorn's 5 s keep-alive ends (both at 5 s race).
    limits = httpx.Limits(max_connections=CLIENTS, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(n, http) for n in range(CLIENTS)))
    return answers


def stored_articles(db: str) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.slow
def test_readers_are_served_while_a_run_writes_and_then_see_its_data(store, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log, writer_log, feed = tmp_path / "serve.log", tmp_path / "run.log", tmp_path / "news.jsonl"
    lines = NEWS.read_text("utf-8").splitlines()[:WRITER_ARTICLES]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    server = frontwatch("serve", "--db", store, "--port", str(port), stdout=subprocess.DEVNULL,
                        stderr=server_log.open("w"))
    writer = None
    try:
        wait_up(base, server)
        asks = requests_of_the_page(base)
        before = httpx.get(base + "/api/summary").json()
        writer = frontwatch("run", str(feed), "--db", store, "-q", stdout=writer_log.open("w"),
                            stderr=subprocess.STDOUT)
        answers = asyncio.run(load_until(base, asks, writer))
        code = writer.wait(timeout=WRITER_TIMEOUT_S)
        after = httpx.get(base + "/api/summary").json()
        title = json.loads(lines[-1])["title"]
        found = httpx.get(base + "/api/articles", params={"title": title}).json()
    finally:
        for process in (writer, server):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)

    refused = [f"{r.status_code} {r.url}: {r.text[:200]}" for r in answers
               if r.status_code >= 500 or LOCKED in r.text]
    assert len(answers) >= MIN_REQUESTS and not refused, refused[:5]
    assert {r.status_code for r in answers} <= {200, 404}, "only events re-fused meanwhile may be gone"
    log = server_log.read_text("utf-8", errors="replace")
    assert LOCKED not in log and "Traceback" not in log, log[-2000:]
    run_output = writer_log.read_text("utf-8", errors="replace")
    assert code == 0 and LOCKED not in run_output, run_output[-2000:]
    assert after["articles"] == stored_articles(store) > before["articles"]
    assert after["events"] > before["events"], "the writer's events are served"
    assert found["total"] >= 1, f"the written article {title!r} is served"
