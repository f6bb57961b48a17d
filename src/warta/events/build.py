"""Build and copy Event records faster than their dataclass machinery.

Event is a frozen dataclass of 17 fields: its generated ``__init__`` sets each through
``object.__setattr__``, 36k machine instructions an event, and ``dataclasses.replace``
goes through that ``__init__`` too. Filling the slots through their descriptors (as
``nlp.segment`` does for tokens) takes 21k, for the same frozen objects; the stage builds
or copies some twelve events per article. Every field is always given: Event has no
``__post_init__`` to run and no default to fill in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from warta.article import Event, slot_setters

_FIELDS = tuple(zip((f.name for f in fields(Event)), slot_setters(Event), strict=True))
_NAMES = frozenset(name for name, _ in _FIELDS)


def new_event(values: Mapping[str, Any]) -> Event:
    """``Event(**values)``; ``values`` names every field."""
    event: Event = object.__new__(Event)
    for name, set_field in _FIELDS:
        set_field(event, values[name])
    return event


def replace_event(event: Event, **changes: Any) -> Event:
    """``dataclasses.replace(event, **changes)``."""
    if not _NAMES.issuperset(changes):
        raise TypeError(f"Event has no field {sorted(set(changes) - _NAMES)}")
    copy: Event = object.__new__(Event)
    for name, set_field in _FIELDS:
        set_field(copy, changes[name] if name in changes else getattr(event, name))
    return copy
