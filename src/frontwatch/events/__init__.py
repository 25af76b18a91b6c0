"""Events: event and control-change mentions from sentences, with actors, place, date,
fatalities, factuality and the evidence span.

Public API: :func:`extract_article` (one article, one spaCy pass), :func:`extract_store`
(incremental, over the store), :func:`iter_mentions` (what fusion reads) and
:class:`EventMention`.
"""
from frontwatch.events.model import EventMention

__all__ = ["EventMention", "extract_article", "extract_store", "iter_mentions"]


def __getattr__(name: str):
    if name == "extract_article":
        from frontwatch.events.extract import extract_article
        return extract_article
    if name in {"extract_store", "iter_mentions"}:
        from frontwatch.events import store
        return getattr(store, name)
    raise AttributeError(name)
