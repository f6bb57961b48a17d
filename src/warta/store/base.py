"""The store interface shared by DuckDB (embedded default) and PostgreSQL.

Shells (CLI, API, runners) talk only to this interface; the SQL lives in the backends.
Rows come back as plain dicts in the same shape as ``Article.to_dict`` records, plus ids.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from warta.pipeline import Result


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    source: str | None = None  # country code or actor id
    target: str | None = None
    actor: str | None = None  # either side
    type: str | None = None  # PLOVER type
    status: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class WriteStats:
    articles: int = 0  # newly stored
    skipped: int = 0  # already stored (idempotent re-ingest)
    errors: int = 0
    duplicates: int = 0  # near-duplicates linked to an earlier article


class Store(ABC):
    @abstractmethod
    def write(self, results: Sequence[Result]) -> WriteStats:
        """Store a batch atomically: analysed articles, their records, and error rows."""

    def prepare_writes(self) -> None:
        """One-time set-up of writing (imports, caches), so that it can run while the
        workers start instead of in the first write. Nothing by default."""
        return None  # a hook, not an abstract method: most stores need nothing

    @abstractmethod
    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are already stored (to skip work on re-ingest)."""

    @abstractmethod
    def events(self, query: EventQuery) -> list[dict[str, Any]]: ...

    @abstractmethod
    def event(self, event_id: str) -> dict[str, Any] | None:
        """One clustered event with every mention's evidence."""

    @abstractmethod
    def articles(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    @abstractmethod
    def article(self, article_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def actors(
        self, *, query: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]: ...

    @abstractmethod
    def quotes(
        self, *, speaker: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]: ...

    @abstractmethod
    def dyad(self, a: str, b: str, *, freq: str = "week") -> list[dict[str, Any]]:
        """Per period: counts, QuadClass mix and mean Goldstein between countries a and b."""

    @abstractmethod
    def stats(self) -> dict[str, int]: ...

    def errors(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Inputs that failed: source, stage, message."""
        raise NotImplementedError

    def scan(self, table: str, *, batch_rows: int = 65_536) -> Iterator[Any]:
        """Every row of a table as Arrow record batches, in a stable order (for export)."""
        raise NotImplementedError

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
