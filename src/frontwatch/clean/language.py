"""Language of an article's text (py3langid: small, offline, bundled model)."""
from __future__ import annotations

MIN_CHARS = 40          # shorter texts give unreliable guesses: leave the language unknown
SAMPLE_CHARS = 1_200    # the first paragraph or two decide (as surely as 5,000 on news); more only costs time


def detect_language(text: str) -> str | None:
    if len(text.strip()) < MIN_CHARS:
        return None
    import py3langid

    lang, _score = py3langid.classify(text[:SAMPLE_CHARS])
    return lang
