"""What the rest of the article decides about a control event: its country, the town a
headline means, the day a restatement or an elliptical clause refers to, the side a
coordinated subject fights for; and what a building, a belief or a tally is not."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(control_mentions):
    from frontwatch.events.ontology import EVENT_FACTUALITY

    def control(text, published="2021-08-10", title=None):
        return [m for m in control_mentions(text, published, title) if m.factuality in EVENT_FACTUALITY]

    return control


def _events(mentions):
    return {(m.kind, m.place.name, m.new_controller, m.date) for m in mentions}


def test_foreign_background_does_not_take_the_story_abroad(run):
    text = ("The U.S. will complete its pullout by the end of the month, the U.S. envoy said in "
            "Washington. U.S. officials will meet their Afghan counterparts in Doha. The U.S. has no "
            "troops left near Kandahar or in Helmand. Government troops retook Spin Boldak on Monday.")
    assert ("recaptured", "Spin Boldak", "Afghan government", "2021-08-09") in _events(run(text))


def test_a_headline_city_is_the_town_the_lead_names(run):
    found = run("Taliban fighters dug in around Kandahar overnight as the siege tightened.",
                title="Taliban besiege major Afghan city")
    assert ("besieged", "Kandahar", "Taliban") in {(m.kind, m.place.name, m.new_controller) for m in found}


def test_a_building_taken_is_not_the_town_taken(run):
    found = run("Fighting reached Farah on Monday. Insurgents seized the police headquarters and "
                "the governor's compound, and were in control of the intelligence office by noon.")
    assert not found


def test_lost_districts_in_a_relative_clause_name_no_town(run):
    found = run("Militia leaders vowed to hold Herat and win back the districts that have been lost.")
    assert not [m for m in found if m.kind == "captured"]


def test_a_belief_is_not_a_capture(run):
    assert not run('Near Ghazni on Monday, one resident said: "We thought the city was lost."')


def test_districts_in_taliban_hands_are_a_tally(run):
    assert not run("Badakhshan's border districts were nearly all in Taliban hands by July.")


def test_a_day_after_names_an_earlier_capture(run):
    found = run("Taloqan fell on Sunday, a day after Sheberghan.", published="2021-08-09")
    assert ("captured", "Shibirghan", "Taliban", "2021-08-07") in _events(found)
    found = run("Kandahar fell on Friday, a day after they captured Herat.", published="2021-08-13")
    assert ("captured", "Herat", "Taliban", "2021-08-12") in _events(found)


def test_an_undated_headline_takes_the_day_the_story_gives(run):
    found = run("The Taliban took Farah on Monday, officials said.", title="Farah falls to the Taliban",
                published="2021-08-10")
    assert {m.date for m in found if m.place.name == "Farah"} == {"2021-08-09"}


def test_a_headline_sweep_over_a_reported_capture_is_that_capture(run):
    found = run("The Taliban took Pul-e-Khumri on Tuesday.", title="Taliban sweep into Pul-e-Khumri",
                published="2021-08-11")
    assert {(m.kind, m.date) for m in found} == {("captured", "2021-08-10")}


def test_two_historical_years_give_two_events(run):
    found = run("The group entered Kunduz in 2015 and again in 2016.")
    assert {m.date for m in found if m.kind == "entered"} == {"2015", "2016"}


def test_an_ongoing_siege_is_dated_by_the_report(run):
    found = run("Taliban units that have besieged Kandahar for two weeks pushed into the city on Sunday.",
                published="2021-08-03")
    dates = {m.kind: m.date for m in found}
    assert dates == {"besieged": "2021-08-03", "entered": "2021-08-01"}


def test_army_and_militias_retake_for_the_government(run):
    found = run("Army and militias say they have retaken Kaldar district in Balkh.", published="2021-07-27")
    assert {(m.kind, m.new_controller) for m in found} == {("recaptured", "Afghan government")}


def test_the_same_afternoon_is_the_day_the_sentence_gave(run):
    found = run("Khanabad fell to the Taliban on Monday, and government forces retook it the same "
                "afternoon.", published="2021-06-16")
    assert {(m.kind, m.date) for m in found} == {("captured", "2021-06-14"), ("recaptured", "2021-06-14")}


def test_a_province_capital_is_its_seat(run):
    found = run("Lashkar Gah is the capital of Helmand. The Taliban tightened the siege of Helmand capital.",
                published="2021-08-03")
    assert {m.place.name for m in found if m.kind == "besieged"} == {"Lashkar Gah"}


def test_a_name_the_recognizer_missed_is_looked_up_next_to_the_trigger(run):
    found = run("Afghan commandos retook Saighan and Kahmard in Bamyan on Monday.", published="2021-07-20")
    assert {m.place.name for m in found if m.kind == "recaptured"} == {"Sayghan", "Kahmard"}
