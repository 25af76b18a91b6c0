"""Ingest: files and folders of articles into the store.

Text, Markdown, HTML, JSONL feeds, WARC(.gz) and RSS/Atom files, told apart by their
content. Every item becomes an article or a recorded rejection with a reason.
"""
from frontwatch.ingest.run import IngestReport, ingest_paths, iter_input_paths

__all__ = ["IngestReport", "ingest_paths", "iter_input_paths"]
