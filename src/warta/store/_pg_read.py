"""The PostgreSQL store's queries (read side), mirroring ``_duck_read`` row for row.

Rows come back in exactly the shapes the DuckDB store gives (a test compares the two on
the same data), so the API, the dashboard and ``warta events`` need not know the backend.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import psycopg
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

Con = psycopg.Connection[Any]


def _dicts(cur: psycopg.Cursor[Any]) -> list[dict[str, Any]]:
    names = [d.name for d in cur.description or ()]
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
    return f"(upper({side}_key) = upper(%s) OR {side}_id = %s OR upper({side}_country) = upper(%s))"


def events(con: Con, query: EventQuery) -> list[dict[str, Any]]:
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
            where.append(f"upper({column}) = upper(%s)")
            params.append(value)
    if query.since:
        where.append("coalesce(last_seen, first_seen) >= %s::DATE")
        params.append(query.since)
    if query.until:
        where.append("first_seen <= %s::DATE")
        params.append(query.until)
    sql = (
        f"SELECT * FROM events WHERE {' AND '.join(where)}"
        " ORDER BY first_seen DESC NULLS LAST, num_articles DESC, id LIMIT %s OFFSET %s"
    )
    return _dicts(con.execute(sql.encode(), [*params, query.limit, query.offset]))


def event(con: Con, event_id: str) -> dict[str, Any] | None:
    found = _dicts(con.execute("SELECT * FROM events WHERE id = %s", [event_id]))
    if not found:
        return None
    row = found[0]
    row["mentions"] = _dicts(
        con.execute(
            "SELECT m.*, a.title FROM event_mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.event_id = %s ORDER BY m.date NULLS LAST, m.id",
            [event_id],
        )
    )
    return row


_ARTICLE_LIST = (
    "id, url, path, title, outlet, language, published, duplicate_of, similarity, ingested_at,"
    " (SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id) AS num_events"
)


def articles(con: Con, *, limit: int, offset: int) -> list[dict[str, Any]]:
    sql = (
        f"SELECT {_ARTICLE_LIST} FROM articles a"
        " ORDER BY published DESC NULLS LAST, id LIMIT %s OFFSET %s"
    )
    return _dicts(con.execute(sql.encode(), [limit, offset]))


def article(con: Con, article_id: str) -> dict[str, Any] | None:
    """The stored article in ``Article.to_dict`` shape (``Article.from_dict`` reads it)."""
    found = _dicts(con.execute("SELECT * FROM articles WHERE id = %s", [article_id]))
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


def _children(con: Con, table: str, article_id: str) -> list[dict[str, Any]]:
    sql = f"SELECT * FROM {table} WHERE article_id = %s ORDER BY idx"
    return [_strip(r, "article_id", "idx") for r in _dicts(con.execute(sql.encode(), [article_id]))]


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


def actors(con: Con, *, query: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    where, params = "", []
    if query:
        where = "WHERE name ILIKE %s OR actor_id = %s"
        params = [f"%{query}%", query]
    sql = (
        "SELECT actor_id AS id, name, country, sector, kind, count(DISTINCT article_id) AS"
        f" num_articles FROM actors {where} GROUP BY actor_id, name, country, sector, kind"
        " ORDER BY num_articles DESC, name, id LIMIT %s OFFSET %s"
    )
    return _dicts(con.execute(sql.encode(), [*params, limit, offset]))


def quotes(con: Con, *, speaker: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    where, params = "", []
    if speaker:
        where = "WHERE q.speaker = %s OR q.speaker_name ILIKE %s"
        params = [speaker, f"%{speaker}%"]
    sql = (
        "SELECT q.*, a.title, a.url FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" {where} ORDER BY q.published DESC NULLS LAST, q.article_id, q.idx LIMIT %s OFFSET %s"
    )
    return _dicts(con.execute(sql.encode(), [*params, limit, offset]))


def dyad(con: Con, a: str, b: str, *, freq: str) -> list[dict[str, Any]]:
    """Events between countries a and b (either direction) per period."""
    if freq not in _FREQS:
        raise ValueError(f"freq must be one of {sorted(_FREQS)}")
    # date_trunc on a plain timestamp: on a DATE it would go through the session time zone
    sql = f"""
        SELECT date_trunc('{freq}', first_seen::TIMESTAMP)::DATE AS period,
               count(*) AS events,
               count(*) FILTER (WHERE upper(source_country) = upper(%s)) AS a_to_b,
               count(*) FILTER (WHERE upper(source_country) = upper(%s)) AS b_to_a,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               round(avg(goldstein)::NUMERIC, 2)::DOUBLE PRECISION AS mean_goldstein,
               sum(num_articles) AS articles
        FROM events
        WHERE first_seen IS NOT NULL AND (
              (upper(source_country) = upper(%s) AND upper(target_country) = upper(%s))
           OR (upper(source_country) = upper(%s) AND upper(target_country) = upper(%s)))
        GROUP BY period ORDER BY period"""
    return _dicts(con.execute(sql.encode(), [a, b, a, b, b, a]))


def errors(con: Con, *, limit: int, offset: int) -> list[dict[str, Any]]:
    sql = "SELECT * FROM errors ORDER BY ingested_at, id LIMIT %s OFFSET %s"
    return _dicts(con.execute(sql, [limit, offset]))


def stats(con: Con) -> dict[str, int]:
    counts = {}
    for table in ("articles", "entities", "actors", "quotes", "event_mentions", "events", "errors"):
        row = con.execute(f"SELECT count(*) FROM {table}".encode()).fetchone()
        counts[table] = int(row[0]) if row else 0
    row = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()
    counts["duplicates"] = int(row[0]) if row else 0
    return counts


def scan(con: Con, table: str, batch_rows: int) -> Iterator[pa.RecordBatch]:
    """Every row as Arrow batches, in the order of the columns PostgreSQL can sort (JSON
    has no ordering; the other columns already identify a row)."""
    arrow = schema.arrow_schema(table)
    names = schema.columns(table)
    order = [str(i + 1) for i, (_, sql) in enumerate(schema.TABLES[table]) if sql != "JSON"]
    sql = f"SELECT * FROM {table} ORDER BY {', '.join(order)}"
    # a server-side cursor streams the table instead of loading it whole
    with con.transaction(), con.cursor(name=f"warta_scan_{table}") as cur:
        cur.execute(sql.encode())
        while chunk := cur.fetchmany(batch_rows):
            columns = list(zip(*chunk, strict=True))
            yield pa.record_batch(
                [pa.array(_plain(c), type=f.type) for c, f in zip(columns, arrow, strict=True)],
                names=names,
            )


def _plain(values: tuple[Any, ...]) -> list[Any]:
    return [bytes(v) if isinstance(v, memoryview) else v for v in values]
