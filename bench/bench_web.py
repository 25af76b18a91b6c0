"""Requests per second and latency of /api/events while an ingest writes to the same store.

    python bench/bench_web.py [--seconds 15] [--clients 4] [--events 3000]

Builds a store with generated events (real fusion), starts `frontwatch serve` on a free
loopback port in its own process, starts an ingest of generated articles into the same
store in another process, and drives /api/events (varied filters and pages) from client
threads for a bounded time. Prints the figures; then the same without the writer.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACES = ["Kunduz", "Taloqan", "Sar-e-Pul", "Sheberghan", "Aybak", "Farah", "Ghazni", "Herat",
          "Zaranj", "Pul-e-Khumri", "Faizabad", "Maimana", "Qala-i-Naw", "Lashkar Gah", "Kandahar"]
KINDS = ["captured", "recaptured", "besieged", "entered", "clash"]


def build_store(path: str, n_events: int) -> None:
    from frontwatch.fuse import Mention, Place
    from frontwatch.fuse.run import fuse_store
    from frontwatch.store import open_store

    rng = random.Random(3)
    places = [Place(f"{name} {i}", f"bench:{name}:{i}", "populated place", name, None, "AF",
                    30 + rng.random() * 7, 61 + rng.random() * 9, 1, "PPLA" if i == 0 else "PPL")
              for name in PLACES for i in range(max(1, n_events // (len(PLACES) * 4)))]
    mentions = [Mention(id=f"bm{i}", article_id=f"ba{i}", order=i, kind=rng.choice(KINDS),
                        factuality=rng.choice(["asserted", "asserted", "attributed"]),
                        place=rng.choice(places), date=f"2021-{rng.randint(6, 8):02d}-{rng.randint(1, 28):02d}",
                        date_precision="day", date_basis="explicit", new_controller=rng.choice(["Taliban", "Afghan government"]),
                        fatalities=rng.choice([None, None, 3, 12]), sentence=f"Generated sentence {i}.",
                        evidence={"trigger": "Generated"}, outlet=f"Outlet {i % 40}")
                for i in range(n_events)]
    with open_store(path) as store:
        fuse_store(store, mentions)


def writer(db: str, seconds: float) -> None:
    """Ingest generated feeds into ``db`` until time is up; print how many articles were written."""
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import Settings
    from frontwatch.store import open_store

    deadline, written, batch = time.monotonic() + seconds, 0, 0
    with tempfile.TemporaryDirectory() as tmp, open_store(db) as store:
        while time.monotonic() < deadline:
            feed = Path(tmp) / f"feed{batch}.jsonl"
            feed.write_text("\n".join(json.dumps({
                "id": f"w{batch}-{i}", "url": f"https://bench.example/{batch}/{i}", "published": "2021-08-09",
                "title": f"Bench story {batch}-{i}",
                "text": f"Fighters entered {PLACES[i % len(PLACES)]} on Sunday, officials said. " * 8})
                for i in range(100)), encoding="utf-8")
            written += ingest_paths(store, [str(feed)], Settings(db=db)).added
            batch += 1
    print(json.dumps({"articles_written": written}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, seconds: float = 30) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/summary", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


QUERIES = [{}, {"kind": "captured"}, {"from": "2021-07-01", "to": "2021-07-31"}, {"min_confidence": 0.4},
           {"place": "Kunduz", "limit": 50}, {"offset": 500, "limit": 100}, {"actor": "Afghan government"}]


def load(base: str, seconds: float, clients: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        rng = random.Random(n)
        mine: list[float] = []
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                response = http.get("/api/events", params=rng.choice(QUERIES))
                mine.append(time.perf_counter() - started)
                if response.status_code != 200:
                    with lock:
                        errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return {"requests": len(latencies), "rps": round(len(latencies) / elapsed, 1), "errors": errors[0],
            "p50_ms": round(pick(0.50), 1), "p99_ms": round(pick(0.99), 1), "max_ms": round(latencies[-1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--writer", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer, args.seconds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        build_store(db, args.events)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([str(Path(sys.executable).parent / "frontwatch"), "serve", "--db", db,
                                   "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            wait_up(base)
            ingest = subprocess.Popen([sys.executable, __file__, "--writer", db, "--seconds", str(args.seconds)],
                                      stdout=subprocess.PIPE, text=True)
            busy = load(base, args.seconds, args.clients)
            written = json.loads(ingest.communicate(timeout=args.seconds + 120)[0].strip().splitlines()[-1])
            idle = load(base, args.seconds / 2, args.clients)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"store: {args.events} generated events; {args.clients} client threads; loopback; 2 cores shared "
          "by server, writer and clients")
    print(f"/api/events while ingesting ({written['articles_written']} articles written in "
          f"{args.seconds:.0f} s): {busy}")
    print(f"/api/events with no writer: {idle}")


if __name__ == "__main__":
    main()
