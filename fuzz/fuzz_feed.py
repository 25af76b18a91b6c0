"""RSS and Atom feeds whose items carry the article's content.

Coverage-guided, through the real ingest into a fresh store: an exception, or an input that
is neither articles nor recorded rejections, is a crash. Run:
`python fuzz/fuzz_feed.py -max_total_time=60` or `-atheris_runs=5000` (see harness.py).
"""
from harness import reader_harness

if __name__ == "__main__":
    reader_harness("feed", ["rss", "atom"],
                   ["wire.rss", "wire.atom", "wire.xml"])
