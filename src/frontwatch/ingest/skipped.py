"""Parts of an input that are not articles by nature (a WARC request record, an image)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skipped:
    source: str
    position: str | None
    what: str          # "warc request record", "image/png response", ...
