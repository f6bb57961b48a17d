"""``warta eval KIND``: score a stage against annotated data."""

from __future__ import annotations

from typing import Any

from warta.cli._plugins import register_kinds

KINDS: dict[str, str] = {
    # kind -> module with add_arguments/run/render (see cli/_plugins.py)
}


def register(sub: Any) -> None:
    register_kinds(sub, "eval", "score a stage against annotated data", KINDS)
