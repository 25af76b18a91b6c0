"""Train the mention filter (frontwatch.events.filter) on a news-gold split.

Runs the rules with no filter over the split's articles, labels every candidate event by
whether a gold event matches it (the same matching as `frontwatch eval`), fits one
L2-regularised logistic regression per track (control changes, violent events) on the
candidates' parse and mention features, and picks each track's threshold by 5-fold
cross-validation over articles (the threshold with the best mean F1 of the track on the
folds held out). Prints the cross-validated figures against the rules alone, then writes
the weights trained on the whole split.

Usage:  python scripts/train_mention_filter.py [eval/news/dev] [--out FILE]
        (default out: src/frontwatch/events/data/mention_filter.json; bump EXTRACTOR_VERSION
        in events/extract.py after retraining the packaged filter)

Never train on eval/news/heldout: it measures what the filter does on text it never saw.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "frontwatch" / "events" / "data" / "mention_filter.json"
FOLDS = 5
RIDGE = 1.0            # L2 strength: weights of rare features stay small
THRESHOLDS = [i / 100 for i in range(0, 80, 2)]
# A track keeps the rules alone (threshold 0) unless the filter wins at least this much F1
# in cross-validation: a gain smaller than one or two events in three hundred is noise.
MIN_GAIN = 0.01
SMOOTHING = 0.06       # the plateau a threshold is judged on
PLATEAU = 0.01         # thresholds this close to the best are as good: the lowest is taken
SEED = 7


def candidates(split: Path):
    """(article id, track, features, label) of every candidate the evaluation counts (one
    per event it names: repeats left out), and the gold count per track."""
    from frontwatch.events.actors import load_actors
    from frontwatch.events.evaluate import evaluate_store, load_gold
    from frontwatch.events.extract import extract_candidates
    from frontwatch.events.gold import track_of
    from frontwatch.events.store import article_text, replace_article_mentions
    from frontwatch.ingest import ingest_paths
    from frontwatch.places import Gazetteer, load_places_pipeline
    from frontwatch.settings import Settings
    from frontwatch.store import open_store
    from frontwatch.store.articles import iter_articles

    settings = Settings(db=str(Path(tempfile.mkdtemp()) / "train.db"), mention_filter="off")
    actors = load_actors(settings.actors_file)
    nlp = load_places_pipeline(settings)
    rows = []
    with open_store(settings.db) as store:
        ingest_paths(store, [load_gold(str(split)).articles_dir], settings)
        articles = list(iter_articles(store))
        with store.transaction():
            for article, doc in zip(articles, nlp.pipe(article_text(a) for a in articles)):
                seen = {}
                found = extract_candidates(article, nlp, actors, doc,
                                           on_features=lambda m, f: seen.__setitem__(m.id, f))
                replace_article_mentions(store, article.id, [m for m, _ in found], "training")
                rows += [(article.id, track_of(m.kind), seen[m.id], m.id) for m, _ in found if m.id in seen]
        gazetteer = Gazetteer.open(settings.gazetteer_path)
        report = evaluate_store(store, str(split), None, gazetteer, actors)
        gazetteer.close()
    gold = {t: report.tracks[t].gold for t in ("control", "violent")}
    return [(a, t, f, m in report.matched_ids) for a, t, f, m in rows if m in report.scored_ids], gold


def fit(X: np.ndarray, y: np.ndarray, ridge: float = RIDGE) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method, L2 on the weights (not the bias)."""
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(Xb.shape[1])
    penalty = np.full(Xb.shape[1], ridge)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Xb @ w, -30, 30)))
        grad = Xb.T @ (p - y) + penalty * w
        hess = (Xb * (p * (1 - p))[:, None]).T @ Xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


def f1(kept_true: int, kept: int, gold: int) -> float:
    return 2 * kept_true / (kept + gold) if kept + gold else 0.0


def cross_validate(rows, names, gold: int):
    """Per threshold, the mean F1 over folds of articles; and the rules' own F1."""
    articles = sorted({a for a, *_ in rows})
    random.Random(SEED).shuffle(articles)
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    scores = defaultdict(list)
    for k in range(FOLDS):
        train = [r for r in rows if fold_of[r[0]] != k]
        test = [r for r in rows if fold_of[r[0]] == k]
        w, b = fit(matrix(train, names), np.array([r[3] for r in train], float))
        p = 1 / (1 + np.exp(-(matrix(test, names) @ w + b)))
        labels = np.array([r[3] for r in test])
        share = len({r[0] for r in test}) / len(articles)   # the fold's share of the gold
        for t in THRESHOLDS:
            kept = p >= t
            scores[t].append(f1(int((kept & labels).sum()), int(kept.sum()), round(gold * share)))
    rules = f1(sum(r[3] for r in rows), len(rows), gold)
    return {t: float(np.mean(v)) for t, v in scores.items()}, rules


def smoothed(curve: dict[float, float], t: float) -> float:
    """The mean F1 of the thresholds within SMOOTHING of ``t``: a wide plateau over a
    lucky peak, as five folds of a few hundred candidates are noisy."""
    near = [v for u, v in curve.items() if abs(u - t) <= SMOOTHING + 1e-9]
    return sum(near) / len(near)


def matrix(rows, names) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, (_, _, features, _) in enumerate(rows):
        for k, v in features.items():
            if k in index:
                X[i, index[k]] = v
    return X


def main(argv: list[str]) -> int:
    from frontwatch.events.filter import MentionFilter

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default=str(ROOT / "eval" / "news" / "dev"))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    if Path(args.split).name == "heldout":
        print("refusing to train on the held-out split", file=sys.stderr)
        return 2
    rows, gold = candidates(Path(args.split))
    weights, bias, thresholds = {}, {}, {}
    for track in ("control", "violent"):
        mine = [r for r in rows if r[1] == track]
        names = sorted({k for r in mine for k in r[2]})
        curve, rules = cross_validate(mine, names, gold[track])
        top = max(smoothed(curve, t) for t in curve)
        best = min(t for t in curve if smoothed(curve, t) >= top - PLATEAU)   # on a plateau, recall
        print("  CV F1 by threshold: " + " ".join(f"{t:.2f}:{curve[t]:.3f}" for t in sorted(curve) if t <= 0.6))
        if curve[best] - rules < MIN_GAIN:
            best = 0.0
        print(f"{track}: {len(mine)} candidates, {sum(r[3] for r in mine)} match the gold "
              f"({gold[track]} gold events); rules alone F1 {rules:.3f}, "
              f"with the filter (5-fold CV) F1 {curve[max(curve, key=curve.get)]:.3f}; "
              f"threshold {best:.2f}{' (rules alone win)' if best == 0 else ''}")
        w, b = fit(matrix(mine, names), np.array([r[3] for r in mine], float))
        weights.update({f"{track}:{n}": round(float(x), 4) for n, x in zip(names, w) if abs(x) > 1e-4})
        bias[track], thresholds[track] = round(b, 4), best
    trained = MentionFilter(weights, bias, thresholds, trained_on=f"{Path(args.split).name}: "
                            f"{len({r[0] for r in rows})} articles, {len(rows)} candidates")
    Path(args.out).write_text(trained.to_json() + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
