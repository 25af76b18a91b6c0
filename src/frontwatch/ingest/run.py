"""Ingest files and folders into the store, in transactions, idempotently.

Items are written in batches (across files), each batch one transaction; a file is recorded as finished
(and skipped by later runs) once all its items are stored and none was rejected. A crash
loses at most the batch in flight; the re-run re-reads unfinished files, and content ids
make every item land exactly once. Files with rejections are re-read on every run, so
their rejections stay visible and a raised limit (--max-bytes) takes effect.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from frontwatch.clean import article_id, clean_document
from frontwatch.errors import FrontwatchError
from frontwatch.ingest.skipped import Skipped
from frontwatch.ingest.sources import (InputFile, UnreadableInput, describe, read_items,
                                       unreadable_reason)
from frontwatch.records import Article, RawDocument, Rejection
from frontwatch.settings import Settings
from frontwatch.store import Store
from frontwatch.store.articles import (input_done, insert_articles, record_input,
                                       record_rejections)

ProgressCallback = Callable[[int, int, str], None]
IGNORED_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal")


@dataclass
class IngestReport:
    files: int = 0
    files_unchanged: int = 0
    added: int = 0
    existing: int = 0
    new_versions: int = 0
    rejected: int = 0
    skipped: Counter = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{self.files} file(s) read ({self.files_unchanged} already ingested and unchanged)",
            f"{self.added} article(s) added ({self.new_versions} new version(s) of stored URLs), "
            f"{self.existing} already stored",
            f"{self.rejected} rejected",
        ]
        if self.skipped:
            parts = ", ".join(f"{n} {what}" for what, n in self.skipped.most_common())
            lines.append(f"not articles, passed over: {parts}")
        return "\n".join(lines)


def iter_input_paths(paths: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Files named, and every file below folders named (sorted; hidden ones left out).

    Entries that are no regular file (a pipe, a dangling link) are listed too: reading
    them turns them into rejections, so none is passed over unseen.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if not child.is_dir() and not any(p.startswith(".") for p in rel.parts) \
                        and not child.name.endswith(IGNORED_SUFFIXES):
                    yield child, str(child)
        elif path.exists():
            yield path, str(path)
        else:
            raise FrontwatchError(f"no such file or folder: {raw}")


@dataclass
class Batch:
    """What is waiting to be written in the next transaction."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    finished: list[tuple[InputFile, int]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.rejections) + len(self.finished)


def ingest_paths(store: Store, paths: Iterable[str], settings: Settings,
                 on_progress: ProgressCallback | None = None,
                 now: datetime | None = None) -> IngestReport:
    """Read every input under ``paths`` into ``store``; return what happened."""
    files = list(iter_input_paths(paths))
    report = IngestReport(files=len(files))
    progress = on_progress or (lambda done, total, label: None)
    batch = Batch()
    for index, (path, source) in enumerate(files):
        progress(index, len(files), source)
        try:
            item = describe(path, source)
        except UnreadableInput as exc:
            batch.rejections.append(Rejection(source, None, "ingest", "unreadable", str(exc)))
            continue
        if input_done(store, item.sha256):
            report.files_unchanged += 1
            continue
        _ingest_file(store, item, settings, report, batch, now)
    _flush(store, batch, report)
    progress(len(files), len(files), "done")
    return report


def _ingest_file(store: Store, item: InputFile, settings: Settings, report: IngestReport,
                 batch: Batch, now: datetime | None) -> None:
    file_rejections = file_articles = 0
    for part in _readable_items(item, settings.max_input_bytes):
        if isinstance(part, Skipped):
            report.skipped[part.what] += 1
            continue
        result = part if isinstance(part, Rejection) else _clean(store, part, now, report)
        if isinstance(result, Rejection):
            batch.rejections.append(result)
            file_rejections += 1
        elif result is not None:
            batch.articles.append(result)
            file_articles += 1
        if len(batch) >= settings.ingest_batch:
            _flush(store, batch, report)
    if not file_rejections:
        batch.finished.append((item, file_articles))
    if len(batch) >= settings.ingest_batch:
        _flush(store, batch, report)


def _readable_items(item: InputFile, max_bytes: int) -> Iterator[Skipped | RawDocument | Rejection]:
    """The file's items; a file that goes missing or fails to read on the way ends in a
    rejection, after the items read before it."""
    try:
        yield from read_items(item, max_bytes)
    except OSError as exc:
        yield Rejection(item.source, None, "ingest", "unreadable", unreadable_reason(exc))


def _clean(store: Store, raw: RawDocument, now: datetime | None,
           report: IngestReport) -> Article | Rejection | None:
    """The cleaned article, or None when an article with this content id is stored."""
    if store.execute("SELECT 1 FROM articles WHERE id = ?", (article_id(raw),)).fetchone():
        report.existing += 1
        return None
    try:
        return clean_document(raw, now=now)
    except Exception as exc:  # one bad item must not stop the run: it is recorded instead
        return Rejection(raw.source, raw.position, "clean", "clean-error",
                         f"cleaning failed ({type(exc).__name__}: {exc}); please report this "
                         "input as a bug")


def _flush(store: Store, batch: Batch, report: IngestReport) -> None:
    """One transaction: the batch's articles, rejections, and the files now complete.

    A file is recorded as finished only in the transaction that writes its last item,
    so a crash never marks a file done whose items are not all stored.
    """
    if not len(batch):
        return
    with store.transaction():
        counts = insert_articles(store, batch.articles)
        record_rejections(store, batch.rejections)
        for item, n_articles in batch.finished:
            record_input(store, item.sha256, item.source, item.size, item.format, n_articles, 0)
    report.added += counts.added
    report.existing += counts.existing
    report.new_versions += counts.new_versions
    report.rejected += len(batch.rejections)
    report.rejections.extend(batch.rejections)
    batch.articles.clear()
    batch.rejections.clear()
    batch.finished.clear()
