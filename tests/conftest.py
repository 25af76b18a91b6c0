"""Shared fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "frontwatch.db")


@pytest.fixture
def store(db_path: str):
    from frontwatch.store import open_store

    with open_store(db_path) as s:
        yield s


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with the place recognizer, loaded once for the session."""
    from frontwatch.places import load_places_pipeline
    from frontwatch.settings import Settings

    return load_places_pipeline(Settings())
