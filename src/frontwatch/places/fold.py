"""Name folding: the keys under which place names meet.

Two keys per name:

* :func:`fold_key` is near-exact. It removes what transliteration conventions disagree on
  without changing the sounds: case, diacritics, apostrophes and ayn/hamza marks, hyphens
  and spaces, the Persian ezafe connector (Mazar-e-Sharif / Mazar-i-Sharif / Mazari Sharif),
  the Arabic article (Deir ez-Zor / Deir Zor, Al-Fashir / Fashir), doubled letters and a
  word-final ``h`` after a vowel (Maymanah / Maymana). Exact lookups use it.
* :func:`skeleton` is loose: the consonant skeleton of the fold key after common digraph
  and letter variants are merged (kh/k, q/k, gh/g, sh/s, w/v, ...). It makes
  Taloqan / Taleqan / Taluqan, Sheberghan / Shibirghan, Sievierodonetsk / Severodonetsk
  and Izium / Izyum meet, and a great many unrelated names too, so a skeleton hit is only
  a candidate: the caller confirms it with a similarity score (see
  ``gazetteer.FUZZY_MIN_SIMILARITY``).
"""
from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into an ASCII base letter.
_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ß": "ss", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŋ": "ng", "Ŋ": "ng", "ə": "e", "Ə": "e",
    "ŀ": "l", "Ŀ": "l", "ĸ": "k",
    # Apostrophes, ayn and hamza marks vanish instead of splitting words (Dar'a -> dara).
    **{mark: None for mark in "’'‘`´ʻʼʿʾ\"“”"},
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Persian/Dari ezafe and similar linking vowels written as separate words.
CONNECTORS = frozenset({"e", "i", "ye", "yi", "y", "o"})
# The Arabic article in its assimilated spellings, dropped before another word.
ARTICLES = frozenset({
    "al", "el", "ul", "ad", "ed", "ud", "ash", "esh", "as", "es", "us", "at", "et", "ath",
    "ar", "er", "az", "ez", "an", "en", "adh", "ad", "dh",
})
# A non-final word ending in a linking vowel loses it (Mazari Sharif -> mazar sharif) only
# when at least this long: "Sari Pul" (4) must meet "Sar-e Pul"; 3-letter words stay.
MIN_LINKING_WORD = 4
_DOUBLE = re.compile(r"(.)\1+")

# Skeleton: digraphs and letters that transliterations swap are merged (kh/k, q/k, gh/g,
# sh/s, ch/tch/ts/c/k, zh/dzh/j/y, w/v), then vowels (and y) after the first letter dropped.
_DIGRAPHS = {"dzh": "y", "tch": "k", "kh": "k", "gh": "g", "sh": "s", "ch": "k", "zh": "y",
             "ph": "f", "th": "t", "dh": "d", "ts": "k", "tz": "k"}
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_LETTERS = {"q": "k", "w": "v", "x": "ks", "c": "k", "j": "y"}
_FIRST = str.maketrans(_LETTERS)
_REST = str.maketrans({**_LETTERS, **{v: None for v in "aeiouyj"}})


def ascii_fold(text: str) -> str:
    """Lowercase ASCII: diacritics and apostrophes removed, letters of other scripts dropped."""
    text = text.translate(_SPECIAL)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


def is_latin(text: str) -> bool:
    """True when the name has Latin letters (names in other scripts fold to nothing)."""
    return any(c.isalpha() for c in ascii_fold(text))


def words(text: str) -> list[str]:
    """The folded words of a name, connectors and articles removed."""
    tokens = [t for t in _NON_ALNUM.split(ascii_fold(text)) if t]
    if len(tokens) == 1:
        return [_drop_final_h(tokens[0])]
    kept: list[str] = []
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        if len(tokens) > 1 and token in CONNECTORS:
            continue
        if not last and token in ARTICLES:
            continue
        if not last and len(token) >= MIN_LINKING_WORD and token[-1] in "ie":
            token = token[:-1]
        kept.append(_drop_final_h(token))
    return kept


def _drop_final_h(token: str) -> str:
    """Maymanah -> maymana: a word-final h after a vowel is not written consistently."""
    if len(token) > 2 and token[-1] == "h" and token[-2] in "aeiou":
        return token[:-1]
    return token


def fold_key(text: str) -> str:
    """The near-exact key: folded words joined, doubled letters collapsed."""
    return _DOUBLE.sub(r"\1", "".join(words(text)))


def skeleton(text_or_key: str, from_key: bool = False) -> str:
    """The loose key: consonant skeleton of the fold key (first letter kept)."""
    key = text_or_key if from_key else fold_key(text_or_key)
    if not key:
        return ""
    key = _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group()], key)
    return _DOUBLE.sub(r"\1", key[0].translate(_FIRST) + key[1:].translate(_REST))
