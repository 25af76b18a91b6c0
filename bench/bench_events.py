"""Throughput and peak memory of event extraction over the sample corpus.

Prints articles/s and sentences/s of the events stage on top of one spaCy pass (the places
pipeline), measured over examples/ repeated ``--repeat`` times.

    .venv/bin/python bench/bench_events.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from frontwatch.events.actors import load_actors
    from frontwatch.events.extract import extract_article, segments
    from frontwatch.ingest import ingest_paths
    from frontwatch.places import load_places_pipeline
    from frontwatch.settings import load_settings
    from frontwatch.store import open_store
    from frontwatch.store.articles import iter_articles

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=str(Path(tmp) / "fw.db"))
        store = open_store(settings.db)
        ingest_paths(store, [str(ROOT / "examples")], settings)
        articles = list(iter_articles(store)) * args.repeat
        nlp = load_places_pipeline(settings)
        actors = load_actors(settings.actors_file)
        texts = [f"{a.title}\n\n{a.text}" if a.title else a.text for a in articles]
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        sentences = mentions = 0
        for article, doc in zip(articles, docs):
            sentences += sum(1 for _ in segments(doc))
            mentions += len(extract_article(article, nlp, actors, doc=doc))
        t2 = time.perf_counter()
    n = len(articles)
    print(f"articles {n}, sentences {sentences}, mentions {mentions}")
    print(f"spaCy + places pass: {n / (t1 - t0):.1f} articles/s, {sentences / (t1 - t0):.0f} sentences/s")
    print(f"event rules alone:   {n / (t2 - t1):.1f} articles/s, {sentences / (t2 - t1):.0f} sentences/s")
    print(f"end to end:          {n / (t2 - t0):.1f} articles/s, {sentences / (t2 - t0):.0f} sentences/s")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
