"""The report command: a static HTML report with map and timeline images."""
from __future__ import annotations

from pathlib import Path

import click

from frontwatch.cli.control import _day
from frontwatch.cli.options import db_option
from frontwatch.cli.progress import progress_bar
from frontwatch.settings import Settings


@click.command()
@db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory to write report.html, map.png and timeline.png into.")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First day of the period (default: the first known).")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Last day of the period (default: the last known).")
@click.option("--country", metavar="CC", help="Only this country (ISO alpha-2).")
def report(settings: Settings, out_dir: str, date_from: str | None, date_to: str | None,
           country: str | None) -> None:
    """Write a static report: what changed hands, casualties, contested places, every statement."""
    from frontwatch.report import build_report
    from frontwatch.store import open_store

    with open_store(settings.db, readonly=True) as store, progress_bar("report") as on_progress:
        written = build_report(store, Path(out_dir), _day(date_from), _day(date_to),
                               country.upper() if country else None, on_progress=on_progress)
    for path in written:
        click.echo(str(path))
