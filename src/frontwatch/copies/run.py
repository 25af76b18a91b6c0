"""find_copies: signatures for new articles, candidates, confirmation, clusters.

Incremental: signatures and every compared pair are stored, so a run only extracts the
features of articles it has not seen and only compares pairs that involve one of them.
The LSH indexes are rebuilt from the stored signatures (bytes, no text is read). Clusters
are recomputed from the stored confirmed pairs, which is cheap and deterministic; a run
on unchanged input writes nothing.
"""
from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from frontwatch.copies.align import Verdict, compare, is_related
from frontwatch.copies.candidates import CandidateIndex, MinHasher, Signature, estimated_jaccard
from frontwatch.copies.cluster import Link, build_clusters
from frontwatch.copies.features import Features, extract
from frontwatch.settings import Settings
from frontwatch.store import copies as sql
from frontwatch.store.connection import Store

# Version of features + thresholds. Changing either changes results, so stored signatures
# and pairs made under another version are dropped and redone.
METHOD = "copies-1"
# At most this many candidates per article, the most alike first (by estimated Jaccard).
# A story carried by more outlets than this is still one cluster: each copy links to some.
MAX_CANDIDATES = 100
# Features kept in memory while comparing (each is some kB).
FEATURE_CACHE = 4000
# Clustering is redone when its guard discovers a copy pair; this bounds the repeats.
MAX_CLUSTER_PASSES = 3

Progress = Callable[[int, int, str], None]


@dataclass
class CopiesReport:
    articles: int = 0
    new: int = 0
    removed: int = 0
    rebuilt: bool = False
    candidates: int = 0
    compared: int = 0
    confirmed: int = 0
    clusters: int = 0
    clustered: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.new or self.removed or self.rebuilt)

    def summary(self) -> str:
        return (f"{self.articles} articles ({self.new} new, {self.removed} removed): "
                f"{self.candidates} candidate pairs, {self.compared} compared, "
                f"{self.confirmed} copies confirmed; {self.clusters} copy clusters "
                f"holding {self.clustered} articles")


class FeatureCache:
    """Features of articles by id, extracted from the stored text on first use."""

    def __init__(self, store: Store, size: int = FEATURE_CACHE):
        self.store = store
        self.size = size
        self._items: OrderedDict[str, Features] = OrderedDict()

    def get(self, article_id: str) -> Features:
        if article_id in self._items:
            self._items.move_to_end(article_id)
            return self._items[article_id]
        row = self.store.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        features = extract(row[0] if row else "")
        self._items[article_id] = features
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return features


def find_copies(store: Store, settings: Settings, on_progress: Progress | None = None) -> CopiesReport:
    """Bring the copy clusters of the store up to date with its articles.

    The new articles' signatures are stored in the transaction that stores the clusters,
    so an article with a signature is one the clusters account for: a run stopped before
    that (killed, say) leaves its articles new for the next run, which compares again only
    the pairs not stored yet.
    """
    progress = on_progress or (lambda done, total, label: None)
    report = CopiesReport()
    articles = sql.current_articles(store)
    report.articles = len(articles)
    with store.transaction():
        report.rebuilt = _drop_other_methods(store)
    stored = sql.signed_articles(store)
    gone = stored - articles.keys()
    report.removed = len(gone)
    new_ids = [i for i in articles if i not in stored]
    report.new = len(new_ids)
    if not report.changed:
        _count_clusters(store, report)
        return report
    hasher = MinHasher()
    cache = FeatureCache(store)
    signed = _sign(new_ids, hasher, cache, settings.copies_batch, progress)
    pairs = in_locality_order(_candidates(store, hasher, signed, gone, progress))
    report.candidates = len(pairs)
    report.compared, report.confirmed = _compare_all(store, pairs, cache, settings.copies_batch,
                                                     progress)
    with store.transaction():
        sql.forget_articles(store, gone)
        sql.write_signatures(store, signed)
        sql.replace_clusters(store, _cluster(store, articles, cache))
    _count_clusters(store, report)
    return report


def _drop_other_methods(store: Store) -> bool:
    stale = store.execute("SELECT 1 FROM copy_signatures WHERE method != ? LIMIT 1",
                          (METHOD,)).fetchone()
    if stale:
        sql.clear_all(store)
    return bool(stale)


def _sign(ids: list[str], hasher: MinHasher, cache: FeatureCache, batch: int,
          progress: Progress) -> list[tuple]:
    """Signature rows of the new articles (stored with the clusters, see find_copies)."""
    rows = []
    for start in range(0, len(ids), batch):
        for article_id in ids[start:start + batch]:
            features = cache.get(article_id)
            sig = hasher.signature(features)
            rows.append((article_id, METHOD, features.fingerprint, features.n_tokens,
                         sig.shingles, sig.anchors))
        progress(len(rows), len(ids), "signatures")
    return rows


