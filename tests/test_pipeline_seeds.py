"""The whole job on the seed articles: what an analyst would record, as events."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, SEEDS
from frontwatch.fuse.mention import name_key
from frontwatch.pipeline import run_pipeline
from frontwatch.settings import Settings
from frontwatch.store.events import EventFilter, event_sources, list_events

pytestmark = pytest.mark.seeds

DATED_KUNDUZ = ROOT / "tests" / "data" / "kunduz_fall_dated.txt"


def events_at(store, place: str, kind: str | None = None) -> list[dict]:
    rows = list_events(store, EventFilter(), limit=1000)
    return [e for e in rows if name_key(e["place_name"]) == name_key(place)
            and (kind is None or e["kind"] == kind)]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, nlp, gazetteer_path):
    from frontwatch.store import open_store

    folder = tmp_path_factory.mktemp("seeds")
    db = str(folder / "fw.db")
    shutil.copytree(SEEDS / "articles", folder / "articles")
    store = open_store(db)
    run_pipeline(store, Settings(db=db, gazetteer=gazetteer_path), [str(folder / "articles")], nlp=nlp)
    yield store, folder
    store.close()


def test_imam_sahib_is_one_capture_with_two_articles_and_one_independent_source(seeded):
    store, _ = seeded
    [event] = events_at(store, "Imam Sahib", "captured")
    assert event["date"] == "2021-06-21"
    assert (event["n_articles"], event["n_independent"]) == (2, 1)
    assert event["new_controller"] == "Taliban"


def test_kunduz_is_besieged(seeded):
    store, _ = seeded
    assert events_at(store, "Kunduz", "besieged")


def test_doshi_capture_is_uncertain(seeded):
    store, _ = seeded
    [event] = events_at(store, "Doshi", "captured")
    assert event["factuality"] == "uncertain"


def test_historical_kunduz_captures_are_dated_in_their_years(seeded):
    store, _ = seeded
    dates = {e["date"] for e in events_at(store, "Kunduz", "captured")}
    assert {"2015", "2016"} <= dates


def test_no_event_from_forecasts_negations_or_aggregates(seeded):
    store, _ = seeded
    kinds = {e["kind"] for e in list_events(store, EventFilter(), limit=1000)}
    assert "statistic" not in kinds
    for event in list_events(store, EventFilter(), limit=1000):
        assert event["factuality"] not in {"negated", "future", "hypothetical"}


def test_undated_kunduz_capture_takes_the_date_of_a_dated_report(seeded, nlp, gazetteer_path):
    store, folder = seeded
    [undated] = [e for e in events_at(store, "Kunduz", "captured") if e["date"] is None]
    assert any(s["source"].endswith("003_7d922225934d9481.txt") for s in event_sources(store, undated["id"]))

    shutil.copy(DATED_KUNDUZ, folder / "articles" / DATED_KUNDUZ.name)
    run_pipeline(store, Settings(db=str(folder / "fw.db"), gazetteer=gazetteer_path), [str(folder / "articles")], nlp=nlp)
    captures = events_at(store, "Kunduz", "captured")
    assert None not in {e["date"] for e in captures}
    [fused] = [e for e in captures if e["date"] == "2021-08-08"]
    sources = {s["source"].rsplit("/", 1)[-1] for s in event_sources(store, fused["id"])}
    assert {"003_7d922225934d9481.txt", DATED_KUNDUZ.name} <= sources
