"""Factuality of a mention: asserted, attributed, uncertain, negated, future, hypothetical
or historical, from the trigger's own grammar and the sentence's cues."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|apparently|unconfirmed|if (?:it is |this is |that is )?true|"
    r"if so|if confirmed|could not be (?:independently )?(?:verified|confirmed)|"
    r"not (?:be )?independently (?:verified|confirmed)|claimed|claims? to have|claiming|"
    r"is said to|are said to|was said to|were said to|rumou?rs?|unverified|purportedly|"
    r"appears? to have|seem(?:s|ed)? to have|denied)\b", re.IGNORECASE)
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODAL_AUX = {"might", "could", "may", "would", "should", "must", "can", "ca"}
# Verbs whose to-infinitive is an aim, not a deed: "battling to take control".
INTENT_HEADS = {"battle", "fight", "try", "attempt", "seek", "aim", "push", "plan", "want",
                "threaten", "vow", "hope", "prepare", "intend", "expect", "set", "fail",
                "struggle", "bid", "move", "poise", "able", "likely", "bound", "due", "go",
                "intention", "effort", "possibility", "chance", "fear", "warn", "need", "scheduled",
                "schedule", "continue", "order", "urge", "call", "ask", "instruct", "allow", "tell",
                "send", "deploy", "dispatch", "rush", "mobilise", "mobilize", "pledge", "promise",
                "attempt", "aim", "ready", "poised", "determined", "vowed"}
FUTURE_HEADS = {"expect", "set", "due", "go", "plan", "schedule", "scheduled", "prepare", "poise", "order",
                "pledge", "promise"}
TIME_MARKS = {"until", "till", "once", "when", "before", "after", "as soon as"}
NEGATIONS = {"not", "n't", "never", "no"}
NEG_HEADS = {"fail", "deny", "refuse"}
# "we thought the city was lost": a belief, not a report of a deed.
BELIEF_HEADS = {"think", "fear", "believe", "suspect", "worry", "imagine", "assume"}
SAY_VERBS = {"say", "claim", "tell", "report", "announce", "confirm", "state", "add",
             "insist", "allege", "assert", "write", "post", "declare", "tweet"}


@dataclass(frozen=True)
class Factuality:
    label: str
    attributed_to: str | None = None


def grammatical_mood(trigger: Token) -> str | None:
    """negated, future or hypothetical from the trigger's auxiliaries and governors."""
    chain = [trigger] + list(_governors(trigger))
    for tok in chain[:3]:
        kids = list(tok.children)
        if tok.dep_ == "ccomp" and tok.head.lemma_ in NEG_HEADS:
            return "negated"    # "denied that it had fallen"
        if tok.dep_ == "ccomp" and tok.head.lemma_ in BELIEF_HEADS:
            return "hypothetical"
        if tok.i == trigger.i and tok.tag_ in {"VBZ", "VBP"} and \
                any(k.dep_ == "mark" and k.lower_ in TIME_MARKS for k in kids):
            return "future"     # "will not stop until it takes Sittwe"
        if tok.i == trigger.i and any(k.dep_ == "mark" and k.lower_ in {"until", "till"} for k in kids) and \
                any(k.dep_ == "aux" and k.lemma_ == "have" and k.tag_ in {"VBZ", "VBP"} for k in kids):
            return "future"     # "will keep fighting until Eritrean forces have left Tigray"
        if any(k.dep_ == "neg" or k.lower_ in NEGATIONS for k in kids if k.dep_ in {"neg", "advmod", "det"}):
            return "negated"
        if tok.lemma_ in NEG_HEADS and tok.i != trigger.i:
            return "negated"
        if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in FUTURE_AUX for k in kids):
            return "future"
        if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in MODAL_AUX for k in kids):
            return "hypothetical"
        if any(k.dep_ == "mark" and k.lower_ in {"if", "unless", "whether"} for k in kids):
            return "hypothetical"
        if tok.i != trigger.i and tok.lemma_ in INTENT_HEADS and trigger.dep_ in {"xcomp", "acl", "ccomp"} and \
                not (tok.lemma_ in {"continue", "keep"} and tok.tag_ in {"VBD", "VBN"}) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
            return "future" if tok.lemma_ in FUTURE_HEADS else "hypothetical"
        if tok.dep_ not in {"xcomp", "conj"}:
            break
    return None


def _governors(token: Token):
    while token.head.i != token.i:
        token = token.head
        yield token


def attribution(sentence_tokens: list[Token], trigger: Token, actors_find) -> str | None:
    """Who says so: the subject of a saying verb governing the trigger, or "according to X"."""
    for tok in [trigger] + list(_governors(trigger)):
        if tok.i != trigger.i and tok.lemma_ in SAY_VERBS:
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj:
                return _phrase(subj[0])
    for tok in sentence_tokens:
        if tok.lemma_ in SAY_VERBS and tok.pos_ == "VERB" and tok.i > trigger.i and \
                tok.head.i == tok.i and tok.dep_ == "ROOT" or (tok.lemma_ in SAY_VERBS and tok.dep_ in {"parataxis"}):
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj:
                return _phrase(subj[0])
    text = " ".join(t.text for t in sentence_tokens)
    m = re.search(r"\baccording to (?:the )?((?:[\w'’.-]+ ){0,6}?[\w'’.-]+)(?:[,.;]|$)", text, re.IGNORECASE)
    if m:
        return m.group(1)
    return None


def _phrase(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ not in {"punct"} and t.dep_ != "relcl"]
    span = token.doc[words[0].i: words[-1].i + 1] if words else token.doc[token.i:token.i + 1]
    return span.text[:80]


def label_factuality(sentence_text: str, trigger: Token, sentence_tokens: list[Token],
                     background: bool = False, actors_find=None) -> Factuality:
    """The label of the event ``trigger`` tells; ``background``: its date lies well before
    the article's publication (dates.is_background), which outweighs a hedge or a source."""
    mood = grammatical_mood(trigger)
    if mood:
        return Factuality(mood)
    if sentence_text.rstrip().endswith("?"):
        return Factuality("hypothetical")   # "Did JNIM take the town?": a question, not a report
    who = attribution(sentence_tokens, trigger, actors_find)
    if background:
        return Factuality("historical", who)
    if HEDGES.search(sentence_text):
        return Factuality("uncertain", who)
    if who:
        return Factuality("attributed", who)
    return Factuality("asserted")