def _candidates(store: Store, hasher: MinHasher, signed: list[tuple], gone: set[str],
                progress: Progress) -> list[tuple[str, str]]:
    """Pairs (a < b) with at least one new article that share an LSH bucket (articles no
    longer current left out)."""
    keys: list[str] = []
    sigs: list[Signature] = []
    index = CandidateIndex(hasher)
    stored = ((r["article_id"], r["shingle_sig"], r["anchor_sig"]) for r in sql.signature_rows(store)
              if r["article_id"] not in gone)
    new = [(row[0], row[4], row[5]) for row in signed]
    for article_id, shingles, anchors in sorted([*stored, *new], key=lambda row: row[0]):
        index.add(len(keys), Signature(shingles, anchors))
        keys.append(article_id)
        sigs.append(Signature(shingles, anchors))
    new_ids = {article_id for article_id, _, _ in new}
    pairs: set[tuple[str, str]] = set()
    queried = [k for k, article_id in enumerate(keys) if article_id in new_ids]
    for n, k in enumerate(queried, 1):
        for other in _best(index.query(sigs[k]) - {k}, sigs, k):
            a, b = sorted((keys[k], keys[other]))
            pairs.add((a, b))
        if n % 1000 == 0 or n == len(queried):
            progress(n, len(queried), "candidates")
    return sorted(pairs)


def in_locality_order(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs ordered so that each article's comparisons come close together.

    Articles are numbered in breadth-first order over the candidate graph (linked
    articles get near numbers), and pairs sorted by those numbers, so the features an
    article needs stay in the bounded feature cache: without this, pairs in id order
    touch articles at random and the cache misses grow with the corpus.
    """
    neighbours: dict[str, list[str]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    position: dict[str, int] = {}
    for start in sorted(neighbours):
        if start in position:
            continue
        position[start] = len(position)
        queue = deque([start])
        while queue:
            for other in sorted(neighbours[queue.popleft()]):
                if other not in position:
                    position[other] = len(position)
                    queue.append(other)
    return sorted(pairs, key=lambda p: (max(position[p[0]], position[p[1]]),
                                        min(position[p[0]], position[p[1]])))


def _best(found: set[int], sigs: list[Signature], k: int) -> list[int]:
    if len(found) <= MAX_CANDIDATES:
        return sorted(found)

    def likeness(o: int) -> float:
        return max(estimated_jaccard(sigs[k].shingles, sigs[o].shingles),
                   estimated_jaccard(sigs[k].anchors, sigs[o].anchors))

    return sorted(found, key=lambda o: (-likeness(o), o))[:MAX_CANDIDATES]


def _compare_all(store: Store, pairs: list[tuple[str, str]], cache: FeatureCache,
                 batch: int, progress: Progress) -> tuple[int, int]:
    compared = confirmed = 0
    for start in range(0, len(pairs), batch):
        rows = []
        for a, b in pairs[start:start + batch]:
            if sql.compared(store, a, b) is not None:
                continue
            verdict = compare(cache.get(a), cache.get(b))
            rows.append(pair_row(a, b, verdict, cache))
            compared += 1
            confirmed += verdict.is_copy
        with store.transaction():
            sql.write_pairs(store, rows)
        progress(min(start + batch, len(pairs)), len(pairs), "comparisons")
    return compared, confirmed


def pair_row(a: str, b: str, verdict: Verdict, cache: FeatureCache) -> tuple:
    """The stored form of a comparison; copies keep the aligned sentences as evidence."""
    alignment = None
    if verdict.is_copy:
        sa, sb = cache.get(a).sentences, cache.get(b).sentences
        alignment = [[i, j, sim, sa[i].text, sb[j].text] for i, j, sim in verdict.alignment]
    return (a, b, verdict.kind, is_related(verdict), round(verdict.strength, 3),
            verdict.scores, alignment)


def _cluster(store: Store, articles: dict[str, dict], cache: FeatureCache) -> list:
    """Clusters from the confirmed pairs. The guard may compare pairs never compared before;
    when one of them turns out to be a copy, clustering is redone with it, so that the result
    depends only on the stored pairs (and a re-run finds the same clusters)."""
    published = {i: r["published"] for i, r in articles.items()}
    size = {i: r["n_chars"] or 0 for i, r in articles.items()}
    for _ in range(MAX_CLUSTER_PASSES):
        found_copy: list[bool] = []
        links = [Link(a, b, kind, strength) for a, b, kind, strength in sql.confirmed_links(store)
                 if a in articles and b in articles]
        clusters = build_clusters(links, _related(store, cache, found_copy), published, size)
        if not any(found_copy):
            break
    return clusters


def _related(store: Store, cache: FeatureCache, found_copy: list[bool]) -> Callable:
    def related(x: str, y: str) -> bool:
        a, b = sorted((x, y))
        row = sql.compared(store, a, b)
        if row is not None:
            return bool(row["related"])
        verdict = compare(cache.get(a), cache.get(b))
        sql.write_pairs(store, [pair_row(a, b, verdict, cache)])
        found_copy.append(verdict.is_copy)
        return is_related(verdict)

    return related


def _count_clusters(store: Store, report: CopiesReport) -> None:
    row = store.execute("SELECT count(*), coalesce(sum(size), 0) FROM copy_clusters").fetchone()
    report.clusters, report.clustered = row[0], row[1]

