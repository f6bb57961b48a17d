"""Readers for the annotated NER corpora, mapped to one tag scheme (IOB2 over PER, ORG,
LOC, EVT), and seqeval-style span extraction.

Each corpus has its own file format and tag names (see each folder's PROVENANCE.md);
``CORPORA`` names the split files and the reader of each, so training and evaluation
read the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from warta.errors import DataError

# Corpus tag -> Warta type; None drops the span (NERP's food-and-beverage class has no
# counterpart in the other corpora or in Warta's actors).
TYPE_MAP: dict[str, str | None] = {
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "IND": "ORG",  # NERP: companies, media outlets, clubs
    "LOC": "LOC",
    "PLACE": "LOC",
    "LOCATION": "LOC",
    "PLC": "LOC",
    "EVT": "EVT",
    "FNB": None,
}


@dataclass(frozen=True, slots=True)
class Tagged:
    """One annotated sentence: words and their IOB2 tags in Warta's types."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Split:
    corpus: str
    path: str  # relative to the data folder
    format: str  # "tsv" (token TAB tag), "conll3" (token POS tag), "io" (raw IO tags)
    lowercased: bool = False


CORPORA: dict[str, Split] = {
    "nergrit-train": Split("nergrit", "indonlu-ner/nergrit_ner-grit/train_preprocess.txt", "tsv"),
    "nergrit-valid": Split("nergrit", "indonlu-ner/nergrit_ner-grit/valid_preprocess.txt", "tsv"),
    "nergrit-test": Split("nergrit", "indonlu-ner/nergrit_ner-grit/test_preprocess.txt", "tsv"),
    "nerp-train": Split("nerp", "indonlu-ner/nerp_ner-prosa/train_preprocess.txt", "tsv", True),
    "nerp-valid": Split("nerp", "indonlu-ner/nerp_ner-prosa/valid_preprocess.txt", "tsv", True),
    "nerp-test": Split("nerp", "indonlu-ner/nerp_ner-prosa/test_preprocess.txt", "tsv", True),
    "idner-train": Split("idner", "idner-news-2k/train.txt", "conll3"),
    "idner-dev": Split("idner", "idner-news-2k/dev.txt", "conll3"),
    "idner-test": Split("idner", "idner-news-2k/test.txt", "conll3"),
    "nerui-train": Split("nerui", "ner-ui/ner-id-1.train.tsv", "io"),
    "nerui-test": Split("nerui", "ner-ui/ner-id-1.test.tsv", "io"),
}


def read_split(data: Path, name: str) -> list[Tagged]:
    split = CORPORA[name]
    path = data / split.path
    if not path.is_file():
        raise DataError(f"{path} not found (is --data the shared data folder?)")
    return list(read_file(path, split.format))


def read_file(path: Path, fmt: str) -> Iterator[Tagged]:
    for rows in _blocks(path.read_text("utf-8")):
        pairs = [_row(line, fmt) for line in rows]
        pairs = [(w, t) for w, t in pairs if w]  # ner-ui has empty-token lines
        if not pairs:
            continue
        words = tuple(w for w, _ in pairs)
        raw = [t for _, t in pairs]
        tags = _from_io(raw) if fmt == "io" else _normalise_iob(raw)
        yield Tagged(words, tuple(tags))


def _blocks(text: str) -> Iterator[list[str]]:
    block: list[str] = []
    for line in text.splitlines():
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _row(line: str, fmt: str) -> tuple[str, str]:
    if fmt == "conll3":
        parts = line.split(" ")
        return parts[0].strip(), parts[-1].strip()
    word, _, tag = line.partition("\t")
    return word.strip(), tag.strip() or "O"


def _map(label: str) -> str | None:
    if label not in TYPE_MAP:
        raise DataError(f"unknown NER label {label!r}")
    return TYPE_MAP[label]


def _normalise_iob(raw: Sequence[str]) -> list[str]:
    """IOB2 in Warta types; an I- with no open span of its type starts one (NERP noise)."""
    out: list[str] = []
    for tag in raw:
        if tag == "O":
            out.append("O")
            continue
        prefix, _, label = tag.partition("-")
        kind = _map(label)
        if kind is None:
            out.append("O")
        elif prefix == "I" and out and out[-1] != "O" and out[-1][2:] == kind:
            out.append("I-" + kind)
        else:
            out.append("B-" + kind)
    return out


def _from_io(raw: Sequence[str]) -> list[str]:
    """Raw IO tags (ner-ui): a run of one type is one span (adjacent entities merge)."""
    out: list[str] = []
    previous = None
    for tag in raw:
        kind = None if tag == "O" else _map(tag)
        if kind is None:
            out.append("O")
        else:
            out.append(("I-" if kind == previous else "B-") + kind)
        previous = kind
    return out


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first, end) token spans of IOB2 tags, seqeval-style (a stray I- opens a span)."""
    found: list[tuple[str, int, int]] = []
    kind: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == kind
        if kind is not None and not inside:
            found.append((kind, start, i))
            kind = None
        if tag != "O" and not inside:
            kind, start = tag[2:], i
    return found


def lowercase(sentences: Iterable[Tagged]) -> list[Tagged]:
    return [Tagged(tuple(w.lower() for w in s.words), s.tags) for s in sentences]
