"""Exports: ACLED-style CSV, GeoJSON, JSONL and Parquet events; control timelines as CSV/JSON."""
from frontwatch.export.write import FORMATS, export

__all__ = ["FORMATS", "export"]
