"""On the sample corpus, the copies stage finds exactly the planted copy cluster."""
from __future__ import annotations

import itertools
import json

import pytest

from conftest import ROOT
from frontwatch.copies import find_copies
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store.articles import iter_articles
from frontwatch.store.copies import all_members
from test_examples_ingest import gold_key

GOLD = ROOT / "eval/examples/copies.gold.jsonl"


@pytest.fixture(scope="module")
def clustered(tmp_path_factory):
    from frontwatch.store import open_store

    db = str(tmp_path_factory.mktemp("examples-copies") / "fw.db")
    with open_store(db) as store:
        ingest_paths(store, [str(ROOT / "examples")], Settings(db=db))
        find_copies(store, Settings(db=db))
        names = {a.id: gold_key(a) for a in iter_articles(store)}
        members = all_members(store)
    return {names[article]: cluster for article, cluster in members.items()}


def found_pairs(clusters: dict[str, str]) -> set[frozenset]:
    by_cluster: dict[str, list[str]] = {}
    for name, cluster in clusters.items():
        by_cluster.setdefault(cluster, []).append(name)
    return {frozenset(p) for names in by_cluster.values() for p in itertools.combinations(names, 2)}


def test_every_planted_copy_is_found_and_nothing_else(clustered):
    gold = [json.loads(line) for line in GOLD.open()]
    planted = {frozenset((g["a"], g["b"])) for g in gold if g["kind"] != "not-copy"}
    assert found_pairs(clustered) == planted


def test_hard_negatives_stay_apart(clustered):
    gold = [json.loads(line) for line in GOLD.open()]
    negatives = [(g["a"], g["b"]) for g in gold if g["kind"] == "not-copy"]
    assert negatives
    for a, b in negatives:
        assert clustered.get(a) is None or clustered.get(a) != clustered.get(b), (a, b)
