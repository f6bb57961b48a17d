"""``warta train KIND``: train a shipped model with the project's own script."""

from __future__ import annotations

from typing import Any

from warta.cli._plugins import register_kinds

KINDS: dict[str, str] = {
    "ner": "warta.nlp.ner.train",
    "chunk": "warta.nlp.chunk",
}


def register(sub: Any) -> None:
    register_kinds(sub, "train", "train a model shipped in the package", KINDS)
