"""Shared fixtures, and the rule for tests that need the development seeds."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
# Set by .ci/run: there the seed checks must run, and a missing seeds folder is an error.
REQUIRE_SEEDS = "FRONTWATCH_REQUIRE_SEEDS"
NOT_RUN_KEY = pytest.StashKey[int]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``seeds`` run only where ../shared/seeds is beside the checkout (a
    developer's machine, CI); on a user's fresh clone they are deselected and counted."""
    if (SEEDS / "articles").is_dir():
        return
    if os.environ.get(REQUIRE_SEEDS):
        raise pytest.UsageError(f"{REQUIRE_SEEDS} is set but the seeds are missing: put them in {SEEDS}")
    seeded = [item for item in items if item.get_closest_marker("seeds")]
    if seeded:
        config.hook.pytest_deselected(items=seeded)
        items[:] = [item for item in items if not item.get_closest_marker("seeds")]
    config.stash[NOT_RUN_KEY] = len(seeded)


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    not_run = config.stash.get(NOT_RUN_KEY, 0)
    if not_run:
        terminalreporter.write_line(f"{not_run} seed checks not run: no development seeds in {SEEDS} "
                                    f"(CI runs them with {REQUIRE_SEEDS}=1)")


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "frontwatch.db")


@pytest.fixture
def store(db_path: str):
    from frontwatch.store import open_store

    with open_store(db_path) as s:
        yield s


@pytest.fixture(scope="session")
def gazetteer_path(request) -> str:
    """The gazetteer, built once (about a minute) and kept in pytest's cache between runs;
    rebuilt when the package data, folding or layout change (see build_fingerprint)."""
    from frontwatch.places.gazetteer import ensure_gazetteer

    path = str(request.config.cache.mkdir("frontwatch-gazetteer") / "gazetteer.sqlite")
    ensure_gazetteer(path).close()
    return path


@pytest.fixture(scope="session")
def gazetteer(gazetteer_path: str):
    from frontwatch.places import Gazetteer

    gaz = Gazetteer.open(gazetteer_path)
    yield gaz
    gaz.close()


@pytest.fixture(scope="session")
def places_nlp(gazetteer_path: str):
    """The spaCy pipeline with the place recognizer, loaded once for the session."""
    from frontwatch.places import load_places_pipeline
    from frontwatch.settings import Settings

    return load_places_pipeline(Settings(gazetteer=gazetteer_path))


@pytest.fixture(scope="session")
def nlp(places_nlp):
    """The same pipeline, under the name the pipeline tests use."""
    return places_nlp


@pytest.fixture(scope="session")
def article_mentions(places_nlp):
    """Every mention the real extractor finds in one short article."""
    from frontwatch.events.actors import load_actors
    from frontwatch.events.extract import extract_article
    from frontwatch.records import Article

    actors = load_actors()

    def extract(text: str, published: str | None, title: str | None = None) -> list:
        article = Article(id="c" * 32, source="t.txt", position=None, input_format="text", text=text,
                          raw=text, raw_kind="text", published=published, title=title)
        return extract_article(article, places_nlp, actors)

    return extract


@pytest.fixture(scope="session")
def control_mentions(article_mentions):
    """The control-kind mentions the real extractor finds in one short article."""
    from frontwatch.events.ontology import CONTROL_KINDS

    return lambda text, published, title=None: [
        m for m in article_mentions(text, published, title) if m.kind in CONTROL_KINDS]
