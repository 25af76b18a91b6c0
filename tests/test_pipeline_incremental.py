"""`frontwatch run` twice changes nothing; one more article changes only what it reports."""
from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLES, ROOT
from frontwatch.pipeline import run_pipeline
from frontwatch.settings import Settings

NEW_ARTICLE = ROOT / "tests" / "data" / "kunduz_fall_dated.txt"


def snapshot(store) -> dict[str, dict]:
    tables = {"events": "id", "event_sources": "event_id || mention_id",
              "control_states": "place_key || seq", "mentions": "id", "copy_members": "article_id"}
    return {table: {row[0]: tuple(row) for row in store.execute(f"SELECT {key}, * FROM {table}")}
            for table, key in tables.items()}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_second_run_changes_nothing(corpus, tmp_path, nlp):
    from frontwatch.store import open_store

    settings = Settings(db=str(tmp_path / "fw.db"))
    with open_store(settings.db) as store:
        run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        before = snapshot(store)
        again = run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        assert snapshot(store) == before
    assert again.ingest.added == 0 and again.fuse.buckets_changed == 0


def test_one_more_article_changes_only_its_events(corpus, tmp_path, nlp):
    from frontwatch.store import open_store

    settings = Settings(db=str(tmp_path / "fw.db"))
    with open_store(settings.db) as store:
        run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        before = snapshot(store)
        shutil.copy(NEW_ARTICLE, corpus / NEW_ARTICLE.name)
        report = run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        after = snapshot(store)
    assert report.ingest.added == 1
    new_ids = {row[1] for row in after["mentions"].values()} - {row[1] for row in before["mentions"].values()}
    assert len(new_ids) == 1                      # mentions of one new article only
    changed = {k for k in after["events"] if before["events"].get(k) != after["events"][k]}
    touched = {row[1] for row in after["event_sources"].values() if row[4] in new_ids}
    assert changed <= touched                     # no event changed that the article does not report
    assert set(before["events"]) <= set(after["events"])   # event ids are stable
