"""Each article goes to the pack of its language: English to lang/en, Indonesian to
lang/id, Malay to lang/ms, which reads with the Indonesian pack plus Malay spellings."""

from __future__ import annotations

import pytest

from warta.lang import load_pack


def _coded(article):
    def country(ref):
        return ref.country if ref is not None else None

    return {(e.type, country(e.source), country(e.target), e.status) for e in article.events}


def test_lang_routing_english_goes_to_the_english_pack(analyse):
    article = analyse(
        "Russian troops attacked the Ukrainian port of Odesa on Monday, officials said."
    )
    assert article.language == "en"
    assert ("ASSAULT", "RUS", "UKR", "occurred") in _coded(article)


def test_lang_routing_indonesian_goes_to_the_indonesian_pack(analyse):
    article = analyse(
        "Pasukan Rusia menyerang kota Odesa di Ukraina pada Senin, kata pejabat setempat."
    )
    assert article.language == "id"
    assert any(
        e.type == "ASSAULT" and e.source and e.source.country == "RUS" for e in article.events
    )


def test_lang_routing_malay_reads_with_malay_words(analyse):
    article = analyse(
        "Rusia menafikan bahawa tenteranya menyerang Ukraine, kata jurucakap kerajaan."
    )
    assert article.language == "ms"
    assert ("ASSAULT", "RUS", "UKR", "denied") in _coded(article)


def test_lang_routing_malay_sanctions_word(analyse):
    article = analyse(
        "Kesatuan Eropah dijangka mengenakan sekatan terhadap Iran, menurut kenyataan itu."
    )
    assert article.language == "ms"
    assert any(
        e.type == "SANCTION" and e.target and e.target.country == "IRN" for e in article.events
    )


def test_lang_routing_malay_pack_builds_on_indonesian():
    malay, indonesian = load_pack("ms"), load_pack("id")
    assert malay.base is indonesian
    ms_events = [f for e in malay.data("events")["event"] for f in e.get("noun", [])]
    id_events = [f for e in indonesian.data("events")["event"] for f in e.get("noun", [])]
    assert "sekatan" in ms_events and "sekatan" not in id_events  # Malay only
    assert "kunjungan" in ms_events  # inherited
    assert "bahawa" in malay.data("quotes")["cues"]["complementisers"]
    assert "bahwa" in malay.data("quotes")["cues"]["complementisers"]


@pytest.mark.parametrize("name", ["events", "status", "dates", "quotes", "ner_rules"])
def test_lang_routing_english_pack_is_complete(name):
    assert load_pack("en").has(name)


def test_lang_routing_english_pack_does_not_borrow_indonesian_cues():
    cues = load_pack("en").data("quotes")["cues"]
    assert "said" in cues["verbs"] and "mengatakan" not in cues["verbs"]
    status = load_pack("en").data("status")
    assert "will" in status["planned"]["before"] and "akan" not in status["planned"]["before"]
