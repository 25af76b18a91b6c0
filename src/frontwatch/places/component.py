"""The spaCy component "frontwatch_places": recognize and resolve place mentions.

Registered as a spaCy factory (and as a ``spacy_factories`` entry point), so any English
pipeline with NER can take it::

    nlp.add_pipe("frontwatch_places", config={"gazetteer_path": "gazetteer.sqlite"})

It sets ``doc.spans["places"]`` (one span per mention, label = level) and each span's
``span._.place`` (a :class:`PlaceMention`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from frontwatch.places.focus import read_country_words, word_votes
from frontwatch.places.gazetteer import Gazetteer
from frontwatch.places.mention import PlaceMention
from frontwatch.places.recognize import find_candidates
from frontwatch.places.resolve import resolve

SPANS_KEY = "places"
EXTENSION = "place"
UNRESOLVED_LABEL = "unresolved"


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, gazetteer_path: str) -> None:
        self.name = name
        self.gazetteer = Gazetteer.open(gazetteer_path)
        self.country_words = read_country_words()
        if not Span.has_extension(EXTENSION):
            Span.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        votes = word_votes((t.text for t in doc), self.country_words)
        mentions = resolve(find_candidates(doc, self.gazetteer, votes), votes)
        spans = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end,
                                 label=mention.level or UNRESOLVED_LABEL)
            if span is None:
                continue
            span._.set(EXTENSION, mention)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "frontwatch_places",
    default_config={"gazetteer_path": ""},
    assigns=["doc.spans", f"span._.{EXTENSION}"],
    requires=["doc.ents", "token.pos"],
)
def make_places_component(nlp: Language, name: str, gazetteer_path: str) -> PlacesComponent:
    return PlacesComponent(nlp, name, gazetteer_path)


def mentions_of(doc: Doc) -> list[PlaceMention]:
    if SPANS_KEY not in doc.spans:
        return []
    mentions = [span._.get(EXTENSION) for span in doc.spans[SPANS_KEY]
                if Span.has_extension(EXTENSION)]
    return sorted((m for m in mentions if m is not None), key=lambda m: m.start)
