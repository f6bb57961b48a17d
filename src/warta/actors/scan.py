"""Finding what the knowledge base knows in an article's text: aliases (countries, seats
of government, organisations, people), role phrases ("Presiden Rusia", "juru bicara
Kremlin", "Russian Foreign Minister") and collectives ("Pemerintah Rusia", "militer AS").

Words are cut from the text itself (so "Rusia-Korut" yields two countries and "Kim
Jong-un" three words matching "kim jong un"); every match keeps its character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from warta.knowledge import Hit, Knowledge
from warta.knowledge.kb import Place

# An apostrophe joins a word ("Jum'at", "O'Brien") except before the English genitive
# clitic: "Poland's" is the word "Poland" (and a bare "s").
_WORD = re.compile(r"\w+(?:['’](?!s\b)\w+)*")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    key: str  # case-folded, as the knowledge base indexes it
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Match:
    """A span of words: an alias (hits), a role phrase (role) or a collective (sector)."""

    first: int  # word index
    last: int  # word index after the span
    start: int  # character offsets
    end: int
    hits: tuple[Hit, ...] = ()
    role: str | None = None
    place: Place | None = None
    sector: str | None = None
    former: bool = False  # a role once held: "mantan Menlu", "former president"


def words_of(text: str) -> list[Word]:
    words = [
        Word(m.group(), m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)
    ]
    return _abbreviations(words, text) if "." in text else words


def _abbreviations(words: list[Word], text: str) -> list[Word]:
    """Letters joined by dots are one word: "U.S." and "A.S." are "us" and "as"."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and len(word.text) == 1
            and text[last.end : word.start] == "."
            and (len(last.text) == 1 or "." in last.text)
        ):
            merged = text[last.start : word.end]
            out[-1] = Word(merged, last.key + word.key, last.start, word.end)
        else:
            out.append(word)
    return out


def aliases(words: Sequence[Word], text: str, kb: Knowledge) -> Iterator[Match]:
    """Known aliases, longest first, written as proper nouns (capitalised; short ones such
    as AS, RI, UN in capitals, so the English "us" is not the United States)."""
    keys = [w.key for w in words]
    i = 0
    while i < len(words):
        for size in kb.alias_sizes.get(keys[i], ()):
            hits = kb.aliases.get(" ".join(keys[i : i + size])) if i + size <= len(keys) else None
            if hits and _proper(words[i : i + size]) and joined(words[i : i + size], text):
                yield Match(i, i + size, words[i].start, words[i + size - 1].end, hits)
                i += size
                break
        else:
            i += 1


def joined(words: Sequence[Word], text: str) -> bool:
    """True when nothing but spaces or hyphens separates the words: a name does not run
    across a comma ("Kremlin, Istana Kepresidenan Rusia")."""
    return all(_joiner(a, text[a.end : b.start]) for a, b in pairwise(words))


def _joiner(before: Word, gap: str) -> bool:
    if len(before.text) == 1 and gap in (".", ". "):
        return True  # an initial: "S. Jaishankar", "George W. Bush"
    return not gap.strip(" -‐\u00a0")


def _proper(words: Sequence[Word]) -> bool:
    first = words[0].text
    if not first[0].isupper() and not first[0].isdigit():
        return False
    if len(words) == 1 and len(first) <= 3:
        return first.isupper()
    return True


def roles(words: Sequence[Word], text: str, kb: Knowledge) -> Iterator[Match]:
    """Role nouns with what they belong to: "Menlu Rusia" (role, place), "Direktur
    Departemen…" (role alone: a title whose place the context must supply)."""
    keys = [w.key for w in words]
    lexicon = kb.lexicon
    i = 0
    while i < len(words):
        found = lexicon.role_at(keys, i)
        if found is None:
            i += 1
            continue
        role, j = found
        k = j
        while k < len(words) and keys[k] in lexicon.links and k - j < 1:
            k += 1
        place, rest = kb.longest_place(keys[k:])
        end = len(keys) - len(rest) if place is not None else j
        if not joined(words[i:end], text):
            place, end = None, j
        former = i > 0 and keys[i - 1] in lexicon.former  # "mantan Presiden AS"
        span = (words[i].start, words[end - 1].end)
        yield Match(i, end, *span, role=role, place=place, former=former)
        i = end


def placed_roles(
    words: Sequence[Word], text: str, kb: Knowledge, found: Sequence[Match]
) -> Iterator[Match]:
    """English order, place before role: "Russian President", "Kremlin spokesman",
    "Russia's foreign minister" (the genitive "s" is a word of its own here)."""
    keys = [w.key for w in words]
    for match in found:
        after = match.last
        if after < len(keys) and keys[after] == "s" and _genitive(words, after, text):
            after += 1
        role = kb.lexicon.role_at(keys, after) if after < len(keys) else None
        if role is None or not joined(words[after - 1 : role[1]], text):
            continue
        place = kb.place(keys[match.first : match.last])
        if place is None:
            continue
        span = (match.start, words[role[1] - 1].end)
        former = match.first > 0 and keys[match.first - 1] in kb.lexicon.former
        yield Match(match.first, role[1], *span, role=role[0], place=place, former=former)


def _genitive(words: Sequence[Word], i: int, text: str) -> bool:
    return text[words[i - 1].end : words[i].start] in ("'", "’")


def collectives(words: Sequence[Word], text: str, kb: Knowledge) -> Iterator[Match]:
    """A state's bodies: "Pemerintah Rusia", "militer Israel" (noun then place) and
    "the Russian military" (place then noun)."""
    keys = [w.key for w in words]
    for i in range(len(words)):
        found = kb.lexicon.collective_at(keys, i)
        if found is None:
            continue
        sector, j = found
        after = keys[j : j + 6]
        place, rest = kb.longest_place(after)
        last = j + len(after) - len(rest)
        if place is not None and place.org is None and joined(words[i:last], text):
            yield Match(i, last, words[i].start, words[last - 1].end, place=place, sector=sector)
        for size in range(min(4, i), 0, -1):
            before = kb.place(keys[i - size : i])
            if before is not None and before.org is None and joined(words[i - size : j], text):
                first = i - size
                span = (words[first].start, words[j - 1].end)
                yield Match(first, j, *span, place=before, sector=sector)
                break
