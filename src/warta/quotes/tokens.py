"""A searchable view of the article's tokens (offset -> token index, punctuation tests)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from operator import attrgetter

from warta.article import Token

# Only for articles that reach the quote stage without tokens (hand-built or partial runs).
_FALLBACK = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_BOUNDARY = set(".,;:!?()[]{}—–")
_START, _TEXT = attrgetter("start"), attrgetter("text")


class Tokens:
    def __init__(self, tokens: Sequence[Token], text: str) -> None:
        self.items = list(tokens) or [
            Token(m.group(), m.start(), m.end()) for m in _FALLBACK.finditer(text)
        ]
        # read and folded in C loops (map), not comprehensions: these two lines were a
        # fifth of the quotes stage's bytecodes
        self.starts = list(map(_START, self.items))
        self.words = list(map(str.casefold, map(_TEXT, self.items)))
        self.text = text

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Token:
        return self.items[i]

    def after(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 when none)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0 and self.items[i].end > offset:
            i -= 1
        return i

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def is_boundary(self, i: int, marks: frozenset[str]) -> bool:
        """Punctuation that ends a phrase; "Dr." is a word, and "Covid - 19" keeps its hyphen."""
        t = self.items[i].text
        return t in _BOUNDARY or t in marks

    def span_text(self, i: int, j: int) -> str:
        """Text from token i to token j-1 inclusive."""
        return self.text[self.items[i].start : self.items[j - 1].end]
