"""Which places a trigger is about: its target window, with admin hints, blocked
prepositions and pronouns ("it", "the city") set apart."""
from __future__ import annotations

import re
from dataclasses import replace

from frontwatch.events.context import ArticleContext, PlaceHit
from frontwatch.events.model import MentionPlace

FILLERS = {"the", "northern", "southern", "eastern", "western", "northeastern", "northwestern",
           "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
           "south-western", "central", "key", "strategic", "strategically", "important", "nearby",
           "neighbouring", "neighboring", "major", "main", "besieged", "embattled", "provincial",
           "regional", "remote", "restive", "volatile", "frontline", "front-line", "eastern-most",
           "a", "an", "its", "their", "strategically", "vital", "crucial", "small", "big",
           "city", "town", "village", "district", "port", "border", "crossing", "area", "areas",
           "commercial", "largest", "biggest", "second-largest", "third-largest", "itself"}
HINT_OF = {"capital", "province", "provinces", "region", "governorate", "oblast", "state",
           "capitals", "seat", "part", "north", "south", "east", "west"}
BLOCK_OF = {"outskirts", "edge", "gates", "entrance", "suburbs", "north", "south", "east", "west",
            "northeast", "northwest", "southeast", "southwest", "kilometres", "kilometers", "miles",
            "km", "road", "highway", "direction", "vicinity"}
TARGET_OF = {"control", "most", "much", "parts", "part", "city", "town", "village", "district",
             "centre", "center", "rest", "all", "capital", "heart", "streets", "areas", "whole"}
BLOCK_WORDS = {"to", "near", "outside", "around", "toward", "towards", "at", "with", "within",
               "beyond", "across", "from", "by", "via", "through", "for", "against", "on", "than",
               "between", "like", "over", "past", "behind", "after", "since", "until"}
PRONOUN_RX = re.compile(
    r"^\W*(?:(?:most|much|parts?|all|control|the rest|large parts|swathes?)\s+of\s+)?"
    r"(?P<what>it|them|itself|the\s+(?:provincial\s+|regional\s+|besieged\s+|embattled\s+|whole\s+|entire\s+)?"
    r"(?:city(?:\s+cent(?:re|er))?|town|district(?:\s+(?:centre|center|headquarters))?|"
    r"capital|village|area|province|provincial\s+capital|governor'?s\s+(?:office|compound|house)|"
    r"police\s+headquarters|headquarters|presidential\s+palace|palace|garrison|base|"
    r"government\s+buildings?|administrative\s+cent(?:re|er)|centre|center))\b", re.IGNORECASE)
FACILITY_RX = re.compile(r"\b(?:governor'?s (?:office|compound|house|residence)|police headquarters|"
                         r"district headquarters|presidential palace|city cent(?:re|er)|"
                         r"intelligence (?:headquarters|directorate)|prison|jail|government buildings?)\b",
                         re.IGNORECASE)
GENERIC_RX = re.compile(
    r"^\W*(?:control of |over )?(?:a|one)\s+(?:\w+\s+){0,2}?(?P<noun>district|area|town|city|village|"
    r"border town|border crossing|crossing)\s+(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:province\s+of\s+)?(?P<region>[A-Z][\w'-]+)", re.IGNORECASE)


def relation(ctx_text: str, hit: PlaceHit, text_after: str) -> str:
    """How a place relates to the trigger's phrase: target, hint, soft-hint or blocked."""
    if re.match(r"^(?:\s+province|\s+region)?['’]s?\b", text_after) and re.match(r"^(?:\s+province)?['’]", text_after):
        return "hint"
    words = re.findall(r"[\w'’-]+|[,()]", ctx_text.lower())
    words = [w for w in words]
    i = len(words) - 1
    while i >= 0 and (words[i] in FILLERS):
        i -= 1
    w1 = words[i] if i >= 0 else ""
    if w1 == "of":
        j = i - 1
        while j >= 0 and words[j] in FILLERS - {"city", "town", "village", "district", "area", "areas"}:
            j -= 1
        w2 = words[j] if j >= 0 else ""
        if w2 in HINT_OF:
            return "hint"
        if w2 in BLOCK_OF:
            return "blocked"
        return "target"
    if w1 == "in":
        return "soft-hint"
    if w1 == "with" and i > 0 and words[i - 1] == "along":
        return "target"
    if w1 in BLOCK_WORDS:
        return "blocked"
    if hit.level == "admin1" and re.match(r"^\s+province\b", text_after):
        return "soft-hint"
    if hit.level == "admin1":
        return "soft-hint"
    return "target"


