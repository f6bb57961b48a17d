"""The actors of one article while it is read: one draft per actor id, with every mention
span, filled in as evidence arrives (a later apposition can give an unknown person a role)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from warta.article import Actor
from warta.knowledge import Resolution
from warta.knowledge.normalise import slug


@dataclass
class Draft:
    """Mutable on purpose: an actor's record grows mention by mention, then freezes."""

    id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    role: str | None = None
    affiliation: str | None = None
    known: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def fill(self, res: Resolution) -> None:
        """Take what a resolution adds without overwriting what is already known."""
        self.country = self.country or res.country
        self.sector = self.sector or res.sector
        self.role = self.role or res.role
        self.affiliation = self.affiliation or res.affiliation

    def freeze(self) -> Actor:
        mentions = tuple(sorted(set(self.mentions)))
        return Actor(
            self.id,
            self.name,
            self.country,
            self.sector,
            self.kind,
            self.role,
            self.affiliation,
            mentions,
            self.known,
        )


class ActorTable:
    def __init__(self, size: int = 0) -> None:
        self.drafts: dict[str, Draft] = {}
        self._persons: list[Draft] = []  # the drafts of kind "person", in draft order
        self.taken: list[tuple[int, int, str]] = []  # (start, end, actor id) in add order
        self._mask = bytearray(size)  # 1 where a character lies inside some mention
        # ``taken`` by start, the last first, ties in add order: (-start, add order, end,
        # actor id), kept sorted as spans are added rather than sorted at every ``before``
        # (plain tuples: bisect compares them in C, with no key function to call)
        self._nearest_first: list[tuple[int, int, int, str]] = []

    def add(self, actor_id: str, span: tuple[int, int]) -> Draft:
        draft = self.drafts[actor_id]
        if span not in draft.mentions:
            draft.mentions.append(span)
            insort(self._nearest_first, (-span[0], len(self.taken), span[1], actor_id))
            self.taken.append((*span, actor_id))
            if span[1] <= len(self._mask):
                self._mask[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        return draft

    def resolved(
        self, res: Resolution, span: tuple[int, int], surface: str, actor_id: str | None = None
    ) -> Draft:
        """The draft for a resolution (made on first sight), with ``span`` as a mention."""
        actor_id = actor_id or res.id or _unknown_id(res, surface)
        if actor_id not in self.drafts:
            draft = self.drafts[actor_id] = Draft(
                actor_id,
                res.name or surface,
                res.country,
                res.sector,
                res.kind,
                res.role,
                res.affiliation,
                res.known and res.id is not None,
            )
            if draft.kind == "person":
                self._persons.append(draft)
        return self.add(actor_id, span)

    def covered(self, start: int, end: int) -> bool:
        if end <= len(self._mask):
            return self._mask.find(1, start, end) != -1  # no slice copied (mask bytes: 0, 1)
        return any(s < end and start < e for s, e, _ in self.taken)

    def before(self, offset: int, floor: int = 0) -> Iterator[Draft]:
        """Actors by their mentions in [floor, offset), the nearest first (a mention per
        actor each time it occurs). Lazy: most callers stop at the first that fits."""
        spans = self._nearest_first
        for back, _, end, actor_id in spans[bisect_left(spans, (-offset,)) :]:
            if -back < floor:
                return
            if end <= offset:
                yield self.drafts[actor_id]

    def persons(self) -> list[Draft]:
        # kept as drafts are made, not filtered from all drafts at each of the ~9 calls
        # an article makes (1 % of the stage's bytecodes); a copy, as callers may add
        return self._persons.copy()

    def actors(self) -> list[Actor]:
        drafts = sorted(self.drafts.values(), key=lambda d: min(d.mentions))
        return [d.freeze() for d in drafts if d.mentions]


def _unknown_id(res: Resolution, surface: str) -> str:
    """Ids for named actors the base lacks: "person:jo-chun-ryong", "org:lembaga-x"."""
    prefix = {"person": "person", "group": "org", "organisation": "org"}.get(res.kind, "actor")
    return f"{prefix}:{slug(surface)}"
