"""The shells work unchanged on PostgreSQL: the API and dashboard, ``warta events``, and
``warta ingest --db postgresql://…``. Each answers exactly as it does over DuckDB."""

# ruff: noqa: F811  (fixtures imported from tests._postgres are redefined as arguments)
from __future__ import annotations

import json
import re

import pytest

from tests._api_articles import results
from tests._postgres import pg_url, pg_urls  # noqa: F401 (fixtures, used as arguments)
from warta.cli import main
from warta.store import open_store

FAKE = "tests._fake_pipeline:make"
ENDPOINTS = (
    "/api/stats",
    "/api/events",
    "/api/events?status=planned&source=PRK",
    "/api/articles",
    "/api/actors?q=kim",
    "/api/quotes?speaker=Peskov",
    "/api/dyads/rus/prk?freq=month",
)


def _filled(url: str) -> str:
    with open_store(url) as store:
        store.write(results())
    return url


def _get_all(db: str) -> dict[str, object]:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from warta.api import create_app

    with open_store(db, read_only=True) as store, TestClient(create_app(store)) as client:
        pages: dict[str, object] = {path: client.get(path).json() for path in ENDPOINTS}
        first = client.get("/api/events").json()["items"][0]["id"]
        pages["event"] = client.get(f"/api/events/{first}").json()
        article = client.get("/api/articles").json()["items"][0]["id"]
        pages["article"] = client.get(f"/api/articles/{article}").json()
        pages["dashboard"] = client.get("/").status_code
    return _without_times(pages)


def _without_times(value):
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k != "ingested_at"}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def test_store_postgres_api_and_dashboard_answer_as_over_duckdb(pg_url, tmp_path):
    duck = _filled(str(tmp_path / "w.duckdb"))
    pages = _get_all(_filled(pg_url))
    assert pages["dashboard"] == 200 and pages["/api/stats"]["articles"] == 3  # type: ignore[index]
    assert pages == _get_all(duck)


def test_store_postgres_events_command_prints_what_it_prints_for_duckdb(pg_url, tmp_path, capsys):
    duck = _filled(str(tmp_path / "w.duckdb"))
    pg = _filled(pg_url)
    outputs = {}
    for db in (pg, duck):
        for fmt in ("table", "json"):
            assert main(["events", "--db", db, "--format", fmt, "--source", "PRK"]) == 0
            outputs[db, fmt] = capsys.readouterr().out
    assert "CONSULT" in outputs[pg, "table"] and "planned" in outputs[pg, "table"]
    assert outputs[pg, "table"] == outputs[duck, "table"]
    assert outputs[pg, "json"] == outputs[duck, "json"]


def test_store_postgres_ingest_command_writes_to_the_server(pg_url, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "Pemerintah Rusia bertemu Korea Utara di Moskow.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Pemerintah China menyerang Filipina di laut.", encoding="utf-8"
    )
    args = ["ingest", str(tmp_path), "--db", pg_url, "--workers", "0", "--pipeline", FAKE, "--json"]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ingest"]["stored"] == 2 and report["database"]["events"] == 2
    assert main([*args[:-1], "--quiet"]) == 0
    assert re.search(r"stored 0 articles, skipped 2", capsys.readouterr().out)


def test_store_postgres_read_only_open_of_an_empty_database_says_so(pg_url):
    from warta.errors import StoreError

    with pytest.raises(StoreError, match="no Warta tables"):
        open_store(pg_url, read_only=True)
