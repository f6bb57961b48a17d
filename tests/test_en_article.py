"""An English wire story written for this test after the worked example (Kim Jong Un's
announced visit to Russia): the same analysis as the Indonesian article gives."""

from __future__ import annotations

import pytest

ARTICLE = """Kim Jong Un to visit Russia for talks with Putin

MOSCOW (Reuters) - North Korean leader Kim Jong Un will visit Russia in the coming days to meet President Vladimir Putin, the Kremlin confirmed on Monday.

"It will be a full-fledged visit," Kremlin spokesman Dmitry Peskov told reporters. He did not say where the two leaders would meet.

Read more: Earthquake in Morocco kills hundreds

Kim's armoured train reportedly left Pyongyang on Sunday, according to South Korean media.

Michael Madden, an expert on North Korean leadership at the Stimson Center in Washington, said the two sides may discuss an arms deal. "Moscow needs artillery shells for its war," he said.

Russia has been under international sanctions since it invaded Ukraine in February 2022. Western governments imposed new sanctions on Moscow last week.

Reporting by Guy Faulconbridge; Editing by Mark Heinrich"""


@pytest.fixture(scope="module")
def article(pipeline):
    from warta.article import Article

    return pipeline(Article(raw=ARTICLE, published="2023-09-11"))


def _events(article):
    def country(ref):
        return ref.country if ref is not None else None

    return {(e.type, country(e.source), country(e.target), e.status): e for e in article.events}


def test_en_article_metadata_and_cleaning(article):
    assert article.language == "en" and article.outlet == "Reuters"
    assert article.title.startswith("Kim Jong Un to visit Russia")
    assert "Morocco" not in article.text and "Faulconbridge" not in article.text


def test_en_article_visit_is_planned_and_confirmed(article):
    visit = _events(article)[("CONSULT", "PRK", "RUS", "planned")]
    assert visit.confirmed_by is not None and visit.confirmed_by.country == "RUS"


def test_en_article_arms_deal_is_suspected_by_the_analyst(article):
    deal = _events(article)[("COOPERATE", "RUS", "PRK", "suspected")]
    assert deal.attributed_to is not None and deal.attributed_to.name == "Michael Madden"


def test_en_article_sanctions_and_invasion_occurred(article):
    events = _events(article)
    assert ("ASSAULT", "RUS", "UKR", "occurred") in events
    assert any(k[0] == "SANCTION" and k[2] == "RUS" and k[3] == "occurred" for k in events)


def test_en_article_quotes_and_speakers(article):
    quotes = {q.text: q for q in article.quotes}
    assert quotes["It will be a full-fledged visit"].speaker == "person:dmitry-peskov"
    madden = quotes["Moscow needs artillery shells for its war"]
    assert madden.speaker_name == "Michael Madden"  # "he said" after his statement
