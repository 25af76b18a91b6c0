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
        n = write(store, fmt, Path(out), make_filter(**filters), interaction_code=interaction_codes(settings))
    click.echo(f"{n} record(s) written to {out}")


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
