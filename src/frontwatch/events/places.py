"""Which places a trigger is about: its target window, with admin hints, blocked
prepositions and pronouns ("it", "the city") set apart."""
from __future__ import annotations

import re
from dataclasses import replace

from frontwatch.names import plain_name
from frontwatch.events.context import ArticleContext, PlaceHit, not_a_place
from frontwatch.records import Place

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
            "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
            "south-east", "south-west", "kilometres", "kilometers", "miles",
            "km", "road", "highway", "direction", "vicinity"}
TARGET_OF = {"control", "most", "much", "parts", "part", "city", "town", "village", "district",
             "centre", "center", "rest", "all", "capital", "heart", "streets", "areas", "whole"}
BLOCK_WORDS = {"to", "near", "outside", "around", "toward", "towards", "at", "with", "within",
               "beyond", "across", "from", "by", "via", "through", "for", "against", "on", "than",
               "between", "like", "over", "past", "behind", "after", "since", "until"}
PRONOUN_RX = re.compile(
    r"^\W*(?:over\s+)?(?:(?:most|much|parts?|all|(?:full\s+|complete\s+|total\s+|effective\s+)?control|"
    r"the rest|large parts|swathes?)\s+of\s+)?"
    r"(?P<what>it|them|itself|(?:the\s+)?presidential\s+palace|(?:the|his|her|their|our|its)\s+(?:provincial\s+|regional\s+|besieged\s+|embattled\s+|whole\s+|entire\s+|home\s+)?"
    r"(?:city(?:\s+cent(?:re|er))?|town|district(?:\s+(?:centre|center|headquarters))?|"
    r"capital|village|area|province|provincial\s+capital|"
    r"presidential\s+palace|administrative\s+cent(?:re|er)|centre|center))\b", re.IGNORECASE)
FACILITY_RX = re.compile(r"^\W*(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?:governor'?s (?:office|compound|house|residence)|police headquarters|"
                         r"presidential palace|"
                         r"intelligence (?:headquarters|directorate|office)|prison|jail|government buildings?|"
                         r"(?:district|provincial|government|army|military|police) (?:compound|headquarters|"
                         r"office|base|garrison|barracks)|compound|headquarters|airport|airfield|air base|"
                         r"checkpoints?|bazaar|market)\b",
                         re.IGNORECASE)
POSSESSED_PART_RX = re.compile(r"^['’]s?\s+(?:old\s+|main\s+|historic\s+)?(?:city|town|centre|center|"
                               r"city cent(?:re|er)|old city|heart|streets|market)\b", re.IGNORECASE)
# A headline's "key Afghan city", "strategic town": the town the lead then names.
DESCRIPTOR_RX = re.compile(r"^\W*(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,2}?(?:city|town|provincial capital)\b",
                           re.IGNORECASE)
GENERIC_RX = re.compile(
    r"^\W*(?:control of |over )?(?:a|one)\s+(?:\w+\s+){0,2}?(?P<noun>district|area|town|city|village|"
    r"border town|border crossing|crossing)\s+(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:province\s+of\s+)?(?P<region>[A-Z][\w'-]+)", re.IGNORECASE)


# "Luhansk regional governor", "the Kherson city council": the place names who speaks.
OFFICIAL_AFTER_RX = re.compile(r"^(?:['’]s)?\s+(?:(?:regional|provincial|city|district|military|local|state|"
                               r"oblast|municipal|deputy|acting|former|interim|police)\s+)*(?:governor|mayor|officials?|council|administration|"
                               r"authorities|spokes(?:man|woman|person)|police chief|chief|commander|"
                               r"head|lawmakers?|MPs?|residents)\b", re.IGNORECASE)


def relation(ctx_text: str, hit: PlaceHit, text_after: str) -> str:
    """How a place relates to the trigger's phrase: target, hint, soft-hint or blocked."""
    if OFFICIAL_AFTER_RX.match(text_after):
        return "blocked"
    if re.match(r"^(?:\s+province|\s+region)?['’]s?\b", text_after) and re.match(r"^(?:\s+province)?['’]", text_after):
        # "Omdurman's old city" is Omdurman; "Kunduz's governor" only hints at it
        return "target" if POSSESSED_PART_RX.match(text_after) else "hint"
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
            after = text[h.end - offset: h.end - offset + 40]
            rel = relation(before, h, after)
            if allowed and rel == "blocked":
                prev = re.findall(r"[\w'’-]+", before.lower())
                prev = [w for w in prev if w not in FILLERS]
                if prev and prev[-1] in allowed:
                    rel = "target"
            out.append((h, rel))
    return out


