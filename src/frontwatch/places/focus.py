"""The article's country focus: which countries its place mentions point to."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Protocol

from frontwatch.places.fold import fold_key

from frontwatch.places.gazetteer import GazetteerEntry

# A mention whose entries all lie in one country votes this much; a country named outright
# more; an ambiguous mention splits half a vote among its countries.
UNAMBIGUOUS_VOTE = 2.0
COUNTRY_VOTE = 3.0
AMBIGUOUS_VOTE = 0.5
# A demonym or group tied to a country ("Afghan", "Taliban"), per occurrence; capped so a
# story about Russian forces in Ukraine stays on Ukraine.
WORD_VOTE = 0.5
MAX_WORD_VOTES = 2.0


class HasEntries(Protocol):
    entries: list[GazetteerEntry]


def read_country_words() -> dict[str, str]:
    """The packaged table of demonyms and groups (folded word -> ISO2)."""
    path = Path(str(resources.files("frontwatch.places"))) / "data" / "country_words.tsv"
    table = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("word\t"):
            word, country = line.split("\t")
            table[fold_key(word)] = country
    return table


def word_votes(tokens: Iterable[str], country_words: dict[str, str]) -> Counter[str]:
    """Votes from demonyms and groups in the text ("Afghan forces", "the RSF")."""
    votes: Counter[str] = Counter()
    for token in tokens:
        if token[:1].isupper():
            country = country_words.get(fold_key(token))
            if country:
                votes[country] = min(MAX_WORD_VOTES, votes[country] + WORD_VOTE)
    return votes


def country_focus(candidates: list[HasEntries],
                  extra_votes: Counter[str] | None = None) -> dict[str, float]:
    """Share of the mentions' votes per country (ISO2 -> 0..1)."""
    votes: Counter[str] = Counter(extra_votes or {})
    for cand in candidates:
        if not cand.entries:
            continue
        countries = {e.country for e in cand.entries if e.country}
        first = cand.entries[0]
        if first.level == "country" and first.country:
            votes[first.country] += COUNTRY_VOTE
        elif len(countries) == 1 and getattr(cand, "similarity", 100.0) == 100.0:
            votes[countries.pop()] += UNAMBIGUOUS_VOTE
        else:
            for country in countries:
                votes[country] += AMBIGUOUS_VOTE / len(countries)
    total = sum(votes.values()) or 1.0
    return {country: n / total for country, n in votes.items()}
