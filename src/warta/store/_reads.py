"""The reading half of a SQL store: each method hands the connection to the backend's
read module (``_duck_read``, ``_pg_read``), which holds that dialect's queries."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pyarrow as pa

from warta.errors import StoreError
from warta.store import schema
from warta.store.base import EventQuery


class ModuleReads:
    con: Any
    read: ModuleType  # set by each backend class

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        return self.read.events(self.con, query)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return self.read.event(self.con, event_id)

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.read.articles(self.con, limit=limit, offset=offset)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.read.article(self.con, article_id)

    def actors(
        self, *, query: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        return self.read.actors(self.con, query=query, limit=limit, offset=offset)

    def quotes(
        self, *, speaker: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        return self.read.quotes(self.con, speaker=speaker, limit=limit, offset=offset)

    def dyad(self, a: str, b: str, *, freq: str = "week") -> list[dict[str, Any]]:
        return self.read.dyad(self.con, a, b, freq=freq)

    def errors(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.read.errors(self.con, limit=limit, offset=offset)

    def stats(self) -> dict[str, int]:
        return self.read.stats(self.con)

    def scan(self, table: str, *, batch_rows: int = 65_536) -> Iterator[pa.RecordBatch]:
        if table not in schema.TABLES:
            raise StoreError(f"unknown table {table!r} (tables: {', '.join(schema.TABLES)})")
        yield from self.read.scan(self.con, table, batch_rows)
