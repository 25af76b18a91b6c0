"""Copies: articles that are copies of one story (verbatim, near-verbatim or rewritten).

A copy cluster counts as one independent source. The public API, loaded lazily:

    find_copies(store, settings, on_progress=None) -> CopiesReport
    cluster_of(store, article_id) -> cluster dict (id, origin, members) or None
    source_clusters(store) -> {article_id: cluster_id} for every article (a lone article
        is its own cluster), for stages that count independent sources
    compare_texts(text_a, text_b) -> Verdict (kind, scores, aligned sentence pairs)
    evaluate(corpus_path, gold_path, settings) -> EvalResult
"""
from __future__ import annotations

from frontwatch.lazy import lazy_exports

_EXPORTS = {
    "find_copies": "frontwatch.copies.run",
    "CopiesReport": "frontwatch.copies.run",
    "cluster_of": "frontwatch.copies.api",
    "source_clusters": "frontwatch.copies.api",
    "pair_evidence": "frontwatch.copies.api",
    "compare_texts": "frontwatch.copies.api",
    "evaluate": "frontwatch.copies.evaluation",
    "Verdict": "frontwatch.copies.align",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
