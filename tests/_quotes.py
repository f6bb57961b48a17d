"""Hand-built articles for the quote tests: text, rough sentences, and actors made from
names (every full mention plus the surname, as the actor stage would give them)."""

from __future__ import annotations

import re

from warta.article import Actor, Article, Entity, Quote
from warta.quotes.extract import extract
from warta.quotes.lexicon import Lexicon, load_lexicon
from warta.quotes.people import fallback_sentences
from warta.resources import Resources

_LEXICONS: dict[str, Lexicon] = {}


def lexicon(code: str = "id") -> Lexicon:
    if code not in _LEXICONS:
        _LEXICONS[code] = load_lexicon(Resources().lang(code))
    return _LEXICONS[code]


def article(
    text: str,
    people: tuple[str, ...] = (),
    roles: dict[str, tuple[str, ...]] | None = None,
    entities: tuple[tuple[str, str], ...] = (),
    language: str = "id",
) -> Article:
    """``roles`` maps a person to extra phrases that name them ("juru bicara Kremlin")."""
    actors = [_actor(text, name, (roles or {}).get(name, ())) for name in people]
    ents = [
        Entity(m.group(), kind, m.start(), m.end())
        for surface, kind in entities
        for m in re.finditer(re.escape(surface), text)
    ]
    return Article(
        raw=text,
        text=text,
        language=language,
        sentences=fallback_sentences(text),
        entities=ents,
        actors=actors,
    )


def quotes(text: str, *people: str, language: str = "id", **kwargs: object) -> list[Quote]:
    a = article(text, people, language=language, **kwargs)  # type: ignore[arg-type]
    return extract(a, lexicon(language))


def _actor(text: str, name: str, extra: tuple[str, ...]) -> Actor:
    surfaces = (name, name.split()[-1], *extra)
    spans = {
        (m.start(), m.end())
        for surface in surfaces
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)
    }
    slug = name.lower().replace(" ", "-")
    return Actor(f"person:{slug}", name, None, None, mentions=tuple(sorted(spans)))


def one(found: list[Quote], prefix: str) -> Quote:
    matches = [q for q in found if q.text.startswith(prefix)]
    assert len(matches) == 1, f"{prefix!r} in {[q.text for q in found]}"
    return matches[0]
