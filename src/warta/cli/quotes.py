"""``warta quotes [--speaker NAME]``: stored quotes with their speakers and sources."""

from __future__ import annotations

import argparse
from typing import Any

from warta.cli._store import add_db, add_format, emit, open_db

COLUMNS = ("published", "speaker_name", "text", "outlet", "direct")


def register(sub: Any) -> None:
    p = sub.add_parser("quotes", help="list quotes, optionally by one speaker")
    p.add_argument("--speaker", help="actor id or part of the speaker's name, e.g. Peskov")
    add_format(p)
    add_db(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = store.quotes(speaker=args.speaker, limit=args.limit)
    emit(rows, COLUMNS if args.format == "table" or not rows else list(rows[0]), args.format)
    return 0
