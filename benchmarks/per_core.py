"""The figures ``docs/scaling.md`` starts from: analysis per core, memory, write rates.

    .venv/bin/python benchmarks/per_core.py --articles 300 --postgres "$WARTA_TEST_POSTGRES"

One process analyses generated articles with the whole pipeline and reports CPU seconds
per article (``time.process_time``: what one core does, whatever else the machine runs),
the resident memory of one analysing process, and then how fast the DuckDB and the
PostgreSQL stores take the analysed batches (one writer, ``--batch-size`` per commit).
"""

from __future__ import annotations

import argparse
import json
import os
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from warta.article import Article
from warta.bench.corpus import generate
from warta.pipeline import Pipeline, Result
from warta.run.batch import analyse_batch
from warta.run.memory import rss_mb
from warta.store import open_store


def main() -> None:
    args = _parser().parse_args()
    started = rss_mb()
    pipeline = Pipeline.default()
    texts = list(generate(args.articles, seed=2, words=args.words))
    cpu, wall = time.process_time(), time.perf_counter()
    results = analyse_batch([Article(raw=t) for t in texts], pipeline)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": os.getloadavg(),
        "articles": args.articles,
        "words": args.words,
        "megabytes": round(sum(len(t.encode()) for t in texts) / 1e6, 2),
        "analysed": sum(r.ok for r in results),
        "cpu_seconds_per_article": round(cpu / args.articles, 4),
        "articles_per_cpu_second": round(args.articles / cpu, 2),
        "wall_seconds": round(wall, 1),
        "rss_mb_before_pipeline": round(started, 1),
        "rss_mb_after": round(rss_mb(), 1),
        "records": _records(results),
        "write": {},
    }
    batches = [results[i : i + args.batch_size] for i in range(0, len(results), args.batch_size)]
    with TemporaryDirectory() as tmp:
        report["write"]["duckdb"] = _write(str(Path(tmp) / "w.duckdb"), batches)
    if args.postgres:
        report["write"]["postgres"] = _write(_fresh_schema(args.postgres), batches)
    print(json.dumps(report, indent=2))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--postgres", help="server URL; the store goes in a new schema")
    return parser


def _records(results: Sequence[Result]) -> dict[str, int]:
    articles = [r.article for r in results if r.article]
    return {
        name: sum(len(getattr(a, name)) for a in articles)
        for name in ("entities", "actors", "quotes", "events")
    }


def _write(url: str, batches: list[list[Result]]) -> dict[str, float]:
    """Wall seconds, this process's CPU seconds and, for PostgreSQL, the server backend's
    (read from /proc: the server runs on this machine in the benchmark)."""
    with open_store(url) as store:
        backend = _backend_pid(store)
        server, cpu, started = _cpu_of(backend), time.process_time(), time.perf_counter()
        for batch in batches:
            store.write(batch)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        server = _cpu_of(backend) - server
    articles = sum(len(b) for b in batches)
    return {
        "seconds": round(seconds, 2),
        "articles_per_second": round(articles / seconds, 1),
        "client_cpu_seconds": round(cpu, 2),
        "server_cpu_seconds": round(server, 2),
    }


def _backend_pid(store: Any) -> int | None:
    if not hasattr(store, "url"):
        return None
    row = store.con.execute("SELECT pg_backend_pid()").fetchone()
    return int(row[0])


def _cpu_of(pid: int | None) -> float:
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fresh_schema(url: str) -> str:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"


if __name__ == "__main__":
    main()
