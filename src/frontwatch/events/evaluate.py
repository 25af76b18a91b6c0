"""Scoring stored mentions against a gold: precision, recall, F1, date and fatality accuracy,
per track (control changes, violent events, background), per conflict and per kind, with
every miss and extra listed.

A gold is either a file in the format of the seeds' gold.jsonl (control changes only), or a
split folder of the news gold (``eval/news/dev``: articles, events and non-events; see
eval/news/README.md).

Matching, within one article:
- control changes: same kind, same new controller (as the actor dictionary reads both
  names), same place (folded name, or a gazetteer entry that the gold spelling also names);
- violent events: same ACLED event type, and the same place when the gold names one.
Background is its own track: a gold event dated well before its article's publication, and
a mention labelled ``historical``, are scored there, never as current events; a historical
mention that no gold line names is left out, as the dataset leaves it out of its counts.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from frontwatch.errors import FrontwatchError
from frontwatch.events.dates import is_background
from frontwatch.events.gold import read_split, track_of
from frontwatch.events.ontology import CONTROL_KINDS, KIND_TYPES
from frontwatch.store import Store

# How close (rapidfuzz ratio) a gold spelling the gazetteer lacks must be to an entry's name
# for a prediction of that entry to count: a transliteration variant, not another place.
GOLD_SPELLING_SIMILARITY = 85.0
COUNTED_FACTUALITY = ("asserted", "attributed", "uncertain")
TRACKS = ("control", "violent", "background")


class GoldError(FrontwatchError):
    """A gold file cannot be read."""


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    dates_right: int = 0
    fatalities_known: int = 0     # matched events whose gold line gives a toll
    fatalities_right: int = 0

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

    @property
    def fatality_accuracy(self) -> float:
        return self.fatalities_right / self.fatalities_known if self.fatalities_known else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "date_accuracy": round(self.date_accuracy, 4),
                "fatality_accuracy": round(self.fatality_accuracy, 4)}


@dataclass
class EvalReport:
    tracks: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TRACKS})
    by_conflict: dict[tuple[str, str], Score] = field(default_factory=dict)
    by_kind: dict[tuple[str, str], Score] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    wrong_dates: list[dict[str, Any]] = field(default_factory=list)        # gold line + "predicted_date"
    wrong_fatalities: list[dict[str, Any]] = field(default_factory=list)   # gold line + "predicted_fatalities"
    extra_reasons: Counter = field(default_factory=Counter)   # non-event reason a leaked extra states
    covered: set[str] = field(default_factory=lambda: set(TRACKS))   # tracks the gold annotates
    matched_ids: set[str] = field(default_factory=set)   # ids of the mentions a gold event matched
    scored_ids: set[str] = field(default_factory=set)    # one id per counted prediction (duplicates left out)

    # The control track under the names the first gold format used.
    control = property(lambda self: self.tracks["control"])
    violent = property(lambda self: self.tracks["violent"])
    gold = property(lambda self: self.control.gold)
    predicted = property(lambda self: self.control.predicted)
    matched = property(lambda self: self.control.matched)
    precision = property(lambda self: self.control.precision)
    recall = property(lambda self: self.control.recall)
    f1 = property(lambda self: self.control.f1)
    date_accuracy = property(lambda self: self.control.date_accuracy)

    def slice(self, table: dict, track: str, key: str) -> Score:
        return table.setdefault((track, key), Score())

    def as_dict(self) -> dict[str, Any]:
        return {**self.control.as_dict(),
                "tracks": {t: s.as_dict() for t, s in self.tracks.items() if t in self.covered},
                "by_conflict": _slices(self.by_conflict), "by_kind": _slices(self.by_kind),
                "extra_reasons": dict(self.extra_reasons),
                "misses": self.misses, "extras": self.extras, "wrong_dates": self.wrong_dates,
                "wrong_fatalities": self.wrong_fatalities}

    def error_lines(self) -> list[str]:
        """Misses, extras, wrong dates and wrong tolls, one line each with the sentence."""
        lines = [f"miss  {g['track']:<10} {g['article']} | {g.get('place')} {g['event']} "
                 f"{_side(g)} {g.get('date')} :: {g.get('quote')}" for g in self.misses]
        lines += [f"extra {p['track']:<10} {p['article']} | {p['place_name']} {p['kind']} "
                  f"{p['new_controller'] or p['actor1']} {p['date']} {p['factuality']}"
                  f"{' [' + p['reason'] + ']' if p.get('reason') else ''} :: {p['sentence']}"
                  for p in self.extras]
        lines += [f"date  {g['track']:<10} {g['article']} | {g.get('place')} {g['event']} gold {g.get('date')} "
                  f"got {g['predicted_date']} :: {g.get('quote')}" for g in self.wrong_dates]
        lines += [f"dead  {g['track']:<10} {g['article']} | {g.get('place')} {g['event']} gold "
                  f"{g.get('fatalities')} got {g['predicted_fatalities']} :: {g.get('quote')}"
                  for g in self.wrong_fatalities]
        return lines


def _slices(table: dict[tuple[str, str], Score]) -> dict[str, dict[str, Any]]:
    return {f"{track}/{key}": s.as_dict() for (track, key), s in sorted(table.items())}


def _side(g: dict[str, Any]) -> str | None:
    return g.get("new_controller") if g["event"] in CONTROL_KINDS else g.get("actor1")


# --------------------------------------------------------------------------- reading gold

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


@dataclass
class Gold:
    """What a gold says: events, non-events, and each article's conflict by name."""

    events: list[dict[str, Any]]
    nonevents: list[dict[str, Any]] = field(default_factory=list)
    conflicts: dict[str, str] = field(default_factory=dict)
    articles_dir: str | None = None


