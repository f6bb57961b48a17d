"""The ``actors`` stage: entities and known names → canonical actors with every mention."""

from __future__ import annotations

from warta.actors.resolver import ArticleResolver
from warta.article import Article
from warta.resources import Resources


class ActorStage:
    name = "actors"
    requires = ("text", "sentences", "tokens", "entities")
    adds = ("actors",)

    def __init__(self, resources: Resources) -> None:
        self.knowledge = resources.knowledge

    def __call__(self, article: Article) -> None:
        drafts = ArticleResolver(self.knowledge, article).run()
        drafts.sort(key=lambda d: min(d.mentions, default=(0, 0)))
        article.actors = [d.freeze() for d in drafts if d.mentions]
