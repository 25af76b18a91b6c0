"""The ingest command."""
from __future__ import annotations

import click

from frontwatch.cli.options import db_option
from frontwatch.cli.progress import progress_bar
from frontwatch.settings import Settings


@click.command()
@db_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Reject inputs (or WARC records) larger than this many bytes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(settings: Settings, paths: tuple[str, ...], max_bytes: int | None, quiet: bool) -> None:
    """Read files and folders of articles into the store.

    Text, Markdown, HTML, JSONL feeds, WARC(.gz) and RSS/Atom files; the format is read
    from the content. Ingesting the same input again adds nothing. Exits with 1 when any
    input was rejected (`frontwatch rejections` lists them).
    """
    from frontwatch.ingest import ingest_paths
    from frontwatch.store import open_store

    settings = settings.replace(max_input_bytes=max_bytes)
    with open_store(settings.db) as store, progress_bar("ingest", quiet) as on_progress:
        report = ingest_paths(store, paths, settings, on_progress=on_progress)
    click.echo(report.summary())
    if report.rejected:
        click.echo(f"{report.rejected} input(s) rejected: `frontwatch rejections --db {settings.db}` "
                   "lists them with the reason.", err=True)
        raise SystemExit(1)
