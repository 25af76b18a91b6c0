"""Fuse: mentions of one real-world event from many articles become one event.

The pure part (``cluster_bucket``, ``build_event``) works on plain ``Mention`` records;
``frontwatch.fuse.run`` reads and writes the store, redoing only the buckets that changed.
"""
from frontwatch.fuse.cluster import cluster_bucket
from frontwatch.fuse.event import FusedEvent, build_event
from frontwatch.fuse.mention import Mention, Place, bucket_of


def fuse_mentions(mentions: list[Mention]) -> list[FusedEvent]:
    """Every event the mentions report, bucket by bucket (for tests and engines)."""
    buckets: dict[str, list[Mention]] = {}
    for mention in mentions:
        buckets.setdefault(bucket_of(mention), []).append(mention)
    return [build_event(key, cluster) for key, group in sorted(buckets.items())
            for cluster in cluster_bucket(group)]


__all__ = ["FusedEvent", "Mention", "Place", "build_event", "bucket_of", "cluster_bucket",
           "fuse_mentions"]
