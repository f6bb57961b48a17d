"""Read PFSA-ID (Purnomo et al. 2022): Kompas articles with BILOU tags for statements,
cues and speakers. Licensed CC BY-NC-SA: Warta evaluates on it and never trains on it.

The corpus has no document separators: an article starts at its dateline ("JAKARTA ,
KOMPAS —"). STATEMENT spans run across the blank lines between blocks, so span state is
not reset there. The corpus marks only direct quotations as statements (with their quote
marks); reported speech is left untagged.

Each statement's speaker is not linked in the data, so it is read off the annotation the
way the annotators laid it out: the CUE or CUECOREF next to the statement, the PERSON or
PERSONCOREF next to that cue, and a coreferent mention ("Roland", "dia", "katanya")
traced back to the last full PERSON it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from warta.errors import DataError

SPLITS = {
    "test": "corpus/pfsa-id-test/test-data.txt",
    "dev": "corpus/pfsa-id/dev-40.txt",
}
_DASHES = {"—", "–", "-"}
_MARKS = {"“", "”", '"', "„", "‘", "’", "«", "»"}
_PUNCT = _MARKS | {",", ".", ":", ";", "!", "?"}


@dataclass(frozen=True, slots=True)
class Span:
    label: str
    start: int  # token index
    end: int  # token index, exclusive


@dataclass
class GoldStatement:
    start: int  # token range, edge quote marks and commas stripped
    end: int
    direct: bool
    cue: str | None = None
    speaker: frozenset[str] | None = None  # the name's words, lower-cased


@dataclass
class Document:
    tokens: list[str]
    breaks: set[int] = field(default_factory=set)  # token indices that start a block
    spans: list[Span] = field(default_factory=list)
    statements: list[GoldStatement] = field(default_factory=list)


def read(
    root: Path,
    split: str = "test",
    titles: frozenset[str] = frozenset(),
    pronouns: frozenset[str] = frozenset(),
) -> list[Document]:
    """The split's articles. ``titles`` are left out of names; ``pronouns`` (from the
    language pack) are traced back to the person they stand for."""
    path = Path(root) / SPLITS[split]
    if not path.is_file():
        raise DataError(f"PFSA-ID {split} file not found: {path}")
    tokens, tags, breaks = _read_lines(path)
    docs = []
    for lo, hi in _documents(tokens):
        doc = Document(tokens[lo:hi], {b - lo for b in breaks if lo <= b < hi})
        doc.spans = _spans(tags[lo:hi])
        doc.statements = _statements(doc, titles, pronouns)
        docs.append(doc)
    return docs


def _read_lines(path: Path) -> tuple[list[str], list[str], set[int]]:
    tokens: list[str] = []
    tags: list[str] = []
    breaks: set[int] = set()
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            breaks.add(len(tokens))
            continue
        token, _, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        tokens.append(token)
        tags.append(tag.strip() or "O")
    return tokens, tags, breaks


def _documents(tokens: list[str]) -> Iterator[tuple[int, int]]:
    starts = [0]
    for i in range(1, len(tokens) - 1):
        if tokens[i] == "KOMPAS" and tokens[i - 1] == "," and tokens[i + 1] in _DASHES:
            k = i - 1
            while k > 0 and tokens[k - 1].isupper() and tokens[k - 1].isalpha():
                k -= 1
            if k > starts[-1]:
                starts.append(k)
    starts.append(len(tokens))
    yield from pairwise(starts)


def _spans(tags: list[str]) -> list[Span]:
    """BILOU tags to spans; an I- or L- after O or another label starts a span too."""
    out: list[Span] = []
    label: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = label is not None and name == label and prefix in ("I", "L")
        if label is not None and not continues:
            out.append(Span(label, start, i))
            label = None
        if name and not continues:
            label, start = name, i
        if label is not None and prefix in ("L", "U"):
            out.append(Span(label, start, i + 1))
            label = None
    return out


def _statements(
    doc: Document, titles: frozenset[str], pronouns: frozenset[str]
) -> list[GoldStatement]:
    out = []
    for span in doc.spans:
        if span.label != "STATEMENT":
            continue
        start, end = strip_edges(doc.tokens, span.start, span.end)
        direct = doc.tokens[span.start] in _MARKS or doc.tokens[span.end - 1] in _MARKS
        cue, mention = _attribution(doc, span)
        speaker = _canonical(doc, mention, titles, pronouns) if mention else None
        out.append(GoldStatement(start, end, direct, cue, speaker))
    _inherit(doc, out)
    return out


def strip_edges(tokens: list[str], start: int, end: int) -> tuple[int, int]:
    while start < end and tokens[start] in _PUNCT:
        start += 1
    while end > start and tokens[end - 1] in _PUNCT:
        end -= 1
    return start, end


def _attribution(doc: Document, st: Span) -> tuple[str | None, Span | None]:
    """The cue beside a statement, and the speaker mention beside that cue."""
    by_start = {s.start: s for s in doc.spans}
    i = st.end
    while i < len(doc.tokens) and doc.tokens[i] in _PUNCT - {"."}:
        i += 1
    cue = by_start.get(i)
    if cue and cue.label in ("CUE", "CUECOREF"):
        return _words(doc, cue), _speaker_near(doc, cue)
    mention = by_start.get(i)
    if mention and mention.label in ("PERSON", "PERSONCOREF"):
        return _cue_after(doc, mention), mention  # “…,” Dia menambahkan.
    return _before(doc, st)


def _before(doc: Document, st: Span) -> tuple[str | None, Span | None]:
    for span in reversed([s for s in doc.spans if s.end <= st.start]):
        if "." in doc.tokens[span.end : st.start] or st.start - span.end > 25:
            return None, None
        if span.label in ("CUE", "CUECOREF"):
            return _words(doc, span), _speaker_near(doc, span)
    return None, None


def _speaker_near(doc: Document, cue: Span) -> Span | None:
    if cue.label == "CUECOREF":
        return cue  # katanya: resolved back like a pronoun
    people = [s for s in doc.spans if s.label in ("PERSON", "PERSONCOREF")]
    after = [s for s in people if 0 <= s.start - cue.end <= 12]
    if after and "." not in doc.tokens[cue.end : after[0].start]:
        return after[0]
    before = [s for s in people if 0 <= cue.start - s.end <= 12]
    return before[-1] if before else None


def _cue_after(doc: Document, mention: Span) -> str | None:
    for span in doc.spans:
        if span.label in ("CUE", "CUECOREF") and 0 <= span.start - mention.end <= 2:
            return _words(doc, span)
    return None


def _canonical(
    doc: Document, mention: Span, titles: frozenset[str], pronouns: frozenset[str]
) -> frozenset[str] | None:
    """A mention's full name: "Roland" and "dia" reach back to "Ajun Komisaris Roland Manurung"."""
    words = _name_words(doc.tokens[mention.start : mention.end], titles)
    full = [s for s in doc.spans if s.label == "PERSON" and s.end <= mention.start]
    if mention.label == "PERSON" and len(words) > 1:
        return words
    pronoun = mention.label == "CUECOREF" or words <= pronouns
    for span in reversed(full):
        name = _name_words(doc.tokens[span.start : span.end], titles)
        if pronoun or words & name:
            return name if not name <= pronouns else None
    return None if pronoun else words


