"""Shared scoring for the event-data community's English gold records (PLOVER, PETRARCH).

A gold record is one or a few sentences with event codings: a PLOVER type, the source
and target actor codes. Warta analyses the text and its events are compared with the
codings on three levels:

- **type accuracy**: the record's main predicted type (the event whose trigger comes
  first, as the main clause's verb leads an English news sentence) against the gold
  type of a one-event record; "none" when Warta codes nothing;
- **(type, source, target) F1**: every gold coding expands to tuples over its compound
  actors; Warta's events give tuples of the same shape; a tuple is right when the type
  and both actor keys are equal (a missing target equals a missing target);
- per type: precision, recall and F1 of types alone, and a confusion table of main types.

Warta codes an announced act with status "planned" and a refused one with "negated";
CAMEO, and the gold records with it, code them as categories of their own (intent to
cooperate: AGREE; threat: THREATEN; refusal: REJECT). ``eventdata.toml`` states these
intent and refusal rules; the report gives the type accuracy with and without them.

Actor keys follow one documented rule (``actor_key`` and ``gold_key``): CAMEO codes are
three-letter blocks, the first naming the country (ISO 3166 alpha-3, with the old CAMEO
spellings renamed by ``eventdata.toml``) or a transnational kind (IGO, NGO, IMG, …);
"---" is an unknown country. Warta's actor key is its country code when that is a state,
else the kind of body its sector names (IGO for intergovernmental organisations).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from warta.article import ActorRef, Article, Event
from warta.errors import DataError
from warta.pipeline import ORDER, make_stage
from warta.resources import Resources

NONE = "none"
INTENDED = ("planned", "hypothetical")  # statuses of an announced or conditional act
REFUSED = ("negated", "denied")
Tuple = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str  # PLOVER 0.8 category
    sources: tuple[str | None, ...]  # actor keys (None: no source coded)
    targets: tuple[str | None, ...]
    code: str = ""  # the record's own code (CAMEO or old PLOVER name)
    mutual: bool = False  # a compound actor coded as both source and target ("A and B agreed")

    def tuples(self) -> set[Tuple]:
        if self.mutual:
            members = sorted({k for k in self.sources + self.targets if k}, key=str)
            pairs = {(a, b) for a in members for b in members if str(a) < str(b)}
            return {(self.type, a, b) for a, b in pairs} or {(self.type, None, None)}
        return {(self.type, s, t) for s in self.sources or (None,) for t in self.targets or (None,)}


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    excluded: int = 0  # codings whose code maps to no PLOVER type
    mentions: tuple[str, ...] = ()  # the gold actors' words in the text ("Hungarian")


@dataclass(frozen=True, slots=True)
class CodeTables:
    """Renamings read from ``eventdata.toml``: old CAMEO country codes and transnational
    kinds (actor keys), old PLOVER category names (types)."""

    countries: dict[str, str]
    sectors: dict[str, str]
    old_plover: dict[str, str]
    intent: dict[str, str]  # Warta type of a planned event -> the CAMEO-style category
    refusal: dict[str, str]  # Warta type of a negated event -> the CAMEO-style category

    @classmethod
    def load(cls) -> CodeTables:
        path = importlib_resources.files("warta.evaluate").joinpath("eventdata.toml")
        data = tomllib.loads(path.read_text("utf-8"))
        return cls(
            countries=dict(data["cameo_countries"]),
            sectors=dict(data["sectors"]),
            old_plover=dict(data["old_plover"]),
            intent={t: cat for cat, types in data["intent"].items() for t in types},
            refusal={t: cat for cat, types in data["negation"].items() for t in types},
        )

    def gold_type(self, event: Event, *, intent: bool = True) -> str:
        """Warta's event type as the gold records' ontology names it (``intent``: with
        the intent and refusal rules of ``eventdata.toml``)."""
        if intent and event.status in INTENDED:
            return self.intent.get(event.type, event.type)
        if intent and event.status in REFUSED:
            return self.refusal.get(event.type, event.type)
        return event.type

    def gold_key(self, code: str | None) -> str | None:
        """The actor key of a CAMEO actor code ("RUSGOV" -> "RUS", "IGOUNO" -> "IGO")."""
        code = (code or "").strip().upper()
        if not code or code.startswith("---"):
            return None
        block = code[:3]
        return self.countries.get(block, block)

    def actor_key(self, ref: ActorRef | None, states: frozenset[str]) -> str | None:
        """The actor key of a Warta actor: its state, else the kind its sector names."""
        if ref is None:
            return None
        if ref.country and ref.country in states:
            return ref.country
        if ref.sector in self.sectors:
            return self.sectors[ref.sector]
        return ref.country


def read_cameo_map(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type from the published ``CAMEO2PLOVER`` table
    (``code: TYPE, mode, context # description``)."""
    if not path.is_file():
        raise DataError(f"{path}: the CAMEO to PLOVER table is missing")
    table: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        code, sep, rest = line.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        kind = rest.split(",", 1)[0].strip()
        if kind:
            table[code.strip()] = kind
    return table


