"""Finding what the knowledge base knows in an article's text: aliases (countries, seats
of government, organisations, people), role phrases ("Presiden Rusia", "juru bicara
Kremlin", "Russian Foreign Minister") and collectives ("Pemerintah Rusia", "militer AS").

Words are cut from the text itself (so "Rusia-Korut" yields two countries and "Kim
Jong-un" three words matching "kim jong un"); every match keeps its character offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import overload

from warta.knowledge import Hit, Knowledge
from warta.knowledge.kb import Place

# An apostrophe joins a word ("Jum'at", "O'Brien") except before the English genitive
# clitic: "Poland's" is the word "Poland" (and a bare "s").
# (possessive: nothing follows that could make the engine backtrack into a word, and
# not keeping backtracking points makes the split ~13% faster, measured)
_WORD = re.compile(r"\w++(?:['’](?!s\b)\w++)*+")
_SPLIT = re.compile(f"({_WORD.pattern})")  # the words, and the gaps around them
# What every abbreviation contains: a dot, then a one-letter word ("U.S"). Most articles
# have none and skip the merging loop. (Starting at the dot the search takes ~5 µs; a
# leading "\w" would make it try every position, 20x slower.)
_DOT_LETTER = re.compile(r"\.\w(?!\w)")
_JOINERS = " -‐\u00a0"  # what may stand between the words of one name


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    key: str  # case-folded, as the knowledge base indexes it
    start: int
    end: int


class Words:
    """An article's words in text order, kept as four parallel lists (text, key, start,
    end). The scans read the keys and a few offsets, so a ``Word`` is built only when one
    is asked for: building ~500 of them per article was most of the 1 ms (of the stage's
    6.8) that cutting the words took; it now takes 0.3 ms."""

    def __init__(
        self,
        texts: list[str],
        keys: list[str],
        starts: list[int],
        ends: list[int],
        joined: str | None = None,
    ):
        self.texts, self.keys, self.starts, self.ends = texts, keys, starts, ends
        self._joined = joined  # for find: the keys between NULs, made on first use
        self._joined_texts: str | None = None  # for where: the texts so joined

    def find(self, phrase: Sequence[str]) -> list[int]:
        """The indices where the keys of ``phrase`` stand in a row. One substring search
        in C over the keys joined by NULs, not a pass in Python over every word for the
        words that start some name (a third less time in repeated_names, measured)."""
        if self._joined is None:
            self._joined = "\0" + "\0".join(self.keys) + "\0"  # \0 is in no word
        return _find_run(self._joined, phrase)

    def where(self, written: Iterable[str]) -> list[int]:
        """The indices of the words written (case as written) as one of ``written``, in
        text order: a substring search in C for each, as in ``find``, not a pass in
        Python over every word (that pass was 3 % of the stage's instructions, callgrind)."""
        if self._joined_texts is None:
            self._joined_texts = "\0" + "\0".join(self.texts) + "\0"
        return sorted(i for word in written for i in _find_run(self._joined_texts, (word,)))

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, i: int) -> Word: ...
    @overload
    def __getitem__(self, i: slice) -> list[Word]: ...
    def __getitem__(self, i: int | slice) -> Word | list[Word]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return Word(self.texts[i], self.keys[i], self.starts[i], self.ends[i])

    def __iter__(self) -> Iterator[Word]:
        return (self[i] for i in range(len(self)))

    def within(self, start: int, end: int) -> range:
        """The indices of the words lying wholly inside [start, end), found by bisection."""
        return range(bisect_left(self.starts, start), bisect_right(self.ends, end))


@dataclass(slots=True)  # not frozen: that makes __init__ 3x slower, for ~50 per article
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


