"""Indirect (reported) speech: statements without quotation marks.

    Peskov menyebut bahwa pertemuan ini akan menjadi kunjungan berskala penuh.
    Menurut Peskov, pertemuan itu akan berlangsung pekan depan.
    Pertemuan itu akan berlangsung pekan depan, katanya.

The statement is the complement clause, up to the end of the sentence. A sentence whose
complement opens a quotation is left to the direct-quote finder.
"""

from __future__ import annotations

import bisect
from itertools import compress, count

from warta.article import Sentence
from warta.quotes.claims import Claim, Source
from warta.quotes.direct import according_pronoun, according_source, after_cue, subject_source
from warta.quotes.lexicon import Lexicon
from warta.quotes.marks import Quoted
from warta.quotes.phrases import phrase_after
from warta.quotes.tokens import Tokens

_END = ".!?…;"
_INTRO = {",", ":"}
ADJUNCT_WORDS = 4


def find_indirect(
    toks: Tokens, sentences: list[Sentence], lex: Lexicon, quoted: list[Quoted]
) -> list[Claim]:
    out = []
    # The cue words' places, found in one pass over the article: most sentences have
    # none, and the others are read at those words only (was a fifth of the stage).
    cues = lex.indirect_cues
    # (compress over a map of set probes picks them in C: ~10 % less than a comprehension)
    at = list(compress(count(), map(cues.__contains__, toks.words)))
    inside = _Inside(quoted)
    # where the cue words start: a sentence with none is passed over before its tokens
    # are looked up (two bisections and a walk back a sentence: 3 % of the stage, py-spy)
    cue_starts = [toks.starts[k] for k in at]
    for sentence in sentences:
        j = bisect.bisect_left(cue_starts, sentence.start)
        if j == len(cue_starts) or cue_starts[j] >= sentence.end:
            continue
        if sentence.start in inside:  # (after the cue test: most sentences fail that first)
            continue
        first, last = toks.after(sentence.start), toks.before(sentence.end) + 1
        ks = at[j : bisect.bisect_left(at, last)]  # (cue j is the first at or after first)
        claim = _in_sentence(toks, first, last, ks, lex, quoted, inside) if ks else None
        if claim is not None:
            out.append(claim)
    return out


def _in_sentence(
    toks: Tokens,
    first: int,
    last: int,
    cues: list[int],
    lex: Lexicon,
    quoted: list[Quoted],
    inside: _Inside,
) -> Claim | None:
    """The sentence's statement: tokens ``first`` to ``last - 1``, cue words at ``cues``."""
    for k in cues:
        word = toks.words[k]
        if toks[k].start in inside:
            continue
        if k > first and toks[k].text[:1].isupper():
            continue  # capitalised inside a sentence: part of a name ("United States")
        if word in lex.according or according_pronoun(word, lex):
            claim = _according_claim(toks, k, first, last, lex, quoted)
        elif lex.is_verb(word) and k > first:
            claim = _verb_claim(toks, k, first, last, lex, quoted)
        elif lex.cue_after(word) and k > first + 1 and toks[k - 1].text == ",":
            claim = _after_claim(toks, k, first, last, lex, quoted)
        elif word in lex.passive:
            claim = _agent(toks, k, last, lex)
        else:
            continue
        if claim is not None:
            return claim
    return None


def _verb_claim(
    toks: Tokens, k: int, first: int, last: int, lex: Lexicon, quoted: list[Quoted]
) -> Claim | None:
    c, framed = _adjunct_then_complementiser(toks, k + 1, last, lex), False
    while c < last and (toks[c].text in _INTRO or toks.word(c) in lex.complementisers):
        c, framed = c + 1, True
    if not framed and toks.word(k) in lex.verbs_need_complement:
        return None
    source = subject_source(toks, first, k, lex)
    if source is None:
        return None
    if all(toks[m].text in _END for m in range(c, last)):
        return _closing_tag_claim(toks, first, k, source, lex, quoted)
    return _claim(toks, c, last, source, lex, quoted)


def _closing_tag_claim(
    toks: Tokens, first: int, k: int, source: Source, lex: Lexicon, quoted: list[Quoted]
) -> Claim | None:
    """ "Ukraine attacked the base, the ministry said.": a speech verb that closes the
    sentence after its subject (English order) reports what stands before the comma."""
    begin = k - 1
    if source.phrase is not None:
        appos = source.phrase.apposition
        begin = min(source.phrase.head[0], appos[0] if appos else k) - 1
    else:
        while begin > first and toks[begin].text != ",":
            begin -= 1
    if begin <= first or toks[begin].text != ",":
        return None
    return _claim(toks, first, begin, source, lex, quoted, trim=False)


