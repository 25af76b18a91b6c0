"""Fusion and control throughput and peak memory on generated mentions.

    python bench/bench_fuse.py [--mentions 100000] [--places 2000]

Generates mentions of control events at many places (several reports of each event from
different articles, some undated, some denials), fuses them into a fresh store, then
fuses again with 1% more mentions (the incremental case), and prints mentions per second,
events written and peak resident memory.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import tempfile
import time
from pathlib import Path

from frontwatch.fuse.mention import Mention, Place
from frontwatch.fuse.run import fuse_store
from frontwatch.store import open_store

KINDS = ["captured", "captured", "recaptured", "besieged", "entered"]
SIDES = ["Taliban", "Afghan government"]


def generate(n: int, places: int, seed: int = 11) -> list[Mention]:
    rng = random.Random(seed)
    sites = [Place(name=f"Place {i}", id=f"g{i}", level="populated place", country="AF",
                   lat=30 + rng.random() * 8, lon=61 + rng.random() * 10, precision=1,
                   feature="PPLA" if i % 50 == 0 else "PPL") for i in range(places)]
    start = dt.date(2021, 5, 1)
    mentions = []
    while len(mentions) < n:
        place, kind = rng.choice(sites), rng.choice(KINDS)
        day = (start + dt.timedelta(days=rng.randrange(120))).isoformat()
        for _ in range(rng.randint(1, 6)):
            k = len(mentions)
            dated = rng.random() < 0.8
            mentions.append(Mention(
                id=f"m{k}", article_id=f"a{k // 3}", order=k // 3, kind=kind,
                factuality=rng.choice(["asserted", "asserted", "attributed", "uncertain", "negated"]),
                new_controller=rng.choice(SIDES), place=place,
                date=day if dated else None, date_precision="day" if dated else None,
                date_basis="explicit" if dated else None, sentence=f"{kind} {place.name}",
                outlet=f"outlet{k % 40}", copy_cluster=f"c{k // 7}" if k % 5 == 0 else None))
    return mentions[:n]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=2000)
    args = parser.parse_args()
    mentions = generate(args.mentions + args.mentions // 100, args.places)
    base = mentions[:args.mentions]
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "b.db")) as store:
        t0 = time.perf_counter()
        first = fuse_store(store, base)
        full = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = fuse_store(store, mentions)
        incremental = time.perf_counter() - t0
    print(f"{'run':<12}{'mentions':>10}{'seconds':>9}{'mentions/s':>12}{'buckets':>9}{'events':>8}")
    print(f"{'full':<12}{first.mentions:>10}{full:>9.2f}{first.mentions / full:>12.0f}"
          f"{first.buckets_changed:>9}{first.events_written:>8}")
    print(f"{'+1%':<12}{again.mentions:>10}{incremental:>9.2f}{again.mentions / incremental:>12.0f}"
          f"{again.buckets_changed:>9}{again.events_written:>8}")
    print(f"peak resident memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
