"""Run every stage in order, each one incremental.

Each stage reads what the one before it stored and skips what it has already done:
ingest skips finished inputs, copies compares only new articles with the stored ones,
extraction reads only articles it has not read with the current extractor, and fusion
re-fuses only the (kind, place) buckets whose mentions changed and rebuilds only the
control timelines of the places they touch. Running twice on the same input therefore
changes nothing, and adding one article redoes only what it reports.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from frontwatch.settings import Settings
from frontwatch.store import Store

# A progress callback per stage: stage name -> (done, total, label) callback.
StageProgress = Callable[[str], Callable[[int, int, str], None]]
STAGES = ("ingest", "copies", "extract", "fuse")


@dataclass
class PipelineReport:
    ingest: Any = None
    copies: Any = None
    extract: Any = None
    fuse: Any = None

    @property
    def rejected(self) -> int:
        return self.ingest.rejected if self.ingest is not None else 0

    def summary(self) -> str:
        return "\n".join(f"{stage}: {getattr(self, stage).summary()}" for stage in STAGES
                         if getattr(self, stage) is not None)


def _silent(stage: str) -> Callable[[int, int, str], None]:
    return lambda done, total, label: None


def run_pipeline(store: Store, settings: Settings, paths: Iterable[str] = (),
                 nlp: Any = None, progress: StageProgress = _silent) -> PipelineReport:
    """Ingest `paths` (none: only bring the later stages up to date), then every stage."""
    from frontwatch.copies import find_copies
    from frontwatch.events.store import extract_store
    from frontwatch.ingest import ingest_paths

    report = PipelineReport()
    paths = list(paths)
    if paths:
        report.ingest = ingest_paths(store, paths, settings, on_progress=progress("ingest"))
    report.copies = find_copies(store, settings, on_progress=progress("copies"))
    report.extract = extract_store(store, settings, nlp=nlp, on_progress=progress("extract"))
    report.fuse = fuse_from_store(store, progress("fuse"))
    return report


def fuse_from_store(store: Store, on_progress: Callable[[int, int, str], None] | None = None):
    """Fuse the stored mentions into events and control timelines."""
    from frontwatch.fuse.load import load_mentions
    from frontwatch.fuse.run import fuse_store

    return fuse_store(store, load_mentions(store), on_progress=on_progress)
