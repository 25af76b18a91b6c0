"""JSONL feeds: one article a line, any line may be broken.

Coverage-guided, through the real ingest into a fresh store: an exception, or an input that
is neither articles nor recorded rejections, is a crash. Run:
`python fuzz/fuzz_jsonl.py -max_total_time=60` or `-atheris_runs=5000` (see harness.py).
"""
from harness import reader_harness

if __name__ == "__main__":
    reader_harness("jsonl", ["jsonl"],
                   ["wire.jsonl", "wire.json", "wire.txt"])
