"""``warta bench [KIND]``: measure throughput and memory (the whole pipeline by default)."""

from __future__ import annotations

from typing import Any

from warta.cli._plugins import register_kinds

KINDS: dict[str, str] = {
    "ner": "warta.bench.ner",
    "actors": "warta.bench.actors",
    "events": "warta.bench.events",
    "pipeline": "warta.bench.pipeline",
}
DEFAULT = "pipeline"


def register(sub: Any) -> None:
    register_kinds(
        sub, "bench", "measure throughput and memory", KINDS, DEFAULT if DEFAULT in KINDS else None
    )
