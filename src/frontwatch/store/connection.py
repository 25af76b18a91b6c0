"""Opening the store, applying migrations, and transactions."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from frontwatch.names import name_key
from frontwatch.errors import StoreError
from frontwatch.store.migrations import MIGRATIONS, Migration

BUSY_TIMEOUT_MS = 30_000  # a writer (ingest) and readers (serve) share one file


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A connection to one frontwatch SQLite file.

    Writes go through :meth:`transaction`, which takes the write lock at once
    (``BEGIN IMMEDIATE``) so that a batch is all stored or not at all.
    """

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool = False):
        self.conn = conn
        self.path = path
        self.readonly = readonly

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def schema_version(self) -> list[str]:
        return [r["name"] for r in self.query("SELECT name FROM schema_migrations ORDER BY rowid")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    if readonly:
        if not Path(path).exists():
            raise StoreError(f"no store at {path}: run `frontwatch ingest PATH --db {path}` first")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.create_function("name_key", 1, name_key, deterministic=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _apply_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...]) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
    )
    applied = {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
    for migration in migrations:
        if migration.name in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-check under the lock: another process may have migrated meanwhile.
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE name = ?", (migration.name,)
            ).fetchone()
            if not done:
                for statement in _statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, utc_now()),
                )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf)
            buf = ""
    if buf.strip():
        out.append(buf)
    return out


def open_store(path: str, readonly: bool = False,
               migrations: tuple[Migration, ...] = MIGRATIONS) -> Store:
    """Open (creating if needed) a store and bring its schema up to date."""
    try:
        conn = _connect(path, readonly)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            _apply_migrations(conn, migrations)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is not a usable frontwatch store ({exc}); "
            "give another --db path or move the file away"
        ) from exc
    return Store(conn, path, readonly)