def _adjunct_then_complementiser(toks: Tokens, c: int, last: int, lex: Lexicon) -> int:
    """ "said on Tuesday that …", "mengatakan pada Senin bahwa …": a short time or place
    adjunct (stop words and capitalised words) may stand between the verb and its
    complementiser; the statement starts at the complementiser."""
    for m in range(c, min(c + ADJUNCT_WORDS + 1, last)):
        if toks.word(m) in lex.complementisers:
            return m
        if toks.word(m) not in lex.stop and not toks[m].text[:1].isupper():
            break
    return c


def _according_claim(
    toks: Tokens, k: int, first: int, last: int, lex: Lexicon, quoted: list[Quoted]
) -> Claim | None:
    source = according_source(toks, k, toks[last - 1].end, lex)
    if source is None:
        return None
    after = _past_comma(toks, toks.after(source.end), last)
    if k == first or _only_openers(toks, first, k, lex):
        return _claim(toks, after, last, source, lex, quoted)  # Menurut X, …
    if after < last and toks[after].text not in _END:
        return _claim(toks, first, last, source, lex, quoted)  # …, menurut X, …
    end = k - 1 if k - 1 > first and toks[k - 1].text == "," else k
    return _claim(toks, first, end, source, lex, quoted, trim=False)  # …, menurut X.


def _after_claim(
    toks: Tokens, k: int, first: int, last: int, lex: Lexicon, quoted: list[Quoted]
) -> Claim | None:
    cue = lex.cue_after(toks.word(k))
    source = after_cue(toks, k, cue[1], lex)  # type: ignore[index]
    if _past_comma(toks, toks.after(source.end), last) < last:
        # "Tentang larangan itu, lanjut Sitorus, masyarakat bisa …": the cue is a
        # parenthesis, and the statement is the whole sentence around it
        return _claim(toks, first, last, source, lex, quoted)
    return _claim(toks, first, k - 1, source, lex, quoted, trim=False)


def _only_openers(toks: Tokens, first: int, k: int, lex: Lexicon) -> bool:
    """ "Karena itu, menurut Ferry, …": only discourse words stand before the source."""
    return all(toks.word(j) in lex.openers or toks[j].text == "," for j in range(first, k))


def _past_comma(toks: Tokens, i: int, last: int) -> int:
    """The token after the comma that closes a source phrase ("Menurut jadwal yang …, X")."""
    for j in range(i, last):
        if toks[j].text == ",":
            return j + 1
    return i


def _agent(toks: Tokens, k: int, last: int, lex: Lexicon) -> Claim | None:
    """ "Hal itu disampaikan Kepala Dinas X": no statement, but X is who spoke last."""
    i = k + 2 if toks.word(k + 1) == "oleh" else k + 1
    if i >= last or not toks[i].text[:1].isupper():
        return None
    phrase = phrase_after(toks, i, lex, toks[last - 1].end)
    if phrase is None:
        return None
    source = Source("phrase", toks[k].text, phrase, end=toks[phrase.end - 1].end)
    return Claim(toks[k].start, toks[k].end, False, source, statement=False)


def _claim(
    toks: Tokens,
    i: int,
    j: int,
    source: Source,
    lex: Lexicon,
    quoted: list[Quoted],
    *,
    trim: bool = True,
) -> Claim | None:
    """The statement from token i to token j-1, without final punctuation."""
    if trim:
        while j > i and toks[j - 1].text in _END:
            j -= 1
    if j - i < lex.min_indirect_words or toks[i].text in lex.marks:
        return None
    start, end = toks[i].start, toks[j - 1].end
    for q in quoted:
        if start <= q.open < end and (q.close is None or q.close >= end):
            end = q.open  # a quotation that runs past the sentence is direct speech
    end = len(toks.text[:end].rstrip(" \n,.:;"))
    if len(toks.text[start:end].split()) < lex.min_indirect_words:
        return None
    return Claim(start, end, False, source)


class _Inside:
    """The offsets inside a quotation, its marks included: the quotations' spans merged
    once, so that each test is one bisection, not a pass over every quotation."""

    def __init__(self, quoted: list[Quoted]) -> None:
        spans = sorted((q.open, q.close if q.close is not None else q.end) for q in quoted)
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset <= self.ends[k]
