"""Every place of the seed gold is recognized in its article and resolved to the right unit."""
from __future__ import annotations

import json

import pytest

from frontwatch.places.fold import fold_key
from tests.conftest import SEEDS
from tests.test_places import km

pytestmark = [pytest.mark.slow, pytest.mark.seeds]

# Cities must resolve within this distance of the true position.
CITY_KM = 10
# True positions of the seed gold's cities (GeoNames / OpenStreetMap centres).
CITY_POSITIONS = {
    "kunduz": (36.728, 68.857), "maimana": (35.921, 64.784), "mazarsharif": (36.709, 67.111),
    "sarpul": (36.216, 65.928), "taloqan": (36.736, 69.535),
}
# The unit each district or province of the seed gold lies in.
UNIT_PARENTS = {"imamsahib": "kunduz", "doshi": "baghlan", "dashtarchi": "kunduz",
                "balkh": None, "baghlan": None}
LEVEL_OF = {"city": "populated place", "district": "admin2", "province": "admin1"}


def gold_places():
    """The seed gold's places; none when the seeds are absent (the tests are deselected then)."""
    gold = SEEDS / "gold.jsonl"
    lines = gold.read_text().splitlines() if gold.is_file() else []
    rows = [json.loads(line) for line in lines if line.strip()]
    return sorted({(r["article"], r["place"], r["place_type"], r["country"]) for r in rows})


@pytest.fixture(scope="module")
def seed_mentions(places_nlp):
    from frontwatch.places import places_in

    return {path.name: places_in(places_nlp(path.read_text(encoding="utf-8")))
            for path in sorted((SEEDS / "articles").glob("*.txt"))}


def _right_unit(mention, place_type: str, key: str, gazetteer) -> bool:
    if place_type == "city":
        lat, lon = CITY_POSITIONS[key]
        return mention.level == "populated place" and km(mention.lat, mention.lon, lat, lon) <= CITY_KM
    # A district is right when the mention is the district or its seat (admin2 names it).
    unit = {"district": mention.admin2, "province": mention.admin1}[place_type]
    parent = UNIT_PARENTS[key]
    levels = {LEVEL_OF[place_type]} | ({"populated place"} if place_type == "district" else set())
    return (mention.level in levels and fold_key(unit or "") == key
            and (parent is None or fold_key(mention.admin1 or "") == parent))


@pytest.mark.parametrize("article,place,place_type,country", gold_places())
def test_seed_place_is_recognized_and_resolved(seed_mentions, gazetteer, article, place,
                                               place_type, country):
    key = fold_key(place)
    named = [m for m in seed_mentions[article] if fold_key(m.text) == key]
    if place_type == "city" and not any(m.level == "populated place" for m in named):
        # Named only through its province ("the provincial capital"): the seat must be it.
        provinces = [m for m in named if m.level == "admin1"]
        assert provinces, f"{place} not recognized in {article}"
        seat = gazetteer.seat_of(provinces[0].id)
        lat, lon = CITY_POSITIONS[key]
        assert seat.feature == "PPLA" and km(seat.lat, seat.lon, lat, lon) <= CITY_KM
        return
    assert named, f"{place} not recognized in {article}"
    assert all(m.country == country for m in named)
    assert any(_right_unit(m, place_type, key, gazetteer) for m in named), named
