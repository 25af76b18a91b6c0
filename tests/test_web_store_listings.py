"""Listings for the web app over tables that later stages add (present or not)."""
from __future__ import annotations

from frontwatch.store.browse import list_copy_clusters, list_mentions, cluster_of


def test_tables_of_stages_not_run_yet_give_empty_listings(store):
    store.execute("DROP TABLE IF EXISTS mentions")
    store.execute("DROP TABLE IF EXISTS copy_members")
    store.execute("DROP TABLE IF EXISTS copy_clusters")
    assert list_mentions(store, 10, 0) == (0, [])
    assert list_copy_clusters(store, 10, 0) == (0, [])
    assert cluster_of(store, "a" * 32) is None


def test_mentions_are_listed_by_article_with_their_evidence(store):
    store.execute("DROP TABLE mentions")   # a stand-in with the columns the listing reads
    store.execute("CREATE TABLE mentions (id TEXT PRIMARY KEY, article_id TEXT, kind TEXT, sentence TEXT, "
                  "evidence TEXT) WITHOUT ROWID")
    store.execute("INSERT INTO mentions VALUES ('m2', 'a1', 'captured', 'They took Taloqan.', "
                  "'{\"trigger\": \"took\"}'), ('m1', 'a1', 'besieged', 'Taloqan is surrounded.', 'surrounded'), "
                  "('m3', 'a2', 'entered', 'They entered Aybak.', NULL)")
    total, items = list_mentions(store, 10, 0, article_id="a1")
    assert total == 2
    assert [(m["id"], m["evidence"]) for m in items] == [("m1", "surrounded"), ("m2", {"trigger": "took"})]
    assert list_mentions(store, 1, 2)[1][0]["id"] == "m3"


def test_active_range_starts_after_the_last_long_quiet_gap(store):
    from dataclasses import replace

    from web_story import KUNDUZ, QALA_I_NAW
    from frontwatch.fuse import Mention
    from frontwatch.fuse.run import fuse_store
    from frontwatch.store.browse import active_range, date_range

    def capture(n, place, day):
        return Mention(id=f"m{n}", article_id=f"a{n}", order=n, kind="captured", factuality="asserted",
                       place=place, date=day, date_precision="day", date_basis="explicit",
                       new_controller="Taliban")

    fuse_store(store, [capture(1, KUNDUZ, "2015-09-28"), capture(2, QALA_I_NAW, "2021-07-07"),
                       capture(3, replace(KUNDUZ, id="gn:other", name="Kunduz airport"), "2021-08-08")])
    assert date_range(store) == ("2015-09-28", "2021-08-08")
    assert active_range(store) == ("2021-07-07", "2021-08-08")
