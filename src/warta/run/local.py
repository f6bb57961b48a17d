"""Ingest on one machine: worker processes analyse, this process reads inputs and is the
single writer (DuckDB allows one writer process).

Each batch is committed in one transaction, in input order, so a run stopped at any point
(Ctrl-C, ``kill -9``, power loss) keeps every committed batch; a re-run skips every stored
input before analysing it, and ends with exactly the articles and events of a run that was
never stopped (near-duplicate links follow input order; event clusters depend only on the
set of mentions).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

from warta.article import Article
from warta.errors import PipelineError
from warta.pipeline import Pipeline, Result
from warta.run.batch import Timings, analyse_batch, build_pipeline, timed
from warta.run.memory import total_rss_mb
from warta.sources import Item, iter_inputs
from warta.store.base import Store, WriteStats
from warta.store.rows import input_id


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    workers: int = 2  # 0 analyses in this process (debugging, tests)
    batch_size: int = 256
    pipeline: str | None = None  # "module:factory" taking Resources; None: the default
    until: str | None = None  # stop the default pipeline after this stage (benchmarks)
    encoding: str | None = None
    published: str | None = None  # publication date for inputs that carry none
    progress: bool = False  # a tqdm bar on stderr (the CLI turns it on)


def read_inputs(paths: Iterable[str | Path], options: IngestOptions) -> Iterator[Item]:
    """The inputs as every runner reads them."""
    return iter_inputs(paths, encoding=options.encoding, published=options.published)


@dataclass
class IngestReport:
    inputs: int = 0  # articles and failures read
    stored: int = 0
    skipped: int = 0  # known before analysis, or stored by an earlier batch
    errors: int = 0
    duplicates: int = 0
    batches: int = 0
    seconds: float = 0.0
    write_seconds: float = 0.0
    write_cpu_seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process (reading, writing), not the workers
    peak_rss_mb: float = 0.0
    timings: Timings = field(default_factory=Timings)

    @property
    def articles_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def add(self, stats: WriteStats) -> None:
        self.stored += stats.articles
        self.skipped += stats.skipped
        self.errors += stats.errors
        self.duplicates += stats.duplicates
        self.batches += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "skipped": self.skipped,
            "errors": self.errors,
            "duplicates": self.duplicates,
            "batches": self.batches,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 1),
            "write_seconds": round(self.write_seconds, 3),
            "write_cpu_seconds": round(self.write_cpu_seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in self.timings.stages.items()},
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


OnCommit = Callable[[IngestReport], None]
Batch = tuple[list[Item], bool]  # inputs, and whether they are the last batch


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    *,
    on_commit: OnCommit | None = None,
) -> IngestReport:
    """Read, analyse and store every input under ``paths``; returns the counts and timings."""
    options = options or IngestOptions()
    report = IngestReport()
    started, cpu_started = time.perf_counter(), time.process_time()
    unknown = _unknown_batches(read_inputs(paths, options), store, options, report)
    batches = _prepared_first(_marked_last(unknown), store.prepare_writes)
    with (
        _Progress(options.progress) as progress,
        _analysers(options) as analyser,
        _collector_thresholds(GC_THRESHOLDS),
    ):
        for results, timings in analyser.map(batches):
            write_start, write_cpu = time.perf_counter(), time.process_time()
            report.add(store.write(results))
            report.write_seconds += time.perf_counter() - write_start
            report.write_cpu_seconds += time.process_time() - write_cpu
            report.timings.add(timings)
            report.peak_rss_mb = max(report.peak_rss_mb, total_rss_mb(analyser.pids()))
            report.seconds = time.perf_counter() - started
            progress.update(report, len(results))
            if on_commit:
                on_commit(report)
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu_started
    return report


def _unknown_batches(
    items: Iterator[Item], store: Store, options: IngestOptions, report: IngestReport
) -> Iterator[list[Item]]:
    """Batches of inputs the store does not hold yet (checked by input id, before analysis)."""
    batch: list[Item] = []
    for item in items:
        report.inputs += 1
        batch.append(item)
        if len(batch) >= options.batch_size:
            yield from _drop_known(batch, store, report)
            batch = []
    if batch:
        yield from _drop_known(batch, store, report)


def _marked_last(batches: Iterator[list[Item]]) -> Iterator[Batch]:
    """Each batch with whether it is the last (read one batch ahead)."""
    current = next(batches, None)
    while current is not None:
        following = next(batches, None)
        yield current, following is None
        current = following


def _prepared_first(batches: Iterator[Batch], prepare: Callable[[], None]) -> Iterator[Batch]:
    """``batches``, calling ``prepare`` once the first has been read, before it is handed to
    the workers: handing it out waits until the fork server has loaded the pipeline, and
    the writer prepares meanwhile, on a core that would otherwise wait (not at all when
    every input is known already)."""
    for i, batch in enumerate(batches):
        if i == 0:
            prepare()
        yield batch


def _drop_known(batch: list[Item], store: Store, report: IngestReport) -> Iterator[list[Item]]:
    ids = {}
    for item in batch:
        if isinstance(item, Article):  # kept for the worker, which would hash the text again
            ids[id(item)] = item.meta["_input_id"] = input_id(item)
    known = store.known_ids(list(ids.values()))
    fresh = [item for item in batch if ids.get(id(item)) not in known]
    report.skipped += len(batch) - len(fresh)
    if fresh:
        yield fresh


@contextmanager
def _collector_thresholds(thresholds: tuple[int, int, int]) -> Iterator[None]:
    """The garbage collector's thresholds for the duration of the ingest, then the caller's."""
    before = gc.get_threshold()
    gc.set_threshold(*thresholds)
    try:
        yield
    finally:
        gc.set_threshold(*before)


# Analysing and writing allocate many short-lived containers and almost no reference
# cycles (on bench batches, generation 2 collections found none), so collecting young
# objects every 10,000 allocations instead of every 700 loses nothing and cuts the
# collector's time per article from 0.48 to 0.16 ms in a worker and from 0.16 to 0.04 ms
# in the writer (measured with gc.callbacks).
GC_THRESHOLDS = (10_000, 10, 10)


@contextmanager
def _collected_after() -> Iterator[None]:
    """No garbage collection inside the block, one of the young objects after it.

    A worker's batch allocates millions of short-lived containers, which reference counting
    frees, and no reference cycles (bench batches: every collection found none). Yet the
    collector, even every 10,000 allocations, walked each time the objects alive then, the
    batch's articles and rows among them. One collection of the young generation after the
    batch finds the same cycles for about 2 ms a batch of 128 articles; cycles wait at most
    one batch. Analysis takes 1.2 % fewer instructions (valgrind) and about as much less
    CPU time (three interleaved bench runs: 10.05 -> 9.93 ms per article)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


