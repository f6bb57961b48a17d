"""Mentions of one event within an article merge into one Event with all evidence."""

from tests._events import IDN, JPN, RUS, UKR, code


def test_events_same_event_twice_merges_with_both_mentions():
    a = code(
        "Presiden Indonesia akan mengunjungi Jepang. Kunjungan Presiden Indonesia ke Jepang"
        " akan berlangsung tiga hari.",
        "Presiden Indonesia = IDN GOV person",
        JPN,
    )
    assert len(a.events) == 1
    assert len(a.events[0].mentions) == 2
    for m in a.events[0].mentions:
        assert a.text[m.start : m.end].endswith(".")
        assert (
            a.text[m.trigger_start : m.trigger_end].lower().startswith(("mengunjungi", "kunjungan"))
        )


def test_events_different_status_stays_apart():
    a = code("Rusia menyerang Ukraina. Rusia tidak menyerang Ukraina.", RUS, UKR)
    assert sorted(e.status for e in a.events) == ["negated", "occurred"]


def test_events_person_and_state_of_one_country_merge():
    a = code(
        "Indonesia mengecam Jepang. Presiden Indonesia juga mengecam Jepang.",
        IDN,
        "Presiden Indonesia = IDN GOV person",
        JPN,
    )
    assert len(a.events) == 1


def test_events_mutual_events_merge_in_either_order():
    a = code("Indonesia bertemu Jepang. Jepang bertemu Indonesia.", IDN, JPN)
    assert len(a.events) == 1
