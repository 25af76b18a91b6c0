"""What runs on a Dask worker: the extractor, loaded once per worker process, and the task
that extracts one chunk of articles.

The places pipeline and the actor dictionary live on a WorkerPlugin instance (one per worker
process, registered by the driver), loaded on the first task so that the worker's event
loop is never blocked by spaCy; nothing is kept in module globals.
"""
from __future__ import annotations

import threading

from distributed import WorkerPlugin, get_worker

from frontwatch.events.model import EventMention
from frontwatch.records import Article
from frontwatch.settings import Settings

ChunkResult = list[tuple[str, list[EventMention]]]


class ExtractorPlugin(WorkerPlugin):
    """Holds one worker's places pipeline, actor dictionary and mention filter, loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded = None
        self._lock = None
        self.loads = 0      # how many times this worker loaded the pipeline: once

    def setup(self, worker) -> None:
        self._lock = threading.Lock()

    def extractor(self):
        """``(nlp, actors, mention_filter)`` for this worker process, loading them the first time."""
        with self._lock:
            if self._loaded is None:
                from frontwatch.events.actors import load_actors
                from frontwatch.events.filter import load_mention_filter
                from frontwatch.places import load_places_pipeline

                self._loaded = (load_places_pipeline(self.settings),
                                load_actors(self.settings.actors_file),
                                load_mention_filter(self.settings.mention_filter))
                self.loads += 1
            return self._loaded


def extract_chunk(articles: list[Article], plugin_name: str) -> ChunkResult:
    """Each article's mentions, stamped with the extractor version, in input order."""
    from frontwatch.events.store import extract_articles

    from frontwatch.events.extract import extractor_version

    plugin = get_worker().plugins[plugin_name]
    nlp, actors, mention_filter = plugin.extractor()
    return extract_articles(articles, nlp, actors, mention_filter, extractor_version(plugin.settings))
