"""End to end: the example article through every stage (clean … quotes, events)."""

import pytest

from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def events(analyse):
    raw = (EXAMPLES / "jabarekspres-kim-putin.txt").read_text("utf-8")
    article = analyse(raw, published="2023-09-11")
    return article, {
        (e.type, e.source and e.source.country, e.target and e.target.country, e.status): e
        for e in article.events
    }


def test_events_pipeline_example_visit(events):
    _, found = events
    visit = found[("CONSULT", "PRK", "RUS", "planned")]
    assert visit.mode == "visit" and visit.confirmed_by.country == "RUS"


def test_events_pipeline_example_arms_deal(events):
    _, found = events
    deal = (
        found.get(("COOPERATE", "RUS", "PRK", "suspected"))
        or found[("COOPERATE", "PRK", "RUS", "suspected")]
    )
    assert deal.attributed_to is not None and deal.attributed_to.country == "USA"


def test_events_pipeline_example_sanction_and_invasion(events):
    _, found = events
    assert ("SANCTION", None, "RUS", "occurred") in found
    assert ("ASSAULT", "RUS", "UKR", "occurred") in found


def test_events_pipeline_example_evidence(events):
    article, found = events
    for event in found.values():
        assert article.text[event.start : event.end] == event.sentence
