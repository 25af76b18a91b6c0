"""Extraction throughput: one process vs Dask workers, and the driver's peak memory.

Builds a corpus of examples/ repeated ``--repeat`` times (each copy made distinct by a
reference line, so every copy is a new article), then extracts it with the local engine and
with a LocalCluster of 1 and 2 workers, each in a fresh process so peak memory is per run.
Times include loading spaCy and starting the cluster; the dask driver never loads spaCy.

    .venv/bin/python bench/bench_engine.py [--repeat 10] [--gazetteer PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = tuple((e, int(w)) for e, w in (r.split(":") for r in os.environ.get("BENCH_RUNS", "local:0 dask:1 dask:2").split()))


def build_corpus(folder: Path, repeat: int, gazetteer: str) -> str:
    """A store holding every example article ``repeat`` times, each copy its own article."""
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import load_settings
    from frontwatch.store import open_store
    from frontwatch.store.articles import iter_articles

    seed = load_settings(db=str(folder / "seed.db"), gazetteer=gazetteer)
    with open_store(seed.db) as store:
        ingest_paths(store, [str(ROOT / "examples")], seed)
        originals = list(iter_articles(store))
    feed = folder / "corpus.jsonl"
    with feed.open("w") as out:
        for copy in range(repeat):
            for n, a in enumerate(originals):
                out.write(json.dumps({"id": f"{copy}-{n}", "title": a.title, "published": a.published,
                                      "outlet": a.outlet, "text": f"{a.text}\n\nRef. {copy}-{n}."}) + "\n")
    return str(feed)


def one_run(engine: str, workers: int, feed: str, db: str, gazetteer: str) -> dict:
    from frontwatch.engine import Engine
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import load_settings
    from frontwatch.store import open_store

    settings = load_settings(db=db, gazetteer=gazetteer)
    with open_store(settings.db) as store:
        ingest_paths(store, [feed], settings)
        start = time.perf_counter()
        report = Engine(engine, workers=max(1, workers)).extract(store, settings)
        seconds = time.perf_counter() - start
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {"articles": report.articles, "mentions": report.mentions, "seconds": seconds,
            "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
            "driver_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--gazetteer", default="", help="gazetteer file (default: the settings')")
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "WORKERS", "FEED", "DB"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        engine, workers, feed, db = args.one
        print(json.dumps(one_run(engine, int(workers), feed, db, args.gazetteer)))
        return
    from frontwatch.places.gazetteer import ensure_gazetteer
    from frontwatch.settings import load_settings

    gazetteer = load_settings(gazetteer=args.gazetteer).gazetteer_path
    ensure_gazetteer(gazetteer).close()
    with tempfile.TemporaryDirectory() as tmp:
        feed = build_corpus(Path(tmp), args.repeat, gazetteer)
        for engine, workers in RUNS:
            db = str(Path(tmp) / f"{engine}{workers}.db")
            out = subprocess.run([sys.executable, __file__, "--gazetteer", gazetteer,
                                  "--one", engine, str(workers), feed, db],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            label = "local" if engine == "local" else f"dask, {workers} worker(s)"
            print(f"{label:20s} {r['articles']} articles, {r['mentions']} mentions in "
                  f"{r['seconds']:.1f} s: {r['articles'] / r['seconds']:.1f} articles/s "
                  f"({r['cpu']:.0f} CPU s in all, ingest included); "
                  f"peak memory: driver {r['driver_mb']:.0f} MB, largest worker {r['child_mb']:.0f} MB")


if __name__ == "__main__":
    main()
