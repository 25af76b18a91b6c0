"""Places: a gazetteer, a spaCy place recognizer and a resolver.

Public API (loaded lazily, so ``import frontwatch.places`` stays cheap)::

    from frontwatch.places import load_places_pipeline, places_in, Gazetteer, PlaceMention

    nlp = load_places_pipeline(settings)     # the spaCy model plus "frontwatch_places"
    doc = nlp(article.text)
    for mention in places_in(doc):           # PlaceMention, char offsets into doc.text
        ...

See docs/places.md.
"""
from __future__ import annotations

from frontwatch.lazy import lazy_exports

_EXPORTS = {
    "load_places_pipeline": "frontwatch.places.pipeline",
    "places_in": "frontwatch.places.pipeline",
    "Gazetteer": "frontwatch.places.gazetteer",
    "GazetteerEntry": "frontwatch.places.gazetteer",
    "GazetteerMissing": "frontwatch.places.gazetteer",
    "PlaceMention": "frontwatch.places.mention",
    "build_gazetteer": "frontwatch.places.build",
    "evaluate": "frontwatch.places.evaluate",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