# -- analysis in worker processes ----------------------------------------------------------

# Each worker process builds its pipeline once (models and data load once per process).
_WORKER: tuple[Pipeline, Timings] | None = None
_WORKER_ERROR: str | None = None
# A worker process moves what its first batch loaded (models, knowledge base, caches) out
# of the garbage collector's reach: collections then walk only the current batch's
# objects. Measured in one process: GC 0.64 -> 0.17 ms CPU per article.
_FREEZE_PENDING = False


def _init_worker(spec: str | None, until: str | None, parent: int) -> None:
    global _WORKER_ERROR, _FREEZE_PENDING
    _FREEZE_PENDING = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _exit_with_parent(parent)
    try:
        _load(spec, until)
    except Exception as exc:  # reported by the first batch: a pool would respawn forever
        _WORKER_ERROR = f"{type(exc).__name__}: {exc}"


def _exit_with_parent(parent: int) -> None:
    """Stop when the ingesting process dies (``kill -9``): a worker holds both ends of its
    task queue, so it would otherwise wait for work forever as an orphan. The fork server,
    not the ingesting process, is a worker's parent, and it lives as long as its workers."""

    def watch() -> None:
        try:  # a pidfd turns readable when the process exits (Linux 5.3+): no polling
            select.select([os.pidfd_open(parent)], [], [])
        except (AttributeError, OSError):
            while _exists(parent):
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def _load(spec: str | None, until: str | None = None) -> None:
    global _WORKER
    _WORKER = timed(_preloaded(spec, until) or build_pipeline(spec, until=until))


def _preloaded(spec: str | None, until: str | None) -> Pipeline | None:
    """The fork server's warmed default pipeline (or its first stages, up to ``until``),
    when this worker was forked from it; ``None`` otherwise."""
    preload = sys.modules.get("warta.run.preload")  # never imported here: that builds one
    pipeline: Pipeline | None = getattr(preload, "PIPELINE", None)
    if spec or pipeline is None:
        return None
    if until is None:
        return pipeline
    names = pipeline.names
    return Pipeline(pipeline.stages[: names.index(until) + 1]) if until in names else None


def _work(batch: list[Item]) -> tuple[list[Result], Timings]:
    global _FREEZE_PENDING
    if _WORKER is None:
        raise PipelineError(f"the workers cannot build the pipeline: {_WORKER_ERROR}")
    pipeline, timings = _WORKER
    start = time.process_time()
    with _collected_after():
        results = analyse_batch(batch, pipeline, rows_only=True)
    timings.articles += sum(1 for r in results if r.ok)
    timings.total = time.process_time() - start
    if _FREEZE_PENDING:
        _FREEZE_PENDING = False
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
    snapshot = Timings(dict(timings.stages), timings.articles, timings.total)
    timings.stages.clear()
    timings.articles = 0
    return results, snapshot


