"""The REST API and web dashboard (the ``warta[server]`` extra): ``create_app(store)``."""

from __future__ import annotations

from warta.api.app import create_app

__all__ = ["create_app"]
