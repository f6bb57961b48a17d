"""``warta read PATH... [--json] [--date D]``: analyse articles and print the analysis."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from warta.cli._args import iso_date


def register(sub: Any) -> None:
    p = sub.add_parser("read", help="analyse articles and print a report (or JSON)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text or HTML files, or - for stdin")
    p.add_argument("--json", action="store_true", help="JSON (one object per line for several)")
    p.add_argument(
        "--date", type=iso_date, help="publication date YYYY-MM-DD when the text has none"
    )
    p.add_argument("--encoding", help="input encoding when not UTF-8 (e.g. cp1252)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warta.errors import WartaError
    from warta.pipeline import Pipeline
    from warta.report import render, to_json
    from warta.sources.text import load

    date = args.date
    pipeline = Pipeline.default()
    failures = 0
    several = len(args.paths) > 1
    for path in args.paths:
        try:
            article = pipeline(load(path, encoding=args.encoding, published=date))
        except WartaError as exc:
            failures += 1
            print(f"warta: {path}: {_strip_path(str(exc), path)}", file=sys.stderr)
            continue
        if args.json:
            data = to_json(article, path=path if several else None)
            print(json.dumps(data, ensure_ascii=False, indent=None if several else 2))
        else:
            if several:
                print(f"== {path}")
            print(render(article))
    return 1 if failures else 0


def _strip_path(message: str, path: str) -> str:
    """Errors already name their file; avoid saying it twice."""
    for prefix in (f"{path}: ", f"read: {path}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
