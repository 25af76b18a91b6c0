"""What one article tells about itself: its country, its main armed group, its places, and
what the sentences read so far point back to ("it", "the city", "they")."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from frontwatch.events.actors import ActorDictionary, REBELS, GOVERNMENT, is_state, resolve_actor
from frontwatch.events.dates import ResolvedDate
from frontwatch.records import Place


@dataclass
class PlaceHit:
    start: int
    end: int
    text: str
    place: Place
    # What says it is a place besides the gazetteer: "cue" (the text calls it one: "the
    # Bayaa district", "the town of Bunagana"), "ner" (the NER, after "in"), or "".
    said_by: str = ""

    @property
    def weak(self) -> bool:
        """Only the NER read it as a place and the gazetteer lacks it ("in Hamouriyeh"):
        where a strike landed, but too weak to be the place a side took."""
        return self.place.id is None and self.said_by != "cue"
    @property
    def level(self) -> str | None:
        return self.place.level


@dataclass
class ArticleContext:
    article_id: str
    published: date | None
    actors: ActorDictionary
    places: list[PlaceHit]
    country: str | None = None
    main_rebel: str | None = None
    title_end: int = 0                      # chars of the doc that belong to the headline
    dateline: tuple[int, int] = (0, 0)      # the story's dateline ("KABUL, May 12 (Agency) -")
    text: str = ""                          # the doc's text (headline and body) the offsets point into
    demonyms: frozenset[str] = frozenset()  # folded demonyms and group names (never unlisted places)
    abroad: list = field(default_factory=list)   # capitals and provincial seats of other countries
    last_actor: str | None = None
    anchor: ResolvedDate | None = None      # the last date a mention gave
    gazetteer: object | None = None         # for names the place recognizer left out
    armed_counts: Counter = field(default_factory=Counter)   # armed sides named, by canonical name
    extra: dict = field(default_factory=dict)

    def resolve(self, alias_actor) -> str:
        return resolve_actor(alias_actor, self.country, self.main_rebel)

    def is_state(self, name: str | None) -> bool:
        return is_state(name, self.actors, self.country)

    def opponent(self, name: str | None) -> str:
        if name and self.is_state(name):
            return self.main_rebel or resolve_actor(self.actors.aliases["insurgents"], self.country, None)
        government = resolve_actor(self.actors.aliases["government forces"], self.country, None)
        if name and name == government:   # Israel's army in Gaza: the other side is the armed group
            return self.main_rebel or resolve_actor(self.actors.aliases["insurgents"], self.country, None)
        if name:   # a group's opponent is the other side the article names most ("SDF" -> "SNA")
            others = [(n, c) for n, c in self.armed_counts.most_common() if n != name]
            if others and others[0][0] != government and others[0][1] >= self.armed_counts.get(government, 0):
                return others[0][0]
        return government


def place_from(mention) -> Place:
    return Place(name=mention.name or mention.text, id=mention.id, level=mention.level,
                        admin1=mention.admin1, admin2=mention.admin2, country=mention.country,
                        lat=mention.lat, lon=mention.lon, precision=mention.precision,
                        feature=mention.feature)


# Capitalised words the recognizer can take for an unlisted place that are never one.
NOT_PLACE_WORDS = {"allah", "god", "prophet", "islam", "islamic", "emirate", "caliphate", "mujahideen",
                   "army", "forces", "ministry", "president", "government", "council", "command", "brigade",
                   "battalion", "corps", "regiment", "division", "front", "movement", "group", "tuareg",
                   "pashtun", "kurdish", "arab", "druze", "alawite", "sunni", "shia", "shiite", "christian",
                   "palace", "headquarters", "prison", "hospital", "mosque"}
# What the text around an unlisted name says it is: "X district", "the town of X".
UNLISTED_LEVEL_RX = (
    (re.compile(r"^\s+(?:district|county|township|raion)\b", re.I), "admin2"),
    (re.compile(r"^\s+(?:province|oblast|governorate|state|region)\b", re.I), "admin1"),
)


def usable_places(mentions, actors: ActorDictionary, text: str = "",
                  demonyms: frozenset[str] = frozenset()) -> list[PlaceHit]:
    """Place mentions that are not actor names ("Taliban") or bare words: those resolved in
    the gazetteer, and those it lacks that the text itself calls places ("the town of
    Bunagana", "Nerkh district", "the Sherpur area", "in Hamouriyeh"): a village or a
    neighbourhood the gazetteer lacks is still where it happened. Names the recognizer cut
    in two ("Dasht" and "Barchi area") are joined again."""
    hits = []
    for m in _joined(sorted(mentions, key=lambda m: m.start), text):
        if actors.lookup(m.text) or not m.text[:1].isupper():
            continue
        said_by = "cue" if m.reason.startswith("cue:") else "ner" if m.reason.startswith("NER GPE after") else ""
        if m.id is None and (not said_by or not_a_place(m.text, demonyms)):
            continue
        place = place_from(m) if m.id is not None else _unlisted(m, text)
        hits.append(PlaceHit(m.start, m.end, m.text, place, said_by))
    return hits


# The words before a cued name that belong to it: "Dasht-e-" Barchi area, "Shahab" Khel
# area, "Tal as" Sultan area, "Kyauk Ni" Maw village (capitalised words, joined by spaces,
# hyphens or the particles of Persian and Arabic names; never a possessive "Kabul's").
NAME_HEAD_RX = re.compile(r"(?<![\w'’-])((?:[A-Z][a-z]+(?:-(?:e|i|ye|ul|al|el|ad|as|ash)-|-|\s+(?:(?:al|as|ash|ad|el|an|ibn|bin|e|i)\s+)?))+)$")
NOT_NAME_HEADS = {"In", "The", "On", "At", "A", "An", "Near", "Outside", "From", "To", "Of", "And", "By",
                  "Its", "Their", "His", "Her", "After", "Before", "During", "West", "East", "North", "South"}


def _joined(mentions: list, text: str) -> list:
    """A cued name the gazetteer does not know whole, with the capitalised words before it
    that the recognizer left off ("Shahab" of "Shahab Khel area"), as one unlisted mention."""
    from dataclasses import replace as copy

    out = []
    for m in mentions:
        head = NAME_HEAD_RX.search(text[max(0, m.start - 40):m.start]) if m.reason.startswith("cue:") else None
        if not m.reason.startswith(("cue:", "NER GPE")):
            out.append(m)
            continue
        words = head.group(1).split() if head else []
        while words and words[0].strip("-") in NOT_NAME_HEADS:
            words = words[1:]
        known = m.id is not None and (m.name or "").lower() == m.text.lower()
        tail = NAME_TAIL_RX.match(text, m.end)
        if (words and not known) or tail:   # a hyphenated rest makes it another, longer name
            start = m.start - len(head.group(1)) + head.group(1).index(words[0]) if words else m.start
            end = tail.end() if tail else m.end
            out = [o for o in out if o.end <= start]
            m = copy(m, text=text[start:end], start=start, end=end, id=None, name=None, level=None, admin1=None,
                     admin2=None, country=None, lat=None, lon=None)
        out.append(m)
    return out


# The hyphenated rest of a name cut at its hyphen: "Rai" + "-Oleksandrivka".
NAME_TAIL_RX = re.compile(r"(?:-(?:[A-Z][a-z]+|e|i|ye|al|el)(?![\w]))+(?<=[a-z])")


# Words of a capitalised run that make it a headline's words or a phrase, not a name.
PHRASE_WORDS = {"the", "another", "a", "an", "on", "in", "of", "at", "to", "town", "city", "village", "and",
                "new", "after", "as", "with", "for", "by"}
# Peoples' names the country-words table does not tie to one country.
MORE_DEMONYMS = {"tajik", "uzbek", "turkmen", "pashtun", "hazara", "baloch", "kurd", "arab", "persian"}


def not_a_place(name: str, demonyms: frozenset[str] = frozenset()) -> bool:
    """A capitalised run that is no unlisted place: a group, a title, a demonym (folded,
    as read_country_words keys them), an acronym, a possessive, headline words ("Another
    Town On")."""
    from frontwatch.places.fold import fold_key

    words = name.lower().replace("-", " ").split()
    if not words or name.endswith(("'s", "’s")) or (name.isupper() and len(name) <= 5):
        return True
    return words[0] in PHRASE_WORDS or any(w in NOT_PLACE_WORDS for w in words) or \
        (len(words) > 1 and words[-1] in PHRASE_WORDS) or fold_key(name) in demonyms or words[0] in MORE_DEMONYMS


def _unlisted(m, text: str) -> Place:
    after = text[m.end: m.end + 20]
    level = next((lv for rx, lv in UNLISTED_LEVEL_RX if rx.match(after)), "populated place")
    return Place(name=m.text, level=level)


# A town or province the story names counts more than a country named outright: foreign
# governments and capitals come up in background paragraphs ("the U.S. will pull out", "talks
# in Doha"), the places the story is set in are named as towns and provinces. Tuned on the
# seeds, where a US-heavy background outnumbered the Afghan towns by country mentions.
COUNTRY_MENTION_WEIGHT = 0.5


# What demonyms and group names weigh at most once the story names a town or a province:
# less than one town, so "Russian forces took Hostomel" stays in Ukraine.
LOCAL_WORD_CAP = 0.9


def focus_country(hits: list[PlaceHit], word_votes: Counter[str] | None = None) -> str | None:
    """The country the story is set in: its towns and provinces, the countries it names
    (less), and its demonyms and armed groups ("Afghan", "Taliban"; ``word_votes``). On a
    tie its towns and provinces win, then places: an invader's demonym ("Russian forces took
    Krasnohorivka") or a neighbour named twice ("near the border with India") does not move
    the story abroad."""
    places: Counter[str] = Counter()
    local: Counter[str] = Counter()   # towns and provinces, not countries named outright
    for h in hits:
        if h.place.country:
            places[h.place.country] += COUNTRY_MENTION_WEIGHT if h.level == "country" else 1.0
            local[h.place.country] += h.level != "country"
    words = Counter(word_votes or {})
    if local:   # where the story names its towns, demonyms only break ties ("Turkish-backed rebels")
        words = Counter({c: min(v, LOCAL_WORD_CAP) for c, v in words.items()})
    counts = places + words
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], local[c], places[c]))


