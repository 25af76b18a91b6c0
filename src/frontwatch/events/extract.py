"""Event mentions from one article: one spaCy pass (the places pipeline), then, sentence by
sentence, triggers -> target places, actors, date, factuality, fatalities."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from frontwatch.events import dates as datelib
from frontwatch.events import places as placelib
from frontwatch.events.actors import GOVERNMENT, REBELS, ActorDictionary
from frontwatch.events.dateline import find_dateline
from frontwatch.events.discourse import restated
from frontwatch.events.context import (ArticleContext, PlaceHit, ARMED_INTER, armed_actor_counts, focus_country, repeated_names,
                                       keep_focus_places, main_rebel_of, usable_places)
from frontwatch.events.factuality import label_factuality
from frontwatch.events.fatalities import find_fatalities
from frontwatch.events.model import EventMention
from frontwatch.records import Place
from frontwatch.events.ontology import CONTROL_KINDS, types_of
from frontwatch.events.triggers import LEFT_VERBS, Trigger, find_triggers
from frontwatch.events.violence import ARMED_VICTIM_RX, CIVILIAN_RX, ViolentReading, read_sentence

# Bump when extraction changes (the rules, or the packaged mention filter is trained again):
# stored articles are then extracted again.
EXTRACTOR_VERSION = "events-5"


def extractor_version(settings) -> str:
    """The version stored with each extraction: another mention filter extracts again."""
    if settings.mention_filter == "packaged":
        return EXTRACTOR_VERSION
    return f"{EXTRACTOR_VERSION}/filter={settings.mention_filter or 'off'}"

BOUNDARY_RX = re.compile(
    r"[;:–—]|\s-\s|\b(?:but|while|whereas|after|before|until|when|although|though|because|"
    r"said|says|told|claimed|that)\b|,\s+(?:and|which|who|where|as(?! well as)|marking|bringing|leaving|giving|"
    r"according|(?!including\b)\w+ing)\b|(?<!such )(?<!well )\bas\s+(?=(?:the\s+)?(?-i:[A-Z]))", re.IGNORECASE)
# Going left, a relative pronoun does not end the clause: "Zaranj, which fell on Friday".
LEFT_BOUNDARY_RX = re.compile(
    r"[;:–—]|\s-\s|\b(?:but|while|whereas|after|before|until|when|although|though|because|"
    r"said|says|told|claimed)\b|,\s+(?:and|as(?! well as)|marking|bringing|leaving|giving|"
    r"according)\b", re.IGNORECASE)
RELATIVE_RX = re.compile(r"\b(?:which|that|whom)\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE)
STATISTIC_RX = re.compile(
    r"\b(?:\d[\d,]*|many|several|dozens|scores|hundreds|most|half|all|some|numerous|other|"
    r"more than \w+|nearly \w+|around \w+|about \w+|two|three|four|five|six|seven|eight|nine|ten|"
    r"a number)\s+(?:\w+\s+){0,3}?(?:of\s+(?:the\s+)?(?:\w+\s+){0,3})?"
    r"(?:districts|capitals|cities|towns|villages|areas|provinces|territory|crossings|"
    r"posts|checkpoints|bases|percent|%|per cent|regions|settlements|border crossings)\b"
    r"|\bthe number of\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\d+(?:st|nd|rd|th))\s+(?:\w+\s+)?(?:capital|district|city|town)\b"
    r"|\bthe (?:total|tally)\b", re.IGNORECASE)
SMALL_EXACT_RX = re.compile(r"\b(?:two|three|four|2|3|4)\s+(?:\w+\s+)?(?:districts|towns|villages|areas)\b",
                            re.IGNORECASE)
PAST_CUES = re.compile(r"\b(?:briefly|for a short time|previously|once|in the past|had held|"
                       r"short-lived)\b", re.IGNORECASE)
# "Most of Darfur is now under RSF control": a share of a region held, not a place taken.
PARTITIVE_RX = re.compile(r"\b(?:most|much|parts?|large parts|swathes|half|all|nearly all|almost all)\s+of\b",
                          re.IGNORECASE)
STILL_RX = re.compile(r"\b(?:still|remains?|remained|already|continue[sd]? to)\b", re.IGNORECASE)
SAYING_RX = re.compile(r"\b(?:said|says|claimed|claims|told|announced|acknowledged|admitted|confirmed|"
                       r"reported|insisted|stated)\b", re.IGNORECASE)
BASE_IN_TOWN_RX = re.compile(r"^[^,.;]{0,60}?\b(?:headquarters|base|barracks|garrison|command)\s+in\s+"
                             r"(?P<what>the\s+(?:town|city))\b", re.IGNORECASE)
TAKING_NOUNS = {"capture", "recapture", "seizure", "takeover", "liberation"}
POSSESSIVE_RX = re.compile(r"\b(?:its|his|their|our|her)\s+$", re.IGNORECASE)
SINCE_RX = re.compile(r"\bsince\b", re.IGNORECASE)
PRONOUN_ACTOR_RX = re.compile(r"\b(?:they|their|them|we|our|its|it|he|his|she|her)\b", re.IGNORECASE)
# "X fell on Sunday, a day after Y": Y fell too, that many days earlier.
GAP_AFTER_RX = re.compile(r"\b(?P<gap>a|one|two|three|a couple of) days? (?:after|before)\s+"
                          r"(?P<place>[A-Z][\w'’-]+(?:[- ][A-Z][\w'’-]+)*)\s*[.,;]?$")
GAP_BEFORE_TRIGGER_RX = re.compile(r"\b(?P<gap>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                                   r"twelve|a couple of|a few|several|\d{1,2}) (?P<unit>days?|weeks?|months?|"
                                   r"years?) (?P<dir>after|before)\s+"
                                   r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
GAP_DAYS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
            "several": 3}


@dataclass
class SentenceView:
    index: int
    start: int
    end: int
    text: str
    span: object
    in_title: bool


def extract_article(article, nlp, actors: ActorDictionary, doc=None,
                    mention_filter=None, country_words=None) -> list[EventMention]:
    """Every event and statistic mention of ``article`` (a records.Article); with a
    ``mention_filter`` (events.filter), the candidate events it judges unlike events are left out."""
    return [m for m, keep in extract_candidates(article, nlp, actors, doc, mention_filter,
                                                country_words=country_words) if keep]


def extract_candidates(article, nlp, actors: ActorDictionary, doc=None, mention_filter=None,
                       on_features=None, country_words=None) -> list[tuple[EventMention, bool]]:
    """Every candidate mention of ``article`` with whether the filter keeps it (all are kept
    without one); ``on_features(mention, features)`` sees what the filter reads of each.
    ``country_words``: places.focus.read_country_words(), read once by the caller."""
    from frontwatch.places import places_in
    from frontwatch.places.focus import read_country_words, word_votes

    title = (article.title or "").strip()
    text = f"{title}\n\n{article.text}" if title else article.text
    doc = doc if doc is not None else nlp(text)
    country_words = country_words if country_words is not None else read_country_words()
    demonyms = frozenset(country_words)
    title_end = len(title) + 2 if title else 0
    dateline = find_dateline(text, title_end) or (0, 0)
    # the dateline says where the reporter filed from ("BEIRUT, Nov 30 -" over Aleppo): no place of the story
    hits = [h for h in repeated_names(text, usable_places(places_in(doc), actors, text, demonyms))
            if not dateline[0] <= h.start < dateline[1]]
    country = focus_country(hits, word_votes((t.text for t in doc), country_words))
    places = keep_focus_places(hits, country, text)
    # capitals and provincial seats abroad: a drone from Yemen hits Tel Aviv, a strike on Sevastopol
    abroad = [h for h in hits if h.place.country not in (country, None) and h.level != "country"
              and h.place.feature in {"PPLC", "PPLA", "PPLA2"}]
    ctx = ArticleContext(article.id, datelib.parse_published(article.published_date), actors,
                         places, country, main_rebel_of(text, actors, country), title_end=title_end,
                         dateline=dateline, text=text, demonyms=demonyms)
    ctx.armed_counts = armed_actor_counts(text, ctx)
    ctx.gazetteer = _gazetteer_of(nlp)
    ctx.abroad = abroad
    mentions: list[EventMention] = []
    for index, sent in enumerate(segments(doc)):
        view = SentenceView(index, sent.start_char, sent.end_char, sent.text, sent,
                            sent.start_char < ctx.title_end)
        mentions += sentence_mentions(view, ctx)
    mentions = restated(_dated_by_paragraph(mentions, ctx))
    if mention_filter is None and on_features is None:
        return [(m, True) for m in mentions]
    return _judged(mentions, doc, ctx, mention_filter, on_features)


def _judged(mentions, doc, ctx, mention_filter, on_features) -> list[tuple[EventMention, bool]]:
    from collections import Counter

    from frontwatch.events.filter import mention_features, scored
    from frontwatch.events.gold import track_of

    per_sentence = Counter(m.sentence_index for m in mentions)
    out = []
    for m in mentions:
        if not scored(m):
            out.append((m, True))
            continue
        features = mention_features(m, doc, ctx.title_end, ctx.published, per_sentence[m.sentence_index],
                                    ctx.main_rebel, ctx.is_state)
        if on_features is not None:
            on_features(m, features)
        out.append((m, mention_filter is None or mention_filter.keeps(track_of(m.kind), features)))
    return out


# A control change with no day of its own takes the day of one this many sentences before it
# in the same paragraph: "The Taliban took Asadabad on Saturday. ... Gardez and Sharana also fell."
PARAGRAPH_DAY_SENTENCES = 2


def _dated_by_paragraph(mentions: list[EventMention], ctx: ArticleContext) -> list[EventMention]:
    """A news paragraph tells one day: a control change it gives no day to (publication
    basis) happened on the day an earlier change of the same paragraph is given."""
    out = []
    for m in mentions:
        if m.kind in CONTROL_KINDS and m.date_basis == "publication" and m.evidence.get("field") == "text":
            earlier = [o for o in out if o.kind in CONTROL_KINDS and o.date_precision == "day"
                       and o.date_basis in {"explicit", "relative"} and o.evidence.get("field") == "text"
                       and 0 < m.sentence_index - o.sentence_index <= PARAGRAPH_DAY_SENTENCES
                       and "\n\n" not in ctx.text[ctx.title_end + o.evidence["sentence_end"]:
                                                   ctx.title_end + m.evidence["sentence_start"]]]
            if earlier:
                o = earlier[-1]
                m = replace(m, date=o.date, date_precision=o.date_precision, date_basis=o.date_basis)
        out.append(m)
    return out


def _gazetteer_of(nlp):
    """The gazetteer the places component of ``nlp`` reads, if it has one."""
    if nlp is None or "frontwatch_places" not in getattr(nlp, "pipe_names", []):
        return None
    return getattr(nlp.get_pipe("frontwatch_places"), "gazetteer", None)


def segments(doc):
    """spaCy's sentences, cut again at line breaks: a headline, a dateline or a paragraph
    never runs into the next one."""
    for sent in doc.sents:
        start = sent.start_char
        for m in re.finditer(r"\n+", sent.text):
            piece = doc.char_span(start, sent.start_char + m.start(), alignment_mode="contract")
            if piece is not None and piece.text.strip():
                yield piece
            start = sent.start_char + m.end()
        piece = doc.char_span(start, sent.end_char, alignment_mode="contract")
        if piece is not None and piece.text.strip():
            yield piece


# Trigger kinds the violence reader handles from the sentence's parse.
VIOLENT_TRIGGER_KINDS = {"clash", "airstrike", "shelling", "bombing", "attack", "abduction"}


def sentence_mentions(view: SentenceView, ctx: ArticleContext) -> list[EventMention]:
    triggers = find_triggers(view.span)
    expressions = [e for e in datelib.find_time_expressions(view.text)
                   if not ctx.dateline[0] <= view.start + e.start < ctx.dateline[1]]
    out: list[EventMention] = []
    for i, trig in enumerate(triggers):
        if trig.kind in VIOLENT_TRIGGER_KINDS:
            continue
        prev_end, next_start = _neighbours(view, triggers, i)
        out += trigger_mentions(view, ctx, trig, prev_end, next_start, expressions, out)
    out += _elliptical(view, ctx, out)
    fat = find_fatalities(view.text, ctx.actors, ctx.country, ctx.main_rebel)
    control = [i for i, m in enumerate(out) if m.kind in CONTROL_KINDS]
    if fat.total is not None and control:   # the dead of the fighting the capture tells
        out[control[0]] = replace(out[control[0]], fatalities=fat.total, fatalities_by_side=dict(fat.by_side))
    out += _violent(view, ctx, out, fat, expressions)
    for m in out:
        if m.date and m.date_basis in {"explicit", "relative"}:
            ctx.anchor = datelib.ResolvedDate(m.date, m.date_precision, m.date_basis)
    return out


def _elliptical(view: SentenceView, ctx: ArticleContext, out: list[EventMention]) -> list[EventMention]:
    """"Kunduz fell on Sunday, a day after Sheberghan": the same event for the place after
    "after" ("before"), its day moved back (forward) by the gap."""
    m = GAP_AFTER_RX.search(view.text)
    base = [o for o in out if o.sentence_index == view.index and o.kind in CONTROL_KINDS]
    if not m or not base:
        return []
    lo = view.start + m.start("place")
    hits = [h for h in ctx.places if lo <= h.start < view.start + m.end("place") and h.level != "country"]
    if not hits:
        return []
    days = GAP_DAYS[m.group("gap").lower()] * (-1 if " after" in m.group(0) else 1)
    first = base[0]
    moved = datelib.shift(datelib.ResolvedDate(first.date, first.date_precision, first.date_basis), days)
    place = placelib.as_region(hits[0])
    return [replace(first, place=place, date=moved.date, date_precision=moved.precision,
                    date_basis=moved.basis, evidence={**first.evidence, "place_text": place.name})]


def _is_control(trig: Trigger) -> bool:
    return trig.kind in CONTROL_KINDS or trig.kind in {"lost", "held", "held-state"}


def _neighbours(view: SentenceView, triggers: list[Trigger], i: int) -> tuple[int, int]:
    """Where the previous trigger ends and the next one starts. A clash or a strike word
    does not end a control trigger's clause ("occupied in recent clashes, including X")."""
    trig = triggers[i]
    others = [t for t in triggers if t is not trig and (_is_control(t) or not _is_control(trig))]
    prev_end = max((t.end for t in others if t.end <= trig.start), default=view.start)
    next_start = min((t.start for t in others if t.start >= trig.end), default=view.end)
    return prev_end, next_start