def load_gold(path: str) -> Gold:
    """A gold file, or a news-gold split folder (its events, non-events and articles)."""
    if os.path.isdir(path):
        problems: list[str] = []
        split = read_split(path, problems)
        if problems or not split.events:
            raise GoldError(f"{path} is not a news-gold split ({'; '.join(problems[:3]) or 'no *.gold.jsonl'}); "
                            f"check it with scripts/check_news_gold.py")
        conflicts = {aid: a.get("conflict") or "other" for aid, a in split.articles.items()}
        return Gold(split.events, split.nonevents, conflicts, str(split.root / "articles"))
    events = read_gold(path)
    conflicts = {g["article"]: g.get("conflict") or g.get("country") or "other" for g in events}
    return Gold(events, [], conflicts, None)


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


# --------------------------------------------------------------------------- scoring

@dataclass
class Matcher:
    """What matching needs: folding, the gazetteer, and the actor dictionary's reading of names."""

    fold_key: Callable[[str], str]
    gazetteer: Any = None
    actors: Any = None
    places_cache: dict[str, set[str]] = field(default_factory=dict)

    def same_place(self, gold_name: str | None, pred: dict[str, Any]) -> bool:
        if gold_name is None:
            return True
        if not pred["place_name"]:
            return False
        if self.fold_key(gold_name) == self.fold_key(pred["place_name"]) or \
                self.fold_key(bare_name(gold_name)) == self.fold_key(bare_name(pred["place_name"])):
            return True
        if self.gazetteer is None or not pred["place_id"]:
            return False
        if gold_name not in self.places_cache:
            # the entries the gold spelling names, or spells closely ("Saighan" for "Sayghan"),
            # with or without its unit word ("Hodeidah port")
            names = {gold_name, bare_name(gold_name)}
            self.places_cache[gold_name] = {e.id for n in names for e in self.gazetteer.lookup(n)} or \
                {e.id for n in names for e, score in self.gazetteer.fuzzy(n) if score >= GOLD_SPELLING_SIMILARITY}
        return pred["place_id"] in self.places_cache[gold_name]

    def same_side(self, gold_name: str | None, pred_name: str | None) -> bool:
        return self.side_key(gold_name) == self.side_key(pred_name)

    def side_key(self, name: str | None) -> str | None:
        if not name:
            return None
        found = self.actors.lookup(name) if self.actors is not None else None
        return found.name if found is not None and not found.name.startswith("@") else self.fold_key(name)