# How many mentions a country's dominant armed opposition is worth before the article names
# anyone: "the rebels" in a Syrian story of 2024 are HTS's coalition even when the story
# names the SDF twice in passing. Tuned on eval/news/dev. Only where one side dominates:
# Myanmar's resistance is many groups, none the default.
DEFAULT_REBEL_PRIOR = 2.5
DOMINANT_REBEL_COUNTRIES = {"AF", "SY", "SD", "UA", "YE", "SO", "PK"}


def main_rebel_of(text: str, actors: ActorDictionary, country: str | None = None) -> str | None:
    """The non-state armed group the article names most often, the country's usual armed
    opposition counting for DEFAULT_REBEL_PRIOR mentions more."""
    from frontwatch.events.actors import REBELS_OF

    counts = Counter(a.name for _, _, a in actors.find(text)
                     if a.inter in (2, 3, 4) and a.name not in {REBELS, GOVERNMENT, "Local militias"})
    default = REBELS_OF.get(country or "") if country in DOMINANT_REBEL_COUNTRIES else None
    if default and not is_state(default, actors, country):
        counts[default] += DEFAULT_REBEL_PRIOR
    return counts.most_common(1)[0][0] if counts else None


def keep_focus_places(hits: list[PlaceHit], country: str | None, text: str = "") -> list[PlaceHit]:
    """Places abroad matter little for control events of one country's war; a settlement
    far away that shares a name with a common word is more likely a misreading. A town
    abroad that the text calls a place with a cue word ("the Bayaa district", "the village
    of Balyun") is a village of the story's country the gazetteer lacks, kept under the
    name the text gives (a foreign city the NER finds, "the fall of Saigon", stays abroad)."""
    if country is None:
        return hits
    out = []
    for h in hits:
        if h.place.id is None:
            out.append(replace(h, place=replace(h.place, country=country)))
        elif h.place.country == country or h.level == "country":
            out.append(h)
        elif h.said_by == "cue" and h.level in {"populated place", "admin2"}:
            after = text[h.end: h.end + 20]
            level = next((lv for rx, lv in UNLISTED_LEVEL_RX if rx.match(after)), h.level)
            out.append(replace(h, place=Place(name=h.text, level=level, country=country)))
    return out


# ACLED codes of the sides a control event can be between (not civilians, protesters,
# rioters or external forces).
ARMED_INTER = (1, 2, 3, 4)


def armed_actor_counts(text: str, ctx: ArticleContext) -> Counter:
    """How often the article names each armed side, resolved to canonical names."""
    return Counter(ctx.resolve(a) for _, _, a in ctx.actors.find(text) if a.inter in ARMED_INTER)


def repeated_names(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """One sense per article: a name the recognizer took for a place once is that place
    wherever the article writes it again ("Deir ez-Zor" in the headline and in the lead)."""
    taken = [(h.start, h.end) for h in hits]
    extra = []
    for name, hit in {h.text: h for h in hits if h.level != "country" and len(h.text) > 3}.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                extra.append(PlaceHit(m.start(), m.end(), name, hit.place, hit.said_by))
                taken.append((m.start(), m.end()))
    return sorted(hits + extra, key=lambda h: h.start)
