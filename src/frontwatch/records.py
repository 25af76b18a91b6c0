"""The plain records that flow between the per-article stages.

They carry no behaviour beyond small conveniences and no references to stores or models,
so any engine (one process, a process pool, a cluster) can ship them between workers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """One item read from an input, before cleaning."""

    source: str                      # the path or URL it came from
    position: str | None             # "line 12", "record at byte 4096", "item 3"; None for a whole file
    input_format: str                # text, markdown, html, jsonl, warc, rss, atom
    body: str                        # decoded text or HTML, as given
    body_kind: str                   # "html" or "text" (markdown is text)
    url: str | None = None
    title: str | None = None
    published: str | None = None     # as the source gave it (feed field, JSONL field)
    outlet: str | None = None
    author: str | None = None
    external_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None      # detected encoding of the bytes, when decoded here


@dataclass(frozen=True)
class Rejection:
    """An input (or part of one) that did not become an article, and why."""

    source: str
    position: str | None
    stage: str                       # ingest or clean
    reason: str                      # short code: binary, empty, too-large, bad-json, ...
    detail: str                      # what happened and what to do


@dataclass(frozen=True)
class RemovedLine:
    line: str
    reason: str                      # ad-marker, read-more, share, page-date, ...


@dataclass(frozen=True)
class Article:
    """A cleaned article: what every later stage reads.

    ``text`` excludes the title and every removed line; stages that want the headline
    read ``title`` as well. ``published`` is ISO 8601 (a date, or a date-time with or
    without an offset) or None when nothing in the input says.
    """

    id: str
    source: str
    position: str | None
    input_format: str
    text: str
    raw: str
    raw_kind: str
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: str | None = None
    language: str | None = None
    removed_lines: tuple[RemovedLine, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    version: int = 1
    supersedes: str | None = None

    @property
    def published_date(self) -> str | None:
        """The publication day (YYYY-MM-DD), or None."""
        return self.published[:10] if self.published else None


@dataclass(frozen=True)
class Place:
    """A resolved place, as events and fusion carry it (see frontwatch.places for how)."""

    name: str
    id: str | None = None
    level: str | None = None          # country, admin1, admin2, populated place, site
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None      # ACLED geo_precision: 1 the place, 2 near it, 3 region only
    feature: str | None = None        # GeoNames feature code when known (PPLA = admin1 seat)
