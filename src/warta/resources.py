"""Shared, read-only resources that stages are built with: language packs, the knowledge
base and the trained models. Loaded lazily and once, then passed in (never module globals)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from warta.lang import LangPack, load_pack

if TYPE_CHECKING:
    from warta.knowledge import Knowledge


class Resources:
    def __init__(self, **overrides: Any) -> None:
        # Tests pass hand-built objects (e.g. a small Knowledge) as overrides.
        for key, value in overrides.items():
            setattr(self, key, value)

    def lang(self, code: str) -> LangPack:
        return load_pack(code)

    @cached_property
    def knowledge(self) -> Knowledge:
        from warta.knowledge import Knowledge

        return Knowledge.load()
