"""Invariants of the records: dict round trips and offsets inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.article import (
    Actor,
    ActorRef,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
    Token,
    article_id,
)


def sample_article() -> Article:
    text = "Presiden Rusia bertemu Kim di Moskow."
    ref = ActorRef("Rusia", "RUS", "GOV", "RUS")
    return Article(
        raw=text,
        text=text,
        title="Judul",
        published="2023-09-11",
        sentences=[Sentence(0, len(text))],
        tokens=[Token("Presiden", 0, 8)],
        entities=[Entity("Kim", "PER", 23, 26)],
        actors=[Actor("RUS", "Russia", "RUS", "GOV", "state", mentions=((0, 14),))],
        quotes=[Quote("bertemu", 15, 22, False, speaker="RUS")],
        events=[
            Event(
                "CONSULT",
                "visit",
                "042",
                1,
                1.9,
                ref,
                None,
                "occurred",
                text,
                0,
                len(text),
                place=Place("Moskow", "RUS", 55.75, 37.62),
                mentions=(Mention(0, 37, 15, 22, "occurred"),),
            )
        ],
    )


def test_article_round_trips_through_dict():
    article = sample_article()
    again = Article.from_dict(article.to_dict(include_raw=True))
    assert again == article
    assert isinstance(again.events[0].source, ActorRef)
    assert isinstance(again.actors[0].mentions, tuple)


def test_article_actor_at_finds_the_tightest_mention():
    article = sample_article()
    assert article.actor_at(9, 14).id == "RUS"
    assert article.actor_at(30, 36) is None


@settings(max_examples=50)
@given(
    st.lists(st.text(alphabet="abcXYZ", min_size=1, max_size=6), min_size=1, max_size=8),
    st.one_of(st.none(), st.text(max_size=20)),
)
def test_article_id_ignores_whitespace_and_case(words, url):
    assert article_id(" ".join(words), url) == article_id("\n  ".join(words).upper() + " ", url)


def test_article_id_depends_on_text_and_url():
    assert article_id("Rusia menyerang.") != article_id("Rusia menyerbu.")
    assert article_id("Rusia menyerang.", "http://a") != article_id("Rusia menyerang.", "http://b")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Presiden",
                "Rusia",
                "“Kami",
                "siap.”",
                "kata",
                "Dr.",
                "Ani",
                ".",
                ",",
                "12/6/2018",
                "AS",
                "dll.",
                "Kemudian",
                "\n\n",
                "Ia",
                "pergi!",
            ]
        ),
        min_size=3,
    )
)
def test_segment_spans_lie_inside_the_text(words):
    from warta.pipeline import Pipeline

    text = " ".join(words) + " yang dan di ke dari"
    pipeline = _segment_pipeline()
    article = pipeline(Article(raw=text, language="id"))
    for record in [*article.tokens, *article.sentences]:
        assert 0 <= record.start < record.end <= len(article.text)
    for a, b in zip(article.sentences, article.sentences[1:], strict=False):
        assert a.end <= b.start
    del Pipeline


_CACHE = {}


def _segment_pipeline():
    from warta.pipeline import Pipeline

    if "p" not in _CACHE:
        _CACHE["p"] = Pipeline.default(until="segment")
    return _CACHE["p"]
