"""Score event coding: P/R/F1 on (type, source country, target country), status and attribution.

Gold sets
---------
- the team's development set ``tests/golden/events/dev.toml`` (format in its header):
  passages with their actors (every surface form, country, sector, kind) and events
  ("TYPE SOURCE TARGET status [attr=COUNTRY]").
- PFSA-ID annotations ``tests/golden/events/pfsa.jsonl``: by document id and character
  offsets into PFSA-ID's own text (no text is copied; see ``warta.evaluate.pfsa``).

Modes: ``gold`` actors (the annotated actors are given to the coder, so the score is the
event coder's own) or ``pipeline`` (every stage runs, so actor errors count too).
Matching: a predicted event matches an unmatched gold event of the same passage with the
same type and the same (source, target) countries; for mutual types (ontology
``symmetric``) the pair is unordered.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.article import Actor, Article, Event, Sentence, Token
from warta.errors import DataError
from warta.knowledge.ontology import Ontology

GOLDEN = Path(__file__).resolve().parents[3] / "tests" / "golden" / "events"
DEV_SET = GOLDEN / "dev.toml"
_TOKEN = re.compile(r"\w+(?:[-'/]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[\"“A-Z0-9])")


# -- building articles from a gold passage -------------------------------------------------


def gold_article(
    text: str, actors: Iterable[dict[str, Any]], published: str | None = None
) -> Article:
    """An Article with sentences, tokens and the given actors (mentions found by their forms).

    Sentences and tokens come from a plain splitter so that the event coder can be scored
    without the other stages; ``pipeline`` mode uses the real ones.
    """
    article = Article(raw=text, text=text, published=published, language="id")
    article.sentences = list(split_sentences(text))
    article.tokens = [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    article.actors = [_gold_actor(text, spec) for spec in actors]
    return article


def split_sentences(text: str) -> Iterator[Sentence]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        quote = 1 if m.group()[0] in '"”' else 0
        yield Sentence(start, m.start() + quote)
        start = m.end()
    if text[start:].strip():
        yield Sentence(start, len(text.rstrip()))


def _gold_actor(text: str, spec: dict[str, Any]) -> Actor:
    mentions: list[tuple[int, int]] = []
    for form in spec["forms"]:
        if not form:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            mentions.append((m.start(), m.end()))
    return Actor(
        id=spec.get("id", spec["forms"][0]),
        name=spec.get("name", spec["forms"][0]),
        country=spec.get("country"),
        sector=spec.get("sector"),
        kind=spec.get("kind", "person"),
        mentions=tuple(sorted(set(mentions))),
        known=True,
    )


# -- gold data -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    source: str | None
    target: str | None
    status: str
    attributed_to: str | None = None


@dataclass
class Passage:
    id: str
    text: str
    published: str | None
    actors: list[dict[str, Any]]
    events: list[GoldEvent]


def load_dev(path: Path = DEV_SET) -> list[Passage]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{path}: {exc}") from exc
    return [_passage(p) for p in data.get("passage", [])]


def _passage(data: dict[str, Any]) -> Passage:
    return Passage(
        id=data["id"],
        text=data["text"],
        published=data.get("published"),
        actors=[parse_actor(a) for a in data.get("actors", [])],
        events=[parse_event(e) for e in data.get("events", [])],
    )


def parse_actor(line: str) -> dict[str, Any]:
    """ "Kim Jong Un; Kim = PRK GOV person" -> an actor spec for ``gold_article``."""
    forms, _, codes = line.partition("=")
    names = [f.strip() for f in forms.split(";")]
    country, sector, kind = [*codes.split(), "-", "-", "person"][:3]
    return {
        "forms": names,
        "id": names[0],
        "name": names[0],
        "country": None if country == "-" else country,
        "sector": None if sector == "-" else sector,
        "kind": kind,
    }


def parse_event(line: str) -> GoldEvent:
    parts = line.split()
    attr = next((p[5:] for p in parts[4:] if p.startswith("attr=")), None)
    return GoldEvent(parts[0], _code(parts[1]), _code(parts[2]), parts[3], attr)


def _code(value: str) -> str | None:
    return None if value == "-" else value


# -- scoring -------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_ok: int = 0
    attr_ok: int = 0
    types: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    statuses: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "events_gold": self.tp + self.fn,
            "events_predicted": self.tp + self.fp,
            "matched": self.tp,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "status_accuracy": round(self.status_ok / self.tp, 4) if self.tp else 0.0,
            "attribution_accuracy": round(self.attr_ok / self.tp, 4) if self.tp else 0.0,
            "type_confusion": _table(self.types),
            "status_confusion": _table(self.statuses),
            "errors": self.errors,
        }


def score(pairs: Iterable[tuple[str, list[GoldEvent], list[Event]]], ontology: Ontology) -> Tally:
    """Tally predicted against gold events, passage by passage."""
    tally = Tally()
    for doc_id, gold, predicted in pairs:
        _score_one(tally, doc_id, gold, predicted, ontology)
    return tally


def _score_one(
    tally: Tally, doc_id: str, gold: list[GoldEvent], predicted: list[Event], ontology: Ontology
) -> None:
    left = list(gold)
    for event in predicted:
        src = event.source.country if event.source else None
        tgt = event.target.country if event.target else None
        symmetric = ontology.code(event.type, event.mode).symmetric
        match = next((g for g in left if _same(g, event.type, src, tgt, symmetric)), None)
        if match is None:
            tally.fp += 1
            loose = next((g for g in left if {g.source, g.target} == {src, tgt}), None)
            if loose is not None:
                tally.types[(loose.type, event.type)] += 1
            tally.errors.append(_error(doc_id, "spurious", event.type, src, tgt, event.status))
            continue
        left.remove(match)
        tally.tp += 1
        tally.types[(match.type, event.type)] += 1
        tally.statuses[(match.status, event.status)] += 1
        tally.status_ok += match.status == event.status
        attr = event.attributed_to.country if event.attributed_to else None
        tally.attr_ok += match.attributed_to == attr
        if match.status != event.status:
            tally.errors.append(
                _error(doc_id, f"status {match.status}", event.type, src, tgt, event.status)
            )
    for g in left:
        tally.fn += 1
        tally.errors.append(_error(doc_id, "missed", g.type, g.source, g.target, g.status))


def _same(g: GoldEvent, type_: str, src: str | None, tgt: str | None, symmetric: bool) -> bool:
    if g.type != type_:
        return False
    if (g.source, g.target) == (src, tgt):
        return True
    return (symmetric or _symmetric_gold(g)) and (g.source, g.target) == (tgt, src)


def _symmetric_gold(g: GoldEvent) -> bool:
    return g.type in ("AGREE", "COOPERATE") or (g.type == "CONSULT" and g.source is not None)


def _error(doc: str, kind: str, type_: str, src: Any, tgt: Any, status: str) -> dict[str, Any]:
    return {"doc": doc, "kind": kind, "event": f"{type_} {src or '-'} {tgt or '-'} {status}"}


def _table(counter: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for (gold, pred), n in sorted(counter.items()):
        table.setdefault(gold, {})[pred] = n
    return table


# -- running -------------------------------------------------------------------------------


def evaluate_dev(
    path: Path = DEV_SET, *, mode: str = "gold", resources: Any = None
) -> dict[str, Any]:
    from warta.events.stage import EventStage
    from warta.resources import Resources

    resources = resources or Resources()
    stage = EventStage(resources)
    passages = load_dev(path)
    pipeline = _pipeline(resources) if mode == "pipeline" else None
    runs = []
    for passage in passages:
        if pipeline is not None:
            article = pipeline(passage)
        else:
            article = gold_article(passage.text, passage.actors, passage.published)
            stage(article)
        runs.append((passage.id, passage.events, article.events))
    report = score(runs, stage.ontology).report()
    report.update({"set": str(path), "passages": len(passages), "actors": mode})
    return report


def _pipeline(resources: Any) -> Any:
    """Every stage but language identification: a one-sentence passage is too short to
    identify, and the set is Indonesian by construction."""
    from warta.pipeline import make_stage

    clean = make_stage("clean", resources)
    rest = [make_stage(name, resources) for name in AFTER_TEXT]

    def run(passage: Passage) -> Article:
        article = Article(raw=passage.text, published=passage.published)
        clean(article)
        article.language = "id"
        for stage in rest:
            stage(article)
        return article

    return run


# -- PFSA-ID annotations ---------------------------------------------------------------------

PFSA_SET = GOLDEN / "pfsa.toml"
AFTER_TEXT = ("segment", "entities", "actors", "quotes", "events")


def pfsa_text(doc: Any) -> str:
    """A PFSA-ID document's text: its tokens joined by spaces, blocks by newlines."""
    parts: list[str] = []
    for i, token in enumerate(doc.tokens):
        if i:
            parts.append("\n" if i in doc.breaks else " ")
        parts.append(token)
    return "".join(parts)


