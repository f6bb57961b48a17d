"""Sentences and tokens.

Tokens: words (with inner hyphens and apostrophes, so "Rusia-Korut" and "al-Assad" stay
whole), numbers with Indonesian separators ("1.000.000", "3,5", "12/6/2018"), known
abbreviations with their period ("Dr.", "dll.", "a.n."), single initials ("W."), web
addresses, and punctuation marks one per token.

Sentences never cross a paragraph. A ".", "!" or "?" ends a sentence when the next token
starts with a capital, a digit or a quote mark, except inside a short quotation: a
quotation of several sentences stays one sentence with its speech tag ("“A. B,” kata X.")
so that quotes keep their speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from itertools import accumulate, chain, compress, count, pairwise, repeat
from typing import Any

from warta.article import Article, Sentence, Token
from warta.resources import Resources

_ENDERS = frozenset({".", "!", "?", "…", "..."})
_CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»", "“"})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "„"})
_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_QUOTE_MARKS = frozenset(_PAIRS) | frozenset(_PAIRS.values())
MAX_QUOTE_SENTENCE = 400  # longer quotations are split into their own sentences

Spans = tuple[list[str], list[int], list[int]]  # token texts, starts, ends


class Segmenter:
    def __init__(self, keep: Iterable[str], final: Iterable[str]) -> None:
        final = set(final)
        self.final = frozenset(final)
        self.enders = _ENDERS | self.final
        abbreviations = _trie_pattern(set(keep) | final)
        self.token_re = _token_pattern(abbreviations, space=r"\s")
        # The same tokens for a whole text of paragraphs joined by blank lines (what the
        # clean stage makes): an initial ("W.") is told by the next word, which must not be
        # looked for across a line break, as it is not across the end of a paragraph.
        self.joined_re = _token_pattern(abbreviations, space=r"[^\S\n]")

    @classmethod
    def for_language(cls, resources: Resources, code: str) -> Segmenter:
        data = resources.lang(code).data("abbreviations")
        return cls(data.get("keep", []), data.get("final", []))

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        end = len(text) if end is None else end
        return _make_tokens(*_spans(self.token_re, text, start, end))

    def sentences(self, text: str, tokens: list[Token], paragraph: int) -> list[Sentence]:
        words = [t.text for t in tokens]
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        return self._sentences((words, starts, ends), [0, len(tokens)], [paragraph])

    def segment(
        self, text: str, paragraphs: Sequence[tuple[int, int]]
    ) -> tuple[list[Token], list[Sentence]]:
        """The tokens and sentences of the paragraphs (spans of ``text``)."""
        spans, firsts = self._paragraph_spans(text, paragraphs)
        return _make_tokens(*spans), self._sentences(spans, firsts, range(len(paragraphs)))

    def _paragraph_spans(
        self, text: str, paragraphs: Sequence[tuple[int, int]]
    ) -> tuple[Spans, list[int]]:
        """The tokens of all paragraphs, and the index of each paragraph's first token
        (then the number of tokens)."""
        if _joined(text, paragraphs):  # one search over the text: ~20% faster
            spans = _spans(self.joined_re, text, 0, len(text))
            firsts = [bisect_left(spans[1], start) for start, _ in paragraphs]
            return spans, [*firsts, len(spans[0])]
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        firsts = []
        for start, end in paragraphs:
            firsts.append(len(words))
            part_words, part_starts, part_ends = _spans(self.token_re, text, start, end)
            words += part_words
            starts += part_starts
            ends += part_ends
        return (words, starts, ends), [*firsts, len(words)]

    def _sentences(self, spans: Spans, firsts: list[int], numbers: Iterable[int]) -> list[Sentence]:
        """Sentences of paragraphs whose tokens are ``spans[firsts[k]:firsts[k + 1]]``."""
        words = spans[0]
        enders = list(_indices(words, self.enders))
        quoted = _quoted_tokens(spans, firsts)
        out: list[Sentence] = []
        for number, (a, b) in zip(numbers, pairwise(firsts), strict=True):
            if a == b:
                continue
            own = enders[bisect_left(enders, a) : bisect_left(enders, b)]
            out.extend(_paragraph_sentences(spans, a, b, own, quoted, number))
        return [s for s in out if s.end > s.start]


def _paragraph_sentences(
    spans: Spans, a: int, b: int, enders: list[int], quoted: set[int], number: int
) -> Iterator[Sentence]:
    """Sentences of the paragraph of tokens a..b-1; ``enders`` are those that may end one."""
    words, starts, ends = spans
    first = a
    for i in enders:
        if i == b - 1 or not _ends_sentence(words, i, b, quoted):
            continue
        last = i
        while last + 1 < b and words[last + 1] in _CLOSERS:
            last += 1
            if words[last] == "“" and last + 1 < b:
                break
        if last + 1 >= b:
            break
        yield Sentence(starts[first], ends[last], number)
        first = last + 1
    if first < b:
        yield Sentence(starts[first], ends[b - 1], number)


def _ends_sentence(words: list[str], i: int, b: int, quoted: set[int]) -> bool:
    """Whether the ender ``words[i]`` closes its sentence (in a paragraph ending before b)."""
    # Inside a quotation only its last sentence ends ("… Putin.” Namun …").
    if i in quoted and not (i + 1 < b and words[i + 1] in _CLOSERS):
        return False
    j = i + 1
    while j < b and words[j] in _CLOSERS and words[j] != "“":
        j += 1
    if j >= b:
        return True
    nxt = words[j]
    return nxt[0].isupper() or nxt[0].isdigit() or nxt in _OPENERS


def _indices(words: list[str], wanted: frozenset[str]) -> Iterator[int]:
    """Where ``words`` holds one of ``wanted`` (in C loops: ~3x a list comprehension)."""
    return compress(count(), map(wanted.__contains__, words))


def _quoted_tokens(spans: Spans, firsts: list[int]) -> set[int]:
    """Which tokens lie inside a short, closed quotation (where boundaries are suppressed).
    A quotation never crosses a paragraph."""
    words, starts, ends = spans
    inside: set[int] = set()
    stack: list[tuple[str, int]] = []
    paragraph_end = 0
    for i in _indices(words, _QUOTE_MARKS):
        if i >= paragraph_end:  # a new paragraph: forget its predecessor's open marks
            stack.clear()
            paragraph_end = firsts[bisect_right(firsts, i)]
        mark = words[i]
        if stack and mark == _PAIRS[stack[-1][0]]:
            _, at = stack.pop()
            if ends[i] - starts[at] <= MAX_QUOTE_SENTENCE:
                inside.update(range(at + 1, i))
        elif mark in _PAIRS:
            stack.append((mark, i))
    return inside


def _joined(text: str, paragraphs: Sequence[tuple[int, int]]) -> bool:
    """Whether the paragraphs are all of ``text``, joined by blank lines ("\\n\\n") and
    holding no line break themselves."""
    if not paragraphs or text.count("\n") != 2 * (len(paragraphs) - 1):
        return False
    if paragraphs[0][0] != 0 or paragraphs[-1][1] != len(text):
        return False
    gaps = pairwise(paragraphs)
    return all(s <= e for s, e in paragraphs) and all(
        text[e:s] == "\n\n" for (_, e), (s, _) in gaps
    )


def _token_pattern(abbreviations: str, space: str) -> re.Pattern[str]:
    """Tokens, fast paths first, each with the white space before it.

    Fast paths: a word of letters followed by none of ".:@+-'’" and a punctuation mark other
    than ".+-" are tokens whatever follows, as every other alternative needs one of those
    characters next (addresses, abbreviations, initials, "al-Assad", "kpk.go.id") or starts
    with a digit (numbers, dates). Most tokens are one of the two, and the search no
    longer tries every alternative at each of them (a third of the time, measured).

    The gap: capturing the white space before each token, the search never tries every
    alternative at a space either, and ``_spans`` finds the offsets from the lengths alone:
    every other character starts a token, so gaps and tokens tile the text."""
    fast = r"[^\W\d]\w*+(?![.:@+\-'’])|[^\w\s.+\-]"
    token = (
        r"https?://\S+|www\.\S+"
        # possessive: "@" is in neither class, so backtracking could never reach one
        r"|[\w.+-]++@[\w-]++\.[\w.-]+"
        rf"|(?<!\w)(?:{abbreviations})(?!\w)"
        r"|\d{1,2}/\d{1,2}/\d{2,4}"
        r"|\d+(?:[.,:]\d+)*%?"
        rf"|(?<!\w)[A-Z]\.(?={space}+[A-Z])"
        # possessive (no backtracking): the first, longest try always succeeds anyway
        r"|\w++(?:[-'’]\w++)*+(?:\.(?:com|co\.id|go\.id|id|net|org))?+"
        r"|\.\.\.|[^\w\s]"
    )
    return re.compile(rf"(\s*+)({fast}|{token})")


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> Spans:
    """The tokens of text[start:end] and their offsets."""
    # (gap, token) pairs tile the text from ``start`` (see _token_pattern)
    flat = list(chain.from_iterable(pattern.findall(text, start, end)))
    bounds = list(accumulate(map(len, flat), initial=start))
    return flat[1::2], bounds[1::2], bounds[2::2]


def _trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("Dr(?:\\.|a\\.|s\\.)"): the regex engine
    tries each alternative in turn, and a flat list of ~90 abbreviations is tried at every
    word. Longer words are tried first, as in a list sorted by length (only the words along
    one path can match at one position)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_branch(trie)


def _trie_branch(node: dict[str, dict]) -> str:
    alternatives = [re.escape(ch) + _trie_branch(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = "|".join(alternatives)
    if "" in node:
        return f"(?:{body}|)"  # "|" last: the longer words first
    return body if len(alternatives) == 1 else f"(?:{body})"


def _with_gaps(token: str) -> re.Pattern[str]:
    """The token pattern, with fast paths first and the white space before each token.

    Fast paths: a word of letters followed by none of ".:@+-'’" and a punctuation mark other
    than ".+-" are tokens whatever follows, as every other alternative needs one of those
    characters next (addresses, abbreviations, initials, "al-Assad", "kpk.go.id") or starts
    with a digit (numbers, dates). Most tokens are one of the two, and the search no
    longer tries every alternative at each of them (half the time, measured).

    The gap: capturing the white space before each token, the search never tries every
    alternative at a space either, and ``_spans`` finds the offsets from the lengths alone:
    every other character starts a token, so gaps and tokens tile the text."""
    fast = r"[^\W\d]\w*+(?![.:@+\-'’])|[^\w\s.+\-]"
    return re.compile(rf"(\s*+)({fast}|{token})")


# Token is a frozen dataclass, whose generated __init__ sets each field through
# object.__setattr__: ~1 µs a token, half of tokenising. The tokens are created without
# __init__ and their slots filled by the slot descriptors, all in C loops (map), which
# takes a third of the time (measured). Same frozen Token objects.
_SET_FIELDS = tuple(Token.__dict__[f.name].__set__ for f in fields(Token))


def _make_tokens(words: list[str], starts: list[int], ends: list[int]) -> list[Token]:
    tokens: list[Token] = list(map(object.__new__, repeat(Token, len(words))))
    columns: tuple[list[Any], ...] = (words, starts, ends)
    for set_field, values in zip(_SET_FIELDS, columns, strict=True):
        deque(map(set_field, tokens, values), maxlen=0)  # runs the map, keeps nothing
    return tokens


class SegmentStage:
    name = "segment"
    requires = ("text", "language")
    adds = ("sentences", "tokens")

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._segmenters: dict[str, Segmenter] = {}

    def segmenter(self, language: str) -> Segmenter:
        if language not in self._segmenters:
            self._segmenters[language] = Segmenter.for_language(self.resources, language)
        return self._segmenters[language]

    def __call__(self, article: Article) -> None:
        seg = self.segmenter(article.language or "id")
        paragraphs = article.paragraphs or [(0, len(article.text))]
        article.tokens, article.sentences = seg.segment(article.text, paragraphs)
