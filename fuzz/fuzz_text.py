"""Plain text, Markdown and HTML files (one article each), in UTF-8 and cp1252.

Coverage-guided, through the real ingest into a fresh store: an exception, or an input that
is neither articles nor recorded rejections, is a crash. Run:
`python fuzz/fuzz_text.py -max_total_time=60` or `-atheris_runs=5000` (see harness.py).
"""
from harness import reader_harness

if __name__ == "__main__":
    reader_harness("text", ["text", "markdown", "html", "html-cp1252"],
                   ["story.txt", "story.md", "page.html", "page.htm", "notes"])
