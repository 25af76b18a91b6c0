"""The cheap test before parsing lets through every article that holds an event, and
stops the articles that are about something else."""
from __future__ import annotations

import json

from frontwatch.events.actors import load_actors
from frontwatch.events.prefilter import could_hold_event
from tests.conftest import EXAMPLES, ROOT


def _gold_articles():
    """(text, title) of every article any gold of the project records an event in."""
    news = ROOT / "eval" / "news"
    for split in ("dev", "heldout"):
        events = {json.loads(l)["article"] for f in (news / split).glob("*.gold.jsonl")
                  for l in f.read_text().splitlines() if l.strip()}
        for f in (news / split / "articles").glob("*.jsonl"):
            for line in f.read_text().splitlines():
                a = json.loads(line)
                if a["id"] in events:
                    yield f"{a['title']}\n\n{a['text']}"
    gold = ROOT / "eval" / "events"
    for name in {json.loads(l)["article"] for l in (gold / "gold.jsonl").read_text().splitlines() if l.strip()}:
        yield (gold / "articles" / name).read_text()


def test_every_article_with_a_gold_event_passes():
    actors = load_actors()
    texts = list(_gold_articles())
    assert len(texts) > 300
    assert [t[:80] for t in texts if not could_hold_event(t, actors)] == []


def test_the_sample_corpus_passes():
    actors = load_actors()
    for path in EXAMPLES.glob("*.txt"):
        assert could_hold_event(path.read_text(encoding="utf-8"), actors), path.name


def test_news_about_other_things_is_stopped():
    actors = load_actors()
    other = [
        "City beat United 2-1 at home on Saturday, with a late header from their captain deciding a tense derby.",
        "Shares in the carmaker rose 4% after it reported higher quarterly profits and raised its outlook.",
        "Heavy rain is expected across the north on Tuesday, with temperatures dropping to five degrees.",
        "The finance minister presented the budget to parliament, promising lower taxes for small firms.",
    ]
    assert [t for t in other if could_hold_event(t, actors)] == []
