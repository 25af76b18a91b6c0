"""The whole job on the sample corpus tells the control story the corpus was written to tell."""
from __future__ import annotations

import json
import pytest

from conftest import EXAMPLES, ROOT
from frontwatch.control.tally import tallies
from frontwatch.fuse.mention import name_key
from frontwatch.pipeline import run_pipeline
from frontwatch.settings import Settings
from frontwatch.store.control import all_timelines

GOLD = json.loads((ROOT / "eval/examples/control.gold.json").read_text())


@pytest.fixture(scope="module")
def timelines(tmp_path_factory, nlp, gazetteer_path):
    from frontwatch.store import open_store

    db = str(tmp_path_factory.mktemp("examples-run") / "fw.db")
    with open_store(db) as store:
        run_pipeline(store, Settings(db=db, gazetteer=gazetteer_path), [str(EXAMPLES)], nlp=nlp)
        return all_timelines(store)


def timeline_of(gold_place: dict, timelines: dict, gazetteer) -> list:
    """Our timeline for a gold place: the one at a gazetteer entry that bears one of its
    spellings (or, for places outside the gazetteer, whose name folds to one of them)."""
    spellings = [gold_place["name"], *gold_place["aliases"]]
    ids = {entry.id for name in spellings for entry in gazetteer.lookup(name)}
    ids |= {entry.id for name in spellings for entry, score in gazetteer.fuzzy(name) if score >= 85}
    keys = {name_key(n) for n in spellings}
    found = [t for t in timelines.values() if t[0].place.id in ids or name_key(t[0].place.name) in keys]
    return min(found, key=lambda t: level_rank(t[0].place, gold_place["place_type"]), default=[])


def level_rank(place, place_type: str) -> int:
    wanted = {"city": "populated place", "district": "admin2", "province": "admin1"}.get(place_type)
    return 0 if place.level == wanted else 1


def as_rows(states) -> list[tuple]:
    return [(s.date_from, s.state, s.controller if s.state != "contested" else None) for s in states]


@pytest.mark.parametrize("gold_place", [p for p in GOLD["places"] if p["states"]], ids=lambda p: p["name"])
def test_control_timeline_matches_the_story(gold_place, timelines, gazetteer):
    ours = [s for s in timeline_of(gold_place, timelines, gazetteer) if not s.uncertain]
    expected = [(s["from"], s["state"], s["by"]) for s in gold_place["states"]]
    accepted = [{s["from"], *s.get("accept_from", [])} for s in gold_place["states"]]
    rows = as_rows(ours)
    assert len(rows) == len(expected), (rows, expected)
    for (day, state, by), (gday, gstate, gby), days in zip(rows, expected, accepted):
        assert (state, by) == (gstate, gby) and day in days, (rows, expected)


@pytest.mark.parametrize("gold_place", [p for p in GOLD["places"] if p["unconfirmed"]], ids=lambda p: p["name"])
def test_unconfirmed_claims_change_nothing_for_sure(gold_place, timelines, gazetteer):
    assert all(s.uncertain for s in timeline_of(gold_place, timelines, gazetteer))


@pytest.mark.parametrize("day", sorted(GOLD["tallies"]))
def test_provincial_capitals_held_by_the_taliban(day, timelines):
    rows = tallies(timelines, day, day)
    held = sum(r["places"] for r in rows if r["category"] == "provincial capitals" and r["status"] == "Taliban")
    assert held == GOLD["tallies"][day]["provincial_capitals_held_by_taliban"]
