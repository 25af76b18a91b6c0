"""A news-aware date resolver: time expressions in a sentence, resolved against the
article's publication day.

A weekday in a past-tense report is the latest such day on or before publication ("on
Monday" in a Tuesday article is the day before); in a future-tense one, the next. With no
publication date, relative expressions stay unresolved: never guess, never use today.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

# Order matters: the first pattern that claims a stretch of text wins.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
    ("day_month_year", rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"),
    ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("numeric", r"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("day_month", rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}\b"),
    ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|km|miles|districts))"),
    ("mid_month", rf"\b(?P<part>mid|early|late|end of|beginning of)[- ]{_MONTH}(?:\s+{_YEAR})?\b"),
    ("month_year", rf"\b(?:in\s+)?{_MONTH}\s+{_YEAR}\b"),
    ("in_month", rf"\b(?:in|since|during|by)\s+{_MONTH}\b"),
    ("year", rf"\b(?:in|since|during|of)\s+(?:(?:late|early|mid)[- ])?{_YEAR}\b"),
    ("and_year", rf"(?<=\d{{4}})(?:,)?\s+(?:and|or)\s+(?:again\s+(?:in\s+)?)?{_YEAR}\b"),
    ("weekday", rf"\b{_WEEKDAY}(?:'s)?\b"),
    ("yesterday", r"\b(?:yesterday|last night)\b"),
    ("overnight", r"\b(?:overnight|during the night|in the early hours)\b"),
    ("today", r"\b(?:today|this morning|this afternoon|this evening|tonight|earlier in the day)\b"),
    ("last_week", r"\blast week\b"),
    ("last_month", r"\blast month\b"),
    ("last_year", r"\blast year\b"),
    ("years_ago", r"\b(?P<ago>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? ago\b"),
    ("decade", r"\b(?:in|during|since) the (?:late |early |mid-)?(?P<year>(?:19|20)\d0)s\b"),
    ("same_day", r"\b(?:the same (?:day|afternoon|morning|evening|night)|later that day|hours later)\b"),
    ("day_before", r"\b(?:a|one) day (?:before|earlier)\b"),
]]
AGO = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
       "nine": 9, "ten": 10}
SINCE = re.compile(r"\b(?:since|over the (?:last|past)|in the (?:last|past)|in recent)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    kind: str
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    since: bool = False          # "since May 1": a period's start, not an event date
    ago: str | None = None       # "three years ago": how many


@dataclass(frozen=True)
class ResolvedDate:
    date: str | None
    precision: str | None        # day, week, month, year
    basis: str                   # explicit, relative, publication, unknown
    expression: str | None = None


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Time expressions in ``text``, left to right, without overlaps."""
    taken: list[tuple[int, int]] = []     # claimed stretches, sorted and disjoint
    found: list[TimeExpression] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            expr = _expression(kind, m, text)
            if expr is not None:
                bisect.insort(taken, (m.start(), m.end()))
                found.append(expr)
    return sorted(found, key=lambda e: e.start)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets a claimed stretch: only its neighbours in the sorted list
    can (a scan of every stretch made a text of many dates quadratic)."""
    i = bisect.bisect_left(taken, (start, end))
    return (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end)


def _expression(kind: str, m: re.Match[str], text: str) -> TimeExpression | None:
    groups = m.groupdict()
    month = groups.get("month")
    month_n = MONTHS.get(month.lower().rstrip(".")) if month else None
    if kind == "numeric":
        month_n = int(month) if month and 1 <= int(month) <= 12 else None
        if month_n is None:
            return None
    if kind == "iso":
        month_n = int(month)
    if kind == "month_day" and month and month.lower() == "may" and not m.group(0)[0].isupper():
        return None   # "may 2": the modal, not the month
    if kind in {"in_month"} and month and month.lower() == "may" and not re.search(r"\bMay\b", m.group(0)):
        return None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None
    since = bool(SINCE.search(text[max(0, m.start() - 25):m.start()])) or \
        m.group(0).lower().startswith("since")
    if kind == "mid_month":
        day = {"mid": 15, "early": 5, "beginning of": 1, "late": 25, "end of": 28}[groups["part"].lower()]
    return TimeExpression(m.start(), m.end(), kind, m.group(0), year, month_n, day, weekday, since,
                          (groups.get("ago") or "").lower() or None)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(expr: TimeExpression | None, published: date | None, future: bool = False,
            anchor: ResolvedDate | None = None) -> ResolvedDate:
    """One expression resolved against the publication day (``anchor``: the last date the
    article gave, for "the same afternoon")."""
    if expr is None or expr.since:
        if published is None:
            return ResolvedDate(None, None, "unknown")
        return ResolvedDate(published.isoformat(), "day", "publication")
    kind = expr.kind
    if kind in {"day_month_year", "month_day_year", "numeric", "iso"}:
        return _day(expr.year, expr.month, expr.day, "explicit", expr.text)
    if kind in {"year", "and_year", "decade"}:
        return ResolvedDate(f"{expr.year:04d}", "year", "explicit", expr.text)
    if kind in {"month_year"} or (kind == "mid_month" and expr.year):
        if kind == "mid_month":
            return ResolvedDate(f"{expr.year:04d}-{expr.month:02d}", "month", "explicit", expr.text)
        return ResolvedDate(f"{expr.year:04d}-{expr.month:02d}", "month", "explicit", expr.text)
    if kind in {"day_month", "month_day"}:
        year = _year_for(expr.month, expr.day, published)
        if year is None:
            return ResolvedDate(None, None, "unknown", expr.text)
        return _day(year, expr.month, expr.day, "explicit", expr.text)
    if kind in {"in_month", "mid_month"}:
        year = _year_for(expr.month, 1, published)
        if year is None:
            return ResolvedDate(None, None, "unknown", expr.text)
        return ResolvedDate(f"{year:04d}-{expr.month:02d}", "month", "explicit", expr.text)
    if kind == "same_day":
        if anchor and anchor.date:
            return ResolvedDate(anchor.date, anchor.precision, anchor.basis, expr.text)
        return resolve(None, published)
    if published is None:
        return ResolvedDate(None, None, "unknown", expr.text)
    return _relative(expr, published, future)


def _relative(expr: TimeExpression, published: date, future: bool) -> ResolvedDate:
    kind = expr.kind
    if kind == "weekday":
        delta = (published.weekday() - expr.weekday) % 7
        if future and delta:
            day = published + timedelta(days=7 - delta)
        else:
            day = published - timedelta(days=delta)
        return ResolvedDate(day.isoformat(), "day", "relative", expr.text)
    offsets = {"yesterday": 1, "overnight": 1, "today": 0, "day_before": 1}
    if kind in offsets:
        day = published - timedelta(days=offsets[kind])
        return ResolvedDate(day.isoformat(), "day", "relative", expr.text)
    if kind == "last_week":
        monday = published - timedelta(days=published.weekday() + 7)
        return ResolvedDate(monday.isoformat(), "week", "relative", expr.text)
    if kind == "last_month":
        first = published.replace(day=1) - timedelta(days=1)
        return ResolvedDate(f"{first.year:04d}-{first.month:02d}", "month", "relative", expr.text)
    if kind in {"last_year", "years_ago"}:
        back = 1 if kind == "last_year" else AGO.get(expr.ago or "", int(expr.ago) if (expr.ago or "").isdigit() else 1)
        return ResolvedDate(f"{published.year - back:04d}", "year", "relative", expr.text)
    return ResolvedDate(published.isoformat(), "day", "publication")


def _day(year: int | None, month: int | None, day: int | None, basis: str, text: str) -> ResolvedDate:
    try:
        return ResolvedDate(date(year, month, day).isoformat(), "day", basis, text)
    except (TypeError, ValueError):
        return ResolvedDate(None, None, "unknown", text)


def _year_for(month: int | None, day: int | None, published: date | None) -> int | None:
    """The year of a day written without one: the publication year, or the one before when
    that day would fall after publication."""
    if published is None or month is None:
        return None
    try:
        candidate = date(published.year, month, min(day or 1, 28))
    except ValueError:
        return None
    return published.year - 1 if candidate > published + timedelta(days=2) else published.year


def shift(resolved: ResolvedDate, days: int) -> ResolvedDate:
    """A resolved day moved by ``days`` ("a day after Sheberghan")."""
    if not resolved.date or resolved.precision != "day":
        return resolved
    moved = date.fromisoformat(resolved.date) + timedelta(days=days)
    return ResolvedDate(moved.isoformat(), "day", resolved.basis, resolved.expression)


def shift_by(resolved: ResolvedDate, n: int, unit: str) -> ResolvedDate:
    """A resolved date moved by ``n`` days, weeks, months or years ("eight months after"):
    a move by months or years keeps only the month or the year."""
    if not resolved.date or unit in {"day", "week"}:
        return shift(resolved, n * (7 if unit == "week" else 1))
    year = int(resolved.date[:4])
    month = int(resolved.date[5:7]) if len(resolved.date) >= 7 else None
    if unit == "year" or month is None:
        n = n if unit == "year" else int(n / 12)   # a year known only: whole years of months
        return ResolvedDate(f"{year + n:04d}", "year", resolved.basis, resolved.expression)
    total = year * 12 + (month - 1) + n
    return ResolvedDate(f"{total // 12:04d}-{total % 12 + 1:02d}", "month", resolved.basis, resolved.expression)


# An event dated more than this many days before its article's publication is background
# (eval/news/README.md: "more than about a month before publication").
BACKGROUND_DAYS = 31


def is_background(event_date: str | None, published: str | date | None, basis: str | None = None) -> bool:
    """Whether an event dated ``event_date`` (YYYY, YYYY-MM or YYYY-MM-DD) is background to
    an article published on ``published``: a year before the publication year, or a month
    or a day that ends more than BACKGROUND_DAYS before it. With no publication date, a
    written year alone ("in 2016") marks background."""
    if not event_date:
        return False
    if published is None:
        return basis == "explicit" and len(event_date) == 4
    day = published if isinstance(published, date) else _iso_day(published)
    if day is None:
        return False
    if len(event_date) == 4:
        return int(event_date) < day.year
    return last_day(event_date) < day - timedelta(days=BACKGROUND_DAYS)


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def last_day(event_date: str) -> date:
    parts = [int(p) for p in event_date.split("-")]
    if len(parts) == 2:
        year, month = parts
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date(*parts)
