"""Which engine runs the per-article stages, as one small frozen value."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from frontwatch.errors import ConfigError, FrontwatchError

ENGINES = ("local", "dask")
# Two workers: one per core on the 2-core machines frontwatch is measured on.
DEFAULT_WORKERS = 2


class EngineUnavailable(FrontwatchError):
    """The chosen engine cannot run: its package is missing or its scheduler is unreachable."""


@dataclass(frozen=True)
class Engine:
    """``name`` "local" (this machine: ``workers`` processes forked from this one, no more
    than its cores) or "dask" (``scheduler`` address, or a LocalCluster of ``workers``
    processes when there is none)."""

    name: str = "local"
    scheduler: str | None = None
    workers: int = DEFAULT_WORKERS

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise ConfigError(f"unknown engine {self.name!r}: choose one of {', '.join(ENGINES)}")
        if self.scheduler and self.name != "dask":
            raise ConfigError("a scheduler address needs the dask engine (--engine dask)")
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")

    def extract(self, store, settings, nlp=None,
                on_progress: Callable[[int, int, str], None] | None = None, force: bool = False):
        """Extract the mentions of every new or changed article; returns an ExtractReport.
        ``nlp`` is used by the local engine only (dask workers load their own)."""
        if self.name == "local":
            from frontwatch.events.store import extract_store

            return extract_store(store, settings, nlp=nlp, on_progress=on_progress, force=force,
                                 workers=self.workers)
        from frontwatch.engine.dask import extract_distributed

        return extract_distributed(store, settings, client_or_address=self.scheduler,
                                   workers=self.workers, chunk=settings.extract_batch,
                                   on_progress=on_progress, force=force)
