"""Passages written for these tests (not taken from any corpus): every cue position, every
pronoun case and every quotation-mark style, each with the quote text, kind, speaker and cue
it must give."""

from __future__ import annotations

import pytest

from tests._quotes import one, quotes

# (id, text, people the actor stage would know, [(quote prefix, direct, speaker, cue)])
PASSAGES = [
    (
        "after-kata",
        "“Kami siap berunding kapan saja,” kata Retno Marsudi di Jakarta.",
        ("Retno Marsudi",),
        [("Kami siap berunding kapan saja", True, "Retno Marsudi", "kata")],
    ),
    (
        "after-ujar-apposition",
        "“Harga beras akan turun bulan depan,” ujar Arief Prasetyo, Kepala Badan Pangan"
        " Nasional, kepada wartawan.",
        ("Arief Prasetyo",),
        [("Harga beras akan turun", True, "Arief Prasetyo", "ujar")],
    ),
    (
        "after-role-before-name",
        "“Pasukan kami tetap siaga di perbatasan,” kata Panglima TNI Agus Subiyanto.",
        ("Agus Subiyanto",),
        [("Pasukan kami tetap siaga", True, "Agus Subiyanto", "kata")],
    ),
    (
        "after-katanya",
        "Menteri Luar Negeri Retno Marsudi tiba di Jenewa pada Senin. “Indonesia mendukung"
        " gencatan senjata segera,” katanya.",
        ("Retno Marsudi",),
        [("Indonesia mendukung gencatan", True, "Retno Marsudi", "katanya")],
    ),
    (
        "after-ujarnya-after-indirect",
        "Joko Widodo menegaskan bahwa pemerintah tidak akan mengimpor beras tahun ini. “Stok"
        " kita cukup sampai akhir tahun,” ujarnya.",
        ("Joko Widodo",),
        [
            ("pemerintah tidak akan mengimpor", False, "Joko Widodo", "menegaskan"),
            ("Stok kita cukup", True, "Joko Widodo", "ujarnya"),
        ],
    ),
    (
        "after-kata-dia",
        "Sri Mulyani hadir dalam rapat kerja di Senayan. “Defisit anggaran tetap terkendali,”"
        " kata dia.",
        ("Sri Mulyani",),
        [("Defisit anggaran tetap", True, "Sri Mulyani", "kata")],
    ),
    (
        "before-ia-mengatakan",
        "Prabowo Subianto berkunjung ke Beijing pekan lalu. Ia mengatakan, “Kerja sama"
        " pertahanan akan kami perluas.”",
        ("Prabowo Subianto",),
        [("Kerja sama pertahanan", True, "Prabowo Subianto", "mengatakan")],
    ),
    (
        "before-colon",
        "Antony Blinken menegaskan: “Amerika tidak akan mundur dari kawasan ini.”",
        ("Antony Blinken",),
        [("Amerika tidak akan mundur", True, "Antony Blinken", "menegaskan")],
    ),
    (
        "before-comma-role",
        "Juru bicara Kementerian Luar Negeri Lalu Muhamad Iqbal mengatakan, “Kami terus"
        " memantau situasi di Gaza.”",
        ("Lalu Muhamad Iqbal",),
        [("Kami terus memantau", True, "Lalu Muhamad Iqbal", "mengatakan")],
    ),
    (
        "before-menurut",
        "Menurut Hikmahanto Juwana, “Langkah itu melanggar hukum internasional.”",
        ("Hikmahanto Juwana",),
        [("Langkah itu melanggar", True, "Hikmahanto Juwana", "Menurut")],
    ),
    (
        "split-kata",
        "“Kami menghormati keputusan itu,” kata Wang Yi, “tetapi kami akan melindungi"
        " kepentingan kami.”",
        ("Wang Yi",),
        [
            ("Kami menghormati keputusan", True, "Wang Yi", "kata"),
            ("tetapi kami akan melindungi", True, "Wang Yi", "kata"),
        ],
    ),
    (
        "split-ujarnya",
        "Sergey Lavrov berbicara kepada wartawan di Moskwa. “Perundingan berjalan baik,”"
        " ujarnya, “dan akan dilanjutkan besok.”",
        ("Sergey Lavrov",),
        [
            ("Perundingan berjalan baik", True, "Sergey Lavrov", "ujarnya"),
            ("dan akan dilanjutkan besok", True, "Sergey Lavrov", "ujarnya"),
        ],
    ),
    (
        "role-phrase-no-name",
        "“Tidak ada rencana pertemuan dalam waktu dekat,” kata seorang juru bicara militer.",
        (),
        [("Tidak ada rencana pertemuan", True, "seorang juru bicara militer", "kata")],
    ),
    (
        "partial-quote",
        "Menteri Pertahanan Jepang Minoru Kihara menyebut latihan itu “provokasi serius” bagi"
        " kawasan.",
        ("Minoru Kihara",),
        [("provokasi serius", True, "Minoru Kihara", "menyebut")],
    ),
    (
        "across-sentences",
        "“Kami sudah mengirim bantuan. Bantuan kedua tiba pekan depan,” kata Abdul Muhari.",
        ("Abdul Muhari",),
        [
            (
                "Kami sudah mengirim bantuan. Bantuan kedua tiba pekan depan",
                True,
                "Abdul Muhari",
                "kata",
            )
        ],
    ),
    (
        "across-paragraphs",
        "“Kami sudah menutup jalur pendakian sejak pagi.\n\n“Pendaki yang masih di atas"
        " kami evakuasi,” kata Kepala Basarnas Kusworo.",
        ("Kusworo",),
        [
            (
                "Kami sudah menutup jalur pendakian sejak pagi.\n\n“Pendaki yang masih di atas"
                " kami evakuasi",
                True,
                "Kusworo",
                "kata",
            )
        ],
    ),
    (
        "continuation-next-quote",
        "“Air mulai surut sejak pagi.” “Warga sudah boleh pulang,” kata Suharyanto.",
        ("Suharyanto",),
        [
            ("Air mulai surut", True, "Suharyanto", "kata"),
            ("Warga sudah boleh pulang", True, "Suharyanto", "kata"),
        ],
    ),
    (
        "continuation-previous-quote",
        "“Jalur itu kami tutup,” kata Listyo Sigit Prabowo. “Pengendara diminta memutar lewat"
        " tol.”",
        ("Listyo Sigit Prabowo",),
        [("Pengendara diminta memutar", True, "Listyo Sigit Prabowo", "kata")],
    ),
    (
        "straight-quotes",
        '"Kami akan menggugat putusan itu," kata Yusril Ihza Mahendra.',
        ("Yusril Ihza Mahendra",),
        [("Kami akan menggugat putusan itu", True, "Yusril Ihza Mahendra", "kata")],
    ),
    (
        "single-quotes",
        "‘Kami menolak semua tuduhan itu,’ kata Yasonna Laoly.",
        ("Yasonna Laoly",),
        [("Kami menolak semua tuduhan itu", True, "Yasonna Laoly", "kata")],
    ),
    (
        "guillemets",
        "«Kami akan membalas setiap serangan,» kata Abbas Araghchi.",
        ("Abbas Araghchi",),
        [("Kami akan membalas", True, "Abbas Araghchi", "kata")],
    ),
    (
        "low-high-quotes",
        "„Situasinya sangat serius,“ kata Olaf Scholz di Berlin.",
        ("Olaf Scholz",),
        [("Situasinya sangat serius", True, "Olaf Scholz", "kata")],
    ),
    (
        "kompas-closing-marks",
        "”Kami sudah berkoordinasi dengan Polri,” kata Budi Gunadi Sadikin.",
        ("Budi Gunadi Sadikin",),
        [("Kami sudah berkoordinasi", True, "Budi Gunadi Sadikin", "kata")],
    ),
    (
        "nested-single-in-double",
        "“Ia berteriak ‘tunggu dulu’ kepada kami,” ujar Ahmad Dofiri.",
        ("Ahmad Dofiri",),
        [("Ia berteriak ‘tunggu dulu’ kepada kami", True, "Ahmad Dofiri", "ujar")],
    ),
    (
        "indirect-bahwa",
        "Menteri Luar Negeri Sugiono mengatakan bahwa Indonesia akan bergabung dengan BRICS.",
        ("Sugiono",),
        [("Indonesia akan bergabung dengan BRICS", False, "Sugiono", "mengatakan")],
    ),
    (
        "indirect-menurut-first",
        "Menurut Mahfud MD, pemerintah tidak akan mengubah undang-undang itu.",
        ("Mahfud MD",),
        [("pemerintah tidak akan mengubah", False, "Mahfud MD", "Menurut")],
    ),
    (
        "indirect-menurut-last",
        "Pemilu akan tetap digelar pada Februari, menurut Hasyim Asy'ari.",
        ("Hasyim Asy'ari",),
        [("Pemilu akan tetap digelar pada Februari", False, "Hasyim Asy'ari", "menurut")],
    ),
    (
        "indirect-katanya-last",
        "Lloyd Austin tiba di Jakarta pada Selasa. Amerika akan menambah latihan bersama"
        " dengan TNI, katanya.",
        ("Lloyd Austin",),
        [("Amerika akan menambah latihan", False, "Lloyd Austin", "katanya")],
    ),
    (
        "indirect-menurutnya",
        "Anies Baswedan ditemui di Balai Kota. Menurutnya, banjir tahun ini lebih cepat surut.",
        ("Anies Baswedan",),
        [("banjir tahun ini lebih cepat surut", False, "Anies Baswedan", "Menurutnya")],
    ),
    (
        "indirect-opener-and-adjunct",
        "Sementara itu, Kepala BNPB Suharyanto, dalam konferensi pers, menegaskan bahwa"
        " status darurat diperpanjang dua pekan.",
        ("Suharyanto",),
        [("status darurat diperpanjang dua pekan", False, "Suharyanto", "menegaskan")],
    ),
    (
        "inverted-after",
        "“Situasinya sudah terkendali,” Listyo Sigit Prabowo menambahkan.",
        ("Listyo Sigit Prabowo",),
        [("Situasinya sudah terkendali", True, "Listyo Sigit Prabowo", "menambahkan")],
    ),
    (
        "pronoun-prefers-subject",
        "Retno Marsudi bertemu Wang Yi di Beijing. “Pertemuan ini sangat produktif,” katanya.",
        ("Retno Marsudi", "Wang Yi"),
        [("Pertemuan ini sangat produktif", True, "Retno Marsudi", "katanya")],
    ),
    (
        "pronoun-skips-quoted-names",
        "Sri Mulyani berbicara di DPR. “Saya sudah melapor kepada Joko Widodo,” katanya. “Dana"
        " itu aman,” ujarnya.",
        ("Sri Mulyani", "Joko Widodo"),
        [
            ("Saya sudah melapor", True, "Sri Mulyani", "katanya"),
            ("Dana itu aman", True, "Sri Mulyani", "ujarnya"),
        ],
    ),
    (
        "pronoun-last-speaker-not-last-name",
        "Kepala Polri Listyo Sigit Prabowo mengatakan, penyelidikan masih berjalan. Polisi"
        " sudah memeriksa Ferdy Sambo dua kali. “Kami menunggu hasil forensik,” ujarnya.",
        ("Listyo Sigit Prabowo", "Ferdy Sambo"),
        [("Kami menunggu hasil forensik", True, "Listyo Sigit Prabowo", "ujarnya")],
    ),
    (
        "passive-agent-names-speaker",
        "Hal itu disampaikan Menteri Kesehatan Budi Gunadi Sadikin di Jakarta. “Vaksin sudah"
        " tiba,” katanya.",
        ("Budi Gunadi Sadikin",),
        [("Vaksin sudah tiba", True, "Budi Gunadi Sadikin", "katanya")],
    ),
    (
        "before-passive-document-issuer",
        "Dalam keterangan tertulis yang dirilis oleh Lalu Muhamad Iqbal, disebutkan bahwa"
        " Indonesia “menolak segala bentuk kekerasan terhadap warga sipil.”",
        ("Lalu Muhamad Iqbal",),
        [("menolak segala bentuk kekerasan", True, "Lalu Muhamad Iqbal", "disebutkan")],
    ),
]


def test_quotes_passive_without_issuer_names_no_one():
    """Only a document's issuer speaks for an agentless passive: the chair of a meeting
    ("rapat yang dipimpin oleh X") did not necessarily say what "dikatakan" reports."""
    text = (
        "Usai rapat yang dipimpin oleh Retno Marsudi, dikatakan bahwa Jakarta “tidak pernah"
        " diajak berunding.”"
    )
    q = one(quotes(text, "Retno Marsudi"), "tidak pernah diajak")
    assert q.speaker_name is None, q


@pytest.mark.parametrize(
    ("text", "people", "expected"), [p[1:] for p in PASSAGES], ids=[p[0] for p in PASSAGES]
)
def test_quotes_passage(text, people, expected):
    found = quotes(text, *people)
    for prefix, direct, speaker, cue in expected:
        q = one([f for f in found if f.direct == direct], prefix)
        assert q.speaker_name == speaker, q
        assert q.cue == cue, q
        assert text[q.start : q.end] == q.text


def test_quotes_passages_are_many():
    assert len(PASSAGES) >= 30
