"""Ingest on a Ray cluster: Ray actors analyse, this process reads inputs and writes.

The runner holds no logic of its own. Reading, skipping known inputs, batching, writing
and the report are the local runner's; each actor builds the pipeline once and runs the
same worker functions the local processes run (which call ``analyse_batch``). Only where a
batch is analysed changes: on any core of the cluster instead of a local process, so a run
gives exactly the articles, events and quotes of a local run, and stops and resumes the
same way (one transaction per batch, known inputs skipped before analysis).

For more throughput than one reader and writer can feed, start several ingesters on
different shards against one PostgreSQL store (see ``docs/scaling.md``).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.errors import WartaError
from warta.pipeline import Result
from warta.run import local
from warta.run.batch import Timings
from warta.run.local import (
    IngestOptions,
    IngestReport,
    OnCommit,
    _Progress,
    _unknown_batches,
    read_inputs,
)
from warta.run.memory import rss_mb
from warta.sources import Item
from warta.store.base import Store


class RayUnavailable(WartaError):
    """Ray is not installed, or the cluster cannot be reached."""


class RayRunError(WartaError):
    """An actor died (out of memory, node lost) or could not build its pipeline. Committed
    batches are kept; a re-run continues from them."""


@dataclass(frozen=True, kw_only=True)
class RayOptions:
    address: str | None = None  # None: a local Ray instance with ``IngestOptions.workers`` CPUs
    actors: int | None = None  # analysers; None: one per CPU Ray reports
    in_flight: int = 2  # batches queued per actor: enough to hide the round trip


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    ray_options: RayOptions | None = None,
    *,
    on_commit: OnCommit | None = None,
) -> IngestReport:
    """``warta.run.local.ingest`` with the batches analysed by Ray actors."""
    options = options or IngestOptions()
    report = IngestReport()
    started = time.perf_counter()
    batches = _unknown_batches(read_inputs(paths, options), store, options, report)
    with _Progress(options.progress) as progress, analysers(options, ray_options) as pool:
        for results, timings in pool.map(batches):
            write_start = time.perf_counter()
            report.add(store.write(results))
            report.write_seconds += time.perf_counter() - write_start
            report.timings.add(timings)
            report.seconds = time.perf_counter() - started
            progress.update(report, len(results))
            if on_commit:
                on_commit(report)
    report.peak_rss_mb = rss_mb() + pool.peak_rss_mb
    report.seconds = time.perf_counter() - started
    return report


class Analyser:
    """One pipeline in one Ray worker process, built and run by the very functions a local
    worker process uses (wrapped by ``ray.remote`` at run time: this module imports without
    Ray)."""

    def __init__(self, spec: str | None, until: str | None) -> None:
        local._load(spec, until)

    def work(self, batch: list[Item]) -> tuple[list[Result], Timings]:
        return local._work(batch)

    def rss_mb(self) -> float:
        return rss_mb()


class ActorPool:
    """Batches go to the least busy actor; results come back in input order, with at most
    ``in_flight`` batches queued per actor so memory stays flat however large the input."""

    def __init__(self, ray: Any, actors: list[Any], in_flight: int) -> None:
        self.ray = ray
        self.actors = actors
        self.load = [0] * len(actors)
        self.limit = in_flight * len(actors)
        self.peak_rss_mb = 0.0

    def map(self, batches: Iterable[list[Item]]) -> Iterator[tuple[list[Result], Timings]]:
        pending: deque[tuple[Any, int]] = deque()
        for batch in batches:
            if len(pending) >= self.limit:
                yield self._take(pending)
            index = min(range(len(self.actors)), key=self.load.__getitem__)
            pending.append((self.actors[index].work.remote(batch), index))
            self.load[index] += 1
        while pending:
            yield self._take(pending)
        self._measure()

    def _take(self, pending: deque[tuple[Any, int]]) -> tuple[list[Result], Timings]:
        ref, index = pending.popleft()
        self.load[index] -= 1
        try:
            return self.ray.get(ref)
        except self.ray.exceptions.RayError as exc:  # an actor died or its pipeline failed
            raise RayRunError(f"a Ray actor failed: {exc}") from exc

    def _measure(self) -> None:
        """Resident memory summed over the actors (after the run: their models are loaded)."""
        sizes = self.ray.get([a.rss_mb.remote() for a in self.actors])
        self.peak_rss_mb = max(self.peak_rss_mb, float(sum(sizes)))


@contextmanager
def analysers(options: IngestOptions, ray_options: RayOptions | None = None) -> Iterator[ActorPool]:
    """Actors on the cluster (started here, killed on exit), each with its own pipeline."""
    ray = _import_ray()
    ray_options = ray_options or RayOptions()
    started_here = _connect(ray, ray_options.address, options.workers)
    remote = ray.remote(num_cpus=1)(Analyser)
    count = ray_options.actors or max(1, int(ray.available_resources().get("CPU", 1)))
    actors = [remote.remote(options.pipeline, options.until) for _ in range(count)]
    try:
        yield ActorPool(ray, actors, ray_options.in_flight)
    finally:
        for actor in actors:
            ray.kill(actor)
        if started_here:
            ray.shutdown()


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable("the Ray runner needs Ray: pip install 'warta[ray]'") from exc
    return ray


def _connect(ray: Any, address: str | None, workers: int) -> bool:
    """Join ``address`` or start a local instance; False when Ray was already running (a
    test session or a notebook owns it, and shuts it down)."""
    if ray.is_initialized():
        return False
    try:
        if address:
            ray.init(address=address, logging_level="WARNING", log_to_driver=False)
        else:
            ray.init(
                num_cpus=max(1, workers),
                include_dashboard=False,
                logging_level="WARNING",
                log_to_driver=False,
            )
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise RayUnavailable(f"cannot start or reach Ray at {address or 'local'}: {exc}") from exc
    return True
