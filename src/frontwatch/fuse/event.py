"""One fused event from a cluster of mentions: every source kept, conflicts side by side."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from frontwatch.fuse.cluster import PLACE_LEVEL_RANK, Cluster
from frontwatch.fuse.confidence import FACTUALITY_WEIGHT, confidence
from frontwatch.fuse.mention import Mention, Place
from frontwatch.fuse.spans import date_rank


@dataclass(frozen=True)
class FusedEvent:
    id: str
    bucket: str
    kind: str
    event_type: str | None
    sub_event_type: str | None
    place: Place | None
    date: str | None
    date_precision: str | None
    date_basis: str | None
    date_low: str | None
    date_high: str | None
    actor1: str | None
    actor2: str | None
    new_controller: str | None
    previous_controller: str | None
    fatalities: int | None
    factuality: str                 # asserted, attributed, uncertain, historical (only recalled as background)
    attributed_to: tuple[str, ...]
    disputed: bool
    confidence: float
    n_articles: int
    n_independent: int
    members: tuple[Mention, ...]
    denials: tuple[Mention, ...]
    conflicts: tuple[str, ...]      # what the sources disagree on, in words


def event_id(founder: Mention) -> str:
    """Stable across re-runs and additions: the earliest-ingested mention founds the event."""
    return hashlib.sha256(f"event:{founder.id}".encode()).hexdigest()[:32]


def _majority(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _best_place(members: list[Mention]) -> Place | None:
    places = [m.place for m in members if m.place]
    if not places:
        return None
    return min(places, key=lambda p: (p.precision or 9, PLACE_LEVEL_RANK.get(p.level or "", 9)))


def _best_date(cluster: Cluster) -> Mention | None:
    dated = [m for m in cluster.members if m.date]
    if not dated:
        return None
    support = Counter((m.date, m.date_precision) for m in dated)
    return min(dated, key=lambda m: (date_rank(m.date_precision, m.date_basis),
                                     -support[(m.date, m.date_precision)], m.date, m.order))


def _fatalities(members: list[Mention]) -> int | None:
    """The lowest credible figure: each article's highest count, then the lowest of those."""
    per_article: dict[str, int] = {}
    for m in members:
        if m.fatalities is not None:
            per_article[m.article_id] = max(per_article.get(m.article_id, 0), m.fatalities)
    return min(per_article.values()) if per_article else None


def _factuality(members: list[Mention]) -> tuple[str, tuple[str, ...]]:
    labels = {m.factuality for m in members}
    attributed = tuple(sorted({m.attributed_to for m in members if m.attributed_to}))
    if labels == {"historical"}:
        return "historical", attributed   # every source recalls it from before its own news
    if labels & {"asserted", "historical"}:
        return "asserted", attributed
    if "attributed" in labels:
        return "attributed", attributed
    return "uncertain", attributed


def _conflicts(cluster: Cluster) -> tuple[str, ...]:
    notes = []
    fine = {m.date for m in cluster.members if m.date and m.date_precision == "day"
            and m.date_basis in ("explicit", "relative")}
    if len(fine) > 1:
        notes.append("sources give different dates: " + ", ".join(sorted(fine)))
    controllers = cluster.controllers()
    if len(controllers) > 1:
        notes.append("sources name different controllers: " + ", ".join(sorted(controllers)))
    figures = sorted({m.fatalities for m in cluster.members if m.fatalities is not None})
    if len(figures) > 1:
        notes.append("fatality figures differ: " + ", ".join(map(str, figures)))
    if cluster.denials:
        deniers = sorted({d.attributed_to or d.outlet or "a source" for d in cluster.denials})
        notes.append("denied by " + ", ".join(deniers))
    return tuple(notes)


def _weights(members: list[Mention]) -> list[float]:
    best: dict[str, float] = {}
    for m in members:
        weight = FACTUALITY_WEIGHT.get(m.factuality, 0.2)
        best[m.independent_key] = max(best.get(m.independent_key, 0.0), weight)
    return list(best.values())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def build_event(bucket: str, cluster: Cluster) -> FusedEvent:
    members = sorted(cluster.members, key=lambda m: (m.order, m.id))
    dated = _best_date(cluster)
    factuality, attributed = _factuality(members)
    span = cluster.span
    return FusedEvent(
        id=event_id(cluster.founder), bucket=bucket, kind=members[0].kind,
        event_type=_majority([m.event_type for m in members]),
        sub_event_type=_majority([m.sub_event_type for m in members]),
        place=_best_place(members),
        date=dated.date if dated else None,
        date_precision=dated.date_precision if dated else None,
        date_basis=dated.date_basis if dated else None,
        date_low=_iso(span.low) if span else None, date_high=_iso(span.high) if span else None,
        actor1=_majority([m.actor1 for m in members]), actor2=_majority([m.actor2 for m in members]),
        new_controller=_majority([m.new_controller for m in members]),
        previous_controller=_majority([m.previous_controller for m in members]),
        fatalities=_fatalities(members), factuality=factuality, attributed_to=attributed,
        disputed=bool(cluster.denials),
        confidence=confidence(_weights(members), bool(cluster.denials)),
        n_articles=len({m.article_id for m in members}),
        n_independent=len({m.independent_key for m in members}),
        members=tuple(members), denials=tuple(cluster.denials), conflicts=_conflicts(cluster),
    )
