"""Place commands: places (mentions and their resolution), gazetteer, places-eval."""
from __future__ import annotations

import json
import os

import click

from frontwatch.cli.options import db_option, emit, output_options, settings_from
from frontwatch.cli.progress import progress_bar
from frontwatch.settings import Settings

COLUMNS = ["text", "start", "level", "name", "admin2", "admin1", "country", "lat", "lon",
           "precision", "feature", "id", "reason"]


@click.command()
@db_option
@output_options
@click.argument("text", required=False)
@click.option("--article", "article_id", default=None, help="An article id from the store.")
def places(settings: Settings, fmt: str, text: str | None, article_id: str | None) -> None:
    """Place mentions in TEXT (or a stored article) and what each resolved to, with why."""
    from frontwatch.places import load_places_pipeline, places_in

    if (text is None) == (article_id is None):
        raise click.UsageError("give either TEXT or --article ID")
    if article_id is not None:
        from frontwatch.store import open_store
        from frontwatch.store.articles import get_article

        with open_store(settings.db) as store:
            text = get_article(store, article_id).text
    quiet = fmt != "table" or os.path.exists(settings.gazetteer_path)
    with progress_bar("building the gazetteer (first use)", quiet=quiet) as progress:
        nlp = load_places_pipeline(settings, on_progress=progress)
    records = [m.to_dict() for m in places_in(nlp(text))]
    emit(records, fmt, COLUMNS)


@click.group()
def gazetteer() -> None:
    """Build, extend and describe the gazetteer file (settings: gazetteer, cache_dir)."""


@gazetteer.command("build")
@click.pass_context
def gazetteer_build(ctx: click.Context) -> None:
    """Build the gazetteer from the installed data packages (about a minute)."""
    from frontwatch.places.build import build_gazetteer

    settings = settings_from(ctx)
    with progress_bar("building the gazetteer") as progress:
        report = build_gazetteer(settings.gazetteer_path, on_progress=progress)
    click.echo(f"{report.path}: {report.entries} entries, {report.names} names, "
               f"{report.bytes / 1e6:.0f} MB in {report.seconds:.0f} s")


@gazetteer.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def gazetteer_load(ctx: click.Context, file: str) -> None:
    """Add a GeoNames dump (allCountries.txt, AF.txt) or an alias TSV (alias, target, country)."""
    from frontwatch.places.gazetteer import ensure_gazetteer
    from frontwatch.places.loaders import load_file

    settings = settings_from(ctx)
    ensure_gazetteer(settings.gazetteer_path).close()
    with progress_bar(f"loading {file}") as progress:
        report = load_file(settings.gazetteer_path, file, on_progress=progress)
    click.echo(f"{file}: {report.loaded} {report.kind} rows loaded, {len(report.skipped)} skipped")
    for line in report.skipped[:20]:
        click.echo(f"  skipped {line}", err=True)


@gazetteer.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.pass_context
def gazetteer_info(ctx: click.Context, as_json: bool) -> None:
    """Where the gazetteer is, what built it, how big it is."""
    from frontwatch.places import Gazetteer

    gaz = Gazetteer.open(settings_from(ctx).gazetteer_path)
    try:
        info = gaz.info()
    finally:
        gaz.close()
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    for key, value in sorted(info.items()):
        click.echo(f"{key:>22}: {value}")


@click.command("places-eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="Also list each miss, false place and wrong resolution.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.pass_context
def places_eval(ctx: click.Context, gold: str, errors: bool, as_json: bool) -> None:
    """Score recognition (P/R/F1) and resolution (within 25 / 161 km, right unit) on GOLD."""
    from frontwatch.places import load_places_pipeline, places_in
    from frontwatch.places.evaluate import evaluate

    settings = settings_from(ctx)
    nlp = load_places_pipeline(settings)
    with progress_bar("scoring", quiet=as_json) as progress:
        score = evaluate(gold, lambda text: places_in(nlp(text)), on_progress=progress)
    figures = score.figures()
    if as_json:
        click.echo(json.dumps({**figures, **({"errors": score.errors} if errors else {})},
                              indent=2, ensure_ascii=False))
        return
    for key, value in figures.items():
        click.echo(f"{key:>15}: {value}")
    if errors:
        for error in score.errors:
            click.echo(f"  line {error['line']}: {error['text']!r} {error['error']}"
                       + (f" -> {error['got']}" if error.get("got") else ""))
