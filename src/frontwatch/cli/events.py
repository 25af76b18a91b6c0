"""Commands over fused events: events, event."""
from __future__ import annotations

import json

import click

from frontwatch.cli.options import db_option, emit, output_options
from frontwatch.settings import Settings


def event_filter_options(func):
    """Filters shared by `events` and `export`."""
    for option in reversed((
        click.option("--country", help="ISO 3166 alpha-2 code, e.g. AF."),
        click.option("--actor", help="An actor, as normalized (e.g. Taliban)."),
        click.option("--kind", help="captured, recaptured, entered, besieged, surrendered, withdrew, ..."),
        click.option("--place", help="A place, admin1 or admin2 name."),
        click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--factuality", type=click.Choice(["asserted", "attributed", "uncertain", "historical"])),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=None),
        click.option("--dated-only", is_flag=True, help="Leave out events with no date."),
        click.option("--background", is_flag=True,
                     help="Include background: events an article recalls from well before it "
                          "(factuality historical), left out by default."),
    )):
        func = option(func)
    return func


def make_filter(**kw):
    from frontwatch.store.events import EventFilter

    dated_only = kw.pop("dated_only", False)
    background = kw.pop("background", False) or kw.get("factuality") == "historical"
    return EventFilter(include_undated=not dated_only, include_background=background, **kw)


@click.command()
@db_option
@output_options
@event_filter_options
@click.option("--limit", type=click.IntRange(1, 1000), default=200, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
def events(settings: Settings, fmt: str, limit: int, offset: int, **filters) -> None:
    """List fused events (one per real-world event), oldest first."""
    from frontwatch.store import open_store
    from frontwatch.store.events import list_events

    with open_store(settings.db) as store:
        records = list_events(store, make_filter(**filters), limit=limit, offset=offset)
    if fmt == "table":
        for r in records:
            r["id"] = r["id"][:12]
    emit(records, fmt, ["id", "date", "kind", "place_name", "admin1", "new_controller",
                        "factuality", "confidence", "n_independent", "n_articles", "fatalities"])


@click.command()
@db_option
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the event as a JSON object.")
def event(settings: Settings, event_id: str, as_json: bool) -> None:
    """Show one event: what, where, when, every source and denial, and the conflicts."""
    from frontwatch.store import open_store
    from frontwatch.store.events import get_event

    with open_store(settings.db) as store:
        record = get_event(store, event_id)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))
        return
    date = record["date"] or "undated"
    click.echo(f"{record['id']}\n{date} ({record['date_precision'] or '-'}, {record['date_basis'] or '-'}): "
               f"{record['new_controller'] or record['actor1'] or '?'} {record['kind']} "
               f"{record['place_name'] or '?'} ({record['admin1'] or '-'}, {record['country'] or '-'})")
    click.echo(f"factuality {record['factuality']}, confidence {record['confidence']}, "
               f"{record['n_independent']} independent source(s), {record['n_articles']} article(s), "
               f"fatalities {record['fatalities'] if record['fatalities'] is not None else '-'}")
    for note in record["conflicts"]:
        click.echo(f"  ! {note}")
    for role in ("sources", "denials"):
        for s in record[role]:
            click.echo(f"\n[{role[:-1]}] {s['outlet'] or s['source']} {s['published'] or ''} "
                       f"({s['factuality']}{', ' + s['attributed_to'] if s['attributed_to'] else ''})")
            click.echo(f"  “{s['sentence']}”")
