"""The human report of one article (warta read without --json)."""

from __future__ import annotations

from warta.report import render


def test_report_names_a_metonym_speaker_as_the_article_writes_it(analyse):
    article = analyse(
        "Gedung Putih menyatakan bahwa Washington akan menjatuhkan sanksi baru terhadap Iran."
        " “Kami tidak akan mundur,” kata Antony Blinken kepada wartawan."
    )
    report = render(article)
    assert "— United States, as “Gedung Putih” · indirect" in report
    # a speaker named by (part of) its own name is shown once
    assert "— Antony Blinken" in report and "as “Antony Blinken”" not in report
