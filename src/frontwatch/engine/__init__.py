"""Engines that run the per-article stages: in this process, or on a Dask cluster.

Public API (loaded lazily, so ``import frontwatch.engine`` stays cheap: Dask is imported
only when the dask engine runs)::

    from frontwatch.engine import Engine, extract_distributed

    Engine().extract(store, settings)                                  # one process
    Engine("dask", workers=2).extract(store, settings)                 # a LocalCluster
    Engine("dask", scheduler="tcp://10.0.0.5:8786").extract(store, settings)
    extract_distributed(store, settings, client_or_address=None, workers=2, chunk=50)

The driver (this process) stays the only writer of the SQLite store; workers receive
articles and send back mentions.
"""
from __future__ import annotations

from frontwatch.lazy import lazy_exports

_EXPORTS = {
    "Engine": "frontwatch.engine.choice",
    "ENGINES": "frontwatch.engine.choice",
    "EngineUnavailable": "frontwatch.engine.choice",
    "extract_distributed": "frontwatch.engine.dask",
    "ExtractorPlugin": "frontwatch.engine.worker",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
