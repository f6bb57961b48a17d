"""``warta ingest PATH...``: read, analyse and store articles, then summarise the events."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from warta.cli._args import iso_date
from warta.cli._runner import add_runner, run_ingest
from warta.cli._store import actor_label, add_db, open_db, table

SUMMARY_EVENTS = 15


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest", help="analyse files, folders, globs, feeds, WARC or JSONL into a database"
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt, .html, RSS/Atom (file or URL), .warc/.wet(.gz), .jsonl, folders, globs",
    )
    add_db(p)
    p.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="analysis processes (0: analyse in this process)",
    )
    p.add_argument("--batch-size", type=int, default=256, help="articles per commit")
    p.add_argument(
        "--window-days",
        type=int,
        default=7,
        help="reports of one event are merged within this many days of the first",
    )
    p.add_argument("--encoding", help="text file encoding when not UTF-8 (e.g. cp1252)")
    p.add_argument(
        "--date", type=iso_date, help="publication date YYYY-MM-DD for inputs that carry none"
    )
    p.add_argument("--pipeline", help=argparse.SUPPRESS)  # module:factory, for tests and benches
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_runner(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warta.run.local import IngestOptions
    from warta.store import open_store

    options = IngestOptions(
        workers=args.workers,
        batch_size=args.batch_size,
        pipeline=args.pipeline,
        encoding=args.encoding,
        published=args.date,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    try:
        with open_store(args.db, window_days=args.window_days) as store:
            report = run_ingest(args, store, options)
    except KeyboardInterrupt:
        print(
            "warta: interrupted; every committed batch is kept, re-run to continue", file=sys.stderr
        )
        return 130
    with open_db(args) as store:
        summary = {
            "ingest": report.to_dict(),
            "database": store.stats(),
            "events": _most_reported(store.events(_recent_events())),
        }
        summary["recent_errors"] = store.errors(limit=5) if report.errors else []
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    else:
        print(render(summary))
    return 0


def _recent_events() -> Any:
    from warta.store import EventQuery

    return EventQuery(limit=1000)


def _most_reported(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The most reported of the latest events first (the store lists the latest first)."""
    ranked = sorted(
        events, key=lambda e: -(e["num_articles"] or 0)
    )  # stable: ties stay latest first
    return ranked[:SUMMARY_EVENTS]


def render(summary: dict[str, Any]) -> str:
    run, db = summary["ingest"], summary["database"]
    lines = [
        f"stored {run['stored']} articles, skipped {run['skipped']} already stored,"
        f" {run['errors']} errors, {run['duplicates']} near-duplicates linked"
        f" in {run['seconds']:.1f} s ({run['articles_per_second']:.0f} articles/s)",
        f"database: {db['articles']} articles, {db['events']} events from"
        f" {db['event_mentions']} mentions, {db['quotes']} quotes, {db['errors']} errors",
    ]
    for error in summary["recent_errors"]:
        lines.append(f"  error [{error['stage']}] {error['message']}")
    rows = [
        {
            "first_seen": e["first_seen"],
            "type": e["type"],
            "source": actor_label(e, "source"),
            "target": actor_label(e, "target"),
            "status": e["status"],
            "articles": e["num_articles"],
            "sources": e["num_sources"],
        }
        for e in summary["events"]
    ]
    if rows:
        lines += ["", "events (most reported first):", table(rows, list(rows[0]))]
    return "\n".join(lines)
