"""Merge an article's event mentions that say the same thing into one Event.

Mentions merge when their (type, source, target, status) agree. Between two countries
the dyad is compared by country ("Kim" and "Korea Utara" are one party), inside one
country by actor, so that two arrests by the police of different people stay apart.
Mutual events (ontology ``symmetric``) compare their parties unordered.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.article import Actor, Event, Mention
from warta.events.build import replace_event


@dataclass(slots=True)
class Coded:  # not frozen, for speed: see sentence.Span
    """One mention before merging: the Event it would be, and the actors it names."""

    event: Event
    source: Actor | None
    target: Actor | None
    symmetric: bool
    departure: bool = False  # leaving home: the destination is found later


def merge(coded: list[Coded]) -> list[Event]:
    groups: dict[tuple[object, ...], Event] = {}
    for item in coded:
        key = _key(item)
        if key not in groups:
            groups[key] = item.event
        else:
            groups[key] = _join(groups[key], item.event)
    return _fold_partial(groups)


def _fold_partial(groups: dict[tuple[object, ...], Event]) -> list[Event]:
    """A mention that lacks one party ("menewaskan puluhan orang" after "Israel melancarkan
    serangan ke Gaza") joins the one fuller event it agrees with, if there is exactly one."""
    keys = list(groups)
    for key in keys:
        type_, a, b, status = key
        if a and b:
            continue
        fuller = [
            k
            for k in keys
            if k in groups
            and k != key
            and k[0] == type_
            and k[3] == status
            and k[1]
            and k[2]
            and (not a or a in (k[1], k[2]))
            and (not b or b in (k[1], k[2]))
        ]
        if len(fuller) == 1 and (a or b):
            groups[fuller[0]] = _join(groups[fuller[0]], groups.pop(key))
    return list(groups.values())


def _key(item: Coded) -> tuple[object, ...]:
    src, tgt = item.source, item.target
    by_country = (
        src is not None
        and tgt is not None
        and src.country is not None
        and tgt.country is not None
        and src.country != tgt.country
    )
    a = _party(src, by_country)
    b = _party(tgt, by_country)
    if item.symmetric:
        a, b = sorted((a, b))
    return (item.event.type, a, b, item.event.status)


def _party(actor: Actor | None, by_country: bool) -> str:
    if actor is None:
        return ""
    if by_country and actor.country:
        return "c:" + actor.country
    return "a:" + actor.id


def _join(first: Event, other: Event) -> Event:
    return replace_event(
        first,
        mentions=first.mentions + _new(first.mentions, other.mentions),
        attributed_to=first.attributed_to or other.attributed_to,
        confirmed_by=first.confirmed_by or other.confirmed_by,
        date=first.date or other.date,
        place=first.place or other.place,
        mode=first.mode or other.mode,
    )


def _new(have: tuple[Mention, ...], more: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Mentions not yet recorded (one trigger can yield one event per group member)."""
    seen = {(m.trigger_start, m.trigger_end) for m in have}
    return tuple(m for m in more if (m.trigger_start, m.trigger_end) not in seen)