def evaluate_pfsa(root: Path, path: Path = PFSA_SET, *, resources: Any = None) -> dict[str, Any]:
    """Score the whole pipeline (text onwards) on the team's PFSA-ID event annotations."""
    import hashlib

    from warta.evaluate import pfsa
    from warta.pipeline import make_stage
    from warta.resources import Resources

    resources = resources or Resources()
    stages = [make_stage(name, resources) for name in AFTER_TEXT]
    data = tomllib.loads(path.read_text("utf-8"))
    splits: dict[str, list[Any]] = {}
    runs = []
    for entry in data.get("document", []):
        split, index = entry["id"].split(":")
        docs = splits.setdefault(split, pfsa.read(root, split))
        text = pfsa_text(docs[int(index)])
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != entry["sha1"]:
            raise DataError(f"PFSA-ID document {entry['id']} is not the annotated text")
        article = Article(raw=text, text=text, language="id")
        for stage in stages:
            stage(article)
        region = int(entry["region"])
        predicted = [e for e in article.events if min(m.trigger_start for m in e.mentions) < region]
        gold = [parse_event(" ".join(e.split()[3:])) for e in entry["events"]]
        runs.append((entry["id"], gold, predicted))
    from warta.knowledge.ontology import Ontology

    report = score(runs, Ontology.load()).report()
    report.update({"set": str(path), "documents": len(runs), "actors": "pipeline"})
    return report


