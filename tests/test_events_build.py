"""The fast Event builders (events/build.py) make exactly what the dataclass would."""

from __future__ import annotations

import dataclasses

import pytest

from warta.article import ActorRef, Event
from warta.events.build import new_event, replace_event


def _values() -> dict:
    event = Event(
        type="CONSULT",
        mode=None,
        cameo="040",
        quad_class=1,
        goldstein=1.0,
        source=ActorRef("Russia", "RUS", "GOV", "RUS"),
        target=ActorRef("North Korea", "PRK", "GOV", "PRK"),
        status="planned",
        sentence="Putin akan bertemu Kim.",
        start=6,
        end=13,
        trigger="bertemu",
    )
    return {f.name: getattr(event, f.name) for f in dataclasses.fields(Event)}


def test_events_new_event_equals_the_dataclass_constructor():
    values = _values()
    assert new_event(values) == Event(**values)
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_event(values).status = "occurred"  # type: ignore[misc]


def test_events_replace_event_equals_dataclasses_replace():
    event = Event(**_values())
    assert replace_event(event, status="occurred", end=14) == dataclasses.replace(
        event, status="occurred", end=14
    )
    with pytest.raises(TypeError, match="no field"):
        replace_event(event, colour="red")


def test_events_new_mention_equals_the_dataclass_constructor():
    from warta.article import Mention
    from warta.events.build import new_mention

    mention = new_mention(0, 20, 6, 13, "planned")
    assert type(mention) is Mention and mention == Mention(0, 20, 6, 13, "planned")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.status = "occurred"  # type: ignore[misc]
