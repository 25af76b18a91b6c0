"""Control-event precision, recall and F1 of the stored mentions against a gold file in
the format of the seeds' gold.jsonl; date accuracy on the matched events.

A match: same article, same kind, same new controller, same place (folded name, or a
gazetteer entry that the gold spelling also names).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.events.ontology import CONTROL_KINDS, EVENT_FACTUALITY
from frontwatch.store import Store


# How close (rapidfuzz ratio) a gold spelling the gazetteer lacks must be to an entry's name
# for a prediction of that entry to count: a transliteration variant, not another place.
GOLD_SPELLING_SIMILARITY = 85.0


class GoldError(FrontwatchError):
    """A gold file cannot be read."""


@dataclass
class EvalReport:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    dates_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    wrong_dates: list[dict[str, Any]] = field(default_factory=list)   # gold line + "predicted_date"

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "date_accuracy": round(self.date_accuracy, 4),
                "misses": self.misses, "extras": self.extras, "wrong_dates": self.wrong_dates}

    def error_lines(self) -> list[str]:
        """Misses, extras and wrong dates, one line each with the sentence, to work through."""
        lines = [f"miss  {g['article']} | {g['place']} {g['event']} {g['new_controller']} {g.get('date')}"
                 f" :: {g.get('quote')}" for g in self.misses]
        lines += [f"extra {p['article_id'][:12]} | {p['place_name']} {p['kind']} {p['new_controller']} "
                  f"{p['date']} {p['factuality']} :: {p['sentence']}" for p in self.extras]
        lines += [f"date  {g['article']} | {g['place']} {g['event']} gold {g.get('date')} got "
                  f"{g['predicted_date']} :: {g.get('quote')}" for g in self.wrong_dates]
        return lines


def read_gold(path: str) -> list[dict[str, Any]]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    gold = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            gold.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path} line {number} is not JSON ({exc}); one object a line") from exc
    return gold


def article_names(store: Store, articles_dir: str | None) -> dict[str, set[str]]:
    """Every name a gold line may use for a stored article: file name, path under the
    articles folder, URL, external id."""
    names: dict[str, set[str]] = {}
    for row in store.query("SELECT id, source, url, external_id, input_format FROM articles"):
        found = {os.path.basename(row["source"])}
        if articles_dir:
            try:
                found.add(os.path.relpath(row["source"], articles_dir))
            except ValueError:
                pass
        found.update(v for v in (row["url"], row["external_id"]) if v)
        names[row["id"]] = found
    return names


def evaluate_store(store: Store, gold_path: str, articles_dir: str | None = None,
                   gazetteer=None) -> EvalReport:
    from frontwatch.events.store import iter_mentions
    from frontwatch.places.fold import fold_key

    gold = read_gold(gold_path)
    names = article_names(store, articles_dir)
    by_name: dict[str, str] = {n: aid for aid, ns in names.items() for n in ns}
    predicted = _unique_predictions(iter_mentions(store), fold_key)
    report = EvalReport(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    id_cache: dict[str, set[str]] = {}
    for g in gold:
        article_id = by_name.get(g["article"])
        candidates = [i for i, p in enumerate(predicted) if i not in used and p["article_id"] == article_id
                      and p["kind"] == g["event"] and p["new_controller"] == g["new_controller"]
                      and _same_place(g["place"], p, fold_key, gazetteer, id_cache)]
        if not candidates:
            report.misses.append(g)
            continue
        accepted = {g.get("date")} | set(g.get("accept_dates") or [])
        best = next((i for i in candidates if predicted[i]["date"] in accepted), candidates[0])
        used.add(best)
        report.matched += 1
        report.dates_right += predicted[best]["date"] in accepted
        if predicted[best]["date"] not in accepted:
            report.wrong_dates.append({**g, "predicted_date": predicted[best]["date"]})
    report.extras = [_short(p) for i, p in enumerate(predicted) if i not in used]
    return report


def _unique_predictions(mentions, fold_key) -> list[dict[str, Any]]:
    seen, out = set(), []
    for m in mentions:
        if m["kind"] not in CONTROL_KINDS or m["factuality"] not in EVENT_FACTUALITY or not m["place_name"]:
            continue
        key = (m["article_id"], m["place_id"] or fold_key(m["place_name"]), m["new_controller"],
               m["kind"], m["date"])
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _same_place(gold_name: str, pred: dict[str, Any], fold_key, gazetteer, cache) -> bool:
    if fold_key(gold_name) == fold_key(pred["place_name"]):
        return True
    if gazetteer is None or not pred["place_id"]:
        return False
    if gold_name not in cache:
        # the entries the gold spelling names, or spells closely ("Saighan" for "Sayghan")
        cache[gold_name] = {e.id for e in gazetteer.lookup(gold_name)} or \
            {e.id for e, score in gazetteer.fuzzy(gold_name) if score >= GOLD_SPELLING_SIMILARITY}
    return pred["place_id"] in cache[gold_name]


def _short(p: dict[str, Any]) -> dict[str, Any]:
    return {k: p[k] for k in ("article_id", "kind", "place_name", "new_controller", "date",
                              "factuality", "sentence")}
