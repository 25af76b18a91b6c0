"""Listings for the web app over tables that later stages add (present or not)."""
from __future__ import annotations

from frontwatch.store.browse import list_copy_clusters, list_mentions, cluster_of


def test_tables_of_stages_not_run_yet_give_empty_listings(store):
    store.execute("DROP TABLE IF EXISTS copy_members")
    store.execute("DROP TABLE IF EXISTS copy_clusters")
    assert list_mentions(store, 10, 0) == (0, [])
    assert list_copy_clusters(store, 10, 0) == (0, [])
    assert cluster_of(store, "a" * 32) is None


def test_mentions_are_listed_by_article_with_their_evidence(store):
    store.execute("CREATE TABLE mentions (id TEXT PRIMARY KEY, article_id TEXT, kind TEXT, sentence TEXT, "
                  "evidence TEXT) WITHOUT ROWID")
    store.execute("INSERT INTO mentions VALUES ('m2', 'a1', 'captured', 'They took Taloqan.', "
                  "'{\"trigger\": \"took\"}'), ('m1', 'a1', 'besieged', 'Taloqan is surrounded.', 'surrounded'), "
                  "('m3', 'a2', 'entered', 'They entered Aybak.', NULL)")
    total, items = list_mentions(store, 10, 0, article_id="a1")
    assert total == 2
    assert [(m["id"], m["evidence"]) for m in items] == [("m1", "surrounded"), ("m2", {"trigger": "took"})]
    assert list_mentions(store, 1, 2)[1][0]["id"] == "m3"
