"""The run and fuse commands: the whole job, or fusion alone."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import click

from frontwatch.cli.options import db_option, engine_options
from frontwatch.cli.progress import progress_bar
from frontwatch.settings import Settings


@contextmanager
def stage_bars(quiet: bool) -> Iterator:
    """One progress bar per stage; starting a stage closes the previous stage's bar."""
    with ExitStack() as outer:
        current: list[ExitStack] = []

        def open_bar(stage: str):
            if current:
                current.pop().close()
            stack = outer.enter_context(ExitStack())
            current.append(stack)
            return stack.enter_context(progress_bar(stage, quiet))

        yield open_bar


@click.command()
@db_option
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
@engine_options
def run(settings: Settings, paths: tuple[str, ...], quiet: bool, engine) -> None:
    """Do it all: ingest PATHS, find copies, extract mentions, fuse events, build control.

    Every stage is incremental: running twice on the same input changes nothing, and new
    articles redo only what they report. With no PATHS, the later stages catch up with
    what is already stored. Exits with 1 when any input was rejected.

    With --engine dask, extraction runs on Dask workers (a local cluster, or the one at
    --scheduler); this process still writes the store.
    """
    from frontwatch.pipeline import run_pipeline
    from frontwatch.store import open_store

    with open_store(settings.db) as store, stage_bars(quiet) as progress:
        report = run_pipeline(store, settings, paths, progress=progress, engine=engine)
    click.echo(report.summary())
    click.echo(f"Store: {settings.db}. Next: `frontwatch events --db {settings.db}`, "
               f"`frontwatch control --tally --db {settings.db}`, `frontwatch serve --db {settings.db}`.")
    if report.rejected:
        click.echo(f"{report.rejected} input(s) rejected: `frontwatch rejections --db {settings.db}` "
                   "lists them with the reason.", err=True)
        raise SystemExit(1)


@click.command()
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def fuse(settings: Settings, quiet: bool) -> None:
    """Fuse the stored mentions into events and rebuild the control timelines they touch."""
    from frontwatch.pipeline import fuse_from_store
    from frontwatch.store import open_store

    with open_store(settings.db) as store, progress_bar("fuse", quiet) as on_progress:
        report = fuse_from_store(store, on_progress)
    click.echo(report.summary())
