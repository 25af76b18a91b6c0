"""Finding place mentions in a parsed spaCy Doc: gazetteer names, NER and cue words.

A name found in the gazetteer becomes a mention when something says it is a place here:
a cue word ("Kunduz province", "the city of Kunduz"), the statistical NER (GPE, LOC, FAC),
a locative word before it ("in", "near", "captured"), a list it shares with such a
mention ("Kunduz, Balkh and Baghlan"), or, with nothing else, the name being a large
place. Person names and common words that are also place names are kept out by titles
("General", "Mr"), reporting verbs ("X said"), longer person or organisation names around
them, and the part of speech of single words ("Northern", "Police").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from frontwatch.places import cues
from frontwatch.places.focus import country_focus
from frontwatch.places.fold import ARTICLES, CONNECTORS, fold_key
from frontwatch.places.gazetteer import Gazetteer, GazetteerEntry

# Longest name in tokens ("Mazar - i - Sharif" is 5, "Qala - i - Naw" too).
MAX_NAME_TOKENS = 8
# Tokens looked back for a near-word ("on the outskirts of X").
NEAR_WINDOW = 4
# Tokens either side searched for "capital" ("Taloqan, the capital of Takhar").
CAPITAL_WINDOW = 6
# With no other evidence, a name is a place when its best entry is this populous (or an
# admin unit): it keeps "Kabul" and "Aleppo" in bare lists and leaves out "Police" (a
# village of 900) and first names that are also hamlets.
NOTABLE_POPULATION = 50_000
# With locative evidence only ("in X"), the entry must be at least a village of this size.
LOCATIVE_MIN_POPULATION = 1_000
# "many districts of Kunduz": the districts are in Kunduz (a number lists: "three provinces of").
CONTAINER_QUANTIFIERS = frozenset({"many", "several", "some", "all", "most", "other", "dozens",
                                   "few", "various", "numerous"})
# All-capital names this short are acronyms (NATO, RSF, UN) unless a country has them (US, UK).
MAX_ACRONYM = 5
# A country is the article's focus when it has this share of the sure mentions' votes.
FOCUS_MIN_SHARE = 0.25
# Outside the article's focus, a bare name with no evidence is taken only when it is a city
# this large (Kabul, Aleppo, Kyiv in a story about elsewhere).
WORLD_CITY_POPULATION = 1_000_000
# Tokens around a bare name searched for the kind of units the text speaks of (the parser's
# sentences are too short on scraped text: "..., including X, which borders Y, he said.").
LEVEL_WINDOW = 30
# Tokens looked back from "including X" for the plural cue it gives examples of.
EXAMPLE_WINDOW = 20
# An entry's own name is the mention's when this similar (folded; see resolve.OWN_NAME).
OWN_NAME_SIMILARITY = 80
LIST_GLUE = frozenset({",", "and", "or", "&", ";"})


@dataclass
class Candidate:
    start: int                          # token offsets
    end: int
    start_char: int
    end_char: int
    text: str
    entries: list[GazetteerEntry]
    similarity: float = 100.0           # below 100 for a fuzzy match
    from_ner: str | None = None         # NER label that found or confirms it
    cue: str | None = None              # level a cue word asks for
    cue_words: str = ""                 # the cue as written, for the reason
    capital_of: bool = False            # "the capital of X": X is a province or country
    capital_seat: bool = False          # "captured the provincial capital of X": X's seat
    conflict: bool = False              # object of "captured", subject of "fell" ...
    container: "Candidate | None" = field(default=None, repr=False)  # "X in northern Y": Y
    near: bool = False
    capital_near: bool = False          # "capital" close by: a provincial or national capital
    sentence_levels: frozenset[str] = frozenset()   # levels the sentence's cue words name
    locative: bool = False
    sentence: int | None = None
    decision: str = "no"                # yes | weak | no
    evidence: str = ""
    chain: list["Candidate"] = field(default_factory=list, repr=False)

    @cached_property
    def key(self) -> str:
        return fold_key(self.text)


def find_candidates(doc: Doc, gazetteer: Gazetteer,
                    extra_votes: Counter[str] | None = None) -> list[Candidate]:
    """Place mentions in ``doc`` (sorted by start), each with its gazetteer entries.

    ``extra_votes``: country votes from words of the text (see :func:`focus.word_votes`).
    """
    found = _gazetteer_matches(doc, gazetteer)
    taken = {i for c in found for i in range(c.start, c.end)}
    found += _entity_matches(doc, gazetteer, taken)
    taken = {i for c in found for i in range(c.start, c.end)}
    found += _cued_unknown_names(doc, gazetteer, taken)
    found.sort(key=lambda c: c.start)
    sentence_of = _sentence_index(doc)
    for cand in found:
        cand.sentence = sentence_of.get(cand.start)
        _read_context(doc, cand)
        _add_units(gazetteer, cand)
    _link_lists(doc, found)
    _link_containers(doc, found)
    covered = {i for c in found for i in range(c.start, c.end)}
    for cand in found:
        if cand.capital_seat:
            _add_seats(gazetteer, cand)
        cand.decision, cand.evidence = _decide(doc, cand, covered)
    focus = country_focus([c for c in found if c.decision == "yes"], extra_votes)
    for cand in found:
        cand.decision, cand.evidence = _settle(cand, focus)
    return [c for c in found if c.decision == "yes"]


def _sentence_index(doc: Doc) -> dict[int, int]:
    if not doc.has_annotation("SENT_START"):
        return {}
    return {tok.i: n for n, sent in enumerate(doc.sents) for tok in sent}


def _is_name_start(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_name_inside(tok: Token) -> bool:
    return (_is_name_start(tok) or tok.text in {"-", "'", "’"}
            or tok.lower_ in CONNECTORS or tok.lower_ in ARTICLES)


def _gazetteer_matches(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        match = _longest_match(doc, i, gazetteer) \
            if _is_name_start(doc[i]) or _article_prefix(doc, i) else None
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    return found


def _article_prefix(doc: Doc, i: int) -> bool:
    """'al-Bab', 'el-Fasher': a lowercase Arabic article joined to a name by a hyphen."""
    return (doc[i].lower_ in ARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-"
            and not doc[i].whitespace_ and not doc[i + 1].whitespace_
            and _is_name_start(doc[i + 2]))


def _hyphen_tail(doc: Doc, i: int) -> bool:
    """'Hpa-an': a lowercase part joined by a hyphen to the name before it."""
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_ and doc[i].is_alpha)


def _longest_match(doc: Doc, i: int, gazetteer: Gazetteer) -> Candidate | None:
    limit = min(len(doc), i + MAX_NAME_TOKENS)
    end = i + 1
    while end < limit and (_is_name_inside(doc[end]) or _hyphen_tail(doc, end)):
        end += 1
    for stop in range(end, i, -1):
        last = doc[stop - 1]
        if not (_is_name_start(last) or _hyphen_tail(doc, stop - 1)) \
                or last.lower_ in cues.CUE_LEVELS and stop > i + 1:
            continue
        span = doc[i:stop]
        entries = gazetteer.lookup_key(fold_key(span.text))
        if entries:
            return _candidate(span, entries)
    return None


def _candidate(span: Span, entries: list[GazetteerEntry], similarity: float = 100.0,
               label: str | None = None) -> Candidate:
    return Candidate(span.start, span.end, span.start_char, span.end_char, span.text,
                     entries, similarity, label)


def _entity_matches(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Candidate]:
    """NER places the gazetteer scan missed: other spellings (fuzzy) or unknown names."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in cues.PLACE_LABELS or taken & set(range(ent.start, ent.end)):
            continue
        span = _trim_entity(ent)
        if span is None:
            continue
        entries, similarity = _fuzzy_entries(gazetteer, span.text)
        if ent.label_ != "GPE" and similarity < 100:
            continue
        if similarity < 100 and len(span) == 1 and span[0].pos_ == "ADJ":
            continue        # "Ukrainian troops": a demonym, spelled close to its country
        if entries or ent.label_ == "GPE":
            found.append(_candidate(span, entries, similarity, ent.label_))
    return found


