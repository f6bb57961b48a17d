"""DuckDB, the embedded default store: one file, no server, one writer process.

Writes go in batches through Arrow tables (``executemany`` manages ~1,300 rows/s, Arrow
millions), one transaction per batch, so a batch is stored whole or not at all: a run
killed mid-batch loses only that batch, and a re-run skips every committed article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warta.article import Article
from warta.errors import StoreError
from warta.pipeline import Result
from warta.store import _duck_read, cluster, dedup, rows, schema
from warta.store._reads import ModuleReads
from warta.store._recluster import StoredClusters
from warta.store.base import Store, WriteStats

# Arrow schemas of the lookups the writer joins against
_PROBE_BANDS = pa.schema([("band", pa.int16()), ("hash", pa.int64())])
_PROBE_KEYS = pa.schema(
    [
        ("type", pa.string()),
        ("source_key", pa.string()),
        ("target_key", pa.string()),
        ("min_date", pa.date32()),
        ("max_date", pa.date32()),
        ("undated", pa.bool_()),
    ]
)
_PROBE_AFTER = pa.schema(
    [
        ("type", pa.string()),
        ("source_key", pa.string()),
        ("target_key", pa.string()),
        ("after", pa.date32()),
    ]
)
_MOVED = pa.schema([("id", pa.string()), ("event_id", pa.string())])


class DuckDBStore(StoredClusters, ModuleReads, Store):
    read = _duck_read

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        window_days: int = cluster.DEFAULT_WINDOW_DAYS,
    ) -> None:
        self.path = str(path)
        self.window_days = window_days
        self.hasher = dedup.MinHasher.default()
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()

    # -- schema -------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)"
        )
        current = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = current[0] if current and current[0] is not None else 0
        if version > schema.VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}; this Warta knows {schema.VERSION}"
            )
        steps = schema.create_statements() if version == 0 else _steps_after(version)
        if not steps and version == schema.VERSION:
            return
        self._run_in_transaction([*steps, _version_insert()])

    def _run_in_transaction(self, statements: Sequence[str]) -> None:
        self.con.begin()
        try:
            for sql in statements:
                self.con.execute(sql)
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"migration failed: {exc}") from exc

    @property
    def version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writing ------------------------------------------------------------------------

    def write(self, results: Sequence[Result]) -> WriteStats:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.con.begin()
        try:
            stats = self._write(results, now)
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"batch not stored: {exc}") from exc
        return stats

    def _write(self, results: Sequence[Result], now: dt.datetime) -> WriteStats:
        articles, skipped = self._new_articles([r.article for r in results if r.ok and r.article])
        errors = self._new_errors([rows.error_row(r, now) for r in results if not r.ok])
        article_rows = [rows.article_row(a, now) for a in articles]
        band_rows, duplicates = self._link_duplicates(article_rows, articles)
        mentions = [m for a in articles for m in rows.mention_rows(a)]
        events, replaced, moved = self._recluster(mentions)
        self._insert("articles", article_rows)
        self._insert("article_bands", band_rows)
        self._insert_columns("entities", [rows.entity_columns(a) for a in articles])
        self._insert_columns("actors", [rows.actor_columns(a) for a in articles])
        self._insert_columns("quotes", [rows.quote_columns(a) for a in articles])
        self._insert("event_mentions", mentions)
        self._insert("errors", errors)
        self._replace_events(events, replaced, moved)
        return WriteStats(len(articles), skipped, len(errors), duplicates)

    def _new_articles(self, articles: list[Article]) -> tuple[list[Article], int]:
        known = self.known_ids([rows.key(a) for a in articles])
        new: dict[str, Article] = {}
        for article in articles:
            if rows.key(article) not in known:
                new.setdefault(rows.key(article), article)
        return list(new.values()), len(articles) - len(new)

    def _new_errors(self, error_rows: list[rows.Row]) -> list[rows.Row]:
        ids = [r["id"] for r in error_rows]
        known = self._existing("errors", "id", ids)
        unique = {r["id"]: r for r in error_rows if r["id"] not in known}
        return list(unique.values())

    def prepare_writes(self) -> None:
        # pyarrow imports pandas, when installed, at its first conversion of Python
        # values: 0.6 s that the first write would otherwise spend (measured)
        pa.Table.from_pylist([{"id": "", "event_id": ""}], schema=_MOVED)

    def _insert(self, table: str, table_rows: list[rows.Row]) -> None:
        if table_rows:
            batch = pa.Table.from_pylist(table_rows, schema=schema.arrow_schema(table))
            self._insert_arrow(table, batch)

    def _insert_columns(self, table: str, parts: list[rows.Columns]) -> None:
        """Insert several articles' columns of ``table``."""
        arrow_schema = schema.arrow_schema(table)
        columns = rows.joined(parts, arrow_schema.names)
        if columns[arrow_schema.names[0]]:
            self._insert_arrow(table, pa.Table.from_pydict(columns, schema=arrow_schema))

    def _insert_arrow(self, table: str, batch: pa.Table) -> None:
        self._joined("_batch", batch, f"INSERT INTO {table} BY NAME SELECT * FROM _batch")

    def _joined(
        self, name: str, table: pa.Table, sql: str, params: Sequence[Any] = ()
    ) -> list[Any]:
        """The rows of ``sql`` run with ``table`` (an Arrow table) registered as ``name``."""
        self.con.register(name, table)
        try:
            return self.con.execute(sql, list(params)).fetchall()
        finally:
            self.con.unregister(name)

    def _existing(self, table: str, column: str, values: Sequence[str]) -> set[str]:
        if not values:
            return set()
        sql = f'SELECT "{column}" FROM {table} WHERE "{column}" IN (SELECT unnest(?::VARCHAR[]))'
        return {r[0] for r in self.con.execute(sql, [list(values)]).fetchall()}

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Stored article ids and input ids (raw text + URL hashes) among ``ids``."""
        return self._existing("articles", "id", ids) | self._existing("articles", "input_id", ids)

    # -- near-duplicates ----------------------------------------------------------------

    def _link_duplicates(
        self, article_rows: list[rows.Row], articles: list[Article]
    ) -> tuple[list[rows.Row], int]:
        signatures = [rows.signature(a, self.hasher) for a in articles]
        stored = self._band_candidates(dedup.band_keys(signatures))
        return dedup.link(article_rows, signatures, stored)

    def _band_candidates(
        self, keys: list[dedup.BandKey]
    ) -> dict[dedup.BandKey, list[dedup.Candidate]]:
        if not keys:
            return {}
        bands, hashes = zip(*keys, strict=True)
        probe = pa.table({"band": bands, "hash": hashes}, schema=_PROBE_BANDS)
        found = self._joined(
            "_probe",
            probe,
            "SELECT DISTINCT b.band, b.hash, a.id, a.duplicate_of, a.minhash"
            " FROM article_bands b JOIN _probe p ON b.band = p.band AND b.hash = p.hash"
            " JOIN articles a ON a.id = b.article_id",
        )
        out: dict[dedup.BandKey, list[dedup.Candidate]] = {}
        for band, value, aid, dup, blob in found:
            out.setdefault((band, value), []).append(
                dedup.Candidate(aid, dup, dedup.from_bytes(blob))
            )
        return out

    # -- clustering ---------------------------------------------------------------------

    def _events_in(self, reaches: list[tuple[cluster.Key, cluster.Reach]]) -> list[str]:
        keys, bounds = zip(*reaches, strict=True)
        types, sources, targets = zip(*keys, strict=True)
        earliest, latest, undated = zip(*bounds, strict=True)
        columns = {"type": types, "source_key": sources, "target_key": targets}
        probe = pa.table(
            {**columns, "min_date": earliest, "max_date": latest, "undated": undated},
            schema=_PROBE_KEYS,
        )
        found = self._joined(
            "_keys",
            probe,
            "SELECT e.id FROM events e JOIN _keys k ON e.type = k.type"
            " AND e.source_key = k.source_key AND e.target_key = k.target_key"
            " WHERE (e.first_seen IS NULL AND k.undated)"
            " OR (e.first_seen IS NOT NULL AND k.min_date IS NOT NULL"
            "     AND e.first_seen + ?::INTEGER >= k.min_date"
            "     AND e.first_seen <= k.max_date)",
            [self.window_days],
        )
        return sorted({r[0] for r in found})

    def _events_after(self, after: dict[cluster.Key, dt.date]) -> list[str]:
        types, sources, targets = zip(*after, strict=True)
        columns = {"type": types, "source_key": sources, "target_key": targets}
        probe = pa.table({**columns, "after": list(after.values())}, schema=_PROBE_AFTER)
        found = self._joined(
            "_after",
            probe,
            "SELECT e.id FROM events e JOIN _after a ON e.type = a.type"
            " AND e.source_key = a.source_key AND e.target_key = a.target_key"
            " WHERE e.first_seen > a.after",
        )
        return sorted(r[0] for r in found)

    def _mentions_of(self, event_ids: list[str]) -> list[rows.Row]:
        if not event_ids:
            return []
        cur = self.con.execute(
            f"SELECT {cluster.STORED_COLUMNS} FROM event_mentions"
            " WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
            [event_ids],
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def _replace_events(
        self, events: list[rows.Row], replaced: list[str], moved: list[rows.Row]
    ) -> None:
        if replaced:
            sql = "DELETE FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))"
            self.con.execute(sql, [replaced])
        self._insert("events", events)
        if moved:
            self._joined(
                "_moved",
                pa.Table.from_pylist(moved, schema=_MOVED),
                "UPDATE event_mentions SET event_id = m.event_id FROM _moved m"
                " WHERE event_mentions.id = m.id AND event_mentions.event_id <> m.event_id",
            )

    def close(self) -> None:
        self.con.close()


def _steps_after(version: int) -> list[str]:
    return [sql for step in schema.MIGRATIONS[version:] for sql in step]


def _version_insert() -> str:
    return f"INSERT INTO schema_version VALUES ({schema.VERSION}, now())"
