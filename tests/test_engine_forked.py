"""Local extraction on forked workers gives the store exactly what one process gives, in
the same order; a worker that fails or dies stops the run with what went wrong."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES
from frontwatch.settings import Settings

# Small chunks, so the examples are spread over both workers.
CHUNK = 3


def mentions_table(store) -> list[tuple]:
    return [tuple(row) for row in store.execute("SELECT * FROM mentions ORDER BY rowid")]


def ingested_store(path: str, gazetteer_path: str):
    from frontwatch.ingest import ingest_paths
    from frontwatch.store import open_store

    settings = Settings(db=path, gazetteer=gazetteer_path, extract_batch=CHUNK)
    store = open_store(settings.db)
    ingest_paths(store, [str(EXAMPLES)], settings)
    return store, settings


@pytest.mark.slow
def test_two_forked_workers_write_what_one_process_writes(tmp_path, nlp, gazetteer_path):
    from frontwatch.events.store import extract_store

    one, settings = ingested_store(str(tmp_path / "one.db"), gazetteer_path)
    two, _ = ingested_store(str(tmp_path / "two.db"), gazetteer_path)
    report_one = extract_store(one, settings, nlp=nlp, workers=1)
    seen = []
    report_two = extract_store(two, settings, nlp=nlp, workers=2,
                               on_progress=lambda done, total, label: seen.append((done, total)))
    assert report_one.mentions > 100
    assert mentions_table(two) == mentions_table(one)          # same rows, written in the same order
    assert report_two.summary() == report_one.summary()
    total = report_one.articles
    assert seen[-1] == (total, total) and len(seen) == -(-total // CHUNK)
    assert extract_store(two, settings, nlp=nlp, workers=2).articles == 0   # nothing left to do


def fails_on_three(chunk: list[int]) -> list[int]:
    if 3 in chunk:
        raise ValueError("no threes")
    return [n * 10 for n in chunk]


def dies_on_three(chunk: list[int]) -> list[int]:
    import os

    if 3 in chunk:
        os._exit(7)
    return chunk


def test_results_come_back_in_chunk_order_from_every_worker():
    from frontwatch.engine.forked import ForkedWorkers

    chunks = [[n] for n in range(20) if n != 3]
    with ForkedWorkers(fails_on_three, 2) as pool:
        assert list(pool.map(chunks)) == [[n * 10] for n in range(20) if n != 3]


@pytest.mark.parametrize("extract, message", [(fails_on_three, "ValueError: no threes"),
                                              (dies_on_three, "died \\(exit code 7\\); run again")])
def test_a_failing_worker_stops_the_map_with_what_went_wrong(extract, message):
    from frontwatch.engine.forked import ForkedWorkers, WorkerFailed

    got = []
    with pytest.raises(WorkerFailed, match=message), ForkedWorkers(extract, 2) as pool:
        for result in pool.map([[n] for n in range(8)]):
            got.append(result)
    assert got[:3] == [[0], [10], [20]] or got[:3] == [[0], [1], [2]]   # what came before is delivered