def _inherit(doc: Document, statements: list[GoldStatement]) -> None:
    """A statement with no cue of its own continues its neighbour: “A.” “B,” kata X /
    “A,” kata X. “B.”"""
    for k in range(len(statements) - 2, -1, -1):
        first, second = statements[k], statements[k + 1]
        if first.speaker is None and second.speaker and _only(doc, first.end, second.start):
            first.speaker = second.speaker
    for k in range(1, len(statements)):
        first, second = statements[k - 1], statements[k]
        if second.speaker is None and first.speaker and _only(doc, first.end, second.start, True):
            second.speaker = first.speaker


def _only(doc: Document, lo: int, hi: int, frame: bool = False) -> bool:
    """Between two statements there is only punctuation (and, with ``frame``, attribution)."""
    labels = {"CUE", "CUECOREF", "PERSON", "PERSONCOREF", "ROLE", "AFFILIATION", "DATETIME"}
    labelled = {i for s in doc.spans if frame and s.label in labels for i in range(s.start, s.end)}
    return all(doc.tokens[i] in _PUNCT or i in labelled for i in range(lo, hi))


def _words(doc: Document, span: Span) -> str:
    return " ".join(doc.tokens[span.start : span.end])


def _name_words(tokens: list[str], titles: frozenset[str]) -> frozenset[str]:
    words = {t.casefold().strip(".") for t in tokens}
    return frozenset(w for w in words if w.isalpha() and w not in titles)


def name_words(name: str, titles: frozenset[str]) -> frozenset[str]:
    return _name_words(name.replace(",", " ").split(), titles)