def window_places(text: str, offset: int, lo: int, hi: int, hits: list[PlaceHit],
                  allowed: set[str] | None = None) -> list[tuple[PlaceHit, str]]:
    """Place hits inside [lo, hi) with their relation; ``text`` starts at doc offset ``offset``."""
    out = []
    for h in hits:
        if h.start >= lo and h.end <= hi and h.level != "country":
            before = text[max(0, h.start - offset - 60): h.start - offset]
            after = text[h.end - offset: h.end - offset + 20]
            rel = relation(before, h, after)
            if allowed and rel == "blocked":
                prev = re.findall(r"[\w'’-]+", before.lower())
                prev = [w for w in prev if w not in FILLERS]
                if prev and prev[-1] in allowed:
                    rel = "target"
            out.append((h, rel))
    return out


def pick_targets(found: list[tuple[PlaceHit, str]]) -> list[PlaceHit]:
    targets = [h for h, rel in found if rel == "target"]
    if targets:
        return _drop_contained(targets, [h for h, rel in found if rel in {"soft-hint", "hint"}])
    return [h for h, rel in found if rel == "soft-hint"]


def _drop_contained(targets: list[PlaceHit], hints: list[PlaceHit]) -> list[PlaceHit]:
    """An admin1 among targets that contains another target is a hint too."""
    inner_admin1 = {h.place.admin1 for h in targets if h.level != "admin1"}
    kept = [h for h in targets if not (h.level == "admin1" and h.place.name in inner_admin1)]
    return kept or targets


def focus_place(ctx: ArticleContext, before: int, province: bool = False,
                sentence_start: int = 0, sentence_text: str = "") -> PlaceHit | None:
    """The place a pronoun or "the city" points back to: the nearest place mention before
    ``before`` that is a town or district (a province when asked), not one the sentence
    puts after "from" ("commandos flown in from Herat")."""
    for h in reversed([h for h in ctx.places if h.end <= before]):
        if h.level == "country" or (h.level == "admin1") != province:
            continue
        if h.start >= sentence_start and sentence_text:
            prefix = sentence_text[max(0, h.start - sentence_start - 12): h.start - sentence_start].lower()
            if re.search(r"\bfrom\s+(?:the\s+)?$", prefix):
                continue
        return h
    return None


def capital_of(ctx: ArticleContext, admin1: PlaceHit) -> PlaceHit:
    """The seat of a province: a PPLA the article names in it, or the province's name."""
    for h in ctx.places:
        if h.place.feature == "PPLA" and h.place.admin1 == admin1.place.name:
            return h
    place = replace(admin1.place, id=None, level="populated place", feature="PPLA", precision=2)
    return PlaceHit(admin1.start, admin1.end, admin1.text, place)


def lookahead(ctx: ArticleContext, after: int, region: str) -> PlaceHit | None:
    """The named district or town in ``region`` that a later sentence gives for "a key
    district in X province"."""
    region_hits = [h for h in ctx.places if h.level == "admin1" and h.text.lower().startswith(region.lower())]
    names = {h.place.name for h in region_hits}
    for h in ctx.places:
        if h.start > after and h.level in {"admin2", "populated place", "site"} and h.place.admin1 in names:
            return h
    return region_hits[0] if region_hits else None


def first_town(ctx: ArticleContext) -> PlaceHit | None:
    for h in ctx.places:
        if h.start >= ctx.title_end and h.level in {"populated place", "admin2", "site"}:
            return h
    return None


def as_region(hit: PlaceHit) -> MentionPlace:
    return replace(hit.place, precision=3) if hit.level == "admin1" else hit.place
