"""The ``actors`` stage: entities and known names → canonical actors with every mention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from warta.actors.resolver import ArticleResolver
from warta.article import Actor, Article, Entity
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
        article.entities = persons_retyped(article.entities, article.actors)


def persons_retyped(entities: Sequence[Entity], actors: Sequence[Actor]) -> list[Entity]:
    """Entities the tagger typed PER at one mention of a person and otherwise at another,
    typed PER at every mention of that person.

    The tagger reads one mention at a time: a name after an organisation and a comma
    ("Departemen Industri Amunisi, Jo Chun Ryong") can read as a place there and as a
    person elsewhere in the same article. Both mentions belong to one actor, a person, so
    the same name is the same type. A span is retyped only when the tagger itself said
    PER for that very name at another of the actor's mentions: the actor stage's own
    decision that a mention belongs to a person is not evidence enough alone."""
    by_span = {(e.start, e.end): e for e in entities}
    retyped: set[tuple[int, int]] = set()
    for actor in actors:
        if actor.kind == "person":
            retyped.update(_mistyped_mentions(actor, by_span))
    if not retyped:
        return list(entities)
    return [replace(e, type="PER") if (e.start, e.end) in retyped else e for e in entities]


def _mistyped_mentions(
    actor: Actor, by_span: dict[tuple[int, int], Entity]
) -> list[tuple[int, int]]:
    tagged = [(span, by_span.get(span)) for span in actor.mentions]
    persons = {e.text.casefold() for _, e in tagged if e is not None and e.type == "PER"}
    return [
        span
        for span, e in tagged
        if e is not None and e.type != "PER" and e.text.casefold() in persons
    ]
