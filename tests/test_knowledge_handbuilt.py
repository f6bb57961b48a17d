"""The resolution rules on a tiny hand-built knowledge base (no shipped data involved)."""

from __future__ import annotations

import pytest

from warta.knowledge import Country, Knowledge, Metonym, Organisation, Person, Tenure
from warta.knowledge.records import OPEN_END
from warta.knowledge.roles import RoleLexicon, load_roles

ROLES = {
    "president": {"sector": "GOV", "rank": 2, "holder": True},
    "foreign_minister": {"sector": "GOV", "rank": 5, "holder": True},
    "spokesperson": {"sector": "GOV", "rank": 7, "holder": True},
    "analyst": {"sector": "ANL", "rank": 9},
    "leader": {"sector": "GOV", "rank": 1},
}
PACK = {
    "nouns": {
        "presiden": "president",
        "menlu": "foreign_minister",
        "jubir": "spokesperson",
        "analis": "analyst",
        "pemimpin": "leader",
    },
    "words": {"of": ["di"], "articles": ["seorang", "mantan"], "former": ["mantan"]},
}


def tenure(person: str, role: str, start: str, end: str = OPEN_END) -> Tenure:
    return Tenure("person:" + person, "ZZA", role, ROLES[role]["sector"], start, end)


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    zza = Country(
        "ZZA",
        "Zedland",
        "Negeri Zed",
        (("Zedland", "en"), ("Negeri Zed", "id"), ("Zed", "id")),
        ("Zedlander",),
        "Zedville",
        None,
        1.0,
        2.0,
        "president",
    )
    people = [
        Person(
            "person:ann-old",
            "Ann Old",
            ("Old",),
            (tenure("ann-old", "president", "2000-01-01", "2010-05-31"),),
        ),
        Person(
            "person:bo-new",
            "Bo New",
            (),
            (
                tenure("bo-new", "foreign_minister", "2005-01-01", "2010-05-31"),
                tenure("bo-new", "president", "2010-06-01"),
            ),
        ),
        Person("person:cy-talk", "Cy Talk", (), (tenure("cy-talk", "spokesperson", "2012-01-01"),)),
    ]
    return Knowledge(
        countries=[zza],
        organisations=[
            Organisation(
                "org:zi", "Zed Institute", "thinktank", "ZZA", "ANL", (("Zed Institute", "en"),)
            )
        ],
        people=people,
        metonyms=[Metonym("Zed Palace", "ZZA", "presidency", True)],
        lexicon=RoleLexicon(load_roles(ROLES), [PACK]),
    )


def test_knowledge_handbuilt_role_by_date(kb):
    assert kb.lookup("Presiden Zed", "2009-12-31").id == "person:ann-old"
    assert kb.lookup("Presiden Zed", "2010-06-01").id == "person:bo-new"
    assert kb.lookup("Menlu Zed", "2008-01-01").id == "person:bo-new"
    assert kb.lookup("Menlu Zed", "2012-01-01").id is None  # nobody known in that office


def test_knowledge_handbuilt_leader_follows_the_country_column(kb):
    assert kb.lookup("pemimpin Negeri Zed", "2011-01-01").id == "person:bo-new"


def test_knowledge_handbuilt_seat_of_government(kb):
    assert kb.lookup("jubir Zed Palace", "2015-01-01").id == "person:cy-talk"
    assert kb.lookup("Zed Palace").id == "ZZA"


def test_knowledge_handbuilt_former_is_not_the_holder(kb):
    found = kb.lookup("mantan Presiden Zed", "2015-01-01")
    assert found.id is None and found.country == "ZZA"


def test_knowledge_handbuilt_person_role_changes_with_date(kb):
    assert kb.lookup("Bo New", "2006-01-01").role == "foreign_minister"
    assert kb.lookup("Bo New", "2011-01-01").role == "president"
    assert kb.lookup("Old", "2011-01-01").sector == "POL"


def test_knowledge_handbuilt_analyst_at_an_institute(kb):
    found = kb.lookup("seorang analis di Zed Institute")
    assert (found.country, found.sector, found.affiliation) == ("ZZA", "ANL", "Zed Institute")


def test_knowledge_handbuilt_demonym(kb):
    assert kb.lookup("Zedlander").id == "ZZA"
