"""What the store commands share: the ``--db`` option and printing rows as a table, JSON
or CSV. Formatting only; the queries are the store's."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_DB = "warta.duckdb"


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get("WARTA_DB", DEFAULT_DB),
        help=f"database file or postgresql:// URL (default: $WARTA_DB or {DEFAULT_DB})",
    )


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("--limit", type=int, default=100, help="at most this many rows")


def open_db(args: argparse.Namespace, *, write: bool = False) -> Any:
    from warta.store import open_store

    if not write and "://" not in args.db and not Path(args.db).exists():
        raise SystemExit(f"warta: no database at {args.db} (run `warta ingest` first, or --db)")
    options = {} if write or "://" in args.db else {"read_only": True}
    return open_store(args.db, **options)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([_cell(r.get(c)) for c in columns] for r in rows)
    else:
        print(table(rows, columns))


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, width: int = 60) -> str:
    if not rows:
        return "(none)"
    cells = [[_cell(r.get(c))[:width] for c in columns] for r in rows]
    sizes = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(s) for c, s in zip(columns, sizes, strict=True)).rstrip()]
    lines += [
        "  ".join(v.ljust(s) for v, s in zip(row, sizes, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def actor_label(row: dict[str, Any], side: str) -> str:
    """ "Kim Jong Un (PRK)", or the country alone."""
    name, country = row.get(f"{side}_name"), row.get(f"{side}_country")
    if name and country and name != country:
        return f"{name} ({country})"
    return str(name or country or row.get(f"{side}_key") or "-")
