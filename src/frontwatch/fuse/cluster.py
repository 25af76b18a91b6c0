"""Group the mentions of one bucket (kind + place) into events.

Dated mentions are taken best evidence first (explicit day dates, then relative, then
coarser and publication-dated ones); each joins the event whose span it overlaps, or
starts a new one. An event's span is the intersection of its mentions' spans, so a
mention dated 2015 joins a capture on 2015-09-28 but never one on 2021-08-08.

An undated mention ("on Sunday" in an undated article) joins a day-dated event only
when exactly one fits (or one shares its copy cluster); it never joins an event known
only to the year or month (a historical capture), and it stands alone when in doubt.
Denials attach to the event they deny and never make one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from frontwatch.fuse.mention import Mention, Place, name_key
from frontwatch.fuse.spans import Span, date_rank, span_of

FINE_PRECISIONS = {"day", "week"}
PLACE_LEVEL_RANK = {"site": 0, "populated place": 1, "admin2": 2, "admin1": 3, "country": 4}


@dataclass
class Cluster:
    members: list[Mention]
    span: Span | None
    denials: list[Mention] = field(default_factory=list)

    @property
    def founder(self) -> Mention:
        return min(self.members, key=lambda m: (m.order, m.id))

    @property
    def finely_dated(self) -> bool:
        return any(m.date and m.date_precision in FINE_PRECISIONS for m in self.members)

    def controllers(self) -> set[str]:
        return {m.new_controller for m in self.members if m.new_controller}

    def copy_keys(self) -> set[str]:
        return {m.independent_key for m in self.members}


def mention_span(m: Mention) -> Span | None:
    return span_of(m.date, m.date_precision, m.date_basis)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Same place, or one inside the other under the same name (district and its town)."""
    if a is None or b is None:
        return a is None and b is None
    if a.id and a.id == b.id:
        return True
    if name_key(a.name) != name_key(b.name) or (a.country and b.country and a.country != b.country):
        return False
    coarse, fine = sorted((a, b), key=lambda p: -PLACE_LEVEL_RANK.get(p.level or "", 1))
    if coarse.level == fine.level:
        return coarse.id is None or fine.id is None
    contained_in = {"admin1": fine.admin1, "admin2": fine.admin2}.get(coarse.level or "")
    return contained_in is None or name_key(contained_in) == name_key(coarse.name)


def fits(cluster: Cluster, m: Mention) -> bool:
    controllers = cluster.controllers()
    if m.new_controller and controllers and m.new_controller not in controllers:
        return False
    return all(places_compatible(m.place, other.place) for other in cluster.members[:1])


def cluster_bucket(mentions: list[Mention]) -> list[Cluster]:
    events = [m for m in mentions if m.is_event]
    clusters: list[Cluster] = []
    dated = [m for m in events if mention_span(m)]
    dated.sort(key=lambda m: (date_rank(m.date_precision, m.date_basis), mention_span(m).low, m.order, m.id))
    for m in dated:
        _add_dated(clusters, m, mention_span(m))
    for m in sorted((m for m in events if not mention_span(m)), key=lambda m: (m.order, m.id)):
        _add_undated(clusters, m)
    for denial in (m for m in mentions if m.is_denial):
        _attach_denial(clusters, denial)
    return clusters


def _add_dated(clusters: list[Cluster], m: Mention, span: Span) -> None:
    candidates = [(c, c.span.intersect(span)) for c in clusters if c.span and fits(c, m)]
    candidates = [(c, joint) for c, joint in candidates if joint]
    if not candidates:
        clusters.append(Cluster([m], span))
        return
    # Several fit (a publication-dated mention spans two weeks): the latest, most recent news.
    cluster, joint = max(candidates, key=lambda cj: (cj[0].span.high, -cj[0].founder.order))
    cluster.members.append(m)
    cluster.span = joint


def _add_undated(clusters: list[Cluster], m: Mention) -> None:
    candidates = [c for c in clusters if fits(c, m) and (c.finely_dated or c.span is None)]
    same_story = [c for c in candidates if m.independent_key in c.copy_keys()]
    dated = [c for c in candidates if c.span is not None]
    if len(same_story) == 1:
        same_story[0].members.append(m)
    elif len(dated) == 1 and not same_story:
        dated[0].members.append(m)
    else:
        clusters.append(Cluster([m], None))


def _attach_denial(clusters: list[Cluster], denial: Mention) -> None:
    span = mention_span(denial)
    fitting = [c for c in clusters if fits(c, denial) and
               (span is None or c.span is None or c.span.overlaps(span))]
    if fitting:
        # The best-attested event is the one a denial answers.
        max(fitting, key=lambda c: (len(c.copy_keys()), -c.founder.order)).denials.append(denial)