class _InProcess:
    def __init__(self, spec: str | None, until: str | None) -> None:
        _load(spec, until)

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[list[Result], Timings]]:
        return (_work(items) for items, _ in batches)

    def pids(self) -> list[int]:
        return []

    def close(self) -> None:
        pass


# The last batch's halves go out in this many chunks per worker: a worker that is done
# with its chunk takes the next, so the two finish together. With one chunk per worker,
# one finished 0.1-0.12 s before the other and idled (measured on bench runs).
TAIL_CHUNKS = 4

_Chunks = list[Future[tuple[list[Result], Timings]]]


class _Pool:
    """Worker processes with a bounded queue: at most two batches per worker in flight, so
    memory stays flat however large the input, and results come back in input order.

    Each batch is split between the workers rather than given to one: it is analysed in a
    fraction of the time, so the writer gets it sooner, and when the input runs out only
    the last batch is left to write while the workers idle (not one batch per worker).
    The last batch goes in two halves, each split between the workers and committed on
    its own: the writer stores the first half while the workers analyse the second, so
    only half a batch is left to write at the end. (Not smaller pieces: a write costs
    about 0.1 s whatever its size, to recluster the stored events it can change; four
    pieces cost 0.4 s more writing than one, measured.) Its halves go out in smaller
    chunks (``TAIL_CHUNKS``), so that neither worker idles while the other finishes.

    A worker that dies (killed, out of memory, a crash in native code) breaks the pool and
    the ingest stops with an error instead of waiting forever; committed batches stay."""

    def __init__(self, spec: str | None, until: str | None, workers: int) -> None:
        context = _start_method()
        if context.get_start_method() == "forkserver":
            # workers start on the first batch; the server loads the pipeline meanwhile
            forkserver.ensure_running()
        self.executor = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(spec, until, os.getpid()),
        )
        self.workers = workers
        self.in_flight = 2 * workers

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[list[Result], Timings]]:
        pending: deque[_Chunks] = deque()
        try:
            for batch, last in batches:
                for part in _split(batch, 2) if last else [batch]:
                    chunks = _split(part, self.workers * (TAIL_CHUNKS if last else 1))
                    pending.append([self.executor.submit(_work, c) for c in chunks])
                while len(pending) >= self.in_flight:
                    yield _joined(pending.popleft())
            while pending:
                yield _joined(pending.popleft())
        except BrokenProcessPool as exc:
            raise PipelineError(
                f"a worker process died ({exc}); committed batches are kept"
            ) from exc

    def pids(self) -> list[int]:
        processes = getattr(self.executor, "_processes", None) or {}
        return [pid for pid in processes if pid]

    def close(self) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # stop batches still running (after Ctrl-C or an error)
            process.terminate()
        for process in processes:
            process.join()


def _start_method() -> mp.context.BaseContext:
    """Workers fork from a server process that built and warmed the default pipeline once
    (``run.preload``), so they start with it loaded and share its memory; spawning each
    worker instead costs it about 1.1 s of CPU to import and load. Not a plain fork of this
    process: it holds an open database and threads."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(["warta.run.preload"])
    return context


def _split(batch: list[Item], parts: int) -> list[list[Item]]:
    """``batch`` in at most ``parts`` contiguous chunks of equal size (input order kept)."""
    size = max(1, -(-len(batch) // parts))  # ceiling division
    return [batch[i : i + size] for i in range(0, len(batch), size)]


def _joined(chunks: _Chunks) -> tuple[list[Result], Timings]:
    """One batch's results, in order, from the chunks the workers analysed."""
    results: list[Result] = []
    timings = Timings()
    for future in chunks:
        part, spent = future.result()
        results.extend(part)
        timings.add(spent)
    return results, timings


@contextmanager
def _analysers(options: IngestOptions) -> Iterator[_InProcess | _Pool]:
    runner: _InProcess | _Pool
    if options.workers <= 0:
        runner = _InProcess(options.pipeline, options.until)
    else:
        runner = _Pool(options.pipeline, options.until, options.workers)
    try:
        yield runner
    finally:
        runner.close()


class _Progress:
    """A tqdm bar on stderr with articles/s and the error count (off unless asked for)."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(unit=" inputs", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def __enter__(self) -> _Progress:
        return self

    def update(self, report: IngestReport, n: int) -> None:
        if self.bar is not None:
            self.bar.set_postfix(stored=report.stored, errors=report.errors, refresh=False)
            self.bar.update(n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
