"""Clean: a raw document becomes an article (clean text, removed lines, metadata).

A pure function of its input, so any engine can map it over documents.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from urllib.parse import urlparse

from frontwatch.clean.chrome import chrome_reasons
from frontwatch.clean.header import read_header
from frontwatch.clean.html import HTML_MAX_DEPTH, extract_html
from frontwatch.clean.language import detect_language
from frontwatch.clean.markdown import front_matter, markdown_title, strip_markdown
from frontwatch.clean.pubdate import dateline_date, parse_date_text, plausible, url_date
from frontwatch.records import Article, RawDocument, Rejection, RemovedLine

MIN_TEXT_CHARS = 20   # below this nothing is left to read: a page of chrome, or an empty item
# C0 and C1 control characters other than whitespace: no reader sees them as text, and the
# store's SQL string functions stop at a NUL. (Bidi marks are format characters and stay.)
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")

__all__ = ["article_id", "clean_document"]


def article_id(raw: RawDocument) -> str:
    """Content-derived id: the same item ingested again gets the same id.

    The identity is the URL (or the source's own id) plus the body, so a verbatim copy
    carried by two outlets is two articles, and a changed text at one URL a new version.
    """
    identity = raw.url or raw.external_id or ""
    body = "\n".join(line.rstrip() for line in raw.body.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(f"{identity}\n{body}".encode("utf-8")).hexdigest()[:32]


def normalize_line(line: str) -> str:
    """NFC, no control characters, every run of whitespace (any Unicode space) one space:
    the line rules then never meet long runs of spaces, which make regexes backtrack."""
    line = unicodedata.normalize("NFC", line).replace("\u200b", "")
    return re.sub(r"\s+", " ", CONTROL_CHARS.sub("", line)).strip()


def clean_document(raw: RawDocument, now: datetime | None = None) -> Article | Rejection:
    """Clean one raw document into an article, or say why it holds no article."""
    fields = _fields_from_body(raw)
    lines = [normalize_line(line) for line in fields.pop("text").splitlines()]
    reasons = chrome_reasons(lines)
    header = read_header(lines, reasons)
    reasons = [header.reasons.get(i, reason) for i, reason in enumerate(reasons)]
    kept = [line for line, reason in zip(lines, reasons) if reason is None]
    removed = [RemovedLine(line, reason) for line, reason in zip(lines, reasons) if reason and line]
    title = raw.title or fields.get("title") or header.title
    kept, removed = _drop_title_lines(kept, removed, title)
    text = "\n\n".join(line for line in kept if line)
    if len(text) < MIN_TEXT_CHARS and fields.get("too_deep"):
        return Rejection(raw.source, raw.position, "clean", "too-deep",
                         f"the page nests its elements more than {HTML_MAX_DEPTH} deep, past what "
                         "the HTML parser reads, and no text was found above that depth; "
                         "give the page's text or a copy with the nesting removed")
    if len(text) < MIN_TEXT_CHARS:
        return Rejection(raw.source, raw.position, "clean", "no-text",
                         "no article text left after removing markup and page chrome "
                         "(an index page, a script-rendered page or a media file?); "
                         "give the page's text or a rendered copy")
    published, published_from, metadata = _publication(raw, fields, header, kept, now)
    url = raw.url or fields.get("url")
    return Article(
        id=article_id(raw), source=raw.source, position=raw.position,
        input_format=raw.input_format, text=text, raw=raw.body, raw_kind=raw.body_kind,
        external_id=raw.external_id, url=url, title=title,
        outlet=raw.outlet or fields.get("outlet") or header.outlet or _domain(url),
        author=raw.author or fields.get("author") or header.author,
        published=published, published_from=published_from,
        language=detect_language(text) or fields.get("language"),
        removed_lines=tuple(removed), metadata=metadata,
    )


def _fields_from_body(raw: RawDocument) -> dict:
    """The text to clean plus whatever metadata the body itself declares."""
    if raw.body_kind == "html":
        page = extract_html(raw.body, raw.url)
        return {"text": page.text, "title": page.title, "outlet": page.outlet,
                "author": page.author, "url": page.url, "published": page.published,
                "published_from": page.published_from, "language": page.language,
                "too_deep": page.too_deep}
    if raw.input_format == "markdown":
        meta, body = front_matter(raw.body)
        date = meta.get("date") or meta.get("published")
        return {"text": strip_markdown(body), "title": meta.get("title") or markdown_title(body),
                "outlet": meta.get("outlet") or meta.get("source") or meta.get("publisher"),
                "author": meta.get("author"), "url": meta.get("url"),
                "published": parse_date_text(date) if date else None,
                "published_from": "front-matter" if date else None}
    return {"text": raw.body}


def _drop_title_lines(kept: list[str], removed: list[RemovedLine], title: str | None):
    if not title:
        return kept, removed
    key = " ".join(title.split()).lower()
    dropped = [line for line in kept if " ".join(line.split()).lower() == key]
    if not dropped:
        return kept, removed
    return ([line for line in kept if line not in dropped],
            removed + [RemovedLine(line, "title") for line in dropped])


def _publication(raw: RawDocument, fields: dict, header, kept: list[str],
                 now: datetime | None) -> tuple[str | None, str | None, dict]:
    """The publication date and its origin, best evidence first; never a page header."""
    metadata = dict(raw.metadata)
    if fields.get("too_deep"):
        metadata["html_cut_at_depth"] = HTML_MAX_DEPTH
    declared = parse_date_text(raw.published) if raw.published else None
    if raw.published and not declared:
        metadata["published_raw"] = raw.published
    first_paragraph = next((line for line in kept if line), "")
    url = raw.url or fields.get("url")
    candidates = (
        (declared, "feed"),
        (fields.get("published"), fields.get("published_from")),
        (header.published, header.published_from),
        (dateline_date(first_paragraph), "dateline"),
        (url_date(url), "url"),
    )
    for iso, origin in candidates:
        if plausible(iso, now):
            return iso, origin, metadata
        if iso:
            metadata.setdefault("implausible_dates", []).append({"date": iso, "from": origin})
    return None, None, metadata


def _domain(url: str | None) -> str | None:
    try:
        host = urlparse(url).hostname if url else None
    except ValueError:   # malformed ("http://[broken": an unclosed IPv6 bracket): no host
        return None
    return host[4:] if host and host.startswith("www.") else host
