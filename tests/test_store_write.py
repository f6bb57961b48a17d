from __future__ import annotations

from tests._store_articles import failed, ok, summit_article
from warta.article import Article
from warta.store import EventQuery, open_store, schema


def test_store_reingest_adds_nothing(tmp_path):
    batch = [ok(summit_article(i, outlet=f"o{i}")) for i in range(5)] + [failed("bad.jsonl:3")]
    with open_store(tmp_path / "w.duckdb") as store:
        first = store.write(batch)
        before = store.stats()
        again = store.write(batch)
        assert store.stats() == before
    assert (first.articles, first.errors) == (5, 1)
    assert (again.articles, again.skipped, again.errors) == (0, 5, 0)


def test_store_skips_duplicate_ids_within_a_batch(tmp_path):
    article = summit_article(1, outlet="a")
    with open_store(tmp_path / "w.duckdb") as store:
        stats = store.write([ok(article), ok(summit_article(1, outlet="a"))])
        assert stats.articles == 1 and stats.skipped == 1
        assert store.known_ids([article.id, "nope"]) == {article.id}


def test_store_article_round_trips_to_an_equal_article(tmp_path):
    article = summit_article(7, outlet="kompas", url="https://kompas.com/a/7")
    with open_store(tmp_path / "w.duckdb") as store:
        store.write([ok(article)])
        row = store.article(article.id)
    assert row is not None and row["id"] == article.id
    back = Article.from_dict(row)
    for name in ("text", "outlet", "url", "published", "entities", "actors", "quotes", "events"):
        assert getattr(back, name) == getattr(article, name), name
    assert back.sentences == article.sentences


def test_store_errors_table_keeps_source_stage_message(tmp_path):
    with open_store(tmp_path / "w.duckdb") as store:
        store.write([failed("feed.xml#4", "truncated", "read"), failed("x.txt", "boom", "events")])
        rows = store.errors()
    assert {(r["source"], r["stage"], r["message"]) for r in rows} == {
        ("feed.xml#4", "read", "truncated"),
        ("x.txt", "events", "boom"),
    }


def test_store_events_query_filters(tmp_path):
    with open_store(tmp_path / "w.duckdb") as store:
        store.write(
            [
                ok(summit_article(1, outlet="a")),
                ok(summit_article(2, outlet="b", event_type="SANCTION")),
            ]
        )
        assert len(store.events(EventQuery(source="PRK", target="RUS"))) == 2
        assert [e["type"] for e in store.events(EventQuery(type="sanction"))] == ["SANCTION"]
        assert store.events(EventQuery(source="RUS")) == []
        assert store.events(EventQuery(since="2023-10-01")) == []


def test_store_reopens_at_the_current_schema_version(tmp_path):
    path = tmp_path / "w.duckdb"
    with open_store(path) as store:
        store.write([ok(summit_article(1, outlet="a"))])
    with open_store(path) as store:
        assert store.version == schema.VERSION  # type: ignore[attr-defined]
        assert store.stats()["articles"] == 1


def _content(store) -> dict[str, list[str]]:
    """Every stored row, sorted, without the ingestion time."""
    tables = ("articles", "article_bands", "entities", "actors", "quotes", "event_mentions")
    out = {}
    for table in (*tables, "events"):
        sql = f"SELECT * EXCLUDE (ingested_at) FROM {table}" if table == "articles" else None
        rows = store.con.execute(sql or f"SELECT * FROM {table}").fetchall()
        out[table] = sorted(map(str, rows))
    return out


def test_store_rows_made_by_the_worker_store_the_same(tmp_path):
    # the runners send each article's rows (prepare(..., with_rows=True), then hollow)
    # instead of its records: the store must end up with exactly the same content
    from warta.store.dedup import MinHasher
    from warta.store.rows import hollow, prepare

    full = [ok(summit_article(i, outlet=f"o{i % 3}")) for i in range(6)]
    sent = [ok(summit_article(i, outlet=f"o{i % 3}")) for i in range(6)]
    for result in sent:
        assert result.article is not None
        prepare(result.article, MinHasher.default(), with_rows=True)
        hollow(result.article)
    contents = []
    for name, batch in (("full", full), ("sent", sent)):
        with open_store(tmp_path / f"{name}.duckdb") as store:
            store.write(batch)
            contents.append(_content(store))
    assert contents[0] == contents[1]
    assert contents[0]["event_mentions"] and contents[0]["events"]
