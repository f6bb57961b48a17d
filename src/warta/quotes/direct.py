"""Where a direct quotation's speaker is named: after it, before it, or nowhere near.

After:  “…,” kata Peskov.  /  “…,” katanya.  /  “…,” Peskov menambahkan.
Before: Peskov mengatakan, “…”  /  Menurut Peskov, “…”  /  Ia menegaskan: “…”
        and a partial quote inside a reporting sentence: Peskov menyebut kunjungan itu
        “berskala penuh”.
"""

from __future__ import annotations

from warta.quotes.claims import NO_SOURCE, Source
from warta.quotes.lexicon import Lexicon
from warta.quotes.marks import Quoted
from warta.quotes.phrases import Phrase, phrase_after, subject_before
from warta.quotes.tokens import Tokens

_SKIP = {",", "—", "–", "-"}
# A sentence end right after the closing mark (“…”. as English often writes it): the
# quote's sentence is over, and a speaker named later belongs to the next one.
_ENDS = {".", "!", "?", "…"}


def source_of(q: Quoted, toks: Tokens, lex: Lexicon, sentence_start: int) -> Source:
    after = _after(q.close, toks, lex) if q.close is not None else None
    return after or _before(q, toks, lex, sentence_start) or NO_SOURCE


def _after(close: int, toks: Tokens, lex: Lexicon) -> Source | None:
    i = toks.after(close + 1)
    while i < len(toks) and toks[i].text in _SKIP:
        i += 1
    if i >= len(toks) or _gap(toks, close, i) or toks[i].text in _ENDS:
        return None
    cue = lex.cue_after(toks.word(i))
    if cue is not None:
        return after_cue(toks, i, cue[1], lex)
    if toks.text[:close].rstrip().endswith("."):
        return None  # the quote closed its sentence: what follows is a new one
    return _after_inverted(toks, i, lex)


def _gap(toks: Tokens, close: int, i: int) -> bool:
    """More than a space or a comma between the closing mark and the next word ends the frame."""
    between = toks.text[close + 1 : toks[i].start]
    return "\n\n" in between or len(between.strip(" ,—–-\n")) > 0


def after_cue(toks: Tokens, i: int, points_back: bool, lex: Lexicon) -> Source:
    cue, token = toks[i].text, toks[i]
    if points_back:
        return Source("pronoun", cue, at=token.start, end=token.end)
    nxt = toks.word(i + 1)
    if nxt in lex.pronouns:
        return Source("pronoun", cue, at=toks[i + 1].start, end=toks[i + 1].end)
    if nxt in lex.plural_pronouns:
        return Source("none", cue, end=toks[i + 1].end)
    phrase = phrase_after(toks, i + 1, lex, len(toks.text))
    if phrase is None:
        return Source("none", cue, end=token.end)
    return Source("phrase", cue, phrase, end=toks[phrase.end - 1].end)


def _after_inverted(toks: Tokens, i: int, lex: Lexicon) -> Source | None:
    """“…,” Peskov menambahkan. The verb comes within a short phrase, before any full stop."""
    for k in range(i + 1, min(i + lex.max_speaker_tokens, len(toks))):
        if toks.is_boundary(k, lex.marks) and toks[k].text != ",":
            return None
        if lex.is_verb(toks.word(k)) or lex.cue_after(toks.word(k)):
            return subject_source(toks, i, k, lex)
    return None


def _before(q: Quoted, toks: Tokens, lex: Lexicon, sentence_start: int) -> Source | None:
    """The nearest reporting verb or "menurut" before the quote in its sentence."""
    first = toks.after(sentence_start)
    k = toks.before(q.open)
    while k >= first:
        word = toks.word(k)
        if toks[k].text in lex.marks:
            return None  # another quotation stands between
        if lex.is_verb(word) and k > first:
            return subject_source(toks, first, k, lex)
        if word in lex.according or according_pronoun(word, lex):
            return according_source(toks, k, q.open, lex)
        if word in lex.passive:
            return issuer_source(toks, first, k, lex)
        k -= 1
    return None


def issuer_source(toks: Tokens, first: int, passive: int, lex: Lexicon) -> Source | None:
    """ "Dalam pernyataan resmi yang dirilis oleh Kremlin, dikatakan bahwa “…”": an
    agentless passive speech verb whose sentence opens with a document and its issuer
    ("pernyataan … oleh X"); the issuer is the source."""
    nouns = [k for k in range(first, passive) if toks.word(k) in lex.statement_nouns]
    if not nouns or not lex.agent_marker:
        return None
    for k in range(nouns[0] + 1, passive):
        if toks.word(k) == lex.agent_marker:
            phrase = phrase_after(toks, k + 1, lex, toks[passive].start)
            if phrase is None:
                return None
            return Source("phrase", toks[passive].text, phrase, end=toks[passive].end)
    return None


def subject_source(toks: Tokens, first: int, verb: int, lex: Lexicon) -> Source | None:
    phrase = subject_before(toks, first, verb, lex)
    if phrase is None:
        return None
    cue = toks[verb].text
    i, j = phrase.head
    if j - i == 1 and toks.word(i) in lex.pronouns:
        return Source("pronoun", cue, at=toks[i].start, end=toks[verb].end)
    if j - i == 1 and toks.word(i) in lex.plural_pronouns:
        return Source("none", cue, end=toks[verb].end)
    return Source("phrase", cue, phrase, end=toks[verb].end)


def according_pronoun(word: str, lex: Lexicon) -> bool:
    return word in lex.according_pronouns


def according_source(toks: Tokens, k: int, limit: int, lex: Lexicon) -> Source | None:
    """Menurut Peskov, “…”  /  Menurutnya, “…”  /  Kata Peskov: “…”"""
    cue = toks[k].text
    if according_pronoun(toks.word(k), lex):
        return Source("pronoun", cue, at=toks[k].start, end=toks[k].end)
    start = k + 2 if toks.word(k + 1) in lex.according_links else k + 1
    phrase = phrase_after(toks, start, lex, limit)
    if phrase is None:
        return None
    if phrase.head[1] - phrase.head[0] == 1 and toks.word(phrase.head[0]) in lex.pronouns:
        return Source("pronoun", cue, at=toks[phrase.head[0]].start, end=toks[phrase.end - 1].end)
    return Source(
        "phrase", cue, Phrase(phrase.head, phrase.apposition), end=toks[phrase.end - 1].end
    )
