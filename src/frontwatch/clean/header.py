"""The header block of a scraped text: title, byline, date line, masthead.

Scraped pages put the headline, the outlet, the author and the publication line above
the first paragraph of the story. We find the first body paragraph, then read the lines
above it, knowing which ones the chrome filter flagged:

- a byline ("By Name, Outlet"; "By Outlet staff") gives the author and maybe the outlet;
- a publication line ("Published: ...", "Outlet | Posted: ...", "Outlet — Saturday 7
  August 2021") gives the date;
- the headline is the first line that reads like one (five words or more, else the first
  such line), never the outlet's own name;
- a bare date line BELOW the headline is the article's date; a bare date line ABOVE it is
  the page header showing the day the page was fetched, and stays chrome;
- a short name line (a masthead) gives the outlet when nothing better does.
Lines below the first paragraph are never taken for a header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.clean.pubdate import BY_LINE, byline_parts, whole_date

BODY_MIN_WORDS = 12           # a paragraph of the story: at least this many words ...
SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")   # ... ending like a sentence
LONG_PARAGRAPH_WORDS = 30     # or this many words, however it ends
TITLE_MAX_CHARS = 220
TITLE_PREFERRED_WORDS = 5     # mastheads and section names are shorter than most headlines
MASTHEAD_MAX_WORDS = 5
OUTLET_WORDS = re.compile(
    r"\b(?:times|post|standard|herald|news|tribune|gazette|daily|courier|observer|journal|"
    r"express|press|today|chronicle|monitor|dispatch|ledger|voice|agency|radio|tv|review|"
    r"wire|telegraph|guardian|mail|star|sun|independent|network|bulletin|report|media)\b", re.I)
STAFF_SUFFIX = re.compile(r"\s+(?:staff(?: writers?| reporters?)?|newsroom|reporters?|"
                          r"correspondents?|desk|editors?)$", re.I)


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None
    published_rank: int = 99
    reasons: dict[int, str] = field(default_factory=dict)   # header lines taken out, by index


def is_body_paragraph(line: str) -> bool:
    words = line.split()
    return len(words) >= LONG_PARAGRAPH_WORDS or (
        len(words) >= BODY_MIN_WORDS and line.rstrip().endswith(SENTENCE_END))


def _title_like(line: str) -> bool:
    return 3 <= len(line.split()) and len(line) <= TITLE_MAX_CHARS and not line.rstrip().endswith((".", ":"))


def _masthead_like(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= MASTHEAD_MAX_WORDS and not re.search(r"\d", line)
            and all(w[0].isupper() or not w[0].isalpha() or w.lower() in {"of", "the", "and"}
                    for w in words))


def _as_outlet(name: str | None) -> str | None:
    if not name:
        return None
    name = STAFF_SUFFIX.sub("", " ".join(name.split()))   # one space each: runs made it backtrack
    if name.isupper():
        name = name.title()
    return name if 0 < len(name.split()) <= 6 else None


def split_byline(rest: str) -> tuple[str | None, str | None, str | None]:
    """(author, outlet, date) from "Name, Outlet", "Outlet staff", "Name · Saturday 14 August 2021"."""
    parts = [p.strip() for p in re.split(r"\s*[,|·•]\s*|\s+[—–-]\s+", rest) if p.strip()]
    date = next((whole_date(p) for p in parts if whole_date(p)), None)
    parts = [p for p in parts if not whole_date(p)]
    if not parts:
        return None, None, date
    if STAFF_SUFFIX.search(parts[0]):
        return None, _as_outlet(parts[0]), date
    outlet = _as_outlet(parts[-1]) if len(parts) > 1 and len(parts[-1].split()) <= 5 else None
    return parts[0], outlet, date


def read_header(lines: list[str], chrome: list[str | None]) -> Header:
    """What the header block says, and which of its lines to take out of the text."""
    header = Header()
    body = next((i for i, line in enumerate(lines) if chrome[i] is None and is_body_paragraph(line)), None)
    if body is None:
        return header
    free = [i for i in range(body) if chrome[i] is None and lines[i].strip()]
    _take_bylines(lines, free, header)
    free = [i for i in free if i not in header.reasons]
    title_at = _take_title(lines, free, header)
    _take_date_under_title(lines, chrome, title_at, body, header)
    _take_masthead(lines, [i for i in free if i not in header.reasons], title_at, header)
    _take_capital_masthead(lines, chrome, title_at, header)
    return header


def _set_date(header: Header, iso: str, rank: int, origin: str) -> bool:
    if rank < header.published_rank:
        header.published, header.published_rank, header.published_from = iso, rank, origin
        return True
    return False


def _take_bylines(lines: list[str], free: list[int], header: Header) -> None:
    for i in free:
        line = lines[i].strip()
        found = byline_parts(line)
        if found:
            if _set_date(header, found[0], found[1], "byline"):
                header.outlet = header.outlet or _as_outlet(found[2])
            header.reasons[i] = "byline-date"
            continue
        by = BY_LINE.match(line)
        if by and len(line.split()) <= 16:
            author, outlet, date = split_byline(by.group("rest"))
            header.author = header.author or author
            header.outlet = header.outlet or outlet
            if date:
                _set_date(header, date, 0, "byline")
            header.reasons[i] = "byline"


def _take_title(lines: list[str], free: list[int], header: Header) -> int | None:
    candidates = [i for i in free if _title_like(lines[i].strip())
                  and lines[i].strip() != header.outlet and not _is_outlet_name(lines[i])]
    if not candidates:
        return None
    long_ones = [i for i in candidates if len(lines[i].split()) >= TITLE_PREFERRED_WORDS]
    index = (long_ones or candidates)[0]
    header.title = lines[index].strip()
    header.reasons[index] = "title"
    return index


def _is_outlet_name(line: str) -> bool:
    return _masthead_like(line.strip()) and bool(OUTLET_WORDS.search(line))


def _take_date_under_title(lines: list[str], chrome: list[str | None], title_at: int | None,
                           body: int, header: Header) -> None:
    """A bare date line between the headline and the story is the article's date."""
    if title_at is None:
        return
    for i in range(title_at + 1, body):
        if chrome[i] == "page-date":
            iso = whole_date(lines[i])
            if iso:
                near_byline = any(header.reasons.get(j) == "byline" for j in (i - 1, i + 1))
                _set_date(header, iso, 1, "byline" if near_byline else "dateline")
                header.reasons[i] = "byline-date"
                return


def _take_masthead(lines: list[str], free: list[int], title_at: int | None, header: Header) -> None:
    """Short name lines in the header: the first one names the outlet (when nothing else did)."""
    for i in free:
        line = lines[i].strip()
        if not _masthead_like(line):
            continue
        named = _is_outlet_name(line) or (title_at is not None and i < title_at) \
            or header.reasons.get(i - 1) == "byline-date" or header.reasons.get(i + 1) == "byline-date"
        if named or header.outlet is None and title_at is not None:
            header.outlet = header.outlet or _as_outlet(line)
            header.reasons[i] = "masthead"
            return


def _take_capital_masthead(lines: list[str], chrome: list[str | None], title_at: int | None,
                           header: Header) -> None:
    """A line in capitals above the headline that names an outlet ("HERAT STANDARD")."""
    if header.outlet or title_at is None:
        return
    for i in range(title_at):
        if chrome[i] == "section-header" and _is_outlet_name(lines[i]):
            header.outlet = _as_outlet(lines[i])
            header.reasons[i] = "masthead"
            return
