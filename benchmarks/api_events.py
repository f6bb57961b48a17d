"""How fast ``GET /api/events`` answers over a large event database.

Builds (once) a DuckDB store with ``--events`` clustered events from synthetic analysed
articles written through ``Store.write`` (the real writer, clustering included), then times
the route through the ASGI app in-process, for the unfiltered first page and the filters the
dashboard sends. Prints one line per query: wall-clock median and 95th percentile, and the
median CPU time the process spent (all threads): on a shared, oversubscribed machine wall
time measures the queue for a core, CPU time the work the request costs.

    .venv/bin/python benchmarks/api_events.py --db /tmp/bench-100k.duckdb --events 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from pathlib import Path

from warta.article import ActorRef, Article, Event, Mention, Sentence
from warta.knowledge.ontology import Ontology
from warta.pipeline import Result
from warta.store import open_store

COUNTRIES = [
    line.split("\t", 1)[0]
    for line in (Path(__file__).parents[1] / "src/warta/knowledge/data/countries.tsv")
    .read_text("utf-8")
    .splitlines()
    if line and not line.startswith(("#", "code"))
]
STATUSES = ("occurred", "planned", "reported", "suspected", "denied", "negated", "hypothetical")
EVENTS_PER_ARTICLE = 10
SENTENCE = "Pejabat kedua negara bertemu untuk membahas kerja sama."
# Distinct filler per article: identical texts would all be linked as near-duplicates.
FILLER = (
    "pemerintah menteri kunjungan perdagangan keamanan wilayah perbatasan pasukan bantuan"
    " pernyataan resmi juru bicara pertemuan puncak kesepakatan ekonomi investasi energi"
    " pelabuhan kereta delegasi parlemen rakyat laporan sumber nelayan pangan harga"
)
WORDS = FILLER.split()


def synthetic_article(n: int, rng: random.Random, ontology: Ontology) -> Article:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    filler = " ".join(rng.choice(WORDS) for _ in range(60))
    text = f"{filler}. " + " ".join([SENTENCE] * EVENTS_PER_ARTICLE)
    events = []
    for i in range(EVENTS_PER_ARTICLE):
        kind = rng.choice(ontology.types)
        code = ontology.code(kind)
        a, b = rng.sample(COUNTRIES, 2)
        start = text.index(SENTENCE) + i * (len(SENTENCE) + 1)
        status = rng.choice(STATUSES)
        events.append(Event(
            type=kind, mode=None, cameo=code.cameo, quad_class=code.quad_class,
            goldstein=code.goldstein, source=ActorRef(a, a, "GOV", a),
            target=ActorRef(b, b, "GOV", b),
            status=status, sentence=SENTENCE, start=start, end=start + len(SENTENCE),
            trigger="bertemu", date=day.isoformat(),
            mentions=(Mention(start, start + len(SENTENCE), start + 21, start + 28, status),),
        ))  # fmt: skip
    return Article(
        raw=text, text=text, published=day.isoformat(), outlet=f"outlet{n % 40}", language="id",
        url=f"https://example.org/{n}", sentences=[Sentence(0, len(text))], events=events,
    )  # fmt: skip


def build(db: str, events: int, batch: int = 2000) -> None:
    rng = random.Random(7)
    ontology = Ontology.load()
    store = open_store(db)
    articles = events // EVENTS_PER_ARTICLE
    for first in range(0, articles, batch):
        chunk = [
            synthetic_article(n, rng, ontology) for n in range(first, min(first + batch, articles))
        ]
        store.write([Result(a) for a in chunk])
    store.close()


def time_queries(db: str, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from warta.api import create_app

    store = open_store(db, read_only=True)
    print(f"database: {store.stats()['events']:,} events, {store.stats()['articles']:,} articles")
    client = TestClient(create_app(store))
    queries = [
        "/api/events",
        "/api/events?limit=500",
        "/api/events?source=RUS&target=UKR",
        "/api/events?actor=IDN&status=planned",
        "/api/events?type=ASSAULT&since=2020-01-01&until=2020-12-31",
        "/api/events?offset=50000&limit=50",
        "/api/dyads/RUS/UKR?freq=month",
    ]
    print(f"{'request':<60} {'wall median':>11} {'p95':>7} {'CPU median':>10}")
    for url in queries:
        client.get(url)  # warm the cache
        wall, cpu = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            assert response.status_code == 200, response.text
        p95 = statistics.quantiles(wall, n=20)[-1]
        median, cpu_median = statistics.median(wall), statistics.median(cpu)
        print(f"{url:<60} {median:8.1f} ms {p95:7.1f} {cpu_median:7.1f} ms")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/warta-bench-events.duckdb")
    parser.add_argument("--events", type=int, default=100_000, help="event mentions to generate")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    if not Path(args.db).exists():
        t0 = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} in {time.perf_counter() - t0:.0f} s")
    time_queries(args.db, args.repeat)


if __name__ == "__main__":
    main()
