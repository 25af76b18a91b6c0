"""The control command: who holds what on a day, one place's history, tallies."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from frontwatch.cli.options import db_option, emit, output_options
from frontwatch.errors import FrontwatchError
from frontwatch.settings import Settings


def _day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from exc


@click.command()
@db_option
@output_options
@click.option("--date", "day", metavar="YYYY-MM-DD", help="Every known place and its state at the end of this day.")
@click.option("--place", metavar="NAME", help="One place's history of control.")
@click.option("--tally", is_flag=True, help="Places held by each side, day by day, by category.")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="With --tally: first day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="With --tally: last day.")
@click.option("--chart", type=click.Path(dir_okay=False), help="With --tally: also draw a PNG chart here.")
@click.option("--category", default="provincial capitals", show_default=True,
              help="With --chart: the category to draw.")
@click.option("--country", help="With --date: only this country (ISO alpha-2).")
def control(settings: Settings, fmt: str, day: str | None, place: str | None, tally: bool,
            date_from: str | None, date_to: str | None, chart: str | None, category: str,
            country: str | None) -> None:
    """Control of places over time: on a day (--date), for one place (--place), or tallies (--tally)."""
    from frontwatch.store import open_store

    if sum(bool(x) for x in (day, place, tally)) != 1:
        raise click.UsageError("give exactly one of --date YYYY-MM-DD, --place NAME or --tally")
    with open_store(settings.db) as store:
        if day:
            _show_day(store, _day(day), country, fmt)
        elif place:
            _show_place(store, place, fmt)
        else:
            _show_tally(store, _day(date_from), _day(date_to), chart, category, fmt)


def _show_day(store, day: str, country: str | None, fmt: str) -> None:
    from frontwatch.store.control import control_on

    emit(control_on(store, day, country), fmt,
         ["place_name", "admin1", "country", "state", "controller", "holder", "date_from", "uncertain"],
         title=f"Control at the end of {day}")


def _show_place(store, name: str, fmt: str) -> None:
    from frontwatch.store.control import place_history

    history = place_history(store, name)
    if not history:
        raise FrontwatchError(f"no control history for {name!r}; `frontwatch control --date DAY` "
                              "lists the places the store knows")
    emit(history, fmt, ["place_name", "admin1", "date_from", "date_to", "state", "controller",
                        "holder", "uncertain", "event_ids"], title=f"Control of {name}")


def _show_tally(store, date_from: str | None, date_to: str | None, chart: str | None,
                category: str, fmt: str) -> None:
    from frontwatch.control import tallies, timeline_range
    from frontwatch.control.chart import tally_chart
    from frontwatch.store.control import all_timelines

    timelines = all_timelines(store)
    span = timeline_range(timelines)
    if span is None:
        raise FrontwatchError("no control timeline yet: run `frontwatch run PATH` first")
    rows = tallies(timelines, date_from or span[0], date_to or span[1])
    emit(rows, fmt, ["date", "category", "status", "places"], title="Places by control")
    if chart:
        tally_chart(rows, category, Path(chart))
        click.echo(f"chart: {chart}", err=True)
