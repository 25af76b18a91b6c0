"""Candidate pairs without comparing every pair: two MinHash LSH indexes (datasketch).

One index is over word 5-shingles and finds verbatim and near-verbatim copies; the other is
over anchor features (names, figures and in-sentence pairs of them), which survive
rewriting. A pair is a candidate when either index puts the two articles in one bucket.
Signatures are plain bytes, stored per article, so an index can be rebuilt from the store
without reading any text.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from frontwatch.copies.features import Features

# Permutations per signature. 64 keeps a signature at 256 bytes (uint32) and estimates
# Jaccard to about +-0.06; the LSH only needs to find pairs, the confirmation is exact.
NUM_PERM = 64
MINHASH_SEED = 20210621
# Shingle-index threshold. Near-verbatim copies of the gold have shingle Jaccard 0.25 or
# more (a two-paragraph brief of a seven-paragraph wire), so 0.2 catches them.
SHINGLE_LSH_THRESHOLD = 0.2
# Anchor-index threshold. Rewrites of the gold have anchor-feature Jaccard 0.21-1.0
# (seeds 002/004: 0.32); same-event hard negatives reach 0.37, so this index brings
# hard negatives too, and the confirmation has to reject them.
ANCHOR_LSH_THRESHOLD = 0.2
SCHEME = "affine32"
SIGNATURE_DTYPE = "uint32"


@dataclass(frozen=True)
class Signature:
    """The two MinHash signatures of one article, as bytes."""

    shingles: bytes
    anchors: bytes


class MinHasher:
    """Makes signatures; holds the permutations (built once, read-only afterwards)."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = MINHASH_SEED):
        from datasketch import MinHash

        self.num_perm = num_perm
        self.seed = seed
        self._permutations = MinHash(num_perm=num_perm, seed=seed).permutations

    def minhash(self, items: Iterable[str]):
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=zlib.crc32,
                    permutations=self._permutations, scheme=SCHEME)
        m.update_batch([s.encode("utf-8") for s in items])
        return m

    def signature(self, features: Features) -> Signature:
        """Empty feature sets give empty bytes: such an article joins no bucket."""
        return Signature(self._bytes(features.shingles), self._bytes(features.anchors))

    def _bytes(self, items: frozenset[str]) -> bytes:
        return self.minhash(items).hashvalues.tobytes() if items else b""

    def from_bytes(self, data: bytes):
        import numpy as np
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=self.seed, scheme=SCHEME,
                       hashvalues=np.frombuffer(data, dtype=SIGNATURE_DTYPE),
                       permutations=self._permutations)


class CandidateIndex:
    """Both LSH indexes. Keys are small ints (row numbers) to keep memory down."""

    def __init__(self, hasher: MinHasher,
                 shingle_threshold: float = SHINGLE_LSH_THRESHOLD,
                 anchor_threshold: float = ANCHOR_LSH_THRESHOLD):
        from datasketch import MinHashLSH

        self.hasher = hasher
        self.shingle_lsh = MinHashLSH(threshold=shingle_threshold, num_perm=hasher.num_perm)
        self.anchor_lsh = MinHashLSH(threshold=anchor_threshold, num_perm=hasher.num_perm)

    def add(self, key: int, signature: Signature) -> None:
        for lsh, data in self._pairs(signature):
            lsh.insert(key, self.hasher.from_bytes(data), check_duplication=False)

    def query(self, signature: Signature) -> set[int]:
        found: set[int] = set()
        for lsh, data in self._pairs(signature):
            found.update(lsh.query(self.hasher.from_bytes(data)))
        return found

    def _pairs(self, signature: Signature):
        return [(lsh, data) for lsh, data in ((self.shingle_lsh, signature.shingles),
                                              (self.anchor_lsh, signature.anchors)) if data]


def estimated_jaccard(a: bytes, b: bytes) -> float:
    """Share of equal MinHash values: an estimate of the Jaccard of the two sets."""
    import numpy as np

    if not a or not b:
        return 0.0
    return float(np.mean(np.frombuffer(a, SIGNATURE_DTYPE) == np.frombuffer(b, SIGNATURE_DTYPE)))
