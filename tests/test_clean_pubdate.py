"""Publication dates: bylines, datelines and metadata; never a page header; never a guess."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from frontwatch.clean import clean_document
from frontwatch.clean.pubdate import byline_date, dateline_date, parse_date_text, plausible
from frontwatch.records import RawDocument

BODY = ("Government forces pulled back from the district centre overnight after two days of "
        "fighting, a provincial official said on Sunday.")


@pytest.mark.parametrize("line, expected", [
    ("Published: June 22, 2021, 4:31pm", "2021-06-22T16:31:00"),
    ("Published on 22/06/2021 at 08:18", "2021-06-22T08:18:00"),
    ("Posted: Aug. 8, 2021 10:15 a.m. EDT", "2021-08-08T10:15:00-04:00"),
    ("Published Sunday, August 8, 2021", "2021-08-08"),
    ("First published 9 August 2021 07:02 BST", "2021-08-09T07:02:00+01:00"),
    ("Date: 2021-08-08T14:05:00+04:30", "2021-08-08T14:05:00+04:30"),
    ("Published: 08/13/2021", "2021-08-13"),
])
def test_byline_dates(line, expected):
    assert byline_date(line)[0] == expected


@pytest.mark.parametrize("line", ["Tuesday, March 12, 2024", "Published: last Sunday",
                                  "Published: August 8", "The city fell on August 8, 2021."])
def test_not_bylines(line):
    assert byline_date(line) is None


def test_updated_ranks_below_published():
    assert byline_date("Updated: August 9, 2021")[1] > byline_date("Published: August 8, 2021")[1]


def test_dateline_and_machine_dates():
    assert dateline_date("KABUL, Aug. 8, 2021 (AP) — Insurgents entered the city.") == "2021-08-08"
    assert dateline_date("Kabul residents said on Aug. 8, 2021 that - x") is None
    assert parse_date_text("Sun, 08 Aug 2021 10:00:00 +0430") == "2021-08-08T10:00:00+04:30"
    assert parse_date_text("2021-08-08T09:00:00Z") == "2021-08-08T09:00:00+00:00"


def test_implausible_dates_are_dropped():
    now = datetime(2021, 8, 10, tzinfo=timezone.utc)
    assert plausible("2021-08-09", now) == "2021-08-09"
    assert plausible("2031-01-01", now) is None
    assert plausible("1921-01-01", now) is None


def raw(body: str, **kw) -> RawDocument:
    return RawDocument(source="t.txt", position=None, input_format="text", body=body,
                       body_kind="text", **kw)


def test_page_header_date_above_a_byline_is_not_taken():
    body = f"Tuesday, March 12, 2024\nDistrict centre abandoned\nPublished: August 9, 2021\n{BODY}"
    article = clean_document(raw(body))
    assert (article.published, article.published_from) == ("2021-08-09", "byline")
    assert article.title == "District centre abandoned"


def test_page_header_date_alone_gives_no_date():
    article = clean_document(raw(f"Tuesday, March 12, 2024\n{BODY}"))
    assert article.published is None
    assert [r.reason for r in article.removed_lines] == ["page-date"]


def test_feed_date_wins_and_bad_feed_date_is_kept_as_metadata():
    body = f"Published: August 9, 2021\n{BODY}"
    assert clean_document(raw(body, published="2021-08-08T10:00:00Z")).published_from == "feed"
    article = clean_document(raw(BODY, published="sometime last week"))
    assert article.published is None and article.metadata["published_raw"] == "sometime last week"


def test_date_in_the_future_of_now_is_refused():
    article = clean_document(raw(f"Published: August 9, 2031\n{BODY}"),
                             now=datetime(2021, 8, 10, tzinfo=timezone.utc))
    assert article.published is None
    assert article.metadata["implausible_dates"] == [{"date": "2031-08-09", "from": "byline"}]
