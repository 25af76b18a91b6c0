"""Reading and writing fused events and the statements behind them."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from frontwatch.control.timeline import place_key
from frontwatch.errors import NotFound
from frontwatch.fuse.event import FusedEvent
from frontwatch.fuse.mention import Mention, Place
from frontwatch.store.connection import Store, utc_now

MAX_PAGE = 1000
# Oldest first; on one day at one place, in the order such events follow each other.
EVENT_ORDER = ("date IS NULL, date, place_name, CASE kind WHEN 'besieged' THEN 0 WHEN 'entered' THEN 1 "
               "WHEN 'withdrew' THEN 2 WHEN 'captured' THEN 3 WHEN 'surrendered' THEN 3 "
               "WHEN 'recaptured' THEN 4 ELSE 5 END, id")

EVENT_FIELDS = (
    "id", "bucket", "place_key", "kind", "event_type", "sub_event_type", "place_id", "place_name",
    "place_level", "place_feature", "admin1", "admin2", "country", "lat", "lon", "geo_precision",
    "date", "date_precision", "date_basis", "date_low", "date_high", "actor1", "actor2",
    "new_controller", "previous_controller", "fatalities", "factuality", "attributed_to",
    "disputed", "confidence", "n_articles", "n_independent", "conflicts", "updated_at",
)
SOURCE_FIELDS = (
    "event_id", "mention_id", "role", "article_id", "outlet", "source", "url", "published",
    "copy_cluster", "factuality", "attributed_to", "date", "date_precision", "date_basis",
    "fatalities", "sentence", "evidence",
)


def _event_row(event: FusedEvent, now: str) -> tuple:
    p = event.place
    return (
        event.id, event.bucket, place_key(p) if p else None, event.kind, event.event_type,
        event.sub_event_type, p.id if p else None, p.name if p else None, p.level if p else None,
        p.feature if p else None, p.admin1 if p else None, p.admin2 if p else None,
        p.country if p else None, p.lat if p else None, p.lon if p else None,
        p.precision if p else None, event.date, event.date_precision, event.date_basis,
        event.date_low, event.date_high, event.actor1, event.actor2, event.new_controller,
        event.previous_controller, event.fatalities, event.factuality,
        json.dumps(list(event.attributed_to)), int(event.disputed), event.confidence,
        event.n_articles, event.n_independent, json.dumps(list(event.conflicts)), now,
    )


def _source_row(event_id: str, m: Mention, role: str) -> tuple:
    return (event_id, m.id, role, m.article_id, m.outlet, m.source, m.url, m.published,
            m.copy_cluster, m.factuality, m.attributed_to, m.date, m.date_precision, m.date_basis,
            m.fatalities, m.sentence, json.dumps(m.evidence, default=str))


def _keep_update_time(row: tuple, before: tuple | None) -> tuple:
    """An event that a re-fusion left as it was keeps the time it last changed."""
    if before is not None and before[:-1] == row[:-1]:
        return row[:-1] + (before[-1],)
    return row


def replace_bucket_events(store: Store, buckets: Sequence[str], events: Iterable[FusedEvent]) -> list[str]:
    """Swap the stored events of ``buckets`` for ``events``; return the place keys touched.

    Call inside a transaction.
    """
    touched: set[str] = set()
    previous: dict[str, tuple] = {}
    for bucket in buckets:
        for row in store.execute(f"SELECT {','.join(EVENT_FIELDS)} FROM events WHERE bucket = ?", (bucket,)):
            previous[row[0]] = tuple(row)
            if row[2] is not None:
                touched.add(row[2])
        store.execute("DELETE FROM events WHERE bucket = ?", (bucket,))
    now = utc_now()
    marks = ",".join("?" * len(EVENT_FIELDS))
    source_marks = ",".join("?" * len(SOURCE_FIELDS))
    for event in events:
        store.execute(f"INSERT INTO events ({','.join(EVENT_FIELDS)}) VALUES ({marks})",
                      _keep_update_time(_event_row(event, now), previous.get(event.id)))
        rows = [_source_row(event.id, m, "report") for m in event.members]
        rows += [_source_row(event.id, m, "denial") for m in event.denials]
        store.conn.executemany(
            f"INSERT INTO event_sources ({','.join(SOURCE_FIELDS)}) VALUES ({source_marks})", rows)
        if event.place:
            touched.add(place_key(event.place))
    return sorted(touched)


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the CLI, the exports and the web API."""

    country: str | None = None
    actor: str | None = None
    kind: str | None = None
    event_type: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    factuality: str | None = None
    min_confidence: float | None = None
    include_undated: bool = True
    # Events an article recalls from years or months before it (factuality "historical"):
    # kept and labelled in the store; the CLI, the exports and the API leave them out unless asked.
    include_background: bool = True

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for column, value in (("country", self.country), ("kind", self.kind),
                              ("event_type", self.event_type), ("factuality", self.factuality)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.actor:
            clauses.append("(actor1 = ? OR actor2 = ? OR new_controller = ? OR previous_controller = ?)")
            params += [self.actor] * 4
        if self.place:
            clauses.append("(name_key(place_name) = name_key(?) OR name_key(admin1) = name_key(?) "
                           "OR name_key(admin2) = name_key(?) OR place_id = ?)")
            params += [self.place] * 4
        if self.date_from:
            clauses.append("(date_high >= ?" + (" OR date IS NULL)" if self.include_undated else ")"))
            params.append(self.date_from)
        if self.date_to:
            clauses.append("(date_low <= ?" + (" OR date IS NULL)" if self.include_undated else ")"))
            params.append(self.date_to)
        if not self.include_undated:
            clauses.append("date IS NOT NULL")
        if not self.include_background:
            clauses.append("factuality != 'historical'")
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(self.min_confidence)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def event_record(row: Any) -> dict[str, Any]:
    record = dict(row)
    record["attributed_to"] = json.loads(record["attributed_to"])
    record["conflicts"] = json.loads(record["conflicts"])
    record["disputed"] = bool(record["disputed"])
    return record


def list_events(store: Store, filters: EventFilter = EventFilter(), limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:
    where, params = filters.where()
    limit = max(1, min(limit, MAX_PAGE))
    rows = store.query(
        f"SELECT * FROM events{where} ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?",
        (*params, limit, max(0, offset)))
    return [event_record(r) for r in rows]


def iter_events(store: Store, filters: EventFilter = EventFilter()):
    where, params = filters.where()
    for row in store.execute(f"SELECT * FROM events{where} ORDER BY {EVENT_ORDER}",
                             tuple(params)):
        yield event_record(row)


def count_events(store: Store, filters: EventFilter = EventFilter()) -> int:
    where, params = filters.where()
    return store.execute(f"SELECT count(*) FROM events{where}", tuple(params)).fetchone()[0]


def event_sources(store: Store, event_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT * FROM event_sources WHERE event_id = ? ORDER BY role DESC, published, article_id",
        (event_id,))
    out = []
    for row in rows:
        record = dict(row)
        record["evidence"] = json.loads(record["evidence"]) if record["evidence"] else None
        out.append(record)
    return out


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its reports and denials (id or a unique prefix of 6+ characters)."""
    # The exact id by the primary key; a prefix scans the table, so only when no id matches.
    rows = store.query("SELECT * FROM events WHERE id = ?", (event_id,)) or \
        (store.query("SELECT * FROM events WHERE id LIKE ? || '%' LIMIT 2", (event_id,)) if len(event_id) >= 6 else [])
    if not rows or (len(rows) > 1 and rows[0]["id"] != event_id):
        raise NotFound(f"no event {event_id!r}; `frontwatch events` lists the ids")
    record = event_record(rows[0])
    sources = event_sources(store, record["id"])
    record["sources"] = [s for s in sources if s["role"] == "report"]
    record["denials"] = [s for s in sources if s["role"] == "denial"]
    return record


def row_to_fused(record: dict[str, Any]) -> FusedEvent:
    """A stored event as the control stage reads it (without its member mentions)."""
    place = None
    if record["place_name"]:
        place = Place(record["place_name"], record["place_id"], record["place_level"],
                      record["admin1"], record["admin2"], record["country"], record["lat"],
                      record["lon"], record["geo_precision"], record["place_feature"])
    return FusedEvent(
        id=record["id"], bucket=record["bucket"], kind=record["kind"],
        event_type=record["event_type"], sub_event_type=record["sub_event_type"], place=place,
        date=record["date"], date_precision=record["date_precision"], date_basis=record["date_basis"],
        date_low=record["date_low"], date_high=record["date_high"], actor1=record["actor1"],
        actor2=record["actor2"], new_controller=record["new_controller"],
        previous_controller=record["previous_controller"], fatalities=record["fatalities"],
        factuality=record["factuality"], attributed_to=tuple(record["attributed_to"]),
        disputed=record["disputed"], confidence=record["confidence"],
        n_articles=record["n_articles"], n_independent=record["n_independent"], members=(),
        denials=(), conflicts=tuple(record["conflicts"]),
    )


def events_at_places(store: Store, keys: Sequence[str]) -> dict[str, list[FusedEvent]]:
    out: dict[str, list[FusedEvent]] = {k: [] for k in keys}
    for key in keys:
        for row in store.execute("SELECT * FROM events WHERE place_key = ?", (key,)):
            out[key].append(row_to_fused(event_record(row)))
    return out