def _find_run(joined: str, phrase: Sequence[str]) -> list[int]:
    """The indices where the words of ``phrase`` stand in a row in ``joined`` (words
    between NULs)."""
    needle = "\0" + "\0".join(phrase) + "\0"
    if not phrase or needle.count("\0") != len(phrase) + 1:
        return []  # an empty phrase, or a NUL inside one of its words: never in a row
    found: list[int] = []
    index, counted = 0, 0  # word index at character ``counted``
    at = joined.find(needle)
    while at != -1:
        index += joined.count("\0", counted, at)  # the NULs before a word: its index
        counted = at
        found.append(index)
        at = joined.find(needle, at + 1)
    return found


def words_of(text: str) -> Words:
    # One split gives the words and the gaps between them, whose lengths add up to every
    # word's offsets, and one casefold of the joined words gives every key: all in C,
    # no match object and no casefold call per word.
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    texts = parts[1::2]
    folded = "\0".join(texts).casefold()  # \0 is in no word
    keys = folded.split("\0") if texts else []
    if _DOT_LETTER.search(text):
        return _abbreviations(Words(texts, keys, offsets[1:-1:2], offsets[2::2]), text)
    # the joined keys kept for find, which would join them again (1.4 % of the stage)
    return Words(texts, keys, offsets[1:-1:2], offsets[2::2], f"\0{folded}\0")


def _abbreviations(words: Words, text: str) -> Words:
    """Letters joined by dots are one word: "U.S." and "A.S." are "us" and "as"."""
    out = Words([], [], [], [])
    for i, word in enumerate(words.texts):
        last = out.texts[-1] if out.texts else None
        if (
            last is not None
            and len(word) == 1
            and text[out.ends[-1] : words.starts[i]] == "."
            and (len(last) == 1 or "." in last)
        ):
            out.texts[-1] = text[out.starts[-1] : words.ends[i]]
            out.keys[-1] += words.keys[i]
            out.ends[-1] = words.ends[i]
        else:
            out.texts.append(word)
            out.keys.append(words.keys[i])
            out.starts.append(words.starts[i])
            out.ends.append(words.ends[i])
    return out


def aliases(words: Words, text: str, kb: Knowledge, at: Iterable[int]) -> Iterator[Match]:
    """Known aliases, longest first, written as proper nouns (capitalised; short ones such
    as AS, RI, UN in capitals, so the English "us" is not the United States). ``at``: the
    word indices where an alias may start (``kb.phrases``)."""
    keys, texts = words.keys, words.texts
    # read once, not at each of the ~90 starts and their sizes (15 % fewer instructions)
    sizes_of, lookup, n = kb.alias_sizes, kb.aliases.get, len(keys)
    end = 0  # after the last match
    for i in at:
        if i < end:
            continue  # a match's words are not the start of another
        head = texts[i][0]  # _capitalised inlined: ~90 words an article come here
        if not (head.isupper() or head.isdigit()):
            continue  # (most words that start an alias are lower case: "di", "negara")
        for size in sizes_of[keys[i]]:
            j = i + size  # after the alias
            hits = lookup(" ".join(keys[i:j])) if j <= n else None
            if hits and _proper(words, i, j) and joined(words, i, j, text):
                yield Match(i, j, words.starts[i], words.ends[j - 1], hits)
                end = j
                break


def joined(words: Words, first: int, last: int, text: str) -> bool:
    """True when nothing but spaces or hyphens separates words ``first`` to ``last`` (not
    included): a name does not run across a comma ("Kremlin, Istana Kepresidenan Rusia")."""
    if last - first < 2:
        return True  # one word (most aliases): no gap to look at
    texts, starts, ends = words.texts, words.starts, words.ends
    # a plain loop with the test inlined, not all() over a generator calling a function
    # per gap: joined runs ~40 times an article (a third less time, measured)
    for i in range(first, min(last, len(texts)) - 1):
        gap = text[ends[i] : starts[i + 1]]
        if gap.strip(_JOINERS) and not (len(texts[i]) == 1 and gap in (".", ". ")):
            return False  # (a dot joins an initial: "S. Jaishankar", "George W. Bush")
    return True


