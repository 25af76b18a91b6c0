"""Precision and recall of copy pairs against a gold file.

The corpus (JSONL: id, text, and optionally published, outlet) is loaded into a temporary
store and run through :func:`find_copies` as it would be in use (LSH candidates,
confirmation, guarded clusters). Two articles are predicted copies when they end in one
cluster. The gold (JSONL: a, b, copy, and optionally kind and split) lists pairs; with
``closed=True`` (the gold lists every copy pair of the corpus) a predicted pair that the
gold does not list counts as a false positive too.
"""
from __future__ import annotations

import itertools
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.records import Article
from frontwatch.settings import Settings


@dataclass
class EvalResult:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)   # kind -> (right, total)
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "by_kind": {k: {"right": r, "total": t} for k, (r, t) in sorted(self.by_kind.items())},
                "errors": self.errors}


def read_jsonl(path: str | Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except FileNotFoundError as exc:
        raise FrontwatchError(f"no such file: {path}") from exc
    except json.JSONDecodeError as exc:
        raise FrontwatchError(f"{path} is not JSONL ({exc}); one JSON object per line") from exc


def corpus_articles(records: list[dict], source: str) -> list[Article]:
    return [Article(id=r["id"], source=source, position=f"line {n}", input_format="jsonl",
                    text=r["text"], raw=r["text"], raw_kind="text", external_id=r["id"],
                    published=r.get("published"), outlet=r.get("outlet"))
            for n, r in enumerate(records, 1)]


def predicted_clusters(records: list[dict], settings: Settings, source: str) -> dict[str, str]:
    """article id -> cluster id, for articles that have a copy."""
    from frontwatch.copies.run import find_copies
    from frontwatch.store import open_store
    from frontwatch.store import copies as sql
    from frontwatch.store.articles import insert_articles

    with tempfile.TemporaryDirectory() as tmp:
        with open_store(os.path.join(tmp, "eval.db")) as store:
            with store.transaction():
                insert_articles(store, corpus_articles(records, source))
            find_copies(store, settings)
            return sql.all_members(store)


def score(gold: list[dict], clusters: dict[str, str], ids: list[str], closed: bool,
          split: str | None = None) -> EvalResult:
    result = EvalResult()
    kinds: Counter = Counter()
    right: Counter = Counter()
    labelled = set()
    for pair in gold:
        if split and pair.get("split") != split:
            continue
        a, b = pair["a"], pair["b"]
        labelled.add(tuple(sorted((a, b))))
        predicted = a in clusters and clusters.get(a) == clusters.get(b)
        kind = pair.get("kind") or ("copy" if pair["copy"] else "not-copy")
        kinds[kind] += 1
        right[kind] += predicted == bool(pair["copy"])
        _tally(result, bool(pair["copy"]), predicted, pair)
    if closed and not split:
        for a, b in itertools.combinations(sorted(ids), 2):
            if (a, b) not in labelled and a in clusters and clusters[a] == clusters.get(b):
                _tally(result, False, True, {"a": a, "b": b, "kind": "unlabelled"})
    result.by_kind = {k: (right[k], kinds[k]) for k in kinds}
    return result


def _tally(result: EvalResult, gold: bool, predicted: bool, pair: dict) -> None:
    if gold and predicted:
        result.tp += 1
    elif predicted:
        result.fp += 1
        result.errors.append({"a": pair["a"], "b": pair["b"], "error": "false copy",
                              "kind": pair.get("kind")})
    elif gold:
        result.fn += 1
        result.errors.append({"a": pair["a"], "b": pair["b"], "error": "missed copy",
                              "kind": pair.get("kind")})


def evaluate(corpus_path: str | Path, gold_path: str | Path, settings: Settings | None = None,
             closed: bool = True, split: str | None = None) -> EvalResult:
    """Run the copies stage on the corpus and score its clusters against the gold pairs."""
    records = read_jsonl(corpus_path)
    gold = read_jsonl(gold_path)
    ids = [r["id"] for r in records]
    unknown = {p[k] for p in gold for k in ("a", "b")} - set(ids)
    if unknown:
        raise FrontwatchError(f"gold pairs name articles missing from {corpus_path}: "
                              f"{', '.join(sorted(unknown)[:5])}")
    clusters = predicted_clusters(records, settings or Settings(), str(corpus_path))
    return score(gold, clusters, ids, closed, split)
