"""The web app under concurrent load while `frontwatch run` writes to the same store.

    .venv/bin/python bench/bench_serve_load.py [--seconds 30] [--max-seconds 120] [--clients 24] [--articles 300]

Builds a store with `frontwatch run examples`, starts `frontwatch serve` on it (its own
process, a free loopback port), then starts `frontwatch run` on a generated stream of
--articles articles (half conflict reports, some of them copies, half other news) writing
to the SAME store, and drives the API from --clients asyncio clients for at least --seconds
and for as long as the writer runs (up to --max-seconds), over the map page's mix of
routes: event listings with filters, event detail with its evidence, control on a day, a
place's timeline, places, tallies, the timeline, articles, mentions, copies, the page and
its script. Prints requests served, answers by status, 5xx and "database is locked" counts
(in answers and in the server's stderr), p50/p95/p99 latency overall and by route, req/s,
whether the writer finished cleanly while serving, and whether its articles became visible
through the API afterwards.

Exits 1 on any 5xx, failed request, lock error, traceback, or a writer that failed.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LOCKED = "database is locked"
START_WAIT_S = 30
WRITER_GRACE_S = 600     # how long to wait for the writer once the load is over
# Idle connections are dropped before uvicorn's 5 s keep-alive ends: with both at 5 s, a
# request sent as the server closes an idle connection fails (ReadError), as in any client.
CLIENT_KEEPALIVE_S = 2.0
OTHER_NEWS = ("shares profit revenue quarter forecast dividend investors market prices inflation rates bank loan "
              "merger output exports factory supply demand retail growth budget bonds currency index earnings "
              "match goal season league coach festival concert film album rain snow wind storm the a of in on "
              "and with for after said will").split()


@dataclass
class Targets:
    """What the clients ask about: ids seen in listings (refreshed as the writer adds events)."""
    event_ids: list[str]
    article_ids: list[str]
    place_keys: list[str]
    days: list[str]
    first_day: str
    last_day: str


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)      # 5xx, transport errors, lock messages
    locked: int = 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_stream(path: Path, n: int) -> int:
    """A JSONL feed of ``n`` articles as a wire carries them: half conflict reports (the news
    gold's articles, carried again under new addresses, so some are copies) and half other
    news drawn word by word."""
    rng = random.Random(5)
    pool = [json.loads(line) for f in sorted((ROOT / "eval" / "news").glob("*/articles/*.jsonl"))
            for line in f.read_text("utf-8").splitlines() if line.strip()]
    items = []
    for i in range(n):
        if i % 2:
            item = dict(rng.choice(pool), id=f"load-{i}", url=f"https://wire.example/{i}")
        else:
            words = rng.sample(OTHER_NEWS, 12)
            text = "\n\n".join(" ".join(rng.choice(words) for _ in range(40)).capitalize() + "."
                                for _ in range(5))
            item = {"id": f"load-{i}", "url": f"https://news.example/{i}", "title": f"Market update {i}",
                    "outlet": "Load Wire", "published": f"2021-08-{1 + i % 28:02d}", "text": f"{i} {text}"}
        items.append(item)
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    return len(items)


def build_store(db: str) -> None:
    subprocess.run([str(BIN / "frontwatch"), "run", str(ROOT / "examples"), "--db", db, "-q"],
                   check=True, stdout=subprocess.DEVNULL)


def wait_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_WAIT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("frontwatch serve exited before it answered")
        try:
            if httpx.get(base + "/api/summary", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("frontwatch serve did not answer in time")


def fetch_targets(base: str) -> Targets:
    with httpx.Client(base_url=base, timeout=30) as http:
        summary = http.get("/api/summary").json()
        events = http.get("/api/events", params={"limit": 500}).json()["items"]
        articles = http.get("/api/articles", params={"limit": 500}).json()["items"]
        places = http.get("/api/places").json()["items"]
    days = sorted({e["date"][:10] for e in events if e.get("date") and len(e["date"]) >= 10})
    return Targets([e["id"] for e in events], [a["id"] for a in articles],
                   [p["place_key"] for p in places], days or [summary["last_day"]],
                   summary["first_day"], summary["last_day"])


def pick_request(rng: random.Random, t: Targets) -> tuple[str, str, dict]:
    """(route label, path, params) for one request, weighted as the map page asks."""
    day = rng.choice(t.days)
    choices = [
        (4, lambda: ("events", "/api/events", rng.choice([
            {}, {"country": "AF"}, {"kind": "captured"}, {"from": t.first_day, "to": t.last_day},
            {"from": day, "to": day}, {"min_confidence": 0.5}, {"place": rng.choice(t.place_keys or ["Kunduz"])},
            {"limit": 50, "offset": rng.randint(0, 200)}, {"background": "true"}, {"factuality": "asserted"}]))),
        (3, lambda: ("event detail", f"/api/events/{rng.choice(t.event_ids)}", {})),
        (2, lambda: ("control", "/api/control", {"date": day})),
        (1, lambda: ("place timeline", f"/api/control/places/{rng.choice(t.place_keys)}", {})),
        (2, lambda: ("places", "/api/places", rng.choice([{}, {"country": "AF"}]))),
        (1, lambda: ("tallies", "/api/tallies", {})),
        (1, lambda: ("timeline", "/api/timeline", {})),
        (1, lambda: ("summary", "/api/summary", {})),
        (1, lambda: ("article", f"/api/articles/{rng.choice(t.article_ids)}", {})),
        (1, lambda: ("articles", "/api/articles", rng.choice([{}, {"title": "taliban"}, {"offset": 20}]))),
        (1, lambda: ("mentions", "/api/mentions", {"article_id": rng.choice(t.article_ids)})),
        (1, lambda: ("copies", "/api/copies", {})),
        (1, lambda: ("page", rng.choice(["/", "/static/app.js"]), {})),
    ]
    make = rng.choices([c[1] for c in choices], weights=[c[0] for c in choices])[0]
    return make()


def note_answer(tally: Tally, t: Targets, label: str, path: str, response: httpx.Response) -> None:
    tally.statuses[response.status_code] += 1
    body = response.text
    if LOCKED in body:
        tally.locked += 1
    if response.status_code >= 500 or LOCKED in body or "Traceback" in body:
        tally.failures.append(f"{response.status_code} {path}: {body[:200]}")
    elif label == "events" and response.status_code == 200:
        ids = [e["id"] for e in response.json()["items"]]
        if ids:   # the writer re-fuses events: ask about the ones a listing shows now
            t.event_ids[:] = sorted(set(t.event_ids[-400:]) | set(ids))


@dataclass(frozen=True)
class Span:
    """How long the load lasts: at least ``least`` seconds, and while the writer runs, up to
    ``most`` seconds."""
    writer: subprocess.Popen
    started: float
    least: float
    most: float

    def going(self) -> bool:
        elapsed = time.monotonic() - self.started
        return elapsed < self.least or (self.writer.poll() is None and elapsed < self.most)


async def client(n: int, http: httpx.AsyncClient, t: Targets, tally: Tally, span: Span) -> None:
    rng = random.Random(n)
    while span.going():
        label, path, params = pick_request(rng, t)
        started = time.perf_counter()
        try:
            response = await http.get(path, params=params)
        except httpx.HTTPError as exc:
            tally.statuses["transport error"] += 1
            tally.failures.append(f"{type(exc).__name__} {path} after {time.perf_counter() - started:.2f} s: "
                                  f"{exc!r}")
            continue
        tally.latencies[label].append(time.perf_counter() - started)
        note_answer(tally, t, label, path, response)


async def drive(base: str, t: Targets, clients: int, span: Span) -> tuple[Tally, float]:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients,
                          keepalive_expiry=CLIENT_KEEPALIVE_S)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(n, http, t, tally, span) for n in range(clients)))
        return tally, time.monotonic() - span.started


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))] * 1000


def visible_after(base: str, db: str) -> tuple[int, int]:
    """(articles the API reports, articles the store holds) once the writer is done."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    served = httpx.get(base + "/api/summary", timeout=30).json()["articles"]
    return served, stored


def report(tally: Tally, elapsed: float, clients: int, writer: dict, server_err: str,
           visible: tuple[int, int], before: int) -> bool:
    every = sorted(v for values in tally.latencies.values() for v in values)
    served = sum(tally.statuses.values())
    five = sum(n for s, n in tally.statuses.items() if isinstance(s, int) and s >= 500)
    locked_log = server_err.count(LOCKED)
    tracebacks = server_err.count("Traceback")
    print(f"{clients} asyncio clients for {elapsed:.1f} s on loopback; server, writer and clients share the machine")
    print(f"requests served: {served}  ({served / elapsed:.1f} req/s)")
    print("answers by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(tally.statuses.items(), key=str)))
    print(f"5xx: {five}; failed requests: {tally.statuses['transport error']}; '{LOCKED}' in answers: "
          f"{tally.locked}, in server stderr: {locked_log}; tracebacks in server stderr: {tracebacks}")
    print(f"latency ms: p50 {percentile(every, .5):.1f}  p95 {percentile(every, .95):.1f}  "
          f"p99 {percentile(every, .99):.1f}  max {every[-1] * 1000 if every else float('nan'):.1f}")
    for label, values in sorted(tally.latencies.items()):
        values.sort()
        print(f"  {label:<15} {len(values):6d} req  p50 {percentile(values, .5):7.1f}  "
              f"p99 {percentile(values, .99):7.1f}")
    print(f"writer: `frontwatch run` on {writer['articles']} articles exited {writer['code']} after "
          f"{writer['seconds']:.1f} s ({'while serving' if writer['during_load'] else 'after the load ended'}); "
          f"'{LOCKED}' in its output: {writer['locked']}")
    print(f"after the writer: the API reports {visible[0]} articles, the store holds {visible[1]} "
          f"(was {before} before the writer)")
    for line in tally.failures[:10]:
        print("  failure:", line)
    logged = [line for line in server_err.splitlines() if line.strip() and not line.startswith("frontwatch: http")]
    if logged:
        print("server stderr (last lines):\n  " + "\n  ".join(logged[-15:]))
    return (five == 0 and not tally.failures and locked_log == 0 and tracebacks == 0 and writer["code"] == 0
            and not writer["locked"] and visible[0] == visible[1] > before)


def start_writer(db: str, feed: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "frontwatch"), "run", str(feed), "--db", db, "-q"],
                            stdout=log.open("w"), stderr=subprocess.STDOUT)


