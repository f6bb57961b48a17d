"""The clean stage on Indonesian pages as scraped in the wild (passages written for the tests)."""

from __future__ import annotations

import pytest

from warta.article import Article
from warta.clean import CleanStage
from warta.errors import EmptyInput
from warta.resources import Resources


@pytest.fixture(scope="module")
def clean():
    stage = CleanStage(Resources())

    def run(raw: str, **kw) -> Article:
        article = Article(raw=raw, **kw)
        stage(article)
        return article

    return run


PAGE = """Menlu Retno Bertemu Menlu Tiongkok Wang Yi di Jakarta

Jakarta (ANTARA) - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Tiongkok Wang Yi di Jakarta, Selasa.

BACA JUGA: Harga Cabai Rawit Melonjak Jelang Lebaran

Keduanya membahas kerja sama ekonomi dan situasi di Laut China Selatan. (rdn/hba)

Editor: Budi Santoso
Penulis: Ani Lestari
Bagikan:
Facebook Twitter WhatsApp
Halaman Selanjutnya

Berita Terkait
Timnas U-23 Lolos Ke Semifinal Piala Asia
Gunung Merapi Kembali Erupsi Pagi Ini

Tinggalkan Komentar
Nama
Email
"""


def test_clean_removes_promos_credits_share_pagination_and_tail(clean):
    article = clean(PAGE)
    assert article.title == "Menlu Retno Bertemu Menlu Tiongkok Wang Yi di Jakarta"
    assert article.outlet == "Antara"
    assert article.dateline_place == "Jakarta"
    assert article.text.startswith("Menteri Luar Negeri Retno Marsudi")
    for gone in (
        "Cabai",
        "Budi Santoso",
        "Ani Lestari",
        "Facebook",
        "Halaman",
        "Timnas",
        "Merapi",
        "Komentar",
        "Email",
        "(rdn/hba)",
        "ANTARA",
    ):
        assert gone not in article.text, gone
    assert article.text.endswith("Laut China Selatan.")
    kinds = {r.kind for r in article.removed}
    assert {
        "title",
        "dateline",
        "promo",
        "credit",
        "share",
        "pagination",
        "related",
        "comments",
    } <= kinds


def test_clean_paragraph_offsets_point_into_the_body(clean):
    article = clean(PAGE)
    assert len(article.paragraphs) == 2
    for start, end in article.paragraphs:
        assert article.text[start:end].strip() == article.text[start:end]
        assert article.text[start:end]


@pytest.mark.parametrize(
    ("lead", "outlet", "place"),
    [
        ("MOSKWA, KOMPAS.com - Presiden Rusia menerima tamu.", "Kompas.com", "Moskwa"),
        ("TRIBUNNEWS.COM, MOSKOW - Presiden Rusia menerima tamu.", "Tribunnews.com", "Moskow"),
        ("Jakarta (ANTARA) - Presiden menerima tamu.", "Antara", "Jakarta"),
        ("JABAR EKSPRES – Presiden menerima tamu.", "Jabar Ekspres", None),
        ("SEOUL, Yonhap -- Korea Selatan menggelar latihan.", "Yonhap", "Seoul"),
        ("JAKARTA - Presiden menerima tamu.", None, "Jakarta"),
        ("MOSCOW (Reuters) - Russia said on Monday.", "Reuters", "Moscow"),
        ("WASHINGTON, Sept 12 (AP) — The United States said.", "AP", "Washington"),
    ],
)
def test_clean_reads_datelines(clean, lead, outlet, place):
    article = clean(lead)
    assert (article.outlet, article.dateline_place) == (outlet, place)
    assert article.text[0].isupper() and "-" not in article.text[:3]


def test_clean_keeps_a_dash_that_is_not_a_dateline(clean):
    article = clean("Menurut dia - dan banyak pengamat - perang belum selesai.")
    assert article.outlet is None and article.text.startswith("Menurut dia")


def test_clean_drops_inserted_unrelated_headline_but_keeps_story_subheading(clean):
    raw = (
        "Korea Selatan dan Jepang menggelar latihan militer bersama di Laut Jepang pekan ini.\n"
        "Harga Minyak Goreng Turun Di Pasar Tradisional Bandung\n"
        "Latihan Militer Korea Selatan Dan Jepang\n"
        "Latihan militer itu melibatkan kapal perusak dan pesawat tempur dari kedua negara."
    )
    article = clean(raw, title="Latihan Bersama")
    assert "Minyak Goreng" not in article.text
    assert "Latihan Militer Korea Selatan Dan Jepang" in article.text
    assert any(r.kind == "headline" and "Minyak" in r.text for r in article.removed)


def test_clean_is_idempotent(clean):
    first = clean(PAGE)
    second = clean(first.text, title=first.title)
    assert second.text == first.text


def test_clean_reads_a_publication_date_line(clean):
    article = clean("Judul Berita\nSenin, 11 September 2023 | 10:15 WIB\nPresiden bertemu tamu.")
    assert article.published == "2023-09-11"
    assert "WIB" not in article.text


def test_clean_given_date_is_not_overridden(clean):
    article = clean("Judul\nSenin, 11 September 2023\nPresiden bertemu.", published="2023-09-12")
    assert article.published == "2023-09-12"


def test_clean_raises_when_nothing_is_left(clean):
    with pytest.raises(EmptyInput):
        clean("Baca Juga: Sesuatu Yang Lain\nTinggalkan Balasan\n")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday, 14 September 2023", "2023-09-14"),
        ("Sept. 14, 2023 10:15 GMT", "2023-09-14"),
        ("Kamis, 14 September 2023 | 10:15 WIB", "2023-09-14"),
        ("Rabu, 31 Februari 2023", None),
    ],
)
def test_clean_reads_date_lines_in_both_orders(clean, line, iso):
    article = clean(
        f"Headline Of The Story\n{line}\nMOSCOW (Reuters) - Russia said on Monday it would respond."
    )
    assert article.published == iso
    assert article.outlet == "Reuters"


def test_clean_a_default_date_yields_to_the_page_own_date(clean):
    dated = clean(
        "Judul Berita\nSenin, 11 September 2023\nPresiden bertemu tamu.",
        meta={"published_default": "2024-01-01"},
    )
    assert dated.published == "2023-09-11"
    undated = clean(
        "Judul Berita\nPresiden bertemu tamu.", meta={"published_default": "2024-01-01"}
    )
    assert undated.published == "2024-01-01"
    assert "published_default" not in undated.meta


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("^(baca|simak)\\s+juga", "^(?:baca|simak)\\s+juga"),
        ("^(?:a)(?=b)(?P<n>c)", "^(?:a)(?=b)(?P<n>c)"),
        ("^[(]\\(x\\)[^](]", "^[(]\\(x\\)[^](]"),
        ("^(a)\\s+\\1", "^(a)\\s+\\1"),  # a backreference needs its group
    ],
)
def test_clean_rules_groups_do_not_capture(pattern, expected):
    from warta.clean.boilerplate import _non_capturing

    assert _non_capturing(pattern) == expected
