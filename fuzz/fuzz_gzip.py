"""Gzip'd inputs: JSONL, HTML, feeds and WARC inside a gzip stream.

Coverage-guided, through the real ingest into a fresh store: an exception, or an input that
is neither articles nor recorded rejections, is a crash. Run:
`python fuzz/fuzz_gzip.py -max_total_time=60` or `-atheris_runs=5000` (see harness.py).
"""
from harness import reader_harness

if __name__ == "__main__":
    reader_harness("gzip", ["jsonl.gz", "html.gz", "rss.gz", "warc.gz"],
                   ["wire.jsonl.gz", "page.html.gz", "wire.gz", "crawl.warc.gz"])
