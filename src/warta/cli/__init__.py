"""The ``warta`` command: a thin shell over the library (no NLP and no SQL here).

Each subcommand lives in its own module with ``register(subparsers)``; heavy imports stay
inside the command functions so that ``warta read`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS = (
    # add a command here when its module exists (warta/cli/<name>.py with register())
    "read",
    "eval",
    "train",
    "bench",
    "actors",
    "ingest",
    "events",
    "dyad",
    "quotes",
    "export",
    "serve",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Read news into a queryable record of international events.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"warta.cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from warta.errors import WartaError

    try:
        return int(args.func(args) or 0)
    except WartaError as exc:  # the library raises, the shell prints one line
        print(f"warta: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