def finish_writer(writer: subprocess.Popen, started: float, load_end: float, log: Path, n: int) -> dict:
    code = writer.wait(timeout=WRITER_GRACE_S)
    ended = time.monotonic()
    text = log.read_text("utf-8", errors="replace")
    if code != 0:
        print(text[-2000:])
    return {"articles": n, "code": code, "seconds": ended - started, "during_load": ended <= load_end + 1,
            "locked": text.count(LOCKED)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="least time under load")
    parser.add_argument("--max-seconds", type=float, default=120,
                        help="most time under load, when the writer is still running")
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, feed = str(Path(tmp) / "load.db"), Path(tmp) / "stream.jsonl"
        build_store(db)
        n = write_stream(feed, args.articles)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server_log = Path(tmp) / "serve.err"
        server = subprocess.Popen([str(BIN / "frontwatch"), "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=server_log.open("w"))
        writer = None
        try:
            wait_up(base, server)
            targets = fetch_targets(base)
            before = visible_after(base, db)[1]
            started = time.monotonic()
            writer = start_writer(db, feed, Path(tmp) / "run.log")
            span = Span(writer, started, args.seconds, args.max_seconds)
            tally, elapsed = asyncio.run(drive(base, targets, args.clients, span))
            written = finish_writer(writer, started, started + elapsed, Path(tmp) / "run.log", n)
            visible = visible_after(base, db)
        finally:
            for process in (writer, server):
                if process is not None and process.poll() is None:
                    process.terminate()
                    process.wait(timeout=30)
        clean = report(tally, elapsed, args.clients, written, server_log.read_text("utf-8", errors="replace"),
                       visible, before)
    print("OK" if clean else "FAILED")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