# Words a gold spelling may carry that name the kind of unit, not the place ("Nerkh
# district", "Kunduz city", "the Kharkiv region"), or a site the place is named for ("Kabul
# airport" is in Kabul, as ACLED's geo-precision 2 has it).
UNIT_WORDS_RX = re.compile(r"^the\s+|\s+(?:district|province|city|town|village|region|oblast|governorate|"
                           r"state|township|county|raion|municipality|center|centre|airport|"
                           r"international airport|air ?base|airfield|cantonment|valley|border crossing|"
                           r"crossing|dam|refinery|port|area|refugee camp|camp|neighbou?rhood|quarter)$", re.IGNORECASE)


def bare_name(name: str) -> str:
    """A place name without the word for its kind of unit ("Nerkh district" -> "Nerkh")."""
    return UNIT_WORDS_RX.sub("", name.strip()) or name


def evaluate_store(store: Store, gold_path: str, articles_dir: str | None = None,
                   gazetteer=None, actors=None) -> EvalReport:
    """Score the store's mentions against the gold at ``gold_path`` (a file or a split folder)."""
    from frontwatch.events.store import iter_mentions
    from frontwatch.places.fold import fold_key

    gold = load_gold(gold_path)
    names = article_names(store, articles_dir or gold.articles_dir)
    by_name = {n: aid for aid, ns in names.items() for n in ns}
    published = {r["id"]: r["published"] for r in store.query("SELECT id, published FROM articles")}
    conflict_of = {by_name[n]: c for n, c in gold.conflicts.items() if n in by_name}
    label_of = {aid: sorted(ns, key=len)[0] for aid, ns in names.items()}
    for name, aid in by_name.items():
        if name in gold.conflicts:
            label_of[aid] = name
    matcher = Matcher(fold_key, gazetteer, actors)
    golds = [_gold_entry(g, by_name, published) for g in gold.events]
    preds = _predictions(iter_mentions(store), fold_key, published)
    report = EvalReport(covered={track_of(g["event"]) for g in golds} | {"background"})
    _match_all(report, golds, preds, matcher, conflict_of)
    _count_extras(report, preds, conflict_of, label_of, gold.nonevents)
    return report


def _gold_entry(g: dict[str, Any], by_name: dict[str, str], published: dict[str, str | None]) -> dict[str, Any]:
    article_id = by_name.get(g["article"])
    track = "background" if g.get("factuality") == "historical" or \
        is_background(g.get("date"), published.get(article_id), g.get("date_basis")) else track_of(g["event"])
    return {**g, "track": track, "article_id": article_id,
            "type": KIND_TYPES.get(g["event"], (None, None))[0]}


def _predictions(mentions, fold_key, published) -> list[dict[str, Any]]:
    """Counted mentions, one per article, track, kind or type, place, side and date (with
    the ids of the mentions that share it)."""
    seen: dict[tuple, dict[str, Any]] = {}
    out = []
    for m in mentions:
        base = track_of(m["kind"])
        if base is None or m["factuality"] not in COUNTED_FACTUALITY + ("historical",):
            continue
        if base == "control" and not m["place_name"]:
            continue
        historical = m["factuality"] == "historical" or \
            is_background(m["date"], published.get(m["article_id"]), m["date_basis"])
        track = "background" if historical else base
        what = m["kind"] if base == "control" else m["event_type"]
        key = (m["article_id"], track, what, m["place_id"] or fold_key(m["place_name"] or ""),
               m["new_controller"] if base == "control" else None, m["date"])
        if key not in seen:
            seen[key] = {**m, "track": track, "base_track": base, "used": False, "ids": [m["id"]]}
            out.append(seen[key])
        else:
            seen[key]["ids"].append(m["id"])
    return out


