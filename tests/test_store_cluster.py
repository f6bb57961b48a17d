from __future__ import annotations

import datetime as dt
import random

from tests._store_articles import RUS, ok, summit_article
from warta.store import EventQuery, open_store


def _day(offset: int) -> str:
    return (dt.date(2023, 9, 10) + dt.timedelta(days=offset)).isoformat()


def _events(store):
    rows = store.events(EventQuery(limit=1000))
    keep = (
        "id",
        "type",
        "source_key",
        "target_key",
        "status",
        "first_seen",
        "last_seen",
        "num_articles",
        "num_sources",
        "num_mentions",
        "status_history",
    )
    return sorted(({k: r[k] for k in keep} for r in rows), key=lambda r: r["id"])


def test_store_cluster_300_reports_from_30_outlets_make_one_event(tmp_path):
    reports = [
        ok(summit_article(i, outlet=f"outlet-{i % 30}", published=_day(i % 4))) for i in range(300)
    ]
    with open_store(tmp_path / "c.duckdb") as store:
        for start in range(0, 300, 64):  # several batches: clusters grow across commits
            store.write(reports[start : start + 64])
        events = store.events(EventQuery())
    assert len(events) == 1
    event = events[0]
    assert (event["num_articles"], event["num_sources"], event["num_mentions"]) == (300, 30, 300)
    assert (event["first_seen"], event["last_seen"]) == (_day(0), _day(3))
    assert (event["source_country"], event["target_country"]) == ("PRK", "RUS")


def test_store_cluster_planned_then_occurred_becomes_occurred_with_history(tmp_path):
    planned = summit_article(1, outlet="jabarekspres", published="2023-09-11", status="planned")
    occurred = summit_article(2, outlet="kompas", published="2023-09-13", status="occurred")
    stale = summit_article(3, outlet="detik", published="2023-09-14", status="planned")
    with open_store(tmp_path / "c.duckdb") as store:
        store.write([ok(planned)])
        assert store.events(EventQuery())[0]["status"] == "planned"
        store.write([ok(stale), ok(occurred)])
        (event,) = store.events(EventQuery())
    assert event["status"] == "occurred"
    assert [(h["status"], h["date"]) for h in event["status_history"]] == [
        ("planned", "2023-09-11"),
        ("occurred", "2023-09-13"),
    ]


def test_store_cluster_a_later_conditional_report_leaves_the_status_alone(tmp_path):
    planned = summit_article(1, outlet="antara", published="2023-09-11", status="planned")
    if_then = summit_article(2, outlet="tempo", published="2023-09-12", status="hypothetical")
    alone = summit_article(3, outlet="kompas", published="2023-09-25", status="hypothetical")
    with open_store(tmp_path / "c.duckdb") as store:
        store.write([ok(planned), ok(if_then), ok(alone)])
        events = sorted(store.events(EventQuery()), key=lambda e: e["first_seen"])
    assert [e["status"] for e in events] == ["planned", "hypothetical"]
    assert [h["status"] for h in events[0]["status_history"]] == ["planned"]
    assert events[0]["num_articles"] == 2


def test_store_cluster_splits_reports_further_apart_than_the_window(tmp_path):
    articles = [
        summit_article(i, outlet="a", published=_day(d)) for i, d in enumerate((0, 3, 20, 22))
    ]
    with open_store(tmp_path / "c.duckdb", window_days=7) as store:
        store.write([ok(a) for a in articles])
        events = _events(store)
    spans = sorted((e["first_seen"], e["last_seen"], e["num_articles"]) for e in events)
    assert spans == [(_day(0), _day(3), 2), (_day(20), _day(22), 2)]


def test_store_cluster_keeps_types_and_dyads_apart(tmp_path):
    articles = [
        summit_article(1, outlet="a"),
        summit_article(2, outlet="a", event_type="COOPERATE"),
        summit_article(3, outlet="a", source=RUS, target=RUS),
    ]
    with open_store(tmp_path / "c.duckdb") as store:
        store.write([ok(a) for a in articles])
        assert len(store.events(EventQuery())) == 3


def test_store_cluster_does_not_depend_on_ingest_order(tmp_path):
    rng = random.Random(3)
    reports = [
        summit_article(
            i,
            outlet=f"o{i % 7}",
            published=_day(rng.randrange(40)),
            status=rng.choice(["planned", "occurred", "reported"]),
        )
        for i in range(120)
    ]
    results = []
    for run in range(2):
        order = list(reports)
        random.Random(run).shuffle(order)
        with open_store(tmp_path / f"c{run}.duckdb") as store:
            for start in range(0, len(order), 17):
                store.write([ok(a) for a in order[start : start + 17]])
            results.append(_events(store))
    assert results[0] == results[1]
    assert len(results[0]) > 1


def test_store_cluster_recluster_matches_clustering_everything_again():
    from warta.store import cluster

    def mention(i: int, day: int, key: str = "PRK") -> dict:
        return {
            "id": f"m{i}",
            "article_id": f"a{i}",
            "type": "meet",
            "source_key": key,
            "target_key": "RUS",
            "date": dt.date(2023, 9, 1) + dt.timedelta(days=day),
            "published": None,
            "status": "occurred",
            "goldstein": 1.0,
            "outlet": f"o{i % 3}",
            "place": None,
            "url": None,
            **{c: None for c in cluster._COMMON_COLUMNS},
        }

    rng = random.Random(5)
    stored = [mention(i, rng.randrange(40), rng.choice(["PRK", "CHN"])) for i in range(60)]
    events = {e["id"]: e for e in cluster.cluster(stored)}
    new = [mention(100 + i, rng.randrange(40)) for i in range(5)]
    rebuilt, replaced, moved = cluster.recluster([dict(m) for m in stored], new)
    every = [dict(m) for m in stored + new]
    after = {e["id"]: e for e in cluster.cluster(every)}
    # the stored events a recluster leaves alone are exactly the unchanged ones
    kept = {k: v for k, v in events.items() if k not in replaced}
    assert {**kept, **{e["id"]: e for e in rebuilt}} == after
    assert len(rebuilt) < len(after)  # some stored events were not rebuilt
    final = {m["id"]: m["event_id"] for m in every}
    moved_to = {m["id"]: m["event_id"] for m in moved}
    assert all(moved_to.get(m["id"], m["event_id"]) == final[m["id"]] for m in stored)
    assert all(m["event_id"] == final[m["id"]] for m in new)
