"""PostgreSQL, the shared store: several ingesters and the dashboard on one server.

Same tables, migrations, near-duplicate linking and event clustering as DuckDB (``schema``,
``rows``, ``dedup``, ``cluster``); only the SQL dialect and the concurrency differ.

Concurrency: each batch is one transaction that first takes a transaction-level advisory
lock, so batches from any number of ingesters commit one after another. Analysis (the
slow part) stays parallel; only the database write waits. Inside the lock the batch sees
every committed article, so re-clustering is exact and an article stored by another
ingester in the meantime is skipped; ``INSERT ... ON CONFLICT DO NOTHING`` on article ids
and primary keys on events and mentions guard the same invariant at the table level. A
killed ingester's open transaction is rolled back by the server when its connection
drops, so a re-run resumes from the last committed batch and converges to the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.string import TextLoader

from warta.article import Article
from warta.errors import StoreError
from warta.pipeline import Result
from warta.store import _pg_read, cluster, dedup, rows, schema
from warta.store import _pg_schema as pg_schema
from warta.store._reads import ModuleReads
from warta.store._recluster import StoredClusters
from warta.store.base import Store, WriteStats


class PostgresStore(StoredClusters, ModuleReads, Store):
    read = _pg_read

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        window_days: int = cluster.DEFAULT_WINDOW_DAYS,
        connect_timeout: int = 10,
    ) -> None:
        self.url = url
        self.window_days = window_days
        self.hasher = dedup.MinHasher.default()
        try:
            # autocommit: reads never leave a transaction open; writes open one explicitly
            self.con = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {exc}") from exc
        # JSON comes back as text, as from DuckDB: the shared row logic decodes it once
        self.con.adapters.register_loader("json", TextLoader)
        if not read_only:
            self._migrate()
        elif self.con.execute("SELECT to_regclass('schema_version')").fetchone() == (None,):
            self.con.close()
            raise StoreError(f"no Warta tables at {_redact(url)} (run `warta ingest` first)")

    # -- schema -------------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            with self.con.transaction():
                self._lock(pg_schema.MIGRATE_LOCK)
                self.con.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version"
                    " (version INTEGER, applied_at TIMESTAMP)"
                )
                self._upgrade(self.version)
        except psycopg.Error as exc:
            raise StoreError(f"migration failed: {exc}") from exc

    def _upgrade(self, version: int) -> None:
        if version > schema.VERSION:
            raise StoreError(
                f"database has schema version {version}; this Warta knows {schema.VERSION}"
            )
        if version == schema.VERSION:
            return
        steps = pg_schema.create_statements() if version == 0 else pg_schema.steps_after(version)
        for sql in steps:
            self.con.execute(sql.encode())
        self.con.execute("INSERT INTO schema_version VALUES (%s, now())", [schema.VERSION])

    def _lock(self, name: str) -> None:
        """A transaction-level advisory lock per schema (released at commit or rollback)."""
        self.con.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || %s, 0))", [name]
        )

    @property
    def version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writing ------------------------------------------------------------------------

    def write(self, results: Sequence[Result]) -> WriteStats:
        # rows and signatures need no database: built before the lock, so that the locked
        # part, which every ingester waits for, holds only what depends on stored rows
        batch = _prepare(results, self.hasher)
        try:
            with self.con.transaction():
                self._lock(pg_schema.WRITE_LOCK)
                return self._write(batch)
        except psycopg.Error as exc:
            raise StoreError(f"batch not stored: {exc}") from exc

    def _write(self, batch: _Batch) -> WriteStats:
        known = self.known_ids([row["id"] for row in batch.articles])
        fresh = [
            (r, s)
            for r, s in zip(batch.articles, batch.signatures, strict=True)
            if r["id"] not in known
        ]
        errors = self._new_errors(batch.errors)
        band_rows, duplicates = self._link_duplicates(fresh)
        stored = self._insert_articles([row for row, _ in fresh])
        records = [batch.records[row["id"]] for row, _ in fresh if row["id"] in stored]
        mentions = [m for r in records for m in r["event_mentions"]]
        events, replaced, moved = self._recluster(mentions)
        self._copy("article_bands", [b for b in band_rows if b["article_id"] in stored])
        for table in ("entities", "actors", "quotes"):
            names = schema.columns(table)
            columns = rows.joined((r[table] for r in records), names)
            self._write_copy(table, names, zip(*columns.values(), strict=True))
        self._copy("event_mentions", mentions)
        self._copy("errors", errors)
        self._replace_events(events, replaced, moved)
        return WriteStats(len(stored), batch.analysed - len(stored), len(errors), duplicates)

    def _new_errors(self, error_rows: list[rows.Row]) -> list[rows.Row]:
        known = self._existing("errors", "id", [r["id"] for r in error_rows])
        unique = {r["id"]: r for r in error_rows if r["id"] not in known}
        return list(unique.values())

    def _insert_articles(self, article_rows: list[rows.Row]) -> set[str]:
        """Insert through a staging table so a conflicting id is skipped, not an error."""
        if not article_rows:
            return set()
        self.con.execute("CREATE TEMP TABLE _articles (LIKE articles) ON COMMIT DROP")
        self._copy("_articles", article_rows, columns=schema.columns("articles"))
        found = self.con.execute(
            "INSERT INTO articles SELECT * FROM _articles ON CONFLICT (id) DO NOTHING RETURNING id"
        ).fetchall()
        return {r[0] for r in found}

    def _copy(
        self, table: str, table_rows: list[rows.Row], *, columns: list[str] | None = None
    ) -> None:
        if not table_rows:
            return
        names = columns or schema.columns(table)
        self._write_copy(table, names, ([row.get(c) for c in names] for row in table_rows))

    def _write_copy(self, table: str, names: list[str], values: Iterable[Sequence[Any]]) -> None:
        """COPY the ``values`` (one sequence per row, in the order of ``names``)."""
        quoted = ", ".join(f'"{c}"' for c in names)
        with self.con.cursor() as cur, cur.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)

    def _existing(self, table: str, column: str, values: Sequence[str]) -> set[str]:
        if not values:
            return set()
        sql = f'SELECT "{column}" FROM {table} WHERE "{column}" = ANY(%s::VARCHAR[])'
        return {r[0] for r in self.con.execute(sql.encode(), [list(values)]).fetchall()}

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Stored article ids and input ids (raw text + URL hashes) among ``ids``."""
        return self._existing("articles", "id", ids) | self._existing("articles", "input_id", ids)

    # -- near-duplicates ----------------------------------------------------------------

    def _link_duplicates(self, fresh: list[tuple[rows.Row, Any]]) -> tuple[list[rows.Row], int]:
        stored = self._band_candidates([sig for _, sig in fresh if sig is not None])
        band_rows, duplicates = [], 0
        for row, sig in fresh:
            if sig is None:
                continue
            keys = list(enumerate(dedup.bands(sig)))
            pool = {c.id: c for k in keys for c in stored.get(k, [])}
            match = dedup.best_match(sig, pool.values())
            if match:
                row["duplicate_of"], row["similarity"] = match
                duplicates += 1
            row["minhash"] = dedup.to_bytes(sig)
            cand = dedup.Candidate(row["id"], row.get("duplicate_of"), sig)
            for band, value in keys:
                stored.setdefault((band, value), []).append(cand)
                band_rows.append({"band": band, "hash": value, "article_id": row["id"]})
        return band_rows, duplicates

    def _band_candidates(
        self, signatures: list[Any]
    ) -> dict[tuple[int, int], list[dedup.Candidate]]:
        keys = [(b, h) for s in signatures for b, h in enumerate(dedup.bands(s))]
        if not keys:
            return {}
        found = self.con.execute(
            "SELECT DISTINCT b.band, b.hash, a.id, a.duplicate_of, a.minhash"
            " FROM article_bands b"
            " JOIN unnest(%s::SMALLINT[], %s::BIGINT[]) AS p(band, hash)"
            "   ON b.band = p.band AND b.hash = p.hash"
            " JOIN articles a ON a.id = b.article_id"
            " ORDER BY a.id",
            [[k[0] for k in keys], [k[1] for k in keys]],
        ).fetchall()
        out: dict[tuple[int, int], list[dedup.Candidate]] = {}
        for band, value, aid, dup, blob in found:
            cand = dedup.Candidate(aid, dup, dedup.from_bytes(bytes(blob)))
            out.setdefault((band, value), []).append(cand)
        return out

    # -- clustering ---------------------------------------------------------------------

    def _events_in(self, reaches: list[tuple[cluster.Key, cluster.Reach]]) -> list[str]:
        keys, bounds = zip(*reaches, strict=True)
        found = self.con.execute(
            "SELECT e.id FROM events e"
            " JOIN unnest(%s::VARCHAR[], %s::VARCHAR[], %s::VARCHAR[], %s::DATE[], %s::DATE[],"
            "   %s::BOOLEAN[]) AS k(type, source_key, target_key, min_date, max_date, undated)"
            "   ON e.type = k.type AND e.source_key = k.source_key AND e.target_key = k.target_key"
            " WHERE (e.first_seen IS NULL AND k.undated)"
            "    OR (e.first_seen IS NOT NULL AND k.min_date IS NOT NULL"
            "        AND e.first_seen + %s::INTEGER >= k.min_date AND e.first_seen <= k.max_date)",
            [
                *(list(column) for column in zip(*keys, strict=True)),
                *(list(column) for column in zip(*bounds, strict=True)),
                self.window_days,
            ],
        ).fetchall()
        return sorted({r[0] for r in found})

    def _events_after(self, after: dict[cluster.Key, dt.date]) -> list[str]:
        found = self.con.execute(
            "SELECT e.id FROM events e"
            " JOIN unnest(%s::VARCHAR[], %s::VARCHAR[], %s::VARCHAR[], %s::DATE[])"
            "   AS a(type, source_key, target_key, after)"
            "   ON e.type = a.type AND e.source_key = a.source_key AND e.target_key = a.target_key"
            " WHERE e.first_seen > a.after",
            [*(list(column) for column in zip(*after, strict=True)), list(after.values())],
        ).fetchall()
        return sorted(r[0] for r in found)

    def _mentions_of(self, event_ids: list[str]) -> list[rows.Row]:
        if not event_ids:
            return []
        cur = self.con.execute(
            f"SELECT {cluster.STORED_COLUMNS} FROM event_mentions"
            " WHERE event_id = ANY(%s::VARCHAR[]) ORDER BY id",
            [event_ids],
        )
        names = [d.name for d in cur.description or ()]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def _replace_events(
        self, events: list[rows.Row], replaced: list[str], moved: list[rows.Row]
    ) -> None:
        if replaced:
            self.con.execute("DELETE FROM events WHERE id = ANY(%s::VARCHAR[])", [replaced])
        self._copy("events", events)
        if moved:
            self.con.execute(
                "UPDATE event_mentions m SET event_id = u.event_id"
                " FROM unnest(%s::VARCHAR[], %s::VARCHAR[]) AS u(id, event_id)"
                " WHERE m.id = u.id AND m.event_id IS DISTINCT FROM u.event_id",
                [[r["id"] for r in moved], [r["event_id"] for r in moved]],
            )

    def close(self) -> None:
        self.con.close()


