"""Control timelines and tallies from fused events."""
from __future__ import annotations

from dataclasses import replace

from test_fuse import KUNDUZ, QALA_I_NAW, mention
from frontwatch.control import build_timelines, state_on, tallies
from frontwatch.fuse import Place, fuse_mentions

BALKH = Place("Balkh", "adm1:af-balkh", "admin1", "Balkh", None, "AF", 36.7, 67.1, 3)


def day(d, **kw):
    return dict(date=d, precision="day", basis="explicit", **kw)


def test_siege_then_capture():
    events = fuse_mentions([mention(kind="besieged", **day("2021-06-21")),
                            mention(**day("2021-08-08"))])
    (timeline,) = build_timelines(events).values()
    assert [(s.state, s.controller, s.date_from, s.date_to) for s in timeline] == [
        ("besieged", "Taliban", "2021-06-21", "2021-08-08"), ("held", "Taliban", "2021-08-08", None)]
    assert state_on(timeline, "2021-06-20") is None
    assert state_on(timeline, "2021-07-01").state == "besieged"
    assert state_on(timeline, "2021-08-08").state == "held"


def test_taken_and_retaken_the_same_day_ends_with_the_government():
    events = fuse_mentions([
        mention(QALA_I_NAW, kind="recaptured", new_controller="Afghan government", **day("2021-07-07")),
        mention(QALA_I_NAW, **day("2021-07-07")),
        mention(QALA_I_NAW, **day("2021-08-13"))])
    (timeline,) = build_timelines(events).values()
    assert [(s.controller, s.date_from) for s in timeline] == [
        ("Taliban", "2021-07-07"), ("Afghan government", "2021-07-07"), ("Taliban", "2021-08-13")]
    assert state_on(timeline, "2021-07-07").controller == "Afghan government"
    assert state_on(timeline, "2021-08-01").controller == "Afghan government"


def test_history_and_region_only_events_change_no_state():
    events = fuse_mentions([
        mention(date="2015", precision="year", basis="explicit", factuality="historical"),
        mention(BALKH, kind="recaptured", new_controller="Afghan government", **day("2021-06-21"))])
    assert build_timelines(events) == {}


def test_uncertain_capture_is_marked():
    events = fuse_mentions([mention(factuality="uncertain", **day("2021-06-22"))])
    (timeline,) = build_timelines(events).values()
    assert timeline[0].uncertain


def test_tallies_count_capitals_by_controller():
    capital = replace(KUNDUZ, feature="PPLA")
    other_capital = replace(QALA_I_NAW, feature="PPLA")
    events = fuse_mentions([mention(capital, **day("2021-08-08")),
                            mention(other_capital, kind="besieged", **day("2021-08-01"))])
    rows = tallies(build_timelines(events), "2021-08-07", "2021-08-08")
    assert {"date": "2021-08-07", "category": "provincial capitals", "status": "besieged", "places": 1} in rows
    assert {"date": "2021-08-08", "category": "provincial capitals", "status": "Taliban", "places": 1} in rows


def test_entered_and_taken_the_same_day_is_one_held_state_with_both_events():
    events = fuse_mentions([mention(kind="entered", **day("2021-08-15")), mention(**day("2021-08-15"))])
    (timeline,) = build_timelines(events).values()
    assert [(s.state, s.controller, s.date_from, len(s.event_ids)) for s in timeline] == [
        ("held", "Taliban", "2021-08-15", 2)]


def test_the_holder_entering_what_it_holds_changes_nothing():
    events = fuse_mentions([mention(**day("2021-08-08")), mention(kind="entered", **day("2021-08-09"))])
    (timeline,) = build_timelines(events).values()
    assert [(s.state, s.controller, s.date_from) for s in timeline] == [("held", "Taliban", "2021-08-08")]
    assert len(timeline[0].event_ids) == 2


def test_tallies_count_unconfirmed_captures_apart():
    events = fuse_mentions([mention(**day("2021-08-08")),
                            mention(QALA_I_NAW, factuality="uncertain", **day("2021-08-09"))])
    rows = tallies(build_timelines(events), "2021-08-09", "2021-08-09")
    assert {(r["status"], r["places"]) for r in rows} == {("Taliban", 1), ("Taliban (unconfirmed)", 1)}
