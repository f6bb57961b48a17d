"""Quality floors on the team's development set (raise them when scores rise)."""

import hashlib

import pytest

from warta.evaluate.events import DEV_SET, GOLDEN, evaluate_dev, load_dev

# Pinned so that a silently edited gold file fails here; update with the file on purpose.
DEV_SHA256 = "c1366a6f318d9e61d09d953f884d2ac4d72404bd66e4d0cc992c190e68797bd2"
F1_FLOOR = 0.88
STATUS_FLOOR = 0.95
ATTRIBUTION_FLOOR = 0.95


@pytest.fixture(scope="module")
def report():
    return evaluate_dev()


def test_events_golden_dev_set_is_pinned():
    assert hashlib.sha256(DEV_SET.read_bytes()).hexdigest() == DEV_SHA256


def test_events_golden_dev_set_covers_every_type_and_status():
    from warta.article import STATUSES
    from warta.knowledge.ontology import Ontology

    passages = load_dev()
    assert len(passages) >= 80
    events = [e for p in passages for e in p.events]
    assert {e.type for e in events} == set(Ontology.load().types)
    assert {e.status for e in events} == set(STATUSES)


def test_events_golden_f1_floor(report):
    assert report["f1"] >= F1_FLOOR, report


def test_events_golden_status_floor(report):
    assert report["status_accuracy"] >= STATUS_FLOOR, report


def test_events_golden_attribution_floor(report):
    assert report["attribution_accuracy"] >= ATTRIBUTION_FLOOR, report


# Held-out passages, written after the patterns and never tuned on: the honest estimate.
HELDOUT = GOLDEN / "heldout.toml"
HELDOUT_SHA256 = "df6dbc9b5587ed49453ff07e16162d4e7185547649b3416a9fd4bd96b7460afa"
HELDOUT_F1_FLOOR = 0.60
HELDOUT_STATUS_FLOOR = 0.95


def test_events_golden_heldout_is_pinned():
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == HELDOUT_SHA256


def test_events_golden_heldout_floors():
    report = evaluate_dev(HELDOUT)
    assert report["f1"] >= HELDOUT_F1_FLOOR, report
    assert report["status_accuracy"] >= HELDOUT_STATUS_FLOOR, report
