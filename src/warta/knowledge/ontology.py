"""The event ontology: PLOVER types and modes with CAMEO code, QuadClass and Goldstein.

The data is ``knowledge/data/ontology.toml`` (its header documents the format). An
``Ontology`` is loaded once and passed to the event stage; ``code(type, mode)`` gives
the GDELT-facing codes of one event.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from warta.errors import DataError


@dataclass(frozen=True, slots=True)
class Coding:
    """What an event of one type and mode means for CAMEO/GDELT users."""

    type: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    symmetric: bool


class Ontology:
    def __init__(self, data: dict[str, Any]) -> None:
        self._types = data
        self._memo: dict[tuple[str, str | None], Coding] = {}
        for name, entry in data.items():
            _check(name, entry)

    @classmethod
    def load(cls) -> Ontology:
        path = resources.files("warta.knowledge.data").joinpath("ontology.toml")
        try:
            return cls(tomllib.loads(path.read_text("utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise DataError(f"knowledge/data/ontology.toml: {exc}") from exc

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self._types)

    def modes(self, type_: str) -> tuple[str, ...]:
        return tuple(self._entry(type_).get("modes", {}))

    def code(self, type_: str, mode: str | None = None) -> Coding:
        """The coding of ``type_``/``mode``; an unknown mode falls back to the type's."""
        key = (type_, mode)
        if key not in self._memo:
            self._memo[key] = self._code(type_, mode)
        return self._memo[key]

    def _code(self, type_: str, mode: str | None) -> Coding:
        entry = self._entry(type_)
        sub = entry.get("modes", {}).get(mode, {}) if mode else {}
        return Coding(
            type=type_,
            mode=mode if sub else None,
            cameo=sub.get("cameo", entry["cameo"]),
            quad_class=entry["quad_class"],
            goldstein=float(sub.get("goldstein", entry["goldstein"])),
            symmetric=bool(sub.get("symmetric", entry.get("symmetric", False))),
        )

    def _entry(self, type_: str) -> dict[str, Any]:
        if type_ not in self._types:
            raise DataError(f"unknown event type {type_!r} (ontology: {', '.join(self._types)})")
        entry: dict[str, Any] = self._types[type_]
        return entry


def _check(name: str, entry: dict[str, Any]) -> None:
    for key in ("cameo", "goldstein", "quad_class"):
        if key not in entry:
            raise DataError(f"ontology type {name} lacks {key!r}")
    if entry["quad_class"] not in (1, 2, 3, 4):
        raise DataError(f"ontology type {name}: quad_class must be 1-4")
