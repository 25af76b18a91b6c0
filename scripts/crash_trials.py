"""kill -9 the whole job (`frontwatch run`, then the exports) at many moments; resume; compare.

Builds a corpus (the sample corpus plus generated news, so that each stage lasts long enough
to be hit; or takes --corpus), makes one clean run, then for each trial starts the job on a
fresh store, SIGKILLs it after a random delay (by default aimed at each window in turn:
ingest, copies, extract, fuse, export), sometimes kills the re-run too, runs the job to the
end and checks the store and the exports against the clean run (see tests/crash_run.py).
Every run uses a copy of the source taken at the start, so edits meanwhile change nothing.

    .venv/bin/python scripts/crash_trials.py --trials 30 [--seed 1] [--spread time]

Prints each trial, the stages the kills landed in, and every failure with its details;
exits 1 when any trial failed (its folder is kept under --workdir).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from crash_run import (WINDOWS, Job, Reference, build_corpus, job_env,  # noqa: E402
                       make_reference, run_trials, snapshot_source, stage_histogram,
                       window_lengths)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--spread", choices=("stages", "time"), default="stages",
                        help="stages: each trial aims at the next window; time: evenly over the job")
    parser.add_argument("--rekill", type=float, default=0.3,
                        help="share of trials whose re-run is killed too")
    parser.add_argument("--corpus", type=Path, help="a corpus folder (default: build one)")
    parser.add_argument("--workdir", type=Path,
                        help="where stores and exports go (default: a temporary folder)")
    parser.add_argument("--gazetteer", help="the gazetteer file (default: the settings' one)")
    parser.add_argument("--live-source", action="store_true",
                        help="run the checkout's source, not a copy taken at the start")
    return parser.parse_args()


def clean_run(args: argparse.Namespace, workdir: Path) -> tuple[Path, dict, Reference]:
    """The corpus, the commands' environment, and the clean run on them."""
    corpus, planted = args.corpus, None
    if corpus is None:
        corpus = workdir / "corpus"
        planted = build_corpus(corpus)
    corpus = corpus.resolve()
    env = job_env(args.gazetteer, None if args.live_source else snapshot_source(workdir))
    reference = make_reference(Job(corpus, workdir / "ref.db", workdir / "ref", workdir, env), planted)
    windows = ", ".join(f"{name} {length:.1f}s" for name, length in window_lengths(reference.outcome).items())
    print(f"clean run: {reference.inputs} inputs, {len(reference.tables['events'])} events, "
          f"{reference.outcome.seconds:.1f}s; windows: {windows}")
    return corpus, env, reference


def summary(trials: list, workdir: Path, seconds: float) -> None:
    failed = [t for t in trials if t.problems]
    hits = stage_histogram(trials)
    order = ["startup", *WINDOWS[:-1], "finish", "export", "none"]
    print(f"\ntrials: {len(trials)}, survived: {len(trials) - len(failed)}, "
          f"kills: {sum(hits.values())} ({seconds:.0f}s in all)")
    print("stages hit: " + ", ".join(f"{stage} {hits[stage]}" for stage in order if hits[stage]))
    for trial in failed:
        print(f"\n{trial.line()}\n  folder: {workdir / f'trial_{trial.index:03d}'}")
        for problem in trial.problems:
            print(f"  - {problem}")


def main() -> int:
    args = arguments()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="frontwatch-crash-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    corpus, env, reference = clean_run(args, workdir)
    trials = run_trials(workdir, corpus, env, reference, args.trials, args.seed, args.spread,
                        args.rekill, report=lambda trial: print(trial.line(), flush=True))
    summary(trials, workdir, time.monotonic() - started)
    return 1 if any(t.problems for t in trials) else 0


if __name__ == "__main__":
    sys.exit(main())
