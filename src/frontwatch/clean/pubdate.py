"""Publication dates: parse what a source declares, and find bylines and datelines in text.

Only explicit cues count: a feed or metadata field, a line such as "Published: June 22,
2021, 4:31pm" or "Posted on 22/06/2021 at 08:18", or a dateline ("KABUL, Aug. 8, 2021
(Reuters) -"). A bare date line at the top of a page is the day it was fetched, not the
day it was published, and is never used. A date must carry its year: we never guess one.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

EARLIEST_YEAR = 1990          # news archives in scope start in the 1990s
FUTURE_TOLERANCE = timedelta(days=2)   # time zones and clock skew, no more

MONTHS = {
    m: i + 1 for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ]) for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = (r"(?:[\s,]+(?:at\s+)?(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
         r"\s*(?P<ampm>[ap]\.?\s?m\.?)?)?")
_ZONE = r"(?:\s*(?P<zone>UTC|GMT|Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,4}T))?"

DATE_FORMS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + _TIME + _ZONE, re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TIME + _ZONE, re.I),
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]" + _YEAR + _TIME + _ZONE, re.I),
    re.compile(_YEAR + r"-(?P<month_n>\d{2})-(?P<day>\d{2})(?:[T\s]" + _TIME[len("(?:[\\s,]+(?:at\\s+)?"):] + _ZONE, re.I),
]

# Zone abbreviations seen in English-language news bylines. Ambiguous ones are left out.
ZONE_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AFT": 270, "PKT": 300, "IST": 330, "MSK": 180, "AST": 180,
}

BYLINE_DATE = re.compile(
    r"^\W{0,3}(?P<cue>first published|published|posted|publication date|date published|"
    r"updated|last updated|last modified|date)\b\s*(?:on|at)?\s*[:\-–—|]?\s*(?P<rest>.+)$",
    re.I,
)
BYLINE_CUE_RANK = {"first published": 0, "published": 0, "posted": 0, "publication date": 0,
                   "date published": 0, "date": 1, "updated": 2, "last updated": 2,
                   "last modified": 2}
# A dateline is the first words of a paragraph; only this much is read for one, so the
# pattern's cost does not grow with the paragraph.
MAX_DATELINE_CHARS = 200
BY_LINE = re.compile(r"^by\s+(?P<rest>[A-Z].{1,150})$", re.I)
# "Kabul Ledger | Posted: 16 June 2021", "Southwest Observer — Saturday 7 August 2021"
PREFIXED = re.compile(r"^(?P<prefix>[^|·•—–\d]{2,60}?)\s+[|·•—–-]\s+(?P<rest>.+)$")
SUFFIXED = re.compile(r"^(?P<rest>.+?)\s+[|·•—–-]\s+(?P<suffix>[^|·•—–\d]{2,80})$")
# Words of a place are joined by spaces only: a hyphen is already a letter of a word
# ("AL-QAIM"), and letting it also join two words made a run of "A-A-A" backtrack for ever.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z]+)?\s*(?:\([^)]{1,40}\))?,?\s+"
    r"(?P<date>(?i:" + _MONTH.replace("(?P<month>", "(?:") + r")\s+\d{1,2},?\s+(?:19|20)\d{2})"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—:]",
)


def _to_int(value: str | None, default: int = 0) -> int:
    return int(value) if value else default


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    text = text.upper().replace(" ", "")
    if text in ZONE_OFFSETS:
        return timezone(timedelta(minutes=ZONE_OFFSETS[text]))
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", text)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def _month_day(m: re.Match) -> tuple[int, int]:
    groups = m.groupdict()
    if groups.get("month"):
        return MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
    if groups.get("month_n"):
        return int(groups["month_n"]), int(groups["day"])
    a, b = int(groups["a"]), int(groups["b"])
    # Numeric dates: day first unless that is impossible. Outlets writing month-first
    # (US style) almost always spell the month out in bylines.
    return (a, b) if b > 12 else (b, a)


def _iso_from_match(m: re.Match) -> str | None:
    try:
        month, day = _month_day(m)
        year = int(m.group("year"))
        if m.groupdict().get("hour") is None:
            return datetime(year, month, day).date().isoformat()
        hour = _to_int(m.group("hour"))
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        stamp = datetime(year, month, day, hour, _to_int(m.group("minute")),
                         _to_int(m.groupdict().get("second")), tzinfo=_zone(m.group("zone")))
        return stamp.isoformat()
    except (ValueError, KeyError):
        return None


def parse_date_text(text: str) -> str | None:
    """An ISO 8601 date or date-time from a date written out in a byline or field.

    Keeps the time and zone when given; returns None when there is no full date (with year).
    """
    text = text.strip()
    declared = _parse_machine_date(text)
    if declared:
        return declared
    for form in DATE_FORMS:
        m = form.search(text)
        if m:
            iso = _iso_from_match(m)
            if iso:
                return iso
    return None


def _parse_machine_date(text: str) -> str | None:
    """ISO 8601 and RFC 2822 stamps, as feeds and metadata give them."""
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", candidate):
        try:
            return datetime.fromisoformat(candidate).date().isoformat()
        except ValueError:
            return None
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", candidate):
        try:
            return datetime.fromisoformat(candidate).isoformat()
        except ValueError:
            return None
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}", text):
        try:
            return parsedate_to_datetime(text).isoformat()
        except (TypeError, ValueError):
            return None
    return None


def plausible(iso: str | None, now: datetime | None = None) -> str | None:
    """The date if it could be a publication date (not before 1990, not in the future)."""
    if not iso:
        return None
    now = now or datetime.now(timezone.utc)
    try:
        stamp = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    if stamp.year < EARLIEST_YEAR or stamp > now + FUTURE_TOLERANCE:
        return None
    return iso


def byline_date(line: str) -> tuple[str, int] | None:
    """(ISO date, rank) when the line is a publication byline; lower rank is better."""
    found = byline_parts(line)
    return (found[0], found[1]) if found else None


def byline_parts(line: str) -> tuple[str, int, str | None] | None:
    """(ISO date, rank, the name beside it) for a publication line.

    Forms: "Published: <date>", "<Outlet> | Posted: <date>", "<Outlet> — <date>",
    "Posted <date> — <Outlet>". A bare date (no cue, no name) is not a byline here.
    """
    line = line.strip()
    if len(line) > 160:
        return None
    name = None
    m = BYLINE_DATE.match(line)
    if not m:
        prefixed = PREFIXED.match(line)
        if prefixed:
            name, line = prefixed.group("prefix").strip(), prefixed.group("rest").strip()
            m = BYLINE_DATE.match(line)
            if not m:
                iso = whole_date(line)
                return (iso, 1, name) if iso else None
    if not m:
        return None
    rest = m.group("rest")
    suffixed = SUFFIXED.match(rest)
    if suffixed and parse_date_text(suffixed.group("rest")):
        rest, name = suffixed.group("rest"), name or suffixed.group("suffix").strip()
    iso = parse_date_text(rest)
    return (iso, BYLINE_CUE_RANK[m.group("cue").lower()], name) if iso else None


def whole_date(text: str) -> str | None:
    """The date when ``text`` is nothing but a date (with weekday, time, zone)."""
    compact = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip(" ,|")
    for form in DATE_FORMS[:3]:
        m = form.fullmatch(compact)
        if m:
            return _iso_from_match(m)
    return None


def dateline_date(paragraph: str) -> str | None:
    """The date of a dateline opening a paragraph: "KABUL, Aug. 8, 2021 (AP) - ..."."""
    m = DATELINE.match(paragraph.strip()[:MAX_DATELINE_CHARS])
    return parse_date_text(m.group("date")) if m else None


def url_date(url: str | None) -> str | None:
    """A date in a URL path such as /2021/08/08/ (day precision only)."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)", url)
    if not m:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))).date().isoformat()
    except ValueError:
        return None
