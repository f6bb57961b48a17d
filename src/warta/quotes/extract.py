"""From an analysed article to its quotes: find statements, then resolve their speakers.

Statements are resolved in text order, so a pronoun can reach the speaker of an earlier
quote. A direct quote with no cue of its own takes the speaker of the quote it continues
(“A,” kata X. “B.”) or of the quote that follows it without a break (“A.” “B,” kata X.).
"""

from __future__ import annotations

from bisect import bisect_right

from warta.article import Article, Quote
from warta.quotes.claims import Claim
from warta.quotes.direct import source_of
from warta.quotes.indirect import find_indirect
from warta.quotes.lexicon import Lexicon
from warta.quotes.marks import Quoted, find_quoted
from warta.quotes.people import People, Speaker
from warta.quotes.phrases import role_and_affiliation
from warta.quotes.tokens import Tokens

_JOINERS = " \t\n,.:;—–-"
_TITLE_SHARE = 0.6  # titles capitalise content words; sentences only names and the first


def extract(article: Article, lex: Lexicon) -> list[Quote]:
    toks = Tokens(article.tokens, article.text)
    people = People(
        article, lex.titles, lex.pronoun_window, lex.speaker_window, lex.subject_determiners
    )
    quoted = find_quoted(article.text, lex.closers, article.paragraphs or None, lex.tags)
    people.quoted = [(q.open, q.close if q.close is not None else q.end) for q in quoted]
    starts = sorted(s.start for s in people.sentences)
    claims = [_direct_claim(q, toks, lex, starts) for q in quoted if not _titled(q, toks, lex)]
    claims += find_indirect(toks, people.sentences, lex, quoted)
    claims.sort(key=lambda c: c.start)
    resolved = _resolve(claims, people, toks, lex)
    resolved = _borrow_from_next(resolved, article.text)
    kept = [(c, s) for c, s in resolved if c.statement and _keep(c, s, lex, article.text)]
    return [_quote(c, s, article.text) for c, s in kept]


def _direct_claim(q: Quoted, toks: Tokens, lex: Lexicon, sentence_starts: list[int]) -> Claim:
    # the start of the quote's sentence: the last sentence start at or before the mark
    # (``sentence_starts`` sorted: a bisection, not a pass over every sentence a quote)
    k = bisect_right(sentence_starts, q.open)
    start = sentence_starts[k - 1] if k else 0
    return Claim(q.start, q.end, True, source_of(q, toks, lex, start), q.open, q.close)


def _titled(q: Quoted, toks: Tokens, lex: Lexicon) -> bool:
    """diskusi bertajuk “…”, buku berjudul “…”: quoted words that name something."""
    return toks.word(toks.before(q.open)) in lex.title_cues


def _resolve(
    claims: list[Claim], people: People, toks: Tokens, lex: Lexicon
) -> list[tuple[Claim, Speaker | None]]:
    out: list[tuple[Claim, Speaker | None]] = []
    for claim in claims:
        speaker = _speaker(claim, people, toks, lex)
        if speaker is None and claim.direct and claim.source.how == "none" and out:
            claim, speaker = _continue_previous(claim, out[-1], toks.text)
        if speaker is not None:
            people.note(speaker)
        out.append((claim, speaker))
    return out


def _speaker(claim: Claim, people: People, toks: Tokens, lex: Lexicon) -> Speaker | None:
    source = claim.source
    if source.how == "pronoun":
        return people.back(source.at)
    if source.how != "phrase" or source.phrase is None:
        return None
    (i, j), appo = source.phrase.head, source.phrase.apposition
    role, affiliation = role_and_affiliation(toks, appo, lex) if appo else (None, None)
    start, end = toks[i].start, toks[j - 1].end
    named = people.name_after(start, end) if appo is None else None
    if named is not None:  # "kata Camat Neglasari, Kabupaten Tangerang, Ubaidillah Ansar"
        return people.link(start, named, role or None, affiliation)
    speaker = people.link(start, end, role or None, affiliation)
    phrase = source.phrase
    return speaker.spanning(toks[phrase.start].start, toks[phrase.end - 1].end)


def _continue_previous(
    claim: Claim, previous: tuple[Claim, Speaker | None], text: str
) -> tuple[Claim, Speaker | None]:
    before, speaker = previous
    if not before.direct or speaker is None:
        return claim, None
    frame_end = max(before.source.end, before.close or before.end)
    if text[frame_end : claim.open].strip(_JOINERS):
        return claim, None
    return claim.with_source(before.source), speaker


def _borrow_from_next(
    resolved: list[tuple[Claim, Speaker | None]], text: str
) -> list[tuple[Claim, Speaker | None]]:
    out = list(resolved)
    for k in range(len(out) - 2, -1, -1):
        claim, speaker = out[k]
        after, next_speaker = out[k + 1]
        if speaker is not None or not claim.direct or not after.direct or next_speaker is None:
            continue
        if claim.close is not None and not text[claim.close + 1 : after.open].strip():
            out[k] = (claim.with_source(after.source), next_speaker)
    return out


def _keep(claim: Claim, speaker: Speaker | None, lex: Lexicon, text: str) -> bool:
    """Without a cue, scare quotes (“robot trading”) are too short to be statements, and
    titles (“Negeri di Atas Angin”) capitalise most of their words; but a quotation that
    ends its sentence inside the marks (“atas undangan Presiden Rusia Vladimir Putin.”)
    is speech, however many names it holds."""
    if not claim.direct or speaker is not None or claim.source.cue:
        return True
    quoted = text[claim.start : claim.end]
    words = quoted.split()
    if len(words) < lex.min_words_without_cue:
        return False
    return not _title_case(words) or quoted.rstrip().endswith((".", "!", "?"))


def _title_case(words: list[str]) -> bool:
    lettered = [w for w in words if w[:1].isalpha()]
    capital = sum(w[:1].isupper() for w in lettered)
    return bool(lettered) and capital / len(lettered) >= _TITLE_SHARE


def _quote(claim: Claim, speaker: Speaker | None, text: str) -> Quote:
    return Quote(
        text=text[claim.start : claim.end],
        start=claim.start,
        end=claim.end,
        direct=claim.direct,
        speaker=speaker.actor if speaker else None,
        speaker_name=speaker.name if speaker else None,
        cue=claim.source.cue,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        role=speaker.role if speaker else None,
        affiliation=speaker.affiliation if speaker else None,
    )
