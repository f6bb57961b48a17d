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
    """The shipped tagger computes every feature and drops those the model lacks while
    scoring: the tags of the model's own features only."""
    model, cluster_file, _ = model_paths("ner-id")
    crf = read_model(model)
    known = frozenset(crf.attributes)
    features = Features(tagger.features.config, clusters.load(cluster_file), known=known)
    pruned = Tagger(crf, features)
    for words in SENTENCES:
        assert tagger.tag(words) == pruned.tag(words)
        kept = sum(len(f) for f in pruned.features(words))
        assert kept < sum(len(f) for f in tagger.features(words))


def test_ner_tagger_returns_one_tag_per_word(tagger):
    assert tagger.tag([]) == []
    for words in SENTENCES:
        tags = tagger.tag(words)
        assert len(tags) == len(words)
        assert set(tags) <= set(tagger.labels)


def test_ner_feature_config_comes_from_the_language_pack():
    config = FeatureConfig.from_data(load_pack("id").data("ner"))
    assert "meng" in config.prefixes and "bin" in config.particles