def _candidate(g: dict[str, Any], p: dict[str, Any], matcher: Matcher) -> bool:
    if p["used"] or p["article_id"] != g["article_id"]:
        return False
    if g["track"] == "background":
        if p["base_track"] != track_of(g["event"]):
            return False
    elif p["track"] != g["track"]:
        return False
    if track_of(g["event"]) == "control":
        return p["kind"] == g["event"] and matcher.same_side(g.get("new_controller"), p["new_controller"]) \
            and matcher.same_place(g["place"], p)
    return p["event_type"] == g["type"] and matcher.same_place(g.get("place"), p)


def _match_all(report: EvalReport, golds, preds, matcher: Matcher, conflict_of) -> None:
    # current events first: a background line never takes the mention of a current event
    for g in sorted(golds, key=lambda g: g["track"] == "background"):
        conflict = conflict_of.get(g["article_id"]) or g.get("conflict") or "other"
        scores = [report.tracks[g["track"]], report.slice(report.by_conflict, g["track"], conflict),
                  report.slice(report.by_kind, g["track"], g["event"])]
        for s in scores:
            s.gold += 1
        candidates = [p for p in preds if _candidate(g, p, matcher)]
        if not candidates:
            report.misses.append(_public(g))
            continue
        best = _best(g, candidates)
        best["used"] = True
        best["matched_kind"], best["matched_track"] = g["event"], g["track"]
        report.matched_ids.update(best["ids"])
        date_ok = best["date"] in ({g.get("date")} | set(g.get("accept_dates") or []))
        known = "fatalities" in g
        dead_ok = known and (best["fatalities"] or 0) == (g["fatalities"] or 0)
        for s in scores:
            s.matched += 1
            s.dates_right += date_ok
            s.fatalities_known += known
            s.fatalities_right += dead_ok
        if not date_ok:
            report.wrong_dates.append({**_public(g), "predicted_date": best["date"]})
        if known and not dead_ok:
            report.wrong_fatalities.append({**_public(g), "predicted_fatalities": best["fatalities"]})


def _best(g: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any]:
    accepted = {g.get("date")} | set(g.get("accept_dates") or [])
    return max(candidates, key=lambda p: (p["track"] == g["track"], p["date"] in accepted, p["kind"] == g["event"],
                                          (p["fatalities"] or 0) == (g.get("fatalities") or 0)))


def _public(g: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in g.items() if k not in {"article_id", "type", "_where"}}


def _count_extras(report: EvalReport, preds, conflict_of, label_of, nonevents) -> None:
    """Every counted prediction (matched or not) scores precision; unmatched current ones
    are extras, with the non-event reason their sentence states when the gold lists one."""
    for p in preds:
        if p["base_track"] not in report.covered:
            continue   # a track the gold does not annotate
        if p["track"] == "background" and not p["used"]:
            continue   # labelled background and left out of the counts
        conflict = conflict_of.get(p["article_id"]) or "other"
        kind, track = p.get("matched_kind") or p["kind"], p.get("matched_track") or p["track"]
        report.scored_ids.add(p["ids"][0])
        for s in (report.tracks[track], report.slice(report.by_conflict, track, conflict),
                  report.slice(report.by_kind, track, kind)):
            s.predicted += 1
        if not p["used"]:
            reason = _nonevent_reason(p, label_of, nonevents)
            if reason:
                report.extra_reasons[reason] += 1
            report.extras.append({**_short(p), "article": label_of.get(p["article_id"], p["article_id"][:12]),
                                  "reason": reason})


def _nonevent_reason(p: dict[str, Any], label_of, nonevents) -> str | None:
    name = label_of.get(p["article_id"])
    for row in nonevents:
        if row["article"] == name and (row["quote"] in p["sentence"] or p["sentence"] in row["quote"]):
            return row["reason"]
    return None


def _short(p: dict[str, Any]) -> dict[str, Any]:
    return {k: p[k] for k in ("article_id", "track", "kind", "event_type", "place_name", "new_controller",
                              "actor1", "date", "factuality", "fatalities", "sentence")}
