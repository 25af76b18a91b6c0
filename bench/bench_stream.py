"""The whole job on a mixed news stream, stage by stage, against a naive spaCy pass.

Builds a JSONL feed of N articles as a news wire carries them: about 80% not about
conflict (sport, business, weather, politics and culture, drawn word by word from topic vocabularies) and 20%
conflict reports (the news gold's and the sample corpus's articles, drawn again), with
planted copies (a story carried again under another outlet, some trimmed). Then times each
stage of `frontwatch run` (ingest, copies, extract, fuse) and the whole, in articles/s and
words/s, with the process's peak memory; and the same corpus through a naive pipeline:
spaCy's full pipeline over every article (on a sample of NAIVE_SAMPLE articles when N is
larger, scaled to N).

    .venv/bin/python bench/bench_stream.py [--sizes 1000,10000] [--conflict-share 0.2]
    .venv/bin/python bench/bench_stream.py --sizes 1000 --conflict-share 1.0   # conflict-only

Each size runs in a fresh process so that peak memory is that size's own.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAIVE_SAMPLE = 1000
COPY_SHARE = 0.05
RECENT = 500          # copies are drawn from the last RECENT stories
SEED = 11

TEAMS = ["Rovers", "City", "United", "Athletic", "Wanderers", "Albion", "Harriers", "Town", "Rangers", "Olympic"]
FIRMS = ["Norland Steel", "Baytree Foods", "Cobalt Air", "Harbour Bank", "Meridian Telecom", "Vale Motors",
         "Sunfield Energy", "Orchard Retail"]
PEOPLE = ["Ana Petrescu", "Tomas Lindqvist", "Grace Mbeki", "Omar Haddad", "Lena Fischer", "Ravi Menon",
          "Chloe Martin", "Ivan Horvat", "Mariam Yusuf", "Paolo Ricci"]
# Words of the other news, by topic; sentences are drawn from them at random, so that no two
# articles share the runs of words a copy detector looks for (real stories do not either).
TOPIC_WORDS = {
    "sport": "match goal season league coach striker keeper derby title cup final squad injury transfer fans "
             "stadium referee penalty header draw victory defeat table points fixture tournament medal race "
             "lap sprint marathon court serve set tie-break innings wicket batsman bowler pitch".split(),
    "business": "shares profit revenue quarter forecast dividend investors market prices inflation rates bank "
                "loan merger acquisition output exports imports factory supply demand retail consumers growth "
                "budget deficit bonds currency index earnings outlook costs wages jobs".split(),
    "weather": "rain snow wind gusts storm front pressure temperatures frost fog showers sunshine heatwave "
               "drought forecast warning flooding rivers coast hills roads commuters weekend overnight".split(),
    "politics": "minister parliament vote bill committee opposition coalition poll election campaign party "
                "leader reform budget taxes schools hospitals pensions debate senate mayor council policy".split(),
    "culture": "festival concert film album exhibition museum gallery novel author prize audience premiere "
               "theatre orchestra director actor tickets season tour critics painting collection".split(),
}
GLUE = "the a of in on and with for after before while as said says will would could new last next this "
GLUE = GLUE.split() + "that its their his her more than about over under".split()


def other_article(rng: random.Random, i: int) -> dict:
    topic = rng.choice(sorted(TOPIC_WORDS))
    words = TOPIC_WORDS[topic] + [p.split()[0] for p in PEOPLE] + TEAMS + [f.split()[0] for f in FIRMS]

    def sentence() -> str:
        n = rng.randint(12, 26)
        out = [rng.choice(words) if rng.random() < 0.55 else rng.choice(GLUE) for _ in range(n)]
        out.insert(rng.randint(1, n - 1), str(rng.randint(2, 9000)))
        return (" ".join(out)).capitalize() + "."

    paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(5, 9))]
    return {"id": f"other-{i}", "url": f"https://news.example/{topic}/{i}", "title": f"{topic.title()} update {i}",
            "outlet": "Stream Wire", "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "text": "\n\n".join(paragraphs)}


def conflict_pool() -> list[dict]:
    pool = []
    for f in sorted((ROOT / "eval" / "news").glob("*/articles/*.jsonl")):
        pool += [json.loads(line) for line in f.read_text("utf-8").splitlines() if line.strip()]
    return pool


def write_corpus(path: Path, n: int, conflict_share: float, rng: random.Random) -> tuple[int, list[dict]]:
    """Write the feed line by line (so the bench's own memory stays flat in N); returns its
    word count and the first NAIVE_SAMPLE articles, for the naive pass."""
    pool = conflict_pool()
    recent: deque[dict] = deque(maxlen=RECENT)   # copies are of stories carried lately, as on a wire
    sample: list[dict] = []
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            item = next_item(rng, i, recent, pool, conflict_share)
            recent.append(item)
            if len(sample) < NAIVE_SAMPLE:
                sample.append(item)
            words += len(item["text"].split())
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return words, sample


def next_item(rng: random.Random, i: int, recent: deque[dict], pool: list[dict], conflict_share: float) -> dict:
    if recent and rng.random() < COPY_SHARE:   # a story carried again, sometimes trimmed
        src = dict(rng.choice(recent))
        paras = src["text"].split("\n\n")
        src["text"] = "\n\n".join(paras[: max(1, len(paras) - rng.randint(0, 2))])
        src.update(id=f"copy-{i}", url=f"https://other.example/{i}", outlet="Another Outlet")
        return src
    if rng.random() < conflict_share:
        src = dict(rng.choice(pool))
        src.update(id=f"conflict-{i}", url=f"https://wire.example/{i}")
        return src
    return other_article(rng, i)


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_size(n: int, conflict_share: float, workers: int) -> dict:
    """One size, in this process: the stages of `frontwatch run`, then the naive pass."""
    from frontwatch.copies import find_copies
    from frontwatch.engine import Engine
    from frontwatch.ingest import ingest_paths
    from frontwatch.pipeline.run import fuse_from_store
    from frontwatch.places import load_places_pipeline
    from frontwatch.settings import load_settings
    from frontwatch.store import open_store

    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "stream.jsonl"
        words, sample = write_corpus(feed, n, conflict_share, rng)
        figures = {"articles": n, "words": words}
        settings = load_settings(db=str(Path(tmp) / "fw.db"))
        nlp = load_places_pipeline(settings)
        store = open_store(settings.db)
        stages = [("ingest", lambda: ingest_paths(store, [str(feed)], settings)),
                  ("copies", lambda: find_copies(store, settings)),
                  ("extract", lambda: Engine(workers=workers).extract(store, settings, nlp=nlp)),
                  ("fuse", lambda: fuse_from_store(store))]
        total = 0.0
        for name, stage in stages:
            t0 = time.perf_counter()
            stage()
            figures[name] = time.perf_counter() - t0
            total += figures[name]
        figures["total"] = total
        figures["peak_mb"] = peak_mb()
        figures["worker_peak_mb"] = peak_mb(resource.RUSAGE_CHILDREN)
        figures["workers"] = workers
        store.close()
        t0 = time.perf_counter()
        for _ in nlp.pipe([f"{i['title']}\n\n{i['text']}" for i in sample]):
            pass
        figures["naive"] = (time.perf_counter() - t0) * n / len(sample)
        figures["naive_sampled"] = len(sample) < n
    return figures


def report(f: dict, conflict_share: float) -> None:
    n, words = f["articles"], f["words"]
    print(f"== {n} articles, {words} words, {conflict_share:.0%} conflict reports, {COPY_SHARE:.0%} copies")
    for stage in ("ingest", "copies", "extract", "fuse", "total"):
        t = f[stage]
        print(f"  {stage:<8} {t:8.1f} s  {n / t:9.1f} articles/s  {words / t:11.0f} words/s")
    sampled = f" (spaCy on {NAIVE_SAMPLE}, scaled)" if f["naive_sampled"] else ""
    print(f"  naive    {f['naive']:8.1f} s  {n / f['naive']:9.1f} articles/s{sampled}")
    print(f"  end to end is {f['naive'] / f['total']:.1f}x the naive pass")
    workers = f"; each of {f['workers']} extraction workers at most {f['worker_peak_mb']:.0f} MB" \
        if f["workers"] > 1 else ""
    print(f"  peak memory: driver {f['peak_mb']:.0f} MB{workers}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--conflict-share", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (local engine)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.conflict_share, args.workers)))
        return
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--conflict-share", str(args.conflict_share),
                              "--workers", str(args.workers)],
                             capture_output=True, text=True, check=True)
        report(json.loads(out.stdout.strip().splitlines()[-1]), args.conflict_share)


if __name__ == "__main__":
    main()
