"""Knowledge-base lookup cost (µs per phrase) and the actors stage on the example article.

Times, in CPU time, ``Knowledge.resolve`` (a lookup worked out from scratch) and
``Knowledge.lookup`` (which remembers answers, as a stage sees the same names again and
again) over a fixed mix of phrases (aliases, role phrases with a date, unknown words), the
base's load time, and the stage on a passage of known size.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

PHRASES = (
    ("Korut", None),
    ("Kim Jong Un", "2023-09-11"),
    ("Putin", "2023-09-11"),
    ("Menlu Rusia", "2018-06-14"),
    ("Presiden AS", "2019-01-01"),
    ("Presiden AS", "2022-01-01"),
    ("juru bicara Kremlin", "2023-09-11"),
    ("Gedung Putih", None),
    ("Stimson Center", None),
    ("Russian Foreign Minister", "2010-01-01"),
    ("pemimpin Korut", "2023-09-11"),
    ("Negeri Paman Sam", None),
    ("PBB", None),
    ("Sekjen PBB", "2020-01-01"),
    ("seorang ahli di Stimson Center", None),
    ("Budi Santoso", None),
    ("Presiden Mali", None),
    ("Kremlin", None),
    ("Menteri Pertahanan Jepang", "2021-06-01"),
    ("sepeda motor", None),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seconds", type=float, default=2.0, help="minimum time per measure")


def run(args: argparse.Namespace) -> dict[str, Any]:
    from warta.knowledge.kb import Knowledge, _load_shipped

    _load_shipped.cache_clear()
    started = time.process_time()
    kb = Knowledge.load()
    load_s = time.process_time() - started
    cold, cold_s = _repeat(lambda: [kb.resolve(p, d) for p, d in PHRASES], args.seconds)
    warm, warm_s = _repeat(lambda: [kb.lookup(p, d) for p, d in PHRASES], args.seconds)
    return {
        "knowledge_load_s": round(load_s, 3),
        "phrases": len(PHRASES),
        "lookup_us": round(cold_s / (cold * len(PHRASES)) * 1e6, 2),
        "lookup_memo_us": round(warm_s / (warm * len(PHRASES)) * 1e6, 2),
        "stage_ms_per_article": round(_stage_ms(args.seconds), 2),
    }


def render(report: dict[str, Any]) -> str:
    return (
        f"knowledge load      {report['knowledge_load_s']} s\n"
        f"lookup              {report['lookup_us']} µs per phrase (mix of {report['phrases']},"
        f" resolved every time)\n"
        f"lookup, remembered  {report['lookup_memo_us']} µs per phrase (repeated phrases)\n"
        f"actors stage        {report['stage_ms_per_article']} ms per article (~450 words)"
    )


def _repeat(work: Any, seconds: float) -> tuple[int, float]:
    """Runs and CPU seconds (process time: on a shared machine, wall time mostly measures
    the neighbours)."""
    runs, started = 0, time.process_time()
    while True:
        work()
        runs += 1
        elapsed = time.process_time() - started
        if elapsed >= seconds:
            return runs, elapsed


def _stage_ms(seconds: float) -> float:
    from warta.actors.stage import ActorStage
    from warta.evaluate.actors import build_article
    from warta.resources import Resources

    stage = ActorStage(Resources())
    passage = {"id": "bench", "date": "2023-09-11", "text": _PASSAGE, "entities": _NAMES}

    def work() -> None:
        stage(build_article(passage))

    runs, elapsed = _repeat(work, seconds)
    return elapsed / runs * 1000


_NAMES = [
    ["Kim Jong Un", "PER"],
    ["Vladimir Putin", "PER"],
    ["Dmitry Peskov", "PER"],
    ["Jo Chun Ryong", "PER"],
    ["Michael Madden", "PER"],
]
_PASSAGE = " ".join(
    [
        "Pemerintah Rusia telah mengonfirmasi kunjungan Pemimpin Tertinggi Korea Utara,",
        "Kim Jong Un, ke negara tersebut untuk bertemu dengan Presiden Vladimir Putin.",
        "Dalam pernyataan resmi yang dirilis oleh Kremlin, dikatakan bahwa Kim Jong Un akan",
        "mengunjungi Federasi Rusia atas undangan Presiden Rusia Vladimir Putin.",
        "Dmitry Peskov, juru bicara Kremlin, menyebut pertemuan ini akan menjadi kunjungan",
        "berskala penuh. Topik utama pembicaraan antara kedua pemimpin diperkirakan mencakup",
        "hubungan antara Rusia dan Korea Utara. Salah satu anggota delegasi adalah Direktur",
        "Departemen Industri Amunisi, Jo Chun Ryong. Rusia dikabarkan berupaya memengaruhi",
        "Korea Utara untuk menjual senjata, terutama dalam konteks perang di Ukraina.",
        "Kehadiran Jo Chun Ryong menunjukkan bahwa Korea Utara dan Rusia mungkin menjajaki",
        "kesepakatan amunisi, kata Michael Madden, seorang ahli kepemimpinan Korea Utara di",
        "Stimson Center, lembaga pemikiran yang berbasis di Amerika Serikat.",
    ]
    * 3
)
