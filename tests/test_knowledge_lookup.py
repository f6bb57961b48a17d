"""The shipped knowledge base: lookups by alias, role phrase and date."""

from __future__ import annotations

import pytest

from warta.knowledge import Knowledge


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


@pytest.mark.parametrize(
    ("phrase", "date", "name"),
    [
        ("Menlu Rusia", "2018-06-14", "Sergey Lavrov"),
        ("Presiden AS", "2019-01-01", "Donald Trump"),
        ("Presiden AS", "2022-01-01", "Joe Biden"),
        ("Presiden AS", "2025-06-01", "Donald Trump"),
        ("Menteri Luar Negeri AS", "2010-05-01", "Hillary Clinton"),
        ("US Secretary of State", "2023-06-19", "Antony Blinken"),
        ("Russian President", "2010-01-01", "Dmitry Medvedev"),
        ("Perdana Menteri Inggris", "2022-10-01", "Liz Truss"),
        ("Kanselir Jerman", "2010-06-01", "Angela Merkel"),
        ("juru bicara Kremlin", "2023-09-11", "Dmitry Peskov"),
        ("Pemimpin Tertinggi Korea Utara", "2023-09-11", "Kim Jong Un"),
        ("pemimpin Korut", "2010-01-01", "Kim Jong Il"),
        ("pemimpin Inggris", "2023-01-01", "Rishi Sunak"),
        ("Sekjen PBB", "2010-01-01", "Ban Ki-moon"),
        ("Menlu RI", "2020-01-01", "Retno Marsudi"),
        ("juru bicara Kementerian Luar Negeri Rusia", "2020-01-01", "Maria Zakharova"),
        ("Presiden Rusia Vladimir Putin", "2023-01-01", "Vladimir Putin"),
        ("jurucakap Kremlin", "2023-09-11", "Dmitry Peskov"),  # Malay
        ("Russia's foreign minister", "2020-01-01", "Sergey Lavrov"),
    ],
)
def test_knowledge_role_phrases_resolve_by_date(kb, phrase, date, name):
    found = kb.lookup(phrase, date)
    assert found is not None and found.name == name, found


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Korut", "PRK"),
        ("Korea Utara", "PRK"),
        ("DPRK", "PRK"),
        ("AS", "USA"),
        ("A.S.", "USA"),
        ("Negeri Paman Sam", "USA"),
        ("RRT", "CHN"),
        ("Negeri Tirai Bambu", "CHN"),
        ("Cina", "CHN"),
        ("Negeri Beruang Merah", "RUS"),
        ("Russian", "RUS"),
        ("Kremlin", "RUS"),
        ("Gedung Putih", "USA"),
        ("Moskwa", "RUS"),
        ("Downing Street", "GBR"),
        ("Zhongnanhai", "CHN"),
    ],
)
def test_knowledge_names_and_metonyms_resolve_to_states(kb, phrase, code):
    found = kb.lookup(phrase)
    assert found is not None and (found.id, found.kind, found.sector) == (code, "state", "GOV")


def test_knowledge_spelling_variants_meet(kb):
    ids = {kb.lookup(p).id for p in ("Kim Jong-un", "Kim Jong Un", "kim  jong-UN")}
    assert ids == {"person:kim-jong-un"}


def test_knowledge_person_out_of_office_is_a_politician(kb):
    found = kb.lookup("Donald Trump", "2022-01-01")
    assert found.role is None and found.sector == "POL" and found.country == "USA"
    assert kb.lookup("Donald Trump", "2019-01-01").role == "president"


def test_knowledge_no_date_means_the_current_holder(kb):
    assert kb.lookup("Presiden Rusia").name == "Vladimir Putin"


def test_knowledge_role_with_an_organisation_takes_its_country(kb):
    found = kb.lookup("seorang ahli kepemimpinan Korea Utara di Stimson Center")
    assert (found.country, found.sector, found.role) == ("USA", "ANL", "analyst")
    assert found.affiliation == "Stimson Center" and found.id is None


def test_knowledge_host_country_is_not_the_envoys(kb):
    found = kb.lookup("Duta Besar Rusia untuk Indonesia")
    assert (found.country, found.role) == ("RUS", "ambassador")


def test_knowledge_spokesperson_of_an_armed_group_is_not_government(kb):
    found = kb.lookup("juru bicara militer Houthi")
    assert (found.country, found.sector) == ("YEM", "REB")


def test_knowledge_unknown_holder_keeps_country_and_role(kb):
    found = kb.lookup("Presiden Mali", "2024-01-01")
    assert found.id is None and (found.country, found.role) == ("MLI", "president")
    assert not found.known


def test_knowledge_nonsense_resolves_to_nothing(kb):
    assert kb.lookup("sepeda motor") is None
    assert kb.lookup("") is None


def test_knowledge_country_record(kb):
    russia = kb.country("RUS")
    assert russia.name_id == "Rusia" and russia.capital == "Moscow"
    assert russia.lat == pytest.approx(55.76, abs=0.1)
    assert kb.country("XYZ") is None


def test_knowledge_metonyms_tell_seats_from_capitals(kb):
    assert kb.metonym("Kremlin").seat and kb.metonym("Kremlin").institution == "presidency"
    assert not kb.metonym("Moskow").seat
    assert kb.is_metonym("Gedung Putih") and not kb.is_metonym("Vladivostok")


def test_knowledge_gazetteer_entries_are_typed(kb):
    entries = set(kb.gazetteer_entries())
    assert ("Kim Jong Un", "PER") in entries
    assert ("Korea Utara", "LOC") in entries
    assert ("KCNA", "ORG") in entries
    assert ("Kremlin", "ORG") in entries
    assert {t for _, t in entries} == {"PER", "ORG", "LOC"}


def test_knowledge_dates_in_any_iso_precision(kb):
    assert kb.lookup("Presiden AS", "2019").name == "Donald Trump"
    assert kb.lookup("Presiden AS", "2022-03").name == "Joe Biden"
    assert kb.lookup("Presiden AS", "2022-03-01T10:00:00+07:00").name == "Joe Biden"
    assert kb.lookup("Presiden Rusia", "not a date").name == "Vladimir Putin"
