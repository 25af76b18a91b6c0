"""frontwatch: news articles in, a traceable conflict-event dataset and a control map out.

The public API is small and loaded lazily, so ``import frontwatch`` stays cheap:

    from frontwatch import load_settings, open_store, ingest_paths
"""
from __future__ import annotations

from frontwatch.lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS = {
    "Settings": "frontwatch.settings",
    "load_settings": "frontwatch.settings",
    "open_store": "frontwatch.store",
    "Article": "frontwatch.records",
    "ingest_paths": "frontwatch.ingest",
    "clean_document": "frontwatch.clean",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
