"""Scoring the place pipeline against a gold file of place mentions.

Gold: JSONL, one text a line: ``{"text": ..., "mentions": [{"text": "Kunduz", "occurrence":
1, "level": "populated place", "country": "AF", "admin1": "Kunduz", "lat": 36.73, "lon":
68.86}]}``. ``occurrence`` (default 1) picks which occurrence of ``text`` is meant;
``lat``/``lon`` are given for populated places and sites, ``admin1`` for admin units
(spellings that count as right separated by ``|``: "Kharkiv|Kharkivska oblast").
Names in the text that are not places (people, common words) are simply not listed.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.places.fold import fold_key
from frontwatch.places.mention import PlaceMention

NEAR_KM = 25
ACLED_KM = 161   # 100 miles, the usual geoparsing yardstick


class GoldError(FrontwatchError):
    """The gold file is malformed."""


@dataclass(frozen=True)
class GoldMention:
    line: int
    text: str
    start: int
    end: int
    level: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None


@dataclass
class PlacesScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    located: int = 0                 # matched gold with coordinates
    within_near: int = 0
    within_acled: int = 0
    units: int = 0                   # matched gold admin units
    right_unit: int = 0
    right_country: int = 0
    errors: list[dict] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0
        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
        return {"gold": self.gold, "predicted": self.predicted, "precision": precision,
                "recall": recall, "f1": f1,
                f"within_{NEAR_KM}km": ratio(self.within_near, self.located),
                f"within_{ACLED_KM}km": ratio(self.within_acled, self.located),
                "right_unit": ratio(self.right_unit, self.units),
                "right_country": ratio(self.right_country, self.matched)}


def read_gold(path: str | Path) -> list[tuple[str, list[GoldMention]]]:
    items = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            items.append((row["text"], [_gold_mention(number, row["text"], m)
                                        for m in row["mentions"]]))
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: {exc} (see docs/places.md for the format)") from exc
    return items


def _gold_mention(line: int, text: str, m: dict) -> GoldMention:
    start = -1
    for _ in range(m.get("occurrence", 1)):
        start = text.index(m["text"], start + 1)
    return GoldMention(line, m["text"], start, start + len(m["text"]), m["level"], m["country"],
                       m.get("admin1"), m.get("lat"), m.get("lon"))


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b_lon - a_lon) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def evaluate(gold_path: str | Path, find: Callable[[str], list[PlaceMention]],
             on_progress: Callable[[int, int, str], None] | None = None) -> PlacesScore:
    """Score ``find`` (text -> mentions) against the gold file."""
    items = read_gold(gold_path)
    score = PlacesScore()
    for done, (text, gold) in enumerate(items, start=1):
        _score_text(score, gold, find(text))
        if on_progress:
            on_progress(done, len(items), text[:40])
    return score


def _score_text(score: PlacesScore, gold: list[GoldMention], found: list[PlaceMention]) -> None:
    score.gold += len(gold)
    score.predicted += len(found)
    used: set[int] = set()
    for g in gold:
        match = next((i for i, m in enumerate(found)
                      if i not in used and m.start < g.end and g.start < m.end), None)
        if match is None:
            score.errors.append({"line": g.line, "text": g.text, "error": "missed"})
            continue
        used.add(match)
        score.matched += 1
        _score_resolution(score, g, found[match])
    for i, m in enumerate(found):
        if i not in used:
            score.errors.append({"line": gold[0].line if gold else None, "text": m.text,
                                 "error": "not a place in the gold", "got": m.name})


def _score_resolution(score: PlacesScore, g: GoldMention, m: PlaceMention) -> None:
    right = m.country == g.country
    score.right_country += right
    if g.lat is not None and g.lon is not None:
        score.located += 1
        distance = km(g.lat, g.lon, m.lat, m.lon) if m.lat is not None else math.inf
        score.within_near += distance <= NEAR_KM
        score.within_acled += distance <= ACLED_KM
        right = right and distance <= NEAR_KM
    if g.level in ("admin1", "admin2", "country"):
        score.units += 1
        unit_ok = (m.level == g.level and right
                   and (g.admin1 is None or fold_key(m.admin1 or "") in
                        {fold_key(name) for name in g.admin1.split("|")}))
        score.right_unit += unit_ok
        right = unit_ok
    if not right:
        score.errors.append({"line": g.line, "text": g.text, "error": "resolved wrong",
                             "got": f"{m.name} ({m.level}, {m.admin1}, {m.country})"})
