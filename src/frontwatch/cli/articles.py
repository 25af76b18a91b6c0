"""Commands that read the store: articles, article, rejections, stats."""
from __future__ import annotations

import json
from dataclasses import asdict

import click

from frontwatch.cli.options import db_option, emit, output_options
from frontwatch.settings import Settings


def article_record(article) -> dict:
    record = asdict(article)
    record.pop("raw")
    record["removed_lines"] = [asdict(r) for r in article.removed_lines]
    return record


@click.command()
@db_option
@output_options
@click.option("--all-versions", is_flag=True, help="Include versions superseded by a newer text.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
def articles(settings: Settings, fmt: str, all_versions: bool, limit: int | None) -> None:
    """List stored articles (latest version of each)."""
    from frontwatch.store import open_store
    from frontwatch.store.articles import iter_articles

    with open_store(settings.db) as store:
        records = []
        for article in iter_articles(store, include_superseded=all_versions):
            records.append(article_record(article))
            if limit and len(records) >= limit:
                break
    if fmt == "table":
        for r in records:
            r["id"] = r["id"][:12]
            r["title"] = (r["title"] or "")[:60]
    emit(records, fmt, ["id", "published", "published_from", "outlet", "language", "title", "source"])


@click.command()
@db_option
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the article as a JSON object.")
def article(settings: Settings, article_id: str, as_json: bool) -> None:
    """Show one article: metadata, clean text and the lines removed from it."""
    from frontwatch.store import open_store
    from frontwatch.store.articles import get_article

    with open_store(settings.db) as store:
        record = article_record(get_article(store, article_id))
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key in ("id", "external_id", "source", "position", "input_format", "url", "title",
                "outlet", "author", "published", "published_from", "language", "version"):
        click.echo(f"{key:>15}: {record[key] if record[key] is not None else '-'}")
    click.echo("\n" + record["text"] + "\n")
    click.echo(f"Removed lines ({len(record['removed_lines'])}):")
    for removed in record["removed_lines"]:
        click.echo(f"  [{removed['reason']}] {removed['line']}")


@click.command()
@db_option
@output_options
def rejections(settings: Settings, fmt: str) -> None:
    """List inputs that did not become articles, with the reason."""
    from frontwatch.store import open_store
    from frontwatch.store.articles import list_rejections

    with open_store(settings.db) as store:
        records = list_rejections(store)
    emit(records, fmt, ["source", "position", "stage", "reason", "detail"])


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as a JSON object.")
def stats(settings: Settings, as_json: bool) -> None:
    """Counts of what the store holds."""
    from frontwatch.store import open_store
    from frontwatch.store.articles import store_stats

    with open_store(settings.db) as store:
        figures = store_stats(store)
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>16}: {value}")