def _trim_entity(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in {"the", "a"}:
        start += 1
    while end > start and (doc[end - 1].lower_ in cues.CUE_LEVELS
                                  or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    if start >= end or not _is_name_start(doc[start]):
        return None
    return doc[start:end]


def _fuzzy_entries(gazetteer: Gazetteer, text: str) -> tuple[list[GazetteerEntry], float]:
    exact = gazetteer.lookup(text)
    if exact:
        return exact, 100.0
    hits = gazetteer.fuzzy(text)
    if not hits:
        return [], 0.0
    best = max(score for _, score in hits)
    return [entry for entry, score in hits if score == best], best


def _cued_unknown_names(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Candidate]:
    """'Xyz district' where Xyz is capitalised but not (exactly) in the gazetteer."""
    found = []
    for tok in doc:
        if tok.lower_ not in cues.CUE_LEVELS or tok.i == 0 or tok.i - 1 in taken:
            continue
        end = tok.i
        start = end
        while start > 0 and end - start < MAX_NAME_TOKENS and _is_name_inside(doc[start - 1]) \
                and (start - 1) not in taken:
            start -= 1
        while start < end and not _is_name_start(doc[start]):
            start += 1
        if start == end or any(t.pos_ != "PROPN" or t.ent_type_ in CUED_NOT_PLACE
                               for t in doc[start:end] if _is_name_start(t)):
            continue
        found.append(_take(doc[start:end], gazetteer, taken))
    return found + _names_after_cue(doc, gazetteer, taken)


def _take(span: Span, gazetteer: Gazetteer, taken: set[int]) -> Candidate:
    """A candidate for a name a cue found, its tokens taken."""
    entries, similarity = _fuzzy_entries(gazetteer, span.text)
    taken.update(range(span.start, span.end))
    return _candidate(span, entries, similarity)


# A name right before "district", "province", "area" is a place even when the small model
# calls it a person or an organisation ("Nerkh district"); a people or a work it is not.
CUED_NOT_PLACE = cues.OTHER_NAME_LABELS - {"PERSON", "ORG"}


def _names_after_cue(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Candidate]:
    """'the town of Xyz', 'the village of Xyz': a capitalised name after a singular cue and
    "of" that neither the gazetteer nor the NER found (small places are most of the news)."""
    found = []
    for tok in doc:
        if tok.lower_ not in cues.CUE_LEVELS or tok.lower_ in cues.PLURAL_CUES or tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 1].lower_ != "of" or tok.i > 0 and doc[tok.i - 1].lower_ not in {"the", "a"} | cues.CUE_FILLERS:
            continue
        start = end = tok.i + 2
        while end < len(doc) and end - start < MAX_NAME_TOKENS and end not in taken and \
                (_is_name_start(doc[end]) or (end > start and _is_name_inside(doc[end]) and end + 1 < len(doc)
                                               and _is_name_start(doc[end + 1]))):
            end += 1
        if end == start or any(t.ent_type_ in CUED_NOT_PLACE or t.pos_ not in {"PROPN", "NOUN", "ADJ"}
                               for t in doc[start:end] if _is_name_start(t)):
            continue
        found.append(_take(doc[start:end], gazetteer, taken))
    return found


def _read_context(doc: Doc, cand: Candidate) -> None:
    after = doc[cand.end] if cand.end < len(doc) else None
    if after is not None and after.lower_ in cues.CUE_LEVELS:
        cand.cue, cand.cue_words = cues.CUE_LEVELS[after.lower_], f"{cand.text} {after.text}"
    before = _previous_word(doc, cand.start)
    if before is not None and before.lower_ == "of":
        _capital_before(doc, cand, before)
    if before is not None:
        cand.locative = before.lower_ in cues.LOCATIVE_WORDS
        if before.lower_ in {"of", "in"} and cand.cue is None:
            _cue_before(doc, cand, before)
        elif before.lower_ in cues.EXAMPLE_WORDS and cand.cue is None:
            _cue_from_examples(doc, cand, before)
    window = doc[max(0, cand.start - NEAR_WINDOW):cand.start]
    cand.near = any(t.lower_ in cues.NEAR_WORDS for t in window)
    nearby = doc[max(0, cand.start - LEVEL_WINDOW):cand.end + LEVEL_WINDOW // 2]
    cand.sentence_levels = frozenset(cues.CUE_LEVELS[t.lower_] for t in nearby
                                     if t.lower_ in cues.CUE_LEVELS and not _in_other_name(t))
    cand.conflict = _conflict_role(doc, cand)
    around = doc[max(0, cand.start - CAPITAL_WINDOW):cand.end + CAPITAL_WINDOW]
    cand.capital_near = not cand.capital_of and any(
        t.lower_ in cues.CAPITAL_WORDS for t in around)
    if cand.from_ner is None:
        for ent in doc.ents:
            trimmed = _trim_entity(ent) if ent.label_ in cues.PLACE_LABELS else None
            if trimmed is not None and (trimmed.start, trimmed.end) == (cand.start, cand.end):
                cand.from_ner = ent.label_


def _in_other_name(tok: Token) -> bool:
    """'State' in 'Islamic State': a capitalised cue word that ends another kind of name."""
    if not tok.text[:1].isupper() or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return tok.ent_type_ in cues.OTHER_NAME_LABELS or before.ent_type_ in cues.OTHER_NAME_LABELS


def _conflict_role(doc: Doc, cand: Candidate) -> bool:
    """Object of a conflict verb, subject of "fell" or of a passive ("X was shelled"), or
    the place a movement verb heads for ("advanced on X"); list members count too."""
    tok = doc[cand.start:cand.end].root
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in {"dobj", "obj", "nsubjpass"} and head.lemma_ in cues.CONFLICT_LEMMAS:
        return True
    if tok.dep_ == "nsubj" and head.lemma_ in cues.FALL_LEMMAS:
        return True
    return (tok.dep_ == "pobj" and head.lower_ in cues.MOVE_PREPOSITIONS
            and head.head.lemma_ in cues.MOVE_LEMMAS | cues.CONFLICT_LEMMAS)


def _capital_before(doc: Doc, cand: Candidate, prep: Token) -> None:
    """'the capital of X': X the province, unless no town stands before it in apposition
    ('Taloqan, the capital of Takhar'), when the capital itself is meant: X's seat."""
    j = prep.i - 1
    while j >= 0 and doc[j].lower_ in cues.CUE_FILLERS:
        j -= 1
    if j < 0 or doc[j].lower_ not in cues.CAPITAL_WORDS:
        return
    k = j - 1
    while k >= 0 and doc[k].lower_ in cues.CUE_FILLERS:
        k -= 1
    named = doc[j].lower_ != "capital" or k >= 0 and (
        doc[k].text in {",", "(", "—", "–"} or doc[k].lemma_ == "be")
    cand.capital_of, cand.cue_words = True, f"capital of {cand.text}"
    cand.capital_seat = not named


# How gazetteers name a first-level unit after its seat: "Kyiv region" is "Kyiv Oblast".
UNIT_SUFFIXES = ("oblast", "province", "region", "governorate", "state")


def _add_units(gazetteer: Gazetteer, cand: Candidate) -> None:
    """"Kyiv region", "Kharkiv oblast": the unit named after the city, when a cue asks for
    a province. It stands for the name's own first-level entries (the city of Kyiv is one)."""
    if cand.cue != cues.ADMIN1:
        return
    units = {e.id: e for suffix in UNIT_SUFFIXES for e in gazetteer.lookup(f"{cand.text} {suffix}")
             if e.level == cues.ADMIN1}
    if units:
        cand.entries = list(units.values()) + [e for e in cand.entries
                                               if e.level != cues.ADMIN1 and e.id not in units]


def _add_seats(gazetteer: Gazetteer, cand: Candidate) -> None:
    """The seats of the provinces a name can be, as entries of the mention."""
    known = {e.id for e in cand.entries}
    for entry in list(cand.entries):
        seat = gazetteer.seat_of(entry.id) if entry.level == "admin1" else None
        if seat is not None and seat.id not in known:
            cand.entries.append(seat)
            known.add(seat.id)


def _previous_word(doc: Doc, i: int) -> Token | None:
    """The word before position ``i``, past "the" and adjectives such as "northern"."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in cues.CUE_FILLERS:
        j -= 1
    return doc[j] if j >= 0 else None


def _cue_before(doc: Doc, cand: Candidate, prep: Token) -> None:
    j = prep.i - 1
    while j >= 0 and doc[j].lower_ in cues.CUE_FILLERS:
        j -= 1
    if j < 0:
        return
    word = doc[j].lower_
    if word in cues.CAPITAL_WORDS:
        return
    if word in cues.CUE_LEVELS:
        level = cues.CUE_LEVELS[word]
        if prep.lower_ == "in" or (word in cues.PLURAL_CUES and _is_container(doc, j)):
            level = cues.CONTAINER_OF.get(level)
        if level:
            cand.cue, cand.cue_words = level, f"{doc[j].text} {prep.text} {cand.text}"


def _cue_from_examples(doc: Doc, cand: Candidate, word: Token) -> None:
    """'Several districts ... have fallen, including Dasht-e-Archi': X is a district."""
    sentence_start = word.sent.start if doc.has_annotation("SENT_START") else 0
    for tok in reversed(doc[max(sentence_start, word.i - EXAMPLE_WINDOW):word.i]):
        if tok.lower_ in cues.PLURAL_CUES:
            cand.cue = cues.CUE_LEVELS[tok.lower_]
            cand.cue_words = f"{tok.text} ... {word.text} {cand.text}"
            return


def _is_container(doc: Doc, j: int) -> bool:
    """'many districts of Kunduz' contains; 'the three provinces of Kunduz, Balkh' lists."""
    k = j - 1
    while k >= 0 and doc[k].lower_ in cues.CUE_FILLERS:
        k -= 1
    return k >= 0 and doc[k].lower_ in CONTAINER_QUANTIFIERS


def _link_lists(doc: Doc, found: list[Candidate]) -> None:
    """Mentions joined by commas and 'and' share cues and evidence."""
    chain: list[Candidate] = []
    for cand in found:
        if chain and _glued(doc, chain[-1], cand):
            chain.append(cand)
        else:
            _share(chain)
            chain = [cand]
    _share(chain)


def _link_containers(doc: Doc, found: list[Candidate]) -> None:
    """'Tripoli in northern Lebanon', 'Bukavu, South Kivu': the second holds the first."""
    for inner, outer in zip(found, found[1:]):
        gap = [t.lower_ for t in doc[inner.end:outer.start]]
        if gap and gap[0] in {"in", ","} and all(w in cues.CUE_FILLERS for w in gap[1:]) \
                and len(gap) <= 3:
            inner.container = outer


def _glued(doc: Doc, left: Candidate, right: Candidate) -> bool:
    gap = doc[left.end:right.start]
    return (0 < len(gap) <= 3 and all(t.lower_ in LIST_GLUE | cues.LIST_ADVERBS for t in gap)
            and any(t.lower_ in LIST_GLUE for t in gap))


def _share(chain: list[Candidate]) -> None:
    if len(chain) < 2:
        return
    first, last = chain[0], chain[-1]
    after_cue = last.cue if last.cue_words.startswith(last.text) else None
    before_cue = first.cue if first.cue and not first.cue_words.startswith(first.text) else None
    for cand in chain:
        cand.chain = chain
        if cand.cue is None and (before_cue or after_cue):
            cand.cue = before_cue or after_cue
            cand.cue_words = (first if before_cue else last).cue_words + " (list)"
        cand.locative = cand.locative or first.locative


def _decide(doc: Doc, cand: Candidate, covered: set[int]) -> tuple[str, str]:
    """yes / no, or a provisional verdict settled by the article's focus (:func:`_settle`)."""
    before = doc[cand.start - 1] if cand.start > 0 else None
    after = doc[cand.end] if cand.end < len(doc) else None
    if before is not None and before.lower_.rstrip(".") in cues.PERSON_TITLES:
        return "no", f"after the title {before.text!r}: a person"
    if after is not None and after.lower_ in cues.PERSON_VERBS and not cand.locative \
            and cand.from_ner is None:
        return "no", f"followed by {after.text!r}: a person"
    if after is not None and after.text[:1].isupper() and after.lower_ in cues.PERSON_TITLES \
            and cand.from_ner != "GPE":
        return "no", f"before the title {after.text!r}: part of a title"
    best = cand.entries[0] if cand.entries else None
    if _acronym(cand) and (best is None or best.level not in {"country", "admin1"}):
        return "no", f"{cand.text!r} is an acronym"
    if cand.cue or cand.capital_of:
        return "yes", f"cue: {cand.cue_words}"
    if _paired_with_person(doc, cand, covered):
        return "no", "a name listed with people and followed by another name: a person"
    if best is None:
        if cand.from_ner == "GPE" and cand.locative:
            return "yes", f"NER GPE after {_previous_word(doc, cand.start).text!r}"
        return "no", "not in the gazetteer, and nothing around says it is a place"
    if cand.from_ner:
        if cand.from_ner != "GPE" and best is not None and best.level == "populated place" \
                and best.population < LOCATIVE_MIN_POPULATION:
            return "weak", f"NER {cand.from_ner}, only small places of that name"
        if not _notable(best) and not any(_own_name(e, cand.key) for e in cand.entries):
            return "alias", f"NER {cand.from_ner}, only another name of places"
        return "yes", f"NER {cand.from_ner}"
    other = _other_name_around(doc, cand, covered)
    if other is not None:
        return "no", f"part of the {other.label_} name {other.text!r}"
    label = _exact_entity(doc, cand)
    named = label in cues.OTHER_NAME_LABELS | cues.PLACE_LABELS
    if not named and cand.end - cand.start == 1 and _common_word(doc[cand.start]):
        return "no", f"{cand.text!r} is a common word here"
    if not named and _after_definite_article(doc, cand):
        return "no", f"'the {cand.text}': a common noun, not a town"
    if label in {"ORG", "NORP"}:
        word = _previous_word(doc, cand.start)
        if cand.locative and (_large_by_own_name(cand) or _notable(best)
                              and word.lower_ not in cues.WEAK_LOCATIVES):
            return "yes", f"after {word.text!r} (NER said {label})"
        if cand.locative or cand.conflict or cand.chain or label == "ORG":
            return "tagged", f"tagged {label}"
        return "no", f"tagged {label}"
    if cand.locative and (best.level != "populated place"
                          or best.population >= LOCATIVE_MIN_POPULATION):
        word = _previous_word(doc, cand.start)
        if word.lower_ in cues.WEAK_LOCATIVES and not _large_by_own_name(cand):
            return "verb", f"after {word.text!r}"
        return "yes", f"after {word.text!r}"
    if label == "PERSON":
        return "person", "tagged PERSON"
    if best.level in {"country", "admin1"} or best.population >= NOTABLE_POPULATION:
        return "large", "a large place"
    return "weak", "no evidence it is a place here"


def _settle(cand: Candidate, focus: dict[str, float]) -> tuple[str, str]:
    """Provisional verdicts, given the countries the article's sure mentions are in."""
    if cand.decision == "yes" or cand.decision == "no":
        return cand.decision, cand.evidence
    listed = any(o.decision == "yes" for o in cand.chain)
    if cand.decision not in {"person", "tagged", "verb"} and listed:
        return "yes", "listed with other places"
    for entry in cand.entries:
        share = focus.get(entry.country or "", 0.0)
        if share < FOCUS_MIN_SHARE:
            continue
        sizeable = entry.level != "populated place" or entry.population >= LOCATIVE_MIN_POPULATION
        if cand.decision in {"verb", "alias"} and sizeable:
            return "yes", f"{cand.evidence}, a place in {entry.country}, the article's focus"
        if (listed or cand.conflict or cand.locative) and sizeable:
            why = "listed with other places" if listed else "the object of a conflict verb" \
                if cand.conflict else "after a locative word"
            return "yes", f"{why}, a place in {entry.country}, the article's focus " \
                          f"(NER said {cand.evidence.split()[-1]})"
        if cand.decision in {"verb", "alias"}:
            continue
        if cand.decision == "tagged" and not cand.evidence.endswith("ORG"):
            continue
        if entry.level in {"admin1", "admin2"} or entry.feature in {"PPLC", "PPLA", "PPLA2"}:
            return "yes", f"a known {entry.level} ({entry.feature}) in {entry.country}, the article's focus"
        if cand.decision not in {"person", "tagged"} \
                and entry.population >= LOCATIVE_MIN_POPULATION:
            return "yes", f"a town of {entry.country}, the article's focus"
    if cand.decision == "alias":
        return ("yes", f"{cand.evidence}, and no country focus to weigh it against") \
            if not focus else ("no", f"{cand.evidence}, none in the article's focus")
    if cand.decision == "verb" and not focus:
        return "yes", f"{cand.evidence}, and no country focus to weigh it against"
    if cand.decision == "large" and (not focus or cand.entries[0].level == "country"
                                     or cand.entries[0].population >= WORLD_CITY_POPULATION):
        return "yes", "a large place"
    return "no", cand.evidence


def _large_by_own_name(cand: Candidate) -> bool:
    """A large place whose own name is the mention's ("Bakhmut"; not "Sam", an old name
    of Damascus, nor "Noor", one of Niort's)."""
    return any(_notable(entry) and _own_name(entry, cand.key) for entry in cand.entries)


def _own_name(entry: GazetteerEntry, key: str) -> bool:
    from rapidfuzz.fuzz import ratio

    own = fold_key(entry.name)
    return own == key or ratio(own, key) >= OWN_NAME_SIMILARITY


def _notable(entry: GazetteerEntry) -> bool:
    return (entry.level in {"country", "admin1", "admin2"} or entry.feature in {"PPLC", "PPLA"}
            or entry.population >= NOTABLE_POPULATION)


def _acronym(cand: Candidate) -> bool:
    letters = [c for c in cand.text if c.isalpha()]
    return len(letters) <= MAX_ACRONYM and all(c.isupper() for c in letters)


def _other_name_around(doc: Doc, cand: Candidate, covered: set[int]) -> Span | None:
    """A longer entity around the name ("Kabul University"), unless it is only a list of
    places the tagger took for one name ("Izyum and Balakliia" as a WORK_OF_ART)."""
    for ent in doc.ents:
        if ent.label_ not in cues.NUMERIC_LABELS and ent.start <= cand.start and cand.end <= ent.end \
                and (ent.end - ent.start) > (cand.end - cand.start) \
                and not _only_places(ent, covered):
            return ent
    return None


def _only_places(ent: Span, covered: set[int]) -> bool:
    rest = [t for t in ent if t.i not in covered]
    return len(rest) < len(ent) - 1 and all(t.lower_ in LIST_GLUE for t in rest) \
        and any(t.lower_ in LIST_GLUE for t in rest)


def _paired_with_person(doc: Doc, cand: Candidate, covered: set[int]) -> bool:
    """'Jordan Henderson and Georgia May': listed with a person's full name, and followed by
    a capitalised word that is no place, the name is a first name."""
    after = doc[cand.end] if cand.end < len(doc) else None
    if after is None or not after.text[:1].isupper() or after.ent_type_ in cues.PLACE_LABELS \
            or after.lower_ in cues.CUE_LEVELS or not after.is_alpha:
        return False
    j = cand.start - 1
    while j >= 0 and doc[j].lower_ in LIST_GLUE:
        j -= 1
    if j == cand.start - 1 or j < 0:
        return False
    left = doc[j]
    return left.ent_type_ == "PERSON" and left.ent_iob_ != "B"


def _after_definite_article(doc: Doc, cand: Candidate) -> bool:
    """'the Mission', 'the Police': towns take no article, common nouns do."""
    best = cand.entries[0]
    return (cand.end - cand.start == 1 and cand.start > 0
            and doc[cand.start - 1].lower_ == "the"
            and all(e.level == "populated place" for e in cand.entries)
            and best.population < WORLD_CITY_POPULATION)


def _exact_entity(doc: Doc, cand: Candidate) -> str | None:
    for ent in doc.ents:
        if ent.start == cand.start and ent.end == cand.end:
            return ent.label_
    return None


def _common_word(tok: Token) -> bool:
    return (tok.lower_ in cues.MONTHS_AND_DAYS or tok.ent_type_ in {"DATE", "TIME"}
            or tok.pos_ not in {"PROPN", "X"} or tok.is_stop)
