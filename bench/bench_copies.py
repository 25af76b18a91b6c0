"""Benchmark of the copies stage on generated corpora with planted copies.

    .venv/bin/python bench/bench_copies.py                    # 10,000, 30,000, 100,000
    .venv/bin/python bench/bench_copies.py --sizes 2000,5000

Each size runs in its own process (so peak memory is that size's), builds a store of
generated articles, times `find_copies` on all of them, then times an incremental run
after adding 1% more articles. Printed per size: precision and recall of copy pairs,
wall time, peak resident memory.

The corpus: stories on shared topics (a topic is a conflict area: its own names and
words, so every story of a topic shares names and vocabulary with the others, the
distractors), and planted copies of some stories: verbatim with page chrome, trimmed with
another lead, and rewrites (about half the content words swapped for synonyms, function
words changed, sentences reordered; names and figures kept).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass

FUNCTION = ("the a of in on at to for with from by after before near as while and but "
            "that which was were had has said have been is are its their his her").split()
CHROME = ["[ad_1]", "Share this article", "Subscribe to our newsletter", "0 Comments",
          "READ MORE: Latest updates from the region"]
SYLLABLES = ("ka lo mi ra te su ne vo ba di ge ho ju pe ri sa to um ve za"
             " an el ir os ut ar en is or us").split()
ARTICLES_PER_TOPIC = 40
COPY_SHARE = 0.35            # share of the corpus that is planted copies
REWRITE_SWAP = 0.5           # share of content words a rewrite swaps for a synonym


@dataclass
class Lexicon:
    words: list[str]
    synonyms: dict[str, str]
    names: list[str]


def pseudo_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def make_lexicon(rng: random.Random, n_words: int = 6000, n_names: int = 20000) -> Lexicon:
    words = sorted({pseudo_word(rng, rng.randint(2, 4)) for _ in range(n_words)})
    synonyms = {w: pseudo_word(rng, rng.randint(2, 4)) + "x" for w in words}
    names = sorted({pseudo_word(rng, rng.randint(2, 3)).capitalize() for _ in range(n_names)})
    return Lexicon(words, synonyms, names)


def topic(rng: random.Random, lex: Lexicon) -> tuple[list[str], list[str]]:
    return rng.sample(lex.names, 12), rng.sample(lex.words, 40)


def sentence(rng: random.Random, lex: Lexicon, names: list[str], topic_words: list[str]) -> str:
    out = []
    for _ in range(rng.randint(12, 24)):
        r = rng.random()
        if r < 0.4:
            out.append(rng.choice(FUNCTION))
        elif r < 0.62:
            out.append(rng.choice(topic_words))
        elif r < 0.9:
            out.append(rng.choice(lex.words))
        elif r < 0.97:
            out.append(rng.choice(names))
        else:
            out.append(str(rng.randint(2, 5000)))
    out.insert(rng.randint(1, len(out) - 1), rng.choice(names))
    return out[0].capitalize() + " " + " ".join(out[1:]) + "."


def story(rng: random.Random, lex: Lexicon, names: list[str], topic_words: list[str]) -> list[str]:
    return [sentence(rng, lex, names, topic_words) for _ in range(rng.randint(6, 14))]


def verbatim(rng: random.Random, sentences: list[str]) -> str:
    top, bottom = rng.sample(CHROME, 2)
    return top + "\n" + "\n".join(sentences) + "\n" + bottom


def trimmed(rng: random.Random, lex: Lexicon, sentences: list[str], names, words) -> str:
    keep = sentences[: max(2, int(len(sentences) * rng.uniform(0.5, 0.8)))]
    return "\n".join([sentence(rng, lex, names, words)] + keep)


def rewrite_sentence(rng: random.Random, lex: Lexicon, text: str) -> str:
    out = []
    for word in text.rstrip(".").split():
        low = word.lower()
        if low in FUNCTION:
            out.append(rng.choice(FUNCTION) if rng.random() < 0.3 else low)
        elif word[0].isupper() and low not in lex.synonyms or word[0].isdigit():
            out.append(word)                      # names and figures are kept
        elif rng.random() < REWRITE_SWAP:
            out.append(lex.synonyms.get(low, low))
        else:
            out.append(low)
    if out and out[0][0].islower():
        out[0] = out[0].capitalize()
    return " ".join(out) + "."


def rewritten(rng: random.Random, lex: Lexicon, sentences: list[str]) -> str:
    new = [rewrite_sentence(rng, lex, s) for s in sentences]
    for _ in range(len(new) // 3):                # move about a third of the sentences
        i, j = rng.randrange(len(new)), rng.randrange(len(new))
        new[i], new[j] = new[j], new[i]
    return "\n".join(new)


def generate(size: int, seed: int = 7) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """(id, text) pairs and id -> family (the story a copy comes from)."""
    rng = random.Random(seed)
    lex = make_lexicon(rng)
    n_originals = int(size * (1 - COPY_SHARE))
    topics = [topic(rng, lex) for _ in range(max(1, n_originals // ARTICLES_PER_TOPIC))]
    docs, family, originals = [], {}, []
    for n in range(n_originals):
        names, words = rng.choice(topics)
        sents = story(rng, lex, names, words)
        originals.append((sents, names, words))
        docs.append((f"s{n}", "\n".join(sents)))
        family[f"s{n}"] = n
    makers = (lambda s, nm, w: verbatim(rng, s), lambda s, nm, w: trimmed(rng, lex, s, nm, w),
              lambda s, nm, w: rewritten(rng, lex, s))
    copied = rng.sample(range(n_originals), min(n_originals, (size - n_originals) // 2 + 1))
    k = 0
    while len(docs) < size:
        origin = copied[k % len(copied)]
        sents, names, words = originals[origin]
        kind = k % 3
        docs.append((f"c{k}-{('verbatim', 'trimmed', 'rewrite')[kind]}", makers[kind](sents, names, words)))
        family[docs[-1][0]] = origin
        k += 1
    rng.shuffle(docs)
    return docs, family


def pair_scores(members: dict[str, str], family: dict[str, int]) -> tuple[float, float, dict]:
    """Precision and recall of copy pairs (same cluster vs same family)."""
    by_family = defaultdict(list)
    for doc_id, fam in family.items():
        by_family[fam].append(doc_id)
    gold = sum(len(v) * (len(v) - 1) // 2 for v in by_family.values())
    by_cluster = defaultdict(list)
    for doc_id, cluster in members.items():
        by_cluster[cluster].append(doc_id)
    predicted = tp = 0
    missed_kinds: dict[str, int] = defaultdict(int)
    for ids in by_cluster.values():
        for a, b in itertools.combinations(ids, 2):
            predicted += 1
            tp += family[a] == family[b]
    for ids in by_family.values():
        for a, b in itertools.combinations(ids, 2):
            if members.get(a) is None or members.get(a) != members.get(b):
                missed_kinds[_kind(a, b)] += 1
    return (tp / predicted if predicted else 1.0), (tp / gold if gold else 1.0), dict(missed_kinds)


def _kind(a: str, b: str) -> str:
    return "+".join(sorted(x.split("-")[1] if "-" in x else "original" for x in (a, b)))


def store_articles(store, docs: list[tuple[str, str]]) -> None:
    from frontwatch.records import Article
    from frontwatch.store.articles import insert_articles

    for start in range(0, len(docs), 5000):
        with store.transaction():
            insert_articles(store, (
                Article(id=i, source="bench", position=None, input_format="text", text=t,
                        raw="", raw_kind="text") for i, t in docs[start:start + 5000]))


def run_one(size: int) -> dict:
    from frontwatch.copies import find_copies
    from frontwatch.settings import Settings
    from frontwatch.store import open_store
    from frontwatch.store.copies import all_members

    docs, family = generate(size + size // 100)
    base, extra = docs[:size], docs[size:]
    with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "b.db")) as store:
        store_articles(store, base)
        t0 = time.perf_counter()
        report = find_copies(store, Settings())
        seconds = time.perf_counter() - t0
        precision, recall, missed = pair_scores(all_members(store),
                                                {i: family[i] for i, _ in base})
        store_articles(store, extra)
        t0 = time.perf_counter()
        find_copies(store, Settings())
        incremental = time.perf_counter() - t0
    return {"size": size, "precision": round(precision, 4), "recall": round(recall, 4),
            "seconds": round(seconds, 1), "incremental_seconds": round(incremental, 1),
            "added": len(extra), "candidates": report.candidates,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "missed_pairs_by_kind": missed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    print(f"{'size':>8} {'P':>7} {'R':>7} {'time s':>8} {'s/1k':>6} {'+1% s':>7} {'peak MB':>8} {'candidates':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"{r['size']:>8} {r['precision']:>7.4f} {r['recall']:>7.4f} {r['seconds']:>8.1f} "
              f"{1000 * r['seconds'] / r['size']:>6.2f} {r['incremental_seconds']:>7.1f} "
              f"{r['peak_mb']:>8} {r['candidates']:>10}  missed: {r['missed_pairs_by_kind']}",
              flush=True)


if __name__ == "__main__":
    main()
