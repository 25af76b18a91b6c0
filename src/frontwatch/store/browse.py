"""Read-only listings for the web app and the report: article pages, the places the store
knows, and the tables of later stages (mentions, copy clusters) when they are present.

A store written before a stage ran has no table for it; these functions then return
empty results instead of failing, so the web app serves whatever the store holds.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from frontwatch.errors import NotFound
from frontwatch.store.connection import Store

ARTICLE_SUMMARY = ("id, title, outlet, author, url, published, published_from, language, "
                   "source, input_format, version, supersedes, length(text) AS text_chars")
ARTICLE_DETAIL = ARTICLE_SUMMARY + ", text, metadata"
MAX_TIMELINE_DAYS = 3660
# A stretch with no dated event longer than this separates past history from the period
# being followed (half a year: offensives pause for weeks, seldom for seasons).
QUIET_GAP_DAYS = 180


def has_table(store: Store, name: str) -> bool:
    return store.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                         (name,)).fetchone() is not None


def table_columns(store: Store, name: str) -> set[str]:
    return {r[0] for r in store.execute("SELECT name FROM pragma_table_info(?)", (name,))}


def _article_where(outlet: str | None, title: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if outlet:
        clauses.append("outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if title:
        clauses.append("instr(lower(title), lower(?)) > 0")
        params.append(title)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_articles(store: Store, limit: int, offset: int, outlet: str | None = None,
                  title: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """A page of articles (without their text), in ingest order, and the total."""
    where, params = _article_where(outlet, title)
    total = store.execute(f"SELECT count(*) FROM articles{where}", tuple(params)).fetchone()[0]
    rows = store.query(f"SELECT {ARTICLE_SUMMARY} FROM articles{where} ORDER BY rowid LIMIT ? OFFSET ?",
                       (*params, limit, offset))
    return total, [dict(r) for r in rows]


def article_detail(store: Store, article_id: str) -> dict[str, Any]:
    """One article with its text, its copy cluster (when known) and the events citing it."""
    row = store.execute(f"SELECT {ARTICLE_DETAIL} FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article {article_id!r}; /api/articles lists the ids")
    record = dict(row)
    record["copy_cluster"] = cluster_of(store, article_id)
    record["events"] = [dict(r) for r in store.query(
        "SELECT DISTINCT s.event_id, s.role, e.kind, e.place_name, e.date FROM event_sources s "
        "JOIN events e ON e.id = s.event_id WHERE s.article_id = ? ORDER BY e.date", (article_id,))]
    return record


def articles_by_id(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.query(f"SELECT id, title, outlet, url, published FROM articles WHERE id IN ({marks})",
                       tuple(ids))
    return {r["id"]: dict(r) for r in rows}


def cluster_of(store: Store, article_id: str) -> dict[str, Any] | None:
    """The copy cluster of an article with its other members, or None."""
    if not has_table(store, "copy_members"):
        return None
    row = store.execute("SELECT cluster_id FROM copy_members WHERE article_id = ?",
                        (article_id,)).fetchone()
    return copy_cluster(store, row[0]) if row else None


def copy_cluster(store: Store, cluster_id: str) -> dict[str, Any]:
    if not has_table(store, "copy_clusters"):
        raise NotFound("this store has no copy clusters yet: run the copies stage first")
    row = store.execute("SELECT id, origin_id, size FROM copy_clusters WHERE id = ?",
                        (cluster_id,)).fetchone()
    if row is None:
        raise NotFound(f"no copy cluster {cluster_id!r}; /api/copies lists them")
    record = dict(row)
    record["members"] = [dict(r) for r in store.query(
        "SELECT m.article_id, m.similarity, m.kind, a.title, a.outlet, a.url, a.published "
        "FROM copy_members m LEFT JOIN articles a ON a.id = m.article_id "
        "WHERE m.cluster_id = ? ORDER BY m.kind IS NOT NULL, a.published, m.article_id", (cluster_id,))]
    return record


def list_copy_clusters(store: Store, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """A page of copy clusters, largest first (empty when the copies stage has not run)."""
    if not has_table(store, "copy_clusters"):
        return 0, []
    total = store.execute("SELECT count(*) FROM copy_clusters").fetchone()[0]
    ids = [r[0] for r in store.query(
        "SELECT id FROM copy_clusters ORDER BY size DESC, id LIMIT ? OFFSET ?", (limit, offset))]
    return total, [copy_cluster(store, i) for i in ids]


def list_mentions(store: Store, limit: int, offset: int,
                  article_id: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """A page of event mentions (empty when the events stage has not stored any)."""
    if not has_table(store, "mentions"):
        return 0, []
    where, params = "", []
    if article_id and "article_id" in table_columns(store, "mentions"):
        where, params = " WHERE article_id = ?", [article_id]
    total = store.execute(f"SELECT count(*) FROM mentions{where}", tuple(params)).fetchone()[0]
    rows = store.query(f"SELECT * FROM mentions{where} ORDER BY article_id, id LIMIT ? OFFSET ?",
                       (*params, limit, offset))
    return total, [_mention_record(r) for r in rows]


def _mention_record(row: Any) -> dict[str, Any]:
    record = dict(row)
    if isinstance(record.get("evidence"), str):
        try:
            record["evidence"] = json.loads(record["evidence"])
        except ValueError:
            pass   # plain words, not JSON: keep them as they are
    return record


def list_places(store: Store, country: str | None = None) -> list[dict[str, Any]]:
    """Every place that events or control timelines name, with counts and its last state."""
    where, params = (" WHERE country = ?", [country]) if country else ("", [])
    rows = store.query(
        f"""SELECT place_key, place_id, place_name, place_level, place_feature, admin1, admin2,
                   country, lat, lon, count(*) AS events, min(date) AS first_date,
                   max(date) AS last_date
            FROM events{where}{' AND' if where else ' WHERE'} place_key IS NOT NULL
            GROUP BY place_key ORDER BY country, admin1, place_name""", tuple(params))
    places = {r["place_key"]: dict(r) for r in rows}
    for row in store.query(
            f"""SELECT place_key, state, controller, date_from FROM control_states c{where}
                {'AND' if where else 'WHERE'} seq = (SELECT max(seq) FROM control_states d
                                                     WHERE d.place_key = c.place_key)""",
            tuple(params)):
        if row["place_key"] in places:
            places[row["place_key"]].update(last_state=row["state"], last_controller=row["controller"],
                                            last_change=row["date_from"])
    return list(places.values())


def date_range(store: Store) -> tuple[str | None, str | None]:
    """The first and last day of the dated events and control changes."""
    row = store.execute(
        "SELECT min(d), max(d) FROM (SELECT date AS d FROM events WHERE date_precision = 'day' "
        "UNION ALL SELECT date_from FROM control_states)").fetchone()
    return row[0], row[1]


def active_range(store: Store) -> tuple[str | None, str | None]:
    """The last stretch of dated activity: from the first day after the last long quiet gap.

    Articles recall old events (a city taken six years before); a slider or a report that
    starts there is mostly empty. Older days stay reachable by asking for them.
    """
    days = [r[0] for r in store.query(
        "SELECT DISTINCT d FROM (SELECT date AS d FROM events WHERE date_precision = 'day' "
        "UNION SELECT date_from FROM control_states) WHERE d IS NOT NULL ORDER BY d")]
    if not days:
        return None, None
    first = days[-1]
    for earlier in reversed(days[:-1]):
        if (date.fromisoformat(first[:10]) - date.fromisoformat(earlier[:10])).days > QUIET_GAP_DAYS:
            break
        first = earlier
    return first, days[-1]


def publication_range(store: Store) -> tuple[str | None, str | None]:
    """The first and last publication day of the stored articles."""
    row = store.execute("SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) "
                        "FROM articles WHERE published IS NOT NULL").fetchone()
    return row[0], row[1]


def events_by_day(store: Store, date_from: str, date_to: str,
                  country: str | None = None) -> list[dict[str, Any]]:
    """How many events of each kind fall on each day (day-precise dates only)."""
    params: list[Any] = [date_from, date_to]
    extra = ""
    if country:
        extra = " AND country = ?"
        params.append(country)
    return [dict(r) for r in store.query(
        "SELECT date, kind, count(*) AS events, sum(coalesce(fatalities, 0)) AS fatalities "
        "FROM events WHERE date_precision = 'day' AND date >= ? AND date <= ?" + extra +
        " GROUP BY date, kind ORDER BY date, kind", tuple(params))]
