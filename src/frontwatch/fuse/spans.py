"""Date spans: the days on which an event mention may have happened."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

# Reports of one event disagree by a day (time zones, "overnight", local vs UTC dating).
DATE_SLACK_DAYS = 1
# A mention with no time expression is dated by publication: the event happened on or
# before that day. News reports events of the last days; two weeks bounds "recent".
PUBLICATION_LOOKBACK_DAYS = 14

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
BASIS_RANK = {"explicit": 0, "relative": 1, "publication": 2}


@dataclass(frozen=True)
class Span:
    low: date
    high: date

    def overlaps(self, other: "Span") -> bool:
        return self.low <= other.high and other.low <= self.high

    def intersect(self, other: "Span") -> "Span | None":
        low, high = max(self.low, other.low), min(self.high, other.high)
        return Span(low, high) if low <= high else None


def parse_partial(value: str) -> tuple[date, date]:
    """The first and last day of YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(parts[0], parts[1], parts[2])
    return day, day


def span_of(value: str | None, precision: str | None, basis: str | None) -> Span | None:
    """The span of a mention's date, or None when it is undated."""
    if not value:
        return None
    try:
        low, high = parse_partial(value)
    except ValueError:
        return None
    slack = timedelta(days=DATE_SLACK_DAYS)
    if basis == "publication":
        return Span(low - timedelta(days=PUBLICATION_LOOKBACK_DAYS), high)
    if precision == "week":
        return Span(low - slack, low + timedelta(days=6) + slack)
    if low == high:
        return Span(low - slack, high + slack)
    return Span(low, high)


def date_rank(precision: str | None, basis: str | None) -> tuple[int, int]:
    """Lower is better evidence of when the event happened."""
    return BASIS_RANK.get(basis or "", 3), PRECISION_RANK.get(precision or "", 4)
