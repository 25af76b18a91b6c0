"""Extraction on Dask workers gives the store exactly what extraction in one process gives,
writes chunk by chunk (a crash leaves it consistent), and a re-run finishes only what is
missing."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from frontwatch.settings import Settings

pytestmark = pytest.mark.slow

# Small chunks, so the corpus is spread over both workers and written out of order.
CHUNK = 4


def mentions_table(store) -> list[tuple]:
    return sorted(tuple(row) for row in store.execute("SELECT * FROM mentions"))


def extractions(store) -> dict[str, tuple]:
    return {row[0]: (row[1], row[2]) for row in store.execute(
        "SELECT article_id, extractor_version, mentions FROM extractions")}


def ingested_store(path: str, gazetteer_path: str):
    from frontwatch.ingest import ingest_paths
    from frontwatch.store import open_store

    settings = Settings(db=path, gazetteer=gazetteer_path)
    store = open_store(settings.db)
    ingest_paths(store, [str(EXAMPLES)], settings)
    return store, settings


@pytest.fixture(scope="module")
def local_result(tmp_path_factory, nlp, gazetteer_path):
    """The examples extracted in this process: the reference."""
    from frontwatch.events.store import extract_store

    store, settings = ingested_store(str(tmp_path_factory.mktemp("local") / "fw.db"), gazetteer_path)
    report = extract_store(store, settings, nlp=nlp)
    result = (report, mentions_table(store), extractions(store))
    store.close()
    return result


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster, set_as_default=False) as c:
        yield c


def test_two_workers_give_the_same_mentions_and_a_rerun_does_nothing(tmp_path, client, local_result,
                                                                     gazetteer_path):
    from frontwatch.engine import extract_distributed
    from frontwatch.engine.dask import register_extractor

    local_report, local_mentions, local_extractions = local_result
    store, settings = ingested_store(str(tmp_path / "fw.db"), gazetteer_path)
    seen = []
    report = extract_distributed(store, settings, client_or_address=client, chunk=CHUNK,
                                 on_progress=lambda done, total, label: seen.append((done, total)))
    assert len(local_mentions) > 100
    assert mentions_table(store) == local_mentions
    assert extractions(store).keys() == local_extractions.keys()
    assert {k: v[1] for k, v in extractions(store).items()} == {k: v[1] for k, v in local_extractions.items()}
    assert report.summary() == local_report.summary()
    plugin = register_extractor(client, settings)     # already there: the name the run used
    loads = client.run(lambda dask_worker=None: dask_worker.plugins[plugin].loads)
    assert sorted(loads.values()) == [1, 1]             # both workers worked, each loaded once
    total = local_report.articles
    assert seen[-1] == (total, total) and len(seen) == -(-total // CHUNK)   # one step a chunk

    again = extract_distributed(store, settings, client_or_address=client, chunk=CHUNK)
    assert (again.articles, again.skipped, again.mentions) == (0, total, 0)
    assert mentions_table(store) == local_mentions
    store.close()


class DriverStopped(Exception):
    pass


def test_a_crash_leaves_whole_chunks_and_a_rerun_finishes_the_rest(tmp_path, client, local_result,
                                                                   gazetteer_path):
    from frontwatch.engine import extract_distributed

    _, local_mentions, local_extractions = local_result
    store, settings = ingested_store(str(tmp_path / "fw.db"), gazetteer_path)

    def stop_after_two_chunks(done, total, label):
        if done >= 2 * CHUNK:
            raise DriverStopped

    with pytest.raises(DriverStopped):
        extract_distributed(store, settings, client_or_address=client, chunk=CHUNK,
                            on_progress=stop_after_two_chunks)
    written = extractions(store)
    assert len(written) == 2 * CHUNK                         # two whole chunks, nothing half-done
    assert {m[1] for m in mentions_table(store)} <= written.keys()
    assert [m for m in mentions_table(store)] == [m for m in local_mentions if m[1] in written]

    rest = extract_distributed(store, settings, client_or_address=client, chunk=CHUNK)
    assert (rest.articles, rest.skipped) == (len(local_extractions) - 2 * CHUNK, 2 * CHUNK)
    assert mentions_table(store) == local_mentions
    store.close()


def frontwatch_cli(*args: str, gazetteer_path: str) -> subprocess.CompletedProcess:
    """The installed `frontwatch` command, as a user runs it."""
    command = os.path.join(os.path.dirname(sys.executable), "frontwatch")
    env = {**os.environ, "FRONTWATCH_GAZETTEER": gazetteer_path}
    return subprocess.run([command, *args], capture_output=True, text=True, env=env, timeout=600)


def test_cli_run_on_a_local_dask_cluster(tmp_path, local_result, gazetteer_path):
    from frontwatch.store import open_store

    local_report, local_mentions, _ = local_result
    db = str(tmp_path / "fw.db")
    first = frontwatch_cli("run", str(EXAMPLES), "--db", db, "--engine", "dask", "--workers", "2",
                           "--quiet", gazetteer_path=gazetteer_path)
    assert first.returncode == 0, first.stderr
    assert f"extract: {local_report.summary()}\n" in first.stdout
    with open_store(db) as store:
        assert mentions_table(store) == local_mentions
        assert store.execute("SELECT count(*) FROM events").fetchone()[0] > 0

    again = frontwatch_cli("run", str(EXAMPLES), "--db", db, "--engine", "dask", "--quiet",
                           gazetteer_path=gazetteer_path)
    assert again.returncode == 0, again.stderr
    assert f"extract: 0 article(s) extracted, {local_report.articles} unchanged; 0 mention(s)" in again.stdout


def test_cli_says_what_to_do_with_a_scheduler_and_no_dask_engine(tmp_path, gazetteer_path):
    result = frontwatch_cli("run", "--db", str(tmp_path / "fw.db"), "--scheduler", "tcp://127.0.0.1:8786",
                            gazetteer_path=gazetteer_path)
    assert result.returncode == 2
    assert result.stderr == "Error: a scheduler address needs the dask engine (--engine dask)\n"


def test_engine_choice_is_checked():
    from frontwatch.engine import Engine
    from frontwatch.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown engine 'ray': choose one of local, dask"):
        Engine("ray")
    with pytest.raises(ConfigError, match="workers must be at least 1"):
        Engine("dask", workers=0)
