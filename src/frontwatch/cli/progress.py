"""A progress bar on stderr, handed to the library as a plain callback."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

ProgressCallback = Callable[[int, int, str], None]  # done, total, label


@contextmanager
def progress_bar(description: str, quiet: bool = False) -> Iterator[ProgressCallback]:
    if quiet:
        yield lambda done, total, label: None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[label]}"),
        console=Console(stderr=True), transient=False,
    )
    task = progress.add_task(description, total=None, label="")

    def update(done: int, total: int, label: str) -> None:
        progress.update(task, completed=done, total=total, label=label[-50:])

    with progress:
        yield update
