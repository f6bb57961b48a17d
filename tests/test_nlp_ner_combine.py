"""The written rule that combines tagger entities with gazetteer hits (see combine.py)."""

from __future__ import annotations

from warta.article import Entity
from warta.nlp.gazetteer import Match
from warta.nlp.ner.combine import combine, looks_like_name


def model(text: str, name: str, kind: str) -> Entity:
    start = text.index(name)
    return Entity(name, kind, start, start + len(name), "model")


def hit(text: str, name: str, kind: str) -> Match:
    start = text.index(name)
    return Match(start, start + len(name), kind)


def summary(entities):
    return [(e.text, e.type, e.source) for e in entities]


def test_combine_adds_a_known_name_the_model_missed():
    text = "Menlu Sugiono bertemu Lavrov."
    out = combine(text, [model(text, "Sugiono", "PER")], [hit(text, "Lavrov", "PER")])
    assert summary(out) == [("Sugiono", "PER", "model"), ("Lavrov", "PER", "gazetteer")]


def test_combine_takes_the_gazetteer_type_on_the_same_span():
    text = "Juru bicara Kremlin mengatakan"
    out = combine(text, [model(text, "Kremlin", "LOC")], [hit(text, "Kremlin", "ORG")])
    assert summary(out) == [("Kremlin", "ORG", "both")]


def test_combine_lets_a_longer_aligned_name_replace_model_pieces():
    text = "kantor berita Korean Central News Agency melaporkan"
    out = combine(
        text,
        [model(text, "Korean Central News", "ORG")],
        [hit(text, "Korean Central News Agency", "ORG")],
    )
    assert summary(out) == [("Korean Central News Agency", "ORG", "both")]


def test_combine_keeps_the_model_entity_around_a_shorter_name():
    text = "mahasiswa Universitas Indonesia berdemo"
    out = combine(
        text, [model(text, "Universitas Indonesia", "ORG")], [hit(text, "Indonesia", "LOC")]
    )
    assert summary(out) == [("Universitas Indonesia", "ORG", "model")]


def test_combine_keeps_the_model_entity_when_a_name_crosses_it():
    text = "Bank Dunia Amerika"
    out = combine(text, [model(text, "Bank Dunia", "ORG")], [hit(text, "Dunia Amerika", "LOC")])
    assert summary(out) == [("Bank Dunia", "ORG", "model")]


def test_combine_splits_a_hyphenated_compound_of_known_names():
    text = "Diplomasi Rusia-Korut membahas"
    out = combine(
        text,
        [model(text, "Rusia-Korut", "LOC")],
        [hit(text, "Rusia", "LOC"), hit(text, "Korut", "LOC")],
    )
    assert summary(out) == [("Rusia", "LOC", "both"), ("Korut", "LOC", "both")]


def test_combine_keeps_a_hyphenated_name_whose_parts_are_not_all_known():
    text = "pabrik Coca-Cola di Bekasi"
    out = combine(text, [model(text, "Coca-Cola", "ORG")], [hit(text, "Cola", "ORG")])
    assert summary(out) == [("Coca-Cola", "ORG", "model")]


def test_gazetteer_hits_need_a_capital_in_cased_text_only():
    text = "harga cina naik"
    m = hit(text, "cina", "LOC")
    assert not looks_like_name(text, m, cased=True)
    assert looks_like_name(text, m, cased=False)


def test_combine_peels_a_known_organisation_off_a_person_entity():
    text = "Juru bicara Kremlin Dmitry Peskov membantah"
    out = combine(
        text, [model(text, "Kremlin Dmitry Peskov", "PER")], [hit(text, "Kremlin", "ORG")]
    )
    assert summary(out) == [("Kremlin", "ORG", "both"), ("Dmitry Peskov", "PER", "model")]


def test_combine_keeps_a_place_inside_an_organisation_name():
    text = "Gubernur Bank Indonesia berkata"
    out = combine(text, [model(text, "Bank Indonesia", "ORG")], [hit(text, "Indonesia", "LOC")])
    assert summary(out) == [("Bank Indonesia", "ORG", "model")]


def test_ner_combine_one_type_per_name_follows_the_majority():
    from warta.article import Entity
    from warta.nlp.ner.combine import one_type_per_name

    ents = [
        Entity("Jo Chun Ryong", "PER", 0, 13),
        Entity("Jo Chun Ryong", "PER", 20, 33),
        Entity("Jo Chun Ryong", "LOC", 40, 53),
        Entity("Bali", "LOC", 60, 64),
    ]
    assert [e.type for e in one_type_per_name(ents)] == ["PER", "PER", "PER", "LOC"]


def test_ner_combine_one_type_per_name_keeps_ties_and_trusts_the_gazetteer():
    from warta.article import Entity
    from warta.nlp.ner.combine import one_type_per_name

    tie = [Entity("Jordan", "PER", 0, 6), Entity("Jordan", "LOC", 10, 16)]
    assert [e.type for e in one_type_per_name(tie)] == ["PER", "LOC"]
    known = [Entity("Kremlin", "LOC", 0, 7), Entity("Kremlin", "ORG", 10, 17, source="both")]
    assert [e.type for e in one_type_per_name(known)] == ["ORG", "ORG"]
