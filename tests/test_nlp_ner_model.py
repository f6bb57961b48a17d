"""The shipped tagger: size, load time, and that pruning features to the model's own
attributes changes no tag."""

from __future__ import annotations

import time

import pytest

from warta.lang import load_pack
from warta.nlp.ner import clusters
from warta.nlp.ner.crf import read_model
from warta.nlp.ner.features import FeatureConfig, Features
from warta.nlp.ner.tagger import Tagger, model_paths

TEXTS = (
    "Menteri Luar Negeri Sugiono bertemu Sergey Lavrov di Moskow pada Senin .",
    "Kepala Danantara Rosan Roeslani mengatakan dana itu dipakai untuk hilirisasi .",
    "presiden prabowo subianto bertemu anwar ibrahim di kuala lumpur",
    "Juru bicara Kementerian Luar Negeri China , Mao Ning , menolak tuduhan itu .",
)
SENTENCES = [text.split() for text in TEXTS]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load(load_pack("id"))


def test_ner_model_is_at_most_25_mb():
    size = sum(path.stat().st_size for path in model_paths("ner-id"))
    assert size <= 25_000_000


def test_ner_model_loads_in_under_a_second():
    started = time.perf_counter()
    Tagger.load(load_pack("id"))
    assert time.perf_counter() - started < 1.0


def test_ner_pruned_features_give_the_same_tags(tagger):
    model, cluster_file, _ = model_paths("ner-id")
    features = Features(tagger.features.config, clusters.load(cluster_file))
    full = Tagger(read_model(model), features)
    for words in SENTENCES:
        assert tagger.tag(words) == full.tag(words)
        pruned = sum(len(f) for f in tagger.features(words))
        assert pruned < sum(len(f) for f in full.features(words))


def test_ner_tagger_returns_one_tag_per_word(tagger):
    assert tagger.tag([]) == []
    for words in SENTENCES:
        tags = tagger.tag(words)
        assert len(tags) == len(words)
        assert set(tags) <= set(tagger.labels)


def test_ner_feature_config_comes_from_the_language_pack():
    config = FeatureConfig.from_data(load_pack("id").data("ner"))
    assert "meng" in config.prefixes and "bin" in config.particles
