"""A learned filter over candidate mentions: logistic regression on what the parse and the
rest of the extraction say about a candidate (its kind and factuality, the trigger's tense,
voice and grammatical role, the clause it sits in, its date against publication, its
place and sides), trained on the news gold's dev split (scripts/train_mention_filter.py).

The rules propose; the filter keeps the candidates that read like events an analyst would
code and drops the rest (background told as a relative clause, a purpose ("sent to take
the city back"), a headline restating the lead, a place the sentence only passes through).
Only counted mentions (asserted, attributed, uncertain) are scored; statistics, denials and
forecasts pass through as the rules labelled them.

Features are words of the parse and of the mention, never words of the text, so what the
weights learn carries over to text the gold never saw.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError
from frontwatch.events.dates import last_day
from frontwatch.events.gold import track_of
from frontwatch.events.ontology import EVENT_FACTUALITY

PACKAGED = "packaged"
SAY_LEMMAS = {"say", "claim", "tell", "report", "announce", "confirm", "state", "add", "insist",
              "allege", "assert", "write", "post", "declare", "accuse", "deny"}
INTENT_LEMMAS = {"try", "attempt", "seek", "aim", "plan", "want", "threaten", "vow", "hope", "prepare",
                 "intend", "expect", "send", "order", "push", "fight", "battle", "struggle", "fail",
                 "attempt", "bid", "effort", "need", "race", "rush", "move"}
TAGS = ("VBD", "VBN", "VBZ", "VBP", "VBG", "VB", "NN", "NNS", "NNP", "JJ")
DEPS = ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "pcomp", "pobj", "nsubj", "nsubjpass",
        "dobj", "amod", "compound", "appos", "parataxis")


@dataclass(frozen=True)
class MentionFilter:
    """Weights of a trained filter and the probability below which a candidate is dropped,
    per track (control changes, violent events)."""

    weights: dict[str, float]
    bias: dict[str, float]
    thresholds: dict[str, float]
    trained_on: str = ""

    def probability(self, track: str, features: dict[str, float]) -> float:
        z = self.bias.get(track, 0.0) + sum(self.weights.get(f"{track}:{k}", 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, track: str, features: dict[str, float]) -> bool:
        return self.probability(track, features) >= self.thresholds.get(track, 0.0)

    def to_json(self) -> str:
        return json.dumps({"weights": self.weights, "bias": self.bias, "thresholds": self.thresholds,
                           "trained_on": self.trained_on}, indent=1, sort_keys=True)


def load_mention_filter(setting: str) -> MentionFilter | None:
    """The filter a setting names: "packaged" (the one trained on eval/news/dev), "off", or
    the path of a JSON file written by scripts/train_mention_filter.py."""
    if setting in ("", "off", "none"):
        return None
    path = Path(str(resources.files("frontwatch.events"))) / "data" / "mention_filter.json" \
        if setting == PACKAGED else Path(setting)
    try:
        data = json.loads(path.read_text("utf-8"))
        return MentionFilter(data["weights"], data["bias"], data["thresholds"], data.get("trained_on", ""))
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read the mention filter {path}: {exc}; set mention_filter to "
                          f"'packaged', 'off' or a file written by scripts/train_mention_filter.py") from exc


def scored(m) -> bool:
    """Whether the filter judges this mention: a counted control change or violent event."""
    return track_of(m.kind) is not None and m.factuality in EVENT_FACTUALITY and m.factuality != "historical"


def mention_features(m, doc, title_end: int, published: date | None, mentions_here: int,
                     main_rebel: str | None, is_state) -> dict[str, float]:
    """What the filter reads of one candidate ``m`` (an EventMention) in its ``doc``."""
    f: dict[str, float] = {}
    f[f"kind={m.kind}"] = 1
    f[f"fact={m.factuality}"] = 1
    f["title"] = float(m.evidence.get("field") == "title")
    f[f"basis={m.date_basis}"] = 1
    f[f"prec={m.date_precision}"] = 1
    f.update(_age(m.date, published))
    f.update(_place(m))
    f.update(_sides(m, main_rebel, is_state))
    f["dead"] = float(bool(m.fatalities))
    f[f"sentence_at={min(m.sentence_index, 6)}"] = 1
    f[f"mentions_here={min(mentions_here, 4)}"] = 1
    token = _trigger_token(m, doc, title_end)
    if token is not None:
        f.update(_grammar(token))
        f.update(_sentence(token.sent))
    return f


def _age(event_date: str | None, published: date | None) -> dict[str, float]:
    if not event_date or published is None:
        return {"age=unknown": 1}
    try:
        days = (published - last_day(event_date)).days
    except ValueError:
        return {"age=unknown": 1}
    bucket = "future" if days < 0 else "0" if days == 0 else "1-3" if days <= 3 else "4-10" if days <= 10 \
        else "11-31" if days <= 31 else "old"
    return {f"age={bucket}": 1}


def _place(m) -> dict[str, float]:
    p = m.place
    if p is None:
        return {"place=none": 1}
    return {f"place_level={p.level}": 1, "place_unlisted": float(p.id is None),
            "place_admin1": float(p.level == "admin1")}


def _sides(m, main_rebel, is_state) -> dict[str, float]:
    side = m.new_controller or m.actor1
    return {"side=none": float(not side), "side=main_rebel": float(bool(side) and side == main_rebel),
            "side=state": float(bool(side) and is_state(side)), "other_side=none": float(not (m.previous_controller or m.actor2)),
            "attributed_to": float(bool(m.attributed_to))}


def _trigger_token(m, doc, title_end: int):
    offset = 0 if m.evidence.get("field") == "title" else title_end
    span = doc.char_span(offset + m.start, offset + m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _grammar(tok) -> dict[str, float]:
    f = {f"tag={tok.tag_ if tok.tag_ in TAGS else 'other'}": 1.0,
         f"dep={tok.dep_ if tok.dep_ in DEPS else 'other'}": 1.0}
    kids = list(tok.children)
    f["perfect"] = float(any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBP", "VBZ"} for c in kids))
    f["pluperfect"] = float(any(c.dep_ == "aux" and c.lower_ == "had" for c in kids))
    f["passive"] = float(any(c.dep_ in {"auxpass", "nsubjpass"} for c in kids))
    f["to_infinitive"] = float(any(c.dep_ == "aux" and c.lower_ == "to" for c in kids))
    ancestors = list(tok.ancestors)
    f["under_say"] = float(any(a.lemma_ in SAY_LEMMAS for a in ancestors))
    f["under_intent"] = float(any(a.lemma_ in INTENT_LEMMAS for a in ancestors[:3]))
    f["under_relcl"] = float(tok.dep_ == "relcl" or any(a.dep_ == "relcl" for a in ancestors))
    f["under_noun"] = float(any(a.pos_ in {"NOUN", "PROPN"} for a in ancestors[:2]))
    f["under_advcl"] = float(any(a.dep_ == "advcl" for a in [tok] + ancestors[:2]))
    f[f"depth={min(len(ancestors), 4)}"] = 1.0
    f["has_subject"] = float(any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids))
    f["has_object"] = float(any(c.dep_ in {"dobj", "pobj"} for c in kids))
    f["has_time"] = float(any(t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree))
    return f


def _sentence(sent) -> dict[str, float]:
    words = [t.lower_ for t in sent]
    n = len(words)
    return {f"len={'short' if n < 12 else 'mid' if n < 30 else 'long'}": 1.0,
            "since": float("since" in words),
            "quote": float(any(t.text in {'"', "“", "”"} for t in sent)),
            "question": float(sent.text.rstrip().endswith("?")),
            "first_person": float(any(w in {"we", "our", "us"} for w in words)),
            "year_written": float(any(t.like_num and len(t.text) == 4 and t.text[:2] in {"19", "20"} for t in sent)),
            "places_here": float(sum(1 for e in sent.ents if e.label_ in {"GPE", "LOC", "FAC"}) > 2)}