def _proper(words: Words, first: int, last: int) -> bool:
    """Words ``first`` to ``last`` (not included) written as a proper noun."""
    head = words.texts[first]
    if not _capitalised(head):
        return False
    if last - first == 1 and len(head) <= 3:
        return head.isupper()
    return True


def _capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def roles(words: Words, text: str, kb: Knowledge, at: Iterable[int]) -> Iterator[Match]:
    """Role nouns with what they belong to: "Menlu Rusia" (role, place), "Direktur
    Departemen…" (role alone: a title whose place the context must supply). ``at``: the
    word indices where a role noun may start."""
    keys = words.keys
    lexicon = kb.lexicon
    i = 0
    for start in at:
        if start < i:
            continue  # inside the previous role phrase
        i = start
        found = lexicon.role_at(keys, i)
        if found is None:
            continue
        role, j = found
        k = j
        while k < len(words) and keys[k] in lexicon.links and k - j < 1:
            k += 1
        place, end = _place_at(kb, keys, k)
        if place is None:
            end = j
        if not joined(words, i, end, text):
            place, end = None, j
        former = i > 0 and keys[i - 1] in lexicon.former  # "mantan Presiden AS"
        span = (words.starts[i], words.ends[end - 1])
        yield Match(i, end, *span, role=role, place=place, former=former)
        i = end


def _place_at(kb: Knowledge, keys: Sequence[str], k: int) -> tuple[Place | None, int]:
    """The longest place starting at word ``k`` (after a determiner) and the index after
    it. Only a window as long as the longest alias is passed, not the article's rest."""
    window = keys[k : k + kb.longest_alias + 1]
    place, rest = kb.longest_place(window)
    return place, k + len(window) - len(rest)


def placed_roles(words: Words, text: str, kb: Knowledge, found: Sequence[Match]) -> Iterator[Match]:
    """English order, place before role: "Russian President", "Kremlin spokesman",
    "Russia's foreign minister" (the genitive "s" is a word of its own here)."""
    keys = words.keys
    for match in found:
        after = match.last
        if after < len(keys) and keys[after] == "s" and _genitive(words, after, text):
            after += 1
        role = kb.lexicon.role_at(keys, after) if after < len(keys) else None
        if role is None or not joined(words, after - 1, role[1], text):
            continue
        place = kb.place(keys[match.first : match.last])
        if place is None:
            continue
        span = (match.start, words.ends[role[1] - 1])
        former = match.first > 0 and keys[match.first - 1] in kb.lexicon.former
        yield Match(match.first, role[1], *span, role=role[0], place=place, former=former)


def _genitive(words: Words, i: int, text: str) -> bool:
    return text[words.ends[i - 1] : words.starts[i]] in ("'", "’")


def collectives(words: Words, text: str, kb: Knowledge, at: Iterable[int]) -> Iterator[Match]:
    """A state's bodies: "Pemerintah Rusia", "militer Israel" (noun then place) and
    "the Russian military" (place then noun). ``at``: where a collective noun may start."""
    keys = words.keys
    for i in at:
        found = kb.lexicon.collective_at(keys, i)
        if found is None:
            continue
        sector, j = found
        after = keys[j : j + 6]
        place, rest = kb.longest_place(after)
        last = j + len(after) - len(rest)
        if place is not None and place.org is None and joined(words, i, last, text):
            yield Match(i, last, words.starts[i], words.ends[last - 1], place=place, sector=sector)
        for size in range(min(4, i), 0, -1):
            # only sizes of some alias starting with that word can name a place: skips
            # ~40 of the ~42 slice-join-probe rounds an article (bench corpus, counted)
            if size not in kb.alias_sizes.get(keys[i - size], ()):
                continue
            before = kb.place(keys[i - size : i])
            if before is not None and before.org is None and joined(words, i - size, j, text):
                first = i - size
                span = (words.starts[first], words.ends[j - 1])
                yield Match(first, j, *span, place=before, sector=sector)
                break
