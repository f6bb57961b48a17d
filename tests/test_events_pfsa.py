"""The team's event annotations on PFSA-ID: well-formed, and scored when the data is here."""

import tomllib

import pytest

from warta.evaluate.events import PFSA_SET, evaluate_pfsa, parse_event


def _documents():
    return tomllib.loads(PFSA_SET.read_text("utf-8"))["document"]


def test_events_pfsa_annotations_cover_30_articles():
    docs = _documents()
    assert len(docs) >= 30
    assert len({d["id"] for d in docs}) == len(docs)


def test_events_pfsa_annotations_are_offsets_not_text():
    for doc in _documents():
        for line in doc["events"]:
            doc_id, start, end, *rest = line.split()
            assert doc_id == doc["id"]
            assert 0 <= int(start) < int(end) <= doc["region"]
            event = parse_event(" ".join(rest))
            assert event.status in (
                "occurred",
                "planned",
                "reported",
                "suspected",
                "denied",
                "negated",
                "hypothetical",
            )


@pytest.mark.slow
def test_events_pfsa_scores_end_to_end(shared_data):
    report = evaluate_pfsa(shared_data / "pfsa-id")
    assert report["documents"] >= 30
    assert report["events_gold"] >= 50
    assert 0.0 <= report["f1"] <= 1.0  # reported, no floor yet (issue 5)