def _clause(view: SentenceView, trig: Trigger, prev_end: int, next_start: int) -> tuple[int, int]:
    """The left and right limits of the trigger's clause (doc offsets)."""
    rel = lambda pos: pos - view.start
    left = max(prev_end, view.start)
    base = left
    for m in LEFT_BOUNDARY_RX.finditer(view.text[rel(base): rel(trig.start)]):
        left = max(left, base + m.end())
    right = next_start
    m = BOUNDARY_RX.search(view.text, rel(trig.end), rel(next_start))
    if m:
        right = view.start + m.start()
    return left, right


def trigger_mentions(view: SentenceView, ctx: ArticleContext, trig: Trigger, prev_end: int,
                     next_start: int, expressions, earlier: list[EventMention]) -> list[EventMention]:
    left, right = _clause(view, trig, prev_end, next_start)
    kind = trig.kind
    if kind not in CONTROL_KINDS and kind not in {"lost", "held", "held-state"}:
        return _other_event(view, ctx, trig, expressions, earlier)
    if kind == "held" and not (PAST_CUES.search(view.text) or _has_past_year(expressions, ctx)):
        return []
    if kind == "held" and SINCE_RX.search(view.text[trig.end - view.start: right - view.start]):
        return []   # "had held Lashio since August 2024": a state that lasted, not a taking
    if kind == "held-state" and (STILL_RX.search(view.text[:trig.start - view.start + len(trig.text)])
                                 or PARTITIVE_RX.search(view.text[:trig.start - view.start])
                                 or _plural_subject(trig)):
        return []
    target_side = "left" if trig.target == "left" else "right"
    if _is_nominal(trig):   # "the fall of Lysychansk frees troops for Kramatorsk": its noun phrase only
        right = min(right, _subtree_end(trig.head))
    lo, hi = (left, trig.start) if target_side == "left" else (trig.end, right)
    window = view.text[lo - view.start: hi - view.start]
    strong = [h for h in ctx.places if not h.weak]   # a side takes a place the text calls one
    found = placelib.window_places(view.text, view.start, lo, hi, strong, allowed=_allowed_words(view, trig))
    found += placelib.missed_names(view.text, view.start, lo, hi, trig.start, trig.end, ctx, view.span.doc)
    if target_side == "right":
        found = [(h, "target" if _right_after(view, trig, h) else rel) for h, rel in found]
    if target_side == "left":
        found = _antecedent_only(view, found, trig) + _listed_after(view, ctx, trig, right)
    if target_side == "right" and not found and RELATIVE_RX.search(view.text[left - view.start: trig.start - view.start]):
        found = placelib.window_places(view.text, view.start, left, trig.start, strong)
    found = _in_argument(found, trig)
    if not any(rel == "target" for _, rel in found):
        found = [(h, rel) for h, rel in found if rel != "soft-hint"] + \
            [(h, "target") for h in _argument_places(view, trig, strong, ctx)] + \
            [(h, rel) for h, rel in found if rel == "soft-hint"]
    targets = [placelib.capital_of(ctx, h) if _capital_after(view, h) else h
               for h in placelib.pick_targets(found)]
    statistic = bool(STATISTIC_RX.search(window)) and not SMALL_EXACT_RX.search(window)
    named = [h for h, rel in found if rel == "target"]
    if statistic and not named:
        return [_statistic(view, ctx, trig, expressions)]
    if not named and placelib.GENERIC_RX.match(window):
        targets = []   # "a key district in Kunduz province": the province is only a hint
    places = [placelib.as_region(h) for h in targets] if targets else _fallback_place(view, ctx, trig, window, lo)
    if not places:
        return []
    if kind == "entered" and (_facility_entered(view, trig) or _unarmed_subject(ctx, trig)):
        return []   # "stormed a police headquarters in Karachi", "an aid convoy entered Douma"
    actor, previous = _actors(view, ctx, trig, left, right)
    if kind == "withdrew" and trig.head.lemma_ in LEFT_VERBS and not _armed(ctx, actor):
        return []   # "civilians fled the city", "the president has left Damascus": no side withdrew
    return _control_mentions(view, ctx, trig, kind, places, actor, previous, expressions, earlier)


