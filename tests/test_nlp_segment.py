from __future__ import annotations

import dataclasses

import pytest

from warta.article import Article, Sentence, Token
from warta.nlp.segment import Segmenter, SegmentStage
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


def _article(paragraphs: list[str]) -> Article:
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return Article(raw=text, text=text, paragraphs=spans, language="id")


def _stage_output(article: Article) -> tuple[list[Token], list[Sentence]]:
    SegmentStage(Resources())(article)
    return article.tokens, article.sentences


def test_segment_paragraphs_at_once_equal_paragraphs_one_by_one(seg):
    # the stage reads a cleaned text in one search; a paragraph ending in an initial
    # ("W.") must not see the next paragraph's capital, as it cannot one by one
    paragraphs = ["Kata Joko W.", "Budi datang “A. B,” kata X. Lalu pergi.", "J.", "K. L. dll."]
    article = _article(paragraphs)
    tokens, sentences = _stage_output(article)
    want_tokens: list[Token] = []
    want_sentences: list[Sentence] = []
    for number, (start, end) in enumerate(article.paragraphs):
        part = seg.tokens(article.text, start, end)
        want_tokens += part
        want_sentences += seg.sentences(article.text, part, number)
    assert tokens == want_tokens and sentences == want_sentences
    assert [t.text for t in tokens[:4]] == ["Kata", "Joko", "W", "."]
    assert all(type(t) is Token for t in tokens)


def test_segment_paragraphs_that_do_not_tile_the_text(seg):
    article = _article(["Ia datang. Lalu pergi.", "Budi W.", "Rusia membalas."])
    article.paragraphs = article.paragraphs[::2]  # the middle one is left out
    tokens, sentences = _stage_output(article)
    assert "Budi" not in [t.text for t in tokens]
    assert [article.text[s.start : s.end] for s in sentences] == [
        "Ia datang.",
        "Lalu pergi.",
        "Rusia membalas.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_segment_prefers_the_longest_abbreviation():
    seg = Segmenter(keep=["S.", "S.H.", "S.Sos."], final=[])
    words = [t.text for t in seg.tokens("Budi S.Sos. dan Ani S.H. serta S. Wati")]
    assert words == ["Budi", "S.Sos.", "dan", "Ani", "S.H.", "serta", "S.", "Wati"]


def test_segment_tokens_are_frozen_records(seg):
    token = seg.tokens("Presiden datang.")[0]
    assert token == Token("Presiden", 0, 8) and hash(token) == hash(Token("Presiden", 0, 8))
    with pytest.raises(dataclasses.FrozenInstanceError):
        token.start = 3  # type: ignore[misc]
