"""The ``entities`` stage: names of people, organisations, places (and events) in the
article, from the trained tagger combined with the knowledge base's gazetteer (the rule
is in ``warta.nlp.ner.combine``).

The tagger reads one sentence at a time over the segmenter's tokens. A token made of
capitalised parts joined by hyphens ("Rusia-Korut", "Jokowi-JK") is given to the tagger
as its parts and the hyphens, the way the NERGrit corpus writes such compounds, so that
each name can be its own entity. A language without a trained model but with recogniser
rules (English: ``lang/en/ner_rules.toml``, see ``warta.nlp.ner.rules``) reads with the
rules; one with neither gets gazetteer entities only. An English genitive clitic is its
own word ("Russia's" -> "Russia" + "'s"), so that a name never includes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Protocol, TypeVar

from warta.article import Article, Entity, Sentence, Token
from warta.lang import LangPack
from warta.nlp.gazetteer import Gazetteer, Match
from warta.nlp.ner.combine import combine, looks_like_name, one_type_per_name
from warta.nlp.ner.rules import RuleTagger
from warta.nlp.ner.tagger import Tagger, headline_case, model_paths
from warta.resources import Resources

_HYPHEN_PART = re.compile(r"[^-]+|-")
_START = attrgetter("start")
_END = attrgetter("end")
_TEXT = attrgetter("text")
_GENITIVE = ("'s", "’s")
AnyTagger = Tagger | RuleTagger


class EntityStage:
    name = "entities"
    requires = ("text", "sentences", "tokens", "language")
    adds = ("entities",)

    def __init__(self, resources: Resources) -> None:
        self._resources = resources
        self._taggers: dict[str, AnyTagger | None] = {}
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(_known_names(self._resources))
        return self._gazetteer

    def tagger(self, language: str) -> AnyTagger | None:
        if language not in self._taggers:
            self._taggers[language] = _load_tagger(self._resources.lang(language))
        return self._taggers[language]

    def __call__(self, article: Article) -> None:
        self.batch([article])

    def batch(self, articles: Sequence[Article]) -> None:
        """The entities of several articles: the tagger decodes all their sentences at
        once, which costs about half as much as article by article (numpy's cost per
        call is most of decoding one article; measured on chunks of 128 bench articles).
        """
        by_language: dict[str, list[Article]] = {}
        for article in articles:
            by_language.setdefault(article.language or "id", []).append(article)
        for language, group in by_language.items():
            tagger = self.tagger(language)
            read = [_Sentences.of(article, self.gazetteer, tagger) for article in group]
            tagged = _tag(tagger, read)
            at = 0
            for article, sentences in zip(group, read, strict=True):
                spans = tagged[at : at + len(sentences.texts)]
                article.entities = sentences.entities(article.text, spans)
                at += len(sentences.texts)


@dataclass(frozen=True, slots=True)
class _Sentences:
    """What the tagger reads of one article, and the gazetteer's hits, by sentence."""

    words: list[list[Token]]
    texts: list[list[str]]
    hits: list[list[Match]]
    headlines: list[bool]
    lowered: list[bool]

    @classmethod
    def of(cls, article: Article, gazetteer: Gazetteer, tagger: AnyTagger | None) -> _Sentences:
        sentences, tokens, ranges = _by_sentence(article)
        hits = _share_out(gazetteer.find(article.text), sentences)  # one scan of the text
        words, texts = _split_words(tokens, ranges)
        minor: frozenset[str] = getattr(tagger, "headline_minor", frozenset())
        # Each sentence's casing is decided once, for the tagger and for the gazetteer's
        # hits (``entities``): the headline test, the tagger and the hits each joined and
        # lowercased the words again (about 3 % of the stage).
        joined = list(map("".join, texts))
        lowered = [j == j.lower() for j in joined]  # (as a whole exactly when every word is)
        headlines = [
            headline_case(ts, minor, joined=j) for ts, j in zip(texts, joined, strict=True)
        ]
        return cls(words, texts, hits, headlines, lowered)

    def entities(self, text: str, tagged: list[Spans]) -> list[Entity]:
        """The article's entities from the tagger's spans of its sentences."""
        found: list[Entity] = []
        for ws, spans, inside, headline, low in zip(
            self.words, tagged, self.hits, self.headlines, self.lowered, strict=True
        ):
            model = [
                Entity(text[ws[i].start : ws[j - 1].end], kind, ws[i].start, ws[j - 1].end, "model")
                for kind, i, j in spans
            ]
            if inside:
                # in ordinary mixed case, capitals mark names (else every hit looks like one)
                if not headline and not low:
                    inside = [h for h in inside if looks_like_name(text, h, cased=True)]
                model = combine(text, model, inside)
            found += model
        return one_type_per_name(found)


Spans = list[tuple[str, int, int]]


def _tag(tagger: AnyTagger | None, read: list[_Sentences]) -> list[Spans]:
    """The tagger's spans of every sentence of these articles, in order."""
    texts = [ts for sentences in read for ts in sentences.texts]
    if isinstance(tagger, Tagger):
        headlines = [h for sentences in read for h in sentences.headlines]
        lowered = [low for sentences in read for low in sentences.lowered]
        return tagger.spans_many(texts, headlines=headlines, lowercase=lowered)
    return tagger.spans_many(texts) if tagger is not None else [[] for _ in texts]


def _known_names(resources: Resources) -> list[tuple[str, str]]:
    """The knowledge base's names; none (model only) while it is not installed."""
    try:
        return list(resources.knowledge.gazetteer_entries())
    except (ImportError, AttributeError):
        return []


