"""Trigger words and phrases of event kinds, in active, passive, intransitive, nominal and
state form, found on spaCy tokens.

Each trigger says where its target place is (``target``: "right" of the trigger, as in
"seized Kunduz"; "left", as in "Kunduz fell"), and where its actor is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

# lemma -> kind, for verbs whose object is the place taken.
CAPTURE_VERBS = {"capture": "captured", "seize": "captured", "overrun": "captured",
                 "overran": "captured", "occupy": "captured", "conquer": "captured",
                 "grab": "captured", "take": "captured", "overwhelm": "captured",
                 "retake": "recaptured", "recapture": "recaptured", "regain": "recaptured",
                 "reclaim": "recaptured", "liberate": "recaptured", "retook": "recaptured",
                 "enter": "entered", "storm": "entered", "infiltrate": "entered",
                 "besiege": "besieged", "surround": "besieged", "encircle": "besieged",
                 "blockade": "besieged",
                 "surrender": "surrendered",
                 "lose": "lost"}
# "swept into Kunduz": verbs of motion + into.
INTO_VERBS = {"sweep", "push", "storm", "break", "move", "roll", "march", "advance", "pour",
              "burst", "stream", "drive", "force", "fight", "make"}
SWEEP_VERBS = {"sweep", "overrun"}
WITHDRAW_VERBS = {"withdraw", "retreat", "pull"}
# "abandoned the town", "evacuated Kherson": a side leaves the place it names as object.
LEAVE_VERBS = {"abandon", "evacuate", "vacate", "quit", "desert"}
# "left the city", "fled the district": leaving, when the object is a place.
LEFT_VERBS = {"leave", "flee", "exit"}
PLACE_OBJECTS = {"city", "town", "district", "village", "area", "base", "province", "capital", "region",
                 "airport", "port", "crossing", "valley", "garrison", "airbase", "centre", "center"}
# "the withdrawal of its troops from Kherson", "their pull-out from Marte".
WITHDRAW_NOUNS = {"withdrawal", "pullout", "pull-out", "retreat", "evacuation", "redeployment"}
# "gained control of", "wrested control of", "established control over": taking control.
CONTROL_GAIN_VERBS = {"gain", "wrest", "assume", "establish", "secure", "win", "extend", "impose",
                      "consolidate", "regain", "retake", "reassert", "restore"}
OUT_VERBS = {"push", "drive", "force", "chase", "expel", "kick", "throw", "flush", "oust", "rout"}
BACK_VERBS = {"take", "win", "wrest", "seize", "grab", "get"}
FALL_LEMMAS = {"fall"}
NOMINALS = {"fall": "captured", "capture": "captured", "takeover": "captured",
            "seizure": "captured", "recapture": "recaptured", "siege": "besieged",
            "encirclement": "besieged", "surrender": "surrendered", "withdrawal": "withdrew",
            "liberation": "recaptured"}
HOLD_LEMMAS = {"hold", "control"}
# "now controls most of Khartoum": a share held, not a place taken.
PARTITIVES = {"most", "much", "parts", "part", "all", "nearly", "almost", "large", "swathes", "half",
              "some", "areas", "territory", "more"}
# Irregular past forms the tagger sometimes reads as nouns ("Ukraine retook/NN Kherson").
IRREGULAR_FORMS = {"retook": "retake", "retaken": "retake", "overran": "overrun", "overrun": "overrun"}
# "ousted the MNDAA from Laukkai": verbs whose object is the side driven from the place.
OUST_VERBS = {"oust", "expel", "evict", "dislodge", "drive", "push", "chase", "eject"}
# "take" is an event only with these objects or particles, never "took place", "take part".
TAKE_BLOCKERS = {"place", "part", "up", "office", "steps", "step", "time", "care", "advantage",
                 "responsibility", "action", "aim", "note", "shelter", "refuge", "hold", "effect",
                 "measures", "power", "turns", "credit", "charge", "root", "shape", "off", "away"}

OTHER_KINDS = {  # lemma -> kind, for events that are not control changes
    "clash": "clash", "battle": "clash", "firefight": "clash", "skirmish": "clash",
    "fighting": "clash", "ambush": "clash",
    "airstrike": "airstrike", "strike": "airstrike", "bomb": "bombing", "bombing": "bombing",
    "shell": "shelling", "shelling": "shelling", "artillery": "shelling", "rocket": "shelling",
    "missile": "shelling", "explosion": "bombing", "blast": "bombing", "ied": "bombing",
    "massacre": "attack", "execute": "attack", "abduct": "abduction", "kidnap": "abduction",
    "protest": "protest", "demonstrate": "protest", "rally": "protest", "demonstration": "protest",
    "riot": "riot", "loot": "looting", "arrest": "arrest", "detain": "arrest",
}
STATE_RX = re.compile(
    r"\b(?:(?:is|was|are|were|be|been|remains?|remained|now|firmly|back|came|come|fallen|fell|falls|"
    r"slipped|passed)\s+)?(?:under|into|in)\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+|effective\s+)?"
    r"(?:(?P<of>control|hands)\s+of\s+(?:the\s+)?(?P<actor1>[\w' -]{2,40}?)(?=[,.;:)]|\s+(?:and|after|since|on|in|by|which|as|when|while|if|but|for)\b|$)|"
    r"(?P<actor2>[\w'’-]+(?:\s[\w'’-]+)?)\s+(?:control|hands))", re.IGNORECASE)


# "in control of police headquarters": the phrase names what is held, not who holds it; a
# building or a base taken is not a change of control of the place.
FACILITY_END_RX = re.compile(
    r"\b(?:headquarters|compound|office|offices|building|buildings|base|bases|airport|airfield|"
    r"palace|prison|jail|checkpoints?|posts?|bazaar|market|barracks|garrison|station|highway|road|motorway)$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    start: int            # char offsets into the doc
    end: int
    kind: str             # an event kind, or "lost" (captured, by the other side)
    target: str           # "right", "left" or "none"
    actor_side: str       # "left" (subject), "right-by" (agent), "right-to" (to X), "phrase"
    head: Token           # the token whose grammar decides mood and tense
    text: str
    actor_text: str | None = None   # for state phrases: the controller as written


def _next_words(tok: Token, n: int = 4) -> list[Token]:
    return [t for t in tok.doc[tok.i + 1: tok.i + 1 + n]]


def _is_passive(tok: Token) -> bool:
    if tok.tag_ != "VBN":   # "was overrun" is often tagged as a base or past form
        before = [t for t in tok.doc[max(0, tok.i - 3): tok.i] if t.pos_ != "ADV"]
        return any(c.dep_ == "auxpass" for c in tok.children) or bool(
            tok.tag_ in {"VB", "VBP", "VBD"} and before and before[-1].lower_ in {"was", "were", "been", "being", "is", "are", "be"})
    if _misread_as_modifier(tok):
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    nxt = [t for t in _next_words(tok, 6) if t.pos_ != "ADV"]
    if tok.dep_ in {"acl", "amod"} or (nxt and nxt[0].lower_ == "by"):
        return True
    prev = tok.doc[max(0, tok.i - 3): tok.i]
    return any(p.lower_ in {"was", "were", "been", "being", "is", "are", "be"} for p in prev)


def _misread_as_modifier(tok: Token) -> bool:
    """"The Taliban captured Herat" parsed as a noun phrase ("captured" modifying "Herat"):
    a participle right after a noun, before its head, is a finite verb."""
    if tok.dep_ != "amod" or tok.head.i <= tok.i or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.tag_ in {"NNP", "NNPS", "NNS", "NN"} and prev.head.i != tok.i


def find_triggers(sent: Span) -> list[Trigger]:
    found: list[Trigger] = []
    for tok in sent:
        trig = _verb_trigger(tok) or _nominal_trigger(tok) or _other_trigger(tok)
        if trig:
            found.append(trig)
    found += _state_triggers(sent, found)
    found.sort(key=lambda t: t.start)
    return _without_overlaps(found)


def _without_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    kept: list[Trigger] = []
    for t in triggers:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


def _make(tok: Token, last: Token, kind: str, target: str, actor: str) -> Trigger:
    return Trigger(tok.idx, last.idx + len(last.text), kind, target, actor, tok,
                   tok.doc[tok.i: last.i + 1].text)   # doc.text would join the whole document again


def _verb_trigger(tok: Token) -> Trigger | None:
    irregular = IRREGULAR_FORMS.get(tok.lower_) if tok.pos_ in {"NOUN", "PROPN", "ADJ"} else None
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.tag_.startswith("VB")) and not irregular:
        return None
    lemma = irregular or tok.lemma_.lower()
    nxt = _next_words(tok)
    nxt_lower = [t.lower_ for t in nxt]
    particle = next((t for t in nxt[:3] if t.dep_ == "prt" or t.lower_ in {"out", "back", "over", "into"}), None)
    if lemma in FALL_LEMMAS:
        if nxt_lower[:1] in (["back"], ["apart"], ["short"], ["silent"], ["ill"]) or "back" in nxt_lower[:1]:
            return None
        return _make(tok, tok, "captured", "left", "right-to")
    if lemma in CONTROL_GAIN_VERBS and "control" in nxt_lower[:4]:
        kind = "recaptured" if lemma in {"regain", "retake", "reassert", "restore"} else "captured"
        return _make(tok, tok, kind, "right", "left")
    if lemma in LEAVE_VERBS and _place_object(tok) and not _is_passive(tok):
        return _make(tok, tok, "withdrew", "right", "left")   # not "evacuate embassy staff"
    if lemma in LEFT_VERBS and _place_object(tok) and not _is_passive(tok) and tok.tag_ in {"VBD", "VBN"}:
        return _make(tok, tok, "withdrew", "right", "left")   # not "leaving the capital cut off"
    if lemma in WITHDRAW_VERBS or lemma == "redeploy" or (lemma == "pull" and "out" in nxt_lower):
        if lemma == "pull" and ("out" not in nxt_lower or not _forces_pulled(tok)):
            return None
        return _make(tok, tok, "withdrew", "right-from", "left")
    if lemma in OUT_VERBS and "out" in [t.lower_ for t in tok.doc[tok.i + 1: tok.i + 5]]:
        return _make(tok, tok, "recaptured", "right-out", "left")
    if lemma in OUST_VERBS and any(c.dep_ == "dobj" for c in tok.children) and \
            any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return _make(tok, tok, "recaptured", "right-from", "left")
    if lemma == "clear" and nxt_lower[:1] == ["of"]:
        return _make(tok, tok, "recaptured", "left", "left")
    if lemma in BACK_VERBS and "back" in [t.lower_ for t in tok.doc[tok.i + 1: tok.i + 6]]:
        return _make(tok, tok, "recaptured", "right", "left")
    if lemma in INTO_VERBS and particle is not None and particle.lower_ == "into":
        # "swept into Kunduz" tells a place overrun; "pushed into", "stormed into" an entry
        return _make(tok, particle, "captured" if lemma in SWEEP_VERBS else "entered", "right", "left")
    if lemma == "hand" and ("over" in nxt_lower[:4] or _handed_to(tok)):
        return _make(tok, tok, "surrendered", "right", "left")
    if lemma in {"raise", "hoist", "plant"} and "flag" in nxt_lower and tok.tag_ in {"VBD", "VBN"}:
        return _make(tok, tok, "captured", "right", "left")   # "raised their flag over the city"
    if lemma == "cut" and "off" in [t.lower_ for t in tok.doc[tok.i + 1: tok.i + 6]] and \
            tok.dep_ in {"ROOT", "conj", "advcl", "relcl", "ccomp"}:   # not "leaves the city cut off"
        return _make(tok, tok, "besieged", "left" if _is_passive(tok) else "right", "left")
    if lemma == "free" and tok.tag_ in {"VBD", "VBN"}:
        return _make(tok, tok, "recaptured", "left" if _is_passive(tok) else "right", "right-by" if _is_passive(tok) else "left")
    if lemma in HOLD_LEMMAS and tok.tag_ in {"VBD", "VBN"}:
        return _make(tok, tok, "held", "right", "left")
    if lemma in HOLD_LEMMAS and tok.tag_ in {"VBZ", "VBP"} and tok.i > 0 and \
            "now" in [t.lower_ for t in tok.doc[max(0, tok.i - 3): tok.i]] \
            and not (nxt_lower and nxt_lower[0] in PARTITIVES):
        return _make(tok, tok, "held-state", "right", "left")   # "the Taliban now control Kunduz"
    kind = CAPTURE_VERBS.get(lemma)
    if kind is None:
        return None
    if lemma == "take" and nxt_lower and (nxt_lower[0] in TAKE_BLOCKERS or
                                          (len(nxt_lower) > 1 and nxt_lower[1] in {"part", "place"})):
        if nxt_lower[0] != "over":
            return None
    if lemma == "take" and nxt_lower[:1] == ["over"] and not _is_passive(tok):
        return _make(tok, nxt[0], kind, "right", "left")   # "took over Deir ez-Zor"
    if lemma == "surrender" and not any(c.dep_ == "dobj" for c in tok.children):
        return None
    if _is_passive(tok):
        return _make(tok, tok, kind, "left", "right-by")
    return _make(tok, tok, kind, "right", "left")


# What a side pulls out when it withdraws: "pulled its troops out of Avdiivka" (not "its diplomats").
FORCE_NOUNS = {"troop", "force", "soldier", "unit", "fighter", "man", "peacekeeper", "contingent",
               "battalion", "brigade", "personnel", "army", "garrison", "militant", "detachment"}


def _forces_pulled(tok: Token) -> bool:
    out = next((t.i for t in tok.doc[tok.i + 1: tok.i + 6] if t.lower_ == "out"), tok.i + 1)
    objects = [c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < out]
    return not objects or any(o.lemma_.lower() in FORCE_NOUNS for o in objects)


def _handed_to(tok: Token) -> bool:
    """"handed al-Abdiya district to the Houthis": an object, then "to" a side."""
    return any(c.dep_ == "dobj" for c in tok.children) and any(
        c.dep_ in {"prep", "dative"} and c.lower_ == "to" for c in tok.children)


def _place_object(tok: Token) -> bool:
    """"left the city", "fled Kabul": the verb's object is a place, not "13 bodies"."""
    return any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_.lower() in PLACE_OBJECTS or c.lower_ == "it")
               for c in tok.children)


