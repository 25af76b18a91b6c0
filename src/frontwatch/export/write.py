"""Writing events and control timelines in the formats analysts' tools read."""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from frontwatch.errors import FrontwatchError
from frontwatch.export.acled import COLUMNS, InteractionCode, acled_row
from frontwatch.store import Store
from frontwatch.store.control import iter_states
from frontwatch.store.events import EventFilter, event_sources, iter_events

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet", "control-csv", "control-json")
BINARY_FORMATS = ("parquet",)
CONTROL_COLUMNS = ("place_key", "seq", "place_name", "place_id", "place_level", "admin1", "admin2",
                   "country", "lat", "lon", "date_from", "date_to", "state", "controller",
                   "holder", "uncertain", "event_ids")


def _rows(store: Store, filters: EventFilter, code: InteractionCode) -> Iterator[tuple[dict, list]]:
    for event in iter_events(store, filters):
        sources = event_sources(store, event["id"])
        yield acled_row(event, sources, code), sources


def export(store: Store, fmt: str, out: Path | IO, filters: EventFilter = EventFilter(),
           interaction_code: InteractionCode = lambda actor: None) -> int:
    """Write ``fmt`` to ``out`` (a path, or an open stream: text for every format but
    Parquet, binary for Parquet); return the number of records written."""
    if fmt not in FORMATS:
        raise FrontwatchError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with _opened(out, binary=fmt in BINARY_FORMATS) as fh:
        if fmt == "control-csv":
            return _control_csv(store, fh)
        if fmt == "control-json":
            return _control_json(store, fh)
        writers = {"acled-csv": _acled_csv, "geojson": _geojson, "jsonl": _jsonl, "parquet": _parquet}
        return writers[fmt](_rows(store, filters, interaction_code), fh)


@contextmanager
def _opened(out: Path | IO, binary: bool) -> Iterator[IO]:
    """A stream for ``out``: the file at a path (created or replaced), or ``out`` itself.

    A file is written under a temporary name beside it and renamed when complete, so an
    export that fails or is killed leaves the previous file as it was, never a truncated one.
    Anything else at the path (a pipe, /dev/stdout) is written as it is.
    """
    if not isinstance(out, (str, Path)):
        yield out
        return
    out = Path(os.path.realpath(out))
    if out.exists() and not out.is_file():
        with _open(out, binary) as fh:
            yield fh
        return
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        with _open(partial, binary) as fh:
            yield fh
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _open(path: Path, binary: bool) -> IO:
    return open(path, "wb") if binary else open(path, "w", newline="", encoding="utf-8")


def _acled_csv(rows, fh: IO[str]) -> int:
    n = 0
    writer = csv.DictWriter(fh, fieldnames=COLUMNS)
    writer.writeheader()
    for row, _ in rows:
        writer.writerow(row)
        n += 1
    return n


def _geojson(rows, fh: IO[str]) -> int:
    features = []
    for row, sources in rows:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        features.append({"type": "Feature", "id": row["frontwatch_id"],
                         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                         "properties": {**row, "sources": sources}})
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False, default=str)
    return len(features)


def _jsonl(rows, fh: IO[str]) -> int:
    n = 0
    for row, sources in rows:
        fh.write(json.dumps({**row, "sources": sources}, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _parquet(rows, fh: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records: list[dict[str, Any]] = [dict(row, sources=json.dumps(sources, default=str))
                                     for row, sources in rows]
    schema = pa.schema([(c, _arrow_type(c)) for c in COLUMNS] + [("sources", pa.string())])
    table = pa.Table.from_pylist(records, schema=schema)
    pq.write_table(table, fh)
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


def _control_csv(store: Store, fh: IO[str]) -> int:
    n = 0
    writer = csv.DictWriter(fh, fieldnames=CONTROL_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for state in iter_states(store):
        writer.writerow({**state, "event_ids": ";".join(state["event_ids"])})
        n += 1
    return n


def _control_json(store: Store, fh: IO[str]) -> int:
    places: dict[str, dict[str, Any]] = {}
    for state in iter_states(store):
        place = places.setdefault(state["place_key"], {
            k: state[k] for k in ("place_key", "place_name", "place_id", "place_level", "admin1",
                                  "admin2", "country", "lat", "lon")} | {"states": []})
        place["states"].append({k: state[k] for k in ("seq", "date_from", "date_to", "state",
                                                      "controller", "holder", "uncertain", "event_ids")})
    json.dump(list(places.values()), fh, ensure_ascii=False, indent=1)
    return sum(len(p["states"]) for p in places.values())
