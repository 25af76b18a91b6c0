"""Choosing one gazetteer entry per mention.

Each entry of a mention gets a score from (weights below, tuned on eval/places/gold.jsonl):
the article's country focus, admin hints in the sentence and the article ("Imam Sahib
district in northern Kunduz province", "Faizabad, the capital of Badakhshan"), the feature
cue (Kunduz the city vs Kunduz province), its population, and the entries chosen for the
same name earlier in the article. The highest score wins; the reason names what decided.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from frontwatch.names import plain_name
from frontwatch.places import cues
from frontwatch.places.focus import country_focus
from frontwatch.places.fold import fold_key
from frontwatch.places.gazetteer import GazetteerEntry
from frontwatch.places.mention import (PRECISION_NEAR, PRECISION_PLACE, PRECISION_REGION,
                                       PlaceMention)
from frontwatch.places.recognize import OWN_NAME_SIMILARITY, Candidate

# With no cue, what a bare name most likely means: a capital city, then a province, then
# a district seat or town; a district only when nothing else bears the name.
BARE_NAME_SCORE = {"PCLI": 3.0, "PPLC": 3.0, "PPLA": 2.5, "ADM1": 2.0, "PPLA2": 1.5,
                   "PPL": 1.0, "ADM2": 0.5}
CUE_MATCH = 6.0          # the cue word names this entry's level
CUE_MISMATCH = -6.0
SENTENCE_LEVEL = 1.5     # a bare name in a sentence about districts (provinces, cities)
POPULATION_WEIGHT = 0.5  # per power of ten
FOCUS_WEIGHT = 5.0       # times the country's share of the article's place votes
SENTENCE_HINT = 4.0      # the entry's province / district / country is named in the sentence
ARTICLE_HINT = 1.5       # ... or elsewhere in the article
CAPITAL_HINT = 2.5       # "the provincial capital" near a PPLA / PPLC
CONTAINER_HINT = 4.0     # "Tripoli in northern Lebanon": the entry lies in the country named
SAME_AS_BEFORE = 2.0     # the name resolved to this entry earlier in the article
FUZZY_PENALTY = 0.1      # per point of similarity below 100
# An entry whose own name is the mention's (not only one of its alternate names) gains this:
# "Sloviansk" is Slovyansk's name and, in the data, also an old name listed for Nikopol.
OWN_NAME = 1.0


def resolve(candidates: list[Candidate],
            extra_votes: Counter[str] | None = None) -> list[PlaceMention]:
    """One :class:`PlaceMention` per candidate, in order (``extra_votes``: see focus.py)."""
    focus = country_focus(candidates, extra_votes)
    hints = _admin_hints(candidates)
    chosen: dict[str, GazetteerEntry] = {}
    folded: dict[str, str] = {}

    def fold(name: str) -> str:
        if name not in folded:
            folded[name] = fold_key(name)
        return folded[name]

    return [_resolve_one(cand, focus, hints, chosen, fold) for cand in candidates]


def _admin_hints(candidates: list[Candidate]) -> dict[int | None, set[str]]:
    """Folded names of the mentions per sentence (None: the whole article)."""
    hints: dict[int | None, set[str]] = {None: set()}
    for cand in candidates:
        hints.setdefault(cand.sentence, set()).add(cand.key)
        hints[None].add(cand.key)
    return hints


def _resolve_one(cand: Candidate, focus: dict[str, float], hints: dict,
                 chosen: dict[str, GazetteerEntry], fold: Callable[[str], str]) -> PlaceMention:
    if not cand.entries:
        return _mention(cand, None, "recognized but not in the gazetteer: "
                        "add it with `frontwatch gazetteer load ALIASES.tsv`")
    scored = [(_score(cand, e, focus, hints, chosen, fold), e) for e in cand.entries]
    scored.sort(key=lambda pair: -pair[0][0])
    (score, why), entry = scored[0]
    if cand.similarity < 100 and cand.cue and not _level_fits(cand.cue, entry):
        return _mention(cand, None, f"only other spellings of another kind than {cand.cue} "
                        f"(best {entry.name}, {entry.country}): add it with "
                        "`frontwatch gazetteer load ALIASES.tsv`")
    chosen.setdefault(cand.key, entry)
    runner = f"; next {scored[1][1].name} ({scored[1][1].country}, {scored[1][1].level})" \
        if len(scored) > 1 else "; only entry"
    return _mention(cand, entry, f"{why}{runner}")


def _score(cand: Candidate, entry: GazetteerEntry, focus: dict[str, float], hints: dict,
           chosen: dict[str, GazetteerEntry], fold: Callable[[str], str]) -> tuple[float, str]:
    parts: list[tuple[float, str]] = []
    parts.append(_level_score(cand, entry, fold))
    parts.append((POPULATION_WEIGHT * math.log10(entry.population + 10), ""))
    if _own_name(cand, entry, fold):
        parts.append((OWN_NAME, ""))
    share = focus.get(entry.country or "", 0.0)
    if share:
        parts.append((FOCUS_WEIGHT * share, f"article focus {entry.country} ({share:.0%})"))
    parts.append(_hint_score(cand, entry, hints, fold))
    if _in_container_country(cand, entry):
        parts.append((CONTAINER_HINT, f"in {cand.container.text}, named after it"))
    if cand.capital_near and entry.feature in {"PPLA", "PPLC"}:
        parts.append((CAPITAL_HINT, "'capital' nearby"))
    if chosen.get(cand.key) is not None and chosen[cand.key].id == entry.id and cand.cue is None:
        parts.append((SAME_AS_BEFORE, "as earlier in the article"))
    if cand.similarity < 100:
        parts.append((-FUZZY_PENALTY * (100 - cand.similarity),
                      f"spelling match {cand.similarity:.0f}%"))
    total = sum(p for p, _ in parts)
    reasons = [r for p, r in sorted(parts, key=lambda pr: -abs(pr[0])) if r and p > 0]
    return total, ", ".join(reasons[:3]) or "most populous"


def _in_container_country(cand: Candidate, entry: GazetteerEntry) -> bool:
    outer = cand.container
    if outer is None or not outer.entries or outer.entries[0].level != cues.COUNTRY:
        return False
    return entry.country == outer.entries[0].country and entry.level != cues.COUNTRY


def _own_name(cand: Candidate, entry: GazetteerEntry, fold: Callable[[str], str]) -> bool:
    from rapidfuzz.fuzz import ratio

    own = fold(entry.name)
    return own == cand.key or ratio(own, cand.key) >= OWN_NAME_SIMILARITY


def _level_fits(wanted: str, entry: GazetteerEntry) -> bool:
    return entry.level == wanted


def _bare_score(cand: Candidate, entry: GazetteerEntry, fold: Callable[[str], str]) -> float:
    """A town named like the province it lies in reads as that province's main town
    (Sennar, a PPL in Sennar state, is not its seat in the data but is what "Sennar" means)."""
    feature = entry.feature or ""
    if feature == "PPL" and entry.admin1 and fold(entry.admin1) == cand.key:
        feature = "PPLA"
    return BARE_NAME_SCORE.get(feature, 0.5)


def _level_score(cand: Candidate, entry: GazetteerEntry,
                 fold: Callable[[str], str]) -> tuple[float, str]:
    wanted = cand.cue
    if cand.capital_seat:
        ok = entry.level == cues.PLACE and entry.feature in {"PPLA", "PPLC"}
        return (CUE_MATCH if ok else CUE_MISMATCH), "the capital itself (seat)" if ok else ""
    if cand.capital_of:
        ok = entry.level in {cues.ADMIN1, cues.COUNTRY}
        return (CUE_MATCH if ok else CUE_MISMATCH), "a province or country" if ok else ""
    if wanted is None:
        bare = _bare_score(cand, entry, fold)
        if entry.level in cand.sentence_levels:
            return bare + SENTENCE_LEVEL, f"the sentence speaks of {entry.level} units"
        return bare, ""
    ok = entry.level == wanted or (wanted == cues.PLACE and entry.level == cues.PLACE)
    return (CUE_MATCH if ok else CUE_MISMATCH), f"level {wanted}" if ok else ""


def _hint_score(cand: Candidate, entry: GazetteerEntry, hints: dict,
                fold: Callable[[str], str]) -> tuple[float, str]:
    own = cand.key
    units = [u for u in (entry.admin1, entry.admin2) if u]
    sentence = hints.get(cand.sentence, set()) - {own}
    article = hints[None] - {own}
    for unit in units:
        key = fold(unit)
        if key in sentence and key != own:
            return SENTENCE_HINT, f"in {unit}, named in the sentence"
    for unit in units:
        key = fold(unit)
        if key in article and key != own:
            return ARTICLE_HINT, f"in {unit}, named in the article"
    return 0.0, ""


def _precision(cand: Candidate, entry: GazetteerEntry) -> int:
    if entry.level in {cues.COUNTRY, cues.ADMIN1}:
        return PRECISION_REGION
    if entry.level == cues.ADMIN2 or cand.near:
        return PRECISION_NEAR
    return PRECISION_PLACE


def _mention(cand: Candidate, entry: GazetteerEntry | None, reason: str) -> PlaceMention:
    base = dict(text=cand.text, start=cand.start_char, end=cand.end_char,
                sentence=cand.sentence, reason=f"{cand.evidence}; {reason}")
    if entry is None:
        return PlaceMention(**base)
    admin1 = entry.name if entry.level == cues.ADMIN1 else entry.admin1
    return PlaceMention(**base, id=entry.id, name=plain_name(entry.name), level=entry.level,
                        admin1=plain_name(admin1), admin2=plain_name(entry.admin2), country=entry.country,
                        lat=entry.lat, lon=entry.lon, precision=_precision(cand, entry),
                        feature=entry.feature)
