"""Status from cues scoped to the event's clause; confirmation; attribution."""

import pytest

from tests._events import CHN, IDN, IRN, ISR, JPN, RUS, UKR, USA, code, find

CASES = [
    ("Presiden Indonesia akan mengunjungi Jepang.", "planned"),
    ("Presiden Indonesia bakal mengunjungi Jepang bulan depan.", "planned"),
    ("Presiden Indonesia dijadwalkan mengunjungi Jepang.", "planned"),
    ("Presiden Indonesia berencana mengunjungi Jepang.", "planned"),
    ("Presiden Indonesia dikabarkan mengunjungi Jepang.", "reported"),
    ("Kabarnya, Presiden Indonesia mengunjungi Jepang secara diam-diam.", "reported"),
    ("Presiden Indonesia dilaporkan mengunjungi Jepang.", "reported"),
    ("Presiden Indonesia disebut-sebut mengunjungi Jepang.", "reported"),
    ("Presiden Indonesia diduga mengunjungi Jepang secara rahasia.", "suspected"),
    ("Muncul spekulasi bahwa Presiden Indonesia mengunjungi Jepang.", "suspected"),
    ("Presiden Indonesia mungkin mengunjungi Jepang.", "suspected"),
    ("Presiden Indonesia diperkirakan mengunjungi Jepang.", "suspected"),
    ("Istana membantah bahwa Presiden Indonesia mengunjungi Jepang.", "denied"),
    ("Istana menepis kabar Presiden Indonesia mengunjungi Jepang.", "denied"),
    ("Presiden Indonesia tidak mengunjungi Jepang.", "negated"),
    ("Presiden Indonesia belum mengunjungi Jepang.", "negated"),
    ("Presiden Indonesia batal mengunjungi Jepang.", "negated"),
    ("Presiden Indonesia gagal mengunjungi Jepang.", "negated"),
    ("Jika terpilih, Presiden Indonesia akan mengunjungi Jepang.", "hypothetical"),
    ("Apabila Presiden Indonesia mengunjungi Jepang, pasar akan bereaksi.", "hypothetical"),
    ("Apakah Presiden Indonesia akan mengunjungi Jepang?", "hypothetical"),
    ("Presiden Indonesia berupaya mengunjungi Jepang tahun ini.", "hypothetical"),
    ("Tokyo berusaha membujuk Presiden Indonesia untuk mengunjungi Jepang.", "hypothetical"),
    # a guess about the setting of an event the clause takes as given
    (
        "Muncul spekulasi bahwa pertemuan Presiden Indonesia dengan Jepang akan digelar di Bali.",
        "planned",
    ),
    (
        "Topik utama pembicaraan Presiden Indonesia dengan Jepang diperkirakan akan mencakup perdagangan.",
        "planned",
    ),
    (
        "Muncul spekulasi bahwa pertemuan Presiden Indonesia dengan Jepang akan berlangsung.",
        "suspected",
    ),
    (
        "Pembicaraan Presiden Indonesia dengan Jepang diperkirakan akan berlangsung pekan depan.",
        "suspected",
    ),
    ("Diduga Presiden Indonesia bertemu Jepang di Tokyo.", "suspected"),
    # a time adjunct takes its event as given: the clause's negation is not about it
    ("Presiden Indonesia tidak berbicara kepada wartawan selama kunjungan ke Jepang.", "occurred"),
    ("Presiden Indonesia tidak berbicara kepada wartawan usai kunjungan ke Jepang.", "occurred"),
    ("Presiden Indonesia telah mengunjungi Jepang.", "occurred"),
    ("Presiden Indonesia mengunjungi Jepang kemarin.", "occurred"),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_events_status_cues(text, status):
    a = code(text, "Presiden Indonesia = IDN GOV person", "Jepang = JPN GOV state")
    assert find(a, "CONSULT").status == status


def test_events_status_cue_scope_is_the_clause():
    a = code(
        "Jepang tidak hadir, sementara Indonesia menyerang Malaysia.",
        JPN,
        IDN,
        "Malaysia = MYS GOV state",
    )
    assert find(a, "ASSAULT").status == "occurred"


def test_events_status_per_event_in_one_sentence():
    a = code(
        "Tiongkok telah mengecam Jepang dan akan menjatuhkan sanksi terhadap Jepang.", CHN, JPN
    )
    assert find(a, "ACCUSE").status == "occurred"
    assert find(a, "SANCTION").status == "planned"


def test_events_not_only_is_not_negation():
    a = code("Jepang tidak hanya mengecam Tiongkok.", JPN, CHN)
    assert find(a, "ACCUSE").status == "occurred"


def test_events_confirmation_keeps_planned_and_records_confirmer():
    a = code(
        "Pemerintah Jepang mengonfirmasi kunjungan Presiden Indonesia ke negara itu pekan depan.",
        "Pemerintah Jepang = JPN GOV organisation",
        "Presiden Indonesia = IDN GOV person",
        JPN,
    )
    event = find(a, "CONSULT")
    assert event.status == "planned"
    assert event.confirmed_by is not None and event.confirmed_by.country == "JPN"


def test_events_attribution_menurut():
    a = code(
        "Menurut kantor berita IRNA, Iran menyita kapal Israel.",
        IRN,
        ISR,
        "kantor berita IRNA = IRN MED organisation",
    )
    assert find(a, "COERCE").attributed_to.name == "kantor berita IRNA"


def test_events_attribution_postposed_speech_tag():
    a = code(
        "Rusia menyerang Ukraina, kata Menteri Luar Negeri Inggris.",
        RUS,
        UKR,
        "Menteri Luar Negeri Inggris = GBR GOV person",
    )
    assert find(a, "ASSAULT").attributed_to.country == "GBR"


def test_events_attribution_speech_verb_with_bahwa():
    a = code(
        "Kementerian Pertahanan Jepang mengatakan bahwa Tiongkok mengerahkan kapal perang.",
        "Kementerian Pertahanan Jepang = JPN MIL organisation",
        CHN,
    )
    assert find(a, "MOBILIZE").attributed_to.country == "JPN"


def test_events_attribution_source_noun():
    a = code(
        "Dalam laporan resmi Kremlin, disebutkan Rusia menyerang Ukraina.",
        "Kremlin = RUS GOV organisation",
        RUS,
        UKR,
    )
    assert find(a, "ASSAULT").attributed_to.name == "Kremlin"


def test_events_attribution_from_quote_stage():
    from warta.article import Quote

    text = "“Amerika Serikat akan menjatuhkan sanksi terhadap Iran,” kata seorang pejabat."
    a = code(text, USA, IRN)
    assert find(a, "SANCTION").attributed_to is None
    a.quotes = [
        Quote(
            text[: text.index("”") + 1],
            0,
            text.index("”") + 1,
            True,
            speaker=None,
            speaker_name="seorang pejabat",
        )
    ]
    from tests._events import stage

    stage()(a)
    assert find(a, "SANCTION").attributed_to.name == "seorang pejabat"


def test_events_accusation_makes_the_act_reported_and_attributed():
    a = code("Amerika Serikat menuduh Iran memasok drone kepada Rusia.", USA, IRN, RUS)
    aid = find(a, "AID")
    assert (aid.source.country, aid.target.country, aid.status) == ("IRN", "RUS", "reported")
    assert aid.attributed_to.country == "USA"
