"""``warta dyad A B``: events between two countries per week: counts by direction, the
QuadClass mix (verbal/material cooperation/conflict) and mean Goldstein score."""

from __future__ import annotations

import argparse
from typing import Any

from warta.cli._store import add_db, emit, open_db

COLUMNS = (
    "period",
    "events",
    "a_to_b",
    "b_to_a",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "mean_goldstein",
    "articles",
)


def register(sub: Any) -> None:
    p = sub.add_parser("dyad", help="relations between two countries over time")
    p.add_argument("a", help="country code, e.g. RUS")
    p.add_argument("b", help="country code, e.g. PRK")
    p.add_argument("--freq", choices=("day", "week", "month", "quarter", "year"), default="week")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add_db(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = store.dyad(args.a.upper(), args.b.upper(), freq=args.freq)
    header = {
        "a_to_b": f"{args.a.upper()}>{args.b.upper()}",
        "b_to_a": f"{args.b.upper()}>{args.a.upper()}",
    }
    if args.format == "table":
        rows = [{header.get(k, k): v for k, v in r.items()} for r in rows]
        emit(rows, [header.get(c, c) for c in COLUMNS], "table")
    else:
        emit(rows, COLUMNS, args.format)
    return 0
