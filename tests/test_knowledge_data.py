"""Integrity and coverage of the shipped knowledge data."""

from __future__ import annotations

import datetime
from itertools import pairwise

import pytest

from warta.knowledge import Knowledge


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def test_knowledge_data_covers_the_issue_minimums(kb):
    stats = kb.stats()
    assert stats["countries"] >= 249
    assert stats["people"] >= 800
    assert stats["igos"] >= 30
    assert stats["aliases_by_language"]["id"] > 300


def test_knowledge_data_tenures_are_dated_and_ordered(kb):
    for person in kb.people.values():
        for tenure in person.tenures:
            assert tenure.start <= tenure.end, (person.name, tenure)
            datetime.date.fromisoformat(tenure.start)  # ends are padded to day 31
            assert tenure.role in kb.roles


def test_knowledge_data_tenure_countries_exist(kb):
    codes = set(kb.countries) | {o.country for o in kb.organisations.values()}
    unknown = {t.country for p in kb.people.values() for t in p.tenures} - codes
    assert not unknown


def test_knowledge_data_one_head_of_state_at_a_time(kb):
    """Two presidents of one country may overlap only within a handover month."""
    for code in ("USA", "RUS", "IDN", "CHN", "KOR", "UKR", "FRA", "BRA", "PHL"):
        tenures = sorted(
            (
                t
                for p in kb.people.values()
                for t in p.tenures
                if t.country == code and t.role == "president"
            ),
            key=lambda t: t.start,
        )
        for a, b in pairwise(tenures):
            assert b.start >= a.end[:7], (code, a, b)


def test_knowledge_data_role_nouns_name_known_roles(kb):
    assert set(kb.lexicon.nouns.values()) <= set(kb.roles)
    assert set(kb.lexicon.collectives.values()) <= {"GOV", "MIL", "LEG", "SPY", "MED", "CVL", "POL"}
