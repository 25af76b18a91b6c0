"""Text features for copy detection: pure functions over a string, no models.

An article becomes a :class:`Features` record: its sentences (each with content stems and
anchors), its word shingles (what verbatim copies share) and its anchor features (what
rewrites keep: names, figures, and pairs of them that occur in one sentence). Everything
here is deterministic and free of global state, so any engine can map it over articles.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from itertools import combinations

from frontwatch.copies.lexicon import STOPWORDS, COMMON_CAPITALIZED

# A sentence shorter than this (in word tokens) is a heading, a byline or page chrome:
# "INTERNATIONAL RELATIONS", "Share This", "0 Comments". It takes no part in alignment.
MIN_SENTENCE_TOKENS = 5
# Word shingle length for verbatim detection. Five words rarely repeat by chance across
# independent stories (two reporters both writing "the Taliban have captured the" is the
# common 4-gram failure) yet survive light editing between the edits.
SHINGLE_WORDS = 5
# Words are compared by their first letters ("captured", "capture", "captures" -> "captu"):
# prefix stemming is as good as a real stemmer for matching English news sentences.
STEM_CHARS = 5
# At most this many anchors of one sentence make anchor pairs (a sentence naming twenty
# districts would otherwise add 190 pairs and swamp the article's anchor set).
MAX_ANCHORS_PER_SENTENCE = 8

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u00a0": " ",
})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_NUMBER = re.compile(r"\d")
# A quotation: independent reports of one event quote the same official word for word,
# so quoted words are no evidence of copying. Straight quotes only (text is normalized).
_QUOTED = re.compile(r'"[^"]{10,}?"')


@dataclass(frozen=True)
class Sentence:
    index: int                       # position among the article's kept sentences
    text: str                        # as written (normalized quotes and spaces)
    stems: frozenset[str]            # content-word stems
    anchors: frozenset[str]          # names and figures, lowercased


@dataclass(frozen=True)
class Features:
    fingerprint: str                 # sha256 of the normalized token stream (exact copies)
    n_tokens: int
    sentences: tuple[Sentence, ...]
    shingles: frozenset[str]
    anchors: frozenset[str]          # single anchors and in-sentence anchor pairs

    @property
    def anchor_names(self) -> frozenset[str]:
        return frozenset(a for a in self.anchors if "|" not in a)


def normalize(text: str) -> str:
    """NFKC, straight quotes, plain dashes and spaces."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)


def tokens(text: str) -> list[str]:
    """Word and number tokens as written (case kept). "1,200" and "0.6" stay whole;
    a possessive "'s" is dropped ("Afghanistan's" -> "Afghanistan")."""
    return [t[:-2] if t.endswith(("'s", "'S")) else t for t in _TOKEN.findall(text)]


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: each line is split at sentence-final punctuation."""
    out: list[str] = []
    for line in normalize(text).splitlines():
        line = " ".join(line.split())
        if line:
            out.extend(s for s in _SENTENCE_END.split(line) if s)
    return out


def stem(word: str) -> str:
    return word[:STEM_CHARS]


def number_key(token: str) -> str:
    """A figure as a comparable key: "1,200" -> "1200"; "0.6" stays "0.6"."""
    return token.replace(",", "")


def content_stems(toks: list[str]) -> frozenset[str]:
    return frozenset(stem(t.lower()) for t in toks
                     if t.lower() not in STOPWORDS and not _NUMBER.search(t))


def sentence_anchors(toks: list[str], names: frozenset[str]) -> frozenset[str]:
    """Figures and names (tokens capitalized inside a sentence somewhere in the article)."""
    out = set()
    for tok in toks:
        if _NUMBER.search(tok):
            out.add(number_key(tok))
        elif tok.lower() in names:
            out.add(tok.lower())
    return frozenset(out)


def article_names(token_lists: list[list[str]]) -> frozenset[str]:
    """Lowercased words written capitalized somewhere other than at a sentence start."""
    names = set()
    for toks in token_lists:
        for tok in toks[1:]:
            low = tok.lower()
            if tok[0].isupper() and low not in STOPWORDS and low not in COMMON_CAPITALIZED:
                names.add(low)
    return frozenset(names)


def unquoted(kept: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Sentences with quotations taken out, dropping those that were mostly a quotation."""
    out = []
    for sentence, toks in kept:
        if '"' in sentence:
            toks = tokens(_QUOTED.sub(" ", sentence))
        if len(toks) >= MIN_SENTENCE_TOKENS:
            out.append((sentence, toks))
    return out


def shingles(words: list[str], k: int = SHINGLE_WORDS) -> frozenset[str]:
    if len(words) < k:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + k]) for i in range(len(words) - k + 1))


def anchor_features(sentences: tuple[Sentence, ...]) -> frozenset[str]:
    """Every anchor, plus every pair of anchors named in one sentence ("kunduz|rahmani")."""
    out: set[str] = set()
    for sentence in sentences:
        anchors = sorted(sentence.anchors)[:MAX_ANCHORS_PER_SENTENCE]
        out.update(anchors)
        out.update(f"{a}|{b}" for a, b in combinations(anchors, 2))
    return frozenset(out)


def extract(text: str) -> Features:
    """All the features of one article text."""
    raw_sentences = split_sentences(text)
    token_lists = [tokens(s) for s in raw_sentences]
    names = article_names(token_lists)
    kept = [(s, t) for s, t in zip(raw_sentences, token_lists) if len(t) >= MIN_SENTENCE_TOKENS]
    sentences = tuple(
        Sentence(i, s, content_stems(u), sentence_anchors(u, names))
        for i, (s, u) in enumerate(unquoted(kept))
    )
    words = [w.lower() for _, t in kept for w in t]
    return Features(
        fingerprint=hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32],
        n_tokens=len(words),
        sentences=sentences,
        shingles=shingles(words),
        anchors=anchor_features(sentences),
    )
