"""The PostgreSQL spelling of the shared schema (``schema.TABLES`` and ``schema.MIGRATIONS``).

Tables, columns and migration steps are written once, in ``schema``, in the DuckDB dialect;
this module only renames the types PostgreSQL spells differently, so both backends always
hold the same columns at the same version. JSON stays ``JSON`` (not ``JSONB``): PostgreSQL
then keeps the text exactly as written, as DuckDB does, so clustering compares the same
strings whichever backend a mention was read back from.
"""

from __future__ import annotations

import re

from warta.store import schema

_TYPES = {
    "DOUBLE": "DOUBLE PRECISION",
    "BLOB": "BYTEA",
}
_TYPE_WORD = re.compile(r"\b(" + "|".join(_TYPES) + r")\b(?![\"'])")

# Extra keys PostgreSQL can hold and DuckDB cannot (DuckDB checks constraints eagerly, and
# events are deleted and re-inserted in one transaction): a last guard against duplicates
# when several ingesters write at once.
_EXTRA_KEYS = {"events": "id", "event_mentions": "id"}

# PostgreSQL keeps the index on event_mentions.event_id that DuckDB drops (see
# ``schema._INDEXES``): without it, finding the mentions of the events a write reclusters
# scans the table, which PostgreSQL does row by row; and updating an indexed column is an
# ordinary update there.
_EVENT_INDEX = "CREATE INDEX mentions_event ON event_mentions (event_id)"
_DUCKDB_ONLY_STEPS = {"DROP INDEX IF EXISTS mentions_event"}

WRITE_LOCK = "warta:write"  # name hashed into the advisory lock that serialises batches
MIGRATE_LOCK = "warta:migrate"


def translate(sql: str) -> str:
    """A DuckDB DDL statement in PostgreSQL types (type names only; quoted names untouched)."""
    parts = re.split(r'("[^"]*")', sql)
    return "".join(p if p.startswith('"') else _TYPE_WORD.sub(_type, p) for p in parts)


def _type(match: re.Match[str]) -> str:
    return _TYPES[match.group(1)]


def create_statements() -> list[str]:
    """DDL for a new database at the current version."""
    statements = [translate(sql) for sql in schema.create_statements()]
    statements += [
        f'ALTER TABLE {table} ADD PRIMARY KEY ("{column}")' for table, column in _EXTRA_KEYS.items()
    ]
    statements += [
        _EVENT_INDEX,
        "CREATE INDEX article_bands_key ON article_bands (band, hash)",
        *(
            f"CREATE INDEX {t}_article ON {t} (article_id)"
            for t in ("entities", "actors", "quotes")
        ),
    ]
    return statements


def steps_after(version: int) -> list[str]:
    steps = [sql for step in schema.MIGRATIONS[version:] for sql in step]
    return [translate(sql) for sql in steps if sql not in _DUCKDB_ONLY_STEPS]
