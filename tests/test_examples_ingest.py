"""The sample corpus ingests cleanly, with the metadata its gold records."""
from __future__ import annotations

import json
import os

import pytest

from conftest import EXAMPLES, ROOT
from frontwatch.ingest import ingest_paths
from frontwatch.settings import Settings
from frontwatch.store.articles import iter_articles

# Floors: measured on examples/ (dates 32/32, outlets 30/32, titles 32/32); they only move up.
DATE_FLOOR, OUTLET_FLOOR, TITLE_FLOOR = 1.0, 0.93, 1.0
CONTAINERS = {"jsonl", "warc", "rss", "atom"}


def gold_key(article) -> str:
    return article.url if article.input_format in CONTAINERS else os.path.relpath(article.source, EXAMPLES)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    from frontwatch.store import open_store

    db = str(tmp_path_factory.mktemp("examples") / "fw.db")
    with open_store(db) as store:
        report = ingest_paths(store, [str(EXAMPLES)], Settings(db=db))
        articles = {gold_key(a): a for a in iter_articles(store)}
    return report, articles


def test_every_example_becomes_an_article(ingested):
    report, articles = ingested
    assert (report.added, report.rejected) == (32, 0)
    assert {a.input_format for a in articles.values()} == {"text", "markdown", "html", "jsonl", "warc", "rss"}


def test_metadata_matches_the_gold(ingested):
    _, articles = ingested
    gold = [json.loads(line) for line in (ROOT / "eval/examples/articles.gold.jsonl").open()]
    def share(field, value):
        return sum((value(articles[g["article"]]) or None) == (g[field] or None) for g in gold) / len(gold)
    assert share("published_date", lambda a: a.published_date) >= DATE_FLOOR
    assert share("outlet", lambda a: a.outlet) >= OUTLET_FLOOR
    assert share("title", lambda a: a.title) >= TITLE_FLOOR


def test_cp1252_page_is_decoded(ingested):
    _, articles = ingested
    page = articles["continental_courier_lashkar_gah.html"]
    assert "\ufffd" not in page.text and "’" in page.text + (page.title or "")


def test_no_chrome_reaches_the_text(ingested):
    _, articles = ingested
    for key, article in articles.items():
        for marker in ("[ad_1]", "Loading...", "READ MORE:", "Read Also:", "Share This", "(@",
                       "Tuesday, March 12, 2024", "ADVERTISEMENT", "NEWSLETTER"):
            assert marker not in article.text, f"{key} still holds {marker!r}"
