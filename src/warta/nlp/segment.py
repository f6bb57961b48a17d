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
from collections.abc import Iterable

from warta.article import Article, Sentence, Token
from warta.resources import Resources

_ENDERS = frozenset({".", "!", "?", "…", "..."})
_CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»", "“"})
_OPENERS = frozenset({"“", '"', "‘", "'", "(", "[", "«", "„"})
_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
MAX_QUOTE_SENTENCE = 400  # longer quotations are split into their own sentences


class Segmenter:
    def __init__(self, keep: Iterable[str], final: Iterable[str]) -> None:
        final = set(final)
        abbrevs = sorted(set(keep) | final, key=len, reverse=True)
        self.final = frozenset(final)
        alternation = "|".join(re.escape(a) for a in abbrevs)
        self.token_re = re.compile(
            r"https?://\S+|www\.\S+"
            r"|[\w.+-]+@[\w-]+\.[\w.-]+"
            rf"|(?<!\w)(?:{alternation})(?!\w)"
            r"|\d{1,2}/\d{1,2}/\d{2,4}"
            r"|\d+(?:[.,:]\d+)*%?"
            r"|(?<!\w)[A-Z]\.(?=\s+[A-Z])"
            r"|\w+(?:[-'’]\w+)*(?:\.(?:com|co\.id|go\.id|id|net|org))?"
            r"|\.\.\.|[^\w\s]"
        )

    @classmethod
    def for_language(cls, resources: Resources, code: str) -> Segmenter:
        data = resources.lang(code).data("abbreviations")
        return cls(data.get("keep", []), data.get("final", []))

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        matches = self.token_re.finditer(text, start, len(text) if end is None else end)
        return [Token(m.group(), m.start(), m.end()) for m in matches]

    def sentences(self, text: str, tokens: list[Token], paragraph: int) -> list[Sentence]:
        if not tokens:
            return []
        quoted = _quoted_token_ranges(tokens)
        out: list[Sentence] = []
        first = 0
        for i in range(len(tokens)):
            if i == len(tokens) - 1 or not self._ends_sentence(tokens, i, quoted):
                continue
            last = i
            while last + 1 < len(tokens) and tokens[last + 1].text in _CLOSERS:
                last += 1
                if tokens[last].text in ("“",) and last + 1 < len(tokens):
                    break
            if last + 1 >= len(tokens):
                break
            out.append(Sentence(tokens[first].start, tokens[last].end, paragraph))
            first = last + 1
        if first < len(tokens):
            out.append(Sentence(tokens[first].start, tokens[-1].end, paragraph))
        return _dedupe(out)

    def _ends_sentence(self, tokens: list[Token], i: int, quoted: list[bool]) -> bool:
        tok = tokens[i].text
        # Inside a quotation only its last sentence ends ("… Putin.” Namun …").
        if quoted[i] and not (i + 1 < len(tokens) and tokens[i + 1].text in _CLOSERS):
            return False
        if tok not in _ENDERS and tok not in self.final:
            return False
        j = i + 1
        while j < len(tokens) and tokens[j].text in _CLOSERS and tokens[j].text != "“":
            j += 1
        if j >= len(tokens):
            return True
        nxt = tokens[j].text
        return nxt[0].isupper() or nxt[0].isdigit() or nxt in _OPENERS


def _quoted_token_ranges(tokens: list[Token]) -> list[bool]:
    """Which tokens lie inside a short, closed quotation (where boundaries are suppressed)."""
    inside = [False] * len(tokens)
    stack: list[tuple[str, int]] = []
    for i, tok in enumerate(tokens):
        text = tok.text
        if stack and text == _PAIRS[stack[-1][0]]:
            _, at = stack.pop()
            if tokens[i].end - tokens[at].start <= MAX_QUOTE_SENTENCE:
                for k in range(at + 1, i):
                    inside[k] = True
        elif text in _PAIRS:
            stack.append((text, i))
    return inside


def _dedupe(sentences: list[Sentence]) -> list[Sentence]:
    return [s for s in sentences if s.end > s.start]


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
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        for number, (start, end) in enumerate(paragraphs):
            para_tokens = seg.tokens(article.text, start, end)
            tokens.extend(para_tokens)
            sentences.extend(seg.sentences(article.text, para_tokens, number))
        article.tokens = tokens
        article.sentences = sentences
