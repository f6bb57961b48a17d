"""The worked example's events (issue "Warta core"), coded from hand-built actors.

The article text comes from ``examples/``; boilerplate lines are dropped the simple way
here so that this test depends on the event coder only.
"""

import pytest

from tests._events import stage
from tests.conftest import EXAMPLES
from warta.article import Quote
from warta.evaluate.events import gold_article, parse_actor

ACTORS = [
    "Pemimpin Tertinggi Korea Utara; Kim Jong Un; Kim = PRK GOV person",
    "Presiden Vladimir Putin; Presiden Rusia Vladimir Putin; Vladimir Putin; Putin = RUS GOV person",
    "Dmitry Peskov; Peskov = RUS GOV person",
    "Michael Madden = USA EDU person",
    "Kremlin = RUS GOV organisation",
    "Korean Central News Agency; KCNA = PRK MED organisation",
    "Pemerintah Rusia; Federasi Rusia; Rusia = RUS GOV state",
    "Korea Utara = PRK GOV state",
    "Ukraina = UKR GOV state",
]
DROP = ("Baca Juga:", "Berita Terkait", "Tinggalkan Balasan")


@pytest.fixture(scope="module")
def article():
    raw = (EXAMPLES / "jabarekspres-kim-putin.txt").read_text("utf-8")
    body = raw.split("JABAR EKSPRES – ", 1)[1]
    lines = [line for line in body.splitlines() if line.strip() and not line.startswith(DROP)]
    text = "\n\n".join(lines)
    art = gold_article(text, [parse_actor(a) for a in ACTORS], "2023-09-11")
    start = text.index("“Kehadiran")
    end = text.index("”", start) + 1
    art.quotes = [Quote(text[start:end], start, end, True, "Michael Madden", "Michael Madden")]
    stage()(art)
    return art


def _one(article, type_, pair, status):
    found = [
        e
        for e in article.events
        if e.type == type_
        and e.status == status
        and {e.source and e.source.country, e.target and e.target.country} == pair
    ]
    assert len(found) == 1, [(e.type, e.source, e.target, e.status) for e in article.events]
    return found[0]


def test_events_example_visit_planned_and_confirmed(article):
    visit = _one(article, "CONSULT", {"PRK", "RUS"}, "planned")
    assert (visit.source.country, visit.target.country) == ("PRK", "RUS")
    assert visit.mode == "visit" and visit.cameo == "042"
    assert visit.status == "planned"
    assert visit.confirmed_by is not None and visit.confirmed_by.country == "RUS"
    assert "mengonfirmasi kunjungan" in visit.sentence
    assert any("akan mengunjungi" in article.text[m.start : m.end] for m in visit.mentions)


def test_events_example_arms_deal_suspected_and_attributed(article):
    deal = _one(article, "COOPERATE", {"RUS", "PRK"}, "suspected")
    assert deal.mode == "military"
    assert deal.status == "suspected"
    assert deal.attributed_to is not None and deal.attributed_to.name == "Michael Madden"
    evidence = [article.text[m.start : m.end] for m in deal.mentions]
    assert any("jual beli senjata" in s for s in evidence)
    assert any("pembelian amunisi" in s for s in evidence)


def test_events_example_sanction_on_russia_occurred(article):
    sanction = [e for e in article.events if e.type == "SANCTION"]
    assert len(sanction) == 1
    assert sanction[0].target.country == "RUS" and sanction[0].status == "occurred"
    assert sanction[0].sentence.startswith("Sanksi internasional")


def test_events_example_invasion_russia_on_ukraine_occurred(article):
    invasion = _one(article, "ASSAULT", {"RUS", "UKR"}, "occurred")
    assert (invasion.source.country, invasion.target.country) == ("RUS", "UKR")
    assert invasion.status == "occurred"
    assert article.text[invasion.mentions[0].trigger_start :].startswith("invasi")


def test_events_example_offsets_point_into_the_text(article):
    for event in article.events:
        assert article.text[event.start : event.end] == event.sentence
        for m in event.mentions:
            assert m.start <= m.trigger_start < m.trigger_end <= m.end
        if event.date is not None:
            assert event.date <= "2023-09-11" or event.status == "planned"


def test_events_example_no_events_from_boilerplate(article):
    assert all("Maroko" not in e.sentence and "Biden" not in e.sentence for e in article.events)
