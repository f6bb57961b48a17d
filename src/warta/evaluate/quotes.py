"""Score the quotes stage on PFSA-ID: statement spans, cues and speakers, per quote kind.

Each PFSA-ID article is rebuilt from its tokens (joined by spaces, blocks by newlines, so
every gold token has exact offsets) and run through the pipeline stages that exist
(segment, entities, actors), then the quote stage. A predicted statement matches a gold
one when their tokens overlap (one to one, largest overlap first); it matches exactly
when the token ranges are equal once edge punctuation and quote marks are dropped.
Cue and speaker accuracy are measured on matched statements; a speaker is right when
its name or the phrase it points to shares a word (titles and role nouns aside) with the
gold speaker's full name.

PFSA-ID tags direct quotations only, so indirect statements are reported separately
(how many there are, and how many fall on a gold statement) and left out of "direct".
"""

from __future__ import annotations

import argparse
import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.article import Article, Quote, Token
from warta.errors import WartaError
from warta.evaluate import pfsa
from warta.pipeline import make_stage
from warta.quotes.lexicon import load_lexicon
from warta.resources import Resources

DEFAULT_STAGES = ("segment", "entities", "actors")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the pfsa-id folder")
    parser.add_argument("--split", choices=sorted(pfsa.SPLITS), default="test")
    parser.add_argument(
        "--stages",
        default=",".join(DEFAULT_STAGES),
        help="stages to run before quotes, when they exist (comma-separated)",
    )
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")


def run(args: argparse.Namespace) -> dict[str, Any]:
    stages = [s for s in args.stages.split(",") if s]
    return evaluate(args.data, split=args.split, stages=stages, limit=args.limit)


def evaluate(
    root: Path, *, split: str = "test", stages: list[str] | None = None, limit: int | None = None
) -> dict[str, Any]:
    resources = Resources()
    lexicon = load_lexicon(resources.lang("id"))
    ignore = lexicon.titles | lexicon.role_heads  # words that name a post, not a person
    docs = pfsa.read(root, split, ignore, lexicon.pronouns)[:limit]
    runner = _Runner(resources, list(DEFAULT_STAGES if stages is None else stages))
    tally = _Tally()
    for doc in docs:
        article, offsets = build_article(doc)
        runner(article)
        tally.add(doc, article, offsets, ignore)
    report = tally.report()
    report.update(data=str(root), split=split, articles=len(docs), stages=runner.used)
    report["stage_failures"] = runner.failures
    return report


