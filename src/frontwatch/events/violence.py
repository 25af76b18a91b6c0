"""Violent events in one sentence, read from its parse: battles, explosions and remote
violence, violence against civilians.

A sentence tells a violent event when it has an *occurrence*: a deed verb that states a
specific act ("shelled", "were killed", "ambushed"), or an event noun that its clause says
took place ("a blast hit", "killed in an air strike", "carried out an attack", "there was an
explosion"). An event noun in any other role tells no event: "fled the fighting", "backed by
air strikes", "after weeks of fighting", "without a battle". The method decides the kind (air,
artillery and missiles, explosives, a suicide attacker, gunfire on civilians, fighting).

What is not an event is told apart here too: habits in the present tense ("militants often
ambush convoys") give nothing, and tolls over a period ("since 2001", "over the past week",
"in the war") are statistics. Dates, factuality and assembly into mentions happen in
``extract``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

# Verbs that state a violent act (lemma -> what the verb alone says of the method).
DEED_VERBS = {
    "kill": None, "die": None, "perish": None, "slay": None, "murder": "attack", "massacre": "attack",
    "execute": "attack", "behead": "attack", "shoot": None, "gun": None, "attack": None, "ambush": "clash",
    "clash": "clash", "fight": "clash", "battle": "clash", "raid": None, "strike": None, "hit": None,
    "target": None, "bomb": "bombing", "shell": "shelling", "bombard": "shelling", "pound": "shelling",
    "explode": "bombing", "detonate": "bombing", "abduct": "abduction", "kidnap": "abduction",
    "torch": "attack", "burn": None, "storm": None, "assassinate": "attack", "stab": "attack",
    "engage": "clash", "fire": None,
}
# Verbs a deed verb needs a violent word beside to count ("hit the market", "burned the village").
WEAK_VERBS = {"hit", "target", "strike", "burn", "storm", "raid", "pound", "fight", "shoot", "engage", "fire"}
# Verbs of a targeted killing: with no fighting told and no armed victims, violence against civilians.
KILLING_VERBS = {"shoot", "gun", "murder", "execute", "behead", "assassinate", "stab", "slay", "massacre", "torch"}
# Nouns that name a violent event.
EVENT_NOUNS = {
    "attack": None, "strike": "airstrike", "airstrike": "airstrike", "raid": None, "bombing": "bombing",
    "blast": "bombing", "explosion": "bombing", "shelling": "shelling", "bombardment": "shelling",
    "barrage": "shelling", "clash": "clash", "fighting": "clash", "battle": "clash", "firefight": "clash",
    "gunfight": "clash", "skirmish": "clash", "ambush": "clash", "massacre": "attack", "killing": None,
    "shooting": None, "assault": None, "kidnapping": "abduction", "abduction": "abduction",
    "offensive": "clash", "bomb": "bombing", "shell": "shelling", "missile": "shelling",
    "rocket": "shelling", "mortar": "shelling", "drone": "airstrike",
}
# Verbs whose subject, when an event noun, took place: "a blast hit", "clashes erupted".
OCCUR_VERBS = {"kill", "hit", "strike", "rock", "erupt", "break", "rage", "leave", "claim", "destroy",
               "damage", "wound", "injure", "target", "tear", "ravage", "occur", "happen", "continue",
               "cause", "flatten", "level", "slam", "land", "pound", "take", "shake", "reduce", "cut",
               "set", "spark", "intensify", "resume", "come", "follow", "start", "begin", "last"}
# Verbs whose object, when an event noun, took place: "carried out an attack".
CARRY_VERBS = {"carry", "launch", "conduct", "stage", "mount", "claim", "unleash", "perpetrate",
               "repel", "repulse", "thwart", "survive", "fire", "order", "execute", "commit", "report",
               "confirm", "condemn", "witness", "keep", "step", "intensify", "resume", "deliver"}
# Weapons whose number tells one salvo, not many events: "several rockets landed".
WEAPON_NOUNS = {"rocket", "missile", "shell", "mortar", "drone", "bomb"}
# A day the sentence gives: "several strikes on Nihm on Sunday" is one day's strikes, one event.
DAY_RX = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|"
                    r"today|last night|this morning|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
                    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{1,2}\b)", re.IGNORECASE)
# "killed in an air strike", "died in clashes": a death verb with the event as its setting.
DEATH_VERBS = {"kill", "die", "perish", "wound", "injure", "hurt", "destroy", "damage", "lose"}
SETTING_PREPS = {"in", "during", "by", "from", "amid"}
HABIT_RX = re.compile(r"\b(?:often|frequently|regularly|routinely|usually|typically|generally|"
                      r"tend to|tends to)\b", re.IGNORECASE)
# Method words anywhere in the sentence, strongest first.
METHODS = [
    ("suicide bombing", re.compile(r"\bsuicide\b|\bself-detonat|\bblew (?:himself|herself|themselves) up\b", re.I)),
    ("airstrike", re.compile(r"\b(?:air ?strikes?|air raids?|air attacks?|drones?|warplanes?|jets?|aircraft|"
                             r"helicopters?|gunships?|air force|aerial|shaheds?|kamikaze|UAVs?)\b", re.I)),
    ("shelling", re.compile(r"\b(?:shell(?:s|ed|ing)?|artillery|mortars?|rockets?|missiles?|bombard\w*|"
                            r"barrages?|howitzers?|grad|multiple launch|cluster munitions?|iskanders?|"
                            r"ballistic|cruise)\b", re.I)),
    ("bombing", re.compile(r"\b(?:bombs?|bombings?|bombed|IEDs?|explosives?|explosions?|blasts?|"
                           r"(?:land)?mines?|grenades?|detonat\w*|explod\w*|booby[- ]trap\w*|car bomb)\b", re.I)),
    ("abduction", re.compile(r"\b(?:abduct\w*|kidnap\w*|hostages?|taken captive)\b", re.I)),
]
FIGHT_RX = re.compile(r"\b(?:clash\w*|fight(?:s|ing)?\b|fought|battl(?:e|es|ed|ing)\b|firefights?|gunfights?|skirmish\w*|ambush\w*|"
                      r"exchange of fire|offensive|counter-?attack\w*|assault)\b", re.I)
CIVILIAN_RX = re.compile(r"\b(?:civilians?|villagers?|residents?|worshippers?|children|child|women|"
                         r"students?|pupils?|passengers?|shoppers?|farmers?|families|family|patients?|"
                         r"journalists?|aid workers?|refugees?|displaced|mourners|wedding|guests|"
                         r"pilgrims|teachers?|doctors?|nurses?|market|mosque|school|hospital|"
                         r"camp for|bus|homes?|houses?|neighbourhood|neighborhood|people)\b", re.I)
ARMED_VICTIM_RX = re.compile(r"\b(?:soldiers?|troops?|police\w*|officers?|guards?|militants?|fighters?|columns?|"
                             r"insurgents?|rebels?|militiam[ae]n|militias?|commanders?|servicem[ae]n|"
                             r"checkpoints?|posts?|bases?|convoys?|positions?|patrols?|garrison|army|"
                             r"security forces|paramilitar\w*|jihadists?|gunmen)\b", re.I)
NOT_VIOLENT_RX = re.compile(r"\b(?:accident|crash(?:ed)?|collision|illness|disease|cancer|covid|cholera|"
                            r"earthquake|flood\w*|drown\w*|heat ?wave|hunger|starvation|malnutrition|"
                            r"natural causes|heart attack|stampede|fire broke out)\b", re.I)
# Tolls over a period or a whole war are statistics, not one event.
AGGREGATE_RX = re.compile(
    r"\bsince\b|\bso far\b|\bto date\b|\bin total\b|\ba total of\b|\baltogether\b|\bcumulative\b|"
    r"\b(?:over|in|during|for|throughout|within) the (?:past|last|previous|preceding|first)\s+(?:\w+\s+){0,2}?"
    r"(?:days?|weeks?|months?|years?|decades?|hours)\b|"
    r"\bin recent (?:days|weeks|months|years)\b|\b(?:this|last) (?:year|month)\b(?=[^.]*\b(?:killed|dead|died)\b)|"
    r"\bbetween (?:19|20)\d\d and (?:19|20)\d\d\b|\bfrom (?:19|20)\d\d (?:to|until|through) (?:19|20)\d\d\b|"
    r"\b(?:in|during|throughout|of) the (?:\w+[- ]){0,2}(?:war|conflict|insurgency|occupation|uprising|"
    r"revolution|crisis)\b(?![- ](?:zone|torn))|"
    r"\bacross (?:the )?(?:country|region|province|state|north|south|east|west|\w+ provinces)\b|"
    r"\b(?:every|each|per) (?:day|week|month)\b|\ba (?:day|week|month)\b(?= on average)|"
    r"\b(?:days|weeks|months|years|a year|a week|a month|a decade|decades)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:fighting|air ?strikes|strikes|shelling|bombardment|bombing|clashes|war|violence|attacks)\b|"
    r"\b(?:a series|a wave|a spate|a string|a number|dozens|scores|hundreds) of (?:\w+\s+){0,2}?"
    r"(?:attacks|strikes|air ?strikes|raids|bombings|clashes|operations|ambushes)\b", re.IGNORECASE)
# Plural event nouns counted or qualified as many: "several similar attacks", "repeated strikes".
MANY_RX = re.compile(r"^(?:several|many|numerous|multiple|repeated|frequent|similar|countless|dozens|"
                     r"hundreds|scores|some|various|regular|daily|nightly|recurring|previous|past|earlier)$",
                     re.IGNORECASE)
# "the deadliest attack since 2019": "since" measures the event, it does not open a period.
SUPERLATIVE_SINCE_RX = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|most serious|most intense|first|"
    r"strongest|fiercest|\w+est)\b[^.;]{0,80}\bsince\b", re.IGNORECASE)


@dataclass(frozen=True)
class Anchor:
    """A word that states a violent act: a deed verb or an event noun in an occurrence role."""

    token: Token
    method: str | None


@dataclass
class ViolentReading:
    """What a sentence tells of one violent event, before dates and factuality."""

    anchor: Anchor
    kind: str
    aggregate: bool
    anchors: list[Anchor] = field(default_factory=list)

    @property
    def head(self) -> Token:
        return self.anchor.token


def find_anchors(sent: Span, in_title: bool = False) -> list[Anchor]:
    """Every occurrence word of ``sent``, left to right."""
    found = []
    for tok in sent:
        anchor = _verb_anchor(tok, in_title) or _noun_anchor(tok, in_title)
        if anchor is not None:
            found.append(anchor)
    return found


def _verb_anchor(tok: Token, in_title: bool) -> Anchor | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"} or lemma not in DEED_VERBS:
        return None
    if lemma in {"shoot", "gun"} and not _shot_person(tok):
        return None
    if lemma == "fight" and tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "pobj", "dobj"}:
        return None   # a gerund used as a noun: the noun rules decide
    if tok.dep_ == "amod":
        return None   # "wounded civilians", "the killed soldiers": a description, not a deed
    if not _specific_tense(tok, in_title) or _describes_a_place(tok) or _under_irrealis(tok) \
            or _none_subject(tok) or _told_as_past(tok):
        return None
    if lemma in WEAK_VERBS and not _violent_context(tok):
        return None
    return Anchor(tok, DEED_VERBS[lemma])


def _none_subject(tok: Token) -> bool:
    """"No civilians were killed", "nobody died": a denial of deaths."""
    for subj in (c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subj.lower_ in {"nobody", "none", "no-one", "noone"} or \
                any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            return True
    return False


def _told_as_past(tok: Token) -> bool:
    """"has been fought over before", "was attacked in the past": a history, not the news."""
    return any(c.dep_ == "advmod" and c.lower_ in {"before", "previously", "once"} and
               not any(g.dep_ in {"pobj", "pcomp"} for g in c.children) for c in tok.children)


def _describes_a_place(tok: Token) -> bool:
    """"the province where British troops fought their costliest battles": a relative
    clause that describes a place tells its past, not the news."""
    return tok.dep_ == "relcl" and any(c.lower_ in {"where", "wherein"} for c in tok.children)


# How a deed sits inside a larger clause without being a deed of its own: "the province
# where troops fought" (relcl, pobj, prep), "vowed to attack" (xcomp).
CARRIED_DEPS = {"relcl", "pobj", "prep", "conj", "xcomp", "acl", "dobj", "nsubj", "nsubjpass", "ccomp"}
NEGATION_WORDS = {"not", "n't", "never"}
IRREALIS_AUX = {"will", "shall", "'ll", "wo", "would", "could", "might", "may", "should", "must", "can", "ca"}


def _under_irrealis(tok: Token) -> bool:
    """A deed inside a clause that a future, a modal or an "if" governs ("if it does, the
    movement will hold the province where troops fought")."""
    node = tok
    while node.dep_ in CARRIED_DEPS and node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and any(
                (c.dep_ in {"aux", "auxpass"} and c.lower_ in IRREALIS_AUX) or
                (c.dep_ == "mark" and c.lower_ in {"if", "unless"}) or
                (c.dep_ == "neg" and c.lower_ in NEGATION_WORDS) for c in node.children):
            return True   # "could not say how many had been killed"
    return False


def _shot_person(tok: Token) -> bool:
    """"shot dead", "gunned down", "shot two soldiers": not "shot a video"."""
    nxt = [t.lower_ for t in tok.doc[tok.i + 1: tok.i + 3]]
    if "dead" in nxt or "down" in nxt:
        return True
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(CIVILIAN_RX.search(o.text) or ARMED_VICTIM_RX.search(o.text) or o.like_num for o in objects) \
        or any(c.dep_ == "nsubjpass" for c in tok.children)


def _specific_tense(tok: Token, in_title: bool) -> bool:
    """A past or perfect deed (or a headline's present); a participle clause takes its
    governor's tense. The plain present of a report tells a habit."""
    if tok.tag_ in {"VBD", "VBN"}:
        return True
    if tok.tag_ == "VBG":
        return tok.dep_ in {"advcl", "xcomp", "acl", "conj", "ccomp", "pcomp"} or in_title or \
            any(c.dep_ == "aux" and c.tag_ == "VBD" for c in tok.children)   # "fighting was continuing"
    if tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.tag_ in {"VBD", "VBN"}:
        return True   # "continued to shell", "kept shelling"
    if tok.tag_ in {"VBZ", "VBP"}:
        return in_title or _present_of_today(tok)
    return tok.tag_ == "VB" and any(c.lower_ in {"did", "does"} for c in tok.children)


def _ongoing(tok: Token) -> bool:
    """"Fighting continues in the northern neighbourhoods", "fighting was continuing": a
    battle the report says goes on, not a habit."""
    return tok.lemma_.lower() in {"continue", "rage", "go", "persist"} and not HABIT_RX.search(tok.sent.text)


def _present_of_today(tok: Token) -> bool:
    """"Fighting rages in the city today": a present that reports, not a habit."""
    sent = tok.sent.text
    return bool(re.search(r"\b(?:today|now|this morning|tonight|currently|ongoing)\b", sent, re.I)) \
        and not HABIT_RX.search(sent)


def _violent_context(tok: Token) -> bool:
    sent = tok.sent.text
    if tok.lemma_.lower() == "engage" and any(ARMED_VICTIM_RX.search(c.text) for c in tok.children if c.dep_ == "dobj"):
        return True   # "its units engaged a large column of the army"
    return bool(any(rx.search(sent) for _, rx in METHODS) or FIGHT_RX.search(sent)
                or re.search(r"\b(?:killed|killing|dead|died|wounded|injured|casualties)\b", sent, re.I))


def _noun_anchor(tok: Token, in_title: bool) -> Anchor | None:
    lemma = _noun_lemma(tok)
    if lemma is None:
        return None
    if _negated_noun(tok) or _many(tok):
        return None
    if _occurrence_role(tok, in_title):
        return Anchor(tok, EVENT_NOUNS.get(lemma))
    return None


def _noun_lemma(tok: Token) -> str | None:
    if tok.pos_ not in {"NOUN", "PROPN"} and not (tok.tag_ == "VBG" and tok.lower_ in {"fighting", "shelling", "bombing"}):
        return None
    lemma = tok.lemma_.lower()
    if lemma in {"air", "airstrikes"}:
        lemma = "airstrike"
    if lemma not in EVENT_NOUNS:
        return None
    if lemma in {"missile", "rocket", "mortar", "drone", "bomb", "shell"} and tok.dep_ == "compound":
        return None   # "missile strike": the head noun is the event
    return lemma


def _many(tok: Token) -> bool:
    """"several similar attacks", "repeated strikes": many events told as one kind (not a
    salvo of weapons, nor the strikes of one day at one place)."""
    if tok.lemma_.lower() in WEAPON_NOUNS or DAY_RX.search(tok.sent.text):
        return False
    return tok.tag_ in {"NNS", "NNPS"} and any(MANY_RX.match(c.text) for c in tok.children
                                                if c.dep_ in {"amod", "det", "nummod", "quantmod"})


def _negated_noun(tok: Token) -> bool:
    """"no real battle", "without a fight", "almost no fighting"."""
    if any(c.lower_ in {"no", "without"} and c.dep_ in {"det", "neg", "advmod"} for c in tok.children):
        return True
    return tok.head.lower_ == "without" and tok.dep_ == "pobj"


def _occurrence_role(tok: Token, in_title: bool) -> bool:
    """Whether the event noun's clause says the event took place."""
    head, dep = tok.head, tok.dep_
    if dep in {"conj", "appos"} and head.i != tok.i:
        return _noun_lemma(head) is not None and _occurrence_role(head, in_title)
    if dep in {"nsubj", "nsubjpass"}:
        if dep == "nsubjpass" and head.lemma_.lower() in CARRY_VERBS:   # "clashes were reported in"
            return _specific_tense(head, in_title)
        return head.lemma_.lower() in OCCUR_VERBS and (_specific_tense(head, in_title) or _ongoing(head))
    if dep == "dobj":
        return head.lemma_.lower() in CARRY_VERBS and _specific_tense(head, in_title)
    if dep == "pobj" and head.dep_ == "prep":
        return _setting_of_death(head) or _responsibility(head)
    if dep == "attr" and head.lemma_ == "be":
        return any(c.dep_ == "expl" for c in head.children)   # "there was an explosion"
    if dep == "ROOT" or (in_title and dep in {"nsubj", "ROOT", "compound"}):
        return in_title or not any(t.pos_ in {"VERB", "AUX"} for t in tok.sent)
    return False


def _setting_of_death(prep: Token) -> bool:
    """"killed in an air strike", "died during clashes", "wounded by shelling"."""
    if prep.lower_ not in SETTING_PREPS:
        return False
    gov = prep.head
    if gov.lemma_.lower() in DEATH_VERBS:
        return True
    return gov.pos_ in {"NOUN", "NUM"} and re.match(r"(?:dead|death|casualt|victim|toll|fatalit)", gov.lower_) is not None


def _responsibility(prep: Token) -> bool:
    return prep.lower_ == "for" and prep.head.lemma_.lower() in {"responsibility", "blame", "credit"}


# The anchors' own methods, strongest first ("Saturday's strike" is a strike from the air).
HINT_ORDER = ("suicide bombing", "airstrike", "shelling", "bombing", "abduction")


def method_of(sent_text: str, anchors: list[Anchor]) -> str:
    """The kind an act is, by its method: the sentence's method words, then the anchors' own."""
    for kind, rx in METHODS:
        if rx.search(sent_text):
            return kind
    hinted = [a.method for a in anchors if a.method]
    for kind in HINT_ORDER:
        if kind in hinted:
            return kind
    if _on_civilians(sent_text, hinted) or _targeted_killing(sent_text, anchors, hinted):
        return "attack"
    return "clash"


def _targeted_killing(sent_text: str, anchors: list[Anchor], hinted: list[str | None]) -> bool:
    """"was shot dead by gunmen", "murdered a tribal elder": a killing with no fighting and
    no soldiers, police or fighters among the victims."""
    if FIGHT_RX.search(sent_text) or "clash" in hinted:
        return False
    if not any(a.token.lemma_.lower() in KILLING_VERBS for a in anchors):
        return False
    return not ARMED_VICTIM_RX.search(_victim_part(sent_text))


def _on_civilians(sent_text: str, hinted: list[str | None]) -> bool:
    """Killing or attacking civilians, with no fighting between armed sides told."""
    if FIGHT_RX.search(sent_text) or "clash" in hinted:
        return False
    return bool(CIVILIAN_RX.search(sent_text)) and not ARMED_VICTIM_RX.search(_victim_part(sent_text))


def _victim_part(sent_text: str) -> str:
    """The words after the first deed word: where the victims are named."""
    m = re.search(r"\b(?:killed|killing|kills|shot|attacked|attacking|massacred|executed|murdered|"
                  r"targeted|targeting|died|dead)\b", sent_text, re.I)
    victims = sent_text[m.start():] if m else sent_text
    return re.sub(r"\bby\s+(?:[\w'-]+\s+){0,3}?[\w'-]+", " ", victims)   # the agent is no victim


def is_aggregate(sent_text: str) -> bool:
    """A toll over a period or a war, not one event."""
    if not AGGREGATE_RX.search(sent_text):
        return False
    rest = SUPERLATIVE_SINCE_RX.sub(" ", sent_text)
    return bool(AGGREGATE_RX.search(rest))


def read_sentence(sent: Span, in_title: bool = False) -> ViolentReading | None:
    """The violent event ``sent`` tells, if any (one a sentence: its first anchor leads)."""
    text = sent.text
    if NOT_VIOLENT_RX.search(text) and not any(rx.search(text) for _, rx in METHODS) and not FIGHT_RX.search(text):
        return None
    if HABIT_RX.search(text) and not in_title:
        return None
    anchors = find_anchors(sent, in_title)
    if not anchors:
        return None
    lead = next((a for a in anchors if a.token.pos_ in {"VERB", "AUX"}), anchors[0])
    return ViolentReading(lead, method_of(text, anchors), is_aggregate(text), anchors)
