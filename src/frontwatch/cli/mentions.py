"""Commands of the events stage: extract, mentions, eval."""
from __future__ import annotations

import json

import click

from frontwatch.cli.options import db_option, emit, engine_options, output_options
from frontwatch.cli.progress import progress_bar
from frontwatch.settings import Settings


@click.command()
@db_option
@click.option("--force", is_flag=True, help="Extract every article again, changed or not.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@engine_options
def extract(settings: Settings, force: bool, quiet: bool, engine) -> None:
    """Extract event mentions from stored articles (only new or changed ones, or all after
    the extractor changed); with --engine dask, on Dask workers."""
    from frontwatch.store import open_store

    with open_store(settings.db) as store, progress_bar("extract", quiet) as progress:
        report = engine.extract(store, settings, on_progress=progress, force=force)
    click.echo(report.summary())


@click.command()
@db_option
@output_options
@click.option("--article", help="Article id (or its start), external id, URL or file name.")
@click.option("--kind", help="captured, recaptured, entered, besieged, surrendered, withdrew, clash, ..., statistic")
@click.option("--place", help="A place, admin1 or admin2 name.")
@click.option("--factuality", type=click.Choice(["asserted", "attributed", "uncertain", "negated",
                                                 "future", "hypothetical", "historical"]))
@click.option("--country", help="ISO 3166 alpha-2 code of the place, e.g. AF.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=1000, show_default=True)
def mentions(settings: Settings, fmt: str, limit: int, **filters) -> None:
    """List event mentions, one per statement in a sentence, with their evidence."""
    from frontwatch.events.store import MentionFilter, list_mentions
    from frontwatch.store import open_store

    with open_store(settings.db) as store:
        records = list_mentions(store, MentionFilter(**filters), limit=limit)
    if fmt != "json":
        for r in records:
            place = r.pop("place") or {}
            r["place"] = place.get("name")
            r["admin1"] = place.get("admin1")
            r["article_id"] = r["article_id"][:12]
    emit(records, fmt, ["article_id", "kind", "place", "admin1", "new_controller", "date",
                        "date_basis", "factuality", "fatalities", "sentence"])


@click.command(name="eval")
@db_option
@click.argument("gold", type=click.Path(exists=True))
@click.option("--articles", "articles_dir", type=click.Path(exists=True, file_okay=False),
              help="Ingest and extract this folder first (the articles the gold names); "
                   "a news-gold split folder brings its own.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores, misses and extras as JSON.")
@click.option("--errors", is_flag=True, help="After the scores, list misses, extras, wrong dates and "
                                              "wrong tolls with their sentences.")
def eval_command(settings: Settings, gold: str, articles_dir: str | None, as_json: bool,
                 errors: bool) -> None:
    """Score events against a gold: a gold.jsonl file (control changes), or a news-gold split
    folder such as eval/news/dev (control changes and violent events). Prints precision,
    recall, F1, date and fatality accuracy per track, conflict and kind."""
    from frontwatch.events.actors import load_actors
    from frontwatch.events.evaluate import evaluate_store, load_gold
    from frontwatch.engine import Engine
    from frontwatch.ingest import ingest_paths
    from frontwatch.places.gazetteer import Gazetteer
    from frontwatch.store import open_store

    articles_dir = articles_dir or load_gold(gold).articles_dir
    with open_store(settings.db) as store:
        if articles_dir:
            ingest_paths(store, [articles_dir], settings)
            Engine().extract(store, settings)
        gazetteer = Gazetteer.open(settings.gazetteer_path)
        try:
            report = evaluate_store(store, gold, articles_dir, gazetteer, load_actors(settings.actors_file))
        finally:
            gazetteer.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in score_lines(report):
        click.echo(line)
    if errors:
        for line in report.error_lines():
            click.echo(line)


def score_lines(report) -> list[str]:
    """The report as a table: the tracks, then each track by conflict and by kind."""
    head = f"{'':<32} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'dates':>6} {'dead':>6}"
    row = lambda name, s: (f"{name:<32} {s.gold:>5} {s.predicted:>5} {s.matched:>5} {s.precision:>6.3f} "
                           f"{s.recall:>6.3f} {s.f1:>6.3f} {s.date_accuracy:>6.3f} "
                           + (f"{s.fatality_accuracy:>6.3f}" if s.fatalities_known else f"{'-':>6}"))
    lines = [head] + [row(t, s) for t, s in report.tracks.items() if t in report.covered]
    for title, table in (("by conflict", report.by_conflict), ("by kind", report.by_kind)):
        lines += ["", title] + [row(f"  {track}/{key}", s) for (track, key), s in sorted(table.items())
                                if track != "background"]
    if report.extra_reasons:
        lines += ["", "extras that the gold lists as non-events: " +
                  ", ".join(f"{r} {n}" for r, n in report.extra_reasons.most_common())]
    return lines
