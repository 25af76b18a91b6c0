"""The header block of a scraped text: title, byline, date line, masthead.

Scraped pages put the headline, the author and the publication line above the first
paragraph of the story. We find the first body paragraph, then read the lines above it:
a byline ("By Name, Outlet"), a publication line ("Published: ..."), the headline (the
first line that reads like one) and a short masthead line next to the publication line
(the outlet's name). Lines below the first paragraph are never taken for a header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.clean.pubdate import BY_LINE, byline_date
from frontwatch.records import RemovedLine

BODY_MIN_WORDS = 12           # a paragraph of the story: at least this many words ...
SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")   # ... ending like a sentence
LONG_PARAGRAPH_WORDS = 30     # or this many words, however it ends
TITLE_MAX_CHARS = 220
MASTHEAD_MAX_WORDS = 4


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_rank: int = 99
    removed: list[RemovedLine] = field(default_factory=list)


def is_body_paragraph(line: str) -> bool:
    words = line.split()
    return len(words) >= LONG_PARAGRAPH_WORDS or (
        len(words) >= BODY_MIN_WORDS and line.rstrip().endswith(SENTENCE_END))


def _title_like(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) and len(line) <= TITLE_MAX_CHARS and not line.rstrip().endswith((".", ":"))


def _masthead_like(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= MASTHEAD_MAX_WORDS and all(w[0].isupper() or not w[0].isalpha() for w in words)
            and not re.search(r"\d", line))


def split_byline(rest: str) -> tuple[str | None, str | None]:
    """("Name", "Outlet") from "Name, Outlet" / "Name | Outlet" / "Name and Name"."""
    rest = re.sub(r"\s+(?:[|·•]|-|–|—)\s+.*\d{4}.*$", "", rest).strip()
    parts = [p.strip() for p in re.split(r"\s*[,|·•]\s*", rest) if p.strip()]
    if not parts:
        return None, None
    author = parts[0]
    outlet = parts[-1] if len(parts) > 1 and len(parts[-1].split()) <= 5 else None
    return author, outlet


def read_header(lines: list[str]) -> tuple[list[str], Header]:
    """Take the header lines out of ``lines``; return the rest and what they said."""
    header = Header()
    body_start = next((i for i, line in enumerate(lines) if is_body_paragraph(line)), None)
    if body_start is None:
        return lines, header
    taken: dict[int, str] = {}
    date_index = None
    for i in range(body_start):
        line = lines[i].strip()
        found = byline_date(line)
        if found and found[1] < header.published_rank:
            header.published, header.published_rank = found
            taken[i], date_index = "byline-date", i
            continue
        by = BY_LINE.match(line)
        if by and len(line.split()) <= 14:
            header.author, outlet = split_byline(by.group("rest"))
            header.outlet = header.outlet or outlet
            taken[i] = "byline"
    _take_title(lines, body_start, taken, header)
    _take_masthead(lines, date_index, taken, header)
    header.removed = [RemovedLine(lines[i].strip(), reason) for i, reason in sorted(taken.items())]
    return [line for i, line in enumerate(lines) if i not in taken], header


def _take_title(lines: list[str], body_start: int, taken: dict[int, str], header: Header) -> None:
    for i in range(body_start):
        if i not in taken and _title_like(lines[i].strip()):
            header.title = lines[i].strip()
            taken[i] = "title"
            return


def _take_masthead(lines: list[str], date_index: int | None, taken: dict[int, str],
                   header: Header) -> None:
    """A lone short name right above or below the publication line is the outlet."""
    if date_index is None:
        return
    for j in (date_index - 1, date_index + 1):
        if 0 <= j < len(lines) and j not in taken and _masthead_like(lines[j].strip()) \
                and not is_body_paragraph(lines[j]):
            header.outlet = header.outlet or lines[j].strip()
            taken[j] = "masthead"
            return
