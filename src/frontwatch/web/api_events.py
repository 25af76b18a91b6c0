"""API: events with their sources, articles, mentions and copy clusters."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import JSONResponse

from frontwatch.store import Store
from frontwatch.store import browse
from frontwatch.store.events import EventFilter, count_events, get_event, list_events
from frontwatch.web.connections import request_store
from frontwatch.web.evidence import evidence_spans

router = APIRouter(prefix="/api")

DEFAULT_PAGE = 100
MAX_PAGE = 500          # rows per page; a page of events is about 1 KB a row
MAX_OFFSET = 10_000_000
MAX_TEXT = 200          # characters of any free-text filter
DAY_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ID_PATTERN = r"^[0-9a-f]{6,32}$"

Db = Annotated[Store, Depends(request_store)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Day = Annotated[str | None, Query(pattern=DAY_PATTERN, max_length=10)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def plain_json(content: Any) -> JSONResponse:
    """Store records are plain JSON values already: skip FastAPI's generic encoder (3x slower)."""
    return JSONResponse(content)


def page(total: int, limit: int, offset: int, items: list[Any]) -> JSONResponse:
    return plain_json({"total": total, "limit": limit, "offset": offset, "items": items})


def on_calendar(value: str | None, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD that the pattern let through and that is a real day,
    month or year (2021-13-45 has the shape of a day and is none)."""
    if value is None:
        return None
    year, month, day = ([int(p) for p in value.split("-")] + [1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError:
        raise HTTPException(400, f"{name}={value!r} is not on the calendar; write YYYY-MM-DD, YYYY-MM "
                                 "or YYYY") from None
    return value


def check_span(date_from: str | None, date_to: str | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, f"'from' ({date_from}) is after 'to' ({date_to})")


@router.get("/events", tags=["events"])
def events(db: Db, country: Text = None, actor: Text = None, kind: Text = None,
           event_type: Text = None, place: Text = None,
           date_from: Annotated[str | None, Query(alias="from", pattern=DAY_PATTERN, max_length=10)] = None,
           date_to: Annotated[str | None, Query(alias="to", pattern=DAY_PATTERN, max_length=10)] = None,
           factuality: Text = None,
           min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
           undated: bool = True, background: bool = False,
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSONResponse:
    """Fused events, oldest first, filtered; ``from``/``to`` keep events whose date span overlaps;
    ``background=true`` adds the events articles recall from well before them (historical)."""
    date_from, date_to = on_calendar(date_from, "from"), on_calendar(date_to, "to")
    check_span(date_from, date_to)
    filters = EventFilter(country=country, actor=actor, kind=kind, event_type=event_type,
                          place=place, date_from=date_from, date_to=date_to,
                          factuality=factuality, min_confidence=min_confidence,
                          include_undated=undated, include_background=background or factuality == "historical")
    return page(count_events(db, filters), limit, offset, list_events(db, filters, limit, offset))


@router.get("/events/{event_id}", tags=["events"])
def event(db: Db, event_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> JSONResponse:
    """One event with every report and denial, the evidence spans in each sentence, and copies."""
    record = get_event(db, event_id)
    articles = browse.articles_by_id(
        db, sorted({s["article_id"] for s in record["sources"] + record["denials"]}))
    for source in record["sources"] + record["denials"]:
        source["highlights"] = evidence_spans(source["sentence"], source["evidence"])
        source["article"] = articles.get(source["article_id"])
        cluster = browse.cluster_of(db, source["article_id"])
        source["copies"] = [m for m in cluster["members"] if m["article_id"] != source["article_id"]] \
            if cluster else []
    return plain_json(record)


@router.get("/articles", tags=["articles"])
def articles(db: Db, outlet: Text = None, title: Text = None, limit: Limit = DEFAULT_PAGE,
             offset: Offset = 0) -> JSONResponse:
    """Articles in ingest order, without their text; ``title`` matches a part of the title."""
    total, items = browse.list_articles(db, limit, offset, outlet, title)
    return page(total, limit, offset, items)


@router.get("/articles/{article_id}", tags=["articles"])
def article(db: Db, article_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> JSONResponse:
    """One article: clean text, metadata, its copy cluster and the events it reports."""
    return plain_json(browse.article_detail(db, article_id))


@router.get("/mentions", tags=["events"])
def mentions(db: Db, article_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSONResponse:
    """Event mentions as the events stage found them (empty until that stage has run)."""
    total, items = browse.list_mentions(db, limit, offset, article_id)
    return page(total, limit, offset, items)


@router.get("/copies", tags=["articles"])
def copies(db: Db, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> JSONResponse:
    """Copy clusters, largest first, with their member articles (empty until copies ran)."""
    total, items = browse.list_copy_clusters(db, limit, offset)
    return page(total, limit, offset, items)


@router.get("/copies/{cluster_id}", tags=["articles"])
def copy_cluster(db: Db, cluster_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> JSONResponse:
    return plain_json(browse.copy_cluster(db, cluster_id))
