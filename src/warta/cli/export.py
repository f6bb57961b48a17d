"""``warta export``: write a table as JSON Lines, CSV, Parquet or a GDELT 2.0 event file."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from warta.cli._store import add_db, open_db

TABLES = ("events", "event_mentions", "articles", "entities", "actors", "quotes", "errors")


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export events (or another table) for other tools")
    p.add_argument("output", help="output file")
    p.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet", "gdelt"),
        default="jsonl",
        help="gdelt: GDELT 2.0 event table (tab-separated, GDELT's column order)",
    )
    p.add_argument("--table", choices=TABLES, default="events")
    add_db(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warta.errors import StoreError
    from warta.store.export import export

    with open_db(args) as store:
        try:
            rows = export(store, args.output, fmt=args.format, table=args.table)
        except StoreError as exc:
            print(f"warta: {exc}", file=sys.stderr)
            return 1
    print(f"{rows} {args.table} rows -> {args.output} ({args.format})", file=sys.stderr)
    return 0
