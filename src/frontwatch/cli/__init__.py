"""The ``frontwatch`` command: a thin layer over the library.

Each command parses options, calls one library function and formats the result.
Library errors (:class:`frontwatch.errors.FrontwatchError`) become messages here.
"""
from __future__ import annotations

import click

from frontwatch.cli import articles as articles_cmds
from frontwatch.cli import control as control_cmds
from frontwatch.cli import copies as copies_cmds
from frontwatch.cli import events as events_cmds
from frontwatch.cli import export as export_cmds
from frontwatch.cli import ingest as ingest_cmds
from frontwatch.cli import mentions as mention_cmds
from frontwatch.cli import pipeline as pipeline_cmds
from frontwatch.cli import places as places_cmds
from frontwatch.cli import report as report_cmds
from frontwatch.cli import serve as serve_cmds
from frontwatch.cli.options import FrontwatchGroup


@click.group(cls=FrontwatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontwatch")
@click.option("--config", type=click.Path(dir_okay=False), envvar="FRONTWATCH_CONFIG",
              help="TOML settings file (default: ./frontwatch.toml if present).")
@click.pass_context
def main(ctx: click.Context, config: str | None) -> None:
    """frontwatch: news articles in, conflict events and a control map out."""
    ctx.obj = {"config": config}


for command in (
    pipeline_cmds.run,
    ingest_cmds.ingest,
    articles_cmds.articles,
    articles_cmds.article,
    articles_cmds.rejections,
    articles_cmds.stats,
    mention_cmds.extract,
    mention_cmds.mentions,
    mention_cmds.eval_command,
    events_cmds.events,
    events_cmds.event,
    control_cmds.control,
    export_cmds.export,
    copies_cmds.copies,
    pipeline_cmds.fuse,
    places_cmds.places,
    places_cmds.gazetteer,
    places_cmds.places_eval,
    report_cmds.report,
    serve_cmds.serve,
):
    main.add_command(command)
