"""Quotation marks: pairing by style and flank, nesting, paragraphs, unclosed quotes."""

from __future__ import annotations

import pytest

from tests._quotes import lexicon
from warta.quotes.marks import find_quoted


def spans(text: str, paragraphs=None) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text, lexicon().closers, paragraphs)]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Dia berkata “ya” lalu pergi.", "ya"),
        ('Dia berkata "ya" lalu pergi.', "ya"),
        ("Dia berkata ‘ya’ lalu pergi.", "ya"),
        ("Dia berkata «ya» lalu pergi.", "ya"),
        ("Dia berkata „ya“ lalu pergi.", "ya"),
        ("Dia berkata ”ya” lalu pergi.", "ya"),
    ],
)
def test_quotes_marks_every_style(text, inside):
    assert spans(text) == [inside]


def test_quotes_marks_trailing_comma_is_not_part_of_the_statement():
    assert spans("“Kami siap,” kata Ali.") == ["Kami siap"]


def test_quotes_marks_full_stop_stays_inside():
    assert spans("Ia berkata, “Kami siap.”") == ["Kami siap."]


def test_quotes_marks_tokenised_text_pairs_by_alternation():
    text = "” Kami siap , ” kata Ali . ” Besok kami berangkat , ” ujarnya ."
    assert spans(text) == ["Kami siap", "Besok kami berangkat"]


def test_quotes_marks_nested_single_quotes_stay_inside():
    assert spans("“Ia bilang ‘tunggu’ tadi,” kata Ali.") == ["Ia bilang ‘tunggu’ tadi"]


def test_quotes_marks_paragraph_continuation_reopens_without_closing():
    text = "“Paragraf pertama tanpa penutup.\n\n“Paragraf kedua,” kata Ali."
    assert spans(text) == ["Paragraf pertama tanpa penutup.\n\n“Paragraf kedua"]


def test_quotes_marks_unclosed_quote_ends_with_its_paragraph():
    text = "Ali berkata, “kami tidak akan pergi.\n\nBerita lain tanpa kutipan."
    assert spans(text) == ["kami tidak akan pergi."]


def test_quotes_marks_apostrophes_are_not_quotes():
    assert spans("Salat Jum'at di masjid Al-Qur'an berjalan lancar.") == []


def test_quotes_marks_fresh_opening_ends_an_unclosed_quote():
    text = "“Kalimat pertama tidak ditutup. “Kalimat kedua,” kata Ali."
    assert spans(text) == ["Kalimat pertama tidak ditutup.", "Kalimat kedua"]


def test_quotes_marks_speech_tag_repairs_a_missing_mark():
    # The second quote lost its closing mark: alternation alone would pair it with the
    # third quote's opening; the speech tag after the last mark proves where quotes close.
    text = "” Kami siap , ” kata Ali . ” Ini tidak lengkap . ” Kami berangkat besok , ” ujarnya ."
    found = find_quoted(text, lexicon().closers, None, lexicon().tags)
    assert [text[q.start : q.end] for q in found] == [
        "Kami siap",
        "Ini tidak lengkap .",
        "Kami berangkat besok",
    ]