# -- CLI plug-in (``warta eval events``) ---------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--set", type=Path, default=DEV_SET, help="development set (TOML)")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="PFSA-ID folder (../shared/data/pfsa-id): score the PFSA-ID annotations too",
    )
    parser.add_argument(
        "--actors",
        choices=("gold", "pipeline"),
        default="gold",
        help="gold: give the coder the annotated actors; pipeline: run every stage",
    )
    parser.add_argument("--errors", action="store_true", help="list every error")


def run(args: argparse.Namespace) -> dict[str, Any]:
    report = {args.set.stem: evaluate_dev(args.set, mode=args.actors)}
    if args.data is not None:
        report["pfsa"] = evaluate_pfsa(args.data)
    if not getattr(args, "errors", False):
        for part in report.values():
            part.pop("errors", None)
    return report


def render(report: dict[str, Any]) -> str:
    lines = []
    for name, part in report.items():
        lines.append(
            f"{name}: {part.get('passages', part.get('documents', '?'))} passages,"
            f" actors={part['actors']}, gold {part['events_gold']},"
            f" predicted {part['events_predicted']}, matched {part['matched']}"
        )
        lines.append(
            f"  P {part['precision']:.3f}  R {part['recall']:.3f}  F1 {part['f1']:.3f}"
            f"  status acc {part['status_accuracy']:.3f}"
            f"  attribution acc {part['attribution_accuracy']:.3f}"
        )
        lines.append("  type confusion (gold -> predicted):")
        for gold, row in part["type_confusion"].items():
            cells = ", ".join(f"{k} {v}" for k, v in row.items())
            lines.append(f"    {gold:10} {cells}")
        for err in part.get("errors", []):
            lines.append(f"  {err['doc']}: {err['kind']}: {err['event']}")
    return "\n".join(lines)
