"""Score floors of the shipped tagger on the annotated corpora (skipped without
../shared). A floor is raised when the model improves, never lowered quietly; the model
card (src/warta/models/ner-id.md) has the measured figures."""

from __future__ import annotations

import pytest

from warta.evaluate.ner import SETS, StageTagger, evaluate
from warta.lang import load_pack
from warta.nlp.ner.tagger import Tagger

# set -> overall F1 floor for the tagger alone
# (measured for the shipped model: 0.715, 0.908, 0.738, 0.758)
FLOORS = {
    "nergrit-test": 0.70,
    "idner-news-2k-test": 0.89,
    "ner-ui": 0.72,
    "nerp-test": 0.74,
}
# per-type floors (measured: 0.975, 0.854, 0.839, 0.644, 0.769, 0.520)
TYPE_FLOORS = {
    ("idner-news-2k-test", "PER"): 0.96,
    ("idner-news-2k-test", "ORG"): 0.83,
    ("ner-ui", "PER"): 0.82,
    ("ner-ui", "ORG"): 0.62,
    ("nergrit-test", "LOC"): 0.75,
    ("nergrit-test", "ORG"): 0.50,
}


@pytest.fixture(scope="module")
def report(shared_data):
    return evaluate(Tagger.load(load_pack("id")), shared_data, SETS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_ner_scores_stay_above_their_floor(report, name):
    assert report[name]["overall"]["f1"] >= FLOORS[name]


@pytest.mark.parametrize(("name", "kind"), sorted(TYPE_FLOORS))
def test_ner_type_scores_stay_above_their_floor(report, name, kind):
    assert report[name]["types"][kind]["f1"] >= TYPE_FLOORS[(name, kind)]


def test_ner_stage_with_gazetteer_is_no_worse_than_the_tagger(report, shared_data):
    stage = evaluate(StageTagger(), shared_data, ["idner-news-2k-test"])
    tagger_f1 = report["idner-news-2k-test"]["overall"]["f1"]
    assert stage["idner-news-2k-test"]["overall"]["f1"] >= tagger_f1 - 0.01
