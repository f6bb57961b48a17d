"""Score English event coding on PETRARCH's validation records (CAMEO root -> PLOVER type,
source, target), next to the published figure of the UniversalPetrarch port.

``text/PETR.UnitTest.records.xml`` (MIT) holds ``<Sentence date= id=>`` records, each with
``<EventCoding sourcecode= targetcode= eventcode=>`` gold codings (or ``noevents="True"``:
nothing should be coded; records marked ``error`` test PETRARCH's error handling and are
skipped) and the ``<Text>``. CAMEO event codes become PLOVER types through the published
``CAMEO2PLOVER-2021.txt`` (longest listed prefix); codes it does not list (CAMEO 01 and 02,
the suite's private 9xx codes) are counted as excluded, not scored.

Most records are stylised sentences about fictional states (Arnor, Gondor, the Shire):
the ``<Environment>`` block names the actor dictionary the suite is coded with, so that
dictionary (in ``../dictionaries``) is added to Warta's knowledge for this evaluation
only, each entry as a state or body under its code's first block. Verbs and agents are
not taken from the suite: the events come from Warta's own English patterns.

Caution on types: the suite's gold event codes come from its own test verb dictionary
(``PETR.Validate.verbs.txt``), which gives verbs codes chosen to exercise the coder, not
CAMEO's meanings (AGREE 081, ARREST 212, ASK 090; "restore diplomatic ties" 064, where
CAMEO 2.0 has 050). Type agreement therefore says little; the (source, target) scores
and the share of gold codings found are the comparable figures.
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from warta.errors import DataError
from warta.evaluate.eventgold import (
    CodeTables,
    GoldEvent,
    GoldRecord,
    Runner,
    plover_of,
    read_cameo_map,
    render_scores,
    score,
    states_of,
)
from warta.resources import Resources

RECORDS = Path("text") / "PETR.UnitTest.records.xml"
CAMEO_MAP = "CAMEO2PLOVER-2021.txt"
# Published figure of the UniversalPetrarch port on these validation records.
PUBLISHED = {
    "system": "UniversalPetrarch",
    "records": 243,
    "true_positive": 0.68,
    "false_positive": 0.23,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the petrarch2 folder")
    parser.add_argument(
        "--plover",
        type=Path,
        default=None,
        help=f"folder with {CAMEO_MAP} (default: the plover folder next to --data)",
    )
    parser.add_argument(
        "--no-dictionary",
        action="store_true",
        help="do not add the suite's actor dictionary to the knowledge base",
    )
    parser.add_argument("--limit", type=int, default=None, help="score the first N records")


def run(args: argparse.Namespace) -> dict[str, Any]:
    plover = args.plover or args.data.parent / "plover"
    return evaluate(
        args.data, plover / CAMEO_MAP, dictionary=not args.no_dictionary, limit=args.limit
    )


def evaluate(
    root: Path, cameo_map: Path, *, dictionary: bool = True, limit: int | None = None
) -> dict[str, Any]:
    tables = CodeTables.load()
    table = read_cameo_map(cameo_map)
    path = root / RECORDS
    tree = _parse(path)
    records = [r for r in read_records(tree, table, tables) if r is not None][:limit]
    resources = Resources()
    if dictionary:
        from warta.evaluate.tabari import knowledge_with

        actor_file = root / "dictionaries" / _environment(tree, "Actorfile")
        resources = Resources(knowledge=knowledge_with(resources.knowledge, actor_file))
    report = score(records, Runner(resources), tables, states_of(resources))
    report.update(
        data=str(root),
        actor_dictionary=dictionary,
        published=PUBLISHED,
        comparable=_comparable(report),
    )
    return report


def _parse(path: Path) -> ET.Element:
    if not path.is_file():
        raise DataError(f"{path}: PETRARCH validation records not found")
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DataError(f"{path}: {exc}") from exc


def _environment(tree: ET.Element, key: str) -> str:
    node = tree.find(f"Environment/{key}")
    if node is None or not (node.text or "").strip():
        raise DataError(f"validation records: <Environment> names no {key}")
    return (node.text or "").strip()


def read_records(
    tree: ET.Element, table: dict[str, str], tables: CodeTables
) -> list[GoldRecord | None]:
    return [_record(node, table, tables) for node in tree.iter("Sentence")]


def _record(node: ET.Element, table: dict[str, str], tables: CodeTables) -> GoldRecord | None:
    codings = node.findall("EventCoding")
    if any("error" in c.attrib for c in codings):
        return None
    events: list[GoldEvent] = []
    excluded = 0
    for coding in codings:
        if coding.get("noevents") or "eventcode" not in coding.attrib:
            continue
        code = coding.get("eventcode", "").strip()
        kind = plover_of(code, table)
        if kind is None:
            excluded += 1
            continue
        source = tables.gold_key(coding.get("sourcecode"))
        target = tables.gold_key(coding.get("targetcode"))
        events.append(GoldEvent(kind, (source,), (target,), code))
    text = re.sub(r"\s+", " ", node.findtext("Text") or "").strip()
    return GoldRecord(node.get("id", ""), text, _date(node.get("date")), tuple(events), excluded)


def _date(value: str | None) -> str | None:
    if not value or len(value) != 8 or not value.isdigit():
        return None
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


def _comparable(report: dict[str, Any]) -> dict[str, float]:
    """Warta's figures in the published shape: the share of gold codings produced, and the
    share of produced codings that are false."""
    tuples = report["tuples"]
    produced = tuples["tp"] + tuples["fp"]
    found = report["events_found"] / report["gold_events"] if report["gold_events"] else 0.0
    dyads = report["dyads"]
    made = dyads["tp"] + dyads["fp"]
    return {
        "true_positive": round(found, 4),
        "false_positive": round(tuples["fp"] / produced, 4) if produced else 0.0,
        "dyad_true_positive": dyads["recall"],
        "dyad_false_positive": round(dyads["fp"] / made, 4) if made else 0.0,
    }


def render(report: dict[str, Any]) -> str:
    pub, ours = report["published"], report["comparable"]
    lines = ["PETRARCH validation records (English), Warta's event coding", ""]
    lines += render_scores(report)
    lines += [
        "",
        f"gold codings: {report['gold_events']} scored, {report['excluded_codings']} excluded"
        " (CAMEO codes CAMEO2PLOVER does not map)",
        f"Warta:             {ours['true_positive']:.0%} true positives,"
        f" {ours['false_positive']:.0%} false positives on {report['records']} records"
        " (PLOVER type, source and target country)",
        f"Warta, (source, target) alone: {ours['dyad_true_positive']:.0%} true positives,"
        f" {ours['dyad_false_positive']:.0%} false positives",
        f"{pub['system']} (published): {pub['true_positive']:.0%} true positives,"
        f" {pub['false_positive']:.0%} false positives on {pub['records']} records"
        " (full CAMEO codes, the suite's own dictionaries)",
        "note: the suite's event codes come from its test verb dictionary, not CAMEO's"
        " meanings; compare the (source, target) scores",
        f"actor dictionary of the suite added: {report['actor_dictionary']}",
        f"stages: {', '.join(report['stages'])}; failures: {report['stage_failures']}",
    ]
    return "\n".join(lines)
