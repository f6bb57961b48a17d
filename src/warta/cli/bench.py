"""``warta bench [KIND]``: measure throughput and memory (the whole pipeline by default)."""

from __future__ import annotations

from typing import Any

from warta.cli._plugins import register_kinds

KINDS: dict[str, str] = {}
DEFAULT = "pipeline"


def register(sub: Any) -> None:
    register_kinds(
        sub, "bench", "measure throughput and memory", KINDS, DEFAULT if DEFAULT in KINDS else None
    )