def _nominal_trigger(tok: Token) -> Trigger | None:
    if tok.pos_ != "NOUN":
        return None
    nxt = _next_words(tok, 2)
    if tok.lemma_.lower() in WITHDRAW_NOUNS and nxt and nxt[0].lower_ in {"of", "from"}:
        return _make(tok, nxt[0], "withdrew", "right-from", "left")
    kind = NOMINALS.get(tok.lemma_.lower())
    if kind is None or not nxt or nxt[0].lower_ not in {"of", "to"}:
        return None
    if tok.lemma_.lower() == "siege" and nxt[0].lower_ == "to":
        return _make(tok, nxt[0], "besieged", "right", "left")
    return _make(tok, nxt[0], kind, "right", "right-by")


def _other_trigger(tok: Token) -> Trigger | None:
    lemma = tok.lemma_.lower()
    kind = OTHER_KINDS.get(lemma)
    if kind is None:
        return None
    if lemma == "strike" and not any(t.lower_ in {"air", "drone"} for t in tok.doc[max(0, tok.i - 2): tok.i]):
        return None
    if tok.text.lower() in {"air"}:
        return None
    if lemma in {"rocket", "missile", "artillery"} and tok.dep_ == "compound" and tok.head.lemma_ in {"launcher"}:
        return None
    if lemma == "kill" and not tok.pos_ == "VERB":
        return None
    return _make(tok, tok, kind, "around", "left")


