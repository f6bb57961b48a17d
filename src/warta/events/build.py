"""Build and copy frozen records (Event, Mention) faster than their dataclass machinery.

A frozen dataclass's generated ``__init__`` sets each field through
``object.__setattr__``, and ``dataclasses.replace`` goes through that ``__init__`` too.
Here a record is built as a draft instead: an instance of a plain slotted dataclass with
the same fields, whose ``__init__`` stores each field directly, that then takes the frozen
class as its type. ``__class__`` assignment is allowed between classes of the same slot
layout (Python checks it and raises TypeError otherwise), and the record is then an
ordinary instance of the frozen class. Measured in machine instructions per record:
Event 18.8k -> 9.4k, Mention 9.4k -> 4.6k, a copy of an Event with changes 26.5k ->
13.1k; the stage builds some eleven events and ten mentions and copies four events per
bench article. The drafts have no defaults: every field is always given (neither class
has a ``__post_init__`` to run).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, make_dataclass
from operator import attrgetter
from typing import Any, TypeVar

from warta.article import Event, Mention

T = TypeVar("T")


def _draft_class(cls: type) -> type:
    """A mutable slotted dataclass with the fields (and so the slot layout) of ``cls``."""
    return make_dataclass(
        cls.__name__ + "Draft", [(f.name, f.type) for f in fields(cls)], slots=True
    )


def _frozen(draft: Any, cls: type[T]) -> T:
    draft.__class__ = cls
    return draft


_EventDraft = _draft_class(Event)
_MentionDraft = _draft_class(Mention)
_NAMES = frozenset(f.name for f in fields(Event))
_ALL = attrgetter(*(f.name for f in fields(Event)))  # every field's value, in order


def new_event(values: Mapping[str, Any]) -> Event:
    """``Event(**values)``; ``values`` names every field."""
    return _frozen(_EventDraft(**values), Event)


def replace_event(event: Event, **changes: Any) -> Event:
    """``dataclasses.replace(event, **changes)``."""
    if not _NAMES.issuperset(changes):
        raise TypeError(f"Event has no field {sorted(set(changes) - _NAMES)}")
    draft = _EventDraft(*_ALL(event))
    for name, value in changes.items():
        setattr(draft, name, value)
    return _frozen(draft, Event)


def new_mention(start: int, end: int, trigger_start: int, trigger_end: int, status: str) -> Mention:
    """``Mention(start, end, trigger_start, trigger_end, status)``."""
    return _frozen(_MentionDraft(start, end, trigger_start, trigger_end, status), Mention)
