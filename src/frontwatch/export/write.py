"""Writing events and control timelines in the formats analysts' tools read."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.export.acled import COLUMNS, InteractionCode, acled_row
from frontwatch.store import Store
from frontwatch.store.control import iter_states
from frontwatch.store.events import EventFilter, event_sources, iter_events

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet", "control-csv", "control-json")
CONTROL_COLUMNS = ("place_key", "seq", "place_name", "place_id", "place_level", "admin1", "admin2",
                   "country", "lat", "lon", "date_from", "date_to", "state", "controller",
                   "holder", "uncertain", "event_ids")


def _rows(store: Store, filters: EventFilter, code: InteractionCode) -> Iterator[tuple[dict, list]]:
    for event in iter_events(store, filters):
        sources = event_sources(store, event["id"])
        yield acled_row(event, sources, code), sources


def export(store: Store, fmt: str, out: Path, filters: EventFilter = EventFilter(),
           interaction_code: InteractionCode = lambda actor: None) -> int:
    """Write ``fmt`` to ``out``; return the number of records written."""
    writers = {"acled-csv": _acled_csv, "geojson": _geojson, "jsonl": _jsonl, "parquet": _parquet}
    if fmt in writers:
        return writers[fmt](_rows(store, filters, interaction_code), out)
    if fmt == "control-csv":
        return _control_csv(store, out)
    if fmt == "control-json":
        return _control_json(store, out)
    raise FrontwatchError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _acled_csv(rows, out: Path) -> int:
    n = 0
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row, _ in rows:
            writer.writerow(row)
            n += 1
    return n


def _geojson(rows, out: Path) -> int:
    features = []
    for row, sources in rows:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        features.append({"type": "Feature", "id": row["frontwatch_id"],
                         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                         "properties": {**row, "sources": sources}})
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                              ensure_ascii=False, default=str), encoding="utf-8")
    return len(features)


def _jsonl(rows, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for row, sources in rows:
            fh.write(json.dumps({**row, "sources": sources}, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _parquet(rows, out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records: list[dict[str, Any]] = [dict(row, sources=json.dumps(sources, default=str))
                                     for row, sources in rows]
    schema = pa.schema([(c, _arrow_type(c)) for c in COLUMNS] + [("sources", pa.string())])
    table = pa.Table.from_pylist(records, schema=schema)
    pq.write_table(table, out)
    return len(records)


def _arrow_type(column: str):
    import pyarrow as pa

    if column in ("latitude", "longitude", "confidence"):
        return pa.float64()
    if column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                  "geo_precision", "fatalities", "timestamp", "independent_sources"):
        return pa.int64()
    if column == "disputed":
        return pa.bool_()
    return pa.string()


def _control_csv(store: Store, out: Path) -> int:
    n = 0
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CONTROL_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for state in iter_states(store):
            writer.writerow({**state, "event_ids": ";".join(state["event_ids"])})
            n += 1
    return n


def _control_json(store: Store, out: Path) -> int:
    places: dict[str, dict[str, Any]] = {}
    for state in iter_states(store):
        place = places.setdefault(state["place_key"], {
            k: state[k] for k in ("place_key", "place_name", "place_id", "place_level", "admin1",
                                  "admin2", "country", "lat", "lon")} | {"states": []})
        place["states"].append({k: state[k] for k in ("seq", "date_from", "date_to", "state",
                                                      "controller", "holder", "uncertain", "event_ids")})
    out.write_text(json.dumps(list(places.values()), ensure_ascii=False, indent=1), encoding="utf-8")
    return sum(len(p["states"]) for p in places.values())
