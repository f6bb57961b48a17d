"""The PLOVER ontology data: 16 types, modes, CAMEO codes, QuadClass, Goldstein."""

import pytest

from warta.errors import DataError
from warta.knowledge.ontology import Ontology

PLOVER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


def test_knowledge_ontology_has_the_16_types(ontology):
    assert set(ontology.types) == set(PLOVER)


def test_knowledge_ontology_mode_overrides_type(ontology):
    visit = ontology.code("CONSULT", "visit")
    assert (visit.cameo, visit.quad_class, visit.goldstein) == ("042", 1, 1.9)
    assert ontology.code("CONSULT").cameo == "040"


def test_knowledge_ontology_unknown_mode_falls_back(ontology):
    coding = ontology.code("ASSAULT", "no-such-mode")
    assert coding.mode is None and coding.cameo == "190"


def test_knowledge_ontology_quad_classes_follow_cameo_roots(ontology):
    for type_ in PLOVER:
        coding = ontology.code(type_)
        root = int(coding.cameo[:2])
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert coding.quad_class == expected or (type_ == "PROTEST" and coding.quad_class == 4)


def test_knowledge_ontology_goldstein_sign_matches_cooperation(ontology):
    for type_ in PLOVER:
        coding = ontology.code(type_)
        assert (coding.goldstein > 0) == (coding.quad_class <= 2)


def test_knowledge_ontology_mutual_modes(ontology):
    assert ontology.code("CONSULT", "meet").symmetric
    assert not ontology.code("CONSULT", "visit").symmetric


def test_knowledge_ontology_unknown_type_is_a_data_error(ontology):
    with pytest.raises(DataError):
        ontology.code("GOSSIP")
