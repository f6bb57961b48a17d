"""The quotes stage: direct and indirect speech, each with its speaker resolved to an actor."""

from __future__ import annotations

from warta.article import Article
from warta.quotes.extract import extract
from warta.quotes.lexicon import Lexicon, load_lexicon
from warta.resources import Resources


class QuoteStage:
    name = "quotes"
    requires = ("text", "sentences", "tokens", "entities", "actors")
    adds = ("quotes",)

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._lexicons: dict[str, Lexicon] = {}

    def __call__(self, article: Article) -> None:
        article.quotes = extract(article, self.lexicon(article.language or "id"))

    def lexicon(self, code: str) -> Lexicon:
        if code not in self._lexicons:
            self._lexicons[code] = load_lexicon(self.resources.lang(code))
        return self._lexicons[code]
