"""End-to-end analyses of Indonesian passages written for the tests (issue "Warta core").

Each passage runs through the whole default pipeline; the expectations name countries,
types and statuses, never internal ids. Countries, event types and phrasings differ from
the worked example on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


@dataclass
class Case:
    name: str
    text: str
    published: str
    events: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (text fragment, speaker fragment)
    dates: dict[str, str] = field(default_factory=dict)  # event type -> ISO date
    places: dict[str, str] = field(default_factory=dict)  # event type -> country of the place
    attributed: dict[str, str] = field(default_factory=dict)  # event type -> attributed country


CASES = [
    Case(
        "passive-sanction-with-oleh",
        "BRUSSEL, KOMPAS.com - Sanksi baru dijatuhkan oleh Uni Eropa terhadap Iran pada Senin "
        "(15/4/2024). Langkah itu diambil setelah Teheran meluncurkan ratusan drone ke Israel.",
        "2024-04-16",
        events=[("SANCTION", "EU", "IRN", "occurred")],
        dates={"SANCTION": "2024-04-15"},
    ),
    Case(
        "planned-visit-dijadwalkan",
        "Jakarta (ANTARA) - Presiden Prabowo Subianto dijadwalkan mengunjungi Tiongkok pekan depan "
        "untuk bertemu Presiden Xi Jinping di Beijing.",
        "2024-11-01",
        events=[("CONSULT", "IDN", "CHN", "planned")],
    ),
    Case(
        "reported-arms-supply-dikabarkan",
        "Rusia dikabarkan memasok rudal kepada Iran dalam beberapa bulan terakhir, menurut laporan "
        "intelijen Amerika Serikat yang dikutip media setempat.",
        "2024-03-02",
        events=[("AID", "RUS", "IRN", "reported")],
    ),
    Case(
        "suspected-airstrike-diduga",
        "Israel diduga melancarkan serangan udara terhadap fasilitas militer di Suriah pada Minggu "
        "malam, menewaskan sedikitnya tiga orang.",
        "2024-01-22",
        events=[("ASSAULT", "ISR", "SYR", "suspected")],
    ),
    Case(
        "denied-membantah",
        "Kementerian Luar Negeri Tiongkok membantah bahwa Beijing memasok senjata kepada Rusia "
        "untuk digunakan dalam perang di Ukraina.",
        "2023-03-01",
        events=[("AID", "CHN", "RUS", "denied")],
        attributed={"AID": "CHN"},
    ),
    Case(
        "negated-meeting-batal",
        "Pertemuan antara Menteri Luar Negeri India dan Menteri Luar Negeri Pakistan batal digelar "
        "karena ketegangan di perbatasan Kashmir.",
        "2023-05-04",
        events=[("CONSULT", "IND", "PAK", "negated")],
    ),
    Case(
        "hypothetical-jika",
        "Jika Iran menyerang Israel, Amerika Serikat akan membela sekutunya itu, kata seorang "
        "pejabat senior di Washington.",
        "2024-04-10",
        events=[("ASSAULT", "IRN", "ISR", "hypothetical")],
    ),
    Case(
        "agreement-with-date-and-place",
        "Indonesia dan Australia menandatangani perjanjian kerja sama pertahanan di Canberra pada "
        "Kamis (29/8/2024).",
        "2024-08-30",
        events=[("AGREE", "IDN", "AUS", "occurred")],
        dates={"AGREE": "2024-08-29"},
        places={"AGREE": "AUS"},
    ),
    Case(
        "protest-in-seoul",
        "Ribuan warga Korea Selatan berunjuk rasa di depan Kedutaan Besar Jepang di Seoul pada "
        "Sabtu untuk memprotes pembuangan air limbah nuklir Fukushima oleh Jepang.",
        "2023-08-27",
        events=[("PROTEST", "KOR", "JPN", "occurred")],
        places={"PROTEST": "KOR"},
    ),
    Case(
        "threat-is-an-occurred-threat",
        "Korea Utara mengancam Amerika Serikat dengan serangan nuklir jika latihan militer "
        "gabungan di Semenanjung Korea terus berlanjut.",
        "2023-03-14",
        events=[("THREATEN", "PRK", "USA", "occurred")],
    ),
    Case(
        "mobilize-warships",
        "Tiongkok mengerahkan puluhan kapal perang dan pesawat tempur ke sekitar Taiwan pada Senin, "
        "kemarin, menurut Kementerian Pertahanan Taiwan.",
        "2024-05-21",
        events=[("MOBILIZE", "CHN", "TWN", "occurred")],
        attributed={"MOBILIZE": "TWN"},
    ),
    Case(
        "expel-diplomats",
        "Pemerintah Polandia mengusir 45 diplomat Rusia yang dituduh melakukan kegiatan mata-mata.",
        "2022-03-23",
        events=[("SANCTION", "POL", "RUS", "occurred")],
    ),
    Case(
        "request-with-quote-after-verb",
        "Presiden Ukraina Volodymyr Zelensky meminta Jerman mengirim lebih banyak sistem pertahanan "
        "udara. “Kami membutuhkan perlindungan untuk kota-kota kami sekarang,” ujar Zelensky.",
        "2024-06-11",
        events=[("REQUEST", "UKR", "DEU", "occurred")],
        quotes=[("Kami membutuhkan perlindungan", "Zelensky")],
    ),
    Case(
        "quote-before-speech-verb-pronoun",
        "Menteri Luar Negeri Retno Marsudi mengecam serangan Israel terhadap kamp pengungsi di Rafah. "
        "“Serangan ini melanggar hukum internasional,” tegasnya di Jakarta.",
        "2024-05-28",
        events=[("ACCUSE", "IDN", "ISR", "occurred"), ("ASSAULT", "ISR", None, "occurred")],
        quotes=[("Serangan ini melanggar hukum internasional", "Retno")],
    ),
    Case(
        "speaker-then-quote",
        "Juru bicara Kementerian Luar Negeri Tiongkok, Mao Ning, mengatakan: “Tiongkok selalu "
        "mendukung penyelesaian damai di Semenanjung Korea.”",
        "2024-02-06",
        quotes=[("selalu mendukung penyelesaian damai", "Mao Ning")],
    ),
    Case(
        "retreat-troops",
        "Israel menarik sebagian pasukannya dari Jalur Gaza selatan, kata militer Israel pada Minggu.",
        "2024-04-08",
        events=[("RETREAT", "ISR", "PSE", "occurred")],
    ),
    Case(
        "cooperation-military-drill",
        "Angkatan Laut Rusia dan Tiongkok menggelar latihan militer bersama di Laut Jepang pekan lalu.",
        "2023-07-24",
        events=[("COOPERATE", "RUS", "CHN", "occurred")],
    ),
]


def _country(ref):
    return ref["country"] if ref else None


def _has_event(events, etype, src, tgt, status):
    for e in events:
        pair = (_country(e["source"]), _country(e["target"]))
        wanted = [(src, tgt)] + ([(tgt, src)] if etype in SYMMETRIC else [])
        if e["type"] == etype and e["status"] == status:
            for want_src, want_tgt in wanted:
                if pair[0] == want_src and (want_tgt is None or pair[1] == want_tgt):
                    return e
    return None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_core_passage(analyse, case):
    article = analyse(case.text, published=case.published)
    data = article.to_dict()
    got = [
        (e["type"], _country(e["source"]), _country(e["target"]), e["status"])
        for e in data["events"]
    ]
    for etype, src, tgt, status in case.events:
        assert _has_event(data["events"], etype, src, tgt, status), (
            f"missing {etype} {src}->{tgt} {status}; got {got}"
        )
    for etype, day in case.dates.items():
        assert any(e["type"] == etype and e["date"] == day for e in data["events"]), got
    for etype, country in case.places.items():
        assert any(
            e["type"] == etype and e["place"] and e["place"]["country"] == country
            for e in data["events"]
        )
    for etype, country in case.attributed.items():
        assert any(
            e["type"] == etype and _country(e["attributed_to"]) == country for e in data["events"]
        )
    quotes = [(q["text"], q["speaker_name"] or "") for q in data["quotes"]]
    for fragment, speaker in case.quotes:
        assert any(fragment in text and speaker in who for text, who in quotes), quotes


def test_core_passages_cover_every_status():
    statuses = {status for case in CASES for *_, status in case.events}
    assert statuses == {
        "occurred",
        "planned",
        "reported",
        "suspected",
        "denied",
        "negated",
        "hypothetical",
    }
    assert len(CASES) >= 15
