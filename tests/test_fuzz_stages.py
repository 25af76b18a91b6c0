"""Arbitrary text through the date, place and event stages: no crash, no hang, and what
they return points into the text it came from.

The text mixes what those stages look for (dates, datelines, place names, conflict verbs)
with what breaks tokenizers and regular expressions: right-to-left script and controls,
stacked combining marks, long digit runs, very long tokens, odd whitespace, and any
unicode hypothesis draws. The spaCy pipeline is loaded once for the session (conftest).
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.events import dates as datelib
from fuzz_inputs import STAGE_ODD, STAGE_WORDS, check_date_stage, check_resolved, fuzz_settings, hang_limit

HANG_LIMIT = hang_limit(300)

fragment = st.one_of(
    st.sampled_from(STAGE_WORDS), st.sampled_from(STAGE_ODD), st.text(max_size=12),
    st.from_regex(r"\d{1,80}", fullmatch=True),
    st.builds(lambda c, n: c * n, st.sampled_from("aZ9-'\u0645\u0301"), st.integers(1, 3000)),
)
texts = st.lists(fragment, max_size=40).map(" ".join)
# Publication days as the store holds them: clean.pubdate.plausible keeps 1990 to now.
published_days = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))


@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=200)
@given(text=texts, published=published_days, future=st.booleans(),
       moves=st.lists(st.tuples(st.integers(-400, 400), st.sampled_from(["day", "week", "month", "year"])),
                      max_size=3))
def test_dates_and_datelines_lie_in_the_text_and_are_valid(text, published, future, moves):
    check_date_stage(text, published, future, moves)


@pytest.mark.slow
@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=60)
@given(text=texts)
def test_place_mentions_point_into_the_text(places_nlp, text):
    from frontwatch.places import places_in

    doc = places_nlp(text)
    for mention in places_in(doc):
        assert 0 <= mention.start < mention.end <= len(doc.text)
        assert doc.text[mention.start:mention.end] == mention.text
        assert mention.precision in (None, 1, 2, 3)
        if mention.lat is not None:
            assert -90 <= mention.lat <= 90 and -180 <= mention.lon <= 180


@pytest.fixture(scope="module")
def event_reading():
    """What the events stage reads besides the text: actors, the packaged filter, country words."""
    from frontwatch.events.actors import load_actors
    from frontwatch.events.filter import load_mention_filter
    from frontwatch.places.focus import read_country_words
    from frontwatch.settings import Settings

    return load_actors(), load_mention_filter(Settings().mention_filter), read_country_words()


@pytest.mark.slow
@pytest.mark.timeout(HANG_LIMIT)
@fuzz_settings(examples=60)
@given(title=st.one_of(st.none(), texts), text=texts, published=published_days)
def test_event_mentions_are_stored_as_read(places_nlp, event_reading, title, text, published):
    from frontwatch.events.extract import extract_candidates
    from frontwatch.events.store import mention_row
    from frontwatch.records import Article

    actors, mention_filter, country_words = event_reading
    article = Article(id="f" * 32, source="fuzz.txt", position=None, input_format="text", text=text,
                      raw=text, raw_kind="text", title=title,
                      published=published.isoformat() if published else None)
    for mention, _ in extract_candidates(article, places_nlp, actors, mention_filter=mention_filter,
                                         country_words=country_words):
        check_resolved(datelib.ResolvedDate(mention.date, mention.date_precision, mention.date_basis or ""))
        assert mention.fatalities is None or mention.fatalities >= 0
        field = (title or "").strip() if mention.evidence.get("field") == "title" else text
        if "start" in mention.evidence:
            assert 0 <= mention.evidence["start"] <= mention.evidence["end"] <= len(field)
        mention_row(mention)
