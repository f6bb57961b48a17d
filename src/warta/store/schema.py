"""The event database's tables, written once as column specs so the DDL (``ddl``) and the
Arrow batches the writer builds (``arrow_schema``) can never disagree.

Schema changes are appended to ``MIGRATIONS`` (never edited): a store opened on an older
file applies the missing steps in order and records each in ``schema_version``. The
tables are documented column by column in ``docs/schema.md``.
"""

from __future__ import annotations

import pyarrow as pa

# SQL type -> Arrow type for the batch tables (JSON travels as text).
_ARROW = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "SMALLINT": pa.int16(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BLOB": pa.binary(),
}

_ACTOR_REF = ("id", "name", "country", "sector")

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "VARCHAR"),
        ("input_id", "VARCHAR"),
        ("url", "VARCHAR"),
        ("path", "VARCHAR"),
        ("title", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("language", "VARCHAR"),
        ("published", "DATE"),
        ("dateline_place", "VARCHAR"),
        ("text", "VARCHAR"),
        ("removed", "JSON"),
        ("paragraphs", "JSON"),
        ("sentences", "JSON"),
        ("meta", "JSON"),
        ("duplicate_of", "VARCHAR"),
        ("similarity", "DOUBLE"),
        ("minhash", "BLOB"),
        ("ingested_at", "TIMESTAMP"),
    ),
    "article_bands": (
        ("band", "SMALLINT"),
        ("hash", "BIGINT"),
        ("article_id", "VARCHAR"),
    ),
    "entities": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("text", "VARCHAR"),
        ("type", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("source", "VARCHAR"),
    ),
    "actors": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("actor_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("role", "VARCHAR"),
        ("affiliation", "VARCHAR"),
        ("known", "BOOLEAN"),
        ("mentions", "JSON"),
    ),
    "quotes": (
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("text", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("direct", "BOOLEAN"),
        ("speaker", "VARCHAR"),
        ("speaker_name", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("role", "VARCHAR"),
        ("affiliation", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("published", "DATE"),
    ),
    "event_mentions": (
        ("id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("event_id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("quad_class", "SMALLINT"),
        ("goldstein", "DOUBLE"),
        *((f"source_{k}", "VARCHAR") for k in _ACTOR_REF),
        *((f"target_{k}", "VARCHAR") for k in _ACTOR_REF),
        ("source_key", "VARCHAR"),
        ("target_key", "VARCHAR"),
        ("status", "VARCHAR"),
        ("sentence", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("trigger", "VARCHAR"),
        ("attributed_to", "JSON"),
        ("confirmed_by", "JSON"),
        ("date", "DATE"),
        ("place", "JSON"),
        ("evidence", "JSON"),
        ("outlet", "VARCHAR"),
        ("published", "DATE"),
        ("url", "VARCHAR"),
    ),
    "events": (
        ("id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("source_key", "VARCHAR"),
        ("target_key", "VARCHAR"),
        *((f"source_{k}", "VARCHAR") for k in _ACTOR_REF),
        *((f"target_{k}", "VARCHAR") for k in _ACTOR_REF),
        ("mode", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("quad_class", "SMALLINT"),
        ("goldstein", "DOUBLE"),
        ("status", "VARCHAR"),
        ("status_history", "JSON"),
        ("first_seen", "DATE"),
        ("last_seen", "DATE"),
        ("num_mentions", "INTEGER"),
        ("num_articles", "INTEGER"),
        ("num_sources", "INTEGER"),
        ("place_name", "VARCHAR"),
        ("place_country", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("source_url", "VARCHAR"),
    ),
    "errors": (
        ("id", "VARCHAR"),
        ("source", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("message", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
    ),
}

# Primary keys only where rows are inserted once and never rewritten: DuckDB checks
# constraints eagerly, and the events table is rewritten as clusters grow.
_KEYS = {"articles": "id", "errors": "id"}

# No index on event_mentions.event_id: every write updates that column for the mentions
# whose event was cut anew, and DuckDB turns an update of an indexed column into a delete
# and an insert. Without it, writing articles 3,000 to 5,000 of the bench took 8.7-8.8 s
# instead of 9.8-10.5 s (the commits 1.5 s instead of 1.8-2.1 s, the updates ~0 instead
# of 1.0-1.1 s). Reading one event's mentions scans the column instead.
_INDEXES = (
    "CREATE INDEX mentions_article ON event_mentions (article_id)",
    "CREATE INDEX events_key ON events (type, source_key, target_key)",
    "CREATE INDEX articles_input ON articles (input_id)",
)

# Steps from version n-1 to n, appended and never edited. A new database is created from
# TABLES (the current schema) at the latest version; an older file runs the steps it lacks.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (),  # 1: the initial schema (created from TABLES)
    ("DROP INDEX IF EXISTS mentions_event",),  # 2: see _INDEXES
)
VERSION = len(MIGRATIONS)


def create_statements() -> list[str]:
    """DDL for a new database at the current version."""
    return [f"CREATE TABLE {name} ({_column_sql(name)})" for name in TABLES] + list(_INDEXES)


def _column_sql(table: str) -> str:
    cols = [f'"{name}" {sql}' for name, sql in TABLES[table]]
    if table in _KEYS:
        cols.append(f'PRIMARY KEY ("{_KEYS[table]}")')
    return ", ".join(cols)


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[sql]) for name, sql in TABLES[table]])


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]


def order_key(table: str) -> str:
    """The columns that order a table's rows stably (exports are reproducible)."""
    names = columns(table)
    if "idx" in names:
        return "article_id, idx"
    if "band" in names:
        return "article_id, band"
    return '"id"'
