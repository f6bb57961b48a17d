"""Commands with kinds (``warta eval ner``, ``warta bench``, ``warta train ner``) dispatch
to a module per kind. Each such module has::

    def add_arguments(parser: argparse.ArgumentParser) -> None   # optional
    def run(args: argparse.Namespace) -> dict                       # the report
    def render(report: dict) -> str                                 # human-readable

so the CLI prints ``render(report)`` or, with ``--json``, the report itself.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any


def register_kinds(
    sub: Any, command: str, help_text: str, kinds: dict[str, str], default: str | None = None
) -> None:
    parser = sub.add_parser(command, help=help_text, description=help_text)
    kind_sub = parser.add_subparsers(dest="kind", required=default is None, metavar="KIND")
    for kind, module_name in kinds.items():
        module = importlib.import_module(module_name)
        doc = (module.__doc__ or kind).strip().splitlines()[0]
        kind_parser = kind_sub.add_parser(kind, help=doc, description=doc)
        _add_common(kind_parser, module)
        kind_parser.set_defaults(func=_runner(module))
    if default is not None:
        module = importlib.import_module(kinds[default])
        _add_common(parser, module)
        parser.set_defaults(func=_runner(module))


def _add_common(parser: argparse.ArgumentParser, module: Any) -> None:
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    if hasattr(module, "add_arguments"):
        module.add_arguments(parser)


def _runner(module: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        from warta.errors import WartaError

        try:
            report = module.run(args)
        except WartaError as exc:
            print(f"warta: {exc}", file=sys.stderr)
            return 1
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            print(module.render(report))
        return 0

    return run
