"""A cheap test on an article's raw text, before any parsing: can it hold a conflict event?

Every event the extractor reports needs an event word (a trigger: "captured", "fell",
"withdrew", "killed", "shelled", "blast", ...) and a conflict word (an armed side the actor
dictionary knows, or a word of war: troops, militants, bomb, missile, killed...). An article
with neither kind is a football report or a market update: it is recorded as extracted with
no mentions, and spaCy never reads it. The word lists are wider than the rules' own
vocabulary (stems, not forms), so the test can let a non-conflict article through but never
stops one the rules would find an event in (tests/test_events_prefilter.py checks every gold
article passes).
"""
from __future__ import annotations

import re

from frontwatch.events.actors import ActorDictionary

# Stems of every trigger of control changes and violent events (triggers.py, violence.py,
# fatalities.py), and of the state phrases ("in the hands of", "under the control of").
EVENT_STEMS = (
    "captur", "seiz", "overr", "occup", "conquer", "grab", "took", "take", "taking", "overwhelm", "retak",
    "retook", "recaptur", "regain", "reclaim", "liberat", "enter", "storm", "infiltrat", "besieg", "surround",
    "encircl", "blockad", "siege", "surrender", "lost", "lose", "losing", "fell", "fall", "swept", "sweep",
    "push", "broke", "break", "move", "roll", "march", "advanc", "pour", "burst", "stream", "drove", "driv",
    "forc", "fought", "fight", "withdr", "retreat", "pull", "abandon", "evacuat", "vacat", "quit", "desert",
    "left", "leav", "fled", "flee", "exit", "oust", "expel", "evict", "dislodg", "chas", "eject", "kick",
    "threw", "throw", "flush", "rout", "clear", "hand", "held", "hold", "control", "takeover", "redeploy",
    "cut", "free", "rais", "hoist", "plant", "flag", "gain", "wrest", "assum", "establish", "secur", "win",
    "won", "extend", "impos", "consolidat", "restor", "reassert", "kill", "die", "died", "dead", "death",
    "perish", "slay", "slain", "murder", "massacr", "execut", "behead", "shot", "shoot", "gun", "attack",
    "ambush", "clash", "battl", "raid", "strik", "struck", "hit", "target", "bomb", "shell", "bombard",
    "pound", "explod", "explos", "detonat", "blast", "abduct", "kidnap", "torch", "burn", "assassinat",
    "stab", "firefight", "skirmish", "offensive", "missile", "rocket", "mortar", "drone", "airstrike",
    "toll", "martyr", "lives", "eliminat", "casualt",
)
# Words of war besides the armed sides themselves (stems, or whole words where a stem would
# catch other words: "war" and not "warning").
CONFLICT_STEMS = (
    "troop", "soldier", "fighter", "militant", "rebel", "insurgen", "forces", "army", "armies", "militia",
    "gunm", "jihad", "terror", "military", "commando", "paramilitar", "junta", "regime", "kill", "dead",
    "died", "bomb", "blast", "explos", "shell", "missile", "rocket", "drone", "airstrike", "air strike",
    "artillery", "mortar", "siege", "besieg", "offensive", "occupation", "frontline", "front line", r"wars?\b",
    "warplane", "warship", "warhead", "warlord", "warring", "warfare", "jet", "aircraft", "helicopter",
    "fighting", "clash", "ambush", "massacr", "martyr", "casualt", "hostage", "abduct", "kidnap",
)
_EVENT_RX = re.compile(r"\b(?:" + "|".join(sorted(EVENT_STEMS, key=len, reverse=True)) + ")", re.IGNORECASE)
_CONFLICT_RX = re.compile(r"\b(?:" + "|".join(sorted(CONFLICT_STEMS, key=len, reverse=True)) + ")",
                          re.IGNORECASE)


def could_hold_event(text: str, actors: ActorDictionary) -> bool:
    """Whether ``text`` (headline and body) can hold an event the extractor would report."""
    if not _EVENT_RX.search(text):
        return False
    return bool(_CONFLICT_RX.search(text) or actors.pattern.search(text))
