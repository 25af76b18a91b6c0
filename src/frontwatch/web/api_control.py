"""API: control of places on a day, one place's history, tallies, places, and the overview."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse

from frontwatch.control import tallies as tally_rows
from frontwatch.errors import NotFound
from frontwatch.store import browse
from frontwatch.store.control import all_timelines, control_on, place_history
from frontwatch.web.api_events import MAX_TEXT, Db, Text, check_span, plain_json

router = APIRouter(prefix="/api")

ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
Day = Annotated[str | None, Query(pattern=ISO_DAY, max_length=10)]
FromDay = Annotated[str | None, Query(alias="from", pattern=ISO_DAY, max_length=10)]
ToDay = Annotated[str | None, Query(alias="to", pattern=ISO_DAY, max_length=10)]


def valid_day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"{name}={value!r} is not a calendar day; write YYYY-MM-DD") from None


def span_or_default(db: Db, date_from: str | None, date_to: str | None) -> tuple[str, str] | None:
    first, last = browse.active_range(db)
    date_from, date_to = valid_day(date_from, "from") or first, valid_day(date_to, "to") or last
    if not date_from or not date_to:
        return None
    check_span(date_from, date_to)
    days = (date.fromisoformat(date_to) - date.fromisoformat(date_from)).days
    if days > browse.MAX_TIMELINE_DAYS:
        raise HTTPException(400, f"{days} days asked; ask for {browse.MAX_TIMELINE_DAYS} at most")
    return date_from, date_to


@router.get("/summary", tags=["control"])
def summary(db: Db) -> JSONResponse:
    """What the store holds: the span of recent activity (and of all dated events), counts."""
    first, last = browse.active_range(db)
    earliest = browse.date_range(db)[0]
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return plain_json({
        "first_day": first, "last_day": last, "earliest_day": earliest,
        "events": one("SELECT count(*) FROM events"),
        "articles": one("SELECT count(*) FROM articles"),
        "places": one("SELECT count(DISTINCT place_key) FROM control_states"),
        "countries": [r[0] for r in db.query(
            "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY 1")],
    })


@router.get("/control", tags=["control"])
def control(db: Db, date_: Annotated[str | None, Query(alias="date", pattern=ISO_DAY, max_length=10)] = None,
            country: Text = None) -> JSONResponse:
    """Every known place and its state at the end of ``date`` (default: the last known day)."""
    day = valid_day(date_, "date") or browse.date_range(db)[1]
    return plain_json({"date": day, "places": control_on(db, day, country) if day else []})


@router.get("/control/places/{key}", tags=["control"])
def control_history(db: Db, key: Annotated[str, Path(max_length=MAX_TEXT)]) -> JSONResponse:
    """One place's control timeline, by place key, place id or name."""
    history = place_history(db, key)
    if not history:
        raise NotFound(f"no control history for {key!r}; /api/places lists the places")
    return plain_json({"key": key, "states": history})


@router.get("/tallies", tags=["control"])
def tallies(db: Db, date_from: FromDay = None, date_to: ToDay = None,
            category: Text = None) -> JSONResponse:
    """Places held by each side, contested or besieged, day by day and by category."""
    span = span_or_default(db, date_from, date_to)
    if span is None:
        return plain_json({"from": None, "to": None, "rows": []})
    rows = tally_rows(all_timelines(db), *span)
    if category:
        rows = [r for r in rows if r["category"] == category]
    return plain_json({"from": span[0], "to": span[1], "rows": rows})


@router.get("/timeline", tags=["control"])
def timeline(db: Db, date_from: FromDay = None, date_to: ToDay = None,
             country: Text = None) -> JSONResponse:
    """Events a day by kind, with fatalities (day-precise events only)."""
    span = span_or_default(db, date_from, date_to)
    if span is None:
        return plain_json({"from": None, "to": None, "rows": []})
    return plain_json({"from": span[0], "to": span[1], "rows": browse.events_by_day(db, *span, country)})


@router.get("/places", tags=["control"])
def places(db: Db, country: Text = None) -> JSONResponse:
    """Every place that events name, with its coordinates, event count and last state."""
    items = browse.list_places(db, country)
    return plain_json({"total": len(items), "items": items})
