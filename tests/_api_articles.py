"""Hand-built analysed articles for the API and dashboard tests (no NLP stages needed).

Offsets are found in the text, so every record points at its evidence as the stages'
records do; the texts are short news passages written for these tests.
"""

from __future__ import annotations

from warta.article import (
    Actor,
    ActorRef,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Removed,
    Sentence,
)
from warta.pipeline import Result

PRK = ActorRef("Kim Jong Un", "PRK", "GOV", "kim-jong-un")
RUS = ActorRef("Vladimir Putin", "RUS", "GOV", "vladimir-putin")
KREMLIN = ActorRef("Kremlin", "RUS", "GOV", "kremlin")
UKR = ActorRef("Ukraina", "UKR", None, "UKR")
VLADIVOSTOK = Place("Vladivostok", "RUS", 43.1056, 131.8735)
KYIV = Place("Kyiv", "UKR", 50.4501, 30.5234)

VISIT = (
    "Kremlin mengonfirmasi bahwa Kim Jong Un akan mengunjungi Rusia untuk bertemu Presiden"
    " Vladimir Putin di Vladivostok.\n\n"
    "“Kami akan terus memperkuat persahabatan kami,” kata Dmitry Peskov, juru bicara Kremlin.\n\n"
    "Rusia dikabarkan ingin membeli amunisi dari Korea Utara."
)

ATTACK = (
    "Rusia melancarkan serangan rudal ke Kyiv pada Selasa pagi, kata pejabat Ukraina.\n\n"
    "Presiden Volodymyr Zelensky mengecam serangan itu dalam pidato malamnya."
)


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, para in enumerate(text.split("\n\n")):
        out.append(Sentence(start, start + len(para), i))
        start += len(para) + 2
    return out


def event(text: str, trigger: str, kind: str, status: str, source: ActorRef, target: ActorRef,
          **extra: object) -> Event:  # fmt: skip
    t0, t1 = span(text, trigger)
    sentence = next(s for s in sentences(text) if s.start <= t0 < s.end)
    codes = {"CONSULT": ("042", 1, 1.9), "COOPERATE": ("061", 2, 6.4), "ASSAULT": ("195", 4, -10.0)}
    cameo, quad, gold = codes[kind]
    return Event(
        type=kind, mode=extra.pop("mode", None), cameo=cameo, quad_class=quad, goldstein=gold,  # type: ignore[arg-type]
        source=source, target=target, status=status, sentence=text[sentence.start : sentence.end],
        start=sentence.start, end=sentence.end, trigger=trigger,
        mentions=(Mention(sentence.start, sentence.end, t0, t1, status),), **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def visit_article(published: str = "2023-09-11", n: int = 0) -> Article:
    text = VISIT if n == 0 else VISIT.replace("Vladivostok.", f"Vladivostok ({n}).")
    kremlin = [span(text, "Kremlin"), span(text, "Kremlin", 20)]
    quote = span(text, "Kami akan terus memperkuat persahabatan kami")
    speaker = span(text, "Dmitry Peskov")
    return Article(
        raw=text, text=text, title="Kim Jong Un akan mengunjungi Rusia", outlet="Jabar Ekspres",
        language="id", published=published, url=f"https://example.org/kim-{n}",
        removed=[Removed("Baca Juga: Korban Gempa Maroko Alami Krisis Pangan", "promo"),
                 Removed("Tinggalkan Balasan", "comments")],
        sentences=sentences(text),
        entities=[Entity("Kim Jong Un", "PER", *span(text, "Kim Jong Un")),
                  Entity("Vladimir Putin", "PER", *span(text, "Vladimir Putin")),
                  Entity("Vladivostok", "LOC", *span(text, "Vladivostok")),
                  Entity("Dmitry Peskov", "PER", *speaker)],
        actors=[Actor("kim-jong-un", "Kim Jong Un", "PRK", "GOV", role="leader", mentions=(span(text, "Kim Jong Un"),), known=True),
                Actor("vladimir-putin", "Vladimir Putin", "RUS", "GOV", mentions=(span(text, "Presiden Vladimir Putin"),), known=True),
                Actor("dmitry-peskov", "Dmitry Peskov", "RUS", "GOV", role="spokesperson", mentions=(speaker,), known=True),
                Actor("kremlin", "Kremlin", "RUS", "GOV", kind="organisation", mentions=tuple(kremlin), known=True)],
        quotes=[Quote(text[quote[0]:quote[1]], *quote, direct=True, speaker="dmitry-peskov",
                      speaker_name="Dmitry Peskov", cue="kata", speaker_start=speaker[0],
                      speaker_end=speaker[1], role="juru bicara", affiliation="Kremlin")],
        events=[event(text, "mengunjungi", "CONSULT", "planned", PRK, RUS, mode="visit",
                      confirmed_by=KREMLIN, place=VLADIVOSTOK, date=published),
                event(text, "membeli", "COOPERATE", "reported", RUS, PRK, mode="military")],
    )  # fmt: skip


def attack_article(published: str = "2023-10-03") -> Article:
    text = ATTACK
    return Article(
        raw=text, text=text, title="Serangan rudal di Kyiv", outlet="Kompas", language="id",
        published=published, sentences=sentences(text),
        entities=[Entity("Kyiv", "LOC", *span(text, "Kyiv")),
                  Entity("Volodymyr Zelensky", "PER", *span(text, "Volodymyr Zelensky"))],
        actors=[Actor("RUS", "Rusia", "RUS", "GOV", kind="state", mentions=(span(text, "Rusia"),), known=True)],
        events=[event(text, "serangan rudal", "ASSAULT", "occurred", ActorRef("Rusia", "RUS", "GOV", "RUS"),
                      UKR, place=KYIV, date=published)],
    )  # fmt: skip


def results() -> list[Result]:
    """Two visit reports a month apart (a dyad timeline) and an attack elsewhere."""
    articles = [visit_article(), visit_article("2023-10-20", 1), attack_article()]
    return [Result(a, source=a.url) for a in articles]
