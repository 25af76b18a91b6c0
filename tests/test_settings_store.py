"""Settings precedence and the store's schema, WAL mode and transactions."""
from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import ConfigError, StoreError
from frontwatch.settings import load_settings
from frontwatch.store import open_store
from frontwatch.store.migrations import MIGRATIONS


def test_settings_precedence(tmp_path: Path):
    config = tmp_path / "fw.toml"
    config.write_text('db = "from-file.db"\ningest_batch = 50\n')
    env = {"FRONTWATCH_INGEST_BATCH": "75"}
    settings = load_settings(str(config), env=env, db=None)
    assert (settings.db, settings.ingest_batch) == ("from-file.db", 75)
    assert load_settings(str(config), env=env, db="flag.db").db == "flag.db"


def test_unknown_setting_names_the_known_ones(tmp_path: Path):
    config = tmp_path / "fw.toml"
    config.write_text("dbb = 'typo.db'\n")
    with pytest.raises(ConfigError, match="unknown setting.*dbb.*known: .*db"):
        load_settings(str(config), env={})


def test_bad_number_in_env():
    with pytest.raises(ConfigError, match="ingest_batch.*whole number"):
        load_settings(env={"FRONTWATCH_INGEST_BATCH": "lots"})


def test_migrations_applied_once_in_wal_mode(db_path: str):
    with open_store(db_path) as store:
        assert store.schema_version() == [m.name for m in MIGRATIONS]
        assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(db_path) as store:
        assert store.schema_version() == [m.name for m in MIGRATIONS]


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.execute("INSERT INTO inputs VALUES ('h', 'p', 1, 'text', 1, 0, 'now')")
            raise RuntimeError("crash")
    assert store.execute("SELECT count(*) FROM inputs").fetchone()[0] == 0


def test_readonly_store_refuses_writes_and_missing_file(db_path: str, tmp_path: Path):
    open_store(db_path).close()
    with open_store(db_path, readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            with store.transaction():
                pass
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "missing.db"), readonly=True)
