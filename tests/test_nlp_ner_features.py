"""Token features: Indonesian affixes, shapes, name particles, context and caching."""

from __future__ import annotations

import pytest

from warta.lang import load_pack
from warta.nlp.ner.features import FeatureConfig, Features, word_key
from warta.nlp.ner.tagger import headline_case


@pytest.fixture(scope="module")
def features() -> Features:
    config = FeatureConfig.from_data(load_pack("id").data("ner"))
    return Features(config, {"jakarta": "0010111000011", "menteri": "1100"})


def own(features: Features, word: str) -> list[str]:
    return features([word])[0]


@pytest.mark.parametrize(
    ("word", "affix"),
    [
        ("membangun", "pre=mem"),
        ("diberikan", "pre=di"),
        ("terpilih", "pre=ter"),
        ("kebijakan", "suf=kan"),
        ("persahabatan", "pre=per"),
        ("kehadirannya", "suf=nya"),
    ],
)
def test_features_mark_indonesian_affixes(features, word, affix):
    assert affix in own(features, word)


def test_features_need_a_stem_behind_an_affix(features):
    # "Medan" is a city, not me- + "dan"
    assert not [f for f in own(features, "Medan") if f.startswith("pre=")]


def test_features_share_lexical_evidence_across_case_and_punctuation(features):
    assert word_key("(Jokowi)") == word_key("JOKOWI") == "jokowi"
    assert "w=jakarta" in own(features, "Jakarta,")
    assert "sh=Xx," in own(features, "Jakarta,")


def test_features_mark_name_particles(features):
    assert "prt" in own(features, "bin")
    assert "prt-" in own(features, "al-Assad")
    assert "-1prt" in features(["van", "Gaal"])[1]


def test_features_use_cluster_path_prefixes(features):
    feats = own(features, "Jakarta")
    assert {"c4=0010", "c6=001011", "c10=0010111000"} <= set(feats)
    assert "c=none" in own(features, "Pyongyang")


def test_features_copy_neighbour_features_with_offsets(features):
    feats = features(["Menteri", "Sugiono", "tiba"])
    middle = feats[1]
    assert {"-1w=menteri", "-1c=1100", "1w=tiba", "b=menteri|sugiono"} <= set(middle)
    assert "BOS" in feats[0]
    assert "EOS" in feats[2]


def test_features_flag_a_lowercased_sentence(features):
    assert "lc" in features(["menlu", "sugiono", "tiba"])[0]
    assert "lc" not in features(["Menlu", "Sugiono", "tiba"])[0]


def test_features_cache_does_not_leak_between_sentences(features):
    first = features(["Sugiono", "tiba"])[0]
    features(["Menteri", "Sugiono"])
    assert features(["Sugiono", "tiba"])[0] == first


def test_headline_case_spots_capitals_and_title_case_but_not_names(features):
    minor = features.config.headline_minor
    assert headline_case(["KIM", "JONG", "UN", "TIBA", "DI", "RUSIA"], minor)
    assert headline_case(
        ["Kim", "Jong", "Un", "Tiba", "di", "Rusia", "untuk", "Bertemu", "Putin"], minor
    )
    assert not headline_case(
        ["Menlu", "Sugiono", "bertemu", "Menlu", "Rusia", "di", "Moskow"], minor
    )
    assert not headline_case(["PBB", "dan", "WHO", "menolak", "usulan", "itu"], minor)