def pick_targets(found: list[tuple[PlaceHit, str]]) -> list[PlaceHit]:
    """The places a trigger is about: its targets, else the places it is "in" (never one the
    gazetteer lacks: "a stronghold in the Darfur region" names no place taken)."""
    targets = [h for h, rel in found if rel == "target"]
    if targets:
        return _drop_contained(targets, [h for h, rel in found if rel in {"soft-hint", "hint"}])
    soft = [h for h, rel in found if rel == "soft-hint" and h.place.id is not None]
    return _drop_contained(soft, []) if soft else soft


def _drop_contained(targets: list[PlaceHit], hints: list[PlaceHit]) -> list[PlaceHit]:
    """An admin1 among targets that contains another target is a hint too."""
    inner_admin1 = {h.place.admin1 for h in targets if h.level != "admin1"}
    kept = [h for h in targets if not (h.level == "admin1" and h.place.name in inner_admin1)]
    return kept or targets


# Before a place the sentence only passes through or measures from: "from Herat", "toward
# Tabqa and Raqqa", "north of Aleppo", "near Kabul".
PASSED_RX = re.compile(r"\b(?:from|toward|towards|to|via|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
                       r"\s+of|(?:kilomet(?:re|er)s|km|miles)\s+(?:\w+\s+)?of)\s+(?:the\s+)?"
                       r"(?:[\w'-]+\s+(?:and|or)\s+|[\w'-]+,\s+)*$", re.IGNORECASE)


def focus_place(ctx: ArticleContext, before: int, province: bool = False,
                sentence_start: int = 0, sentence_text: str = "") -> PlaceHit | None:
    """The place a pronoun or "the city" points back to: the nearest place mention before
    ``before`` that is a town or district (a province when asked), not one the sentence
    puts after "from" or "toward" ("commandos flown in from Herat", "civilians fled toward
    Tabqa and Raqqa": places passed through, not the one the sentence is about)."""
    for h in reversed([h for h in ctx.places if h.end <= before]):
        if h.level == "country" or (h.level == "admin1") != province:
            continue
        if ctx.text and PASSED_RX.search(ctx.text[max(0, h.start - 40): h.start]):
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


def as_region(hit: PlaceHit) -> Place:
    return replace(hit.place, precision=3) if hit.level == "admin1" else hit.place


# A capitalised name of one to three words ("Saighan", "Sher Khan Bandar", "al-Latamneh").
NAME_RX = re.compile(r"(?-i:(?<![\w-])(?:(?:al|el|ad|as|ar|an|ash|at|az|ad-)-)?[A-Z][\w'’]+"
                     r"(?:[- ](?:e-|i-|al-|el-|[A-Z])[\w'’]*){0,2})")
# Words between a trigger and the name it takes: "took the towns of", "retook the key district of".
LEAD_IN_RX = re.compile(r"\s*(?:(?:full|complete|total|effective|operational)\s+)?(?:control\s+(?:of|over)\s+)?"
                        r"(?:the\s+)?(?:(?:key|strategic|nearby|northern|southern|eastern|western|"
                        r"central|small|border|frontline|front-line|main|remaining|rebel-held|"
                        r"government-held)\s+)*(?:(?:town|city|village|district|area|neighbourhood|"
                        r"neighborhood|suburb|settlement|hamlet|township|port|crossing|base)s?\s+of\s+)?",
                        re.IGNORECASE)
# Entity labels that say a name is not a place: peoples, dates and numbers. The small model
# reads unknown village names as people, organisations, even works of art ("liberated
# Klishchiivka", "the districts of Baadeen and Sakhour"), and a name right after
# "captured" or before "fell" is a place far more often than any of those.
NOT_PLACE_LABELS = {"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}
JOIN_RX = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)$")
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "the", "in", "on", "at", "after", "before", "but",
             "also", "and", "its", "their", "his", "her", "it", "they", "he", "she", "we"}
# A name the recognizer missed is looked up only this close in spelling (rapidfuzz ratio):
# "Saighan" for the gazetteer's "Sayghan" (86) but not "Sunday" for "Sunda" (91, and a
# weekday), and only in the article's own country.
FALLBACK_SIMILARITY = 85.0


