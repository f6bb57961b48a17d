"""Score the entity tagger on annotated corpora (``warta eval ner --data PATH``).

Exact span match, seqeval-style: a predicted entity counts only when its type, first and
last word equal a gold entity's. Each set is scored on the types its corpus annotates
(an EVT prediction is not an error on a corpus that never marks events).

By default the tagger alone is scored. ``--stage`` scores the ``entities`` stage instead:
the tagger combined with the knowledge base's gazetteer, as ``warta read`` runs it, over
the corpus's own tokens (an entity that does not start and end on corpus tokens counts
as a miss).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from warta.article import Article, Sentence, Token
from warta.nlp.ner.corpora import Tagged, read_split, spans
from warta.nlp.ner.tagger import Tagger

# name -> (splits read together, types scored)
SETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "nergrit-test": (("nergrit-test",), ("PER", "ORG", "LOC")),
    "idner-news-2k-test": (("idner-test",), ("PER", "ORG", "LOC")),
    "ner-ui": (("nerui-train", "nerui-test"), ("PER", "ORG", "LOC")),
    "nerp-test": (("nerp-test",), ("PER", "ORG", "LOC", "EVT")),
}


@dataclass
class Tally:
    tp: Counter[str]
    pred: Counter[str]
    gold: Counter[str]

    def report(self, types: Iterable[str]) -> dict[str, Any]:
        per_type = {t: _prf(self.tp[t], self.pred[t], self.gold[t]) for t in types}
        overall = _prf(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values()))
        return {"overall": overall, "types": per_type}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--models", type=Path, default=None, help="models folder to load from")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument(
        "--stage", action="store_true", help="score the entities stage (tagger + gazetteer)"
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    from warta.lang import load_pack

    if args.stage:
        return evaluate(StageTagger(), args.data, args.sets)
    tagger = Tagger.load(load_pack("id"), directory=args.models)
    return evaluate(tagger, args.data, args.sets)


class SpanTagger(Protocol):
    def spans(self, words: Sequence[str]) -> list[tuple[str, int, int]]: ...


class StageTagger:
    """The entities stage seen as a tagger over a corpus sentence's words."""

    def __init__(self, resources: Any = None) -> None:
        from warta.nlp.entities import EntityStage
        from warta.resources import Resources

        self.stage = EntityStage(resources or Resources())

    def spans(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        tokens, offset = [], 0
        for word in words:
            tokens.append(Token(word, offset, offset + len(word)))
            offset += len(word) + 1
        text = " ".join(words)
        article = Article(raw=text, text=text, language="id", tokens=tokens)
        article.sentences = [Sentence(0, len(text))]
        self.stage(article)
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i + 1 for i, t in enumerate(tokens)}
        return [
            (e.type, starts[e.start], ends[e.end])
            for e in article.entities
            if e.start in starts and e.end in ends
        ]


def evaluate(tagger: SpanTagger, data: Path, sets: Iterable[str] = SETS) -> dict[str, Any]:
    report = {}
    for name in sets:
        splits, types = SETS[name]
        sentences = [s for split in splits for s in read_split(data, split)]
        report[name] = score(tagger, sentences, types)
    return report


def score(tagger: SpanTagger, sentences: Iterable[Tagged], types: Iterable[str]) -> dict[str, Any]:
    kept = tuple(types)
    tally = Tally(Counter(), Counter(), Counter())
    for sentence in sentences:
        gold = {s for s in spans(sentence.tags) if s[0] in kept}
        pred = {s for s in tagger.spans(sentence.words) if s[0] in kept}
        tally.gold.update(s[0] for s in gold)
        tally.pred.update(s[0] for s in pred)
        tally.tp.update(s[0] for s in gold & pred)
    return tally.report(kept)


def _prf(tp: int, pred: int, gold: int) -> dict[str, float | int]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": gold}


def render(report: dict[str, Any]) -> str:
    lines = [f"{'set':<20} {'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for name, result in report.items():
        rows = [("ALL", result["overall"]), *result["types"].items()]
        for kind, m in rows:
            lines.append(
                f"{name:<20} {kind:<8} {m['precision']:>6.3f} {m['recall']:>6.3f}"
                f" {m['f1']:>6.3f} {m['support']:>6}"
            )
    return "\n".join(lines)
