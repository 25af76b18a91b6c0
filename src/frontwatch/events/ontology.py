"""The event ontology: ACLED event types and sub-types, with control changes as kinds.

docs/ontology.md explains it in prose. A *kind* is what a sentence says happened; each
kind maps to one ACLED event type and a default sub-type.
"""
from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"

# Control changes: the strings the fusion and control stages read.
CONTROL_KINDS = ("captured", "recaptured", "entered", "besieged", "surrendered", "withdrew")

# kind -> (event_type, sub_event_type)
KIND_TYPES: dict[str, tuple[str | None, str | None]] = {
    "captured": (BATTLES, NON_STATE_OVERTAKES),
    "recaptured": (BATTLES, GOVERNMENT_REGAINS),
    "entered": (BATTLES, ARMED_CLASH),
    "besieged": (BATTLES, ARMED_CLASH),
    "surrendered": (STRATEGIC, NON_VIOLENT_TRANSFER),
    "withdrew": (STRATEGIC, NON_VIOLENT_TRANSFER),
    "clash": (BATTLES, ARMED_CLASH),
    "airstrike": (EXPLOSIONS, "Air/drone strike"),
    "shelling": (EXPLOSIONS, "Shelling/artillery/missile attack"),
    "bombing": (EXPLOSIONS, "Remote explosive/landmine/IED"),
    "suicide bombing": (EXPLOSIONS, "Suicide bomb"),
    "attack": (VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    "abduction": (VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    "protest": (PROTESTS, "Peaceful protest"),
    "riot": (RIOTS, "Violent demonstration"),
    "arrest": (STRATEGIC, "Arrests"),
    "looting": (STRATEGIC, "Looting/property destruction"),
    "statistic": (None, None),
}

EVENT_KINDS = tuple(k for k in KIND_TYPES if k != "statistic")

# Factuality labels. Fusion counts the first four as reports of an event, "negated" as a
# denial, and the rest as statements that no event happened (yet).
FACTUALITY = ("asserted", "attributed", "uncertain", "negated", "future", "hypothetical",
              "historical")
EVENT_FACTUALITY = ("asserted", "attributed", "uncertain", "historical")

# ACLED interaction codes of actors.
INTER_CODES = {
    1: "state forces", 2: "rebel groups", 3: "political militias", 4: "identity militias",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external/other forces",
}


def types_of(kind: str, new_controller_inter: int | None = None) -> tuple[str | None, str | None]:
    """ACLED type and sub-type of a kind; a capture by state forces regains territory."""
    event_type, sub_type = KIND_TYPES.get(kind, (None, None))
    if kind == "captured" and new_controller_inter in (1, 8):
        return BATTLES, GOVERNMENT_REGAINS
    return event_type, sub_type
