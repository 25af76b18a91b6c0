"""The whole job in one call: ingest, copies, extract, fuse and control.

    from frontwatch.pipeline import run_pipeline
    report = run_pipeline(store, settings, ["examples"])
"""
from __future__ import annotations

from frontwatch.pipeline.run import PipelineReport, fuse_from_store, run_pipeline

__all__ = ["PipelineReport", "fuse_from_store", "run_pipeline"]
