"""``warta actors lookup TEXT [--date D] [--json]`` and ``warta actors stats [--json]``:
how a phrase resolves in the knowledge base, and what the base covers."""

from __future__ import annotations

import argparse
import json
from typing import Any

from warta.cli._args import iso_date


def register(sub: Any) -> None:
    parser = sub.add_parser("actors", help="look up actors in the knowledge base")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    lookup = actions.add_parser("lookup", help="how a phrase resolves on a date, and why")
    lookup.add_argument("text", help='a name, alias or role phrase, e.g. "Menlu Rusia"')
    lookup.add_argument(
        "--date", type=iso_date, help="the article's date YYYY-MM-DD (default: today)"
    )
    lookup.add_argument("--json", action="store_true", help="print id, name, country... as JSON")
    lookup.set_defaults(func=run_lookup)
    stats = actions.add_parser("stats", help="coverage counts of the knowledge base")
    stats.add_argument("--json", action="store_true", help="print the counts as JSON")
    stats.set_defaults(func=run_stats)


def run_lookup(args: argparse.Namespace) -> int:
    from warta.article import to_dict
    from warta.knowledge import Knowledge

    found = Knowledge.load().lookup(args.text, args.date)
    if args.json:
        print(json.dumps(to_dict(found) if found else None, ensure_ascii=False, indent=2))
    elif found is None:
        print(f"{args.text!r}: not resolved")
    else:
        print(render_resolution(args.text, found))
    return 0 if found else 1


def render_resolution(text: str, found: Any) -> str:
    who = found.name or "(holder unknown)"
    lines = [f"{text} → {who}"]
    for label in ("id", "country", "sector", "kind", "role", "affiliation"):
        value = getattr(found, label)
        if value:
            lines.append(f"  {label + ':':<12} {value}")
    lines.append(f"  {'why:':<12} {found.why}")
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    from warta.knowledge import Knowledge

    report = Knowledge.load().stats()
    print(json.dumps(report, indent=2) if args.json else render_stats(report))
    return 0


def render_stats(report: dict[str, Any]) -> str:
    langs = report["aliases_by_language"]
    orgs = ", ".join(f"{k} {v}" for k, v in report["organisations"].items())
    top = list(report["people_by_country"].items())[:12]
    lines = [
        f"countries and territories  {report['countries']}",
        f"intergovernmental orgs     {report['igos']}",
        f"organisations              {sum(report['organisations'].values())} ({orgs})",
        f"people                     {report['people']}",
        f"tenures (dated roles)      {report['tenures']}",
        f"roles                      {report['roles']}",
        "role nouns                 "
        + ", ".join(f"{k} {v}" for k, v in report["role_nouns"].items()),
        f"metonyms                   {report['metonyms']}",
        f"aliases                    {report['aliases']}"
        f" (en {langs['en']}, id {langs['id']}, both {langs['both']})",
        "people by country          " + ", ".join(f"{k} {v}" for k, v in top),
    ]
    return "\n".join(lines)
