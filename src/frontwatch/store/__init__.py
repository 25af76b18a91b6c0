"""The SQLite store: one file, versioned schema, WAL mode, writes in transactions."""
from frontwatch.store.connection import Store, open_store

__all__ = ["Store", "open_store"]
