"""The PostgreSQL store behind the shared interface: same rows as DuckDB, same guarantees.

Needs a server: ``export WARTA_TEST_POSTGRES="$(scripts/start-postgres.sh)"``; skips without.
"""

# ruff: noqa: F811  (fixtures imported from tests._postgres are redefined as arguments)
from __future__ import annotations

import datetime as dt
import threading

import pytest

from tests._postgres import pg_url, pg_urls  # noqa: F401 (fixtures, used as arguments)
from tests._store_articles import RUS, ActorRef, body, failed, ok, summit_article
from warta.article import Article
from warta.errors import StoreError
from warta.store import EventQuery, open_store

UKR = ActorRef("Volodymyr Zelensky", "UKR", "GOV", "zelensky")


def _batches() -> list[list]:
    """Two batches over a month: clusters that the second batch extends and splits, mixed
    statuses, a syndicated near-copy, an article stored twice, and failed inputs."""
    first = [
        ok(summit_article(1, outlet="antara", published="2023-09-10", status="planned")),
        ok(summit_article(2, outlet="kompas", published="2023-09-12")),
        ok(summit_article(3, outlet="tempo", published="2023-09-25", event_type="SANCTION")),
        ok(
            summit_article(
                4,
                outlet="detik",
                published="2023-09-13",
                source=RUS,
                target=UKR,
                event_type="ASSAULT",
                url="https://detik.com/4",
            )
        ),
        failed("feed.xml#2", "truncated", "read"),
    ]
    copy = f"Kim Jong Un bertemu Vladimir Putin di Vladivostok. {body(2)} Baca juga di kanal kami."
    second = [
        ok(summit_article(5, outlet="antara", published="2023-09-05", status="suspected")),
        ok(summit_article(6, outlet="cnn", published="2023-09-14", text=copy)),
        ok(summit_article(2, outlet="kompas", published="2023-09-12")),  # already stored
        ok(summit_article(7, outlet="tempo", published=None, event_type="THREATEN")),
        failed("x.txt", "boom", "events"),
    ]
    return [first, second]


def _views(store) -> dict:
    """Everything the API, the dashboard and ``warta events`` read, minus ingest times."""
    events = store.events(EventQuery(limit=1000))
    first_article = store.articles()[0]["id"]
    return {
        "stats": store.stats(),
        "events": events,
        "event": [store.event(e["id"]) for e in events],
        "filtered": store.events(EventQuery(source="prk", type="consult", since="2023-09-11")),
        "articles": store.articles(limit=3, offset=1),
        "article": store.article(first_article),
        "actors": store.actors(query="kim"),
        "quotes": store.quotes(speaker="Peskov", limit=4),
        "dyad": [store.dyad("PRK", "RUS", freq=f) for f in ("day", "week", "month")],
        "errors": store.errors(),
    }


def _without_times(value):
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k != "ingested_at"}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def test_store_postgres_reads_exactly_what_duckdb_reads(pg_url, tmp_path):
    with open_store(pg_url) as pg, open_store(tmp_path / "d.duckdb") as duck:
        for batch in _batches():
            assert pg.write(batch) == duck.write(batch)
        pg_views, duck_views = _without_times(_views(pg)), _without_times(_views(duck))
    assert pg_views["stats"]["duplicates"] == 1 and pg_views["stats"]["events"] >= 4
    for name, value in duck_views.items():
        assert pg_views[name] == value, name


def test_store_postgres_reingest_adds_nothing(pg_url):
    batch = [ok(summit_article(i, outlet=f"o{i}")) for i in range(5)] + [failed("bad.jsonl:3")]
    with open_store(pg_url) as store:
        first = store.write(batch)
        before = store.stats()
        again = store.write(batch)
        assert store.stats() == before
    assert (first.articles, first.errors) == (5, 1)
    assert (again.articles, again.skipped, again.errors) == (0, 5, 0)


def test_store_postgres_article_round_trips_to_an_equal_article(pg_url):
    article = summit_article(7, outlet="kompas", url="https://kompas.com/a/7")
    with open_store(pg_url) as store:
        store.write([ok(article)])
        assert store.known_ids([article.id, "nope"]) == {article.id}
        row = store.article(article.id)
    assert row is not None
    back = Article.from_dict(row)
    for name in ("text", "outlet", "url", "published", "entities", "actors", "quotes", "events"):
        assert getattr(back, name) == getattr(article, name), name
    assert back.sentences == article.sentences


def test_store_postgres_scan_gives_arrow_batches_of_every_row(pg_url):
    with open_store(pg_url) as store:
        store.write([ok(summit_article(i, outlet="a")) for i in range(3)])
        batches = list(store.scan("event_mentions", batch_rows=2))
        with pytest.raises(StoreError):
            list(store.scan("pg_class"))
    assert [b.num_rows for b in batches] == [2, 1]
    assert batches[0].schema.field("date").type.equals(batches[0].schema.field("published").type)


def test_store_postgres_fresh_schema_opened_by_two_processes_at_once_migrates_once(pg_url):
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            open_store(pg_url).close()
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open_store(pg_url) as store:
        versions = store.con.execute("SELECT count(*) FROM schema_version").fetchone()  # type: ignore[attr-defined]
    assert errors == [] and versions == (1,)


def test_store_postgres_unreachable_server_is_a_store_error():
    pytest.importorskip("psycopg")
    with pytest.raises(
        StoreError, match=r"cannot connect to postgresql://warta:\*\*\*@127\.0\.0\.1:9"
    ):
        open_store("postgresql://warta:secret@127.0.0.1:9/warta", connect_timeout=2)


def test_store_postgres_follows_cuts_that_a_new_report_moves_as_duckdb_does(pg_url, tmp_path):
    """Reports on days 10, 16 | 20, 26 | 28, 34 | 36, 42 make four events. One on day 18
    starts a window that takes day 20; day 26 then starts one that takes day 28, day 34
    one that takes day 36, and day 42 is left alone: the cuts move past the events the
    writer reloads first (up to two windows after day 18), so it reads the rest."""

    def report(n: int, offset: int):
        day = (dt.date(2023, 9, 1) + dt.timedelta(days=offset)).isoformat()
        return ok(summit_article(n, outlet=f"o{n}", published=day))

    firsts = []
    for url in (pg_url, tmp_path / "d.duckdb"):
        with open_store(url) as store:
            store.write([report(n, d) for n, d in enumerate([10, 16, 20, 26, 28, 34, 36, 42])])
            store.write([report(99, 18)])
            firsts.append(sorted(e["first_seen"] for e in store.events(EventQuery())))
    expected = ["2023-09-11", "2023-09-19", "2023-09-27", "2023-10-05", "2023-10-13"]
    assert firsts[0] == firsts[1] == expected


def test_store_postgres_keeps_the_event_id_index_duckdb_drops(pg_url):
    from warta.store import _pg_schema

    with open_store(pg_url) as store:
        found = store.con.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'event_mentions'"
        ).fetchall()
    assert "mentions_event" in {r[0] for r in found}
    assert _pg_schema.steps_after(1) == []  # the DuckDB step that drops it is not run
