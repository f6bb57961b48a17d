from __future__ import annotations

import re

import pytest

from warta.nlp.langid import LanguageIdentifier
from warta.resources import Resources


@pytest.fixture(scope="module")
def ident():
    return LanguageIdentifier(Resources())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Presiden Joko Widodo mengatakan bahwa pemerintah akan menambah anggaran pertahanan "
            "karena situasi di kawasan semakin tidak menentu.",
            "id",
        ),
        (
            "Perdana Menteri berkata bahawa kerajaan akan menambah peruntukan pertahanan kerana "
            "keadaan di rantau ini semakin tidak menentu, menurut kenyataan pada Isnin.",
            "ms",
        ),
        (
            "The president said on Monday that the government will increase defence spending "
            "because the situation in the region is uncertain.",
            "en",
        ),
        (
            "Le président a déclaré lundi que le gouvernement augmenterait les dépenses de défense.",
            None,
        ),
        ("12345 67890", None),
        ("Korea Utara mengancam Amerika Serikat dengan serangan nuklir.", "id"),
        ("North Korea threatened the United States with a nuclear attack.", "en"),
    ],
)
def test_langid_tells_indonesian_malay_english_and_unknown(ident, text, expected):
    assert ident.guess(text).language == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kata “Presiden” — 12 kali_dua: DAN yang",  # ASCII letters only: the byte path
        "Straße İstanbul naïve ǅemal ½ ٣ abc123def",  # other letters: the regex path
    ],
)
def test_nlp_langid_words_are_casefolded_letter_runs(text):
    from warta.nlp.langid import _words

    assert _words(text) == [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
