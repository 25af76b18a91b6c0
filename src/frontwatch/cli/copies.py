"""The copies commands: find copy clusters, list them, show the evidence, evaluate.

    frontwatch copies                   update the clusters, then list them
    frontwatch copies ARTICLE_ID        the article's copies, aligned sentences side by side
    frontwatch copies eval GOLD CORPUS  precision and recall of copy pairs against a gold
"""
from __future__ import annotations

import json
import sys
from typing import Any

import click

from frontwatch.cli.options import db_option, emit, output_options
from frontwatch.cli.progress import progress_bar
from frontwatch.settings import Settings

DEFAULT_COMMAND = "list"
SHOW_COMMAND = "show"


class CopiesGroup(click.Group):
    """``copies`` alone lists; ``copies ARTICLE_ID`` shows; ``copies eval`` evaluates."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = self._first_argument(args)
        if first is None and not any(a in ("-h", "--help") for a in args):
            args = [DEFAULT_COMMAND, *args]
        elif first is not None and first not in self.commands:
            args = [SHOW_COMMAND, *args]
        return super().parse_args(ctx, args)

    def _first_argument(self, args: list[str]) -> str | None:
        """The first word that is neither an option nor an option's value."""
        takes_value = {name for command in self.commands.values() for p in command.params
                       if isinstance(p, click.Option) and not p.is_flag for name in p.opts}
        skip = False
        for arg in args:
            if skip:
                skip = False
            elif arg.startswith("-"):
                skip = arg in takes_value
            else:
                return arg
        return None


@click.group(cls=CopiesGroup)
def copies() -> None:
    """Copies of one story across outlets (verbatim, near-verbatim, rewritten).

    `frontwatch copies` updates the copy clusters and lists them; `frontwatch copies
    ARTICLE_ID` shows an article's copies with the aligned sentences side by side;
    `frontwatch copies eval GOLD CORPUS` scores the method against a gold file.
    """


@copies.command(name=DEFAULT_COMMAND)
@db_option
@output_options
@click.option("--no-update", is_flag=True, help="Only list what is stored; compare nothing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def list_clusters(settings: Settings, fmt: str, no_update: bool, quiet: bool) -> None:
    """Update the copy clusters (new articles only), then list them."""
    from frontwatch.copies import find_copies
    from frontwatch.store import open_store
    from frontwatch.store.copies import cluster_rows

    with open_store(settings.db, readonly=no_update) as store:
        if not no_update:
            with progress_bar("copies", quiet or fmt != "table") as on_progress:
                report = find_copies(store, settings, on_progress=on_progress)
            if not quiet:
                click.echo(report.summary(), err=True)
        clusters = cluster_rows(store)
    records = [cluster_record(c) for c in clusters]
    if fmt == "table":
        records = [table_row(c) for c in clusters]
    emit(records, fmt, ["cluster_id", "origin_id", "size", "members"], title="Copy clusters")


def cluster_record(cluster: dict[str, Any]) -> dict[str, Any]:
    return {
        "cluster_id": cluster["cluster_id"], "origin_id": cluster["origin_id"],
        "size": len(cluster["members"]),
        "members": [{k: m[k] for k in ("article_id", "external_id", "source", "similarity", "kind")}
                    for m in cluster["members"]],
    }


def table_row(cluster: dict[str, Any]) -> dict[str, Any]:
    names = [f"{m['article_id'][:8]} {label(m)} {m['similarity']:.2f}" for m in cluster["members"]]
    return {"cluster_id": cluster["cluster_id"][:12], "origin_id": cluster["origin_id"][:12],
            "size": len(cluster["members"]), "members": "\n".join(names)}


def label(member: dict[str, Any]) -> str:
    name = member["external_id"] or member["source"].rsplit("/", 1)[-1]
    return name[:40]


@copies.command(name=SHOW_COMMAND)
@db_option
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the pairs and evidence as JSON.")
def show(settings: Settings, article_id: str, as_json: bool) -> None:
    """An article's copies: kind, figures and the aligned sentences side by side."""
    from frontwatch.copies import cluster_of, pair_evidence
    from frontwatch.store import open_store
    from frontwatch.store.articles import get_article

    with open_store(settings.db, readonly=True) as store:
        article = get_article(store, article_id)
        pairs = [oriented(p, article.id) for p in pair_evidence(store, article.id)]
        cluster = cluster_of(store, article.id)
    if as_json:
        click.echo(json.dumps({"article_id": article.id, "cluster": cluster, "pairs": pairs},
                              ensure_ascii=False, indent=2))
        return
    if cluster is None:
        click.echo(f"{article.id[:12]} has no copies: it is an independent source.")
    else:
        click.echo(f"{article.id[:12]} is in copy cluster {cluster['cluster_id'][:12]} "
                   f"(origin {cluster['origin_id'][:12]}, {len(cluster['members'])} articles)")
    for pair in pairs:
        print_pair(article.id, pair)


def oriented(pair: dict[str, Any], article_id: str) -> dict[str, Any]:
    """The pair with the given article on the left."""
    if pair["a"] == article_id:
        return {**pair, "other": pair["b"]}
    return {**pair, "other": pair["a"],
            "alignment": [[j, i, sim, tb, ta] for i, j, sim, ta, tb in pair["alignment"]]}


def print_pair(article_id: str, pair: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    figures = ", ".join(f"{k} {v}" for k, v in pair["scores"].items())
    table = Table(title=f"{pair['kind']} copy: {article_id[:12]} ~ {pair['other'][:12]}",
                  caption=figures, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column(article_id[:12], overflow="fold", ratio=1)
    table.add_column(pair["other"][:12], overflow="fold", ratio=1)
    table.add_column("sim", justify="right")
    for i, j, sim, left, right in pair["alignment"]:
        table.add_row(f"{i}/{j}", left, right, f"{sim:.2f}")
    Console(file=sys.stdout).print(table)


@copies.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False))
@click.option("--split", default=None, help="Score only the gold pairs of this split (tune, test).")
@click.option("--open-world", is_flag=True,
              help="The gold does not list every copy pair: ignore predicted pairs it omits.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures and errors as JSON.")
@click.pass_context
def eval_command(ctx: click.Context, gold: str, corpus: str, split: str | None,
                 open_world: bool, as_json: bool) -> None:
    """Precision, recall and F1 of copy pairs: GOLD pairs (JSONL a, b, copy) over CORPUS
    (JSONL id, text, published), run through the whole stage in a temporary store."""
    from frontwatch.cli.options import settings_from
    from frontwatch.copies import evaluate

    result = evaluate(corpus, gold, settings_from(ctx), closed=not open_world, split=split)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2))
        return
    click.echo(f"precision {result.precision:.3f}  recall {result.recall:.3f}  "
               f"F1 {result.f1:.3f}  (tp {result.tp}, fp {result.fp}, fn {result.fn})")
    for kind, (right, total) in sorted(result.by_kind.items()):
        click.echo(f"  {kind:<20} {right}/{total} right")
    for error in result.errors:
        click.echo(f"  {error['error']}: {error['a']} ~ {error['b']} ({error['kind']})")
