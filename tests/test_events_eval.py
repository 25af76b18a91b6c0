"""Quality floors of the events stage (measured, rounded down; they only move up) and the
incremental extract."""
from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, ROOT, SEEDS

pytestmark = pytest.mark.slow

SEEDS_F1_FLOOR = 0.97
SEEDS_DATE_FLOOR = 0.94
EXAMPLES_F1_FLOOR = 0.98
EXAMPLES_DATE_FLOOR = 0.98


def _extracted(db_path, folder, places_nlp, gazetteer_path):
    from frontwatch.events.store import extract_store
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import Settings
    from frontwatch.store import open_store

    settings = Settings(db=db_path, gazetteer=gazetteer_path)
    store = open_store(db_path)
    ingest_paths(store, [str(folder)], settings)
    report = extract_store(store, settings, nlp=places_nlp)
    return store, settings, report


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory, places_nlp, gazetteer_path):
    db = str(tmp_path_factory.mktemp("examples") / "fw.db")
    store, settings, report = _extracted(db, EXAMPLES, places_nlp, gazetteer_path)
    yield store, settings, report
    store.close()


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, places_nlp, gazetteer_path):
    db = str(tmp_path_factory.mktemp("seeds") / "fw.db")
    store, settings, report = _extracted(db, SEEDS / "articles", places_nlp, gazetteer_path)
    yield store, settings, report
    store.close()


@pytest.mark.seeds
def test_seeds_control_events_floor(seeds_store, gazetteer):
    from frontwatch.events.evaluate import evaluate_store

    store, _, _ = seeds_store
    report = evaluate_store(store, str(SEEDS / "gold.jsonl"), str(SEEDS / "articles"), gazetteer)
    assert report.f1 >= SEEDS_F1_FLOOR, report.as_dict()
    assert report.date_accuracy >= SEEDS_DATE_FLOOR


@pytest.mark.seeds
def test_seeds_forecasts_negation_and_aggregates_give_no_control_event(seeds_store):
    from frontwatch.events.ontology import CONTROL_KINDS, EVENT_FACTUALITY
    from frontwatch.events.store import iter_mentions

    store, _, _ = seeds_store
    events = [m for m in iter_mentions(store)
              if m["kind"] in CONTROL_KINDS and m["factuality"] in EVENT_FACTUALITY]
    for phrase in ("will pull out", "have not entered", "controls 118", "seized 50 local districts",
                   "grabbed control of more than 50"):
        assert not [m for m in events if phrase in m["sentence"]], phrase
    negated = [m for m in iter_mentions(store) if "have not entered" in m["sentence"]]
    assert negated and negated[0]["factuality"] == "negated"
    stats = [m for m in iter_mentions(store) if m["kind"] == "statistic"]
    assert any("seized 50 local districts" in m["sentence"] for m in stats)


def test_extract_is_incremental(examples_store, places_nlp):
    from frontwatch.events.store import extract_store

    store, settings, first = examples_store
    stored = store.query("SELECT count(*) FROM articles")[0][0]
    assert first.articles == stored > 20 and first.mentions > 0
    again = extract_store(store, settings, nlp=places_nlp)
    assert (again.articles, again.skipped) == (0, stored)
    before = store.query("SELECT count(*) FROM mentions")[0][0]
    forced = extract_store(store, settings, nlp=places_nlp, force=True)
    assert forced.articles == stored
    assert store.query("SELECT count(*) FROM mentions")[0][0] == before


def test_examples_control_events_floor(examples_store, gazetteer):
    from frontwatch.events.evaluate import evaluate_store

    store, _, _ = examples_store
    report = evaluate_store(store, str(ROOT / "eval" / "examples" / "events.gold.jsonl"),
                            str(EXAMPLES), gazetteer)
    assert report.f1 >= EXAMPLES_F1_FLOOR, report.as_dict()
    assert report.date_accuracy >= EXAMPLES_DATE_FLOOR


def test_cli_mentions_json_has_nested_place(examples_store):
    import json

    from click.testing import CliRunner

    from frontwatch.cli import main

    store, _, _ = examples_store
    result = CliRunner().invoke(main, ["mentions", "--db", store.path, "--kind", "captured", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records and {"article_id", "external_id", "source", "place", "evidence", "factuality"} <= set(records[0])
    assert records[0]["place"]["name"] and records[0]["place"]["country"] == "AF"