def plover_of(cameo: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: the longest listed prefix (0311, 031, 03)."""
    for size in range(len(cameo), 1, -1):
        if cameo[:size] in table:
            return table[cameo[:size]]
    return None


# -- running Warta ------------------------------------------------------------------------


class Runner:
    """The pipeline stages that exist, with English as the given language."""

    def __init__(self, resources: Resources) -> None:
        self.stages = []
        self.used: list[str] = []
        for name in ORDER:
            try:
                self.stages.append(make_stage(name, resources))
                self.used.append(name)
            except (ImportError, AttributeError):
                continue  # a neighbouring stage not written yet
        self.failures = 0
        self.article = Article(raw="")  # the last record's analysis

    def __call__(self, text: str, date: str | None) -> list[Event]:
        article = self.article = Article(raw=text, language="en", published=date)
        try:
            for stage in self.stages:
                stage(article)
        except Exception:  # a stage's bug on one record must not stop the evaluation
            self.failures += 1
            return []
        return list(article.events)


# -- scoring -------------------------------------------------------------------------------


@dataclass
class Tally:
    tables: CodeTables
    states: frozenset[str]
    records: int = 0
    typed: int = 0  # one-event records (scored for type accuracy)
    type_right: int = 0
    raw_right: int = 0  # without the intent and refusal rules
    any_right: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dyads: Counter[str] = field(default_factory=Counter)  # (source, target) alone: tp, fp, fn
    gold_events: int = 0
    found_events: int = 0  # gold codings whose tuple Warta produced
    excluded: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    type_tp: Counter[str] = field(default_factory=Counter)
    type_fp: Counter[str] = field(default_factory=Counter)
    type_fn: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)  # gold actor words found

    def cover(self, record: GoldRecord, article: Article) -> None:
        """How many of the gold actors' words an entity, and an actor mention, overlaps:
        the measure of the English name recogniser and actor resolution."""
        spans = {
            "entity": [(e.start, e.end) for e in article.entities],
            "actor": [m for a in article.actors for m in a.mentions],
        }
        for words in record.mentions:
            i = article.text.find(words)
            if i < 0:
                continue
            self.mentions["total"] += 1
            for kind, found in spans.items():
                self.mentions[kind] += any(s < i + len(words) and i < e for s, e in found)

    def add(self, record: GoldRecord, events: Sequence[Event]) -> None:
        self.records += 1
        self.excluded += record.excluded
        mutual = {g.type for g in record.events if g.mutual}
        predicted = {_unordered(self._tuple(e), mutual) for e in events}
        gold = set().union(*(g.tuples() for g in record.events)) if record.events else set()
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        got_pairs, gold_pairs = {p[1:] for p in predicted}, {g[1:] for g in gold}
        self.dyads.update(
            tp=len(got_pairs & gold_pairs),
            fp=len(got_pairs - gold_pairs),
            fn=len(gold_pairs - got_pairs),
        )
        self.gold_events += len(record.events)
        self.found_events += sum(bool(g.tuples() & predicted) for g in record.events)
        self._types(record, events)

    def _tuple(self, event: Event) -> Tuple:
        key = self.tables.actor_key
        kind = self.tables.gold_type(event)
        return (kind, key(event.source, self.states), key(event.target, self.states))

    def _types(self, record: GoldRecord, events: Sequence[Event]) -> None:
        gold = Counter(g.type for g in record.events)
        got = Counter(self.tables.gold_type(e) for e in events)
        for kind in gold | got:
            hit = min(gold[kind], got[kind])
            self.type_tp[kind] += hit
            self.type_fp[kind] += got[kind] - hit
            self.type_fn[kind] += gold[kind] - hit
        if len(record.events) != 1:
            return
        self.typed += 1
        truth = record.events[0].type
        first = min(events, key=_position) if events else None
        main = self.tables.gold_type(first) if first else NONE
        self.confusion[(truth, main)] += 1
        self.type_right += main == truth
        self.raw_right += first is not None and first.type == truth
        self.any_right += truth in got
        if main != truth and len(self.examples) < 400:
            self.examples.append({"id": record.id, "gold": truth, "main": main})

    def report(self) -> dict[str, Any]:
        types = sorted(set(self.type_tp) | set(self.type_fn) | set(self.type_fp))
        return {
            "records": self.records,
            "type_accuracy": _ratio(self.type_right, self.typed),
            "type_accuracy_plain": _ratio(self.raw_right, self.typed),
            "type_any_accuracy": _ratio(self.any_right, self.typed),
            "typed_records": self.typed,
            "tuples": _prf(self.tp, self.fp, self.fn),
            "dyads": _prf(self.dyads["tp"], self.dyads["fp"], self.dyads["fn"]),
            "gold_events": self.gold_events,
            "events_found": self.found_events,
            "excluded_codings": self.excluded,
            "actor_words": {
                "total": self.mentions["total"],
                "entity": _ratio(self.mentions["entity"], self.mentions["total"]),
                "actor": _ratio(self.mentions["actor"], self.mentions["total"]),
            },
            "per_type": {
                t: {
                    "gold": self.type_tp[t] + self.type_fn[t],
                    **_prf(self.type_tp[t], self.type_fp[t], self.type_fn[t]),
                }
                for t in types
            },
            "confusion": _confusion(self.confusion),
            "misses": self.examples,
        }


def _unordered(item: Tuple, mutual: set[str]) -> Tuple:
    """A mutual gold event names its parties without order: so is the prediction read."""
    kind, source, target = item
    if kind not in mutual or source is None or target is None:
        return item
    first, second = sorted((source, target), key=str)
    return (kind, first, second)


def _position(event: Event) -> int:
    """Where the event's trigger stands (the first mention's), for "the first event"."""
    return event.mentions[0].trigger_start if event.mentions else event.start


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = _ratio(tp, tp + fp)
    r = _ratio(tp, tp + fn)
    f = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _confusion(pairs: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for (gold, got), n in sorted(pairs.items()):
        table.setdefault(gold, {})[got] = n
    return table


# -- rendering -----------------------------------------------------------------------------


def render_scores(report: dict[str, Any]) -> Iterator[str]:
    tuples = report["tuples"]
    yield f"records: {report['records']} ({report['typed_records']} with one event)"
    yield (
        f"type accuracy (main event): {report['type_accuracy']:.3f}"
        f"   plain types (no intent/refusal rule): {report['type_accuracy_plain']:.3f}"
        f"   any event of the gold type: {report['type_any_accuracy']:.3f}"
    )
    yield (
        f"(type, source, target) P {tuples['precision']:.3f} R {tuples['recall']:.3f}"
        f" F1 {tuples['f1']:.3f}   (tp {tuples['tp']}, fp {tuples['fp']}, fn {tuples['fn']})"
    )
    dyads = report["dyads"]
    yield (
        f"(source, target) alone P {dyads['precision']:.3f} R {dyads['recall']:.3f}"
        f" F1 {dyads['f1']:.3f}"
    )
    words = report["actor_words"]
    if words["total"]:
        yield (
            f"gold actor words ({words['total']}) found as an entity: {words['entity']:.3f},"
            f" as an actor mention: {words['actor']:.3f}"
        )
    yield ""
    yield f"{'type':<12}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}"
    for kind, row in report["per_type"].items():
        scores = "".join(f"{row[k]:>8.3f}" for k in ("precision", "recall", "f1"))
        yield f"{kind:<12}{row['gold']:>6}{scores}"
    yield ""
    yield from render_confusion(report["confusion"])


def render_confusion(confusion: dict[str, dict[str, int]]) -> Iterator[str]:
    columns = sorted({c for row in confusion.values() for c in row})
    short = [c[:5] for c in columns]
    yield "confusion (rows gold, columns Warta's main event):"
    yield " " * 12 + "".join(f"{c:>6}" for c in short)
    for gold, row in confusion.items():
        yield f"{gold:<12}" + "".join(f"{row.get(c, 0) or '.':>6}" for c in columns)


def states_of(resources: Resources) -> frozenset[str]:
    try:
        return frozenset(resources.knowledge.countries)
    except (ImportError, AttributeError):
        return frozenset()


def score(
    records: Iterable[GoldRecord], runner: Runner, tables: CodeTables, states: frozenset[str]
) -> dict[str, Any]:
    tally = Tally(tables, states)
    for record in records:
        tally.add(record, runner(record.text, record.date))
        tally.cover(record, runner.article)
    report = tally.report()
    report["stages"] = runner.used
    report["stage_failures"] = runner.failures
    return report
