"""What a report says, gathered from the store: changes of hands, casualties, contested
places, control at the end of the period, and every statement behind each event."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from frontwatch.control import tallies
from frontwatch.control.timeline import CONTROL_KINDS
from frontwatch.errors import FrontwatchError
from frontwatch.store import Store, browse
from frontwatch.store.control import all_timelines, control_on
from frontwatch.store.events import EventFilter, get_event, iter_events
from frontwatch.web.evidence import evidence_spans, split_highlighted

CHANGE_KINDS = CONTROL_KINDS - {"besieged", "entered"}   # the place has a new holder
CONTESTED_STATES = {"contested", "besieged"}


@dataclass
class ReportData:
    date_from: str
    date_to: str
    country: str | None
    changes: list[dict[str, Any]] = field(default_factory=list)
    casualties: list[dict[str, Any]] = field(default_factory=list)
    contested: list[dict[str, Any]] = field(default_factory=list)
    control_at_end: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    tally_rows: list[dict[str, Any]] = field(default_factory=list)
    tally_category: str | None = None

    @property
    def total_fatalities(self) -> int:
        return sum(e["fatalities"] or 0 for e in self.casualties)


def safe_url(url: str | None) -> str | None:
    """Only web links become links: a ``javascript:`` or file URL in an article stays text."""
    if url and urlsplit(url).scheme in {"http", "https"}:
        return url
    return None


def period(store: Store, date_from: str | None, date_to: str | None) -> tuple[str, str]:
    first, last = browse.active_range(store)
    if not first:   # no dated events yet: the period the articles were published in
        first, last = browse.publication_range(store)
    date_from, date_to = date_from or first, date_to or last
    if not date_from or not date_to:
        raise FrontwatchError("no dated events or articles in the store yet: run `frontwatch ingest PATH` "
                              "first, or give --from and --to")
    if date_from > date_to:
        raise FrontwatchError(f"--from {date_from} is after --to {date_to}")
    return date_from, date_to


def with_statements(store: Store, event: dict[str, Any]) -> dict[str, Any]:
    """The event with its reports and denials, each sentence split into highlighted pieces."""
    full = get_event(store, event["id"])
    articles = browse.articles_by_id(store, sorted({s["article_id"] for s in full["sources"] + full["denials"]}))
    for source in full["sources"] + full["denials"]:
        sentence = source["sentence"] or ""
        source["pieces"] = split_highlighted(sentence, evidence_spans(sentence, source["evidence"]))
        source["article"] = articles.get(source["article_id"]) or {}
        source["link"] = safe_url(source["url"])
        cluster = browse.cluster_of(store, source["article_id"])
        source["copies"] = [dict(m, link=safe_url(m["url"])) for m in cluster["members"]
                            if m["article_id"] != source["article_id"]] if cluster else []
    return full


def collect(store: Store, date_from: str | None = None, date_to: str | None = None,
            country: str | None = None) -> ReportData:
    start, end = period(store, date_from, date_to)
    data = ReportData(start, end, country)
    filters = EventFilter(country=country, date_from=start, date_to=end, include_undated=False,
                          include_background=False)
    for event in iter_events(store, filters):
        full = with_statements(store, event)
        data.events.append(full)
        if event["kind"] in CHANGE_KINDS and event["date_precision"] in {"day", "week"}:
            data.changes.append(full)
        if event["fatalities"]:
            data.casualties.append(full)
    data.control_at_end = control_on(store, end, country)
    data.contested = [p for p in data.control_at_end if p["state"] in CONTESTED_STATES or p["uncertain"]]
    timelines = all_timelines(store)
    if country:
        timelines = {k: t for k, t in timelines.items() if t and t[0].place.country == country}
    data.tally_rows = tallies(timelines, start, end) if timelines else []
    data.tally_category = main_category(data.tally_rows)
    return data


def main_category(rows: list[dict[str, Any]]) -> str | None:
    categories = {r["category"] for r in rows}
    if "provincial capitals" in categories:
        return "provincial capitals"
    return max(categories, key=lambda c: sum(r["places"] for r in rows if r["category"] == c), default=None)


def tally_on(rows: list[dict[str, Any]], day: str, category: str | None) -> list[dict[str, Any]]:
    return [r for r in rows if r["date"] == day and r["category"] == category]
