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
from itertools import accumulate, compress, count, pairwise, repeat
from operator import gt, sub
from typing import Any

from warta.article import Article, Sentence, Token, slot_setters
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
        self.marks = self.enders | _QUOTE_MARKS  # the tokens that sentence splitting reads
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
        # one pass over the tokens for the few marks, then passes over those (measured)
        marks = list(_indices(words, self.marks))
        enders = [i for i in marks if words[i] in self.enders]
        quotes = [i for i in marks if words[i] in _QUOTE_MARKS]
        quoted = _quoted_enders(spans, firsts, enders, quotes)
        bounds: list[tuple[int, int, int]] = []  # first and last token, paragraph number
        for number, (a, b) in zip(numbers, pairwise(firsts), strict=True):
            if a == b:
                continue
            # the paragraph's last token ends its last sentence whatever it is
            own = enders[bisect_left(enders, a) : bisect_left(enders, b - 1)]
            if own:
                bounds.extend(_paragraph_sentences(words, a, b, own, quoted, number))
            else:  # a paragraph of one sentence (most)
                bounds.append((a, b - 1, number))
        return _make_sentences(spans, bounds)


def _paragraph_sentences(
    words: list[str], a: int, b: int, enders: list[int], quoted: set[int], number: int
) -> Iterator[tuple[int, int, int]]:
    """The first and last tokens of the sentences of the paragraph of tokens a..b-1 (with
    its number); ``enders`` are those before its last token that may end one."""
    first = a
    for i in enders:
        if not _ends_sentence(words, i, b, quoted):
            continue
        last = i
        while last + 1 < b and words[last + 1] in _CLOSERS:
            last += 1
            if words[last] == "“" and last + 1 < b:
                break
        if last + 1 >= b:
            break
        yield first, last, number
        first = last + 1
    if first < b:
        yield first, b - 1, number


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


def _quoted_enders(
    spans: Spans, firsts: list[int], enders: list[int], quotes: list[int]
) -> set[int]:
    """Which of the (sorted) ``enders`` lie inside a short, closed quotation (where
    boundaries are suppressed); ``quotes`` are the quote marks. A quotation never crosses
    a paragraph."""
    words, starts, ends = spans
    inside: set[int] = set()
    stack: list[tuple[str, int]] = []
    paragraph_end = 0
    for i in quotes:
        if i >= paragraph_end:  # a new paragraph: forget its predecessor's open marks
            stack.clear()
            paragraph_end = firsts[bisect_right(firsts, i)]
        mark = words[i]
        if stack and mark == _PAIRS[stack[-1][0]]:
            _, at = stack.pop()
            if ends[i] - starts[at] <= MAX_QUOTE_SENTENCE:
                inside.update(enders[bisect_right(enders, at) : bisect_left(enders, i)])
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

    The gap: matching the white space before each token, the search never tries every
    alternative at a space either, and ``_spans`` finds the offsets from the lengths alone:
    each match is a gap and a token, and they tile the text. Neither is a group: findall
    then gives one string a match, not a tuple of two (~10% faster, measured)."""
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
    return re.compile(rf"\s*+(?:{fast}|{token})")


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> Spans:
    """The tokens of text[start:end] and their offsets."""
    # gap + token strings tile the text from ``start`` (see _token_pattern); no token
    # starts with white space, and str.lstrip strips exactly what "\s" matches
    matches = pattern.findall(text, start, end)
    words = list(map(str.lstrip, matches))
    ends = list(accumulate(map(len, matches), initial=start))
    del ends[0]
    return words, list(map(sub, ends, map(len, words))), ends


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


# Token and Sentence are frozen dataclasses, whose generated __init__ sets each field
# through object.__setattr__: ~1 µs an object, half of tokenising. The objects are created
# without __init__ and their slots filled by the slot descriptors, all in C loops (map),
# which takes a third of the time (measured). Same frozen objects.
_TOKEN_FIELDS = slot_setters(Token)
_SENTENCE_FIELDS = slot_setters(Sentence)


def _make(cls: type, setters: tuple[Any, ...], columns: tuple[list[Any], ...]) -> list[Any]:
    """Objects of ``cls`` whose fields (set by ``setters``) are the ``columns``."""
    objects: list[Any] = list(map(object.__new__, repeat(cls, len(columns[0]))))
    for set_field, values in zip(setters, columns, strict=True):
        deque(map(set_field, objects, values), maxlen=0)  # runs the map, keeps nothing
    return objects


def _make_tokens(words: list[str], starts: list[int], ends: list[int]) -> list[Token]:
    return _make(Token, _TOKEN_FIELDS, (words, starts, ends))


def _make_sentences(spans: Spans, bounds: list[tuple[int, int, int]]) -> list[Sentence]:
    """The sentences from their first and last tokens (and paragraph numbers)."""
    _, token_starts, token_ends = spans
    firsts, lasts, numbers = map(list, zip(*bounds, strict=True)) if bounds else ([], [], [])
    starts = list(map(token_starts.__getitem__, firsts))
    ends = list(map(token_ends.__getitem__, lasts))
    if not all(map(gt, ends, starts)):  # (never, as tokens are not empty)
        kept = list(map(gt, ends, starts))
        starts, ends, numbers = (list(compress(c, kept)) for c in (starts, ends, numbers))
    return _make(Sentence, _SENTENCE_FIELDS, (starts, ends, numbers))


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