def _load_tagger(pack: LangPack) -> AnyTagger | None:
    """The pack's own model, else its base pack's (Malay reads with the Indonesian one),
    else the pack's recogniser rules."""
    current: LangPack | None = pack
    while current is not None:
        name = f"ner-{current.code}"
        if model_paths(name)[0].is_file():
            return Tagger.load(pack, name=name)
        current = current.base
    return RuleTagger.from_pack(pack) if pack.has("ner_rules") else None


def _by_sentence(
    article: Article,
) -> tuple[list[Sentence], list[Token], list[tuple[int, int]]]:
    """The sentences in text order, the tokens in text order, and the range of tokens
    inside each sentence (a token crossing a sentence's end is in none)."""
    sentences = sorted(article.sentences or [Sentence(0, len(article.text))], key=_START)
    tokens = article.tokens
    starts = list(map(_START, tokens))  # (map with attrgetter: faster than a listcomp)
    if starts != sorted(starts):  # (the segmenter's tokens come in order: no sort needed)
        tokens = sorted(tokens, key=_START)
        starts = list(map(_START, tokens))
    ends = list(map(_END, tokens))
    if ends != sorted(ends):  # overlapping tokens: the general walk
        return sentences, tokens, _walk(sentences, tokens)
    ranges = []
    k = 0
    for sentence in sentences:
        first = bisect_left(starts, sentence.start, k)
        k = bisect_right(ends, sentence.end, first)
        ranges.append((first, k))
    return sentences, tokens, ranges


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_HasSpan)


def _walk(sentences: list[Sentence], tokens: list[Token]) -> list[tuple[int, int]]:
    """``_share_out``'s ranges of tokens (each sentence's tokens are consecutive)."""
    ranges = []
    k = 0
    for sentence in sentences:
        while k < len(tokens) and tokens[k].start < sentence.start:
            k += 1
        first = k
        while k < len(tokens) and tokens[k].end <= sentence.end:
            k += 1
        ranges.append((first, k))
    return ranges


def _share_out(items: Sequence[_Spanned], sentences: Sequence[Sentence]) -> list[list[_Spanned]]:
    """The items (tokens, gazetteer hits) inside each sentence; both in text order."""
    out = []
    k = 0
    for sentence in sentences:
        while k < len(items) and items[k].start < sentence.start:
            k += 1
        inside = []
        while k < len(items) and items[k].end <= sentence.end:
            inside.append(items[k])
            k += 1
        out.append(inside)
    return out


def _split_words(
    tokens: list[Token], ranges: list[tuple[int, int]]
) -> tuple[list[list[Token]], list[list[str]]]:
    """Each sentence's words for the tagger and their texts: its tokens, with hyphenated
    names and genitives split."""
    texts = list(map(_TEXT, tokens))
    # Few tokens split (a hyphen is mostly a reduplication, "negara-negara", which
    # stays whole): they are found with one look at the article's joined text, and the
    # other sentences' words are slices (measured: a fifth faster than a look at each
    # sentence's tokens).
    joined = "\n".join(texts) + "\n"
    plain = "-" not in joined and "'s\n" not in joined and "’s\n" not in joined
    split = {} if plain else _splits(tokens, _odd_tokens(texts, joined))
    at = sorted(split)
    out_words, out_texts = [], []
    k = 0  # the next split token
    for first, end in ranges:
        while k < len(at) and at[k] < first:
            k += 1
        if k == len(at) or at[k] >= end:
            out_words.append(tokens[first:end])
            out_texts.append(texts[first:end])
            continue
        words: list[Token] = []
        while k < len(at) and at[k] < end:
            words += tokens[first : at[k]] + split[at[k]]
            first = at[k] + 1
            k += 1
        words += tokens[first:end]
        out_words.append(words)
        out_texts.append([w.text for w in words])
    return out_words, out_texts


def _splits(tokens: list[Token], odd: list[int]) -> dict[int, list[Token]]:
    """The words of the tokens (at the indexes ``odd``) that split."""
    words = {i: _words(tokens[i]) for i in odd}
    return {i: parts for i, parts in words.items() if len(parts) > 1}


def _odd_tokens(texts: list[str], joined: str) -> list[int]:
    """The indexes of the tokens with a hyphen or a genitive ending; ``joined``: their
    texts joined by (and ended with) newlines. (A few per article, found with ``find``
    and placed by counting newlines, in C: a quarter of the cost of testing every token.)"""
    if joined.count("\n") != len(texts):  # a token with a newline: test every token
        return [i for i, t in enumerate(texts) if "-" in t or t.endswith(_GENITIVE)]
    odd: list[int] = []
    line = at = 0
    for found in sorted(
        _find_all(joined, "-") + _find_all(joined, "'s\n") + _find_all(joined, "’s\n")
    ):
        line += joined.count("\n", at, found)
        at = found
        if not odd or odd[-1] != line:
            odd.append(line)
    return odd


def _find_all(text: str, part: str) -> list[int]:
    found = []
    at = text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _words(token: Token) -> list[Token]:
    if token.text.endswith(_GENITIVE) and len(token.text) > 2:
        cut = token.end - 2
        clitic = Token(token.text[-2:], cut, token.end)
        return [*_words(Token(token.text[:-2], token.start, cut)), clitic]
    if "-" not in token.text:
        return [token]
    parts = token.text.split("-")
    if len(parts) < 2 or not all(len(p) >= 2 and p[0].isupper() for p in parts):
        return [token]
    return [
        Token(m.group(), token.start + m.start(), token.start + m.end())
        for m in _HYPHEN_PART.finditer(token.text)
    ]
