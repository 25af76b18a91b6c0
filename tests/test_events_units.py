"""Units of the events stage: dates, fatalities, actors, factuality, list expansion."""
from __future__ import annotations

from datetime import date

import pytest

from frontwatch.events.actors import load_actors, resolve_actor
from frontwatch.events.dates import find_time_expressions, resolve
from frontwatch.events.fatalities import find_fatalities
from frontwatch.errors import ConfigError

TUESDAY = date(2021, 6, 22)


def _resolve(text: str, published=TUESDAY, future=False):
    exprs = find_time_expressions(text)
    return resolve(exprs[0] if exprs else None, published, future)


def test_weekday_in_past_report_is_latest_such_day_on_or_before_publication():
    assert _resolve("fighters took the district on Monday").date == "2021-06-21"
    assert _resolve("on Tuesday they took the port").date == "2021-06-22"
    assert _resolve("on Wednesday they took the port").date == "2021-06-16"
    assert _resolve("on Monday").basis == "relative"


def test_weekday_in_future_statement_is_the_next_one():
    assert _resolve("they will meet on Friday", future=True).date == "2021-06-25"


def test_relative_words_and_precision():
    assert _resolve("a fierce overnight battle").date == "2021-06-21"
    assert _resolve("the city fell yesterday").date == "2021-06-21"
    last_week = _resolve("the district fell last week")
    assert (last_week.date, last_week.precision) == ("2021-06-14", "week")
    mid = _resolve("since the announcement in mid-April")
    assert mid.precision == "month" and mid.date == "2021-04"


def test_explicit_dates_with_and_without_year():
    assert _resolve("on 28 September 2015 the Taliban overran Kunduz").date == "2015-09-28"
    explicit = _resolve("on Monday (June 21) the Taliban took control")
    assert explicit.date == "2021-06-21"
    assert _resolve("the district fell in 2015").date == "2015"
    assert _resolve("on June 16 the ministry said").date == "2021-06-16"
    assert _resolve("on July 16 the ministry said").date == "2020-07-16"  # after publication: last year


def test_no_publication_date_leaves_relative_dates_unresolved():
    for text in ("on Monday", "yesterday", "overnight", "last week"):
        r = _resolve(text, published=None)
        assert r.date is None and r.basis == "unknown", text
    assert _resolve("in 2016", published=None).date == "2016"
    assert _resolve("no time words at all").basis == "publication"


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def test_actor_aliases_resolve_to_one_actor(actors):
    names = {resolve_actor(actors.lookup(a), "AF", "Taliban") for a in (
        "Afghan National Security and Defence Forces", "Afghan troops", "government forces")}
    assert names == {"Afghan government"}
    assert resolve_actor(actors.lookup("the insurgents"), "AF", "Taliban") == "Taliban"
    assert resolve_actor(actors.lookup("government forces"), "SY", None) == "Syrian government"
    assert actors.lookup("RSF").inter == 2 and actors.lookup("civilians").inter == 7


def test_user_actor_file_extends_and_is_checked(tmp_path):
    user = tmp_path / "actors.tsv"
    user.write_text("the northern front\tNorthern Front\t3\n", encoding="utf-8")
    assert load_actors(str(user)).lookup("The Northern Front").name == "Northern Front"
    user.write_text("bad line without code\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="alias<TAB>canonical"):
        load_actors(str(user))


def test_a_country_force_goes_by_every_force_noun(actors):
    assert actors.lookup("Yemeni forces").name == actors.lookup("Yemeni army").name == "Yemeni government"
    assert actors.lookup("Azerbaijani special forces").name == "Azerbaijani forces"
    assert actors.lookup("pro-regime forces").name == actors.lookup("regime forces").name
    assert actors.lookup("the forces") is None                          # "the army" is no country's
    assert not actors.find("pro-Russian forces")                        # not Russia's own


def test_fatalities_read_conservatively_by_side(actors):
    f = find_fatalities("The clash near the airport left 35 Taliban fighters dead.", actors, "AF", "Taliban")
    assert f.total == 35 and f.by_side == {"Taliban": 35}
    f = find_fatalities("At least 14 Afghan soldiers were killed when their convoy was ambushed.", actors, "AF", "Taliban")
    assert f.by_side == {"Afghan government": 14}
    f = find_fatalities("air strikes killed dozens of Taliban fighters around Kunduz", actors, "AF", "Taliban")
    assert f.total == 12
    f = find_fatalities("left about 20 Taliban fighters dead and dozens more wounded", actors, "AF", "Taliban")
    assert f.total == 20
    assert find_fatalities("at least 11 wounded people, most of them civilians", actors).total is None


@pytest.mark.slow
def test_factuality_and_lists_on_real_parses(places_nlp, actors):
    from frontwatch.events.extract import extract_article
    from frontwatch.records import Article

    def run(text, published="2021-08-10"):
        art = Article(id="a" * 32, source="t.txt", position=None, input_format="text", text=text,
                      raw=text, raw_kind="text", published=published)
        return [m for m in extract_article(art, places_nlp, actors) if m.kind != "statistic"]

    listed = run("The Taliban captured Kunduz, Sar-e-Pul and Taloqan on Sunday.")
    assert {m.place.name for m in listed if m.kind == "captured"} >= {"Kunduz", "Taloqan"}
    assert {m.date for m in listed} == {"2021-08-08"}
    assert run("The Taliban have not entered Kandahar city.")[0].factuality == "negated"
    assert run("The Taliban will take Ghazni next week.")[0].factuality == "future"
    assert run("The Taliban might take control of Ghazni.")[0].factuality == "hypothetical"
    assert run("Taliban fighters reportedly captured Ghazni on Monday.")[0].factuality == "uncertain"
    old = run("The Taliban briefly took Kunduz in 2015.")
    assert old[0].factuality == "historical" and old[0].date == "2015"
    fell = run("Herat fell to the Taliban on Thursday.")[0]
    assert (fell.kind, fell.new_controller) == ("captured", "Taliban")
