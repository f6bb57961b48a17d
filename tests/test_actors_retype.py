"""A name the tagger typed PER at one mention of a person is PER at all of them."""

from __future__ import annotations

from warta.actors.stage import persons_retyped
from warta.article import Actor, Entity

TEXT = "Sergei Lavrov tiba di Ankara. Kementerian Luar Negeri, Sergei Lavrov, berkata."


def _span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def _entity(word: str, kind: str, nth: int = 0) -> Entity:
    start, end = _span(word, nth)
    return Entity(word, kind, start, end)


def test_a_person_name_tagged_as_a_place_at_one_mention_becomes_a_person():
    entities = [_entity("Sergei Lavrov", "PER"), _entity("Ankara", "LOC")]
    entities.append(_entity("Sergei Lavrov", "LOC", nth=1))
    lavrov = Actor(
        "RUS:lavrov",
        "Sergei Lavrov",
        "RUS",
        "GOV",
        mentions=(_span("Sergei Lavrov"), _span("Sergei Lavrov", 1)),
    )
    out = persons_retyped(entities, [lavrov])
    assert [(e.text, e.type) for e in out] == [
        ("Sergei Lavrov", "PER"),
        ("Ankara", "LOC"),
        ("Sergei Lavrov", "PER"),
    ]
    assert out[2].start == entities[2].start and out[2].source == entities[2].source


def test_a_mention_the_tagger_never_called_a_person_keeps_its_type():
    # the actor stage attached a capital to a person (a metonym, or a partial-name
    # slip): the tagger never read "Ankara" as a person, so it stays a place
    entities = [_entity("Sergei Lavrov", "PER"), _entity("Ankara", "LOC")]
    lavrov = Actor(
        "RUS:lavrov",
        "Sergei Lavrov",
        "RUS",
        "GOV",
        mentions=(_span("Sergei Lavrov"), _span("Ankara")),
    )
    assert persons_retyped(entities, [lavrov]) == entities


def test_only_people_are_retyped():
    entities = [_entity("Sergei Lavrov", "PER"), _entity("Sergei Lavrov", "LOC", nth=1)]
    spans = (_span("Sergei Lavrov"), _span("Sergei Lavrov", 1))
    group = Actor("RUS:delegation", "Sergei Lavrov", "RUS", "GOV", kind="group", mentions=spans)
    assert persons_retyped(entities, [group]) == entities
