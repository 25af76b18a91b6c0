"""Fusion on hand-built mentions: one event per real event, conflicts kept, stable ids."""
from __future__ import annotations

from itertools import count

from frontwatch.fuse import Mention, Place, fuse_mentions
from frontwatch.fuse.cluster import cluster_bucket

KUNDUZ = Place("Kunduz", "gn:1135689", "populated place", "Kunduz", "Kunduz", "AF", 36.73, 68.86, 1)
IMAM_SAHIB_DISTRICT = Place("Imam Sahib", "adm2:af-imam-sahib", "admin2", "Kunduz", "Imam Sahib", "AF", 37.18, 68.92, 1)
IMAM_SAHIB_TOWN = Place("Imām Şāḩib", "gn:1136469", "populated place", "Kunduz", "Imam Sahib", "AF", 37.18, 68.91, 1)
QALA_I_NAW = Place("Qala-i-Naw", "gn:1131316", "populated place", "Badghis", None, "AF", 34.98, 63.13, 1)
SPIN_BOLDAK = Place("Spin Boldak", "gn:1126727", "populated place", "Kandahar", None, "AF", 31.0, 66.4, 1)

_ids = count()


def mention(place=KUNDUZ, kind="captured", date=None, precision=None, basis=None, article=None,
            order=None, factuality="asserted", cluster=None, **kw) -> Mention:
    n = next(_ids)
    return Mention(id=f"m{n:03d}", article_id=article or f"a{n:03d}", order=n if order is None else order,
                   kind=kind, factuality=factuality, place=place, date=date, date_precision=precision,
                   date_basis=basis, copy_cluster=cluster, new_controller=kw.pop("new_controller", "Taliban"),
                   **kw)


def one(events, kind="captured", name=None):
    found = [e for e in events if e.kind == kind and (name is None or e.place.name == name)]
    assert len(found) == 1, found
    return found[0]


def test_copies_of_one_story_are_one_independent_source():
    undated = mention(IMAM_SAHIB_DISTRICT, cluster="story-1")
    dated = mention(IMAM_SAHIB_TOWN, date="2021-06-21", precision="day", basis="explicit", cluster="story-1")
    (event,) = fuse_mentions([undated, dated])
    assert (event.date, event.date_precision, event.n_articles, event.n_independent) == \
        ("2021-06-21", "day", 2, 1)
    assert event.place.level == "admin2" or event.place.name == "Imām Şāḩib"


def test_undated_capture_waits_for_a_dated_report_and_never_joins_history():
    history = [mention(date="2015", precision="year", basis="explicit", factuality="historical"),
               mention(date="2016", precision="year", basis="explicit", factuality="historical")]
    undated = mention()
    before = fuse_mentions(history + [undated])
    assert sorted(e.date or "-" for e in before) == ["-", "2015", "2016"]
    dated = mention(date="2021-08-08", precision="day", basis="relative")
    after = fuse_mentions(history + [undated, dated])
    assert sorted(e.date for e in after) == ["2015", "2016", "2021-08-08"]
    recent = next(e for e in after if e.date == "2021-08-08")
    assert {m.id for m in recent.members} == {undated.id, dated.id}
    undated_event = next(e for e in before if e.date is None)
    assert recent.id == undated_event.id, "the event keeps its id when a dated report joins it"


def test_undated_mention_stands_alone_when_two_dated_events_fit():
    a = mention(date="2021-06-21", precision="day", basis="explicit")
    b = mention(date="2021-08-08", precision="day", basis="explicit")
    events = fuse_mentions([a, b, mention()])
    assert len(events) == 3


def test_capture_and_recapture_on_the_same_day_are_two_events():
    events = fuse_mentions([
        mention(QALA_I_NAW, date="2021-07-07", precision="day", basis="explicit"),
        mention(QALA_I_NAW, kind="recaptured", date="2021-07-07", precision="day", basis="explicit",
                new_controller="Afghan government", previous_controller="Taliban"),
    ])
    assert {e.kind for e in events} == {"captured", "recaptured"}
    assert one(events, "recaptured").new_controller == "Afghan government"


def test_claim_and_denial_are_kept_side_by_side():
    claim = mention(SPIN_BOLDAK, date="2021-07-14", precision="day", basis="relative",
                    factuality="attributed", attributed_to="Taliban")
    denial = mention(SPIN_BOLDAK, date="2021-07-14", precision="day", basis="relative",
                     factuality="negated", attributed_to="Afghan government")
    (event,) = fuse_mentions([claim, denial])
    assert event.factuality == "attributed" and event.attributed_to == ("Taliban",)
    assert event.disputed and "denied by Afghan government" in event.conflicts
    assert event.confidence < fuse_mentions([claim])[0].confidence


def test_two_dates_for_one_event_are_both_kept():
    a = mention(date="2021-08-08", precision="day", basis="explicit")
    b = mention(date="2021-08-09", precision="day", basis="explicit")
    (event,) = fuse_mentions([a, b])
    assert event.date == "2021-08-08"
    assert any("different dates: 2021-08-08, 2021-08-09" in c for c in event.conflicts)


def test_dates_a_week_apart_are_two_events():
    assert len(fuse_mentions([mention(date="2021-08-01", precision="day", basis="explicit"),
                              mention(date="2021-08-08", precision="day", basis="explicit")])) == 2


def test_publication_dated_mention_joins_a_recent_event():
    exact = mention(date="2021-06-21", precision="day", basis="explicit")
    upper_bound = mention(date="2021-06-22", precision="day", basis="publication")
    (event,) = fuse_mentions([exact, upper_bound])
    assert event.date == "2021-06-21" and event.n_independent == 2


def test_lowest_credible_fatality_figure_and_confidence_grows():
    a = mention(kind="clash", fatalities=80, date="2021-06-21", precision="day", basis="explicit")
    b = mention(kind="clash", fatalities=12, date="2021-06-21", precision="day", basis="explicit")
    c = mention(kind="clash", date="2021-06-21", precision="day", basis="explicit")
    (event,) = fuse_mentions([a, b, c])
    assert event.fatalities == 12 and any("80" in note for note in event.conflicts)
    assert fuse_mentions([a])[0].confidence < fuse_mentions([a, b])[0].confidence < event.confidence


def test_uncertain_reports_stay_uncertain():
    (event,) = fuse_mentions([mention(factuality="uncertain"),
                              mention(factuality="uncertain", date="2021-06-22", precision="day",
                                      basis="publication")])
    assert event.factuality == "uncertain" and event.confidence < 0.5


def test_different_new_controllers_do_not_fuse():
    events = fuse_mentions([
        mention(date="2021-08-08", precision="day", basis="explicit"),
        mention(date="2021-08-08", precision="day", basis="explicit", new_controller="Afghan government")])
    assert len(events) == 2


def test_ids_do_not_depend_on_input_order():
    ms = [mention(date="2021-08-08", precision="day", basis="explicit"), mention(),
          mention(QALA_I_NAW, date="2021-07-07", precision="day", basis="explicit")]
    assert {e.id for e in fuse_mentions(ms)} == {e.id for e in fuse_mentions(ms[::-1])}


def test_negated_forecast_alone_makes_no_event():
    assert fuse_mentions([mention(factuality="negated"), mention(factuality="future")]) == []


def test_statistics_make_no_event():
    stat = mention(KUNDUZ, kind="statistic", date="2021-06-22", precision="day", basis="publication")
    assert cluster_bucket([stat]) == []
