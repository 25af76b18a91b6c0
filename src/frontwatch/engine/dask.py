"""The driver of distributed extraction: reads pending articles, ships them to Dask workers
in chunks, writes each chunk's mentions as it comes back.

The driver is the only process that touches the SQLite store. Each chunk is written in one
transaction with its extraction records, so a crash (of the driver, a worker or the
cluster) leaves the store consistent, and running again extracts only what is missing.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from frontwatch.engine.choice import DEFAULT_WORKERS, EngineUnavailable
from frontwatch.settings import Settings
from frontwatch.store import Store

# Chunks in flight per worker thread: one running, one queued, so a worker never waits
# for the driver; more would only hold more articles in the driver's memory.
IN_FLIGHT_PER_THREAD = 2
# How long to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = "20s"
# Workers of a local cluster: no statistical profiler (it samples the worker thread every
# 10 ms, which slows GIL-bound spaCy and rule code; bench/bench_engine.py measures it).
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False}


def extract_distributed(store: Store, settings: Settings, client_or_address=None,
                        workers: int = DEFAULT_WORKERS, chunk: int = 50,
                        on_progress: Callable[[int, int, str], None] | None = None,
                        force: bool = False):
    """Extract the mentions of every new or changed article (all with ``force``) on Dask.

    ``client_or_address``: a ``distributed.Client`` (kept open), a scheduler address
    ("tcp://host:8786"), or None for a LocalCluster of ``workers`` single-threaded
    processes (closed at the end). Returns the same ExtractReport as local extraction.
    """
    from frontwatch.events.extract import extractor_version
    from frontwatch.events.store import ExtractReport, pending_article_ids
    from frontwatch.places.gazetteer import ensure_gazetteer

    version = extractor_version(settings)
    todo, skipped = pending_article_ids(store, version, force)
    report = ExtractReport(skipped=skipped)
    if not todo:
        return report
    ensure_gazetteer(settings.gazetteer_path).close()   # workers then only open it
    chunks = [todo[i:i + max(1, chunk)] for i in range(0, len(todo), max(1, chunk))]
    with dask_client(client_or_address, workers) as client:
        plugin_name = register_extractor(client, settings)
        for ids in write_as_completed(store, client, chunks, plugin_name, report, version):
            if on_progress:
                on_progress(report.articles, len(todo), ids[-1][:12])
    return report


def write_as_completed(store: Store, client, chunks: list[list[str]], plugin_name: str,
                       report, version: str) -> Iterator[list[str]]:
    """Submit chunks a few at a time, write each result as it arrives; yields its ids."""
    from distributed import as_completed

    from frontwatch.engine.worker import extract_chunk
    from frontwatch.events.store import write_chunk
    from frontwatch.store.articles import iter_articles

    window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
    queue = iter(chunks)

    def submit_next(futures) -> None:
        ids = next(queue, None)
        if ids is not None:
            articles = list(iter_articles(store, ids=ids))
            futures.add(client.submit(extract_chunk, articles, plugin_name, pure=False))

    futures = as_completed(loop=client.loop)
    for _ in range(window):
        submit_next(futures)
    for future in futures:
        results = future.result()
        write_chunk(store, results, report, version)
        future.release()
        submit_next(futures)
        yield [article_id for article_id, _ in results]


def register_extractor(client, settings: Settings) -> str:
    """Register the extractor plugin on every worker (and any that joins later), unless the
    cluster has it already: then workers keep the pipeline a previous run loaded. Its name
    depends on the settings and extractor version, so runs that differ never share one."""
    from frontwatch.engine.worker import ExtractorPlugin
    from frontwatch.events.extract import EXTRACTOR_VERSION

    digest = hashlib.sha256(f"{EXTRACTOR_VERSION} {settings!r}".encode()).hexdigest()[:16]
    name = f"frontwatch-extractor-{digest}"

    def registered(dask_scheduler=None) -> bool:   # runs on the scheduler (sent by value)
        return name in dask_scheduler.worker_plugins

    if not client.run_on_scheduler(registered):
        client.register_plugin(ExtractorPlugin(settings), name=name)
    return name


@contextmanager
def dask_client(client_or_address, workers: int) -> Iterator:
    """A Client: the one given, one connected to an address, or one on a new LocalCluster."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineUnavailable(
            "the dask engine needs dask[distributed]: pip install 'frontwatch[distributed]' "
            "(or run with --engine local)") from exc
    if client_or_address is not None and not isinstance(client_or_address, str):
        yield client_or_address
        return
    if client_or_address:
        try:
            client = Client(client_or_address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise EngineUnavailable(
                f"cannot reach the Dask scheduler at {client_or_address} ({exc}): start one with "
                "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                "--scheduler to run a local cluster") from exc
        with client:
            yield client
        return
    with dask.config.set(LOCAL_CLUSTER_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client
