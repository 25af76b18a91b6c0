"""Wordings from other wars, one sentence or two each, on the real parser: who took what,
and what is not an event."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(control_mentions):
    return lambda text, published="2024-12-10", title=None: control_mentions(text, published, title)


def _events(mentions):
    return {(m.kind, m.place.name, m.new_controller) for m in mentions
            if m.factuality in {"asserted", "attributed", "uncertain", "historical"}}


def test_a_possessed_generic_is_the_sayers_side(run):
    found = run("Russia's defence ministry said on Saturday that its troops had withdrawn from Lyman.",
                published="2022-10-02")
    assert _events(found) == {("withdrew", "Lyman", "Ukrainian government")}
    assert found[0].previous_controller == "Russian forces" and found[0].date == "2022-10-01"


def test_a_retaking_by_a_group_is_a_capture(run):
    found = run("Russia's defence ministry claimed on Tuesday that its units had recaptured Kupiansk, "
                "a claim Ukraine's general staff denied.", published="2025-11-20")
    assert _events(found) == {("captured", "Kupyansk", "Russian forces")}


def test_a_group_withdrawing_leaves_the_place_to_the_other_group(run):
    text = ("Manbij fell to the Syrian National Army on Monday. "
            "The SDF said its fighters had withdrawn from Manbij under a ceasefire.")
    assert ("withdrew", "Manbij", "Syrian National Army") in _events(run(text))


def test_a_withdrawal_leaves_the_place_to_the_side_that_moves_in(run):
    found = run("Government troops pulled out of Raqqa on Friday, and the Syrian Democratic Forces moved in "
                "hours later.", published="2024-12-07")
    assert ("withdrew", "Ar Raqqah", "Syrian Democratic Forces") in _events(found) or \
        ("withdrew", "Raqqa", "Syrian Democratic Forces") in _events(found)


def test_retook_read_as_a_noun_and_ousted_from(run):
    assert _events(run("Ukraine retook Kherson after eight months of occupation.", "2022-11-12")) == \
        {("recaptured", "Kherson", "Ukrainian government")}
    old = run("The MNDAA took the town of Laukkai on Friday. The army had ousted the MNDAA from Laukkai "
              "in 2009.", "2024-01-06")
    assert ("recaptured", "Laukkai", "Myanmar military") in _events(old)
    assert [m.date for m in old if m.kind == "recaptured"] == ["2009"]


def test_trigger_prepositions_do_not_block_their_object(run):
    assert _events(run("Hayat Tahrir al-Sham fighters took over Deir ez-Zor on Wednesday.")) == \
        {("captured", "Deir ez-Zor", "Hayat Tahrir al-Sham")}
    siege = run("The RSF first laid siege to El Fasher in 2024.", "2025-10-28")
    assert _events(siege) == {("besieged", "El Fasher", "Rapid Support Forces")}


def test_a_headline_restating_a_dated_event_adds_none(run):
    found = run("The Rapid Support Forces seized El Fasher on Sunday.", "2025-10-28",
                title="RSF seizes El Fasher")
    assert {(m.kind, m.place.name, m.date) for m in found} == {("captured", "El Fasher", "2025-10-26")}


def test_not_events(run):
    for text in ("The Kurdish-led force denied that its fighters had surrendered Tal Rifaat.",
                 "The group will not stop until it takes Sittwe, its commander said.",
                 "The MNDAA had held Lashio since August 2024.",
                 "Ukraine's defence ministry denied that Kherson had fallen."):
        assert not _events(run(text)), text
