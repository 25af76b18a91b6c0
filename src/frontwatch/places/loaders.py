"""Loading a GeoNames dump or an alias file into an existing gazetteer file.

GeoNames dump: ``allCountries.txt`` or a country file (``AF.txt``) as GeoNames publishes
them: UTF-8, tab-separated, 19 columns, no header (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
admin1 code, admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone,
modification date). Rows replace the packaged entry with the same GeoNames id.

Alias file: UTF-8 TSV (or CSV when the name ends in ``.csv``) with a header row
``alias, target[, country]``; ``#`` lines are comments. ``target`` is a gazetteer id
(``geonames:1135689``) or a name, looked up (with ``country``, when given) and taken as
its most populous match.
"""
from __future__ import annotations

import csv
import io
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.places.build import insert_entry, insert_names, usable_name
from frontwatch.places.fold import fold_key

GEONAMES_COLUMNS = 19
# Rows written per transaction while loading a dump (allCountries.txt has 13 million).
LOAD_BATCH = 20_000
SITE_CLASSES = frozenset("HLRSTUV")


class LoadError(FrontwatchError):
    """A file to load is not a GeoNames dump nor an alias file."""


@dataclass
class LoadReport:
    path: str
    kind: str                       # geonames | aliases
    loaded: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AliasRow:
    line: int
    alias: str
    target: str
    country: str | None


def detect_kind(path: str) -> str:
    """'geonames' or 'aliases', from the first line of the file."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        first = next((line for line in fh if line.strip() and not line.startswith("#")), "")
    cells = first.rstrip("\r\n").split("\t")
    if len(cells) == GEONAMES_COLUMNS and cells[0].isdigit():
        return "geonames"
    header = [c.strip().lower() for c in first.replace(",", "\t").split("\t")]
    if header[:2] == ["alias", "target"]:
        return "aliases"
    raise LoadError(
        f"{path}: not a GeoNames dump (19 tab-separated columns starting with a geonameid) "
        "nor an alias file (a header row 'alias<TAB>target<TAB>country'); "
        "see docs/places.md for both formats")


def read_alias_file(path: str | Path) -> list[AliasRow]:
    text = Path(path).read_text(encoding="utf-8")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.startswith("#")]
    delimiter = "," if str(path).endswith(".csv") else "\t"
    reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)), delimiter=delimiter)
    rows = list(reader)
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["alias", "target"]:
        raise LoadError(f"{path}: the first row must be the header 'alias, target, country'")
    result = []
    for (number, _), row in zip(lines[1:], rows[1:]):
        cells = [c.strip() for c in row] + ["", "", ""]
        result.append(AliasRow(number, cells[0], cells[1], cells[2].upper() or None))
    return result


def _find_target(conn: sqlite3.Connection, row: AliasRow) -> int | None:
    if ":" in row.target:
        found = conn.execute("SELECT rid FROM entries WHERE id = ?", (row.target,)).fetchone()
        return found[0] if found else None
    sql = ("SELECT e.rid FROM names n JOIN entries e ON e.rid = n.rid WHERE n.key = ?"
           + (" AND e.country = ?" if row.country else "")
           + " ORDER BY e.population DESC LIMIT 1")
    params = (fold_key(row.target), row.country) if row.country else (fold_key(row.target),)
    found = conn.execute(sql, params).fetchone()
    return found[0] if found else None


def load_alias_rows(conn: sqlite3.Connection, rows: Iterable[AliasRow],
                    report: LoadReport | None = None) -> int:
    """Index each alias under its target entry; returns how many were added."""
    added = 0
    for row in rows:
        rid = _find_target(conn, row) if row.alias and row.target else None
        if rid is None:
            if report is not None:
                report.skipped.append(f"line {row.line}: target {row.target!r} not found"
                                      + (f" in {row.country}" if row.country else ""))
            continue
        added += insert_names(conn, rid, [(row.alias, "alias")])
    return added


def _geonames_level(feature_class: str, feature_code: str) -> str | None:
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country"
        return {"ADM1": "admin1", "ADM2": "admin2"}.get(feature_code)
    if feature_class == "P":
        return "populated place"
    return "site" if feature_class in SITE_CLASSES else None


def _geonames_rows(path: str, report: LoadReport) -> Iterator[tuple[dict, list[tuple[str, str]]]]:
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) != GEONAMES_COLUMNS or not cells[0].isdigit():
                report.skipped.append(f"line {number}: not a GeoNames row ({len(cells)} columns)")
                continue
            level = _geonames_level(cells[6], cells[7])
            if level is None:
                continue
            entry = dict(
                id=f"geonames:{cells[0]}", name=cells[1], level=level,
                feature_code=cells[7] or None, country=cells[8] or None,
                admin1_code=cells[10] or None,
                admin2_code=cells[11] or None if level != "admin1" else None,
                lat=float(cells[4]), lon=float(cells[5]), population=int(cells[14] or 0),
                source="geonames-dump")
            names = [(cells[1], "name"), (cells[2], "alt")]
            names += [(a, "alt") for a in cells[3].split(",") if usable_name(a)]
            yield entry, names


_FILL_ADMIN_NAMES = """
UPDATE entries SET admin1 = (
    SELECT a.name FROM entries a WHERE a.level = 'admin1' AND a.country = entries.country
    AND a.admin1_code = entries.admin1_code LIMIT 1)
WHERE source = 'geonames-dump' AND admin1_code IS NOT NULL;
UPDATE entries SET admin2 = CASE WHEN level = 'admin2' THEN name ELSE (
    SELECT a.name FROM entries a WHERE a.level = 'admin2' AND a.country = entries.country
    AND a.admin1_code = entries.admin1_code AND a.admin2_code = entries.admin2_code LIMIT 1) END
WHERE source = 'geonames-dump' AND admin2_code IS NOT NULL;
"""


def load_geonames_dump(conn: sqlite3.Connection, path: str,
                       on_progress: Callable[[int, int, str], None] | None = None) -> LoadReport:
    report = LoadReport(path, "geonames")
    for entry, names in _geonames_rows(path, report):
        rid = insert_entry(conn, entry)
        insert_names(conn, rid, names)
        report.loaded += 1
        if report.loaded % LOAD_BATCH == 0:
            conn.commit()
            if on_progress:
                on_progress(report.loaded, 0, "GeoNames rows")
    conn.executescript(_FILL_ADMIN_NAMES)
    return report


def load_file(gazetteer_path: str, path: str,
              on_progress: Callable[[int, int, str], None] | None = None) -> LoadReport:
    """Load a GeoNames dump or an alias file (detected from its first line)."""
    if not Path(path).is_file():
        raise LoadError(f"no such file: {path}")
    kind = detect_kind(path)
    conn = sqlite3.connect(gazetteer_path)
    try:
        if kind == "geonames":
            report = load_geonames_dump(conn, path, on_progress)
        else:
            report = LoadReport(path, "aliases")
            report.loaded = load_alias_rows(conn, read_alias_file(path), report)
        conn.execute("INSERT INTO loads VALUES (?, ?, ?, ?)",
                     (str(Path(path).resolve()), kind, report.loaded,
                      time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())))
        conn.commit()
    finally:
        conn.close()
    return report
