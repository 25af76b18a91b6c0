"""Violent events read from the parse: what is an occurrence, what the method makes of it,
where, by whom, how many dead; and what is no event (habits, tolls over a period, words
used for the setting of something else). The sentences are our own."""
from __future__ import annotations

import pytest

from frontwatch.events.gold import VIOLENT_KINDS

pytestmark = pytest.mark.slow

PUBLISHED = "2024-06-12"   # a Wednesday


@pytest.fixture(scope="module")
def violent(article_mentions):
    def extract(text: str, published: str | None = PUBLISHED, counted_only: bool = True) -> list:
        found = [m for m in article_mentions(text, published) if m.kind in VIOLENT_KINDS]
        return [m for m in found if m.factuality in {"asserted", "attributed", "uncertain"}] if counted_only else found
    return extract


@pytest.mark.parametrize("text,kind,place,dead", [
    ("A suicide bomber blew himself up at a mosque in Kunduz on Friday, killing at least 50 worshippers.",
     "suicide bombing", "Kunduz", 50),
    ("Israeli air strikes on Khan Younis killed 12 people, the health ministry said.", "airstrike", "Khan Yunis", 12),
    ("Five soldiers were killed when fighters attacked a checkpoint in Ghazni province on Tuesday.",
     "clash", "Ghazni", 5),
    ("Artillery fire hit a market in Kharkiv on Monday, leaving three people dead.", "shelling", "Kharkiv", 3),
    ("A roadside bomb struck a minibus near Jalalabad, killing two passengers and wounding nine.",
     "bombing", "Jalalabad", 2),
    ("Gunmen stormed a wedding in a village near Maiduguri overnight and shot dead 14 guests.",
     "attack", "Maiduguri", 14),
    ("The death toll from Monday's car bomb in Mogadishu rose to 41, officials said.", "bombing", "Mogadishu", 41),
    ("Fighting between the army and the rebels killed five soldiers and 12 rebels near Goma on Sunday.",
     "clash", "Goma", 17),
])
def test_an_act_is_one_event_of_its_method_with_its_dead(violent, text, kind, place, dead):
    [m] = violent(text)
    assert (m.kind, m.place.name if m.place else None, m.fatalities) == (kind, place, dead)


@pytest.mark.parametrize("text,place,dead", [
    ("Shells struck the Qalandia district of Hebron on Monday, killing four people.", "Qalandia", 4),
    ("At least nine people, among them two nurses, were killed when a drone hit the Zamzam displacement camp "
     "south of El Fasher on Tuesday.", "Zamzam", 9),
    ("An air strike on a house in Gaza City's Shujaiya neighbourhood killed six people (three of them "
     "children) on Monday.", "Shujaiya", 6),
])
def test_the_part_of_town_a_unit_noun_names_is_where_it_happened(violent, text, place, dead):
    [m] = violent(text)
    assert (m.place.name, m.fatalities) == (place, dead)


@pytest.mark.parametrize("text,place", [
    ("Gunmen stormed Peshawar's central prison on Monday night, sparking a gun battle that left six guards dead.",
     "Peshawar"),                                                    # a town's building is in the town
    ("An air strike on a monastery in Minbya township on Sunday killed seven people.", "Minbya"),
    ("On Monday, shelling hit a market in Kafr Nubl, killing three civilians.", "Kafranbel"),   # a gerund's clause
])
def test_where_a_strike_hit_through_the_words_around_the_place(violent, text, place):
    [m] = violent(text)
    assert m.place is not None and m.place.name == place


def test_a_list_of_places_is_one_event_each_with_its_own_toll(violent):
    found = violent("Russian missiles hit Kyiv and Lviv overnight, killing four people in Kyiv and two in Lviv.")
    assert sorted(m.place.name for m in found) == ["Kyiv", "Lviv"]
    assert {m.date for m in found} == {"2024-06-11"}


@pytest.mark.parametrize("text", [
    "Tens of thousands of people have fled the fighting in the northern provinces.",
    "Government commandos, backed by air strikes, retook the district on Monday.",
    "Militants often ambush convoys on the road to Kandahar.",
    "Residents said there was almost no fighting.",
    "He could not say how many had been killed.",
    "The hospital received at least nine wounded civilians on Tuesday.",
    "If the town falls, the rebels will hold the valley where the army fought its fiercest battles.",
    "Two people died in a road accident on the highway near Herat on Monday.",
])
def test_no_violent_event_in_words_that_set_the_scene(violent, text):
    assert violent(text) == []


@pytest.mark.parametrize("text", [
    "The war has killed more than 15,000 people since April 2023.",
    "Strikes across the province have killed 40 people over the past week.",
    "Some 450 foreign soldiers died in the province between 2006 and 2014.",
])
def test_tolls_over_a_period_are_statistics(article_mentions, text):
    kinds = {m.kind for m in article_mentions(text, PUBLISHED)}
    assert kinds & set(VIOLENT_KINDS) == set() and "statistic" in kinds


def test_the_deadliest_since_is_still_one_event(violent):
    [m] = violent("A bomb at a bus station in Quetta killed 26 people on Saturday, the deadliest attack in the city since 2019.")
    assert (m.kind, m.fatalities, m.date) == ("bombing", 26, "2024-06-08")


def test_background_strike_is_labelled_historical(violent):
    [m] = violent("In 2015 a U.S. air strike destroyed a hospital in Kunduz, killing 42 people.", counted_only=False)
    assert (m.kind, m.factuality, m.date) == ("airstrike", "historical", "2015")


def test_the_side_that_acted_and_the_side_it_hit(violent):
    [m] = violent("Taliban fighters ambushed an army convoy in Helmand on Monday, killing seven soldiers.")
    assert (m.actor1, m.actor2) == ("Taliban", "Afghan government")
    [m] = violent("Seven civilians were killed by Russian shelling in Kherson on Tuesday.")
    assert (m.actor1, m.actor2) == ("Russian forces", "Civilians")


def test_the_packaged_filter_loads_and_can_be_turned_off(tmp_path):
    from frontwatch.errors import ConfigError
    from frontwatch.events.extract import extractor_version
    from frontwatch.events.filter import load_mention_filter
    from frontwatch.settings import Settings

    packaged = load_mention_filter("packaged")
    assert set(packaged.thresholds) == {"control", "violent"} and packaged.weights
    assert load_mention_filter("off") is None
    assert extractor_version(Settings(mention_filter="off")) != extractor_version(Settings())
    with pytest.raises(ConfigError, match="mention_filter"):
        load_mention_filter(str(tmp_path / "missing.json"))


def test_the_filter_scores_a_relative_clause_of_background_below_a_reported_strike():
    """What the weights learned reads the grammar: the same strike told as the news of the
    day scores higher than told in a relative clause, months back, in a headline."""
    from frontwatch.events.filter import load_mention_filter

    f = load_mention_filter("packaged")
    news = {"kind=airstrike": 1, "fact=attributed": 1, "basis=relative": 1, "age=1-3": 1, "tag=VBD": 1,
            "dep=ROOT": 1, "place_level=populated place": 1, "dead": 1, "has_subject": 1, "has_object": 1}
    aside = {"kind=airstrike": 1, "fact=asserted": 1, "basis=publication": 1, "age=0": 1, "tag=VBD": 1,
             "dep=relcl": 1, "under_relcl": 1, "place=none": 1, "title": 1}
    assert f.probability("violent", news) > f.probability("violent", aside)
