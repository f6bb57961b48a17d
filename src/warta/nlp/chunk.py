"""Word classes for the event coder's chunking, learned from the UD Indonesian treebanks.

The event coder groups words into noun phrases to find a preposition's object ("terhadap
keanggotaan penuh Palestina") and must stop at a verb ("ke Jepang untuk bertemu PM
Kishida"). Without a lexicon it guesses a verb from its prefix (meN-, ber-, di-, ter-);
this module learns, from the treebanks' gold parts of speech, which word forms are
verbal (VERB, AUX) and which nominal (NOUN, PROPN, ADJ, NUM), so that bare verbs ("tiba",
"datang") and prefixed nouns ("pertemuan", "terdakwa") are classed right.

Training data: UD Indonesian-CSUI (train) and -GSD (dev), CC BY-SA 4.0. The shipped
``chunk_id.tsv`` is derived from them and is distributed under the same licence, with
attribution to the treebanks' authors (see ../shared/data/ud-id-*/README.md). The test
splits (CSUI test, GSD test, PUD) are left for measuring the tagger.

``warta train chunk --data ../shared/data`` rebuilds the file and reports the accuracy of
the verbal/nominal decision on the held-out test splits.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

TRAIN = ("ud-id-csui/id_csui-ud-train.conllu", "ud-id-gsd/id_gsd-ud-dev.conllu")
TEST = (
    "ud-id-csui/id_csui-ud-test.conllu",
    "ud-id-gsd/id_gsd-ud-test.conllu",
    "ud-id-pud/id_pud-ud-test.conllu",
)
VERBAL = frozenset(("VERB", "AUX"))
NOMINAL = frozenset(("NOUN", "PROPN", "ADJ", "NUM"))
MODEL = "chunk_id.tsv"


@cache
def load_classes(code: str = "id") -> dict[str, str]:
    """Word form (lower case) -> "V" (verbal) or "N" (nominal); empty when not shipped."""
    path = resources.files("warta.nlp").joinpath(f"chunk_{code}.tsv")
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, cls = line.split("\t")
            out[word] = cls
    return out


def read_conllu(path: Path) -> Iterator[tuple[str, str]]:
    """(surface form, UPOS) per word; a multiword token takes its first part's tag."""
    pending: tuple[int, str] | None = None
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0]:
            pending = (int(cols[0].split("-")[0]), cols[1])
            continue
        if "." in cols[0]:
            continue
        if pending is not None and int(cols[0]) == pending[0]:
            yield pending[1].lower(), cols[3]
            continue
        if pending is not None and int(cols[0]) <= pending[0] + 3:
            continue  # later parts of the multiword token
        pending = None
        yield cols[1].lower(), cols[3]


def learn(paths: list[Path]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        for word, upos in read_conllu(path):
            if upos in VERBAL:
                counts[word]["V"] += 1
            elif upos in NOMINAL:
                counts[word]["N"] += 1
    return {w: c.most_common(1)[0][0] for w, c in counts.items() if w.isalpha()}


def accuracy(classes: dict[str, str], paths: list[Path]) -> dict[str, Any]:
    """How often the verbal/nominal decision is right on held-out words, with the
    lexicon (falling back to the prefix guess) and with the prefix guess alone."""
    seen = lexicon_right = prefix_right = known = 0
    for path in paths:
        for word, upos in read_conllu(path):
            if upos not in VERBAL | NOMINAL or not word.isalpha():
                continue
            gold = "V" if upos in VERBAL else "N"
            guess = _prefix_guess(word)
            seen += 1
            known += word in classes
            lexicon_right += classes.get(word, guess) == gold
            prefix_right += guess == gold
    return {
        "words": seen,
        "in_lexicon": round(known / seen, 4) if seen else 0.0,
        "accuracy_lexicon": round(lexicon_right / seen, 4) if seen else 0.0,
        "accuracy_prefix_only": round(prefix_right / seen, 4) if seen else 0.0,
    }


def _prefix_guess(word: str) -> str:
    return "V" if word.startswith(("me", "ber", "di", "ter", "per")) else "N"


# -- ``warta train chunk`` -------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument(
        "--out", type=Path, default=None, help=f"where to write (default: the shipped {MODEL})"
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    from warta.errors import DataError

    train = [args.data / p for p in TRAIN]
    test = [args.data / p for p in TEST]
    for path in train + test:
        if not path.is_file():
            raise DataError(f"treebank file not found: {path}")
    classes = learn(train)
    out = args.out or Path(str(resources.files("warta.nlp").joinpath(MODEL)))
    lines = [
        "# Verbal (V) / nominal (N) word forms learned from UD Indonesian-CSUI train and",
        "# -GSD dev (CC BY-SA 4.0); this file is shared under the same licence.",
        *(f"{w}\t{c}" for w, c in sorted(classes.items())),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = {"out": str(out), "forms": len(classes)}
    report.update(accuracy(classes, test))
    return report


def render(report: dict[str, Any]) -> str:
    return (
        f"{report['forms']} word forms -> {report['out']}\n"
        f"held-out UD words: {report['words']}, {report['in_lexicon']:.1%} in the lexicon;"
        f" verbal/nominal accuracy {report['accuracy_lexicon']:.1%} with it,"
        f" {report['accuracy_prefix_only']:.1%} with the prefix guess alone"
    )
