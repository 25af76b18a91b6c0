"""The mentions table: incremental extraction over stored articles, and reading mentions.

An article is extracted again only when it is new or the extractor version changed;
replacing an article's mentions happens in one transaction with its extraction record.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from frontwatch.events.model import EventMention
from frontwatch.store import Store
from frontwatch.store.connection import utc_now

ProgressCallback = Callable[[int, int, str], None]

COLUMNS = (
    "id", "article_id", "sentence_index", "start", "end", "kind", "event_type", "sub_event_type",
    "actor1", "actor2", "new_controller", "previous_controller", "place_name", "place_id",
    "place_level", "place_admin1", "place_admin2", "place_country", "place_lat", "place_lon",
    "place_precision", "place_feature", "date", "date_precision", "date_basis", "factuality",
    "attributed_to", "fatalities", "fatalities_json", "sentence", "evidence", "extractor_version",
)


@dataclass
class ExtractReport:
    articles: int = 0            # articles extracted in this run
    skipped: int = 0             # already extracted by this extractor version
    mentions: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.by_kind.items()))
        return (f"{self.articles} article(s) extracted, {self.skipped} unchanged; "
                f"{self.mentions} mention(s){': ' + kinds if kinds else ''}")


def mention_row(m: EventMention) -> tuple:
    p = m.place
    return (
        m.id, m.article_id, m.sentence_index, m.start, m.end, m.kind, m.event_type,
        m.sub_event_type, m.actor1, m.actor2, m.new_controller, m.previous_controller,
        p.name if p else None, p.id if p else None, p.level if p else None,
        p.admin1 if p else None, p.admin2 if p else None, p.country if p else None,
        p.lat if p else None, p.lon if p else None, p.precision if p else None,
        p.feature if p else None, m.date, m.date_precision, m.date_basis, m.factuality,
        m.attributed_to, m.fatalities, json.dumps(m.fatalities_by_side, ensure_ascii=False),
        m.sentence, json.dumps(m.evidence, ensure_ascii=False), m.extractor_version,
    )


def replace_article_mentions(store: Store, article_id: str, mentions: list[EventMention],
                             version: str) -> None:
    """Call inside a transaction: the article's old mentions go, the new ones and the
    extraction record come, together."""
    store.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    placeholders = ", ".join("?" for _ in COLUMNS)
    quoted = ", ".join(f'"{c}"' for c in COLUMNS)
    rows = {}
    for m in mentions:
        rows[m.id] = mention_row(m)   # one row per id: a repeated statement counts once
    store.conn.executemany(f"INSERT INTO mentions ({quoted}) VALUES ({placeholders})", list(rows.values()))
    store.execute(
        "INSERT OR REPLACE INTO extractions (article_id, extractor_version, mentions, extracted_at) "
        "VALUES (?, ?, ?, ?)", (article_id, version, len(rows), utc_now()))


def pending_article_ids(store: Store, version: str, force: bool = False) -> tuple[list[str], int]:
    """Current articles not yet extracted by ``version`` (all of them with ``force``)."""
    rows = store.query(
        "SELECT a.id, x.extractor_version FROM articles a LEFT JOIN extractions x ON x.article_id = a.id "
        "WHERE a.id NOT IN (SELECT supersedes FROM articles WHERE supersedes IS NOT NULL) "
        "ORDER BY a.rowid")
    todo = [r[0] for r in rows if force or r[1] != version]
    return todo, len(rows) - len(todo)


def extract_store(store: Store, settings, nlp=None, on_progress: ProgressCallback | None = None,
                  force: bool = False, workers: int = 1) -> ExtractReport:
    """Extract mentions from every new or changed article (all with ``force``), on
    ``workers`` forked processes (frontwatch.engine.forked) when there is more than one
    chunk of work; the store is written from this process only, chunk by chunk in order."""
    from frontwatch.events.actors import load_actors
    from frontwatch.events.extract import extractor_version
    from frontwatch.events.filter import load_mention_filter

    progress = on_progress or (lambda done, total, label: None)
    version = extractor_version(settings)
    todo, skipped = pending_article_ids(store, version, force)
    report = ExtractReport(skipped=skipped)
    if not todo:
        return report
    if nlp is None:
        from frontwatch.places import load_places_pipeline
        nlp = load_places_pipeline(settings)
    from frontwatch.engine.forked import Extractor

    extract = Extractor(nlp, load_actors(settings.actors_file), load_mention_filter(settings.mention_filter),
                        version)
    batch = max(1, settings.extract_batch)
    chunks = [todo[start:start + batch] for start in range(0, len(todo), batch)]
    for results in _chunk_results(store, chunks, extract, workers):
        write_chunk(store, results, report, version)
        progress(report.articles, len(todo), results[-1][0][:12])
    return report


def _chunk_results(store: Store, chunks: list[list[str]], extract, workers: int) -> Iterator[list]:
    """Each chunk's ``(article id, mentions)`` list, in chunk order, read from the store as
    it is needed."""
    from frontwatch.engine.forked import ForkedWorkers, usable_workers
    from frontwatch.store.articles import iter_articles

    articles = (list(iter_articles(store, include_superseded=True, ids=ids)) for ids in chunks)
    workers = usable_workers(workers) if len(chunks) > 1 else 1
    if workers == 1:
        yield from map(extract, articles)
        return
    with ForkedWorkers(extract, workers) as pool:
        yield from pool.map(articles)


def write_chunk(store: Store, results, report: ExtractReport, version: str) -> None:
    """One transaction: each article's mentions replaced, with its extraction record."""
    with store.transaction():
        for article_id, found in results:
            replace_article_mentions(store, article_id, found, version)
    for _, found in results:
        unique = {m.id: m for m in found}
        report.articles += 1
        report.mentions += len(unique)
        for m in unique.values():
            report.by_kind[m.kind] = report.by_kind.get(m.kind, 0) + 1


