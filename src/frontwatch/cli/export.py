"""The export command."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from frontwatch.cli.events import event_filter_options, make_filter
from frontwatch.cli.options import db_option
from frontwatch.export.write import BINARY_FORMATS, FORMATS
from frontwatch.settings import Settings


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="acled-csv, geojson, jsonl, parquet (events); control-csv, control-json (timelines).")
@click.option("--out", type=click.Path(dir_okay=False, allow_dash=True), required=True,
              help="File to write, or - for standard output.")
@event_filter_options
def export(settings: Settings, fmt: str, out: str, **filters) -> None:
    """Write events or control timelines in formats analysts' tools read."""
    from frontwatch.export import export as write
    from frontwatch.store import open_store

    target = _stdout_for(fmt) if out == "-" else Path(out)
    with open_store(settings.db) as store:
        n = write(store, fmt, target, make_filter(**filters), interaction_code=interaction_codes(settings))
    target_name = "standard output" if out == "-" else out
    click.echo(f"{n} record(s) written to {target_name}", err=out == "-")


def _stdout_for(fmt: str):
    """Standard output as the format needs it; Parquet only into a pipe or a file."""
    if fmt not in BINARY_FORMATS:
        return click.get_text_stream("stdout")
    if sys.stdout.isatty():
        raise click.UsageError(f"{fmt} is binary and would garble the terminal: "
                               f"redirect it (--out - > events.{fmt}) or give --out FILE")
    return click.get_binary_stream("stdout")


def interaction_codes(settings: Settings):
    """ACLED interaction codes (inter1, inter2) of canonical actors, from the events stage's
    actor dictionary (with the user's additions); a government of a country is state forces."""
    from frontwatch.events.actors import GOVERNMENT_OF, load_actors

    codes: dict[str, int] = {}
    for actor in load_actors(settings.actors_file).aliases.values():
        codes.setdefault(actor.name, actor.inter)
    for name in GOVERNMENT_OF.values():
        codes.setdefault(name, 1)
    return codes.get
