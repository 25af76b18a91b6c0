"""Reading and writing control timelines."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from frontwatch.control.timeline import ControlState
from frontwatch.fuse.mention import Place
from frontwatch.store.connection import Store

STATE_FIELDS = ("place_key", "seq", "place_id", "place_name", "place_level", "place_feature",
                "admin1", "admin2", "country", "lat", "lon", "date_from", "date_to", "state",
                "controller", "holder", "uncertain", "event_ids")


def replace_timelines(store: Store, keys: Sequence[str], timelines: dict[str, list[ControlState]]) -> None:
    """Swap the stored timelines of ``keys`` (a place with no timeline left is removed)."""
    for key in keys:
        store.execute("DELETE FROM control_states WHERE place_key = ?", (key,))
    marks = ",".join("?" * len(STATE_FIELDS))
    for key in keys:
        store.conn.executemany(f"INSERT INTO control_states ({','.join(STATE_FIELDS)}) VALUES ({marks})",
                               [_row(s) for s in timelines.get(key, [])])


def _row(s: ControlState) -> tuple:
    p = s.place
    return (s.place_key, s.seq, p.id, p.name, p.level, p.feature, p.admin1, p.admin2, p.country,
            p.lat, p.lon, s.date_from, s.date_to, s.state, s.controller, s.holder, int(s.uncertain),
            json.dumps(list(s.event_ids)))


def _record(row: Any) -> dict[str, Any]:
    record = dict(row)
    record["uncertain"] = bool(record["uncertain"])
    record["event_ids"] = json.loads(record["event_ids"])
    return record


def control_on(store: Store, day: str, country: str | None = None) -> list[dict[str, Any]]:
    """Every known place and its state at the end of ``day`` ('unknown' before its first event)."""
    params: list[Any] = [day]
    where = " WHERE country = ?" if country else ""
    if country:
        params.append(country)
    rows = store.query(
        f"""SELECT * FROM control_states c WHERE seq = (
                SELECT max(seq) FROM control_states d WHERE d.place_key = c.place_key AND d.date_from <= ?)
            {'AND country = ?' if country else ''}""", tuple(params))
    known = {r["place_key"]: _record(r) for r in rows}
    for row in store.query(f"SELECT * FROM control_states{where} {'AND' if where else 'WHERE'} seq = 0",
                           tuple(params[1:])):
        if row["place_key"] not in known:
            record = _record(row)
            record.update(state="unknown", controller=None, holder=None, date_from=None,
                          date_to=row["date_from"], event_ids=[], uncertain=False)
            known[row["place_key"]] = record
    return sorted(known.values(), key=lambda r: (r["country"] or "", r["admin1"] or "", r["place_name"]))


def place_history(store: Store, name: str) -> list[dict[str, Any]]:
    """The control timeline of places with this name (any spelling the store holds)."""
    rows = store.query(
        "SELECT * FROM control_states WHERE name_key(place_name) = name_key(?) OR place_id = ? "
        "OR place_key = ? ORDER BY place_key, seq", (name, name, name))
    return [_record(r) for r in rows]


def all_timelines(store: Store) -> dict[str, list[ControlState]]:
    timelines: dict[str, list[ControlState]] = {}
    for row in store.execute("SELECT * FROM control_states ORDER BY place_key, seq"):
        r = _record(row)
        place = Place(r["place_name"], r["place_id"], r["place_level"], r["admin1"], r["admin2"],
                      r["country"], r["lat"], r["lon"], None, r["place_feature"])
        timelines.setdefault(r["place_key"], []).append(ControlState(
            r["place_key"], place, r["seq"], r["date_from"], r["date_to"], r["state"],
            r["controller"], r["holder"], r["uncertain"], tuple(r["event_ids"])))
    return timelines


def iter_states(store: Store) -> Iterable[dict[str, Any]]:
    for row in store.execute("SELECT * FROM control_states ORDER BY country, place_name, seq"):
        yield _record(row)
