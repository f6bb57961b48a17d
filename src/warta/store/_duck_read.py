"""The DuckDB store's queries (read side): rows come back as plain dicts, JSON decoded."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from warta.store import schema
from warta.store.base import EventQuery

_JSON_FIELDS = {
    "status_history",
    "removed",
    "paragraphs",
    "meta",
    "mentions",
    "attributed_to",
    "confirmed_by",
    "place",
    "evidence",
}
_FREQS = {"day", "week", "month", "quarter", "year"}


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [_decode(dict(zip(names, row, strict=True))) for row in cur.fetchall()]


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key, value in row.items():
        if key in _JSON_FIELDS and isinstance(value, str):
            row[key] = json.loads(value)
        elif isinstance(value, dt.date):
            row[key] = value.isoformat()
    row.pop("minhash", None)
    return row


def _side(side: str) -> str:
    return f"(upper({side}_key) = upper(?) OR {side}_id = ? OR upper({side}_country) = upper(?))"


def events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> list[dict[str, Any]]:
    where, params = ["TRUE"], []
    if query.source:
        where.append(_side("source"))
        params += [query.source] * 3
    if query.target:
        where.append(_side("target"))
        params += [query.target] * 3
    if query.actor:
        where.append(f"({_side('source')} OR {_side('target')})")
        params += [query.actor] * 6
    for column, value in (("type", query.type), ("status", query.status)):
        if value:
            where.append(f"upper({column}) = upper(?)")
            params.append(value)
    if query.since:
        where.append("coalesce(last_seen, first_seen) >= ?::DATE")
        params.append(query.since)
    if query.until:
        where.append("first_seen <= ?::DATE")
        params.append(query.until)
    sql = (
        f"SELECT * FROM events WHERE {' AND '.join(where)}"
        " ORDER BY first_seen DESC NULLS LAST, num_articles DESC, id LIMIT ? OFFSET ?"
    )
    return _dicts(con.execute(sql, [*params, query.limit, query.offset]))


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    found = _dicts(con.execute("SELECT * FROM events WHERE id = ?", [event_id]))
    if not found:
        return None
    row = found[0]
    row["mentions"] = _dicts(
        con.execute(
            "SELECT m.*, a.title FROM event_mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.event_id = ? ORDER BY m.date NULLS LAST, m.id",
            [event_id],
        )
    )
    return row


_ARTICLE_LIST = (
    "id, url, path, title, outlet, language, published, duplicate_of, similarity, ingested_at,"
    " (SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id) AS num_events"
)


def articles(con: duckdb.DuckDBPyConnection, *, limit: int, offset: int) -> list[dict[str, Any]]:
    order = "published DESC NULLS LAST, id"
    sql = f"SELECT {_ARTICLE_LIST} FROM articles a ORDER BY {order} LIMIT ? OFFSET ?"
    return _dicts(con.execute(sql, [limit, offset]))


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The stored article in ``Article.to_dict`` shape (``Article.from_dict`` reads it)."""
    found = _dicts(con.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not found:
        return None
    row = found[0]
    row["sentences"] = [
        {"start": s, "end": e, "paragraph": p} for s, e, p in json.loads(row["sentences"] or "[]")
    ]
    row["removed"] = row["removed"] or []
    row["paragraphs"] = row["paragraphs"] or []
    row["meta"] = row["meta"] or {}
    row["entities"] = _children(con, "entities", article_id)
    row["actors"] = [_actor(a) for a in _children(con, "actors", article_id)]
    row["quotes"] = [_strip(q, "outlet", "published") for q in _children(con, "quotes", article_id)]
    row["events"] = [_event(m) for m in _children(con, "event_mentions", article_id)]
    return row


def _children(con: duckdb.DuckDBPyConnection, table: str, article_id: str) -> list[dict[str, Any]]:
    sql = f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx"
    return [_strip(r, "article_id", "idx") for r in _dicts(con.execute(sql, [article_id]))]


def _strip(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}


def _actor(row: dict[str, Any]) -> dict[str, Any]:
    row["id"] = row.pop("actor_id")
    row["mentions"] = row["mentions"] or []
    return row


def _ref(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    ref = {f: row.pop(f"{side}_{f}") for f in ("id", "name", "country", "sector")}
    return ref if ref["name"] is not None else None


def _event(row: dict[str, Any]) -> dict[str, Any]:
    row["source"] = _ref(row, "source")
    row["target"] = _ref(row, "target")
    row["mentions"] = row.pop("evidence") or []
    for key in ("source_key", "target_key", "outlet", "published", "url"):
        row.pop(key)
    return row


def actors(
    con: duckdb.DuckDBPyConnection, *, query: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    where, params = "", []
    if query:
        where = "WHERE name ILIKE ? OR actor_id = ?"
        params = [f"%{query}%", query]
    sql = (
        "SELECT actor_id AS id, name, country, sector, kind, count(DISTINCT article_id) AS"
        f" num_articles FROM actors {where} GROUP BY ALL"
        " ORDER BY num_articles DESC, name, id LIMIT ? OFFSET ?"
    )
    return _dicts(con.execute(sql, [*params, limit, offset]))


def quotes(
    con: duckdb.DuckDBPyConnection, *, speaker: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    where, params = "", []
    if speaker:
        where = "WHERE q.speaker = ? OR q.speaker_name ILIKE ?"
        params = [speaker, f"%{speaker}%"]
    sql = (
        "SELECT q.*, a.title, a.url FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" {where} ORDER BY q.published DESC NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?"
    )
    return _dicts(con.execute(sql, [*params, limit, offset]))


def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, *, freq: str) -> list[dict[str, Any]]:
    """Events between countries a and b (either direction) per period."""
    if freq not in _FREQS:
        raise ValueError(f"freq must be one of {sorted(_FREQS)}")
    sql = f"""
        SELECT date_trunc('{freq}', first_seen)::DATE AS period,
               count(*) AS events,
               count(*) FILTER (WHERE upper(source_country) = upper(?)) AS a_to_b,
               count(*) FILTER (WHERE upper(source_country) = upper(?)) AS b_to_a,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein), 2) AS mean_goldstein,
               sum(num_articles) AS articles
        FROM events
        WHERE first_seen IS NOT NULL AND (
              (upper(source_country) = upper(?) AND upper(target_country) = upper(?))
           OR (upper(source_country) = upper(?) AND upper(target_country) = upper(?)))
        GROUP BY period ORDER BY period"""
    return _dicts(con.execute(sql, [a, b, a, b, b, a]))


def errors(con: duckdb.DuckDBPyConnection, *, limit: int, offset: int) -> list[dict[str, Any]]:
    sql = "SELECT * FROM errors ORDER BY ingested_at, id LIMIT ? OFFSET ?"
    return _dicts(con.execute(sql, [limit, offset]))


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {}
    for table in ("articles", "entities", "actors", "quotes", "event_mentions", "events", "errors"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    row = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
    counts["duplicates"] = int(row[0]) if row else 0
    return counts


def scan(con: Any, table: str, batch_rows: int) -> Iterator[pa.RecordBatch]:
    """Every row as Arrow batches, in the table's stable order."""
    relation = con.sql(f"SELECT * FROM {table} ORDER BY {schema.order_key(table)}")
    # DuckDB 2.x: to_arrow_reader; 1.x: record_batch
    reader: Any = getattr(relation, "to_arrow_reader", None) or relation.record_batch
    yield from reader(batch_rows)