def _allowed_words(view, trig) -> set[str] | None:
    """Words that, right before a place, make it the target where they would block it
    elsewhere: "pulled out of" and "withdrew from", "entered the outskirts of Kabul",
    "extended control over al-Durayhimi"."""
    allowed = set()
    if trig.target in {"right-from", "right-out"}:
        allowed |= {"into", "from", "of"}
    if trig.kind == "entered":
        allowed |= {"of", "into"}
    if "control" in view.text[trig.end - view.start: trig.end - view.start + 25].lower():
        allowed |= {"over"}
    return allowed or None


def _arguments(view, trig) -> list:
    """The trigger's argument tokens in its sentence: the subject of "fell" or of a passive,
    the object of a transitive verb, the object of its "into", "of", "over", "from"."""
    head = trig.head
    deps = {"nsubj", "nsubjpass"} if trig.target == "left" else {"dobj", "attr"}
    args = [c for c in head.children if c.dep_ in deps]
    if trig.target != "left":
        args += [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"into", "of", "over", "from"}
                 for g in c.children if g.dep_ == "pobj"]
    return [a for a in args if view.start <= a.idx < view.end]


def _argument_places(view, trig, hits, ctx) -> list[PlaceHit]:
    """The places the parse gives the trigger as its argument when the window found none
    ("Maimana, the centre of Faryab, which the Taliban had besieged for weeks, fell";
    "Robotyne, in the Zaporizhzhia region, has been liberated"), a name the gazetteer lacks
    included."""
    out = []
    for a in _arguments(view, trig):
        names = [a] + [c for c in a.children if c.dep_ in {"compound", "flat"}]
        found = [h for h in hits if any(h.start <= t.idx < h.end for t in names) and h.level != "country"]
        if not found and a.pos_ == "PROPN" and not a.ent_type_ in placelib.NOT_PLACE_LABELS:
            name = a.doc[min(t.i for t in names): max(t.i for t in names) + 1].text
            if not ctx.actors.lookup(name) and not placelib.not_a_place(name, ctx.demonyms) \
                    and not (ctx.gazetteer is not None and ctx.gazetteer.lookup(name)):
                found = [PlaceHit(a.doc[min(t.i for t in names)].idx, a.idx + len(a.text), name,
                                  Place(name=name, level="populated place", country=ctx.country), "parse")]
        out += found
    return out


