"""Copy clusters from confirmed pairs: union-find with a guard against chaining.

Pairs are merged strongest first. Two clusters join only when the articles of the linking
pair are also related (the relaxed test) to at least half of a small sample of the other
cluster's members; so a round-up that copies two wire stories does not fuse the two.
The guard's comparisons go through a callback that the caller caches and stores.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

# Members of the other cluster that a newcomer is checked against (the earliest joined).
GUARD_SAMPLE = 3
# Share of the sampled checks that must pass for two clusters to merge.
GUARD_MIN_SHARE = 0.5


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    kind: str
    strength: float


@dataclass(frozen=True)
class Member:
    article_id: str
    similarity: float            # strength of its link to the origin (1.0 for the origin)
    kind: str | None             # kind of that link (None for the origin)


@dataclass(frozen=True)
class Cluster:
    id: str
    origin_id: str
    members: tuple[Member, ...]


def cluster_id(origin_id: str) -> str:
    """Derived from the origin only, so adding copies later keeps the id."""
    return hashlib.sha256(f"copies:{origin_id}".encode("utf-8")).hexdigest()[:32]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.members.setdefault(x, [x])
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, ra: str, rb: str) -> None:
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def _guard_ok(uf: _UnionFind, link: Link, related: Callable[[str, str], bool]) -> bool:
    ra, rb = uf.find(link.a), uf.find(link.b)
    checks = [(link.b, m) for m in uf.members[ra] if m != link.a][:GUARD_SAMPLE]
    checks += [(link.a, m) for m in uf.members[rb] if m != link.b][:GUARD_SAMPLE]
    if not checks:
        return True
    passed = sum(related(x, y) for x, y in checks)
    return passed >= GUARD_MIN_SHARE * len(checks)


def group(links: Iterable[Link], related: Callable[[str, str], bool]) -> list[list[str]]:
    """Groups of articles (two or more), strongest links first, guarded merges."""
    uf = _UnionFind()
    for link in sorted(links, key=lambda k: (-k.strength, k.a, k.b)):
        ra, rb = uf.find(link.a), uf.find(link.b)
        if ra != rb and _guard_ok(uf, link, related):
            uf.union(ra, rb)
    return [sorted(m) for m in uf.members.values() if len(m) > 1]


def _instant(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        value = datetime.fromisoformat(published)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def pick_origin(ids: list[str], published: dict[str, str | None], size: dict[str, int]) -> str:
    """Earliest published member; with no dates, the longest (the most complete)."""
    dated = [(t, i) for i in ids if (t := _instant(published.get(i))) is not None]
    if dated:
        return min(dated)[1]
    return min(ids, key=lambda i: (-size.get(i, 0), i))


def build_clusters(links: list[Link], related: Callable[[str, str], bool],
                   published: dict[str, str | None], size: dict[str, int]) -> list[Cluster]:
    """Clusters with origin and, per member, its similarity to the origin."""
    adjacency: dict[str, list[Link]] = {}
    for k in links:
        adjacency.setdefault(k.a, []).append(k)
        adjacency.setdefault(k.b, []).append(k)
    clusters = []
    for ids in group(links, related):
        origin = pick_origin(ids, published, size)
        members = [Member(origin, 1.0, None)]
        members += [_member(i, origin, adjacency[i], set(ids)) for i in ids if i != origin]
        clusters.append(Cluster(cluster_id(origin), origin, tuple(members)))
    return sorted(clusters, key=lambda c: c.id)


def _member(article_id: str, origin: str, links: list[Link], inside: set[str]) -> Member:
    """The member's link to the origin if it was confirmed, else its strongest inside link."""
    own = [k for k in links if k.a in inside and k.b in inside]
    link = min(own, key=lambda k: (origin not in (k.a, k.b), -k.strength, k.a, k.b))
    return Member(article_id, round(link.strength, 3), link.kind)