@dataclass
class _Batch:
    """A batch as rows: each distinct article once, in input order, with its records."""

    analysed: int  # articles analysed, repeats within the batch included
    articles: list[rows.Row]
    signatures: list[Any]  # MinHash per article row (None: too short to compare)
    # article id -> table -> its rows (event mentions) or columns (entities, actors, quotes)
    records: dict[str, dict[str, Any]]
    errors: list[rows.Row]


def _prepare(results: Sequence[Result], hasher: dedup.MinHasher) -> _Batch:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    analysed = [r.article for r in results if r.ok and r.article]
    first: dict[str, Article] = {}
    for article in analysed:
        first.setdefault(rows.key(article), article)
    unique = list(first.values())
    return _Batch(
        analysed=len(analysed),
        articles=[rows.article_row(a, now) for a in unique],
        signatures=[rows.signature(a, hasher) for a in unique],
        records={rows.key(a): _records(a) for a in unique},
        errors=[rows.error_row(r, now) for r in results if not r.ok],
    )


def _records(article: Article) -> dict[str, Any]:
    return {
        "entities": rows.entity_columns(article),
        "actors": rows.actor_columns(article),
        "quotes": rows.quote_columns(article),
        "event_mentions": rows.mention_rows(article),
    }


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    head, sep, tail = url.rpartition("@")
    if not sep:
        return url
    scheme, _, userinfo = head.partition("://")
    return f"{scheme}://{userinfo.split(':')[0]}:***@{tail}"
