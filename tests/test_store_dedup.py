from __future__ import annotations

from tests._store_articles import body, ok, summit_article
from warta.store import open_store
from warta.store.dedup import MinHasher, similarity


def test_store_dedup_links_a_syndicated_copy_and_keeps_it(tmp_path):
    text = "Kim Jong Un bertemu Vladimir Putin di Vladivostok. " + body(1, 300)
    original = summit_article(1, outlet="antara", text=text, url="https://antara.id/1")
    copy = summit_article(
        2, outlet="kumparan", text=text + " Baca juga: berita lain hari ini.", url="https://k.com/2"
    )
    other = summit_article(3, outlet="detik")
    with open_store(tmp_path / "d.duckdb") as store:
        store.write([ok(original)])
        stats = store.write([ok(copy), ok(other)])
        rows = {r["id"]: r for r in store.articles()}
    assert stats.duplicates == 1 and stats.articles == 2
    assert rows[copy.id]["duplicate_of"] == original.id
    assert rows[other.id]["duplicate_of"] is None
    assert rows[original.id]["duplicate_of"] is None


def test_store_dedup_copy_of_a_copy_points_at_the_original(tmp_path):
    text = "Kim Jong Un bertemu Vladimir Putin di Vladivostok. " + body(5, 300)
    a = summit_article(1, outlet="a", text=text, url="u1")
    b = summit_article(2, outlet="b", text=text, url="u2")
    c = summit_article(3, outlet="c", text=text + " (ant)", url="u3")
    with open_store(tmp_path / "d.duckdb") as store:
        store.write([ok(a), ok(b), ok(c)])  # within one batch, too
        rows = {r["id"]: r["duplicate_of"] for r in store.articles()}
    assert rows == {a.id: None, b.id: a.id, c.id: a.id}


def test_store_dedup_minhash_estimates_overlap():
    hasher = MinHasher.default()
    text = body(9, 400)
    assert similarity(hasher.signature(text), hasher.signature(text)) == 1.0
    assert similarity(hasher.signature(text), hasher.signature(body(10, 400))) < 0.3
    assert hasher.signature("terlalu pendek") is None
