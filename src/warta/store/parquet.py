"""A Parquet dataset next to the store: each batch's new articles and their records, one
folder per table, partitioned by publication date (``articles/published=2023-09-12/…``).

For tools that read Parquet (Spark, DuckDB, Polars, pandas) and for cheap archives of a
large crawl. The dataset holds what articles say (entities, actors, quotes, event
mentions); the events clustered across articles live in the store (``warta export``).

Idempotent like the store: only articles the store did not hold yet are written, and a
file is named by the hash of its batch's article ids, so a batch analysed again after a
crash overwrites its own file instead of adding a copy. Several ingesters sharing one
dataset should read disjoint inputs: two writers of one article would name their files
after different batches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from warta.article import Article, parse_date
from warta.pipeline import Result
from warta.store import rows, schema
from warta.store.base import EventQuery, Store, WriteStats

Rows = Callable[[Article], list[rows.Row]]
_RECORDS: dict[str, Rows] = {
    "entities": rows.entity_rows,
    "actors": rows.actor_rows,
    "quotes": rows.quote_rows,
    "event_mentions": rows.mention_rows,
}
_PARTITION = ds.partitioning(pa.schema([("published", pa.date32())]), flavor="hive")


class ParquetSink(Store):
    """Writes to ``store`` and mirrors each batch's new articles into ``directory``; every
    read goes to ``store``."""

    def __init__(self, store: Store, directory: str | Path) -> None:
        self.store = store
        self.directory = Path(directory)

    def write(self, results: Sequence[Result]) -> WriteStats:
        articles = _unique([r.article for r in results if r.ok and r.article])
        known = self.store.known_ids([rows.key(a) for a in articles])
        # files first: a crash before the store commits re-runs this same batch (its inputs
        # are still unknown), which rewrites the same file; the other order could lose it
        self.write_articles([a for a in articles if rows.key(a) not in known])
        return self.store.write(results)

    def write_articles(self, articles: list[Article]) -> None:
        if not articles:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        name = hashlib.blake2b(
            "\0".join(sorted(rows.key(a) for a in articles)).encode(), digest_size=8
        )
        dates = {rows.key(a): parse_date(a.published) for a in articles}
        tables = {"articles": [rows.article_row(a, now) for a in articles]}
        tables |= {t: [r for a in articles for r in make(a)] for t, make in _RECORDS.items()}
        for table, table_rows in tables.items():
            self._write_table(table, table_rows, dates, name.hexdigest())

    def _write_table(
        self, table: str, table_rows: list[rows.Row], dates: dict[str, Any], name: str
    ) -> None:
        if not table_rows:
            return
        key = "id" if table == "articles" else "article_id"
        for row in table_rows:
            row["published"] = dates[row[key]]
        arrow = pa.Table.from_pylist(table_rows, schema=_arrow_schema(table))
        ds.write_dataset(
            arrow,
            self.directory / table,
            format="parquet",
            partitioning=_PARTITION,
            basename_template=f"part-{name}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )

    # everything else is the store's

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        return self.store.known_ids(ids)

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        return self.store.events(query)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return self.store.event(event_id)

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.articles(limit=limit, offset=offset)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.store.article(article_id)

    def actors(
        self, *, query: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        return self.store.actors(query=query, limit=limit, offset=offset)

    def quotes(
        self, *, speaker: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        return self.store.quotes(speaker=speaker, limit=limit, offset=offset)

    def dyad(self, a: str, b: str, *, freq: str = "week") -> list[dict[str, Any]]:
        return self.store.dyad(a, b, freq=freq)

    def errors(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.errors(limit=limit, offset=offset)

    def stats(self) -> dict[str, int]:
        return self.store.stats()

    def scan(self, table: str, *, batch_rows: int = 65_536) -> Iterator[Any]:
        return self.store.scan(table, batch_rows=batch_rows)

    def close(self) -> None:
        self.store.close()


def _unique(articles: list[Article | None]) -> list[Article]:
    return list({rows.key(a): a for a in articles if a is not None}.values())


def _arrow_schema(table: str) -> pa.Schema:
    """The store's columns; records tables gain the article's date to partition by."""
    arrow = schema.arrow_schema(table)
    if "published" not in arrow.names:
        arrow = arrow.append(pa.field("published", pa.date32()))
    return arrow
