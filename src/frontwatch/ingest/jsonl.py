"""JSONL feeds: one article a line.

Fields: ``id`` (kept as external_id), ``url``, ``title``, ``published``, ``outlet``, and
``text`` or ``html``; every other field is kept as metadata. A few common aliases are
accepted (``link``, ``date``, ``source``, ``content``, ``body``).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from frontwatch.ingest.decode import DecodeError, decode_bytes, without_lone_surrogates
from frontwatch.records import RawDocument, Rejection

# A news item's fields nest a few levels at most; far deeper JSON cannot be written to the
# store and read back without running out of stack.
MAX_NESTING = 64

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


def _pick(obj: dict, names: tuple[str, ...]) -> tuple[str | None, str | None]:
    for name in names:
        value = obj.get(name)
        if isinstance(value, (str, int)) and str(value).strip():
            return name, str(value)
    return None, None


def _document(source: str, line_no: int, obj: dict) -> RawDocument | Rejection:
    position = f"line {line_no}"
    used: dict[str, str | None] = {}
    used_keys = set()
    for field, names in ALIASES.items():
        key, used[field] = _pick(obj, names)
        if key:
            used_keys.add(key)
    if not used["text"] and not used["html"]:
        return Rejection(source, position, "ingest", "missing-text",
                         "the JSON object has neither a 'text' nor an 'html' field; "
                         "each line needs one of them")
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
        if not raw.strip():
            continue
        position = f"line {line_no}"
        if len(raw) > max_bytes:
            yield Rejection(source, position, "ingest", "too-large",
                            f"the line is {len(raw):,} bytes, over the limit of {max_bytes:,} "
                            "(raise it with --max-bytes)")
            continue
        obj = _parsed(source, position, raw)
        yield obj if isinstance(obj, Rejection) else _document(source, line_no, obj)


def _parsed(source: str, position: str, raw: bytes) -> dict | Rejection:
    """The line's JSON object, or why it has none."""
    try:
        text, _ = decode_bytes(raw)
        obj = json.loads(text)
    except RecursionError:
        obj = None
    except (DecodeError, ValueError) as exc:
        return Rejection(source, position, "ingest", "bad-json",
                         f"not a JSON object ({exc}); fix or remove the line and ingest again")
    if obj is None or nesting(obj) > MAX_NESTING:
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
