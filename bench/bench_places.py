"""Places throughput and gazetteer build cost.

    python bench/bench_places.py [--repeat 5] [--gazetteer PATH]

Builds a gazetteer into a temporary folder (time and size), then runs the spaCy pipeline
over the texts of eval/places/gold.jsonl, ``--repeat`` times, and prints mentions per
second for recognition (spaCy model + place recognizer) and for resolution alone.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench_build(folder: str) -> str:
    from frontwatch.places.build import build_gazetteer

    path = os.path.join(folder, "gazetteer.sqlite")
    report = build_gazetteer(path)
    print(f"gazetteer build: {report.seconds:.1f} s, {report.bytes / 1e6:.0f} MB, "
          f"{report.entries} entries, {report.names} names")
    return path


def bench_pipeline(gazetteer: str, repeat: int) -> None:
    import spacy

    from frontwatch.places.component import PlacesComponent
    from frontwatch.places.focus import word_votes
    from frontwatch.places.recognize import find_candidates
    from frontwatch.places.resolve import resolve
    from frontwatch.settings import Settings

    texts = [json.loads(line)["text"] for line in
             (ROOT / "eval" / "places" / "gold.jsonl").read_text("utf-8").splitlines() if line]
    nlp = spacy.load(Settings().spacy_model)
    component = PlacesComponent(nlp, "frontwatch_places", gazetteer)
    started = time.perf_counter()
    docs = list(nlp.pipe(texts * repeat))
    spacy_s = time.perf_counter() - started
    started = time.perf_counter()
    found = [(doc, find_candidates(doc, component.gazetteer,
                                   word_votes((t.text for t in doc), component.country_words)))
             for doc in docs]
    recognize_s = time.perf_counter() - started
    started = time.perf_counter()
    mentions = sum(len(resolve(cands)) for _, cands in found)
    resolve_s = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts) * repeat
    print(f"{mentions} mentions in {len(docs)} texts ({words} words)")
    print(f"recognition (place recognizer on parsed docs): {mentions / recognize_s:,.0f} mentions/s")
    print(f"resolution: {mentions / resolve_s:,.0f} mentions/s")
    print(f"spaCy model alone: {words / spacy_s:,.0f} words/s; whole pipeline "
          f"{mentions / (spacy_s + recognize_s + resolve_s):,.0f} mentions/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--gazetteer", help="use this gazetteer instead of building one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.gazetteer or bench_build(folder)
        bench_pipeline(path, args.repeat)


if __name__ == "__main__":
    main()
