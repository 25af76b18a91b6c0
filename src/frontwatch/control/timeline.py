"""Control of each place over time, from its fused events.

A place's timeline is a sequence of states, each from a date until the next change:
``held`` (by the controller), ``contested`` (fighters entered; the holder is disputed) or
``besieged`` (by the controller, the holder unchanged). Before its first event a place's
state is unknown. Rules:

- captured, recaptured, surrendered: held by the new controller;
- entered: contested between the one who entered and the holder;
- besieged: besieged by the attacker; the holder stays the holder;
- withdrew: held by the new controller when the text names one, else contested.

An entry or a siege followed by a capture on the same day leaves one state, held, with
both events behind it; an "entry" by the side that already holds the place changes
nothing.

Only events dated to the day or week move the timeline; events known only to the year
or month (historical mentions) and events located only to a region (geo precision 3:
"two districts in Balkh") are listed with the place but change no state. Uncertain or
disputed events do change it, with the state marked uncertain. Several events on one
day apply in the order siege, entry, capture, recapture (Qala-i-Naw, 7 July 2021: taken
and retaken the same day ends the day in government hands).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from frontwatch.fuse.event import FusedEvent
from frontwatch.fuse.mention import Place, name_key

TIMELINE_PRECISIONS = {"day", "week"}
REGION_ONLY = 3
SAME_DAY_ORDER = {"besieged": 0, "entered": 1, "withdrew": 2, "captured": 3, "surrendered": 3,
                  "recaptured": 4}
CONTROL_KINDS = set(SAME_DAY_ORDER)


@dataclass(frozen=True)
class ControlState:
    place_key: str
    place: Place
    seq: int
    date_from: str
    date_to: str | None          # the day the next state begins; None: still current
    state: str                   # held, contested, besieged
    controller: str | None       # who holds (held), who attacks (besieged, contested)
    holder: str | None           # for besieged and contested: who held the place before
    uncertain: bool
    event_ids: tuple[str, ...]


def place_key(place: Place) -> str:
    return place.id or f"{place.country or ''}:{name_key(place.name)}"


def moves_timeline(event: FusedEvent) -> bool:
    return (event.kind in CONTROL_KINDS and event.place is not None and event.date is not None
            and event.date_precision in TIMELINE_PRECISIONS
            and (event.place.precision or 1) < REGION_ONLY)


def build_timelines(events: Iterable[FusedEvent]) -> dict[str, list[ControlState]]:
    """Every place's sequence of control states."""
    by_place: dict[str, list[FusedEvent]] = {}
    for event in events:
        if moves_timeline(event):
            by_place.setdefault(place_key(event.place), []).append(event)
    return {key: place_timeline(key, evs) for key, evs in sorted(by_place.items())}


def place_timeline(key: str, events: list[FusedEvent]) -> list[ControlState]:
    events = sorted(events, key=lambda e: (e.date, SAME_DAY_ORDER[e.kind], e.id))
    place = _most_precise_place(events)
    states: list[dict] = []
    holder: str | None = None
    for event in events:
        state, controller, new_holder = _transition(event, holder)
        uncertain = event.factuality == "uncertain" or event.disputed
        last = states[-1] if states else None
        if last and _changes_nothing(last, state, controller, holder, uncertain):
            last["event_ids"].append(event.id)
        elif last and _ends_a_fight_the_same_day(last, event.date, state):
            last.update(state=state, controller=controller, holder=None, uncertain=uncertain,
                        event_ids=last["event_ids"] + [event.id])
        else:
            states.append({"date_from": event.date, "state": state, "controller": controller,
                           "holder": holder if state != "held" else None,
                           "uncertain": uncertain, "event_ids": [event.id]})
        holder = new_holder
    return [ControlState(key, place, seq, s["date_from"],
                         states[seq + 1]["date_from"] if seq + 1 < len(states) else None,
                         s["state"], s["controller"], s["holder"], s["uncertain"], tuple(s["event_ids"]))
            for seq, s in enumerate(states)]


def _changes_nothing(last: dict, state: str, controller: str | None, holder: str | None,
                     uncertain: bool) -> bool:
    """The same state again, or the holder "entering" or "besieging" what it holds."""
    if uncertain:
        return False
    if (last["state"], last["controller"]) == (state, controller):
        return True
    return state != "held" and last["state"] == "held" and controller is not None and controller == holder


def _ends_a_fight_the_same_day(last: dict, day: str, state: str) -> bool:
    """Entered (or besieged) and taken on one day: the day ends held, with both events."""
    return state == "held" and last["state"] != "held" and last["date_from"] == day


def _transition(event: FusedEvent, holder: str | None) -> tuple[str, str | None, str | None]:
    """(state, controller, holder after the event)."""
    attacker = event.new_controller or event.actor1
    before = holder or event.previous_controller
    if event.kind in ("captured", "recaptured", "surrendered"):
        return "held", attacker, attacker
    if event.kind == "withdrew" and event.new_controller:
        return "held", event.new_controller, event.new_controller
    if event.kind == "besieged":
        return "besieged", attacker, before
    return "contested", attacker, before


def _most_precise_place(events: list[FusedEvent]) -> Place:
    return min((e.place for e in events), key=lambda p: (p.precision or 9, p.id or ""))


def state_on(timeline: list[ControlState], day: str) -> ControlState | None:
    """The state a place was in at the end of ``day``, or None before its first event."""
    current = None
    for state in timeline:
        if state.date_from <= day:
            current = state
    return current
