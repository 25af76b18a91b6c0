"""SQL of the copies stage: signatures, compared pairs, clusters and their members."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from frontwatch.store.connection import Store

LATEST = "NOT EXISTS (SELECT 1 FROM articles newer WHERE newer.supersedes = articles.id)"


def current_articles(store: Store) -> dict[str, dict[str, Any]]:
    """Latest version of every article: id -> published, n_chars, external_id, source."""
    rows = store.execute(
        f"SELECT id, published, length(text) AS n_chars, external_id, source FROM articles "
        f"WHERE {LATEST} ORDER BY rowid")
    return {r["id"]: dict(r) for r in rows}


def signed_articles(store: Store) -> set[str]:
    return {r[0] for r in store.execute("SELECT article_id FROM copy_signatures")}


def signature_rows(store: Store) -> Iterator[Any]:
    yield from store.execute(
        "SELECT article_id, method, fingerprint, n_words, shingle_sig, anchor_sig "
        "FROM copy_signatures ORDER BY article_id")


def write_signatures(store: Store, rows: Iterable[tuple]) -> None:
    """Rows of (article_id, method, fingerprint, n_words, shingle_sig, anchor_sig)."""
    store.conn.executemany(
        "INSERT OR REPLACE INTO copy_signatures "
        "(article_id, method, fingerprint, n_words, shingle_sig, anchor_sig) VALUES (?,?,?,?,?,?)",
        rows)


def forget_articles(store: Store, ids: Iterable[str]) -> None:
    """Drop what the stage holds about these articles (superseded or removed)."""
    for article_id in ids:
        store.execute("DELETE FROM copy_signatures WHERE article_id = ?", (article_id,))
        store.execute("DELETE FROM copy_pairs WHERE a = ? OR b = ?", (article_id, article_id))


def clear_all(store: Store) -> None:
    for table in ("copy_members", "copy_clusters", "copy_pairs", "copy_signatures"):
        store.execute(f"DELETE FROM {table}")


def compared(store: Store, a: str, b: str) -> Any:
    """The stored comparison of a pair (a < b), or None."""
    return store.execute("SELECT kind, related, strength FROM copy_pairs WHERE a = ? AND b = ?",
                         (a, b)).fetchone()


def write_pairs(store: Store, rows: Iterable[tuple]) -> None:
    """Rows of (a, b, kind, related, strength, scores dict, alignment list or None)."""
    store.conn.executemany(
        "INSERT OR REPLACE INTO copy_pairs (a, b, kind, related, strength, scores, alignment) "
        "VALUES (?,?,?,?,?,?,?)",
        ((a, b, kind, int(rel), strength, json.dumps(scores),
          json.dumps(alignment) if alignment is not None else None)
         for a, b, kind, rel, strength, scores, alignment in rows))


def confirmed_links(store: Store) -> list[tuple[str, str, str, float]]:
    return [(r[0], r[1], r[2], r[3]) for r in store.execute(
        "SELECT a, b, kind, strength FROM copy_pairs WHERE kind IS NOT NULL")]


def related_pairs(store: Store) -> dict[tuple[str, str], bool]:
    return {(r[0], r[1]): bool(r[2]) for r in store.execute("SELECT a, b, related FROM copy_pairs")}


def replace_clusters(store: Store, clusters: Iterable[Any]) -> None:
    """Store the clusters (objects with id, origin_id, members [(id, similarity, kind)])."""
    store.execute("DELETE FROM copy_members")
    store.execute("DELETE FROM copy_clusters")
    for c in clusters:
        store.execute("INSERT INTO copy_clusters (id, origin_id, size) VALUES (?,?,?)",
                      (c.id, c.origin_id, len(c.members)))
        store.conn.executemany(
            "INSERT INTO copy_members (article_id, cluster_id, similarity, kind) VALUES (?,?,?,?)",
            ((m.article_id, c.id, m.similarity, m.kind) for m in c.members))


def cluster_rows(store: Store, cluster_id: str | None = None) -> list[dict[str, Any]]:
    """Clusters with their members (article_id, external_id, source, similarity, kind)."""
    where, params = ("WHERE c.id = ?", (cluster_id,)) if cluster_id else ("", ())
    rows = store.query(
        "SELECT c.id, c.origin_id, m.article_id, a.external_id, a.source, a.published, "
        "m.similarity, m.kind FROM copy_clusters c JOIN copy_members m ON m.cluster_id = c.id "
        f"JOIN articles a ON a.id = m.article_id {where} "
        "ORDER BY c.size DESC, c.id, m.article_id != c.origin_id, m.similarity DESC, m.article_id", params)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        cluster = out.setdefault(r["id"], {"cluster_id": r["id"], "origin_id": r["origin_id"],
                                           "members": []})
        cluster["members"].append({
            "article_id": r["article_id"], "external_id": r["external_id"],
            "source": r["source"], "published": r["published"],
            "similarity": r["similarity"], "kind": r["kind"]})
    return list(out.values())


def member_cluster(store: Store, article_id: str) -> str | None:
    row = store.execute("SELECT cluster_id FROM copy_members WHERE article_id = ?",
                        (article_id,)).fetchone()
    return row[0] if row else None


def all_members(store: Store) -> dict[str, str]:
    return {r[0]: r[1] for r in store.execute("SELECT article_id, cluster_id FROM copy_members")}


def pairs_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    """Every confirmed pair that involves the article, with scores and alignment."""
    rows = store.query(
        "SELECT a, b, kind, strength, scores, alignment FROM copy_pairs "
        "WHERE (a = ? OR b = ?) AND kind IS NOT NULL ORDER BY strength DESC",
        (article_id, article_id))
    return [{"a": r["a"], "b": r["b"], "kind": r["kind"], "strength": r["strength"],
             "scores": json.loads(r["scores"]), "alignment": json.loads(r["alignment"] or "[]")}
            for r in rows]
