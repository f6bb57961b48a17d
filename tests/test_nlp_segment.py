from __future__ import annotations

import pytest

from warta.nlp.segment import Segmenter
from warta.resources import Resources


@pytest.fixture(scope="module")
def seg():
    return Segmenter.for_language(Resources(), "id")


def split(seg, text):
    tokens = seg.tokens(text)
    return [text[s.start : s.end] for s in seg.sentences(text, tokens, 0)]


def words(seg, text):
    return [t.text for t in seg.tokens(text)]


def test_segment_keeps_abbreviations_numbers_and_dates_whole(seg):
    toks = words(seg, "Dr. Ani, No. 5, a.n. Budi, 1.000.000 unit, 3,5%, 12/6/2018, dll.")
    for expected in ("Dr.", "No.", "a.n.", "1.000.000", "3,5%", "12/6/2018", "dll."):
        assert expected in toks


def test_segment_keeps_hyphenated_names_and_clitics(seg):
    toks = words(seg, "Hubungan Rusia-Korut dan al-Assad, kehadirannya")
    assert "Rusia-Korut" in toks and "al-Assad" in toks and "kehadirannya" in toks


def test_segment_does_not_split_after_abbreviation_or_initial(seg):
    assert split(seg, "Dr. Ani bertemu Joko W. Widodo di Jl. Thamrin. Mereka makan.") == [
        "Dr. Ani bertemu Joko W. Widodo di Jl. Thamrin.",
        "Mereka makan.",
    ]


def test_segment_splits_after_sentence_final_abbreviation(seg):
    assert split(seg, "Mereka membeli senjata, amunisi, dll. Kemudian AS menolak.") == [
        "Mereka membeli senjata, amunisi, dll.",
        "Kemudian AS menolak.",
    ]


def test_segment_abbreviation_as_is_a_word(seg):
    assert split(seg, "Sanksi dijatuhkan oleh AS. Rusia membalas.") == [
        "Sanksi dijatuhkan oleh AS.",
        "Rusia membalas.",
    ]


def test_segment_keeps_a_multi_sentence_quote_with_its_speech_tag(seg):
    assert split(seg, "“Kami siap. Kami tidak takut,” kata Menlu. Ia lalu pergi.") == [
        "“Kami siap. Kami tidak takut,” kata Menlu.",
        "Ia lalu pergi.",
    ]


def test_segment_ends_a_sentence_at_a_closing_quote(seg):
    assert split(seg, "Ia datang “atas undangan Presiden.” Namun rinciannya belum jelas.") == [
        "Ia datang “atas undangan Presiden.”",
        "Namun rinciannya belum jelas.",
    ]


def test_segment_lowercase_after_period_is_not_a_boundary(seg):
    assert len(split(seg, "Harga naik 2. persen menurut data.")) == 1


def test_segment_every_token_and_sentence_lies_inside_the_text(seg):
    text = "“Ya,” ujarnya. Menlu AS, Antony Blinken, tiba di Jakarta pada 12/6/2018!"
    tokens = seg.tokens(text)
    for t in tokens:
        assert text[t.start : t.end] == t.text
    for s in seg.sentences(text, tokens, 0):
        assert 0 <= s.start < s.end <= len(text)
