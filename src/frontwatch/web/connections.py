"""Read-only store connections for the web app: a small pool, one connection per request.

SQLite in WAL mode lets these readers go on while an ingest writes to the same file; each
connection is opened read-only and with ``query_only`` set, so no request can write.
"""
from __future__ import annotations

import queue
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.requests import Request

from frontwatch.store import Store, open_store

# Idle connections kept for reuse; uvicorn's thread pool runs about this many requests at once.
POOL_SIZE = 8


def open_readonly(path: str) -> Store:
    store = open_store(path, readonly=True)
    store.execute("PRAGMA query_only = ON")
    return store


class ReadOnlyStores:
    """Hands out read-only connections to one store file and takes them back."""

    def __init__(self, path: str, size: int = POOL_SIZE):
        self.path = path
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue(maxsize=size)

    @contextmanager
    def connection(self) -> Iterator[Store]:
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = open_readonly(self.path)
        try:
            yield store
        finally:
            self._give_back(store)

    def _give_back(self, store: Store) -> None:
        if store.conn.in_transaction:
            store.conn.rollback()
        try:
            self._idle.put_nowait(store)
        except queue.Full:
            store.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def request_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a read-only connection for the length of one request."""
    with request.app.state.stores.connection() as store:
        yield store
