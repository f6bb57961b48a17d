"""Ray runner vs local runner on one generated corpus: throughput, memory, identical output.

    .venv/bin/python benchmarks/ray_vs_local.py --articles 5000 --words 300 --out report.json

Both runs use the whole default pipeline, the same workers (local processes vs Ray actors on
a local Ray instance with as many CPUs) and a DuckDB store each. Ray is started before
either clock starts, as on a cluster where it is already running; its start time is
reported on its own. Every table of the two databases is then compared row by row.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from warta.bench.corpus import generate
from warta.run import ray as ray_runner
from warta.run.local import IngestOptions, IngestReport, ingest
from warta.store import open_store

TABLES = ("articles", "entities", "actors", "quotes", "event_mentions", "events", "errors")


def main() -> None:
    args = _parser().parse_args()
    with tempfile.TemporaryDirectory(prefix="warta-ray-bench-") as tmp:
        folder = _corpus(Path(tmp) / "corpus", args.articles, args.words)
        options = IngestOptions(workers=args.workers, batch_size=args.batch_size)
        ray_start = _start_ray(args.workers)  # idle while the local run goes
        # the order alternates between runs of this script to show the machine's drift
        order = ("ray", "local") if args.ray_first else ("local", "ray")
        done = {name: _run(name, folder, Path(tmp) / f"{name}.duckdb", options) for name in order}
        local, remote = done["local"], done["ray"]
        same = _compare(Path(tmp) / "local.duckdb", Path(tmp) / "ray.duckdb")
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _commit(),
        "articles": args.articles,
        "words": args.words,
        "workers": args.workers,
        "local": _summary(local),
        "ray": _summary(remote),
        "ray_start_seconds": round(ray_start, 1),
        "ray_over_local": round(
            remote.articles_per_second / max(local.articles_per_second, 1e-9), 3
        ),
        "identical": same,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--ray-first", action="store_true", help="time the Ray run first")
    parser.add_argument("--out", help="also write the JSON report here")
    return parser


def _corpus(folder: Path, n: int, words: int) -> Path:
    folder.mkdir(parents=True)
    for i, text in enumerate(generate(n, seed=1, words=words)):
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(runner: str, folder: Path, db: Path, options: IngestOptions) -> IngestReport:
    with open_store(db) as store:
        if runner == "ray":
            return ray_runner.ingest([folder], store, options)
        return ingest([folder], store, options)


def _start_ray(cpus: int) -> float:
    import ray

    started = time.perf_counter()
    ray.init(num_cpus=cpus, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    return time.perf_counter() - started


def _summary(report: IngestReport) -> dict[str, Any]:
    keep = ("stored", "errors", "seconds", "articles_per_second", "write_seconds", "peak_rss_mb")
    data = report.to_dict()
    return {key: data[key] for key in keep}


def _compare(a: Path, b: Path) -> dict[str, Any]:
    """Per table: row counts and whether every row (ingest times aside) is the same."""
    left, right = _rows(a), _rows(b)
    tables = {t: {"rows": len(left[t]), "same": left[t] == right[t]} for t in TABLES}
    return {"all": all(t["same"] for t in tables.values()), "tables": tables}


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with open_store(db, read_only=True) as store:
        con = store.con  # type: ignore[attr-defined]
        out = {}
        for table in TABLES:
            names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            cols = ", ".join(f'"{c}"' for c in names if c != "ingested_at")
            out[table] = con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
        return out


def _commit() -> str:
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
    return found.stdout.strip() + (" (+ uncommitted work)" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    sys.exit(main())
