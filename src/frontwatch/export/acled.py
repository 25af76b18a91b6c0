"""Events as ACLED-style rows: ACLED's column names where ACLED has the column, then ours."""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
OUR_COLUMNS = ("confidence", "independent_sources", "factuality", "evidence", "frontwatch_id",
               "kind", "new_controller", "previous_controller", "date_basis", "disputed")
COLUMNS = ACLED_COLUMNS + OUR_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations",
            "Strategic developments": "Strategic developments"}
# ACLED's regions for the countries frontwatch is most used on; others are left blank.
REGION = {
    "AF": "South Asia", "PK": "South Asia", "IN": "South Asia", "BD": "South Asia",
    "SY": "Middle East", "IQ": "Middle East", "YE": "Middle East", "LB": "Middle East",
    "IL": "Middle East", "PS": "Middle East", "TR": "Middle East", "IR": "Middle East",
    "UA": "Europe", "RU": "Europe", "SD": "Northern Africa", "LY": "Northern Africa",
    "EG": "Northern Africa", "SS": "Eastern Africa", "ET": "Eastern Africa", "SO": "Eastern Africa",
    "MM": "Southeast Asia", "PH": "Southeast Asia", "ML": "Western Africa", "BF": "Western Africa",
    "NG": "Western Africa", "NE": "Western Africa", "CD": "Middle Africa", "CF": "Middle Africa",
    "CM": "Middle Africa", "MZ": "Southern Africa", "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia", "TJ": "Caucasus and Central Asia", "HT": "Caribbean",
    "MX": "Central America", "CO": "South America",
}

InteractionCode = Callable[[str | None], int | None]


def _country(alpha2: str | None) -> tuple[str | None, int | None, str | None]:
    """(name, numeric ISO code, ISO3) of a country given as ISO alpha-2."""
    if not alpha2:
        return None, None, None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    if country is None:
        return alpha2, None, alpha2
    return getattr(country, "common_name", None) or country.name, int(country.numeric), country.alpha_3


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# How a note tells each kind: "{a1}" the side that acts, "{a2}" the other, "{where}" the place.
NOTE_PHRASES = {
    "captured": "{a1} captured {where}{from_a2}", "recaptured": "{a1} retook {where}{from_a2}",
    "entered": "{a1} entered {where}", "besieged": "{a1} besieged {where}",
    "surrendered": "{where} was handed over{to_a1}", "withdrew": "{a1} withdrew from {where}",
    "clash": "armed clash{between} in {where}", "airstrike": "air or drone strike{by_a1} in {where}",
    "shelling": "shelling{by_a1} in {where}", "bombing": "explosion{by_a1} in {where}",
    "suicide bombing": "suicide bombing{by_a1} in {where}", "attack": "attack on civilians{by_a1} in {where}",
    "abduction": "abduction{by_a1} in {where}",
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def _when(date: str | None) -> str:
    """"On 8 August 2021", "In August 2021", "In 2014", as the date's precision allows."""
    if not date:
        return "On an unknown date"
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return f"On {parts[2]} {MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"In {MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return f"In {parts[0]}"


def _notes(event: dict[str, Any]) -> str:
    """A sentence in ACLED's manner: "On 8 August 2021, Taliban captured Kunduz from Afghan
    government." Background an article recalls is said to be so."""
    a1 = event["actor1"] or event["new_controller"] or ""
    a2 = event["actor2"] or event["previous_controller"] or ""
    where = event["place_name"] or "an unnamed place"
    phrase = NOTE_PHRASES.get(event["kind"], event["kind"] + " in {where}").format(
        a1=a1 or "an unidentified side", where=where, from_a2=f" from {a2}" if a2 else "",
        to_a1=f" to {a1}" if a1 else "", by_a1=f" by {a1}" if a1 else "",
        between=f" between {a1} and {a2}" if a1 and a2 else (f" involving {a1}" if a1 else ""))
    text = f"{_when(event['date'])}, {phrase}."
    if event["fatalities"]:
        text += f" {event['fatalities']} killed."
    if event["factuality"] == "historical":
        text = "Background (recalled by the source, not a new event): " + text
    for note in event["conflicts"]:
        text += f" Note: {note}."
    return text


def _tags(event: dict[str, Any]) -> str:
    tags = [event["factuality"]]
    if event["disputed"]:
        tags.append("disputed")
    if event["attributed_to"]:
        tags.append("claimed by " + ", ".join(event["attributed_to"]))
    return "; ".join(tags)


def acled_row(event: dict[str, Any], sources: list[dict[str, Any]],
              interaction_code: InteractionCode = lambda actor: None) -> dict[str, Any]:
    """One ACLED-style row for an event record and its sources (store.events)."""
    name, numeric, iso3 = _country(event["country"])
    actor1 = event["actor1"] or event["new_controller"] or ""
    actor2 = event["actor2"] or event["previous_controller"] or ""
    inter1, inter2 = interaction_code(actor1 or None), interaction_code(actor2 or None)
    reports = [s for s in sources if s["role"] == "report"]
    outlets = sorted({s["outlet"] or s["source"] or "" for s in reports} - {""})
    event_type = event["event_type"] or ""
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event['id'][:10].upper()}",
        "event_date": event["date"] or "", "year": int(event["date"][:4]) if event["date"] else None,
        "time_precision": TIME_PRECISION.get(event["date_precision"] or "", 3),
        "disorder_type": DISORDER.get(event_type, "Political violence") if event_type else "",
        "event_type": event_type, "sub_event_type": event["sub_event_type"] or "",
        "actor1": actor1, "assoc_actor_1": "", "inter1": inter1, "actor2": actor2,
        "assoc_actor_2": "", "inter2": inter2, "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": numeric, "region": REGION.get((event["country"] or "").upper(), ""), "country": name or "",
        "admin1": event["admin1"] or "", "admin2": event["admin2"] or "", "admin3": "",
        "location": event["place_name"] or "", "latitude": event["lat"], "longitude": event["lon"],
        "geo_precision": event["geo_precision"], "source": "; ".join(outlets), "source_scale": "",
        "notes": _notes(event), "fatalities": event["fatalities"] or 0, "tags": _tags(event),
        "timestamp": int(datetime.fromisoformat(event["updated_at"]).timestamp()),
        "confidence": event["confidence"], "independent_sources": event["n_independent"],
        "factuality": event["factuality"],
        "evidence": " | ".join(dict.fromkeys(s["sentence"] for s in reports if s["sentence"])),
        "frontwatch_id": event["id"], "kind": event["kind"],
        "new_controller": event["new_controller"] or "",
        "previous_controller": event["previous_controller"] or "",
        "date_basis": event["date_basis"] or "", "disputed": event["disputed"],
    }


def sources_json(sources: list[dict[str, Any]]) -> str:
    return json.dumps(sources, ensure_ascii=False, default=str)
