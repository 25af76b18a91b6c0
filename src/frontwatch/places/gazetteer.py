"""Reading the gazetteer file: lookups by folded name, by id, and containment."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.places import schema
from frontwatch.places.fold import fold_key, skeleton

# A skeleton hit counts only when the fold keys are this similar (rapidfuzz ratio, 0-100)
# and start with the same letter. Tuned on spelling pairs (Taleqan/Taloqan 86,
# Maimanah/Meymaneh 86) against person names that land on places (Karzai/Karuzi 83).
FUZZY_MIN_SIMILARITY = 85
# Names shorter than this (folded) are never matched fuzzily: too many near neighbours.
FUZZY_MIN_LENGTH = 5
# Entries looked at per name, most populous first (common names like "Faizabad" have dozens).
MAX_CANDIDATES = 60

_ENTRY_SQL = ("SELECT e.rid, e.id, e.name, e.level, e.feature_code, e.country, e.admin1_code, "
              "e.admin1, e.admin2_code, e.admin2, e.lat, e.lon, e.population FROM entries e")


class GazetteerMissing(FrontwatchError):
    """The gazetteer file does not exist or is not a current gazetteer."""


@dataclass(frozen=True)
class GazetteerEntry:
    rid: int
    id: str
    name: str
    level: str
    feature: str | None
    country: str | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int


class Gazetteer:
    """A read-only view of a gazetteer file. Open with :meth:`open`."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._keys: dict[str, list[GazetteerEntry]] = {}

    @classmethod
    def open(cls, path: str | os.PathLike) -> "Gazetteer":
        path = str(path)
        if not os.path.isfile(path):
            raise GazetteerMissing(
                f"no gazetteer at {path}: run `frontwatch gazetteer build` (about a minute)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise GazetteerMissing(f"{path} is not a gazetteer file ({exc}): rebuild it with "
                                   "`frontwatch gazetteer build`") from exc
        if not row or row[0] != schema.SCHEMA_VERSION:
            conn.close()
            raise GazetteerMissing(
                f"{path} was built by another version of frontwatch (schema "
                f"{row[0] if row else '?'}, need {schema.SCHEMA_VERSION}): rebuild it with "
                "`frontwatch gazetteer build`")
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Entries known under ``name`` (folded), most populous first."""
        return self.lookup_key(fold_key(name))

    def lookup_key(self, key: str) -> list[GazetteerEntry]:
        if not key:
            return []
        found = self._keys.get(key)
        if found is None:
            rows = self._conn.execute(
                _ENTRY_SQL + " JOIN names n ON n.rid = e.rid WHERE n.key = ? "
                "ORDER BY e.population DESC LIMIT ?", (key, MAX_CANDIDATES)).fetchall()
            found = [GazetteerEntry(*row) for row in rows]
            self._keys[key] = found
        return found

    def has_key(self, key: str) -> bool:
        return bool(self.lookup_key(key))

    def fuzzy(self, name: str) -> list[tuple[GazetteerEntry, float]]:
        """Entries whose names share ``name``'s skeleton and are close in spelling."""
        from rapidfuzz import fuzz

        key = fold_key(name)
        if len(key) < FUZZY_MIN_LENGTH:
            return []
        rows = self._conn.execute(
            "SELECT DISTINCT key FROM names WHERE skel = ? LIMIT 400",
            (skeleton(key, from_key=True),)).fetchall()
        scored = [(other, fuzz.ratio(key, other)) for (other,) in rows if other[0] == key[0]]
        result = []
        for other, score in sorted(scored, key=lambda pair: -pair[1]):
            if score >= FUZZY_MIN_SIMILARITY:
                result += [(entry, score) for entry in self.lookup_key(other)]
        return result

    def get(self, entry_id: str) -> GazetteerEntry | None:
        row = self._conn.execute(_ENTRY_SQL + " WHERE e.id = ?", (entry_id,)).fetchone()
        return GazetteerEntry(*row) if row else None

    def names_of(self, entry_id: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT n.name FROM names n JOIN entries e ON e.rid = n.rid WHERE e.id = ?",
            (entry_id,))]

    def contains(self, outer_id: str, inner_id: str) -> bool:
        """True when the entry ``inner_id`` lies inside the unit ``outer_id`` (or is it)."""
        if outer_id == inner_id:
            return True
        outer, inner = self.get(outer_id), self.get(inner_id)
        if outer is None or inner is None:
            return False
        return unit_contains(outer, inner)

    def seat_of(self, unit_id: str) -> GazetteerEntry | None:
        """The seat of an admin unit ("the provincial capital"): PPLC/PPLA or PPLA2 inside it."""
        unit = self.get(unit_id)
        if unit is None or unit.level not in ("admin1", "admin2"):
            return None
        if unit.level == "admin1":
            row = self._conn.execute(
                _ENTRY_SQL + " WHERE e.country = ? AND e.admin1_code = ? AND e.level = "
                "'populated place' AND e.feature_code IN ('PPLA', 'PPLC') "
                "ORDER BY e.feature_code = 'PPLA' DESC, e.population DESC LIMIT 1",
                (unit.country, unit.admin1_code)).fetchone()
        else:
            row = self._conn.execute(
                _ENTRY_SQL + " WHERE e.country = ? AND e.admin1_code = ? AND e.admin2_code = ? "
                "AND e.level = 'populated place' AND e.feature_code IN ('PPLA2', 'PPLA', 'PPLC') "
                "ORDER BY e.population DESC LIMIT 1",
                (unit.country, unit.admin1_code, unit.admin2_code)).fetchone()
        return GazetteerEntry(*row) if row else None

    def info(self) -> dict[str, str]:
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        meta["path"] = self.path
        meta["bytes"] = str(os.path.getsize(self.path))
        meta["loads"] = str(self._conn.execute("SELECT count(*) FROM loads").fetchone()[0])
        return meta


def unit_contains(outer: GazetteerEntry, inner: GazetteerEntry) -> bool:
    """Containment from the admin codes: country > admin1 > admin2 > place."""
    if outer.id == inner.id:
        return True
    if outer.country is None or outer.country != inner.country:
        return False
    if outer.level == "country":
        return inner.level != "country"
    if outer.level == "admin1":
        return (inner.level not in ("country", "admin1")
                and inner.admin1_code is not None and inner.admin1_code == outer.admin1_code)
    if outer.level == "admin2":
        return (inner.level in ("populated place", "site")
                and inner.admin1_code == outer.admin1_code
                and inner.admin2_code is not None and inner.admin2_code == outer.admin2_code)
    return False


def ensure_gazetteer(path: str, on_progress: Callable[[int, int, str], None] | None = None
                     ) -> Gazetteer:
    """Open the gazetteer at ``path``, building it first when it is missing or outdated.

    A file built from other package data is rebuilt, unless the user has loaded files
    into it (then it is kept: `frontwatch gazetteer build` rebuilds on demand).
    """
    from frontwatch.places.build import build_fingerprint, build_gazetteer

    try:
        gazetteer = Gazetteer.open(path)
    except GazetteerMissing:
        gazetteer = None
    if gazetteer is not None:
        info = gazetteer.info()
        if info.get("fingerprint") == build_fingerprint() or info["loads"] != "0":
            return gazetteer
        gazetteer.close()

    try:
        build_gazetteer(path, on_progress=on_progress)
    except OSError as exc:
        raise GazetteerMissing(
            f"cannot build the gazetteer at {path} ({exc}): set `gazetteer` or `cache_dir` "
            "to a writable place (FRONTWATCH_GAZETTEER=/path/gazetteer.sqlite)") from exc
    return Gazetteer.open(Path(path))
