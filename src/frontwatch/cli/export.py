"""The export command."""
from __future__ import annotations

from pathlib import Path

import click

from frontwatch.cli.events import event_filter_options, make_filter
from frontwatch.cli.options import db_option
from frontwatch.export.write import FORMATS
from frontwatch.settings import Settings


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="acled-csv, geojson, jsonl, parquet (events); control-csv, control-json (timelines).")
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="File to write.")
@event_filter_options
def export(settings: Settings, fmt: str, out: str, **filters) -> None:
    """Write events or control timelines in formats analysts' tools read."""
    from frontwatch.export import export as write
    from frontwatch.store import open_store

    with open_store(settings.db) as store:
        n = write(store, fmt, Path(out), make_filter(**filters), interaction_code=_interaction_code())
    click.echo(f"{n} record(s) written to {out}")


def _interaction_code():
    """ACLED interaction codes from the events stage's actor dictionary, when present."""
    return lambda actor: None