def missed_names(text: str, offset: int, lo: int, hi: int, trig_start: int, trig_end: int,
                 ctx: ArticleContext, doc=None) -> list[tuple[PlaceHit, str]]:
    """Places the recognizer left out of a trigger's window: a capitalised name right next
    to the trigger ("retaken Saighan", "Taluqan ... fell", "took the towns of Rastan") or
    listed with a place ("Taluqan and Sar-i-Pul"). The gazetteer gives it within the
    article's country; a name it lacks is kept as written (a village is still a place),
    unless the parse names a people or a date."""
    known = [h for h in ctx.places if lo <= h.start < hi]
    out = []
    for m in NAME_RX.finditer(text, lo - offset, hi - offset):
        start, end = offset + m.start(), offset + m.end()
        if m.group(0).lower() in NOT_NAMES or any(h.start < end and start < h.end and not h.weak for h in ctx.places):
            continue
        if ctx.actors.lookup(m.group(0)):
            continue
        if not (_next_to_trigger(text, offset, start, end, trig_start, trig_end)
                or _listed_with(text, offset, start, end, known + [h for h, _ in out])):
            continue
        place = _looked_up(ctx, m.group(0)) if ctx.gazetteer is not None and ctx.country else None
        if place is None and not _named_otherwise(doc, start, end) and not not_a_place(m.group(0), ctx.demonyms) \
                and not known_abroad(ctx, m.group(0)):
            place = Place(name=m.group(0), level="populated place", country=ctx.country)
        if place is not None:
            out.append((PlaceHit(start, end, m.group(0), place), "target"))
    return out


# A city abroad this big is the place its name means, however spelled: "the fall of Saigon".
KNOWN_ABROAD_POPULATION = 1_000_000


def known_abroad(ctx: ArticleContext, name: str) -> bool:
    """A name the gazetteer knows, spelled as written, as a capital, a province or a large
    place of another country (or any spelling of a very large city): a place abroad the
    story compares with, not a village of its own it lacks. A village abroad that only
    folds alike ("Baadeen" and Baden) says nothing."""
    if ctx.gazetteer is None:
        return False
    for e in ctx.gazetteer.lookup(name):
        if e.country == ctx.country:
            continue
        if e.population >= KNOWN_ABROAD_POPULATION or (
                e.name.lower() == name.lower() and (e.feature in {"PPLC", "PPLA", "ADM1", "PCLI"} or e.population >= 100_000)):
            return True
    return False


def _named_otherwise(doc, start: int, end: int) -> bool:
    """The parse reads the name as a person, a group, a date..., or not as a noun."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    return any(t.ent_type_ in NOT_PLACE_LABELS for t in span) or not any(t.pos_ in {"PROPN", "NOUN"} for t in span)


def _next_to_trigger(text, offset, start, end, trig_start, trig_end) -> bool:
    between_after = text[trig_end - offset: start - offset]
    between_before = text[end - offset: trig_start - offset]
    return (start >= trig_end and bool(LEAD_IN_RX.fullmatch(between_after))) or \
        (end <= trig_start and bool(re.fullmatch(r"\s*(?:(?:also|has|have|had|was|were|been|finally|quickly)\s+)*",
                                                 between_before)))


def _listed_with(text, offset, start, end, known: list[PlaceHit]) -> bool:
    for h in known:
        if h.start >= end and JOIN_RX.match(text[end - offset: h.start - offset]):
            return True
        if h.end <= start and JOIN_RX.match(text[h.end - offset: start - offset]):
            return True
    return False


def _looked_up(ctx: ArticleContext, name: str) -> Place | None:
    entries = [e for e in ctx.gazetteer.lookup(name) if e.country == ctx.country and e.level != "country"]
    if not entries:
        entries = [e for e, score in ctx.gazetteer.fuzzy(name)
                   if score >= FALLBACK_SIMILARITY and e.country == ctx.country and e.level != "country"]
    if not entries:
        return None
    best = next((e for e in entries if e.feature in {"PPLA", "PPLC"}), entries[0])
    return Place(name=plain_name(best.name), id=best.id, level=best.level, admin1=plain_name(best.admin1),
                 admin2=plain_name(best.admin2), country=best.country, lat=best.lat, lon=best.lon,
                 precision=1 if best.level == "populated place" else 2, feature=best.feature)
