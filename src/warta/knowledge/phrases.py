"""Where the phrases the knowledge base knows may start in a text's words: aliases, role
nouns, collective nouns and plural words.

The scans of an article decide what a phrase there means; this only tells them where to
look, with one dictionary probe per word for all four kinds, instead of one probe per
word and kind.

An Aho-Corasick automaton over every phrase (pyahocorasick, run on the words joined by
spaces) finds only whole phrases, which spares the alias scan its probes at "di" and
"dan", but it measured slower (0.35 against 0.17 ms per article, with the alias scan
0.05 ms faster): mapping its character offsets back to word indices costs about as
much as the probes, and its 1.3 MB trie is cold again by the time the next article comes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, count

ALIAS, ROLE, COLLECTIVE, PLURAL = range(4)


@dataclass(slots=True)
class Starts:
    """Word indices, in text order, where a phrase of each kind may start."""

    aliases: list[int] = field(default_factory=list)
    roles: list[int] = field(default_factory=list)
    collectives: list[int] = field(default_factory=list)
    plurals: list[int] = field(default_factory=list)


class PhraseIndex:
    def __init__(self, phrases: Iterable[tuple[str, int]]) -> None:
        """``phrases``: (normalised phrase, kind) pairs."""
        kinds: dict[str, set[int]] = {}
        for phrase, kind in phrases:
            words = phrase.split()
            if words:
                kinds.setdefault(words[0], set()).add(kind)
        # first word -> the kinds of phrase it can start
        self._kinds = {word: tuple(sorted(of)) for word, of in kinds.items()}
        # probed at every word: a set, as starts then takes 7 % fewer instructions
        self._firsts = frozenset(kinds)

    def starts(self, keys: list[str]) -> Starts:
        """Where in ``keys`` (one normalised word each) a known phrase may start."""
        at: tuple[list[int], ...] = ([], [], [], [])  # by kind
        kinds = self._kinds
        # the words that start some phrase, picked in C (compress over a map of set
        # probes): ~10 % less than a list comprehension (5 µs an article, measured)
        for i in compress(count(), map(self._firsts.__contains__, keys)):
            for kind in kinds[keys[i]]:
                at[kind].append(i)
        return Starts(*at)
