"""Read the events stage's mentions from the store as fusion's `Mention` records.

Each mention carries what fusion needs of its article: the outlet, source and URL for the
event's sources, the publication day for its date span, the ingest order (earlier
articles found events, so event ids stay stable), and the article's copy cluster, so a
story carried by many outlets counts as one independent source. Mentions of an article
that a newer version of it has superseded are left out.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from frontwatch.fuse.mention import Mention, Place
from frontwatch.store import Store

MENTIONS_SQL = """
    SELECT m.*, a.rowid AS article_order, a.outlet, a.source, a.url, a.published,
           c.cluster_id
    FROM mentions m
    JOIN articles a ON a.id = m.article_id
    LEFT JOIN copy_members c ON c.article_id = m.article_id
    WHERE NOT EXISTS (SELECT 1 FROM articles newer WHERE newer.supersedes = a.id)
    ORDER BY a.rowid, m.sentence_index, m.start, m.id
"""


def load_mentions(store: Store) -> Iterator[Mention]:
    """Every current mention in the store, in ingest order."""
    for row in store.execute(MENTIONS_SQL):
        yield mention_from_row(dict(row))


def mention_from_row(row: dict[str, Any]) -> Mention:
    return Mention(
        id=row["id"], article_id=row["article_id"], order=row["article_order"],
        kind=row["kind"], factuality=row["factuality"],
        event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        actor1=row["actor1"], actor2=row["actor2"],
        new_controller=row["new_controller"], previous_controller=row["previous_controller"],
        place=place_from_row(row), date=row["date"], date_precision=row["date_precision"],
        date_basis=row["date_basis"], published=(row["published"] or "")[:10] or None,
        attributed_to=row["attributed_to"], fatalities=row["fatalities"],
        sentence=row["sentence"] or "", evidence=_json(row["evidence"]),
        outlet=row["outlet"], source=row["source"], url=row["url"],
        copy_cluster=row["cluster_id"])


def place_from_row(row: dict[str, Any]) -> Place | None:
    if not row["place_name"]:
        return None
    return Place(name=row["place_name"], id=row["place_id"], level=row["place_level"],
                 admin1=row["place_admin1"], admin2=row["place_admin2"],
                 country=row["place_country"], lat=row["place_lat"], lon=row["place_lon"],
                 precision=row["place_precision"], feature=row["place_feature"])


def _json(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text
