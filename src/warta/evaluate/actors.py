"""Score actor resolution on annotated passages (``warta eval actors [--data DIR]``).

Each passage in ``passages.toml`` (default: ``tests/golden/actors``) is segmented, given
the names a tagger would find as oracle entities (``--ner`` runs the entity stage
instead), and resolved by the ``actors`` stage. An expectation holds when the actor at
the given mention (``article.actor_at``) has the expected id, country, sector and role
(those given), or when no actor is there and none was expected. Accuracy is the share of
expectations that hold, overall and per category (name, partial, role, metonym…).
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.article import Actor, Article, Entity
from warta.errors import DataError
from warta.resources import Resources

DEFAULT_DATA = Path("tests/golden/actors")
CHECKED = ("id", "country", "sector", "role")


@dataclass(frozen=True, slots=True)
class Outcome:
    passage: str
    mention: str
    category: str
    ok: bool
    got: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of passages.toml")
    parser.add_argument("--ner", action="store_true", help="use the entity stage, not oracle names")
    parser.add_argument("--errors", action="store_true", help="list the failed expectations")


def run(args: argparse.Namespace) -> dict[str, Any]:
    passages = load_passages(args.data)
    outcomes = evaluate(passages, Resources(), use_ner=args.ner)
    report = summarise(outcomes)
    report["passages"] = len(passages)
    if args.errors:
        report["errors"] = [vars_of(o) for o in outcomes if not o.ok]
    return report


def render(report: dict[str, Any]) -> str:
    lines = [
        f"passages {report['passages']}, expectations {report['total']},"
        f" accuracy {report['accuracy']:.3f}"
    ]
    for cat, row in report["categories"].items():
        lines.append(f"  {cat:<11} {row['correct']:>3}/{row['total']:<3} {row['accuracy']:.3f}")
    for err in report.get("errors", []):
        lines.append(f"  ✗ {err['passage']}: {err['mention']!r} ({err['category']}) → {err['got']}")
    return "\n".join(lines)


def load_passages(folder: Path) -> list[dict[str, Any]]:
    path = folder / "passages.toml"
    try:
        return list(tomllib.loads(path.read_text("utf-8"))["passage"])
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{path}: {exc}") from exc


def evaluate(
    passages: list[dict[str, Any]], resources: Resources, *, use_ner: bool = False
) -> list[Outcome]:
    from warta.pipeline import make_stage

    names = ("segment", "entities", "actors") if use_ner else ("segment", "actors")
    stages = [make_stage(name, resources) for name in names]
    outcomes = []
    for passage in passages:
        article = build_article(passage, oracle=not use_ner)
        for stage in stages:
            stage(article)
        outcomes += [check(article, passage["id"], e) for e in passage.get("expect", [])]
    return outcomes


def build_article(passage: dict[str, Any], *, oracle: bool = True) -> Article:
    text = passage["text"]
    article = Article(raw=text, text=text, published=passage.get("date"))
    article.language = passage.get("lang", "id")
    article.paragraphs = [(0, len(text))]
    if oracle:
        article.entities = list(_oracle_entities(text, passage.get("entities", [])))
    return article


def _oracle_entities(text: str, names: list[list[str]]) -> list[Entity]:
    found: dict[tuple[int, int], Entity] = {}
    for name, type_ in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(s < m.end() and m.start() < e for s, e in found):
                found[(m.start(), m.end())] = Entity(name, type_, m.start(), m.end(), "gold")
    return sorted(found.values(), key=lambda e: e.start)


def check(article: Article, passage: str, expect: dict[str, Any]) -> Outcome:
    mention, nth = expect["m"], int(expect.get("n", 1))
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", article.text)]
    if len(spans) < nth:
        raise DataError(f"{passage}: {mention!r} occurs {len(spans)} times, not {nth}")
    span = spans[nth - 1]
    actor = article.actor_at(*span)
    ok = _matches(actor, expect)
    if "ids" in expect:  # a plural mention must belong to each of its referents
        owners = {a.id for a in article.actors if span in a.mentions}
        ok = set(expect["ids"]) <= owners
        actor = None if ok else actor
    return Outcome(passage, mention, expect.get("cat", "other"), ok, _describe(actor))


def _matches(actor: Actor | None, expect: dict[str, Any]) -> bool:
    if expect.get("id") == "":
        return actor is None
    if actor is None:
        return False
    return all(getattr(actor, key) == expect[key] for key in CHECKED if key in expect)


def _describe(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.id} {actor.country}/{actor.sector}/{actor.role}"


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    total, correct = Counter[str](), Counter[str]()
    for o in outcomes:
        total[o.category] += 1
        correct[o.category] += o.ok
    return {
        "total": len(outcomes),
        "correct": sum(correct.values()),
        "accuracy": round(sum(correct.values()) / len(outcomes), 4) if outcomes else 0.0,
        "categories": {
            cat: {"total": n, "correct": correct[cat], "accuracy": round(correct[cat] / n, 4)}
            for cat, n in sorted(total.items())
        },
    }


def vars_of(outcome: Outcome) -> dict[str, Any]:
    return {
        "passage": outcome.passage,
        "mention": outcome.mention,
        "category": outcome.category,
        "got": outcome.got,
    }
