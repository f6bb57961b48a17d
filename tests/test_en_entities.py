"""The English name recogniser (capitals + cues from lang/en/ner_rules.toml), alone on
word lists and inside the entity stage with the knowledge base's gazetteer."""

from __future__ import annotations

import pytest

from warta.lang import load_pack
from warta.nlp.ner.rules import RuleTagger


@pytest.fixture(scope="module")
def tagger():
    return RuleTagger.from_pack(load_pack("en"))


def _spans(tagger, sentence):
    words = sentence.split()
    return {(kind, " ".join(words[i:j])) for kind, i, j in tagger.spans(words)}


def test_en_entities_title_starts_a_person(tagger):
    found = _spans(tagger, "Foreign Minister Sergei Lavrov met Prime Minister Narendra Modi .")
    assert found == {("PER", "Sergei Lavrov"), ("PER", "Narendra Modi")}


def test_en_entities_organisation_heads(tagger):
    found = _spans(tagger, "The Ministry of Foreign Affairs and the Stimson Center disagreed .")
    assert found == {("ORG", "Ministry of Foreign Affairs"), ("ORG", "Stimson Center")}


def test_en_entities_place_after_a_place_preposition(tagger):
    assert ("LOC", "Vladivostok") in _spans(tagger, "The leaders met in Vladivostok on Wednesday .")


def test_en_entities_sentence_opening_capital_is_not_a_name(tagger):
    found = _spans(tagger, "Senior officials said Monday that Thursday talks in Geneva failed .")
    assert found == {("LOC", "Geneva")}


def test_en_entities_particles_inside_names(tagger):
    found = _spans(tagger, "Syrian leader Bashar al-Assad spoke to Mohammed bin Salman .")
    assert ("PER", "Bashar al-Assad") in found
    assert ("PER", "Mohammed bin Salman") in found


def test_en_entities_acronym_is_an_organisation(tagger):
    assert ("ORG", "KCNA") in _spans(tagger, "The state agency KCNA reported the launch .")


def test_en_entities_initials_stay_in_a_person_name(tagger):
    assert ("PER", "George W. Bush") in _spans(tagger, "He met George W. Bush in Texas .")


def test_en_entities_stage_uses_rules_and_gazetteer(analyse):
    article = analyse(
        "Russia's defence minister met Michael Madden, an expert at the Stimson Center,"
        " in Pyongyang on Tuesday."
    )
    found = {(e.type, e.text) for e in article.entities}
    assert ("PER", "Michael Madden") in found
    assert ("ORG", "Stimson Center") in found
    assert any(e.text == "Russia" for e in article.entities)  # without the genitive 's
    assert not any("Tuesday" in e.text for e in article.entities)


def test_en_entities_place_after_preposition_with_article_or_possessive(analyse):
    article = analyse(
        "Putin met Kim at the Vostochny Cosmodrome in Russia's Far East on Wednesday.",
        published="2023-09-14",
    )
    types = {e.text: e.type for e in article.entities}
    assert types.get("Vostochny Cosmodrome") == "LOC"
    assert types.get("Far East") == "LOC"
    assert not any(
        a.name in ("Vostochny Cosmodrome", "Far East") and a.kind == "person"
        for a in article.actors
    )
