"""Speaker phrases around a cue, as token ranges.

After a bare cue the speaker follows ("kata Michael Madden, seorang ahli … di Stimson
Center"); before a full verb the subject precedes it ("Dmitry Peskov, juru bicara
Kremlin, dalam sebuah video …, menyebut bahwa"). In both, the first comma chunk is the
name (or role phrase) and one following chunk may be an apposition that gives a role.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.quotes.lexicon import Lexicon
from warta.quotes.tokens import Tokens

_CHUNK_BREAKS = {",", ";", ":", "—", "–"}


@dataclass(slots=True)  # not frozen: see Speaker (quotes.people)
class Phrase:
    head: tuple[int, int]  # token range of the name or role phrase
    apposition: tuple[int, int] | None = None  # token range of "seorang ahli … di X"

    @property
    def end(self) -> int:
        return max(self.head[1], self.apposition[1] if self.apposition else 0)

    @property
    def start(self) -> int:
        return min(self.head[0], self.apposition[0] if self.apposition else self.head[0])


def phrase_after(toks: Tokens, i: int, lex: Lexicon, limit: int) -> Phrase | None:
    """The speaker phrase that starts at token ``i`` (right after a cue)."""
    j = _run(toks, i, lex, limit, stop_words=True)
    if j == i:
        return None
    if toks[i].text[:1].islower() and toks.word(i) in lex.role_heads and _named_after(toks, j, lex):
        # "kata peneliti senior Centropolis, Suryono Herlambang, di Jakarta"
        k = _run(toks, j + 1, lex, limit, stop_words=True)
        return Phrase((j + 1, k), (i, j))
    return Phrase((i, j), _apposition(toks, j, lex, limit))


def _named_after(toks: Tokens, j: int, lex: Lexicon) -> bool:
    if j + 1 >= len(toks) or toks[j].text != ",":
        return False
    return toks[j + 1].text[:1].isupper() and toks.word(j + 1) not in lex.stop


def subject_before(toks: Tokens, first: int, verb: int, lex: Lexicon) -> Phrase | None:
    """The subject of the verb at token ``verb``, searching back to token ``first``.

    The subject is the comma chunk next to the verb, unless that chunk is an apposition
    ("Peskov, juru bicara Kremlin, menyebut"); a role chunk before the name is kept as
    its apposition ("Pengamat ekonomi dari Universitas Bengkulu, Kamaludin, menilai").
    """
    chunks = _chunks(toks, first, verb)
    while chunks and _opens_adjunct(toks, chunks[-1], lex):
        chunks.pop()  # "…, dalam sebuah video yang diunggah online, menyebut"
    if not chunks:
        return None
    k = len(chunks) - 1
    if (
        k > 0
        and _is_apposition(toks, chunks[k], lex)
        and not _determined(toks, chunks[k], verb, lex)
    ):
        k -= 1
    appo = chunks[k + 1] if k + 1 < len(chunks) else None
    if appo is None and k > 0 and toks.word(chunks[k - 1][0]) in lex.role_heads:
        appo = chunks[k - 1]
    head = _strip_auxiliaries(toks, _strip_openers(toks, chunks[k], lex), lex)
    if head[0] >= head[1] or (head[1] - head[0] == 1 and toks.word(head[0]) in lex.openers):
        return None  # "Tanpa menyebutkan identitas …": no subject at all
    if head[1] - head[0] > lex.max_speaker_tokens:
        head = (head[1] - lex.max_speaker_tokens, head[1])
    return Phrase(head, appo)


def _determined(toks: Tokens, chunk: tuple[int, int], verb: int, lex: Lexicon) -> bool:
    """ "…, the ministry said": a chunk opened by a determiner and joined to the verb with
    no comma is its subject; "Peskov, the Kremlin spokesman, said" is an apposition."""
    return toks.word(chunk[0]) in lex.subject_determiners and toks[verb - 1].text != ","


def _is_apposition(toks: Tokens, chunk: tuple[int, int], lex: Lexicon) -> bool:
    word = toks[chunk[0]].text
    return word[:1].islower() and (word in lex.apposition or word in lex.role_heads)


def role_and_affiliation(
    toks: Tokens, span: tuple[int, int], lex: Lexicon
) -> tuple[str, str | None]:
    """Split an apposition into role and affiliation: "seorang ahli X di Stimson Center"."""
    i, j = span
    while i < j and toks.word(i) in lex.apposition:
        i += 1  # seorang, selaku, yang (juga) …
    while i < j and toks.word(i) in {"juga", "merupakan", "adalah", "satu"}:
        i += 1
    for k in range(j - 1, i, -1):
        if toks.word(k) in lex.affiliation and k + 1 < j and toks[k + 1].text[:1].isupper():
            return toks.span_text(i, k), toks.span_text(k + 1, j)
    return toks.span_text(i, j) if j > i else "", None


def _run(toks: Tokens, i: int, lex: Lexicon, limit: int, *, stop_words: bool) -> int:
    # every token of every speaker phrase passes here: the bounds, the token list and
    # the word sets are read once, not at each token
    items, words, marks, stop = toks.items, toks.words, lex.marks, lex.stop
    last = min(len(items), i + lex.max_speaker_tokens)
    j = i
    while j < last and items[j].end <= limit:
        if toks.is_boundary(j, marks) and items[j].text not in "()":
            break
        if stop_words and j > i and words[j] in stop:
            break
        j += 1
    return _trim_brackets(toks, i, j)


def _trim_brackets(toks: Tokens, i: int, j: int) -> int:
    """Drop an unclosed "(" at the end: "kata Roland (45)" keeps "(45)", "kata X (" does not."""
    texts = [t.text for t in toks.items[i:j]]
    if texts.count("(") > texts.count(")"):
        return j - 1 - texts[::-1].index("(")  # the last "("
    return j


def _apposition(toks: Tokens, j: int, lex: Lexicon, limit: int) -> tuple[int, int] | None:
    if j + 1 >= len(toks) or toks[j].text != ",":
        return None
    first = toks.word(j + 1)
    if first not in lex.apposition and first not in lex.role_heads:
        return None
    end = _run(toks, j + 1, lex, limit, stop_words=False)
    return (j + 1, end) if end > j + 1 else None


def _chunks(toks: Tokens, first: int, last: int) -> list[tuple[int, int]]:
    out, start = [], first
    for k in range(first, last):
        if toks[k].text in _CHUNK_BREAKS:
            if k > start:
                out.append((start, k))
            start = k + 1
    if last > start:
        out.append((start, last))
    return out


def _opens_adjunct(
    toks: Tokens, chunk: tuple[int, int], lex: Lexicon, *, openers: bool = False
) -> bool:
    words = lex.openers if openers else lex.stop
    return toks.word(chunk[0]) in words


def _strip_openers(toks: Tokens, chunk: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    i, j = chunk
    while i < j - 1 and toks.word(i) in lex.openers:
        i += 1
    return i, j


def _strip_auxiliaries(toks: Tokens, chunk: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    i, j = chunk
    while j > i and toks.word(j - 1) in lex.auxiliaries:
        j -= 1
    return i, j
