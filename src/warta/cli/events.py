"""``warta events``: list clustered events, filtered by actors, type, status and dates."""

from __future__ import annotations

import argparse
from typing import Any

from warta.cli._args import iso_date
from warta.cli._store import actor_label, add_db, add_format, emit, open_db

COLUMNS = (
    "first_seen",
    "last_seen",
    "type",
    "source",
    "target",
    "status",
    "articles",
    "sources",
    "id",
)


def register(sub: Any) -> None:
    p = sub.add_parser("events", help="list events (one row per event, however many reports)")
    p.add_argument("--source", help="source country code or actor id, e.g. RUS")
    p.add_argument("--target", help="target country code or actor id, e.g. PRK")
    p.add_argument("--actor", help="either side")
    p.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
    p.add_argument("--status", help="occurred, planned, reported, suspected, denied, ...")
    p.add_argument("--since", type=iso_date, help="YYYY-MM-DD (events seen on or after)")
    p.add_argument("--until", type=iso_date, help="YYYY-MM-DD (events first seen on or before)")
    add_format(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warta.store import EventQuery

    query = EventQuery(
        source=args.source,
        target=args.target,
        actor=args.actor,
        type=args.type,
        status=args.status,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    with open_db(args) as store:
        rows = store.events(query)
    if args.format == "table":
        rows = [display(r) for r in rows]
        emit(rows, COLUMNS, "table")
    else:
        emit(rows, list(rows[0]) if rows else COLUMNS, args.format)
    return 0


def display(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "source": actor_label(row, "source"),
        "target": actor_label(row, "target"),
        "articles": row["num_articles"],
        "sources": row["num_sources"],
    }