def build_article(doc: pfsa.Document) -> tuple[Article, list[int]]:
    """The article text from gold tokens, and each token's start offset."""
    parts: list[str] = []
    starts: list[int] = []
    tokens: list[Token] = []
    pos = 0
    for i, token in enumerate(doc.tokens):
        if i:
            sep = "\n" if i in doc.breaks else " "
            parts.append(sep)
            pos += 1
        starts.append(pos)
        tokens.append(Token(token, pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    text = "".join(parts)
    return Article(raw=text, text=text, language="id", tokens=tokens), starts


class _Runner:
    """The stages before quotes that exist in this checkout, then quotes."""

    def __init__(self, resources: Resources, names: list[str]) -> None:
        self.stages = []
        self.used: list[str] = []
        self.failures = 0
        for name in names:
            try:
                self.stages.append(make_stage(name, resources))
                self.used.append(name)
            except (ImportError, AttributeError, WartaError):
                continue  # a stage not written yet: quotes copes without its output
        self.stages.append(make_stage("quotes", resources))
        self.used.append("quotes")

    def __call__(self, article: Article) -> None:
        for stage in self.stages[:-1]:
            try:
                stage(article)
            except Exception:  # a neighbour's failure on one article: score quotes without it
                self.failures += 1
        self.stages[-1](article)


@dataclass
class _Counts:
    gold: int = 0
    pred: int = 0
    overlap: int = 0
    exact: int = 0
    cue_right: int = 0
    cue_known: int = 0
    speaker_right: int = 0
    speaker_known: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "overlap": _prf(self.overlap, self.pred, self.gold),
            "exact": _prf(self.exact, self.pred, self.gold),
            "cue_accuracy": _ratio(self.cue_right, self.cue_known),
            "cue_scored": self.cue_known,
            "speaker_accuracy": _ratio(self.speaker_right, self.speaker_known),
            "speaker_scored": self.speaker_known,
        }


class _Tally:
    def __init__(self) -> None:
        self.kinds = {"direct": _Counts(), "all": _Counts()}
        self.indirect = {"predicted": 0, "on_gold_statement": 0}

    def add(
        self, doc: pfsa.Document, article: Article, starts: list[int], ignore: frozenset[str]
    ) -> None:
        spans = [(_token_range(q, starts, doc.tokens), q) for q in article.quotes]
        words = _SpeakerWords(article.text, ignore)
        self._score(self.kinds["all"], doc, doc.statements, spans, words)
        direct_gold = [g for g in doc.statements if g.direct]
        direct_pred = [(r, q) for r, q in spans if q.direct]
        self._score(self.kinds["direct"], doc, direct_gold, direct_pred, words)
        for (lo, hi), q in spans:
            if not q.direct:
                self.indirect["predicted"] += 1
                self.indirect["on_gold_statement"] += any(
                    lo < g.end and g.start < hi for g in doc.statements
                )

    def _score(
        self,
        c: _Counts,
        doc: pfsa.Document,
        gold: list[pfsa.GoldStatement],
        pred: list[tuple[tuple[int, int], Quote]],
        words: _SpeakerWords,
    ) -> None:
        c.gold += len(gold)
        c.pred += len(pred)
        for g, ((lo, hi), q) in _match(gold, pred):
            c.overlap += 1
            c.exact += (lo, hi) == (g.start, g.end)
            if g.cue:
                c.cue_known += 1
                c.cue_right += (q.cue or "").casefold() == g.cue.casefold()
            if g.speaker:
                c.speaker_known += 1
                c.speaker_right += bool(words(q) & g.speaker)

    def report(self) -> dict[str, Any]:
        return {
            "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
            "indirect": dict(self.indirect),
        }


class _SpeakerWords:
    """The words that identify a predicted speaker: its name and the words of the phrase
    it points to in the text ("Joko Widodo" from "Presiden Jokowi"), titles and role
    nouns aside, as the gold speaker's are."""

    def __init__(self, text: str, ignore: frozenset[str]) -> None:
        self.text = text
        self.ignore = ignore

    def __call__(self, q: Quote) -> frozenset[str]:
        words = pfsa.name_words(q.speaker_name or "", self.ignore)
        if q.speaker_start is not None and q.speaker_end is not None:
            words |= pfsa.name_words(self.text[q.speaker_start : q.speaker_end], self.ignore)
        return words


def _token_range(q: Quote, starts: list[int], tokens: list[str]) -> tuple[int, int]:
    lo = max(bisect.bisect_right(starts, q.start) - 1, 0)
    hi = bisect.bisect_left(starts, q.end)
    return pfsa.strip_edges(tokens, lo, hi)


def _match(
    gold: list[pfsa.GoldStatement], pred: list[tuple[tuple[int, int], Quote]]
) -> list[tuple[pfsa.GoldStatement, tuple[tuple[int, int], Quote]]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, ((lo, hi), _) in enumerate(pred):
            overlap = min(hi, g.end) - max(lo, g.start)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def _prf(hit: int, pred: int, gold: int) -> dict[str, float]:
    p, r = _ratio(hit, pred), _ratio(hit, gold)
    return {"precision": p, "recall": r, "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def render(report: dict[str, Any]) -> str:
    lines = [
        f"PFSA-ID {report['split']}: {report['articles']} articles;"
        f" stages: {', '.join(report['stages'])}",
        f"{'kind':8} {'gold':>5} {'pred':>5}  {'overlap P/R/F1':>20}  {'exact P/R/F1':>20}"
        f"  {'cue':>6} {'speaker':>8}",
    ]
    for kind, c in report["kinds"].items():
        o, e = c["overlap"], c["exact"]
        lines.append(
            f"{kind:8} {c['gold']:>5} {c['predicted']:>5}  "
            f"{o['precision']:.3f}/{o['recall']:.3f}/{o['f1']:.3f}  "
            f"{e['precision']:.3f}/{e['recall']:.3f}/{e['f1']:.3f}  "
            f"{c['cue_accuracy']:>6.3f} {c['speaker_accuracy']:>8.3f}"
        )
    ind = report["indirect"]
    lines.append(
        f"indirect: {ind['predicted']} predicted, {ind['on_gold_statement']} on a gold"
        " statement (PFSA-ID tags direct quotations only)"
    )
    if report.get("stage_failures"):
        lines.append(f"stage failures (quotes scored without them): {report['stage_failures']}")
    return "\n".join(lines)
