"""Acceptance on the five real scraped seed articles (../shared/seeds)."""
from __future__ import annotations

import pytest

from conftest import SEEDS
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store.articles import iter_articles

pytestmark = pytest.mark.seeds

CHROME = ["[ad_1]", "[ad_2]", "Loading...", "READ MORE", "Also read:", "Read Also:", "Share This",
          "Pin It on Pinterest", "NEWSLETTER SUBSCRIPTION", "0 Comments", "<img", "facebook.com/tr",
          "(@madhavketan612)", "INTERNATIONAL RELATIONS", "Wednesday,  April 24", "Linkedin Pinterest",
          "News / Nation & World", "Source: Web", "RECENTLY"]


@pytest.fixture
def seeds(store):
    report = ingest_paths(store, [str(SEEDS / "articles")], Settings(db=store.path))
    assert (report.added, report.rejected) == (5, 0)
    return {a.source.rsplit("/", 1)[-1][:3]: a for a in iter_articles(store)}


def test_no_chrome_line_is_left_in_any_text(seeds):
    for key, article in seeds.items():
        for marker in CHROME:
            assert marker not in article.text, f"seed {key} still holds {marker!r}"


def test_publication_dates(seeds):
    assert seeds["001"].published_date == "2021-06-22"
    assert seeds["004"].published_date == "2021-06-22"
    for key in ("000", "002", "003"):
        assert seeds[key].published is None, f"seed {key} has no publication date"


def test_headlines_and_outlets_are_metadata(seeds):
    assert seeds["001"].title.startswith("Taliban besiege key Afghan city")
    assert seeds["001"].outlet == "Bloomberg News"
    assert seeds["004"].outlet == "Defence Redefined"
    assert not seeds["001"].text.startswith("Taliban besiege")


def test_story_text_is_kept(seeds):
    assert "Imam Sahib" in seeds["002"].text and "Imam Sahib" in seeds["004"].text
    assert "Dasht-e-Archi" in seeds["004"].text
    assert "entered Kunduz in 2015" in seeds["003"].text
    removed = {r.reason for r in seeds["002"].removed_lines}
    assert {"post-attribution", "embedded-post", "read-more"} <= removed
