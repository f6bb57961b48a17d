"""Where analysed articles and their events are kept: ``open_store(url)`` picks the backend.

A path (or ``duckdb:///path``) opens the embedded DuckDB store; ``postgresql://`` URLs are
reserved for the PostgreSQL backend.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warta.errors import StoreError
from warta.store.base import EventQuery, Store, WriteStats

__all__ = ["EventQuery", "Store", "WriteStats", "open_store"]


def open_store(url: str | Path, **options: Any) -> Store:
    """A store for ``url``: a file path or ``duckdb:///path`` (DuckDB), ``:memory:``."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            from warta.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL support is not installed (pip install 'warta[postgres]')"
            ) from exc
        return PostgresStore(text, **options)
    if "://" in text and not text.startswith("duckdb://"):
        raise StoreError(f"unknown store URL {text!r}: give a file path or postgresql://...")
    from warta.store.duckdb import DuckDBStore

    return DuckDBStore(text.removeprefix("duckdb://"), **options)
