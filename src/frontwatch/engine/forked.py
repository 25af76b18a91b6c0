"""Local extraction on every core: forked worker processes that share the loaded pipeline.

The driver loads spaCy, the gazetteer and the actor dictionary once, then forks ``workers``
processes: each inherits them (copy-on-write, so no second load and little extra memory)
and extracts the chunks of articles it is sent over its own pipe. The driver stays the only
process that touches the SQLite store: it reads each chunk's articles, sends it, and writes
the mentions back in chunk order, one transaction per chunk, exactly as one process would,
so the store ends the same whatever the number of workers. At most ``IN_FLIGHT_PER_WORKER``
chunks wait per worker, so the driver's memory does not grow with the corpus.

Needs the "fork" start method (Linux and other Unix systems); elsewhere extraction runs in
the driver's process.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# Chunks sent to a worker before the driver waits for its first result: one running, one
# queued, so a worker never waits for the driver.
IN_FLIGHT_PER_WORKER = 2


class WorkerFailed(RuntimeError):
    """A forked extraction worker raised or died; the message carries its traceback."""


@dataclass(frozen=True)
class Extractor:
    """What a worker needs to extract a chunk: everything loaded once, in the driver."""

    nlp: Any
    actors: Any
    mention_filter: Any
    version: str

    def __call__(self, articles: list) -> list:
        from frontwatch.events.store import extract_articles

        return extract_articles(articles, self.nlp, self.actors, self.mention_filter, self.version)


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def usable_workers(requested: int) -> int:
    """No more workers than cores (more would only share them), and one without fork."""
    if not fork_available():
        return 1
    return max(1, min(requested, os.cpu_count() or 1))


def _serve(conn, extract: Callable[[list], list], drivers_ends: Iterable = ()) -> None:
    """A worker's loop: a chunk in, its results (or the error) out, until told to stop.

    The fork hands the worker copies of the driver's ends of the pipes; they are closed
    first, or a killed driver's workers would wait on their pipes for ever (an end still
    open here means no end of file)."""
    for end in drivers_ends:
        end.close()
    while True:
        try:
            chunk = conn.recv()
        except EOFError:   # the driver went away
            return
        if chunk is None:
            return
        try:
            conn.send(("ok", extract(chunk)))
        except (BrokenPipeError, ConnectionResetError):   # the driver went away mid-chunk
            return
        except Exception:   # noqa: BLE001 - the driver re-raises it with the worker's traceback
            conn.send(("error", traceback.format_exc()))


class ForkedWorkers:
    """``workers`` forked processes running ``extract``; use as a context manager."""

    def __init__(self, extract: Callable[[list], list], workers: int) -> None:
        self.extract = extract
        self.n = workers
        self.procs: list = []
        self.conns: list = []

    def __enter__(self) -> "ForkedWorkers":
        ctx = multiprocessing.get_context("fork")
        for _ in range(self.n):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(child, self.extract, [parent, *self.conns]),
                               daemon=True)
            proc.start()
            child.close()
            self.procs.append(proc)
            self.conns.append(parent)
        return self

    def __exit__(self, *exc) -> None:
        for conn in self.conns:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()

    def map(self, chunks: Iterable[list]) -> Iterator[list]:
        """Each chunk's results, in the order of ``chunks``; chunk i goes to worker i mod n."""
        pending: deque[int] = deque()
        for i, chunk in enumerate(chunks):
            if len(pending) >= IN_FLIGHT_PER_WORKER * self.n:
                yield self._result(pending.popleft())
            try:
                self.conns[i % self.n].send(chunk)
            except OSError:   # it died: say so, with the results it sent before
                yield from (self._result(w) for w in list(pending))
                raise self._died(i % self.n) from None
            pending.append(i % self.n)
        while pending:
            yield self._result(pending.popleft())

    def _result(self, worker: int) -> list:
        try:
            status, payload = self.conns[worker].recv()
        except (EOFError, OSError) as exc:
            raise self._died(worker) from exc
        if status == "error":
            raise WorkerFailed(f"an extraction worker failed:\n{payload}")
        return payload

    def _died(self, worker: int) -> WorkerFailed:
        self.procs[worker].join(timeout=5)
        return WorkerFailed(f"an extraction worker died (exit code {self.procs[worker].exitcode}); run "
                            "again: what was written is kept and only the rest is extracted")
