"""A fresh PostgreSQL schema per test, on the server named by ``WARTA_TEST_POSTGRES``.

``scripts/start-postgres.sh`` starts one and prints its URL. Without the variable, or when
the server does not answer, the tests that use ``pg_url`` skip and say why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest

ENV = "WARTA_TEST_POSTGRES"


def _admin_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f'{ENV} is not set (export {ENV}="$(scripts/start-postgres.sh)")')
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (warta[postgres])")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL at {ENV} is unreachable: {str(exc).strip()}")
    return url


def with_schema(url: str, name: str) -> str:
    """The URL with every connection's search_path set to ``name`` (libpq ``options``)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={name}')}"


@pytest.fixture
def pg_urls() -> Iterator[Callable[[], str]]:
    """A factory of store URLs, each in a new schema (dropped afterwards)."""
    import psycopg

    url = _admin_url()
    names: list[str] = []

    def make() -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {name}")
        names.append(name)
        return with_schema(url, name)

    yield make
    with psycopg.connect(url, autocommit=True) as con:
        for name in names:
            con.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def pg_url(pg_urls: Callable[[], str]) -> str:
    """A store URL whose tables live in a schema of their own."""
    return pg_urls()
