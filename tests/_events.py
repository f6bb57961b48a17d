"""Build Articles by hand for the event coder's tests (as spaCy's tests build a Doc)."""

from __future__ import annotations

from functools import cache

from warta.article import Article, Event
from warta.evaluate.events import gold_article, parse_actor


@cache
def stage():  # type: ignore[no-untyped-def]
    from warta.events.stage import EventStage
    from warta.resources import Resources

    return EventStage(Resources())


def code(text: str, *actors: str, published: str | None = "2024-03-04") -> Article:
    """Code ``text`` whose actors are given as "form; form = COUNTRY SECTOR kind"."""
    article = gold_article(text, [parse_actor(a) for a in actors], published)
    stage()(article)
    return article


def triples(article: Article) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, _c(e.source), _c(e.target)) for e in article.events}


def find(article: Article, type_: str) -> Event:
    found = [e for e in article.events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger) for e in article.events]}"
    return found[0]


def _c(ref) -> str | None:  # type: ignore[no-untyped-def]
    return ref.country if ref is not None else None


RUS = "Rusia = RUS GOV state"
UKR = "Ukraina = UKR GOV state"
IDN = "Indonesia = IDN GOV state"
JPN = "Jepang = JPN GOV state"
CHN = "Tiongkok = CHN GOV state"
USA = "Amerika Serikat; AS = USA GOV state"
ISR = "Israel = ISR GOV state"
IRN = "Iran = IRN GOV state"