def article_text(article) -> str:
    """The text the extractor reads: the headline, a blank line, the body."""
    title = (article.title or "").strip()
    return f"{title}\n\n{article.text}" if title else article.text


def extract_articles(articles: list, nlp, actors, mention_filter=None,
                     version: str | None = None) -> list[tuple[str, list[EventMention]]]:
    """Each article's mentions, stamped with the extractor ``version``, in input order (one
    spaCy pass over the batch). Every engine runs this same loop."""
    from dataclasses import replace

    from frontwatch.events.extract import EXTRACTOR_VERSION, extract_article
    from frontwatch.events.prefilter import could_hold_event
    from frontwatch.places.focus import read_country_words

    country_words = read_country_words()
    texts = [article_text(a) for a in articles]
    readable = [(a, t) for a, t in zip(articles, texts) if could_hold_event(t, actors)]
    docs = dict(zip((a.id for a, _ in readable), nlp.pipe(t for _, t in readable)))
    stamp = version or EXTRACTOR_VERSION
    return [(article.id, [replace(m, extractor_version=stamp)
                          for m in extract_article(article, nlp, actors, doc=docs[article.id],
                                                   mention_filter=mention_filter, country_words=country_words)]
             if article.id in docs else [])   # no event word or no word of war: spaCy never reads it
            for article in articles]


def row_to_dict(row) -> dict[str, Any]:
    data = dict(row)
    data["fatalities_by_side"] = json.loads(data.pop("fatalities_json") or "{}")
    data["evidence"] = json.loads(data["evidence"] or "{}")
    return data


def iter_mentions(store: Store, article_id: str | None = None) -> Iterator[dict[str, Any]]:
    """Every stored mention as a dict of the mentions table's columns (fatalities_json
    read into ``fatalities_by_side``, evidence into a dict), in article and sentence order."""
    sql = "SELECT m.* FROM mentions m JOIN articles a ON a.id = m.article_id"
    params: tuple = ()
    if article_id:
        sql += " WHERE m.article_id = ?"
        params = (article_id,)
    sql += " ORDER BY a.rowid, m.sentence_index, m.start, m.id"
    for row in store.execute(sql, params):
        yield row_to_dict(row)


@dataclass(frozen=True)
class MentionFilter:
    article: str | None = None
    kind: str | None = None
    place: str | None = None
    factuality: str | None = None
    country: str | None = None


def list_mentions(store: Store, flt: MentionFilter, limit: int = 1000) -> list[dict[str, Any]]:
    """Mentions joined with their article's external id and source, for the CLI."""
    where, params = [], []
    if flt.article:
        where.append("(m.article_id LIKE ? OR a.external_id = ? OR a.source LIKE ? OR a.url = ?)")
        params += [flt.article + "%", flt.article, "%" + flt.article, flt.article]
    for column, value in (("m.kind", flt.kind), ("m.factuality", flt.factuality),
                          ("m.place_country", flt.country.upper() if flt.country else None)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if flt.place:
        where.append("(m.place_name LIKE ? OR m.place_admin1 LIKE ? OR m.place_admin2 LIKE ?)")
        params += [flt.place] * 3
    sql = ("SELECT m.*, a.external_id, a.source, a.url FROM mentions m JOIN articles a ON a.id = m.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.rowid, m.sentence_index, m.start LIMIT ?")
    return [public_record(row_to_dict(r)) for r in store.execute(sql, (*params, limit))]


def public_record(d: dict[str, Any]) -> dict[str, Any]:
    """A mention as the CLI prints it: the place as a nested object."""
    place = None
    if d.get("place_name"):
        place = {k: d.get(f"place_{k}") for k in
                 ("name", "id", "level", "admin1", "admin2", "country", "lat", "lon", "precision", "feature")}
    out = {k: d.get(k) for k in (
        "id", "article_id", "external_id", "source", "url", "sentence_index", "kind", "event_type",
        "sub_event_type", "actor1", "actor2", "new_controller", "previous_controller")}
    out["place"] = place
    out.update({k: d.get(k) for k in ("date", "date_precision", "date_basis", "factuality",
                                      "attributed_to", "fatalities", "fatalities_by_side",
                                      "sentence", "evidence", "extractor_version")})
    return out
