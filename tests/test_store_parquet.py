"""The Parquet dataset written next to the store: partitioned by date, new articles only."""

from __future__ import annotations

import pyarrow.dataset as ds

from tests._store_articles import failed, ok, summit_article
from warta.store import open_store
from warta.store.parquet import ParquetSink


def _table(folder, name):
    return ds.dataset(folder / name, format="parquet", partitioning="hive").to_table()


def test_store_parquet_partitions_each_table_by_publication_date(tmp_path):
    batch = [
        ok(summit_article(1, outlet="a", published="2023-09-12")),
        ok(summit_article(2, outlet="b", published="2023-09-13")),
        ok(summit_article(3, outlet="c", published=None)),
        failed("x.txt"),
    ]
    out = tmp_path / "pq"
    with ParquetSink(open_store(tmp_path / "w.duckdb"), out) as sink:
        stats = sink.write(batch)
        assert sink.stats()["articles"] == 3  # reads go to the store
    assert stats.articles == 3
    folders = sorted(p.name for p in (out / "articles").iterdir())
    assert folders == [
        "published=2023-09-12",
        "published=2023-09-13",
        "published=__HIVE_DEFAULT_PARTITION__",
    ]
    articles = _table(out, "articles")
    assert sorted(articles["id"].to_pylist()) == sorted(r.article.id for r in batch[:3])
    mentions = _table(out, "event_mentions").to_pylist()
    assert {str(m["published"]) for m in mentions} == {"2023-09-12", "2023-09-13", "None"}
    assert len(_table(out, "entities")) == 6 and len(_table(out, "quotes")) == 3


def test_store_parquet_rewriting_a_batch_adds_no_copy(tmp_path):
    first = [ok(summit_article(i, outlet="a")) for i in range(4)]
    out = tmp_path / "pq"
    with ParquetSink(open_store(tmp_path / "w.duckdb"), out) as sink:
        sink.write(first)
        sink.write(first)  # stored already: nothing new to mirror
        sink.write([*first, ok(summit_article(9, outlet="b"))])
    # a batch re-analysed after a crash (stored in the database, lost before the files
    # were written) overwrites its own file: same ids, same name
    sink.write_articles([r.article for r in first])
    assert len(_table(out, "articles")) == 5
