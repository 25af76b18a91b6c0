"""Tallies: how many places of each kind each side held on each day."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from frontwatch.control.timeline import ControlState, state_on

CAPITAL_FEATURES = {"PPLA", "PPLC"}   # GeoNames: seat of a first-order admin unit, capital


def place_category(state: ControlState) -> str:
    place = state.place
    if place.feature in CAPITAL_FEATURES:
        return "provincial capitals"
    return {"admin1": "provinces", "admin2": "districts", "country": "countries"}.get(
        place.level or "", "other places")


def tallies(timelines: dict[str, list[ControlState]], start: str, end: str) -> list[dict]:
    """One row a day and category: places held by each controller, contested, besieged.

    States that rest on an unconfirmed claim count under their own status, "Taliban
    (unconfirmed)", never with the confirmed ones.
    """
    rows = []
    day, last = date.fromisoformat(start), date.fromisoformat(end)
    while day <= last:
        counts: Counter = Counter()
        for timeline in timelines.values():
            state = state_on(timeline, day.isoformat())
            if state is None:
                continue
            label = (state.controller if state.state == "held" else state.state) or "unknown"
            if state.uncertain:
                label += " (unconfirmed)"    # a claim nobody confirmed is counted apart
            counts[(place_category(state), label)] += 1
        rows.extend({"date": day.isoformat(), "category": cat, "status": label, "places": n}
                    for (cat, label), n in sorted(counts.items()))
        day += timedelta(days=1)
    return rows


def timeline_range(timelines: dict[str, list[ControlState]]) -> tuple[str, str] | None:
    days = [s.date_from for t in timelines.values() for s in t]
    return (min(days), max(days)) if days else None
