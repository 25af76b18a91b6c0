"""JSONL feeds: one article a line.

Fields: ``id`` (kept as external_id), ``url``, ``title``, ``published``, ``outlet``, and
``text`` or ``html``; every other field is kept as metadata. A few common aliases are
accepted (``link``, ``date``, ``source``, ``content``, ``body``).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from frontwatch.ingest.decode import DecodeError, decode_bytes, without_lone_surrogates
from frontwatch.records import RawDocument, Rejection

# A news item's fields nest a few levels at most; far deeper JSON cannot be written to the
# store and read back without running out of stack.
MAX_NESTING = 64
TOO_DEEP = object()     # json.loads ran out of stack: nested far past MAX_NESTING
SKIP_CHUNK = 1 << 20    # an over-long line is read past in pieces of this size

ALIASES = {
    "external_id": ("id", "guid", "uuid", "article_id"),
    "url": ("url", "link", "href"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate", "publication_date"),
    "outlet": ("outlet", "source", "publisher", "site", "domain"),
    "author": ("author", "byline"),
    "text": ("text", "content", "body", "article"),
    "html": ("html", "raw_html"),
}


TEXT_FIELDS = ("text", "html")    # their value must be a string: a number is no article
JSON_TYPES = {dict: "object", list: "array", int: "number", float: "number", bool: "boolean"}


def _pick(obj: dict, names: tuple[str, ...], numbers: bool = True) -> tuple[str | None, str | None]:
    for name in names:
        value = obj.get(name)
        usable = isinstance(value, str) or (numbers and isinstance(value, int)
                                            and not isinstance(value, bool))
        if usable and str(value).strip():
            return name, str(value)
    return None, None


def _missing_text(source: str, position: str, obj: dict) -> Rejection:
    """Why a line gives no text: no such field, or one that holds no string."""
    for name in ALIASES["text"] + ALIASES["html"]:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return Rejection(source, position, "ingest", "wrong-type",
                             f"the '{name}' field holds a JSON {JSON_TYPES.get(type(value), 'value')}, "
                             "not a string; give the article's text as a string")
    return Rejection(source, position, "ingest", "missing-text",
                     "the JSON object has neither a 'text' nor an 'html' field; "
                     "each line needs one of them")


def _document(source: str, line_no: int, obj: dict) -> RawDocument | Rejection:
    position = f"line {line_no}"
    used: dict[str, str | None] = {}
    used_keys = set()
    for field, names in ALIASES.items():
        key, used[field] = _pick(obj, names, numbers=field not in TEXT_FIELDS)
        if key:
            used_keys.add(key)
    if not used["text"] and not used["html"]:
        return _missing_text(source, position, obj)
    is_html = bool(used["html"]) and not used["text"]
    metadata = {k: v for k, v in obj.items() if k not in used_keys}
    return RawDocument(
        source=source, position=position, input_format="jsonl",
        body=used["html"] if is_html else used["text"], body_kind="html" if is_html else "text",
        url=used["url"], title=used["title"], published=used["published"],
        outlet=used["outlet"], author=used["author"], external_id=used["external_id"],
        metadata=metadata,
    )


def read_jsonl(source: str, lines: Iterable[bytes], max_bytes: int) -> Iterator[RawDocument | Rejection]:
    for line_no, raw in enumerate(lines, start=1):
        item = _line_item(source, line_no, raw, len(raw), max_bytes)
        if item is not None:
            yield item


def read_jsonl_stream(source: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """The items of a JSONL file, read line by line within the limit: a line over it is
    passed over unread, so memory stays bounded however long a line is."""
    for line_no, (raw, size) in enumerate(bounded_lines(stream, max_bytes), start=1):
        item = _line_item(source, line_no, raw, size, max_bytes)
        if item is not None:
            yield item


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, its size in bytes) for each line of ``stream``; the line is None when it is
    over ``max_bytes``, and only its size was counted."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes:
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(SKIP_CHUNK)):
            size += len(line)
        yield None, size


def _line_item(source: str, line_no: int, raw: bytes | None, size: int,
               max_bytes: int) -> RawDocument | Rejection | None:
    """The article or rejection of one line; None for a blank line."""
    position = f"line {line_no}"
    if raw is None or size > max_bytes:
        return Rejection(source, position, "ingest", "too-large",
                         f"the line is {size:,} bytes, over the limit of {max_bytes:,} "
                         "(raise it with --max-bytes)")
    if not raw.strip():
        return None
    obj = _parsed(source, position, raw)
    return obj if isinstance(obj, Rejection) else _document(source, line_no, obj)


def _parsed(source: str, position: str, raw: bytes) -> dict | Rejection:
    """The line's JSON object, or why it has none."""
    try:
        text, _ = decode_bytes(raw.strip())
        obj = json.loads(text)
    except RecursionError:
        obj = TOO_DEEP
    except (DecodeError, ValueError) as exc:
        return Rejection(source, position, "ingest", "bad-json",
                         f"not a JSON object ({exc}); fix or remove the line and ingest again")
    if obj is TOO_DEEP or nesting(obj) > MAX_NESTING:
        return Rejection(source, position, "ingest", "bad-json",
                         f"the JSON nests more than {MAX_NESTING} levels deep; flatten the item's "
                         "fields and ingest again")
    if not isinstance(obj, dict):
        return Rejection(source, position, "ingest", "bad-json",
                         f"the line holds a JSON {type(obj).__name__}, not an object")
    return _without_lone_surrogates(obj)


def nesting(value) -> int:
    """How deeply lists and objects nest in ``value``, counted without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            pending.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _without_lone_surrogates(value):
    """The object with every string made writable: a "\\ud800" escape without its pair
    decodes to a lone surrogate, which becomes U+FFFD."""
    if isinstance(value, str):
        return without_lone_surrogates(value)
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value
