"""Warta: news articles in, a queryable record of international relations out.

>>> import warta
>>> article = warta.read("MOSKWA, KOMPAS.com - Presiden Rusia ...", published="2023-09-11")
>>> article.events
"""

from __future__ import annotations

from warta.article import Actor, Article, Entity, Event, Quote
from warta.errors import WartaError
from warta.pipeline import Pipeline, Result
from warta.resources import Resources

__all__ = [
    "Actor",
    "Article",
    "Entity",
    "Event",
    "Pipeline",
    "Quote",
    "Resources",
    "Result",
    "WartaError",
    "read",
]

__version__ = "0.1.0"

_DEFAULT: Pipeline | None = None


def read(text: str, *, published: str | None = None, url: str | None = None) -> Article:
    """Analyse one article's text with the default pipeline (built once, then reused)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT(Article(raw=text, published=published, url=url))
