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
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import Protocol, TypeVar

from warta.article import Article, Entity, Sentence, Token
from warta.lang import LangPack
from warta.nlp.gazetteer import Gazetteer
from warta.nlp.ner.combine import combine, looks_like_name, one_type_per_name
from warta.nlp.ner.rules import RuleTagger
from warta.nlp.ner.tagger import Tagger, headline_case, model_paths
from warta.resources import Resources

_HYPHEN_PART = re.compile(r"[^-]+|-")
_START = attrgetter("start")
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
        tagger = self.tagger(article.language or "id")
        text = article.text
        sentences, tokens = zip(*_by_sentence(article), strict=True)
        hits = _share_out(self.gazetteer.find(text), sentences)  # one scan of the text
        words, texts = zip(*map(_split_words, tokens), strict=True)
        # the tagger reads all the sentences at once (a batch costs little more than one)
        tagged = tagger.spans_many(texts) if tagger is not None else [[] for _ in texts]
        minor: frozenset[str] = getattr(tagger, "headline_minor", frozenset())
        found: list[Entity] = []
        for ws, ts, spans, inside in zip(words, texts, tagged, hits, strict=True):
            model = []
            for kind, i, j in spans:
                start, end = ws[i].start, ws[j - 1].end
                model.append(Entity(text[start:end], kind, start, end, "model"))
            if inside:
                cased = _is_cased(ts, minor)
                inside = [h for h in inside if looks_like_name(text, h, cased=cased)]
                model = combine(text, model, inside)
            found += model
        article.entities = one_type_per_name(found)


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


def _by_sentence(article: Article) -> Iterator[tuple[Sentence, list[Token]]]:
    """Each sentence with the tokens inside it (a token crossing a sentence's end is in
    none)."""
    sentences = article.sentences or [Sentence(0, len(article.text))]
    tokens = article.tokens
    starts = [t.start for t in tokens]
    if starts != sorted(starts):  # (the segmenter's tokens come in order: no sort needed)
        tokens = sorted(tokens, key=_START)
        starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    if ends != sorted(ends):  # overlapping tokens: the general walk
        yield from _walk(sorted(sentences, key=_START), tokens)
        return
    k = 0
    for sentence in sorted(sentences, key=_START):
        first = bisect_left(starts, sentence.start, k)
        k = bisect_right(ends, sentence.end, first)
        yield sentence, tokens[first:k]


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_HasSpan)


def _walk(sentences: list[Sentence], tokens: list[Token]) -> Iterator[tuple[Sentence, list[Token]]]:
    yield from zip(sentences, _share_out(tokens, sentences), strict=True)


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


def _split_words(tokens: list[Token]) -> tuple[list[Token], list[str]]:
    """The tagger's words and their texts: tokens, with hyphenated names and genitives
    split."""
    texts = [t.text for t in tokens]
    # most sentences have neither: one look at their joined text
    joined = "\n".join(texts) + "\n"
    if "-" not in joined and "'s\n" not in joined and "’s\n" not in joined:
        return tokens, texts
    words: list[Token] = []
    for t in tokens:
        if "-" in t.text or t.text.endswith(_GENITIVE):
            words += _words(t)
        else:
            words.append(t)
    return words, [w.text for w in words]


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


def _is_cased(words: list[str], minor: frozenset[str]) -> bool:
    """Ordinary mixed case (not lowercased, not a headline), where capitals mark names."""
    joined = "".join(words)  # (lowercase as a whole exactly when every word is)
    return joined != joined.lower() and not headline_case(words, minor)
