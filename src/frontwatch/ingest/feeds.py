"""RSS and Atom feed files whose items carry the article's content."""
from __future__ import annotations

import re
from collections.abc import Iterator

from frontwatch.records import RawDocument, Rejection


SECTION_MAX_WORDS = 2   # "World", "Asia Pacific": a feed's section, not part of the outlet's name


def _content(entry) -> tuple[str | None, str]:
    for item in entry.get("content") or []:
        if item.get("value"):
            return item["value"], "text" if item.get("type") == "text/plain" else "html"
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        return entry["summary"], "text" if detail.get("type") == "text/plain" else "html"
    return None, "text"


def feed_outlet(title: str | None) -> str | None:
    """The outlet from a feed title: "Hindu Kush Herald — Security" is Hindu Kush Herald."""
    title = " ".join((title or "").split())   # one space each: long runs made the match backtrack
    m = re.match(r"^(?P<name>.+?)\s+[—–|:-]\s+(?P<section>[^—–|:]{1,30})$", title)
    if m and len(m.group("section").split()) <= SECTION_MAX_WORDS:
        return m.group("name").strip()
    return title or None


# A numeric character reference; feedparser's loose parser calls chr() on its value.
CHARREF_RX = re.compile(rb"&#(?:[xX](?P<hex>[0-9a-fA-F]+)|(?P<dec>[0-9]+));")


def _no_character(m: re.Match) -> bytes:
    digits = m.group("hex") or m.group("dec")
    if len(digits) <= 8:
        value = int(digits, 16 if m.group("hex") else 10)
        if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
            return m.group(0)
    return b"&#xFFFD;"


def readable_charrefs(data: bytes) -> bytes:
    """References to no character (past U+10FFFF, a surrogate) as U+FFFD, the replacement
    character: one such reference in a garbled item would otherwise stop the whole feed."""
    return CHARREF_RX.sub(_no_character, data)


def read_feed(source: str, data: bytes) -> Iterator[RawDocument | Rejection]:
    import feedparser

    try:
        parsed = feedparser.parse(readable_charrefs(data))
    except Exception as exc:  # the loose parser on garbled markup: the file is recorded instead
        yield Rejection(source, None, "ingest", "bad-feed",
                        f"the feed cannot be parsed ({type(exc).__name__}: {exc}); check that the "
                        "file is a complete RSS or Atom document")
        return
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield Rejection(source, None, "ingest", "bad-feed",
                        f"no items could be read from the feed{reason}; check that the file is "
                        "a complete RSS or Atom document")
        return
    outlet = feed_outlet(parsed.feed.get("title"))
    fmt = "atom" if parsed.version.startswith("atom") else "rss"
    for index, entry in enumerate(parsed.entries, start=1):
        position = f"item {index}"
        body, kind = _content(entry)
        if not body:
            yield Rejection(source, position, "ingest", "missing-text",
                            "the feed item carries no content or summary; "
                            "ingest the linked pages instead")
            continue
        metadata = {k: entry[k] for k in ("tags", "updated") if k in entry}
        if "tags" in metadata:
            metadata["tags"] = [t.get("term") for t in metadata["tags"]]
        yield RawDocument(
            source=source, position=position, input_format=fmt, body=body, body_kind=kind,
            url=entry.get("link"), title=entry.get("title"),
            published=entry.get("published") or entry.get("updated"),
            outlet=outlet, author=entry.get("author"), external_id=entry.get("id"),
            metadata=metadata,
        )
