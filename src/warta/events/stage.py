"""The ``events`` pipeline stage: fills ``article.events`` (see ``warta.events.coder``)."""

from __future__ import annotations

from functools import cached_property

from warta.article import Article
from warta.events.coder import Coder
from warta.events.dates import DateReader, Found
from warta.events.lexicon import Lexicon
from warta.events.sentence import ArticleIndex
from warta.events.status import StatusCues
from warta.knowledge.ontology import Ontology
from warta.knowledge.places import Places
from warta.resources import Resources

DEFAULT_LANGUAGE = "id"


class EventStage:
    name = "events"
    requires = ("text", "sentences", "tokens", "entities", "actors", "quotes")
    adds = ("events", "times")

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._coders: dict[str, Coder] = {}

    def __call__(self, article: Article) -> None:
        coder = self.coder(article.language or DEFAULT_LANGUAGE)
        # A language without event patterns yields no events rather than wrong ones.
        if coder is None:
            article.events, article.times = [], []
            return
        # Shared by both passes: tokens and mentions sorted once, each sentence's dates read once.
        index = ArticleIndex(article)
        dates: dict[int, list[Found]] = {}
        article.events = coder.code(article, index, dates)
        article.times = coder.times(article, index, dates)

    def coder(self, language: str) -> Coder | None:
        if language not in self._coders:
            pack = self.resources.lang(language)
            if not (pack.has("events") and pack.has("status") and pack.has("dates")):
                return None
            self._coders[language] = Coder(
                Lexicon.from_pack(pack),
                StatusCues.from_pack(pack),
                DateReader.from_pack(pack),
                self.ontology,
                self.places,
            )
        return self._coders[language]

    @cached_property
    def ontology(self) -> Ontology:
        return getattr(self.resources, "ontology", None) or Ontology.load()

    @cached_property
    def places(self) -> Places:
        return getattr(self.resources, "places", None) or Places.load()
