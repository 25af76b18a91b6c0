"""The copies stage: features, confirmation, clusters, store, incremental runs, CLI."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontwatch.copies import compare_texts, find_copies, source_clusters
from frontwatch.copies.align import EXACT, REWRITE, required_coverage
from frontwatch.copies.cluster import Link, build_clusters, cluster_id, pick_origin
from frontwatch.copies.features import extract, split_sentences, tokens
from frontwatch.records import Article
from frontwatch.settings import Settings
from frontwatch.store.articles import insert_articles

# Written for these tests: a short wire story, a rewrite of it, and an independent story
# about the same event that shares its names, figures and one quotation.
WIRE = """\
Rebels captured the town of Kessala on Tuesday after a two-day battle, the regional governor Amos Tarik said.
Tarik said government troops had withdrawn to the Madora airbase, 12 kilometres to the south.
"We lost the town but not the province," Tarik told reporters.
Aid workers said about 4,000 families had fled toward the border with Veldia.
The army has lost three towns in the region since March.
"""
REWRITE_TEXT = """\
After fighting for two days, insurgents took control of the town of Kessala on Tuesday, according to regional governor Amos Tarik.
Humanitarian workers reported that roughly 4,000 families escaped in the direction of the border with Veldia.
According to Tarik, the government soldiers pulled back to the Madora airbase, which lies 12 kilometres south.
Since March, the military has lost three towns in the region.
"""
INDEPENDENT = """\
Streets in Kessala were empty on Tuesday evening as rebel fighters patrolled the market on motorbikes.
"We lost the town but not the province," governor Amos Tarik told reporters.
A nurse at the town clinic said the wounded had been moved by truck to a camp near the border with Veldia.
Residents said the electricity had been cut for a week before the assault began.
"""


def article(article_id: str, text: str, published: str | None = None,
            url: str | None = None) -> Article:
    return Article(id=article_id, source=f"test/{article_id}", position=None,
                   input_format="text", text=text, raw=text, raw_kind="text",
                   external_id=article_id, published=published, url=url)


def add(store, *articles: Article) -> None:
    with store.transaction():
        insert_articles(store, articles)


def dump(store) -> list:
    return [list(map(tuple, store.query(f"SELECT * FROM {t} ORDER BY 1, 2")))
            for t in ("copy_signatures", "copy_pairs", "copy_clusters", "copy_members")]


# --- features ---------------------------------------------------------------------------

def test_sentences_split_at_final_punctuation_and_lines():
    assert split_sentences("One two. Three four!\nFive six") == ["One two.", "Three four!", "Five six"]


def test_tokens_keep_figures_and_drop_possessive():
    assert tokens("Kunduz's 1,200 troops, 0.6 miles") == ["Kunduz", "1,200", "troops", "0.6", "miles"]


def test_names_and_figures_are_anchors_but_sentence_initial_words_are_not():
    features = extract(WIRE)
    first = features.sentences[0]
    assert {"kessala", "amos", "tarik"} <= first.anchors
    assert "rebels" not in first.anchors          # capitalized only at the sentence start
    assert "12" in features.sentences[1].anchors


def test_quotations_are_no_evidence():
    # The quotation sentence is mostly quote: it is left out of the alignable sentences.
    texts = [s.text for s in extract(WIRE).sentences]
    assert not any(t.startswith('"We lost') for t in texts)


# --- confirmation -----------------------------------------------------------------------

def test_exact_copy():
    assert compare_texts(WIRE, WIRE).kind == EXACT


def test_copy_with_chrome_and_a_new_lead_is_near_verbatim():
    copy = "[ad_1]\nThe war came to Kessala this week.\n" + WIRE + "\nShare this article\n"
    assert compare_texts(WIRE, copy).kind in ("verbatim", "near-verbatim")


def test_rewrite_is_a_copy_with_aligned_sentences():
    verdict = compare_texts(WIRE, REWRITE_TEXT)
    assert verdict.kind == REWRITE
    assert verdict.scores["aligned"] >= 3
    assert verdict.scores["jaccard"] < 0.1        # shingles alone would miss it


def test_independent_story_on_the_same_event_is_not_a_copy():
    verdict = compare_texts(WIRE, INDEPENDENT)
    assert verdict.kind is None


def test_more_aligned_sentences_need_less_coverage():
    assert required_coverage(1) is None
    assert required_coverage(2) > required_coverage(4) > required_coverage(12)


# --- clusters ---------------------------------------------------------------------------

def test_guard_keeps_a_roundup_from_chaining_two_stories():
    # Round-up X copies parts of story S1 and of story S2, each carried by two outlets:
    # X is related to all four, but nothing of S1 is related to anything of S2.
    links = [Link("s1", "x", REWRITE, 0.9), Link("s1", "s1b", REWRITE, 0.95),
             Link("s2", "x", REWRITE, 0.8), Link("s2", "s2b", REWRITE, 0.95)]
    unrelated = {frozenset((a, b)) for a in ("s1", "s1b") for b in ("s2", "s2b")}
    related = lambda a, b: frozenset((a, b)) not in unrelated  # noqa: E731
    groups = [set(c.members[i].article_id for i in range(len(c.members)))
              for c in build_clusters(links, related, {}, {})]
    assert {"s1", "s1b", "x"} in groups and {"s2", "s2b"} in groups
    # Without the guard the two stories would fuse into one cluster.
    fused = build_clusters(links, lambda a, b: True, {}, {})
    assert len(fused) == 1


def test_origin_is_earliest_dated_else_longest():
    published = {"a": "2021-06-22T08:18:00+02:00", "b": "2021-06-22T07:00:00+00:00", "c": None}
    assert pick_origin(["a", "b", "c"], published, {}) == "a"     # 06:18 UTC before 07:00
    assert pick_origin(["c", "d"], {}, {"c": 100, "d": 250}) == "d"


def test_cluster_id_depends_on_the_origin_only():
    links = [Link("a", "b", REWRITE, 0.9)]
    published = {"a": "2021-01-01", "b": "2021-01-02", "c": "2021-01-03"}
    one = build_clusters(links, lambda x, y: True, published, {})
    two = build_clusters(links + [Link("a", "c", REWRITE, 0.8)], lambda x, y: True, published, {})
    assert one[0].id == two[0].id == cluster_id("a")


# --- store, incremental -----------------------------------------------------------------

def test_find_copies_clusters_the_rewrite_and_not_the_independent_story(store):
    add(store, article("wire", WIRE, "2024-03-05T10:00:00"),
        article("rewrite", REWRITE_TEXT, "2024-03-05T15:00:00"),
        article("own", INDEPENDENT, "2024-03-05T12:00:00"))
    report = find_copies(store, Settings())
    assert report.new == 3 and report.clusters == 1
    clusters = source_clusters(store)
    assert clusters["wire"] == clusters["rewrite"] == cluster_id("wire")
    assert clusters["own"] == cluster_id("own")
    assert len(set(clusters.values())) == 2        # two independent sources


def test_rerun_on_unchanged_input_changes_nothing(store):
    add(store, article("wire", WIRE), article("rewrite", REWRITE_TEXT))
    find_copies(store, Settings())
    before = dump(store)
    report = find_copies(store, Settings())
    assert not report.changed and report.compared == 0
    assert dump(store) == before


def test_new_articles_are_compared_with_stored_ones_only(store):
    add(store, article("wire", WIRE), article("own", INDEPENDENT))
    find_copies(store, Settings())
    before = {tuple(r) for r in store.query("SELECT a, b FROM copy_pairs")}
    add(store, article("rewrite", REWRITE_TEXT))
    report = find_copies(store, Settings())
    assert report.new == 1
    after = {tuple(r) for r in store.query("SELECT a, b FROM copy_pairs")}
    assert before <= after and after - before
    assert all("rewrite" in pair for pair in after - before)
    assert source_clusters(store)["rewrite"] == source_clusters(store)["wire"]


def test_incremental_equals_all_at_once(tmp_path):
    from frontwatch.store import open_store

    arts = [article("wire", WIRE, "2024-03-05"), article("own", INDEPENDENT, "2024-03-05"),
            article("rewrite", REWRITE_TEXT, "2024-03-06")]
    with open_store(str(tmp_path / "one.db")) as one, open_store(str(tmp_path / "two.db")) as two:
        add(one, *arts)
        find_copies(one, Settings())
        for a in arts:
            add(two, a)
            find_copies(two, Settings())
        assert dump(one)[2:] == dump(two)[2:]


def test_a_method_change_redoes_everything(store, monkeypatch):
    add(store, article("wire", WIRE), article("rewrite", REWRITE_TEXT))
    find_copies(store, Settings())
    monkeypatch.setattr("frontwatch.copies.run.METHOD", "copies-test")
    report = find_copies(store, Settings())
    assert report.rebuilt and report.new == 2 and report.clusters == 1


def test_a_superseded_article_is_forgotten(store):
    url = "https://example.org/kessala"
    add(store, article("wire", WIRE), article("rewrite", REWRITE_TEXT, url=url))
    find_copies(store, Settings())
    add(store, article("rewrite-v2", INDEPENDENT, url=url))     # the page changed since
    report = find_copies(store, Settings())
    assert report.removed == 1 and report.clusters == 0
    assert "rewrite" not in source_clusters(store)


# --- CLI --------------------------------------------------------------------------------

@pytest.fixture
def filled_db(db_path):
    from frontwatch.store import open_store

    with open_store(db_path) as s:
        add(s, article("wire", WIRE, "2024-03-05T10:00:00"),
            article("rewrite", REWRITE_TEXT, "2024-03-05T15:00:00"),
            article("own", INDEPENDENT, "2024-03-05T12:00:00"))
    return db_path


def run_cli(*args: str):
    from frontwatch.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_lists_clusters_as_json(filled_db):
    result = run_cli("copies", "--db", filled_db, "--json", "-q")
    assert result.exit_code == 0, result.output
    clusters = json.loads(result.output)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster["origin_id"] == "wire"
    assert [m["article_id"] for m in cluster["members"]] == ["wire", "rewrite"]
    assert set(cluster["members"][1]) >= {"article_id", "external_id", "source", "similarity"}


def test_cli_shows_aligned_sentences(filled_db):
    run_cli("copies", "--db", filled_db, "-q")
    result = run_cli("copies", "rewrite", "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert "rewrite copy" in result.output and "Madora" in result.output


def test_cli_show_of_an_article_without_copies(filled_db):
    run_cli("copies", "--db", filled_db, "-q")
    result = run_cli("copies", "own", "--db", filled_db)
    assert "has no copies: it is an independent source" in result.output


def test_cli_unknown_article(filled_db):
    result = run_cli("copies", "nosuchid", "--db", filled_db)
    assert result.exit_code == 2
    assert "no article 'nosuchid'" in result.output


@pytest.mark.parametrize("sub", [[], ["list"], ["show"], ["eval"]])
def test_cli_help(sub):
    result = run_cli("copies", *sub, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