def _state_triggers(sent: Span, verbs: list[Trigger]) -> list[Trigger]:
    out = []
    doc = sent.doc
    for m in STATE_RX.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if any(v.start < end and start < v.end and v.kind != "captured" for v in verbs):
            continue
        if any(v.start < end and start < v.end for v in verbs if v.target == "left" and v.kind == "captured"):
            continue  # "fell under Taliban control": the verb says it
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        head = next((t for t in span if t.lemma_ in {"be", "remain", "come", "fall", "pass"}), span.root)
        if head.lemma_ not in {"be", "remain", "come", "fall", "pass"}:
            prev = doc[max(sent.start, span.start - 3): span.start]
            head = next((t for t in reversed(prev) if t.lemma_ in {"be", "remain"}), span.root)
        actor = m.group("actor1") or m.group("actor2")
        if FACILITY_END_RX.search(actor.strip()):
            continue
        if m.group("of") and m.group("of").lower() == "control" and re.match(r"(?i)(?:\w+\s+)?in\b", m.group(0)) \
                and not re.match(r"(?i)(?:is|was|are|were|be|been|remains?|remained|fallen|fell|falls|came|come)\s", m.group(0)):
            if re.search(r"(?i)\b(?:leav(?:es|ing|e)|left)\b[^.;]{0,50}$", sent.text[: m.start()]) or \
                    FACILITY_END_RX.search(actor.strip().split()[0] if actor.strip() else ""):
                continue   # "its loss leaves the Taliban in control of Highway 1": a consequence
            # "shows Ukrainian forces in control of Mala Rohan": who holds is on the left
            of = start + m.group(0).lower().index(" of ") + 4
            out.append(Trigger(start, of, "held-state", "right", "left", head, sent.text[m.start(): of - sent.start_char]))
            continue
        out.append(Trigger(start, end, "held-state", "left", "phrase", head, m.group(0), actor))
    return out
