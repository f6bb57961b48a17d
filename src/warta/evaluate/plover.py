"""Score English event coding on PLOVER's gold-standard records (type, source, target).

The records (``gold_standard_records/PLOVER_GSR_CAMEO.txt``, CC BY-SA 4.0) are one JSON
array: each record holds one example sentence from the CAMEO manual, its PLOVER event
type and lists of source and target actors with CAMEO-style codes. The first record
(``event: DOCUMENT``) documents the file and is skipped. The records predate PLOVER 0.8:
their DEMAND, DISAPPROVE, INVESTIGATE and FIGHT are renamed to the 0.8 categories the
way ``CAMEO2PLOVER-2021.txt`` maps the CAMEO roots they stood for (``eventdata.toml``).
A record whose markup tags its actors ``SRC/TAR`` codes a compound, mutual event ("Jordan
and Britain have agreed"): its parties are compared without order.

Scoring is in ``warta.evaluate.eventgold``; nothing here is tuned to the records.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from warta.errors import DataError
from warta.evaluate.eventgold import (
    CodeTables,
    GoldEvent,
    GoldRecord,
    Runner,
    render_scores,
    score,
    states_of,
)
from warta.resources import Resources

RECORDS = Path("gold_standard_records") / "PLOVER_GSR_CAMEO.txt"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the plover folder")
    parser.add_argument("--limit", type=int, default=None, help="score the first N records")


def run(args: argparse.Namespace) -> dict[str, Any]:
    return evaluate(args.data, limit=args.limit)


def evaluate(root: Path, *, limit: int | None = None) -> dict[str, Any]:
    tables = CodeTables.load()
    records = read(root, tables)[:limit]
    resources = Resources()
    report = score(records, Runner(resources), tables, states_of(resources))
    report["data"] = str(root)
    return report


def read(root: Path, tables: CodeTables) -> list[GoldRecord]:
    path = root / RECORDS
    if not path.is_file():
        raise DataError(f"{path}: PLOVER gold-standard records not found")
    try:
        items = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: {exc}") from exc
    return [_record(item, tables) for item in items if item.get("event") != "DOCUMENT"]


def _record(item: dict[str, Any], tables: CodeTables) -> GoldRecord:
    kind = str(item["event"])
    event = GoldEvent(
        type=tables.old_plover.get(kind, kind),
        sources=_actors(item.get("source"), tables),
        targets=_actors(item.get("target"), tables),
        code=kind,
        mutual="SRC/TAR" in _markup(item),
    )
    words = tuple(
        str(a["actorText"]).strip()
        for key in ("source", "target")
        if isinstance(item.get(key), list)
        for a in item[key]
        if isinstance(a, dict) and str(a.get("actorText", "")).strip()
    )
    text = str(item["text"])
    return GoldRecord(str(item["id"]), text, item.get("date"), (event,), mentions=words)


def _markup(item: dict[str, Any]) -> str:
    info = item.get("textInfo")
    return str(info.get("markup", "")) if isinstance(info, dict) else ""


def _actors(value: Any, tables: CodeTables) -> tuple[str | None, ...]:
    """Actor keys of a source or target list; "" or a stray string means none coded."""
    if not isinstance(value, list):
        return ()
    keys = [tables.gold_key(a.get("code")) for a in value if isinstance(a, dict)]
    return tuple(dict.fromkeys(keys))


def render(report: dict[str, Any]) -> str:
    lines = ["PLOVER gold-standard records (English), Warta's event coding", ""]
    lines += render_scores(report)
    lines += ["", f"stages: {', '.join(report['stages'])}; failures: {report['stage_failures']}"]
    return "\n".join(lines)
