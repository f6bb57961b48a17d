"""Hand-built analysed articles for store and runner tests (no NLP stages needed)."""

from __future__ import annotations

import random

from warta.article import Actor, ActorRef, Article, Entity, Event, Mention, Quote, Sentence
from warta.pipeline import Result

RUS = ActorRef("Vladimir Putin", "RUS", "GOV", "putin")
PRK = ActorRef("Kim Jong Un", "PRK", "GOV", "kim-jong-un")

_WORDS = [
    "pemerintah",
    "menteri",
    "kunjungan",
    "kerja",
    "sama",
    "perdagangan",
    "keamanan",
    "wilayah",
    "perbatasan",
    "pasukan",
    "bantuan",
    "kemanusiaan",
    "pernyataan",
    "resmi",
    "juru",
    "bicara",
    "pertemuan",
    "puncak",
    "kesepakatan",
    "ekonomi",
    "investasi",
    "energi",
    "pelabuhan",
    "kereta",
    "delegasi",
    "parlemen",
    "rakyat",
    "laporan",
    "sumber",
]


def body(seed: int, words: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def summit_article(
    n: int,
    *,
    outlet: str,
    published: str = "2023-09-12",
    status: str = "occurred",
    event_type: str = "CONSULT",
    source: ActorRef = PRK,
    target: ActorRef = RUS,
    text: str | None = None,
    url: str | None = None,
) -> Article:
    sentence = "Kim Jong Un bertemu Vladimir Putin di Vladivostok."
    text = text if text is not None else f"{sentence} {body(n)}"
    event = Event(
        type=event_type,
        mode="visit",
        cameo="042",
        quad_class=1,
        goldstein=1.9,
        source=source,
        target=target,
        status=status,
        sentence=sentence,
        start=0,
        end=len(sentence),
        trigger="bertemu",
        mentions=(Mention(0, len(sentence), 13, 20, status),),
    )
    return Article(
        raw=text,
        text=text,
        outlet=outlet,
        published=published,
        url=url,
        path=f"{outlet}/{n}.txt",
        language="id",
        sentences=[Sentence(0, len(sentence)), Sentence(len(sentence) + 1, len(text))],
        entities=[Entity("Kim Jong Un", "PER", 0, 11), Entity("Vladimir Putin", "PER", 20, 34)],
        actors=[Actor("kim-jong-un", "Kim Jong Un", "PRK", "GOV", mentions=((0, 11),), known=True)],
        quotes=[Quote("Kami akan terus", 0, 15, True, "peskov", "Dmitry Peskov", "kata")],
        events=[event],
    )


def ok(article: Article) -> Result:
    return Result(article, source=article.path)


def failed(source: str, message: str = "not UTF-8", stage: str = "read") -> Result:
    return Result(None, message, stage, source)
