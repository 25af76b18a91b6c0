"""Reading copy clusters for other stages and for the CLI."""
from __future__ import annotations

from typing import Any

from frontwatch.copies.align import Verdict, compare
from frontwatch.copies.cluster import cluster_id
from frontwatch.copies.features import extract
from frontwatch.errors import NotFound
from frontwatch.store import copies as sql
from frontwatch.store.articles import get_article
from frontwatch.store.connection import Store


def cluster_of(store: Store, article_id: str) -> dict[str, Any] | None:
    """The copy cluster of an article (id, origin_id, members), or None if it has no copy.

    ``article_id`` may be a unique prefix of at least 6 characters.
    """
    article = get_article(store, article_id)
    found = sql.member_cluster(store, article.id)
    if found is None:
        return None
    return sql.cluster_rows(store, found)[0]


def source_clusters(store: Store) -> dict[str, str]:
    """For every current article, the id of its copy cluster.

    An article without copies is a cluster of its own, with the id it would have as an
    origin; so the number of distinct values among a set of articles is the number of
    independent sources among them.
    """
    members = sql.all_members(store)
    return {i: members.get(i) or cluster_id(i) for i in sql.current_articles(store)}


def pair_evidence(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The confirmed copy pairs of an article, with scores and aligned sentences."""
    article = get_article(store, article_id)
    pairs = sql.pairs_of(store, article.id)
    if not pairs and not store.execute("SELECT 1 FROM copy_signatures WHERE article_id = ?",
                                       (article.id,)).fetchone():
        raise NotFound(f"article {article.id[:12]} has not been through the copies stage; "
                       "run `frontwatch copies` first")
    return pairs


def compare_texts(text_a: str, text_b: str) -> Verdict:
    """Compare two texts directly (no store): kind, scores and aligned sentence pairs."""
    return compare(extract(text_a), extract(text_b))
