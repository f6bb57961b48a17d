"""A symmetric interaction clusters the same whichever side a report names first."""

from __future__ import annotations

from warta.article import ActorRef, Event
from warta.store.rows import event_keys

RUS = ActorRef("Russia", "RUS", "GOV", "RUS")
PRK = ActorRef("North Korea", "PRK", "GOV", "PRK")


def _event(type_, mode, source, target):
    return Event(type_, mode, None, None, None, source, target, "occurred", "s", 0, 1)


def test_store_meeting_keys_do_not_depend_on_who_is_named_first():
    assert event_keys(_event("CONSULT", "meet", RUS, PRK)) == event_keys(
        _event("CONSULT", "meet", PRK, RUS)
    )


def test_store_directed_events_keep_their_direction():
    assert event_keys(_event("ASSAULT", None, RUS, PRK)) == ("RUS", "PRK")
    assert event_keys(_event("ASSAULT", None, PRK, RUS)) == ("PRK", "RUS")


def test_store_one_sided_event_keeps_its_empty_side():
    assert event_keys(_event("CONSULT", "meet", RUS, None)) == ("RUS", "")
