"""``warta eval KIND``: score a stage against annotated data."""

from __future__ import annotations

from typing import Any

from warta.cli._plugins import register_kinds

KINDS: dict[str, str] = {
    "ner": "warta.evaluate.ner",
    "quotes": "warta.evaluate.quotes",
    "plover": "warta.evaluate.plover",
    "petrarch": "warta.evaluate.petrarch",
    "actors": "warta.evaluate.actors",
    "events": "warta.evaluate.events",
    # kind -> module with add_arguments/run/render (see cli/_plugins.py)
}


def register(sub: Any) -> None:
    register_kinds(sub, "eval", "score a stage against annotated data", KINDS)