def _in_argument(found, trig) -> list:
    """Places inside an apposition that describes the target are no targets: "took Ghazni,
    a strategic city on the highway between Kabul and Kandahar"; when the parse gives the
    trigger a subject with no place in it ("a border official in Kunduz confirms the
    crossing fell"), the places outside that subject are no targets either."""
    out = []
    for h, rel in found:
        token = _token_at(trig.head.doc, h.start)
        if token is not None and any(a.dep_ == "appos" and a.pos_ == "NOUN" for a in token.ancestors
                                     if a.i != token.i and _is_between(a, trig.head)):
            continue   # under "a strategic city on ...", not under a list of names
        out.append((h, rel))
    subjects = [c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"] \
        if trig.target == "left" else []
    if subjects:   # "the crossing fell": a common noun, not a relative pronoun or a name
        lo, hi = _span_of(subjects[0])
        if not any(lo <= h.start < hi for h, _ in out):
            return [(h, rel) for h, rel in out if rel == "target" and not h.start < lo]
    return out


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_between(token, head) -> bool:
    """Whether ``token`` hangs below ``head`` (an apposition of its argument, not of another clause)."""
    return any(a.i == head.i for a in token.ancestors)


def _span_of(token) -> tuple[int, int]:
    words = list(token.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


# Nouns that stand for one named place: "Zaranj, the capital of Nimroz, which fell".
PLACE_NOUNS = {"capital", "city", "town", "district", "province", "village", "port", "crossing",
               "hub", "seat", "centre", "center", "stronghold"}


def _plural_subject(trig: Trigger) -> bool:
    """"The province's districts were almost all in Taliban hands": a tally, not a place."""
    subjects = [c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and subjects[0].tag_ == "NNS"


def _capital_after(view: SentenceView, hit: PlaceHit) -> bool:
    """"the siege of Helmand capital": the province's seat, not the province."""
    after = view.text[hit.end - view.start: hit.end - view.start + 25]
    return hit.level == "admin1" and bool(re.match(r"(?:\s+province)?(?:['’]s)?\s+(?:provincial\s+)?capital\b", after))


def _antecedent_only(view, found, trig) -> list:
    """In a relative clause the target is the noun the pronoun stands for: "the districts
    that have been lost" names no place, whatever place comes before it."""
    head = trig.head
    while head.dep_ in {"conj", "xcomp"} and head.head.i != head.i:
        head = head.head
    if head.dep_ != "relcl":
        return found
    noun = head.head
    if noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or noun.lemma_.lower() not in PLACE_NOUNS):
        return []
    return found


def _right_after(view, trig, hit) -> bool:
    """The place is the trigger's own object: "took over Deir ez-Zor", "laid siege to El
    Fasher" (the trigger's preposition is no blocking word)."""
    between = view.text[trig.end - view.start: hit.start - view.start].lower().split()
    return all(w in placelib.FILLERS for w in between)


def _is_nominal(trig: Trigger) -> bool:
    return trig.head.pos_ == "NOUN" and trig.text.lower().endswith((" of", " to"))


def _subtree_end(token) -> int:
    last = max(token.subtree, key=lambda t: t.i)
    return last.idx + len(last.text)


def _listed_after(view, ctx, trig, right) -> list[tuple[PlaceHit, str]]:
    """"..., including Kunduz", "Kunduz among them", "along with Farah": places named after
    an intransitive or passive trigger."""
    tail = view.text[trig.end - view.start: right - view.start]
    m = re.search(r"\b(?:including|along with|as well as|notably)\b", tail)
    if not m:
        rest = view.text[trig.end - view.start:]
        m2 = re.search(r",\s+([A-Z][\w'-]+(?:[- ][A-Z]?[\w'-]+)*)\s+among them", rest)
        if not m2:
            return []
        lo = trig.end + m2.start(1)
        return [(h, "target") for h in ctx.places if lo <= h.start < trig.end + m2.end(1)]
    lo = trig.end + m.end()
    return [(h, "target") for h in ctx.places if lo <= h.start < right and h.level != "country"]


def _fallback_place(view, ctx, trig, window: str, lo: int) -> list[Place]:
    if trig.target in {"right-from", "right-out"}:
        window = re.sub(r"^\W*(?:from|out\s+of)\s+", " ", window, flags=re.IGNORECASE)
    generic = placelib.GENERIC_RX.match(window)
    if generic:
        region = generic.group("region")
        hit = placelib.lookahead(ctx, trig.end, region)
        return [placelib.as_region(hit)] if hit else []
    if view.in_title and placelib.DESCRIPTOR_RX.match(window):
        hit = placelib.first_town(ctx)   # "Taliban besiege key Afghan city": the lead names it
        return [hit.place] if hit else []
    # "the army's division headquarters in the town" is read as "... in Singa" would be
    pron = placelib.PRONOUN_RX.match(window) or BASE_IN_TOWN_RX.search(window)
    if not pron and placelib.FACILITY_RX.match(window):
        return []   # "seized the police headquarters": a building taken is not the town taken
    if trig.target == "left" and not pron:
        pron = re.search(r"\b(?:it|the (?:city|town|district|provincial capital))\s*(?:\w+\s+){0,3}$", window)
    if not pron:
        return []
    what = (pron.groupdict().get("what") or pron.group(0)).lower() if pron.groupdict() else pron.group(0).lower()
    if view.in_title and re.search(r"city|town", view.text, re.IGNORECASE):
        hit = placelib.first_town(ctx)
        return [hit.place] if hit else []
    if "provincial capital" in what:
        province = placelib.focus_place(ctx, trig.start, province=True)
        near = placelib.focus_place(ctx, trig.start, sentence_start=view.start, sentence_text=view.text)
        if near and near.place.feature == "PPLA" and near.start >= view.start:
            return [near.place]
        return [placelib.capital_of(ctx, province).place] if province else []
    hit = placelib.focus_place(ctx, trig.start, province="province" in what,
                               sentence_start=view.start, sentence_text=view.text)
    return [placelib.as_region(hit)] if hit else []


def _actors(view, ctx, trig, left, right) -> tuple[str | None, str | None]:
    """(the side that acts, the side it acts against, as written near the trigger)."""
    left_text = view.text[left - view.start: trig.start - view.start]
    right_text = view.text[trig.end - view.start: right - view.start]
    actor = None
    if trig.actor_side == "phrase" and trig.actor_text:
        # "under government control": the side named by its adjective
        found = ctx.actors.lookup(trig.actor_text) or ctx.actors.lookup(f"{trig.actor_text} forces")
        actor = ctx.resolve(found) if found else None
    elif trig.actor_side == "left":
        found = ctx.actors.find(left_text)
        if len(found) > 1 and found[-1][2].name in {GOVERNMENT, REBELS} and \
                not left_text[found[-2][1]: found[-1][0]].strip(" ()"):
            found = found[:-1]   # "Hayat Tahrir al-Sham (HTS) fighters": the group, not "fighters"
        if found and not _possessed(left_text, found[-1]):
            actor = ctx.resolve(_lead_actor(found)[2])
        elif found or PRONOUN_ACTOR_RX.search(left_text):
            actor = _pronoun_actor(view, ctx, left + found[-1][0] if found else trig.start)
        else:   # "Ethnic Armenian authorities ... had lost control of Shusha"
            actor = next((_demonym_side(ctx, c) for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                          and _demonym_side(ctx, c)), None)
    else:
        prep = r"\bby\b" if trig.actor_side == "right-by" else r"\b(?:to|into|under|of)\b"
        m = re.search(prep + r"(.{0,60})", right_text)
        found = ctx.actors.find(m.group(1)) if m else []
        if not found and trig.actor_side == "right-by":
            found = ctx.actors.find(left_text)[-1:]
        actor = ctx.resolve(found[0][2]) if found else None
        if actor is None and _is_nominal(trig) and trig.head.lemma_.lower() in TAKING_NOUNS:
            # "the capture of Lyman": by the side last named ("the fall of" says only who lost it)
            actor = ctx.last_actor
    previous = None
    m = re.search(r"\bfrom\s+(.{0,50})", right_text)
    if m:   # "from the Islamic State", not "to spare civilians"
        found = [f for f in ctx.actors.find(m.group(1)) if f[2].inter in ARMED_INTER + (8,)]
        previous = ctx.resolve(found[0][2]) if found else None
    if actor:
        ctx.last_actor = actor
    return actor, previous


# What a side storms or enters that is a building, not the town: the event is an attack there.
FACILITY_NOUNS = {"headquarters", "compound", "garrison", "base", "barracks", "hotel", "hospital", "prison",
                  "jail", "office", "building", "school", "mosque", "church", "embassy", "palace", "post",
                  "checkpoint", "airport", "station", "camp", "complex", "facility", "ministry", "bank",
                  "market", "parliament", "house", "residence", "centre", "center", "plant", "refinery"}
# Subjects that move without being a side: "a convoy entered", "drones slam into".
UNARMED_MOVERS = {"convoy", "truck", "aid", "drone", "missile", "rocket", "shell", "delegation", "team",
                  "journalist", "reporter", "civilian", "resident", "refugee", "family", "bus", "ambulance",
                  "inspector", "monitor", "observer", "mission"}


def _facility_entered(view, trig) -> bool:
    """The side entered a building: the trigger's object is a facility noun."""
    return any(a.lemma_.lower() in FACILITY_NOUNS and a.pos_ == "NOUN" for a in _arguments(view, trig))


def _unarmed_subject(ctx, trig) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in UNARMED_MOVERS and not ctx.actors.lookup(c.text)
               for c in trig.head.children)


def _armed(ctx, actor: str | None) -> bool:
    """Whether a canonical side is an armed one (not civilians, protesters, a person)."""
    if not actor:
        return False
    return any(a.name == actor and a.inter in ARMED_INTER + (8,) for a in ctx.actors.aliases.values()) \
        or ctx.is_state(actor) or actor == ctx.main_rebel


def _possessed(text: str, found) -> bool:
    """"its troops", "his forces": a generic word owned by a pronoun names no side itself."""
    start, _, alias = found
    return alias.name in {GOVERNMENT, REBELS} and bool(POSSESSIVE_RX.search(text[:start]))


def _pronoun_actor(view, ctx, upto: int) -> str | None:
    """The side a pronoun at ``upto`` stands for: the sayer whose clause holds it ("Russia's
    ministry said that its troops had ..."), else the last armed side its sentence names
    before it, else the last side named."""
    before = view.text[: upto - view.start]
    earlier = ctx.actors.find(before)
    if earlier and earlier[0][2].inter in ARMED_INTER + (8,) and SAYING_RX.search(before[earlier[0][1]:]):
        return ctx.resolve(earlier[0][2])
    armed = [a for a in earlier if a[2].inter in ARMED_INTER + (8,)]
    if armed:   # "the Taliban have not taken a capital, although their fighters stormed into ..."
        return ctx.resolve(armed[-1][2])
    return ctx.last_actor


def _lead_actor(found: list) -> tuple:
    """The side a coordinated subject fights for: "Army and militias", "troops and
    pro-government militias", "the Malian army and Wagner fighters" are the state's forces
    with their auxiliaries."""
    last = found[-1]
    named_rebel = any(f[2].inter == 2 and f[2].name != REBELS for f in found)
    if last[2].inter in (3, 4, 8) or (last[2].name == REBELS and not named_rebel):
        states = [f for f in found if f[2].inter == 1]   # "Congolese troops and allied militia fighters"
        if states:
            return states[-1]
    return last


def _control_mentions(view, ctx, trig, kind, places, actor, previous, expressions, earlier):
    if kind in {"held", "held-state"}:
        kind = "captured"
    if kind == "lost":
        kind, actor, previous = ("captured", ctx.opponent(actor), actor) if actor and trig.target != "left" \
            else ("captured", None, None)
    if kind in {"withdrew", "surrendered"}:
        previous = previous or actor
        to = re.search(r"\bto\s+(.{0,50})", view.text[trig.end - view.start:])
        given = ctx.actors.find(to.group(1)) if to and kind == "surrendered" else []
        new = ctx.resolve(given[0][2]) if given else _moved_in(view, ctx, trig, previous) or ctx.opponent(previous)
        if kind == "surrendered" and previous and not ctx.is_state(previous) and ctx.is_state(new) is False:
            previous = ctx.opponent(new)
    elif kind == "recaptured":
        new = actor or ctx.opponent(ctx.main_rebel or "x-rebel")
        previous = previous or (ctx.opponent(new) if new else None)
        if not ctx.is_state(new):   # "its units had recaptured Kupiansk" (Russia), "drove IS out of Manbij"
            kind = "captured"
    else:
        new = actor or ctx.main_rebel or ctx.opponent(None if False else "x")
        if actor is None:   # "take over Deir ez-Zor from Kurdish fighters": the other side of the one named
            new = ctx.opponent(previous) if previous else ctx.main_rebel or ctx.opponent(ctx.opponent(None))
        if kind == "captured" and ctx.is_state(new):
            kind = "recaptured"
    resolved = _dates_for(view, ctx, trig, expressions, earlier)
    mentions = []
    for place in places:
        for date in resolved:
            fact = _factuality(view, ctx, trig, date)
            event_type, sub_type = types_of(kind, 1 if ctx.is_state(new) else 2)
            mentions.append(EventMention(
                article_id=ctx.article_id, sentence_index=view.index,
                start=trig.start - _field_offset(ctx, view), end=trig.end - _field_offset(ctx, view),
                kind=kind, factuality=fact.label, event_type=event_type, sub_event_type=sub_type,
                actor1=new if kind not in {"withdrew", "surrendered"} else previous,
                actor2=previous if kind not in {"withdrew", "surrendered"} else new,
                new_controller=new, previous_controller=previous, place=place,
                date=date.date, date_precision=date.precision, date_basis=date.basis,
                attributed_to=fact.attributed_to, sentence=view.text,
                evidence=_evidence(view, ctx, trig, place)))
    return mentions


def _moved_in(view, ctx, trig, leaving: str | None) -> str | None:
    """The other armed side the sentence names after a withdrawal ("troops pulled out of
    Deir ez-Zor, and the SDF moved in"): the one that holds the place now, rather than the
    side the article names most."""
    if leaving is None:
        return None
    after = view.text[trig.end - view.start:]
    for _start, _end, actor in ctx.actors.find(after):
        if actor.inter in ARMED_INTER:
            side = ctx.resolve(actor)
            if side and side != leaving:
                return side
    return None


def _field_offset(ctx, view) -> int:
    return 0 if view.in_title else ctx.title_end


def _evidence(view, ctx, trig, place) -> dict:
    off = _field_offset(ctx, view)
    return {"field": "title" if view.in_title else "text", "trigger": trig.text,
            "start": trig.start - off, "end": trig.end - off, "place_text": place.name,
            "sentence_start": view.start - off, "sentence_end": view.end - off}


def _dates_for(view, ctx, trig, expressions, earlier) -> list[datelib.ResolvedDate]:
    """The trigger's time expression(s), resolved: nearest in its clause, the saying
    verb's when it has none, the previous mention's in a coordinated clause."""
    gap = GAP_BEFORE_TRIGGER_RX.search(view.text[: trig.start - view.start])
    if gap:   # "Kandahar fell on Friday, a day after they captured Herat"; "eight months after"
        word = gap.group("gap").lower()
        n = GAP_DAYS.get(word) or int(word)
        n *= -1 if gap.group("dir").lower() == "after" else 1
        return [datelib.shift_by(d, n, gap.group("unit").lower().rstrip("s"))
                for d in _dates_for_main(view, ctx, trig, expressions, earlier)]
    if not expressions:
        return [_inherited(view, ctx, earlier)]
    head = trig.head
    subtree = list(head.subtree)
    lo, hi = subtree[0].idx - view.start, subtree[-1].idx + len(subtree[-1].text) - view.start
    inside = [e for e in expressions if lo <= e.start and e.end <= hi]
    if not inside and head.dep_ == "relcl":
        noun = head.head   # "in December 2014, when TTP gunmen killed ...": the noun is the day
        on_time = [e for e in expressions if e.start <= noun.idx - view.start < e.end]
        if on_time:
            return [datelib.resolve(on_time[0], ctx.published, False, ctx.anchor)]
        # "fighters who have besieged Lashkargah for a week pushed in on Sunday": Sunday is
        # the main clause's day; the relative clause tells a state that still holds.
        return [_inherited(view, ctx, [])]
    if _ongoing(view, trig):
        return [_inherited(view, ctx, [])]
    inside = _without_saying_day(view, trig, inside)
    pool = inside or [e for e in expressions if not _in_other_clause(e, view, trig)]
    if not pool:
        return [_inherited(view, ctx, earlier)]
    pos = trig.start - view.start
    chosen = min(pool, key=lambda e: (e.kind in {"weekday"} and _explicit_next_to(e, pool), abs(e.start - pos)))
    future = bool(re.search(r"\b(?:will|shall|is due|are due|expected)\b", view.text))
    if chosen.kind == "and_year":
        years = [e for e in expressions if e.kind in {"year"} and e.end <= chosen.start]
        chosen = years[-1] if years else chosen
    if chosen.kind in {"day_month", "month_day"}:
        years = [e.year for e in expressions if e.kind in {"day_month_year", "month_day_year"} and e.start < chosen.start]
        if years:   # "On 28 September 2015 ... retook it on 1 October": the sentence's year
            chosen = replace(chosen, kind="day_month_year", year=years[-1])
    same = [m for m in earlier if m.sentence_index == view.index and m.date]
    anchor = datelib.ResolvedDate(same[-1].date, same[-1].date_precision, same[-1].date_basis) \
        if same else ctx.anchor   # "fell on Monday, and was retaken the same afternoon"
    dates = [datelib.resolve(chosen, ctx.published, future, anchor)]
    following = [e for e in expressions if e.start >= chosen.end and (e.kind == "and_year" or (
        e.kind == "year" and chosen.kind == "year" and re.fullmatch(
            r"\s*,?\s*and\s+(?:again\s+|once more\s+|later\s+)?", view.text[chosen.end:e.start])))]
    for extra in following:
        dates.append(datelib.resolve(extra, ctx.published, future, ctx.anchor))
    return dates


def _without_saying_day(view, trig, inside: list) -> list:
    """"Tigrayan forces said on Monday they had seized Kombolcha on Sunday": the day right
    after the saying verb is when it was said (the parser hangs it on either verb); the
    deed's own day is the one after the trigger's subject."""
    subjects = [c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(inside) < 2 or not subjects:
        return inside
    subject_at = subjects[0].idx - view.start
    said = [e for e in inside if e.end <= subject_at and SAYING_RX.search(view.text[max(0, e.start - 25): e.start])]
    rest = [e for e in inside if e not in said]
    return rest or inside


def _ongoing(view, trig) -> bool:
    """"who have besieged Lashkargah for more than a week": a state that still holds on the
    day of the report, whatever day the rest of the sentence gives."""
    after = view.text[trig.end - view.start: trig.end - view.start + 60]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBP", "VBZ"} for c in trig.head.children)
    return perfect and bool(re.match(
        r"\s+(?:[\w'’-]+\s+){0,3}?for\s+(?:more than\s+|over\s+|nearly\s+|about\s+|almost\s+)?"
        r"(?:a|an|\w+)\s+(?:days?|weeks?|months?|years?)\b", after))


def _dates_for_main(view, ctx, trig, expressions, earlier) -> list[datelib.ResolvedDate]:
    """The date of the clause a "a day after ..." clause hangs on."""
    pos = trig.start - view.start
    before = [e for e in expressions if e.end <= pos]
    chosen = before[-1] if before else None
    return [datelib.resolve(chosen, ctx.published, False, ctx.anchor)] if chosen else [_inherited(view, ctx, earlier)]


def _explicit_next_to(expr, pool) -> bool:
    return any(e is not expr and e.kind not in {"weekday"} and abs(e.start - expr.end) <= 4 for e in pool)


def _in_other_clause(expr, view, trig) -> bool:
    return False


def _inherited(view, ctx, earlier) -> datelib.ResolvedDate:
    same = [m for m in earlier if m.sentence_index == view.index and m.date]
    if same:
        m = same[-1]
        return datelib.ResolvedDate(m.date, m.date_precision, m.date_basis)
    return datelib.resolve(None, ctx.published)


def _has_past_year(expressions, ctx) -> bool:
    years = [e.year for e in expressions if e.year]
    if not years:
        return False
    return ctx.published is None or min(years) < ctx.published.year


def _factuality(view, ctx, trig, date):
    background = date.basis in {"explicit", "relative"} and datelib.is_background(date.date, ctx.published, date.basis)
    return label_factuality(view.text, trig.head, list(view.span), background)


def _statistic(view, ctx, trig, expressions) -> EventMention:
    fact = _factuality(view, ctx, trig, datelib.resolve(None, ctx.published))
    date = datelib.resolve(None, ctx.published)
    label = fact.label if fact.label in {"negated", "future", "hypothetical"} else "attributed" \
        if fact.attributed_to else fact.label
    off = _field_offset(ctx, view)
    return EventMention(
        article_id=ctx.article_id, sentence_index=view.index, start=trig.start - off,
        end=trig.end - off, kind="statistic", factuality=label, actor1=ctx.main_rebel,
        date=date.date, date_precision=date.precision, date_basis=date.basis,
        attributed_to=fact.attributed_to, sentence=view.text,
        evidence={"field": "title" if view.in_title else "text", "trigger": trig.text,
                  "start": trig.start - off, "end": trig.end - off})


def _other_event(view, ctx, trig, expressions, earlier) -> list[EventMention]:
    hits = [h for h in ctx.places if view.start <= h.start < view.end and h.level != "country"]
    place = placelib.as_region(hits[0]) if hits else None
    left_actors = ctx.actors.find(view.text[: trig.start - view.start])
    right_actors = ctx.actors.find(view.text[trig.end - view.start:])
    actor1 = ctx.resolve(left_actors[-1][2]) if left_actors else None
    actor2 = ctx.resolve(right_actors[0][2]) if right_actors else None
    date = _dates_for(view, ctx, trig, expressions, earlier)[0]
    fact = _factuality(view, ctx, trig, date)
    event_type, sub_type = types_of(trig.kind)
    off = _field_offset(ctx, view)
    return [EventMention(
        article_id=ctx.article_id, sentence_index=view.index, start=trig.start - off,
        end=trig.end - off, kind=trig.kind, factuality=fact.label, event_type=event_type,
        sub_event_type=sub_type, actor1=actor1, actor2=actor2 if actor2 != actor1 else None,
        place=place, date=date.date, date_precision=date.precision, date_basis=date.basis,
        attributed_to=fact.attributed_to, sentence=view.text,
        evidence={"field": "title" if view.in_title else "text", "trigger": trig.text,
                  "start": trig.start - off, "end": trig.end - off})]


def _violent(view, ctx, out, fat, expressions) -> list[EventMention]:
    """The violent event the sentence tells, one mention per place it happens at; no clash
    when a control change in the same sentence already tells that fighting (strikes,
    bombings and killings of civilians are events of their own)."""
    reading = read_sentence(view.span, view.in_title)
    if reading is None:
        return []
    places = _violent_places(view, ctx, reading)
    taken = {m.place.name for m in out if m.kind in CONTROL_KINDS and m.place}
    if reading.kind == "clash" and taken and (not places or all(p.name in taken for p in places)):
        return []
    head = reading.head
    trig = Trigger(head.idx, head.idx + len(head.text), reading.kind, "around", "left", head, head.text)
    date = _dates_for(view, ctx, trig, expressions, out)[0]
    fact = _factuality(view, ctx, trig, date)
    kind = "statistic" if reading.aggregate else reading.kind
    event_type, sub_type = types_of(kind)
    actor1, actor2 = _violent_actors(view, ctx, reading)
    off = _field_offset(ctx, view)
    tolls = _tolls_by_place(view, fat, places)
    return [EventMention(
        article_id=ctx.article_id, sentence_index=view.index, start=trig.start - off, end=trig.end - off,
        kind=kind, factuality=fact.label, event_type=event_type, sub_event_type=sub_type,
        actor1=actor1, actor2=actor2, place=place, date=date.date, date_precision=date.precision,
        date_basis=date.basis, attributed_to=fact.attributed_to, fatalities=toll,
        fatalities_by_side=dict(fat.by_side) if toll == fat.total else {}, sentence=view.text,
        evidence={"field": "title" if view.in_title else "text", "trigger": trig.text,
                  "start": trig.start - off, "end": trig.end - off,
                  **({"place_text": place.name} if place else {})})
        for place, toll in tolls]


def _violent_places(view, ctx, reading: ViolentReading) -> list[Place]:
    """Where the act happened: the most specific place in the lead word's clause (else in
    the sentence), several only when listed together; a neighbourhood or village the
    gazetteer lacks takes its position from the town it is "of" or "in"."""
    hits = [h for h in sorted(ctx.places + ctx.abroad, key=lambda h: h.start)
            if view.start <= h.start < view.end and h.level != "country"
            and not ORIGIN_RX.search(view.text[max(0, h.start - view.start - 30): h.start - view.start])
            and not _modifier_place(view, h)]
    hits = _with_unit_names(view, ctx, hits)
    clause = _clause_span(reading.head)
    inside = [h for h in hits if clause[0] <= h.start < clause[1]] or hits
    if not inside or all(h.level == "admin1" for h in inside):
        inside = _locative_names(view, ctx, clause) + inside
    if not inside:
        hit = _pronoun_place(view, ctx)
        return [placelib.as_region(hit)] if hit else []
    kept = placelib.pick_targets([(h, "target") for h in inside])
    best = min(kept, key=lambda h: (SPECIFICITY.get(h.level, 2) - (h.place.id is None), h.start))
    return [_located(view, h, hits) for h in _list_of(view, kept, best)]


# The nouns of a part of a town or a site that the name before them names: "the Barzeh
# district", "Kabul's Dasht-e-Barchi area", "the Abu Shouk displacement camp".
UNIT_HEADS = {"area", "district", "neighbourhood", "neighborhood", "quarter", "suburb", "locality", "camp",
              "village"}
# Small words inside a name ("Tal as Sultan", "Sayed ul-Shuhada", "Deir ez-Zor").
NAME_PARTICLES = {"as", "al", "el", "ad", "ar", "az", "ash", "at", "e", "i", "ul", "ez", "es", "de", "bin", "ibn", "abu"}


def _with_unit_names(view, ctx, hits: list[PlaceHit]) -> list[PlaceHit]:
    """``hits`` with the names that a unit noun heads in the parse ("the Barzeh district"):
    a name the recognizer read only in part ("Barchi" of "Dasht-e-Barchi") gives way to the
    whole; one it missed is added. They lie inside the towns the text puts them in, so they
    are where an act happened, more precisely than the town."""
    found = [u for u in (_unit_name(view, ctx, t) for t in view.span if t.lemma_.lower() in UNIT_HEADS) if u]
    if not found:
        return hits
    kept = [h for h in hits if not any(u.start <= h.start and h.end <= u.end for u in found)]
    return sorted(kept + found, key=lambda h: h.start)


def _unit_name(view, ctx, head) -> PlaceHit | None:
    """The name right before a unit noun, over its capitalized words and the particles and
    hyphens between them, skipping the lowercase words that describe the unit
    ("displacement", "refugee")."""
    doc, i = view.span.doc, head.i - 1
    while i >= view.span.start and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"} and \
            doc[i].text not in NAME_PARTICLES:
        i -= 1
    end = i
    while i >= view.span.start and (doc[i].text[:1].isupper() or doc[i].text == "-" or
                                    (doc[i].text.lower() in NAME_PARTICLES and i < end)):
        i -= 1
    first = i + 1
    while first <= end and (doc[first].text == "-" or doc[first].text.lower() in NAME_PARTICLES
                            and not doc[first].text[:1].isupper()):
        first += 1
    if first > end or doc[first].i == view.span.start or not doc[end].text[:1].isupper():
        return None
    span = doc[first:end + 1]
    name = span.text
    if ctx.actors.lookup(name) or name.lower() in placelib.NOT_NAMES or \
            placelib.not_a_place(name, ctx.demonyms) or any(t.ent_type_ in LOCATIVE_NOT_PLACE - {"ORG"} for t in span):
        return None
    known = next((h for h in ctx.places if h.start == span.start_char and h.end == span.end_char), None)
    return known or PlaceHit(span.start_char, span.end_char, name,
                             Place(name=name, level="populated place", country=ctx.country), "cue")


# With only "in" or "near" before it, a name the model reads as an organisation, an event
# or a work is too weak a place (people are kept: villages are often read as persons).
LOCATIVE_NOT_PLACE = placelib.NOT_PLACE_LABELS | {"ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}


def _locative_names(view, ctx, clause) -> list[PlaceHit]:
    """Names after "in", "near", "at" in the act's clause that no gazetteer or model read:
    the villages and districts of most strike reports. Never a side, a person or group the
    parse names, a people, or a place the gazetteer knows in another country."""
    out = []
    for m in LOCATIVE_NAME_RX.finditer(view.text, max(0, clause[0] - view.start), clause[1] - view.start):
        start, end, name = view.start + m.start("name"), view.start + m.end("name"), m.group("name")
        if any(h.start < end and start < h.end for h in ctx.places) or ctx.actors.lookup(name) or \
                name.lower() in placelib.NOT_NAMES or placelib.not_a_place(name, ctx.demonyms) or \
                placelib.known_abroad(ctx, name):
            continue
        span = view.span.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.ent_type_ in LOCATIVE_NOT_PLACE for t in span):
            continue
        out.append(PlaceHit(start, end, name, Place(name=name, level="populated place", country=ctx.country), "parse"))
    return out


def _list_of(view, hits, member) -> list:
    """The places listed together with ``member`` ("in Lashio, Hsenwi, Kutkai and Muse"),
    in their order; ``member`` alone when it stands in no list."""
    groups = [[hits[0]]]
    for prev, h in zip(hits, hits[1:]):
        if LIST_JOIN_RX.fullmatch(view.text[prev.end - view.start: h.start - view.start]):
            groups[-1].append(h)
        else:
            groups.append([h])
    return next(g for g in groups if member in g)


# "commandos flown in from Herat", "fired from Belgorod": where it came from, not where it hit.
ORIGIN_RX = re.compile(r"\b(?:from|via)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)
# Where an act the recognizer found no place for happened: "In Hamouriyeh, a strike ...",
# "killed 34 soldiers near Balyun", "shelling hit a residential area in Abu Salim".
LOCATIVE_NAME_RX = re.compile(r"\b(?i:in|near|at|outside|around|on the outskirts of|on the road to|towards|toward)"
                              r"\s+(?:the\s+)?(?:(?:village|town|city|area|district|neighbou?rhood|camp)\s+of\s+)?"
                              r"(?P<name>(?:(?:al|el|ad|as|ash|ar|an)-)?[A-Z][\w'’]+(?:[- ](?:(?:al|el|as|ad|ash)[- ])?[A-Z][\w'’]+){0,2})")
LIST_JOIN_RX = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# Nouns a place name may modify and still be where it happened: "Kabul's Dasht-e-Barchi area".
PLACE_HEADS = {"area", "district", "neighbourhood", "neighborhood", "city", "town", "village", "province",
               "region", "suburb", "outskirts", "centre", "center", "camp", "market", "airport", "port",
               "border", "countryside", "quarter", "streets", "street", "edge", "township", "county",
               "locality", "municipality", "settlement", "commune", "governorate", "oblast", "raion",
               "valley"}


def _modifier_place(view, hit) -> bool:
    """A place that only qualifies another noun ("the Bamako junta's army", "Kyiv officials"):
    it tells whose, not where."""
    token = _token_at(view.span.doc, hit.start)
    if token is None:
        return False
    last = view.span.doc.char_span(hit.start, hit.end, alignment_mode="expand")
    last = last[-1] if last is not None and len(last) else token
    return last.dep_ in {"compound", "poss", "amod"} and last.head.pos_ == "NOUN" and \
        last.head.lemma_.lower() not in PLACE_HEADS and \
        not (last.dep_ == "poss" and last.head.lemma_.lower() in FACILITY_NOUNS)   # "Karachi's police headquarters"


# Lower is more specific: a site or village before its district, its province.
SPECIFICITY = {"site": 0, "populated place": 1, "admin2": 2, "admin1": 3}
CONTAINER_RX = re.compile(r"^\s*(?:area|neighbou?rhood|district|quarter|suburb|village|camp)?\s*"
                          r"(?:,\s*)?(?:of|in|near|outside)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)


def _located(view, hit, hits) -> Place:
    """The hit's place; one the gazetteer lacks gets the position of the town it lies in
    ("the Sherpur area of Kabul", "Kabul's Dasht-e-Barchi"), at ACLED geo-precision 2."""
    if hit.place.id is not None:
        return placelib.as_region(hit)
    for other in hits:
        if other.place.id is None or other is hit:
            continue
        between = view.text[hit.end - view.start: other.start - view.start] if other.start >= hit.end \
            else view.text[other.end - view.start: hit.start - view.start]
        if (other.start >= hit.end and CONTAINER_RX.match(between)) or \
                (other.end <= hit.start and re.fullmatch(r"['’]s\s+", between)):
            o = other.place
            return replace(hit.place, admin1=o.admin1, admin2=o.admin2, country=o.country, lat=o.lat,
                           lon=o.lon, precision=2)
    return hit.place


def _clause_span(head) -> tuple[int, int]:
    """Doc character offsets of the clause the lead word belongs to (its governing verb's subtree)."""
    gov = head
    # a gerund that is the subject or object ("shelling hit a residential area") belongs to the verb above it
    while (gov.pos_ not in {"VERB", "AUX"} or gov.dep_ in {"nsubj", "nsubjpass", "csubj", "dobj", "pobj"}) \
            and gov.head.i != gov.i:
        gov = gov.head
    tokens = list(gov.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


PLACE_PRONOUN_RX = re.compile(r"\b(?:in|on|near|outside|around|at) the (?:city|town|village|district|capital|"
                              r"provincial capital|area)\b", re.IGNORECASE)


def _pronoun_place(view, ctx):
    """"in the city": the place the article last named (its focus)."""
    if not PLACE_PRONOUN_RX.search(view.text):
        return None
    return placelib.focus_place(ctx, view.start, sentence_start=view.start, sentence_text=view.text)


def _tolls_by_place(view, fat, places: list[Place]) -> list[tuple[Place | None, int | None]]:
    """Each place with its dead: "four in Kyiv and two in Lviv" splits the toll; otherwise
    the first place has it all."""
    if not places:
        return [(None, fat.total)]
    if len(places) == 1 or fat.total is None:
        return [(places[0], fat.total)] + [(p, None) for p in places[1:]]
    split = {}
    for (s, e), value in zip(fat.spans, fat.values):
        after = view.text[e: e + 40]
        for p in places:
            if re.match(r"\s*(?:people\s+|civilians\s+)?in\s+" + re.escape(p.name.split()[0]), after, re.IGNORECASE):
                split[p.name] = split.get(p.name, 0) + value
    if not split:
        return [(places[0], fat.total)] + [(p, None) for p in places[1:]]
    return [(p, split.get(p.name)) for p in places]


def _violent_actors(view, ctx, reading: ViolentReading) -> tuple[str | None, str | None]:
    """(who acted, on whom): the lead word's grammatical subject (or its agent after "by"),
    else the side named before an active verb; civilians when the act fell on them, else the
    passive's subject or the side named after the lead word."""
    at = reading.head.idx - view.start
    verb = reading.head if reading.head.pos_ in {"VERB", "AUX"} else reading.head.head
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    actor1 = _agent(view, ctx, reading.head)
    if actor1 is None and not passive:
        left = ctx.actors.find(view.text[:at])
        actor1 = ctx.resolve(left[-1][2]) if left and not SAYING_RX.search(view.text[left[-1][1]:at]) else None
    if reading.kind == "attack" or (reading.kind != "clash" and _civilian_victims(view.text[at:])):
        return actor1, "Civilians"
    victims = view.text[:at] if passive else view.text[at:]
    others = [a for a in ctx.actors.find(victims) if ctx.resolve(a[2]) != actor1]
    actor2 = ctx.resolve(others[-1 if passive else 0][2]) if others else None
    return actor1, actor2


def _agent(view, ctx, head) -> str | None:
    """The side that did it, from the parse: the passive's "by" phrase, the subject of the
    verb (or of the verb an event noun is the subject of: "Russian missiles hit"), a
    pronoun's side ("its forces", "they")."""
    verb = head if head.pos_ in {"VERB", "AUX"} else head.head
    by = [c for c in verb.children if c.dep_ == "agent"]
    subjects = [t for c in by for t in c.children if t.dep_ in {"pobj", "pcomp"}] or \
        [c for c in verb.children if c.dep_ == "nsubj"]
    for subject in subjects:
        words = list(subject.subtree)
        text = subject.doc[words[0].i: words[-1].i + 1].text
        found = ctx.actors.find(text)
        if found and not _possessed(text, found[-1]):
            return ctx.resolve(_lead_actor(found)[2])
        if found or PRONOUN_ACTOR_RX.search(text):
            return _pronoun_actor(view, ctx, subject.idx)
        side = _demonym_side(ctx, subject)
        if side:
            return side
    return None


def _demonym_side(ctx, noun) -> str | None:
    """"Russian shelling", "Israeli strikes": the forces the adjective names."""
    for word in (c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}):
        found = ctx.actors.lookup(f"{word.text} forces")
        if found:
            return ctx.resolve(found)
    return None


def _civilian_victims(text: str) -> bool:
    return bool(CIVILIAN_RX.search(text)) and not ARMED_VICTIM_RX.search(text)
