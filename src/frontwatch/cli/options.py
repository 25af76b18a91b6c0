"""Options shared by commands, and turning library errors into CLI messages."""
from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import click

from frontwatch.errors import FrontwatchError
from frontwatch.settings import Settings, load_settings


PIPED_TABLE_WIDTH = 200
MAX_CELL_WIDTH = 60
TAIL_COLUMNS = {"source", "url", "path"}


class FrontwatchGroup(click.Group):
    """Runs commands so that a library error prints its message and exits with 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FrontwatchError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    root = ctx.find_root()
    config = (root.obj or {}).get("config")
    return load_settings(config_file=config, **overrides)


def db_option(func: Callable) -> Callable:
    """``--db FILE``, resolved into a :class:`Settings` passed as ``settings``."""

    @click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                  envvar="FRONTWATCH_DB", show_envvar=True,
                  help="SQLite store (default: ./frontwatch.db).")
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, db: str | None, **kwargs: Any) -> Any:
        return ctx.invoke(func, settings=settings_from(ctx, db=db), **kwargs)

    return wrapper


def output_options(func: Callable) -> Callable:
    """``--json / --csv / --table``: the same choice on every command that prints records."""

    @click.option("--json", "fmt", flag_value="json", help="Print a JSON array.")
    @click.option("--csv", "fmt", flag_value="csv", help="Print CSV with a header row.")
    @click.option("--table", "fmt", flag_value="table", default=True,
                  help="Print a table (the default).")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def engine_options(func: Callable) -> Callable:
    """``--engine / --scheduler / --workers``: where extraction runs, passed as ``engine``."""

    @click.option("--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local",
                  show_default=True, help="Where extraction runs: processes on this machine, or Dask workers.")
    @click.option("--scheduler", metavar="ADDRESS",
                  help="Dask scheduler to use with --engine dask (e.g. tcp://10.0.0.5:8786); "
                       "without it, a local cluster of --workers processes.")
    @click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
                  help="Extraction processes: forked on this machine (at most one per core), "
                       "or those of the local Dask cluster.")
    @functools.wraps(func)
    def wrapper(*args: Any, engine_name: str, scheduler: str | None, workers: int, **kwargs: Any) -> Any:
        from frontwatch.engine import Engine

        return func(*args, engine=Engine(engine_name, scheduler=scheduler, workers=workers), **kwargs)

    return wrapper


def emit(records: Sequence[Mapping[str, Any]], fmt: str, columns: Sequence[str],
         title: str | None = None) -> None:
    """Print records as JSON (every field), CSV or a table (the given columns)."""
    if fmt == "json":
        click.echo(json.dumps(list(records), ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        click.echo(_to_csv(records, columns), nl=False)
    else:
        _print_table(records, columns, title)


def _to_csv(records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({c: _cell(record.get(c)) for c in columns})
    return buf.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table_cell(column: str, value: Any) -> str:
    """Cells fit the table; paths and URLs keep their end, where the name is."""
    text = _cell(value).replace("\n", " ")
    if column in TAIL_COLUMNS and len(text) > MAX_CELL_WIDTH:
        return "…" + text[-(MAX_CELL_WIDTH - 1):]
    return text


def _print_table(records: Sequence[Mapping[str, Any]], columns: Sequence[str],
                 title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout)
    if not console.is_terminal:   # piped: one row a line, cells cut rather than folded
        console = Console(file=sys.stdout, width=PIPED_TABLE_WIDTH)
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=MAX_CELL_WIDTH)
    for record in records:
        table.add_row(*(_table_cell(c, record.get(c)) for c in columns))
    console.print(table)
    if not records:
        click.echo("(none)")
