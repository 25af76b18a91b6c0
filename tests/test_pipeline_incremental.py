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


def test_second_run_changes_nothing(corpus, tmp_path, nlp, gazetteer_path):
    from frontwatch.store import open_store

    settings = Settings(db=str(tmp_path / "fw.db"), gazetteer=gazetteer_path)
    with open_store(settings.db) as store:
        run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        before = snapshot(store)
        again = run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        assert snapshot(store) == before
    assert again.ingest.added == 0 and again.fuse.buckets_changed == 0


def test_one_more_article_changes_only_its_events(corpus, tmp_path, nlp, gazetteer_path):
    from frontwatch.store import open_store

    settings = Settings(db=str(tmp_path / "fw.db"), gazetteer=gazetteer_path)
    with open_store(settings.db) as store:
        run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        before = snapshot(store)
        shutil.copy(NEW_ARTICLE, corpus / NEW_ARTICLE.name)
        report = run_pipeline(store, settings, [str(corpus)], nlp=nlp)
        after = snapshot(store)
        [new_article] = [r[0] for r in store.execute("SELECT id FROM articles WHERE source LIKE ?",
                                                      (f"%{NEW_ARTICLE.name}",))]
    assert report.ingest.added == 1
    new_mentions = set(after["mentions"]) - set(before["mentions"])
    assert new_mentions and {after["mentions"][m][2] for m in new_mentions} == {new_article}
    assert set(before["mentions"]) <= set(after["mentions"])      # nothing else was re-extracted
    changed = {k for k in after["events"] if before["events"].get(k) != after["events"][k]}
    reported = {row[1] for row in after["event_sources"].values() if row[2] in new_mentions}
    assert changed and changed <= reported        # only events the new article reports changed
    assert set(before["events"]) <= set(after["events"])   # event ids are stable
