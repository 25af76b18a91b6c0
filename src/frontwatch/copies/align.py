"""Confirming a candidate pair: shingle overlap and sentence alignment.

Pure functions over two :class:`~frontwatch.copies.features.Features`. The verdict says
whether the pair is a copy (exact, near-verbatim or rewrite), with the figures and the
aligned sentence pairs that support it.

Thresholds were tuned on ``eval/copies`` (the tune half of the gold pairs; see
docs/copies.md): each was set in the middle of the gap between the weakest copy and the
strongest hard negative of that half, and then checked on the other half and the seeds.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from frontwatch.copies.features import Features, Sentence

# Two sentences are aligned when their similarity (content-stem Dice blended with
# name/figure Dice) reaches this. Rewritten sentences of the seeds score 0.45-0.9; two
# reporters' own sentences on one event mostly score under 0.4.
SENTENCE_MATCH = 0.5
# Weight of the name/figure Dice in the sentence similarity (rest: content stems).
ANCHOR_WEIGHT = 0.4
# Near-verbatim: this share of the smaller article's word 5-shingles is in the other one.
NEAR_VERBATIM_CONTAINMENT = 0.5
# Verbatim: the two shingle sets are nearly the same (chrome or a byline aside).
VERBATIM_JACCARD = 0.8
# Rewrite: aligned sentences must cover this share of the shorter article's words, and
# the more sentences align, the less coverage is needed: (aligned at least, coverage).
# Two independent wire reports of one event align on their first three or four sentences
# (same facts in the same order) with coverage up to 0.73 on the gold; rewrites of a
# whole story align five or more. The seeds' 002/004 rewrite aligns 16 sentences at 0.73.
REWRITE_COVERAGE_BY_ALIGNED = ((2, 0.95), (3, 0.85), (4, 0.75), (6, 0.6), (10, 0.45))
# A weaker test, used only by the cluster guard: are two members of a cluster plausibly
# copies of one story (two rewrites of one wire are less alike than each is with it)?
RELATED_MIN_ALIGNED = 2
RELATED_MIN_COVERAGE = 0.35

EXACT, VERBATIM, NEAR_VERBATIM, REWRITE = "exact", "verbatim", "near-verbatim", "rewrite"


@dataclass(frozen=True)
class Verdict:
    kind: str | None                 # exact, near-verbatim, rewrite; None = not a copy
    scores: dict[str, float] = field(default_factory=dict)
    alignment: tuple[tuple[int, int, float], ...] = ()   # (sentence of a, sentence of b, sim)

    @property
    def is_copy(self) -> bool:
        return self.kind is not None

    @property
    def strength(self) -> float:
        """One figure to order pairs by: the better of containment and coverage."""
        return max(self.scores.get("containment", 0.0), self.scores.get("coverage", 0.0))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def sentence_similarity(s: Sentence, t: Sentence) -> float:
    stems = dice(s.stems, t.stems)
    if not s.anchors and not t.anchors:
        return stems
    return (1 - ANCHOR_WEIGHT) * stems + ANCHOR_WEIGHT * dice(s.anchors, t.anchors)


def align_sentences(a: Features, b: Features,
                    threshold: float = SENTENCE_MATCH) -> list[tuple[int, int, float]]:
    """One-to-one alignment: the most similar sentence pairs first, each sentence once."""
    scored = []
    for s in a.sentences:
        for t in b.sentences:
            if s.stems & t.stems or s.anchors & t.anchors:
                sim = sentence_similarity(s, t)
                if sim >= threshold:
                    scored.append((-sim, s.index, t.index))
    scored.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for neg_sim, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, round(-neg_sim, 3)))
    return sorted(out)


def order_preserved(pairs: list[tuple[int, int, float]]) -> float:
    """Share of aligned pairs in one increasing run (longest increasing subsequence)."""
    tails: list[int] = []
    for _, j, _ in sorted(pairs):
        k = bisect_left(tails, j)
        tails[k:k + 1] = [j]
    return len(tails) / len(pairs) if pairs else 0.0


def word_coverage(features: Features, indices: set[int]) -> float:
    """Share of the article's words that lie in the given sentences."""
    total = sum(len(s.text.split()) for s in features.sentences)
    covered = sum(len(s.text.split()) for s in features.sentences if s.index in indices)
    return covered / total if total else 0.0


def shingle_scores(a: Features, b: Features) -> tuple[float, float]:
    """(Jaccard, containment in the smaller) of the two word-shingle sets."""
    inter = len(a.shingles & b.shingles)
    union = len(a.shingles) + len(b.shingles) - inter
    smaller = min(len(a.shingles), len(b.shingles))
    return (inter / union if union else 0.0, inter / smaller if smaller else 0.0)


def compare(a: Features, b: Features) -> Verdict:
    """Is ``b`` a copy of ``a`` (or the reverse)? The verdict carries the evidence."""
    jaccard, containment = shingle_scores(a, b)
    pairs = align_sentences(a, b)
    coverage = min(word_coverage(a, {i for i, _, _ in pairs}),
                   word_coverage(b, {j for _, j, _ in pairs}))
    # Coverage of the shorter article (in words) is what a trimmed copy preserves.
    shorter_cov = (word_coverage(a, {i for i, _, _ in pairs})
                   if a.n_tokens <= b.n_tokens else word_coverage(b, {j for _, j, _ in pairs}))
    scores = {
        "jaccard": round(jaccard, 3),
        "containment": round(containment, 3),
        "aligned": len(pairs),
        "coverage": round(shorter_cov, 3),
        "coverage_both": round(coverage, 3),
        "order": round(order_preserved(pairs), 3),
        "names": round(dice(a.anchor_names, b.anchor_names), 3),
    }
    return Verdict(decide(a, b, scores), scores, tuple(pairs))


def required_coverage(aligned: int) -> float | None:
    """The coverage a rewrite needs with this many aligned sentences (None: not enough)."""
    need = None
    for at_least, coverage in REWRITE_COVERAGE_BY_ALIGNED:
        if aligned >= at_least:
            need = coverage
    return need


def decide(a: Features, b: Features, scores: dict[str, float]) -> str | None:
    if a.fingerprint == b.fingerprint and a.n_tokens:
        return EXACT
    if scores["jaccard"] >= VERBATIM_JACCARD:
        return VERBATIM
    if scores["containment"] >= NEAR_VERBATIM_CONTAINMENT:
        return NEAR_VERBATIM
    need = required_coverage(int(scores["aligned"]))
    if need is not None and scores["coverage"] >= need:
        return REWRITE
    return None


def is_related(verdict: Verdict) -> bool:
    """The relaxed test of the cluster guard, on a verdict already computed."""
    return verdict.is_copy or (verdict.scores["aligned"] >= RELATED_MIN_ALIGNED
                               and verdict.scores["coverage"] >= RELATED_MIN_COVERAGE)
