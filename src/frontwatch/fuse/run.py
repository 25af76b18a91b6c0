"""Fuse the store's mentions into events, redoing only what changed.

Buckets (kind + place) are independent, so a run compares each mention's fingerprint
with what the last run saw, re-fuses only the buckets that gained, lost or changed a
mention, and rebuilds only the control timelines of the places those events touch, in the
same transaction as the events (a run stopped between two transactions leaves no place
whose timeline lags its events). Running twice on the same mentions writes nothing.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass

from frontwatch.control.timeline import moves_timeline, place_timeline
from frontwatch.fuse.cluster import cluster_bucket
from frontwatch.fuse.event import build_event
from frontwatch.fuse.mention import Mention, bucket_of
from frontwatch.store import Store
from frontwatch.store.control import replace_timelines
from frontwatch.store.events import events_at_places, replace_bucket_events

ProgressCallback = Callable[[int, int, str], None]
BUCKETS_PER_TRANSACTION = 200
# Bump when the fusion or control rules change: every bucket is fused again on the next run.
FUSION_VERSION = "fuse-2"


@dataclass
class FuseReport:
    mentions: int = 0
    buckets_changed: int = 0
    events_written: int = 0
    places_updated: int = 0

    def summary(self) -> str:
        return (f"{self.mentions} mention(s); {self.buckets_changed} bucket(s) re-fused into "
                f"{self.events_written} event(s); {self.places_updated} control timeline(s) updated")


def fingerprint(mention: Mention) -> str:
    return hashlib.sha256(repr((FUSION_VERSION, astuple(mention))).encode()).hexdigest()[:32]


def changed_buckets(store: Store, by_bucket: dict[str, list[Mention]]) -> list[str]:
    seen = {row[0]: (row[1], row[2]) for row in
            store.execute("SELECT mention_id, bucket, fingerprint FROM fuse_state")}
    changed = set()
    current_ids = set()
    for bucket, mentions in by_bucket.items():
        for m in mentions:
            current_ids.add(m.id)
            if seen.get(m.id) != (bucket, fingerprint(m)):
                changed.add(bucket)
    changed.update(bucket for mid, (bucket, _) in seen.items() if mid not in current_ids)
    return sorted(changed)


def fuse_store(store: Store, mentions: Iterable[Mention],
               on_progress: ProgressCallback | None = None) -> FuseReport:
    progress = on_progress or (lambda done, total, label: None)
    by_bucket: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_bucket.setdefault(bucket_of(mention), []).append(mention)
    report = FuseReport(mentions=sum(len(v) for v in by_bucket.values()))
    buckets = changed_buckets(store, by_bucket)
    report.buckets_changed = len(buckets)
    touched: set[str] = set()
    for start in range(0, len(buckets), BUCKETS_PER_TRANSACTION):
        batch = buckets[start:start + BUCKETS_PER_TRANSACTION]
        progress(start, len(buckets), batch[0])
        with store.transaction():
            places = _refuse(store, batch, by_bucket, report)
            _rebuild_timelines(store, places)
        touched.update(places)
    progress(len(buckets), len(buckets), "control")
    report.places_updated = len(touched)
    return report


def _refuse(store: Store, batch: list[str], by_bucket: dict[str, list[Mention]],
            report: FuseReport) -> list[str]:
    events = [build_event(bucket, cluster) for bucket in batch
              for cluster in cluster_bucket(by_bucket.get(bucket, []))]
    report.events_written += len(events)
    touched = replace_bucket_events(store, batch, events)
    for bucket in batch:
        store.execute("DELETE FROM fuse_state WHERE bucket = ?", (bucket,))
        store.conn.executemany(
            "INSERT OR REPLACE INTO fuse_state (mention_id, bucket, fingerprint) VALUES (?,?,?)",
            [(m.id, bucket, fingerprint(m)) for m in by_bucket.get(bucket, [])])
    return touched


def _rebuild_timelines(store: Store, keys: list[str]) -> None:
    events = events_at_places(store, keys)
    timelines = {}
    for key, place_events in events.items():
        movers = [e for e in place_events if moves_timeline(e)]
        if movers:
            timelines[key] = place_timeline(key, movers)
    replace_timelines(store, keys, timelines)

