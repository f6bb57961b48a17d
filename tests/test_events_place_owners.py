"""A "di X" that belongs to a noun of its own is not the event's place."""

from __future__ import annotations


def _places(article):
    return {(e.type, e.place.country if e.place else None) for e in article.events}


def test_events_war_location_is_not_the_place_of_a_sale(analyse):
    article = analyse(
        "Korea Utara menjual senjata kepada Rusia untuk digunakan dalam perang di Ukraina."
    )
    assert article.events
    assert all(e.place is None or e.place.country != "UKR" for e in article.events)


def test_events_plain_place_phrase_is_still_the_place(analyse):
    article = analyse(
        "Rusia dan Tiongkok menggelar latihan militer bersama di Vladivostok pada Senin."
    )
    assert any(e.place is not None for e in article.events), _places(article)


def test_events_place_after_a_crisis_noun_is_skipped_but_a_later_one_is_kept(analyse):
    article = analyse(
        "Menlu Indonesia bertemu Menlu Australia di Canberra untuk membahas krisis di Myanmar."
    )
    consult = [e for e in article.events if e.type == "CONSULT"]
    assert consult and consult[0].place is not None and consult[0].place.country == "AUS"
