"""The tagger's own CRF decoding (warta.nlp.ner.crf, warta.nlp.ner.emissions) against
crfsuite's, which stays the reference: the same tags, sentence for sentence."""

from __future__ import annotations

import random
import re

import numpy as np
import pycrfsuite
import pytest

from warta.bench.corpus import generate
from warta.evaluate.ner import SETS
from warta.lang import load_pack
from warta.nlp.ner.corpora import read_split, spans
from warta.nlp.ner.crf import read_model, viterbi
from warta.nlp.ner.emissions import Emissions
from warta.nlp.ner.features import Features, _Entry
from warta.nlp.ner.tagger import Tagger, headline_case, model_paths

SENTENCES = [
    text.split()
    for text in (
        "Menteri Luar Negeri Sugiono bertemu Sergey Lavrov di Moskow pada Senin .",
        "presiden prabowo subianto bertemu anwar ibrahim di kuala lumpur",
        "KIM JONG UN TIBA DI RUSIA UNTUK BERTEMU PUTIN",
        "Kim Jong Un Tiba di Rusia untuk Bertemu Putin dan Membahas Kerja Sama Militer",
        "Jokowi",
        "( Jokowi )",
        "Pertemuan Rusia - Korut di Vladivostok , kata juru bicara Kremlin Dmitry Peskov .",
        "KPK menahan Bupati X ; DPR dan kpk serta dpr bersidang di Jakarta pada 2024 .",
        "Bashar al-Assad dan Abu Bakar bin Ali tiba di Damaskus .",
        "« Kami menolak » , ujar Mao Ning ‘ di Beijing ’ — 10 % dari G20 ?",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l",
    )
]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load(load_pack("id"))


@pytest.fixture(scope="module")
def reference(tagger):
    """crfsuite's tags, with the features passed as strings, as the tagger once did."""
    crf = pycrfsuite.Tagger()
    crf.open(str(model_paths("ner-id")[0]))
    features = Features(tagger.features.config, tagger.features.clusters, known=None)

    def tag(words: list[str]) -> list[str]:
        if not words:
            return []
        if headline_case(words, tagger.headline_minor):
            words = [w.lower() for w in words]
        tags: list[str] = crf.tag(features(words))
        return tags

    return tag


def _generated_sentences(n: int) -> list[list[str]]:
    out = []
    for text in generate(n, seed=3, words=500):
        out += [s.split() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return out


def test_crf_model_reads_crfsuites_labels_and_weights():
    crf = pycrfsuite.Tagger()
    crf.open(str(model_paths("ner-id")[0]))
    model = read_model(model_paths("ner-id")[0])
    info = crf.info()  # (weights printed to 6 decimals)
    assert model.labels == tuple(crf.labels())
    assert len(model.attributes) == len({a for a, _ in info.state_features})
    for (attr, label), weight in list(info.state_features.items())[::997]:
        row = model.state[model.attributes[attr]]
        assert row[model.labels.index(label)] == pytest.approx(weight, abs=1e-6)
    for (a, b), weight in info.transitions.items():
        i, j = model.labels.index(a), model.labels.index(b)
        assert model.transitions[i, j] == pytest.approx(weight, abs=1e-6)
    assert not model.state[model.zero].any()


def test_decoder_gives_crfsuites_tags(tagger, reference):
    sentences = SENTENCES + _generated_sentences(40)
    assert tagger.tag_many(sentences) == [reference(s) for s in sentences]
    for words in SENTENCES:  # one at a time too (a batch of one)
        assert tagger.tag(words) == reference(words)


def test_decoder_handles_empty_and_single_word_sentences(tagger, reference):
    batch = [[], ["Jokowi"], [], ["di", "Jakarta"], []]
    assert tagger.tag_many(batch) == [reference(s) for s in batch]
    assert tagger.spans_many([[], []]) == [[], []]
    assert tagger.tag_many([]) == []


def test_spans_many_match_the_spans_of_the_tags(tagger):
    sentences = SENTENCES + _generated_sentences(10)
    assert tagger.spans_many(sentences) == [spans(t) for t in tagger.tag_many(sentences)]
    rng = random.Random(1)
    labels, outside = tagger.labels, tagger.labels.index("O")
    for _ in range(2000):  # every IOB2 oddity: stray I-, I- of another type, gaps
        ids = [rng.randrange(len(labels)) if rng.random() < 0.6 else outside for _ in range(9)]
        named = [(i, label) for i, label in enumerate(ids) if label != outside]
        assert tagger._spans(named) == spans([labels[i] for i in ids])


def test_decoder_scores_valued_features_as_crfsuite_does(tagger):
    """Features may be (name, value) pairs: crfsuite adds weight * value."""
    plain = tagger.features

    class Valued:
        """The shipped features, with a value on every other one."""

        offsets, marks, known = plain.offsets, plain.marks, plain.known

        def compute(self, word: str) -> _Entry:
            entry = plain.compute(word)
            return _Entry(entry.key, _valued(entry.own), [_valued(c) for c in entry.context])

        def __call__(self, words: list[str]) -> list[dict[str, float]]:
            out: list[dict[str, float]] = []
            for feats in plain(words):
                item: dict[str, float] = {}
                for f in _valued(feats):
                    name, value = (f, 1.0) if isinstance(f, str) else f
                    item[name] = item.get(name, 0.0) + value
                out.append(item)
            return out

    valued = Valued()
    emissions = Emissions(tagger.model, valued)  # type: ignore[arg-type]
    crf = pycrfsuite.Tagger()
    crf.open(str(model_paths("ner-id")[0]))
    for words in SENTENCES[:2] + SENTENCES[6:9]:
        scores, _ = emissions([words])
        best = viterbi(scores, [len(words)], tagger.model.transitions)[0]
        assert [tagger.labels[i] for i in best] == crf.tag(valued(words))


def _valued(feats: list) -> list:
    """A value on word features chosen by name (not the bigram or the marks, which the
    tagger always passes as names)."""
    return [
        (f, 0.5 + len(f) % 3) if len(f) % 2 and not f.startswith("b=") and f not in MARKS else f
        for f in feats
    ]


MARKS = ("BOS", "EOS", "lc")


def test_viterbi_breaks_ties_towards_the_first_label():
    transitions = np.zeros((3, 3))
    emissions = np.zeros((4, 3, 2))  # every path scores 0
    assert viterbi(emissions, [4, 2], transitions)[:, :2].tolist() == [[0, 0], [0, 0]]


def test_decoder_agrees_with_crfsuite_on_the_corpora(tagger, reference, shared_data):
    sentences = [
        list(s.words)
        for splits, _ in SETS.values()
        for split in splits
        for s in read_split(shared_data, split)
    ]
    ours = tagger.tag_many(sentences)
    same = sum(o == reference(s) for o, s in zip(ours, sentences, strict=True))
    # measured: every sentence (100 %)
    assert same / len(sentences) >= 0.999
