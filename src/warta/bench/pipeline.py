"""Throughput of the whole pipeline: generated articles -> files -> ingest -> database.

Reports articles/s end to end (reading, analysis in worker processes, writing), the
analysis time per stage (CPU seconds summed over workers, so the slow stage shows), the
writer's time, peak memory of this process and its workers, and, when spaCy is installed,
how long ``spacy.blank("id")`` takes merely to tokenise the same corpus.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from warta.bench.corpus import generate
from warta.run.memory import descendants, total_rss_mb


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=int, default=1000, help="articles to generate")
    parser.add_argument("--words", type=int, default=500, help="about this many words each")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy yardstick")
    parser.add_argument("--until", help="stop after this stage (e.g. segment), to time a prefix")
    parser.add_argument("--pipeline", help=argparse.SUPPRESS)  # module:factory


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        texts = list(generate(args.articles, seed=args.seed, words=args.words))
        corpus = _write_corpus(texts, Path(tmp) / "corpus")
        report = _ingest(corpus, Path(tmp) / "bench.duckdb", args)
    report["corpus"] = {
        "articles": len(texts),
        "mean_words": round(sum(len(t.split()) for t in texts) / max(len(texts), 1)),
        "megabytes": round(sum(len(t.encode("utf-8")) for t in texts) / 1e6, 2),
    }
    if not args.no_spacy:
        report["spacy"] = _spacy(texts, report["articles_per_second"])
    return report


def _write_corpus(texts: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"{i:07d}.txt").write_text(text, encoding="utf-8")
    return folder


def _ingest(corpus: Path, db: Path, args: argparse.Namespace) -> dict[str, Any]:
    from warta.run.local import IngestOptions, ingest
    from warta.store import open_store

    options = IngestOptions(
        workers=args.workers, batch_size=args.batch_size, pipeline=args.pipeline, until=args.until
    )
    load_before = _load()
    with _PeakMemory() as memory, open_store(db) as store:
        result = ingest([corpus], store, options)
        stats = store.stats()
    n = max(result.timings.articles, 1)
    per_article = {
        "analysis_cpu_ms": round(1000 * result.timings.total / n, 2),
        "writer_cpu_ms": round(1000 * result.write_cpu_seconds / n, 2),
        "parent_cpu_ms": round(1000 * result.cpu_seconds / n, 2),  # reading + writing
    }
    cpu_per_article = (result.timings.total + result.cpu_seconds) / n
    cores = os.cpu_count() or 1
    return {
        "workers": args.workers,
        "stored": result.stored,
        "errors": result.errors,
        "seconds": round(result.seconds, 2),
        "articles_per_second": round(result.articles_per_second, 1),
        "load_average": [load_before, _load()],
        "cores": cores,
        "cpu_per_article": per_article,
        # what the CPU time allows on this machine's cores when nothing else runs on them
        "cpu_bound_articles_per_second": round(min(cores, args.workers + 1) / cpu_per_article, 1)
        if cpu_per_article
        else None,
        "stages": _stages(result.timings.stages, n),
        "writer_seconds": round(result.write_seconds, 2),
        "peak_rss_mb": round(max(memory.peak, result.peak_rss_mb), 1),
        "database": {k: stats[k] for k in ("articles", "event_mentions", "events", "quotes")},
    }


def _stages(stages: dict[str, float], n: int) -> dict[str, dict[str, float]]:
    total = max(sum(stages.values()), 1e-9)
    return {
        name: {
            "cpu_seconds": round(seconds, 2),
            "ms_per_article": round(1000 * seconds / n, 2),
            "share": round(seconds / total, 3),
        }
        for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1])
    }


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _spacy(texts: list[str], warta_rate: float) -> dict[str, Any]:
    try:
        import spacy
    except ImportError:
        return {"available": False, "note": "pip install 'warta[bench]' for the spaCy yardstick"}
    nlp = spacy.blank("id")
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - start
    rate = len(texts) / seconds if seconds else 0.0
    return {
        "available": True,
        "version": spacy.__version__,
        "seconds": round(seconds, 2),
        "articles_per_second": round(rate, 1),
        "tokens": tokens,
        # how many times longer Warta's full analysis takes than tokenising alone
        "ratio": round(rate / warta_rate, 1) if warta_rate else None,
    }


class _PeakMemory:
    """Samples the resident memory of this process and its workers every 0.2 s. Its CPU
    counts in the parent's (~9 ms a second when sampling every 0.1 s and finding the
    workers every second: that scans all of /proc, so it is done every 2 s now)."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        pids: list[int] = []
        tick = 0
        while not self._stop.wait(0.2):
            if tick % 10 == 0:
                pids = descendants(os.getpid())
            tick += 1
            self.peak = max(self.peak, total_rss_mb(pids))

    def __enter__(self) -> _PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def render(report: dict[str, Any]) -> str:
    corpus, cpu = report["corpus"], report["cpu_per_article"]
    lines = [
        f"corpus: {corpus['articles']} articles, ~{corpus['mean_words']} words each,"
        f" {corpus['megabytes']} MB",
        f"end to end ({report['workers']} workers, {report['cores']} cores, load average"
        f" {report['load_average'][0]} -> {report['load_average'][1]}):"
        f" {report['articles_per_second']} articles/s"
        f" ({report['stored']} stored, {report['errors']} errors in {report['seconds']} s)",
        f"CPU per article: analysis {cpu['analysis_cpu_ms']} ms (workers),"
        f" writer {cpu['writer_cpu_ms']} ms, reader+writer {cpu['parent_cpu_ms']} ms;"
        f" on idle cores that allows {report['cpu_bound_articles_per_second']} articles/s",
        f"peak memory (this process + workers, RSS): {report['peak_rss_mb']:.0f} MB",
        "analysis per stage (CPU time, summed over workers):",
    ]
    for name, stage in report["stages"].items():
        lines.append(
            f"  {name:<10} {stage['ms_per_article']:>8.2f} ms/article  {100 * stage['share']:5.1f}%"
        )
    spacy = report.get("spacy")
    if spacy and spacy.get("available"):
        lines.append(
            f"spaCy {spacy['version']} blank('id') tokenisation, 1 process:"
            f" {spacy['articles_per_second']} articles/s; Warta end to end is"
            f" {spacy['ratio']}x slower than tokenising alone"
        )
    elif spacy:
        lines.append(f"spaCy: not installed ({spacy['note']})")
    db = report["database"]
    lines.append(
        f"database: {db['articles']} articles, {db['event_mentions']} event mentions ->"
        f" {db['events']} events, {db['quotes']} quotes"
    )
    return "\n".join(lines)
