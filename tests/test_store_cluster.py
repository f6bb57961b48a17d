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


def test_store_cluster_an_event_shows_the_parties_and_code_of_one_report():
    """A meeting keyed (PRK, RUS) reported as "Kim visits Russia" and as "Russia negotiates
    with North Korea": the event names the pair one report gave, in its key's order, and
    that report's mode and CAMEO code, not each column's majority on its own (which made
    "Kim Jong Un -> North Korea")."""
    from warta.store import cluster

    def mention(i: int, source: tuple, target: tuple, code: tuple) -> dict:
        return {
            "id": f"m{i}",
            "article_id": "a1",
            "type": "CONSULT",
            "source_key": "PRK",
            "target_key": "RUS",
            "date": None,
            "published": None,
            "status": "planned",
            "goldstein": 1.0,
            "outlet": "o",
            "place": None,
            "url": None,
            **dict(zip(cluster._ACTOR_COLUMNS, (*source, *target), strict=True)),
            **dict(zip(("mode", "cameo", "quad_class"), code, strict=True)),
        }

    kim = ("person:kim-jong-un", "Kim Jong Un", "PRK", "GOV")
    russia, north_korea = ("RUS", "Russia", "RUS", "GOV"), ("PRK", "North Korea", "PRK", "GOV")
    visit = mention(1, kim, russia, ("visit", "042", 1))
    talks = mention(2, russia, north_korea, ("negotiate", "046", 1))
    for order in ([visit, talks], [talks, visit]):
        (event,) = cluster.cluster([dict(m) for m in order])
        assert (event["source_name"], event["target_name"]) == ("Kim Jong Un", "Russia")
        assert (event["mode"], event["cameo"]) == ("visit", "042")
        assert event["num_mentions"] == 2


class _MemoryEvents:
    """Events and mentions kept the way a store keeps them, with the two reads
    ``cluster.recluster_stored`` makes; counts the mentions it reloads."""

    def __init__(self, window_days: int = 7) -> None:
        self.window = dt.timedelta(days=window_days)
        self.events: dict[str, dict] = {}
        self.mentions: dict[str, dict] = {}
        self.reloaded = 0

    def write(self, new: list[dict]) -> None:
        from warta.store import cluster

        events, replaced, moved = cluster.recluster_stored(new, self._load, self._load_after)
        for event_id in replaced:
            del self.events[event_id]
        self.events.update((e["id"], e) for e in events)
        for m in moved:
            self.mentions[m["id"]]["event_id"] = m["event_id"]
        self.mentions.update((m["id"], dict(m)) for m in new)

    def _of(self, event_ids: set[str]) -> list[dict]:
        found = [dict(m) for m in self.mentions.values() if m["event_id"] in event_ids]
        self.reloaded += len(found)
        return found

    def _load(self, reaches: list) -> list[dict]:
        def reached(e: dict, key: tuple, r) -> bool:
            if key != (e["type"], e["source_key"], e["target_key"]):
                return False
            if e["first_seen"] is None:
                return r.undated
            return (
                r.earliest is not None
                and r.earliest <= e["first_seen"] + self.window
                and (e["first_seen"] <= r.latest)
            )

        ids = {e["id"] for e in self.events.values() for k, r in reaches if reached(e, k, r)}
        return self._of(ids)

    def _load_after(self, after: dict) -> list[dict]:
        def later(e: dict) -> bool:
            day = after.get((e["type"], e["source_key"], e["target_key"]))
            return day is not None and e["first_seen"] is not None and e["first_seen"] > day

        return self._of({e["id"] for e in self.events.values() if later(e)})


def _mention(i: int, day: int | None, key: str = "PRK", status: str = "occurred") -> dict:
    from warta.store import cluster

    return {
        "id": f"m{i:04d}",
        "article_id": f"a{i}",
        "type": "meet",
        "source_key": key,
        "target_key": "RUS",
        "date": None if day is None else dt.date(2023, 1, 1) + dt.timedelta(days=day),
        "published": None,
        "status": status,
        "goldstein": 1.0,
        "outlet": f"o{i % 3}",
        "place": None,
        "url": None,
        **{c: None for c in cluster._COMMON_COLUMNS},
    }


def test_store_cluster_bounded_reloads_give_the_events_of_clustering_everything():
    from warta.store import cluster

    for seed in range(60):
        rng = random.Random(seed)
        spread = rng.choice([30, 90, 400, 2000])  # dense and sparse keys
        mentions = [
            _mention(
                i,
                None if rng.random() < 0.05 else rng.randrange(spread),
                rng.choice(["PRK", "CHN", "USA"]),
                rng.choice(["planned", "occurred", "reported"]),
            )
            for i in range(rng.randrange(20, 120))
        ]
        store = _MemoryEvents()
        start = 0
        while start < len(mentions):
            size = rng.randrange(1, 25)
            store.write([dict(m) for m in mentions[start : start + size]])
            start += size
        expected = {e["id"]: e for e in cluster.cluster([dict(m) for m in mentions])}
        assert store.events == expected, seed
        final = {m["id"]: m["event_id"] for m in cluster_mentions(mentions)}
        assert {i: m["event_id"] for i, m in store.mentions.items()} == final, seed


def cluster_mentions(mentions: list[dict]) -> list[dict]:
    from warta.store import cluster

    every = [dict(m) for m in mentions]
    cluster.cluster(every)
    return every


def test_store_cluster_a_write_reloads_the_events_near_its_mentions_not_every_later_one():
    store = _MemoryEvents()
    store.write([_mention(i, 10 * i) for i in range(100)])  # one event every 10 days
    store.reloaded = 0
    store.write([_mention(1000, 52), _mention(1001, 55)])  # joins the event of day 50
    assert store.reloaded == 2  # that event, and day 60's, which comes back whole
    store.reloaded = 0
    store.write([_mention(1002, 301), _mention(1003, 905)])  # far apart: two runs
    assert store.reloaded == 4  # days 300 and 310, days 900 and 910
    assert len(store.events) == 100
    assert store.events == _clustered(store)


def test_store_cluster_cuts_that_keep_moving_past_the_reach_have_every_later_event_read():
    # pairs of reports 7 days apart, 8 days after the last pair: one event per pair. A
    # report the day before the first pair takes only its first report; its second then
    # starts an event that takes the first report of the next pair, and so on to the end
    store = _MemoryEvents()
    store.write([_mention(i, 8 * (i // 2) + 7 * (i % 2)) for i in range(100)])
    assert len(store.events) == 50
    store.reloaded = 0
    store.write([_mention(1000, -1)])
    assert store.reloaded == 100
    assert len(store.events) == 51
    assert store.events == _clustered(store)


def _clustered(store: _MemoryEvents) -> dict:
    from warta.store import cluster

    return {e["id"]: e for e in cluster.cluster([dict(m) for m in store.mentions.values()])}
