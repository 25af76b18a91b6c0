"""Fatalities by side, read conservatively as ACLED does: the lowest credible figure, and
vague numbers as fixed ones ("dozens" is 12, "several" 10, "hundreds" 100)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.events.actors import ActorDictionary, resolve_actor

# ACLED's reading of vague quantities.
VAGUE = {"a dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "several": 10, "many": 10,
         "a few": 3, "a handful": 3, "hundreds": 100, "thousands": 1000, "a number": 3,
         "tens": 10}
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12})

_NUM = (r"(?P<num>\d[\d,]*|" + "|".join(sorted(list(WORDS) + list(VAGUE), key=len, reverse=True))
        + r")")
_QUAL = r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|roughly|an estimated)\s+)?"
_WHO = r"(?P<who>(?:[\w'-]+\s+){0,5}?)"
_DEAD = r"(?:killed|dead|died|slain|eliminated|brought in dead|lost their lives|were killed|perished)"
FATALITY_PATTERNS = [re.compile(rx, re.IGNORECASE) for rx in [
    # "left 80 Taliban fighters dead", "killing dozens of fighters", "killed at least 3 soldiers"
    rf"\b(?:left|leaving|killed|killing|kill|kills)\s+{_QUAL}{_NUM}(?:\s+of)?\s+{_WHO}?(?P<noun>[\w'-]+)(?:\s+dead)?",
    # "at least 20 elite Afghan special forces were killed"
    rf"\b{_QUAL}{_NUM}(?:\s+of)?\s+{_WHO}(?:(?:were|was|have been|had been|are|being)\s+)?(?:reportedly\s+)?{_DEAD}\b",
]]
WOUNDED_AFTER = re.compile(r"^\s*(?:and\s+)?(?:\w+\s+){0,2}(?:wounded|injured|hurt)", re.IGNORECASE)
PEOPLE_NOUNS = {"people", "persons", "others", "members", "men", "women", "children"}


@dataclass(frozen=True)
class Fatalities:
    total: int | None
    by_side: dict[str, int] = field(default_factory=dict)
    spans: tuple[tuple[int, int], ...] = ()


def number_value(word: str) -> int | None:
    w = word.lower().strip()
    if w in VAGUE:
        return VAGUE[w]
    if w in WORDS:
        return WORDS[w]
    digits = w.replace(",", "")
    return int(digits) if digits.isdigit() else None


def find_fatalities(sentence: str, actors: ActorDictionary, country: str | None = None,
                    main_rebel: str | None = None) -> Fatalities:
    """The killed in one sentence, by side; wounded are not fatalities."""
    by_side: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    for rx in FATALITY_PATTERNS:
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in spans):
                continue
            value = number_value(m.group("num"))
            if value is None or value > 100_000 or _is_year(m.group("num")):
                continue
            if rx is FATALITY_PATTERNS[0] and WOUNDED_AFTER.match(sentence[m.end():]) and "dead" not in m.group(0):
                continue
            side = _side(m.group(0), actors, country, main_rebel)
            by_side[side] = by_side.get(side, 0) + value
            spans.append((m.start(), m.end()))
    total = sum(by_side.values()) if by_side else None
    return Fatalities(total, by_side, tuple(spans))


def _is_year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and num.startswith(("19", "20"))


def _side(phrase: str, actors: ActorDictionary, country: str | None, main_rebel: str | None) -> str:
    if re.search(r"\bboth sides\b", phrase, re.IGNORECASE):
        return "both sides"
    found = actors.find(phrase)
    if found:
        return resolve_actor(found[0][2], country, main_rebel)
    return "unknown"
