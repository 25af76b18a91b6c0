"""HTML pages to main text (trafilatura) and metadata (read here, from the markup).

trafilatura finds the story text well. Its date guess, however, falls back to any date
on the page (a "Tuesday, March 12, 2024" header is the day the page was fetched), so
publication dates are read only from explicit metadata: Open Graph / article meta tags,
schema.org JSON-LD ``datePublished``, and ``<time>`` elements marked as the publication.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from frontwatch.clean.pubdate import parse_date_text

PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "date", "article.published", "cxenseparse:recs:publishtime",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher")
TITLE_META = ("og:title", "twitter:title", "headline")
AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
# libxml2 stops reading a document whose elements nest deeper than this; what lies deeper
# is lost (lxml reports a resource-limit error, and we say so instead of "no text").
HTML_MAX_DEPTH = 255


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    published_from: str | None
    language: str | None
    too_deep: bool = False    # the parser stopped at HTML_MAX_DEPTH: the text may be partial


def _meta_map(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld_dates(tree) -> tuple[str | None, str | None]:
    published = modified = None
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _walk_json(data):
            published = published or item.get("datePublished")
            modified = modified or item.get("dateModified")
    return published, modified


def _walk_json(data):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk_json(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk_json(value)


def _time_element_date(tree) -> str | None:
    for node in tree.iter("time"):
        marked = node.get("pubdate") is not None or (node.get("itemprop") or "").lower() == "datepublished" \
            or "publish" in (node.get("class") or "").lower()
        if marked and node.get("datetime"):
            return node.get("datetime")
    return None


BYLINE_CLASSES = ("posted-on", "published", "pubdate", "publish-date", "entry-date", "post-date",
                  "article-date", "byline", "entry-meta", "dateline", "article__date", "story-date")


def _byline_element_date(tree) -> str | None:
    """A date written in the article's byline element (class "posted-on", "byline", ...).

    Only elements inside the article (an <article> or its header) count: a date in the
    site's top bar is the day the page was fetched.
    """
    for article in tree.iter("article"):
        for node in article.iter():
            classes = (node.get("class") or "").lower().split()
            if any(c in BYLINE_CLASSES for c in classes):
                iso = parse_date_text(node.text_content())
                if iso:
                    return iso
    return None


def published_from_markup(tree) -> tuple[str | None, str | None]:
    """(ISO date, where it came from) from the page's explicit publication metadata."""
    meta = _meta_map(tree)
    ld_published, ld_modified = _json_ld_dates(tree)
    candidates = [(meta.get(k), "html-meta") for k in PUBLISHED_META]
    candidates += [(ld_published, "html-json-ld"), (_time_element_date(tree), "html-time"),
                   (_byline_element_date(tree), "byline")]
    candidates += [(meta.get(k), "html-meta-modified") for k in MODIFIED_META]
    candidates += [(ld_modified, "html-json-ld-modified")]
    for value, origin in candidates:
        iso = parse_date_text(value) if isinstance(value, str) and value else None
        if iso:
            return iso, origin
    return None, None


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _page_title(tree, meta: dict[str, str], outlet: str | None) -> str | None:
    title = _first(meta, TITLE_META)
    if not title:
        node = next(tree.iter("title"), None)
        title = node.text_content().strip() if node is not None else None
    title = " ".join(title.split()) if title else title    # runs of spaces made the sub backtrack
    if title and outlet:
        title = re.sub(rf"\s*[|\-–—:]\s*{re.escape(outlet)}\s*$", "", title)
    return title or None


def _canonical_url(tree, meta: dict[str, str]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http"):
            return link.get("href")
    url = meta.get("og:url")
    return url if url and url.startswith("http") else None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of one HTML page. Text is '' when the page has none."""
    import lxml.html
    import trafilatura

    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return HtmlExtract("", None, None, None, url, None, None, None)
    too_deep = any(e.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)
    meta = _meta_map(tree)
    url = url or _canonical_url(tree, meta)
    outlet = _first(meta, SITE_META) or url_host(url)
    published, origin = published_from_markup(tree)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=False, include_comments=False, include_tables=False,
        include_images=False, include_links=False,
    )
    text = (doc.text if doc is not None else "") or ""
    language = (tree.get("lang") or "").split("-")[0].lower() or None
    return HtmlExtract(text, _page_title(tree, meta, outlet), outlet, _first(meta, AUTHOR_META),
                       url, published, origin, language, too_deep)


def url_host(url: str | None) -> str | None:
    """The URL's host; None when it has none or is malformed ("http://[broken", whose
    bracket urlparse reads as an unclosed IPv6 address and fails on)."""
    try:
        return urlparse(url).hostname if url else None
    except ValueError:
        return None
