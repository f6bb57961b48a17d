from __future__ import annotations

from tests._source_files import STORIES, page, write_feed, write_jsonl, write_warc
from warta.article import Article
from warta.sources import InputFailure, discover, iter_inputs
from warta.sources.html import from_html


def _split(items):
    items = list(items)
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, InputFailure)],
    )


def test_sources_feed_entries_become_articles(tmp_path):
    articles, failures = _split(iter_inputs([write_feed(tmp_path / "f.xml")]))
    assert not failures and len(articles) == 3
    first = articles[0]
    assert (first.title, first.url, first.outlet, first.published) == (
        "Berita 0",
        "https://contoh.id/0",
        "Warta Contoh",
        "2023-09-13",
    )
    assert STORIES[0] in first.raw


def test_sources_warc_responses_become_articles(tmp_path):
    for gzip in (False, True):
        articles, failures = _split(
            iter_inputs([write_warc(tmp_path / f"c{gzip}.warc", gzip=gzip)])
        )
        assert not failures
        assert [a.url for a in articles] == [f"https://contoh.id/{i}" for i in range(3)]
        assert articles[1].title == "Judul 1" and articles[1].published == "2023-09-13"
        assert "Filipina" in articles[1].raw


def test_sources_malformed_warc_record_fails_alone(tmp_path):
    for gzip in (False, True):
        path = write_warc(tmp_path / f"bad{gzip}.warc", gzip=gzip, corrupt=1)
        articles, failures = _split(iter_inputs([path]))
        assert [a.url for a in articles] == ["https://contoh.id/0", "https://contoh.id/2"], gzip
        assert len(failures) == 1 and "malformed WARC record" in failures[0].error


def test_sources_jsonl_fields_and_a_non_utf8_line(tmp_path):
    articles, failures = _split(iter_inputs([write_jsonl(tmp_path / "a.jsonl", bad_line=1)]))
    assert [a.url for a in articles] == ["https://contoh.id/j0", "https://contoh.id/j2"]
    assert (articles[0].outlet, articles[0].published, articles[0].language) == (
        "Contoh",
        "2023-09-13",
        "id",
    )
    assert len(failures) == 1
    assert failures[0].source.endswith("a.jsonl:2") and "not UTF-8" in failures[0].error


def test_sources_jsonl_bad_json_and_missing_text(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "Satu dua tiga."}\n{"text": \n{"url": "x"}\n[1]\n', encoding="utf-8")
    articles, failures = _split(iter_inputs([path]))
    assert len(articles) == 1
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "3", "4"]


def test_sources_html_metadata_and_truncation(tmp_path):
    html = page("Putin Sambut Kim", "MOSKWA - " + STORIES[0])
    good = tmp_path / "good.html"
    good.write_text(html, encoding="utf-8")
    cut = tmp_path / "cut.html"
    cut.write_text(html[: len(html) // 2], encoding="utf-8")
    cut_in_tag = tmp_path / "cut2.html"
    cut_in_tag.write_text(html[: html.index("<p>") + 2], encoding="utf-8")
    articles, failures = _split(iter_inputs([good, cut, cut_in_tag]))
    assert [a.title for a in articles] == ["Putin Sambut Kim"]
    assert articles[0].outlet == "Warta Contoh" and articles[0].published == "2023-09-13"
    assert len(failures) == 2 and all("truncated HTML" in f.error for f in failures)


def test_sources_html_fragment_without_document_is_not_truncated():
    article = from_html("<div><p>" + STORIES[1] + "</p><p>" + STORIES[2] + "</p></div>")
    assert "Filipina" in article.raw


def test_sources_discover_folders_and_globs_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.html", "1.txt", "b/skip.png", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.removeprefix(str(tmp_path) + "/") for p in discover([tmp_path])] == [
        "1.txt",
        "a.html",
        "b/2.txt",
    ]
    assert [p.rsplit("/", 1)[1] for p in discover([str(tmp_path / "**" / "*.txt")])] == [
        "1.txt",
        "2.txt",
    ]


def test_sources_missing_and_binary_files_are_failures(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"%PDF-1.4 ...")
    articles, failures = _split(iter_inputs([tmp_path / "missing.txt", binary]))
    assert not articles and len(failures) == 2


def test_sources_html_declared_charset_is_used_when_not_utf8(tmp_path):
    html = page("Café di Jakarta", "JAKARTA - Menteri bertemu duta besar di kafe café kota.")
    html = html.replace("<head>", "<head><meta charset='windows-1252'>")
    path = tmp_path / "latin.html"
    path.write_bytes(html.encode("cp1252"))
    (article,) = iter_inputs([path])
    assert isinstance(article, Article) and article.title == "Café di Jakarta"


def test_sources_atom_feed_keeps_the_outlets_local_date(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Kabar Timur</title><entry><title>Berita pagi</title>"
        "<link href='https://kabar.id/1'/><id>urn:1</id>"
        "<updated>2023-09-13T06:00:00+07:00</updated>"
        f"<content type='html'>&lt;p&gt;{STORIES[2]}&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    (article,) = iter_inputs([path])
    assert isinstance(article, Article)
    assert (article.outlet, article.url, article.published) == (
        "Kabar Timur",
        "https://kabar.id/1",
        "2023-09-13",
    )
    assert "ASEAN" in article.raw and "<p>" not in article.raw
