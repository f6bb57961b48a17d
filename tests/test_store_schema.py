from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warta.errors import StoreError
from warta.store import open_store, schema

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def test_store_schema_every_column_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    missing = [
        f"{table}.{column}"
        for table, columns in schema.TABLES.items()
        for column, _ in columns
        if f"`{column}`" not in doc
        and f" {column}," not in doc
        and f", {column}" not in doc
        and not (column.startswith(("source_", "target_")) and "`source_…`" in doc)
    ]
    assert f"## {'articles'}" in doc and not missing, missing


def test_store_schema_refuses_a_newer_database(tmp_path):
    path = tmp_path / "new.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [schema.VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="schema version"):
        open_store(path)


def test_store_schema_open_store_rejects_unknown_urls(tmp_path):
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://localhost/x")
    with open_store(f"duckdb://{tmp_path / 'x.duckdb'}") as store:
        assert store.stats()["articles"] == 0


def test_store_schema_a_version_1_database_loses_the_event_id_index(tmp_path):
    path = tmp_path / "v1.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("CREATE INDEX mentions_event ON event_mentions (event_id)")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with open_store(path) as store:
        assert store.version == schema.VERSION == 2
        names = {
            r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
        }
    assert "mentions_event" not in names and "mentions_article" in names
