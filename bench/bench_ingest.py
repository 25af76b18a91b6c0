"""Ingest throughput and peak memory on generated corpora.

    python bench/bench_ingest.py [--articles 5000]

Writes a generated corpus (text files, one JSONL feed, HTML pages) to a temporary folder,
ingests it into a fresh store, and prints articles per second and peak resident memory
for each format, then for a re-run (everything already stored).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from builders import html_page  # noqa: E402

PLACES = ["Kunduz", "Taloqan", "Sar-e-Pul", "Sheberghan", "Aybak", "Farah", "Ghazni", "Herat"]
VERBS = ["seized", "entered", "surrounded", "took control of", "retook"]


def story(rng: random.Random, n: int) -> list[str]:
    place = rng.choice(PLACES)
    return [f"Report {n}: fighters {rng.choice(VERBS)} {place} on Sunday, officials said.",
            f"Residents of {place} described heavy gunfire near the governor's office and the airport road.",
            "[ad_1]", "READ MORE: Talks stall as the offensive widens",
            f"A council member said at least {rng.randint(2, 40)} people were killed in the fighting.",
            "Share This"]


def make_corpus(root: Path, n: int) -> dict[str, Path]:
    rng = random.Random(7)
    third = n // 3
    text_dir, html_dir = root / "text", root / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    for i in range(third):
        (text_dir / f"a{i}.txt").write_text("Published: August 9, 2021\n" + "\n".join(story(rng, i)))
    with open(root / "feed.jsonl", "w") as fh:
        for i in range(third):
            fh.write(json.dumps({"id": f"j{i}", "url": f"https://w.example/{i}", "published": "2021-08-09",
                                "text": "\n".join(story(rng, i))}) + "\n")
    for i in range(n - 2 * third):
        (html_dir / f"p{i}.html").write_text(html_page(f"Story {i}", story(rng, i), "2021-08-09T10:00:00Z"))
    return {"text": text_dir, "jsonl": root / "feed.jsonl", "html": html_dir}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import Settings
    from frontwatch.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_corpus(Path(tmp), args.articles)
        db = str(Path(tmp) / "bench.db")
        print(f"{'format':<8} {'articles':>8} {'seconds':>8} {'art/s':>8} {'peak MB':>8}")
        with open_store(db) as store:
            for label, path in [*inputs.items(), ("re-run", Path(tmp))]:
                start = time.perf_counter()
                report = ingest_paths(store, [str(path)], Settings(db=db))
                elapsed = time.perf_counter() - start
                count = report.added if label != "re-run" else args.articles
                print(f"{label:<8} {count:>8} {elapsed:>8.2f} {count / elapsed:>8.0f} {peak_mb():>8.0f}")
        print(f"store size: {Path(db).stat().st_size / 1e6:.1f} MB for {args.articles} articles")


if __name__ == "__main__":
    main()
