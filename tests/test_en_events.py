"""English passages (written for these tests, not taken from any corpus) with the event
Warta must code: type, source and target country, status. Every status appears, with
the English cues that mark it (will, plans to, is expected to, scheduled; reportedly,
according to reports; allegedly, may, might, possibly, suspected; denied; did not, has
not, failed to, cancelled; if, would, questions)."""

from __future__ import annotations

import pytest

# (passage, (type, source country, target country, status))
PASSAGES = [
    # occurred: active voice, direct object
    (
        "Russian forces attacked the Ukrainian city of Kharkiv on Tuesday.",
        ("ASSAULT", "RUS", "UKR", "occurred"),
    ),
    # occurred: passive with a "by" agent
    (
        "Two Israeli soldiers were killed by Hamas militants near the border.",
        ("ASSAULT", "PSE", "ISR", "occurred"),
    ),
    # occurred: event noun with a genitive doer
    ("Russia's invasion of Ukraine began in February 2022.", ("ASSAULT", "RUS", "UKR", "occurred")),
    # planned: will
    (
        "Chinese President Xi Jinping will visit France next month.",
        ("CONSULT", "CHN", "FRA", "planned"),
    ),
    # planned: plans to
    (
        "Japan plans to send humanitarian aid to Turkey after the earthquake.",
        ("AID", "JPN", "TUR", "planned"),
    ),
    # planned: is expected to
    (
        "The European Union is expected to impose new sanctions on Iran.",
        ("SANCTION", "EU", "IRN", "planned"),
    ),
    # planned: scheduled, with an infinitive controlled by the subject
    (
        "Indonesian President Joko Widodo is scheduled to meet Australian Prime Minister"
        " Anthony Albanese in Jakarta.",
        ("CONSULT", "IDN", "AUS", "planned"),
    ),
    # reported: reportedly
    ("North Korea has reportedly supplied weapons to Russia.", ("AID", "PRK", "RUS", "reported")),
    # reported: according to reports
    (
        "According to reports, Turkey has deployed troops to the Syrian border.",
        ("MOBILIZE", "TUR", "SYR", "reported"),
    ),
    # suspected: allegedly
    (
        "Iran allegedly attacked an Israeli-owned tanker in the Gulf of Oman.",
        ("ASSAULT", "IRN", "ISR", "suspected"),
    ),
    # suspected: may
    ("Pakistan may expel Afghan diplomats next week.", ("SANCTION", "PAK", "AFG", "suspected")),
    # suspected: might
    ("Analysts said Serbia might attack Kosovo.", ("ASSAULT", "SRB", "XKX", "suspected")),
    # suspected: possibly
    ("Venezuela possibly seized a Guyanese vessel.", ("COERCE", "VEN", "GUY", "suspected")),
    # suspected: is suspected of
    ("Israel is suspected of bombing a convoy in Syria.", ("ASSAULT", "ISR", "SYR", "suspected")),
    # denied
    ("China denied sending weapons to Russia.", ("AID", "CHN", "RUS", "denied")),
    # negated: did not
    (
        "The United States did not impose sanctions on Saudi Arabia.",
        ("SANCTION", "USA", "SAU", "negated"),
    ),
    # negated: has not
    (
        "Iran has not released the detained British journalists.",
        ("RETREAT", "IRN", "GBR", "negated"),
    ),
    # negated: failed to
    (
        "Egypt failed to broker talks between Israel and Hamas.",
        ("CONSULT", "EGY", "ISR", "negated"),
    ),
    # negated: cancelled
    (
        "The Philippines cancelled joint military exercises with China.",
        ("COOPERATE", "PHL", "CHN", "negated"),
    ),
    # hypothetical: if
    (
        "If Azerbaijan attacks Armenia, Russia will respond.",
        ("ASSAULT", "AZE", "ARM", "hypothetical"),
    ),
    # hypothetical: would (irrealis, outside reported speech)
    ("Turkey would sanction Israel.", ("SANCTION", "TUR", "ISR", "hypothetical")),
    # planned: would in reported speech is the future seen from the past ("will")
    (
        "Brazil would recognize Palestine as a state, its foreign minister said.",
        ("SUPPORT", "BRA", "PSE", "planned"),
    ),
    # negated: would not, in reported speech
    (
        "Russia would not send troops to Syria, the Kremlin said on Monday.",
        ("MOBILIZE", "RUS", "SYR", "negated"),
    ),
    # hypothetical: would with a condition, even in reported speech
    (
        "Russia would attack Ukraine again if Kyiv struck Crimea, Peskov said.",
        ("ASSAULT", "RUS", "UKR", "hypothetical"),
    ),
    # hypothetical: a question
    ("Will Turkey block Sweden's bid to join NATO?", ("REJECT", "TUR", "SWE", "hypothetical")),
]


def _coded(article) -> set[tuple[str, str | None, str | None, str]]:
    def country(ref):
        return ref.country if ref is not None else None

    return {(e.type, country(e.source), country(e.target), e.status) for e in article.events}


@pytest.mark.parametrize(("text", "expected"), PASSAGES, ids=[p[1][3] for p in PASSAGES])
def test_en_events_passage(analyse, text, expected):
    article = analyse(text)
    assert article.language == "en"
    assert expected in _coded(article), (text, article.events)


def test_en_events_cover_every_status():
    from warta.article import STATUSES

    assert {p[1][3] for p in PASSAGES} == set(STATUSES)
    assert len(PASSAGES) >= 20


def test_en_events_attribution_after_the_statement(analyse):
    article = analyse("Ukraine attacked a Russian air base, the Russian defence ministry said.")
    event = next(e for e in article.events if e.type == "ASSAULT")
    assert event.attributed_to is not None and event.attributed_to.country == "RUS"


def test_en_events_confirmation_after_the_statement(analyse):
    article = analyse("Kim Jong Un will visit Russia next week, the Kremlin confirmed.")
    event = next(e for e in article.events if e.type == "CONSULT")
    assert event.status == "planned"
    assert event.confirmed_by is not None and event.confirmed_by.country == "RUS"


def test_en_events_progressive_is_not_passive(analyse):
    article = analyse("Hamas militants were attacking Israeli positions near Gaza.")
    assert ("ASSAULT", "PSE", "ISR", "occurred") in _coded(article)


def test_en_events_month_first_dates(analyse):
    article = analyse(
        "Israeli jets struck targets in Syria on Sept. 12, the army said.", published="2023-09-14"
    )
    event = next(e for e in article.events if e.type == "ASSAULT")
    assert event.date == "2023-09-12"


def test_en_events_under_sanctions_is_the_target(analyse):
    article = analyse("Russia has been under international sanctions since 2014.")
    assert ("SANCTION", None, "RUS", "occurred") in _coded(article)


def test_en_events_a_list_gives_one_event_per_member(analyse):
    article = analyse("Malaysia, Thailand and the Philippines condemned Israel's strikes on Gaza.")
    sources = {c[1] for c in _coded(article) if c[0] == "ACCUSE"}
    assert sources == {"MYS", "THA", "PHL"}, article.events
    article = analyse("The United States imposed sanctions on Russia, Iran and the Philippines.")
    targets = {c[2] for c in _coded(article) if c[0] == "SANCTION"}
    assert targets == {"RUS", "IRN", "PHL"}, article.events
