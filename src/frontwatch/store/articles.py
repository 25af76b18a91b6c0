"""Reading and writing articles, rejections and finished inputs."""
from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from frontwatch.errors import NotFound
from frontwatch.records import Article, Rejection, RemovedLine
from frontwatch.store.connection import Store, utc_now

ARTICLE_COLUMNS = (
    "id, external_id, source, position, input_format, url, title, outlet, author, published, "
    "published_from, language, text, removed_lines, metadata, raw, raw_kind, version, supersedes"
)


@dataclass
class WriteCounts:
    added: int = 0
    existing: int = 0
    new_versions: int = 0


def insert_articles(store: Store, articles: Iterable[Article]) -> WriteCounts:
    """Insert articles; an id already stored is left as it is. Call inside a transaction.

    An article whose URL is already stored under another id is a new version of it:
    it gets the next version number and points at the version it supersedes.
    """
    counts = WriteCounts()
    for article in articles:
        if store.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            counts.existing += 1
            continue
        version, supersedes = 1, None
        if article.url:
            prev = store.execute(
                "SELECT id, version FROM articles WHERE url = ? ORDER BY version DESC LIMIT 1",
                (article.url,),
            ).fetchone()
            if prev:
                version, supersedes = prev["version"] + 1, prev["id"]
                counts.new_versions += 1
        store.execute(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id, article.external_id, article.source, article.position,
                article.input_format, article.url, article.title, article.outlet,
                article.author, article.published, article.published_from, article.language,
                article.text,
                json.dumps([{"line": r.line, "reason": r.reason} for r in article.removed_lines],
                           ensure_ascii=False),
                json.dumps(article.metadata, ensure_ascii=False, default=str),
                zlib.compress(article.raw.encode("utf-8")), article.raw_kind,
                version, supersedes, utc_now(),
            ),
        )
        counts.added += 1
    return counts


def rejection_id(rejection: Rejection) -> str:
    key = "\x1f".join([rejection.source, rejection.position or "", rejection.reason])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def record_rejections(store: Store, rejections: Iterable[Rejection]) -> int:
    """Record rejections (idempotent: a repeat updates last_seen). Call inside a transaction."""
    n = 0
    now = utc_now()
    for r in rejections:
        store.execute(
            "INSERT INTO rejections (id, source, position, stage, reason, detail, first_seen, last_seen) "
            "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen, "
            "detail = excluded.detail",
            (rejection_id(r), r.source, r.position, r.stage, r.reason, r.detail, now, now),
        )
        n += 1
    return n


def row_to_article(row: Any) -> Article:
    return Article(
        id=row["id"], external_id=row["external_id"], source=row["source"],
        position=row["position"], input_format=row["input_format"], url=row["url"],
        title=row["title"], outlet=row["outlet"], author=row["author"],
        published=row["published"], published_from=row["published_from"],
        language=row["language"], text=row["text"],
        removed_lines=tuple(RemovedLine(**r) for r in json.loads(row["removed_lines"])),
        metadata=json.loads(row["metadata"]),
        raw=zlib.decompress(row["raw"]).decode("utf-8"), raw_kind=row["raw_kind"],
        version=row["version"], supersedes=row["supersedes"],
    )


def get_article(store: Store, article_id: str) -> Article:
    """The article with this id, or a unique id prefix (at least 6 characters)."""
    # The exact id first, by the primary key; a prefix scans the table, so only when asked.
    rows = store.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)) or \
        (store.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id LIKE ? || '%' LIMIT 2", (article_id,))
         if len(article_id) >= 6 else [])
    if not rows:
        raise NotFound(f"no article {article_id!r}; `frontwatch articles` lists the ids")
    if len(rows) > 1 and rows[0]["id"] != article_id:
        raise NotFound(f"{article_id!r} matches several articles; give more of the id")
    return row_to_article(rows[0])


def iter_articles(store: Store, include_superseded: bool = False,
                  ids: Iterable[str] | None = None) -> Iterator[Article]:
    """Every stored article in ingest order; by default only the latest version of each."""
    where = [] if include_superseded else [
        "NOT EXISTS (SELECT 1 FROM articles newer WHERE newer.supersedes = articles.id)"]
    params: list[Any] = []
    if ids is not None:
        id_list = list(ids)
        where.append(f"id IN ({','.join('?' * len(id_list))})")
        params.extend(id_list)
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY rowid"
    for row in store.execute(sql, tuple(params)):
        yield row_to_article(row)


def list_rejections(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.query(
        "SELECT source, position, stage, reason, detail, first_seen, last_seen "
        "FROM rejections ORDER BY source, position")]


def input_done(store: Store, sha256: str) -> dict[str, Any] | None:
    row = store.execute("SELECT * FROM inputs WHERE sha256 = ?", (sha256,)).fetchone()
    return dict(row) if row else None


def record_input(store: Store, sha256: str, path: str, size: int, fmt: str,
                 articles: int, rejections: int) -> None:
    store.execute(
        "INSERT OR REPLACE INTO inputs (sha256, path, size, format, articles, rejections, finished_at) "
        "VALUES (?,?,?,?,?,?,?)",
        (sha256, path, size, fmt, articles, rejections, utc_now()),
    )


def store_stats(store: Store) -> dict[str, Any]:
    one = lambda sql: store.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "latest_versions": one(
            "SELECT count(*) FROM articles WHERE NOT EXISTS "
            "(SELECT 1 FROM articles n WHERE n.supersedes = articles.id)"),
        "dated": one("SELECT count(*) FROM articles WHERE published IS NOT NULL"),
        "undated": one("SELECT count(*) FROM articles WHERE published IS NULL"),
        "rejections": one("SELECT count(*) FROM rejections"),
        "inputs": one("SELECT count(*) FROM inputs"),
        "by_format": {r[0]: r[1] for r in store.query(
            "SELECT input_format, count(*) FROM articles GROUP BY 1 ORDER BY 1")},
        "by_language": {(r[0] or "unknown"): r[1] for r in store.query(
            "SELECT language, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")},
        "earliest": one("SELECT min(substr(published, 1, 10)) FROM articles"),
        "latest": one("SELECT max(substr(published, 1, 10)) FROM articles"),
    }
