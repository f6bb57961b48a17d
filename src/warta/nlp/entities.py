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
from collections.abc import Iterator
from operator import attrgetter

from warta.article import Article, Entity, Sentence, Token
from warta.lang import LangPack
from warta.nlp.gazetteer import Gazetteer, Match
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
        found: list[Entity] = []
        hits = self.gazetteer.find(article.text)  # one scan of the text, shared out below
        k = 0
        for sentence, tokens in _by_sentence(article):
            while k < len(hits) and hits[k].start < sentence.start:
                k += 1
            inside = []
            while k < len(hits) and hits[k].end <= sentence.end:
                inside.append(hits[k])
                k += 1
            found += self._sentence(article.text, tokens, tagger, inside)
        article.entities = one_type_per_name(found)

    def _sentence(
        self, text: str, tokens: list[Token], tagger: AnyTagger | None, hits: list[Match]
    ) -> list[Entity]:
        words: list[Token] = []
        for t in tokens:
            if "-" in t.text or t.text.endswith(_GENITIVE):
                words += _words(t)
            else:
                words.append(t)
        texts = [w.text for w in words]
        model = []
        if tagger is not None and words:
            for kind, i, j in tagger.spans(texts):
                start, end = words[i].start, words[j - 1].end
                model.append(Entity(text[start:end], kind, start, end, "model"))
        if not hits:
            return model
        minor: frozenset[str] = getattr(tagger, "headline_minor", frozenset())
        cased = _is_cased(texts, minor)
        hits = [h for h in hits if looks_like_name(text, h, cased=cased)]
        return combine(text, model, hits)


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
    sentences = article.sentences or [Sentence(0, len(article.text))]
    tokens = sorted(article.tokens, key=_START)
    k = 0
    for sentence in sorted(sentences, key=_START):
        while k < len(tokens) and tokens[k].start < sentence.start:
            k += 1
        inside = []
        while k < len(tokens) and tokens[k].end <= sentence.end:
            inside.append(tokens[k])
            k += 1
        yield sentence, inside


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
    return any(w != w.lower() for w in words) and not headline_case(words, minor)
