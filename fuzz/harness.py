"""What every atheris harness shares: imports under coverage, a seed corpus, the run.

A harness is ``python fuzz/fuzz_NAME.py [libFuzzer flags]``, e.g. ``-atheris_runs=5000`` or
``-max_total_time=60``. Its corpus grows in out/fuzz/NAME/ (seeded from the samples in
tests/fuzz_inputs.py), and a crashing input is written to out/fuzz/NAME/crash-*: add it to
the tests as a regression example once it is fixed.
"""
from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out" / "fuzz"


def use_test_helpers() -> None:
    """The seed samples and the accounting check live beside the tests (tests/fuzz_inputs.py)."""
    sys.path.insert(0, str(ROOT / "tests"))


def instrumented_imports(*modules: str) -> None:
    """Import ``modules`` with atheris's coverage instrumentation of frontwatch's code
    (without its line per instrumented module)."""
    import contextlib
    import importlib
    import io

    import atheris

    with contextlib.redirect_stderr(io.StringIO()), atheris.instrument_imports(include=["frontwatch"]):
        for module in modules:
            importlib.import_module(module)


def seed_corpus(name: str, seeds: Iterable[bytes]) -> Path:
    """out/fuzz/NAME/corpus, with the seeds written in when it is new."""
    corpus = OUT / name / "corpus"
    if not corpus.is_dir():
        corpus.mkdir(parents=True)
        for index, seed in enumerate(seeds):
            (corpus / f"seed-{index}").write_bytes(seed)
    return corpus


def fuzz(name: str, seeds: Iterable[bytes], test_one_input: Callable[[bytes], None]) -> None:
    """Run libFuzzer through atheris on ``test_one_input`` with this harness's corpus."""
    import atheris

    logging.disable(logging.CRITICAL)   # trafilatura logs every page it cannot read
    corpus = seed_corpus(name, seeds)
    args = [sys.argv[0], *sys.argv[1:], f"-artifact_prefix={OUT / name}/", str(corpus)]
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


def reader_harness(name: str, sample_names: Iterable[str], file_names: list[str]) -> None:
    """Fuzz one reader family: each input is written under one of ``file_names`` (its
    last byte picks which: the extension is only a hint to ingest) and ingested into a
    fresh store, where fuzz_inputs.ingest_and_account checks that nothing is lost."""
    use_test_helpers()
    instrumented_imports("frontwatch.ingest", "frontwatch.ingest.sources", "frontwatch.clean",
                         "frontwatch.store")
    from fuzz_inputs import ingest_and_account, seed_samples

    samples = seed_samples()
    folder = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))

    def test_one_input(data: bytes) -> None:
        file_name = file_names[data[-1] % len(file_names)] if data else file_names[0]
        ingest_and_account(folder, file_name, data)

    fuzz(name, (samples[s][1] for s in sample_names), test_one_input)
