"""An API app over an in-memory store holding the hand-built articles, and a stand-in
pipeline that "analyses" any text into the visit article (the NLP stages are tested elsewhere)."""

from __future__ import annotations

import dataclasses

from tests._api_articles import results, visit_article
from warta.article import Article
from warta.errors import EmptyInput
from warta.pipeline import Pipeline

TOKEN = "s3cret-token"


class CannedStage:
    """Fills an article with the visit article's records, keeping the posted text's id."""

    name = "canned"
    requires: tuple[str, ...] = ()
    adds = ("text", "sentences", "entities", "actors", "quotes", "events")

    def __call__(self, article: Article) -> None:
        if article.raw.strip() == "EMPTY":
            raise EmptyInput("nothing but whitespace")
        canned = visit_article(article.published or "2023-09-11")
        for f in dataclasses.fields(Article):
            if f.name not in ("raw", "url", "published", "meta"):
                setattr(article, f.name, getattr(canned, f.name))
        article.meta["posted"] = article.raw


def canned_pipeline() -> Pipeline:
    return Pipeline([CannedStage()])


def make_app(**options: object):
    from warta.api import create_app
    from warta.store import open_store

    store = open_store(":memory:")
    store.write(results())
    options.setdefault("pipeline", canned_pipeline())
    return create_app(store, **options)  # type: ignore[arg-type]
