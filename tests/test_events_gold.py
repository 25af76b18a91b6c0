"""Quality floors of the events stage on eval/events (Syria 2024, Ukraine 2022, Sudan,
Myanmar: measured, rounded down; they only move up), and its traps: no quote of
traps.jsonl becomes a control event."""
from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

GOLD_DIR = ROOT / "eval" / "events"
ARTICLES = GOLD_DIR / "articles"

PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.93
F1_FLOOR = 0.95
DATE_FLOOR = 0.98


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory, places_nlp, gazetteer_path):
    from frontwatch.events.store import extract_store
    from frontwatch.ingest import ingest_paths
    from frontwatch.settings import Settings
    from frontwatch.store import open_store

    db = str(tmp_path_factory.mktemp("events-gold") / "fw.db")
    settings = Settings(db=db, gazetteer=gazetteer_path)
    store = open_store(db)
    ingest_paths(store, [str(ARTICLES)], settings)
    extract_store(store, settings, nlp=places_nlp)
    yield store
    store.close()


def test_every_article_was_read(gold_store):
    assert gold_store.query("SELECT count(*) FROM articles")[0][0] == len(list(ARTICLES.glob("*.txt")))


def test_control_events_floor(gold_store, gazetteer):
    from frontwatch.events.evaluate import evaluate_store

    report = evaluate_store(gold_store, str(GOLD_DIR / "gold.jsonl"), str(ARTICLES), gazetteer)
    assert report.gold >= 60 and report.tracks["background"].gold >= 15
    assert report.tracks["background"].recall >= RECALL_FLOOR, report.as_dict()
    assert report.precision >= PRECISION_FLOOR, report.as_dict()
    assert report.recall >= RECALL_FLOOR, report.as_dict()
    assert report.f1 >= F1_FLOOR, report.as_dict()
    assert report.date_accuracy >= DATE_FLOOR, report.as_dict()


def _trap_leaks(store) -> list[tuple[str, str]]:
    """(quote, sentence) for every control event whose trigger lies inside a trap quote."""
    from frontwatch.events.ontology import CONTROL_KINDS, EVENT_FACTUALITY
    from frontwatch.events.store import iter_mentions

    traps = [json.loads(line) for line in (GOLD_DIR / "traps.jsonl").read_text("utf-8").splitlines() if line]
    events = [m for m in iter_mentions(store)
              if m["kind"] in CONTROL_KINDS and m["factuality"] in EVENT_FACTUALITY]
    leaks = []
    for trap in traps:
        for m in events:
            at = m["sentence"].find(trap["quote"])
            if at < 0:
                continue
            trigger_at = m["evidence"]["start"] - m["evidence"]["sentence_start"]
            if at <= trigger_at < at + len(trap["quote"]):
                leaks.append((trap["quote"], m["sentence"]))
    return leaks


def test_no_trap_becomes_a_control_event(gold_store):
    assert _trap_leaks(gold_store) == []


def test_traps_are_in_their_articles():
    for line in (GOLD_DIR / "traps.jsonl").read_text("utf-8").splitlines():
        trap = json.loads(line)
        assert trap["quote"] in (ARTICLES / trap["article"]).read_text("utf-8"), trap
