"""Quality gates of the copies stage: the gold floor and the seed articles.

The floors only move up (docs/copies.md says how they were measured).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval" / "copies"
SEEDS = ROOT.parent / "shared" / "seeds" / "articles"

PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.98


def test_gold_floor():
    from frontwatch.copies import evaluate

    result = evaluate(EVAL / "corpus.jsonl", EVAL / "pairs.gold.jsonl", Settings())
    assert result.precision >= PRECISION_FLOOR, result.errors
    assert result.recall >= RECALL_FLOOR, result.errors
    right, total = result.by_kind["hard-negative"]
    assert right == total, [e for e in result.errors if e["kind"] == "hard-negative"]


def test_gold_covers_every_kind_with_enough_pairs():
    from frontwatch.copies.evaluation import read_jsonl

    gold = read_jsonl(EVAL / "pairs.gold.jsonl")
    kinds = {p["kind"] for p in gold}
    assert {"verbatim", "near-verbatim", "rewrite", "hard-negative"} <= kinds
    assert len(gold) >= 50 and sum(p["copy"] for p in gold) >= 25


def test_eval_cli_prints_precision_and_recall():
    from click.testing import CliRunner

    from frontwatch.cli import main

    result = CliRunner().invoke(main, ["copies", "eval", str(EVAL / "pairs.gold.jsonl"),
                                       str(EVAL / "corpus.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("precision 1.000  recall 1.000  F1 1.000")


@pytest.mark.seeds
def test_seeds_only_002_and_004_are_copies(store):
    """Ingested as a user would (ingest cleans the chrome): one cluster, 002 with 004."""
    from frontwatch.copies import find_copies, source_clusters
    from frontwatch.ingest import ingest_paths
    from frontwatch.store.copies import cluster_rows

    ingest_paths(store, [str(SEEDS)], Settings())
    find_copies(store, Settings())
    clusters = cluster_rows(store)
    assert len(clusters) == 1
    names = sorted(Path(m["source"]).name[:3] for m in clusters[0]["members"])
    assert names == ["002", "004"]
    assert len(set(source_clusters(store).values())) == 4


@pytest.mark.seeds
def test_seeds_raw_text_pairs():
    """The same on the raw files, chrome left in: every pair compared directly."""
    import itertools

    from frontwatch.copies import compare_texts

    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    copies = {(a, b) for a, b in itertools.combinations(sorted(texts), 2)
              if compare_texts(texts[a], texts[b]).is_copy}
    assert copies == {("002", "004")}
