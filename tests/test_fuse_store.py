"""Fusion in the store: re-runs write nothing; a new mention changes only its events."""
from __future__ import annotations

from dataclasses import replace

from test_fuse import KUNDUZ, QALA_I_NAW, mention
from frontwatch.fuse.run import fuse_store
from frontwatch.store.control import control_on, place_history
from frontwatch.store.events import EventFilter, count_events, get_event, list_events


def snapshot(store):
    return {r["id"]: tuple(r) for r in store.query("SELECT * FROM events")}


def corpus():
    return [mention(QALA_I_NAW, date="2021-07-07", precision="day", basis="explicit", order=1),
            mention(QALA_I_NAW, kind="recaptured", new_controller="Afghan government",
                    date="2021-07-07", precision="day", basis="explicit", order=2),
            mention(KUNDUZ, kind="besieged", date="2021-06-21", precision="day", basis="explicit", order=3),
            mention(KUNDUZ, order=4)]


def test_second_run_writes_nothing(store):
    mentions = corpus()
    first = fuse_store(store, mentions)
    assert first.events_written == 4 and count_events(store) == 4
    before = snapshot(store)
    second = fuse_store(store, mentions)
    assert (second.buckets_changed, second.events_written) == (0, 0)
    assert snapshot(store) == before


def test_new_dated_report_changes_only_its_event_and_timeline(store):
    mentions = corpus()
    fuse_store(store, mentions)
    before = snapshot(store)
    undated = next(e for e in list_events(store) if e["date"] is None)
    dated = mention(KUNDUZ, date="2021-08-08", precision="day", basis="relative", order=5)
    report = fuse_store(store, mentions + [dated])
    assert report.buckets_changed == 1
    after = snapshot(store)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {undated["id"]}, "only the Kunduz capture changes, and keeps its id"
    event = get_event(store, undated["id"])
    assert event["date"] == "2021-08-08" and event["n_articles"] == 2
    assert [s["state"] for s in place_history(store, "Kunduz")] == ["besieged", "held"]


def test_control_on_a_date(store):
    mentions = corpus() + [mention(KUNDUZ, date="2021-08-08", precision="day", basis="relative", order=5)]
    fuse_store(store, mentions)
    on = {r["place_name"]: (r["state"], r["controller"]) for r in control_on(store, "2021-07-07")}
    assert on == {"Qala-i-Naw": ("held", "Afghan government"), "Kunduz": ("besieged", "Taliban")}
    early = {r["place_name"]: r["state"] for r in control_on(store, "2021-06-01")}
    assert early == {"Qala-i-Naw": "unknown", "Kunduz": "unknown"}


def test_removed_mention_removes_its_event(store):
    mentions = corpus()
    fuse_store(store, mentions)
    fuse_store(store, mentions[:2])
    assert count_events(store) == 2 and control_on(store, "2021-08-01")[0]["place_name"] == "Qala-i-Naw"
    assert len(control_on(store, "2021-08-01")) == 1


def test_event_filters(store):
    fuse_store(store, corpus())
    assert {e["kind"] for e in list_events(store, EventFilter(actor="Afghan government"))} == {"recaptured"}
    assert len(list_events(store, EventFilter(date_from="2021-07-01", include_undated=False))) == 2
    assert len(list_events(store, EventFilter(place="kunduz"))) == 2
    assert list_events(store, EventFilter(min_confidence=0.99)) == []


def test_place_filter_ignores_case_diacritics_and_punctuation(store):
    fuse_store(store, corpus())
    assert count_events(store, EventFilter(place="qala i naw")) == 2
    assert count_events(store, EventFilter(place="QALA-I-NAW")) == 2
    assert place_history(store, "qala i naw") == place_history(store, "Qala-i-Naw") != []
