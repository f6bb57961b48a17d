"""Cross-article event clustering: reports of one event become one event row.

Mentions (one event as coded in one article) with the same type, source key and target key
(``rows.actor_key``: the country when known) are sorted by date and cut greedily into
windows: an event starts at its earliest report and takes every report dated within
``window`` days of it. The cut depends only on the set of mentions, never on the order
they were ingested, so a re-run or a resumed run gives the same events and event ids.
Mentions without a date (event or article) of one key form one event of their own.

The status follows the evidence in date order (``resolve_status``) and keeps its history.

A writer reclusters only the stored events new mentions can change (``recluster_stored``):
those near the new mentions' dates, and after them as far as the cuts move.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any, NamedTuple, TypeVar

from warta.store.rows import JSON, Row, actor_key_of

DEFAULT_WINDOW_DAYS = 7
T = TypeVar("T")

# Same-day reports are read weakest first, so the strongest claim of a day wins.
_STRENGTH = {
    "hypothetical": 0,
    "suspected": 1,
    "planned": 2,
    "reported": 3,
    "negated": 4,
    "denied": 5,
    "occurred": 6,
}
# Once an event is reported as having happened, a later report still framing it as a plan,
# a claim or a possibility is stale framing, not new evidence; a denial still counts.
_AFTER_OCCURRED = {"occurred", "denied", "negated"}
# A conditional framing ("if the leaders meet ...") says nothing about whether an event
# already reported, planned or suspected happened: it sets the status only of an event
# that has no other evidence yet.
_CONDITIONAL = "hypothetical"


# The event_mentions columns a writer reloads to recluster stored events.
STORED_COLUMNS = (
    "id, event_id, article_id, type, source_key, target_key, date, status, outlet, goldstein,"
    " quad_class, cameo, mode, source_id, source_name, source_country, source_sector,"
    " target_id, target_name, target_country, target_sector, place, url, published"
)


def key_of(mention: Row) -> tuple[str, str, str]:
    return (mention["type"], mention["source_key"] or "", mention["target_key"] or "")


def day(mention: Row) -> dt.date | None:
    """When a mention happened: the event's own date, else its article's publication date."""
    return mention["date"] or mention["published"]


Key = tuple[str, str, str]
Cuts = dict[Key, list[list[Row]]]  # each key's mentions cut into events

# How far after a run of new mentions a key's events are reloaded, in windows: on the
# bench's articles (two years of dates), the cuts of 93% of a write's keys settle within
# it (``pending``); the rest are read to their end.
_FOLLOW = 2


class Reach(NamedTuple):
    """Stored events of one key that new mentions can change: those whose window reaches
    ``earliest`` and that start by ``latest``, and the key's undated event if
    ``undated``."""

    earliest: dt.date | None
    latest: dt.date | None
    undated: bool


class _Run(NamedTuple):
    """New dates of one key close enough to be reloaded together, and the latest start of
    the stored events reloaded for them: ``_FOLLOW`` windows after the last."""

    first: dt.date
    last: dt.date
    end: dt.date


def _runs_by_key(mentions: list[Row], window_days: int) -> dict[Key, list[_Run]]:
    """Each key's runs of new dates (``_Run``)."""
    dates: dict[Key, list[dt.date]] = {}
    for m in mentions:
        if (when := day(m)) is not None:
            dates.setdefault(key_of(m), []).append(when)
    return {key: _runs(days, window_days) for key, days in dates.items()}


def reach(mentions: list[Row], runs: dict[Key, list[_Run]]) -> list[tuple[Key, Reach]]:
    """Per key, a ``Reach`` for each run of new dates (the stored events between runs far
    apart stay as they are) and one for its undated event."""
    undated = sorted({key_of(m) for m in mentions if day(m) is None})
    out = [(key, Reach(None, None, True)) for key in undated]
    for key, key_runs in runs.items():
        out += [(key, Reach(run.first, run.end, False)) for run in key_runs]
    return out


def _runs(dates: list[dt.date], window_days: int) -> list[_Run]:
    """Sorted dates, cut where one run's reach would end before the next run's begins."""
    window, ahead = dt.timedelta(days=window_days), dt.timedelta(days=window_days * _FOLLOW)
    runs: list[list[dt.date]] = []
    for when in sorted(dates):
        if runs and when - window <= runs[-1][-1] + ahead:
            runs[-1].append(when)
        else:
            runs.append([when])
    return [_Run(run[0], run[-1], run[-1] + ahead) for run in runs]


def pending(
    cuts: Cuts, stored: list[Row], runs: dict[Key, list[_Run]], window_days: int
) -> dict[Key, dt.date]:
    """Keys whose reloaded events (``reach``) may stop short of what the new mentions
    change, each with the day after which every stored event of it is to be reloaded;
    ``cuts`` are the events cut from the reloaded and the new mentions, ``runs`` those of
    the new mentions' dates.

    A new mention can cut the stored events after it differently, and each moved cut can
    move the next. The cuts of a run settle within its reach when a stored event after
    its last mention comes back whole (from there on, the greedy cut of the stored
    mentions is the stored cut), or when the last event cut from its reloaded mentions
    ends before the reach does (the next stored event starts after the reach, so it
    starts an event as it does now).
    """
    before = {m["id"]: m["event_id"] for m in stored}
    sizes = Counter(before.values())
    window = dt.timedelta(days=window_days)
    out = {}
    for key, key_runs in runs.items():
        events = [(start, e) for e in cuts[key] if (start := day(e[0]))]  # by start
        starts = [start for start, _ in events]
        # the events cut from each run's reloaded mentions: from its first reloaded day
        # to the next run's
        bounds = [bisect_left(starts, run.first - window) for run in key_runs] + [len(events)]
        for run, begin, end in zip(key_runs, bounds, bounds[1:], strict=False):
            if not _settled(run, events[begin:end], window, before, sizes):
                out[key] = run.end
                break
    return out


def _settled(
    run: _Run,
    events: list[tuple[dt.date, list[Row]]],
    window: dt.timedelta,
    before: dict[str, str],
    sizes: Counter[str],
) -> bool:
    """Whether the cuts of ``run`` settle within its reach (see ``pending``), from the
    events cut from its reloaded mentions (with their first days)."""
    if any(start > run.last and _unchanged(e, before, sizes) for start, e in events):
        return True
    return bool(events) and events[-1][0] + window <= run.end


def _order(mention: Row) -> tuple[Any, ...]:
    date = day(mention)
    return (date is None, date or dt.date.min, _STRENGTH.get(mention["status"], 0), mention["id"])


def segment(mentions: Iterable[Row], window_days: int = DEFAULT_WINDOW_DAYS) -> Iterator[list[Row]]:
    """Cut one key's mentions into events: each spans at most ``window_days`` from its first."""
    window = dt.timedelta(days=window_days)
    current: list[Row] = []
    for mention in sorted(mentions, key=_order):
        if current and not _fits(day(current[0]), day(mention), window):
            yield current
            current = []
        current.append(mention)
    if current:
        yield current


def _fits(first: dt.date | None, date: dt.date | None, window: dt.timedelta) -> bool:
    if first is None or date is None:
        return first is None and date is None
    return date - first <= window


def event_id(key: tuple[str, str, str], first_seen: dt.date | None) -> str:
    day = first_seen.isoformat() if first_seen else "undated"
    text = "\0".join((*key, day))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def resolve_status(ordered: list[Row]) -> tuple[str, list[dict[str, Any]]]:
    """The current status and its history (each change with the date and article behind
    it) from mentions in ``_order``."""
    status: str | None = None
    history: list[dict[str, Any]] = []
    for mention in ordered:
        new = mention["status"]
        if status == "occurred" and new not in _AFTER_OCCURRED:
            continue
        if new == _CONDITIONAL and status is not None:
            continue
        if new != status:
            status = new
            date = day(mention)
            history.append(
                {
                    "status": new,
                    "date": date.isoformat() if date else None,
                    "article": mention["article_id"],
                }
            )
    return status or "reported", history


def event_row(mentions: list[Row]) -> Row:
    """One event from its mentions (all of one key and one window)."""
    key = key_of(mentions[0])
    dates = [d for d in map(day, mentions) if d is not None]
    first = min(dates) if dates else None
    ordered = sorted(mentions, key=_order) if len(mentions) > 1 else mentions
    status, history = resolve_status(ordered)
    goldstein = [m["goldstein"] for m in mentions if m["goldstein"] is not None]
    place = _place(mentions)
    return {
        "id": event_id(key, first),
        "type": key[0],
        "source_key": key[1],
        "target_key": key[2],
        **_commons(mentions),
        "goldstein": sum(goldstein) / len(goldstein) if goldstein else None,
        "status": status,
        "status_history": JSON.encode(history),
        "first_seen": first,
        "last_seen": max(dates) if dates else None,
        "num_mentions": len(mentions),
        "num_articles": len({m["article_id"] for m in mentions}),
        "num_sources": len({m["outlet"] for m in mentions if m["outlet"]}),
        "place_name": place.get("name"),
        "place_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "source_url": next((m["url"] for m in ordered if m["url"]), None),
    }


_ACTOR_COLUMNS = tuple(
    f"{side}_{f}" for side in ("source", "target") for f in ("id", "name", "country", "sector")
)
_CODE_COLUMNS = ("mode", "cameo", "quad_class")
_COMMON_COLUMNS = (*_ACTOR_COLUMNS, *_CODE_COLUMNS)


def _commons(mentions: list[Row]) -> Row:
    """The actors and the code of one report, taken together: the source and target pair
    most reports give, then the mode and CAMEO code most of those give. Each column's
    majority on its own could pair one report's source with another's target, or a mode
    with another's CAMEO code."""
    if len(mentions) == 1:  # most events have one report: its own values, found directly
        only = mentions[0]
        return {name: only[name] for name in _COMMON_COLUMNS}
    pairs = [tuple(m[name] for name in _ACTOR_COLUMNS) for m in mentions]
    in_order = [p for p, m in zip(pairs, mentions, strict=True) if _in_order(m)]
    pair = _most_common(in_order or pairs)  # or every report names the parties reversed
    codes = [
        tuple(m[name] for name in _CODE_COLUMNS)
        for p, m in zip(pairs, mentions, strict=True)
        if p == pair
    ]
    return dict(zip(_COMMON_COLUMNS, (*pair, *_most_common(codes)), strict=True))


def _in_order(mention: Row) -> bool:
    """Whether the report names the parties in the event's key order: a symmetric event
    (a meeting) keys them sorted, so "Rusia bertemu Korea Utara" is the meeting of PRK
    and RUS read the other way (``rows.event_keys``)."""
    source = (mention["source_country"], mention["source_id"], mention["source_name"])
    return actor_key_of(*source) == (mention["source_key"] or "")


def _most_common(values: list[T]) -> T:
    """The most frequent of ``values`` (not empty); ties to the smallest, for determinism."""
    return min(Counter(values).items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def _place(mentions: list[Row]) -> dict[str, Any]:
    places = [m["place"] for m in mentions if m["place"]]
    if not places:
        return {}
    text = _most_common(places)
    return json.loads(text)


def cluster(mentions: Iterable[Row], window_days: int = DEFAULT_WINDOW_DAYS) -> list[Row]:
    """Every event from a set of mentions; sets each mention's ``event_id`` in place."""
    return recluster([], list(mentions), window_days)[0]


def _cuts(mentions: Iterable[Row], window_days: int) -> Cuts:
    """Each key's mentions cut into events (``segment``)."""
    by_key: dict[Key, list[Row]] = {}
    for mention in mentions:
        by_key.setdefault(key_of(mention), []).append(mention)
    return {key: list(segment(group, window_days)) for key, group in by_key.items()}


def recluster_stored(
    new: list[Row],
    load: Callable[[list[tuple[Key, Reach]]], list[Row]],
    load_after: Callable[[dict[Key, dt.date]], list[Row]],
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> tuple[list[Row], list[str], list[Row]]:
    """``recluster`` with the stored events new mentions can change, read from a store:
    ``load`` gives the mentions of the events within each ``Reach``, ``load_after`` those
    of every event of a key that starts after a day.

    A write reads the events near its mentions (``reach``), not every later event of
    their keys (in a growing store, most of them), and reads a key to its end only when
    its cuts may still move at the end of a reach (``pending``): two reads at most.
    """
    runs = _runs_by_key(new, window_days)
    stored = load(reach(new, runs))
    cuts = _cuts(stored + new, window_days)
    after = pending(cuts, stored, runs, window_days)
    if after:
        seen = {m["id"] for m in stored}
        stored += [m for m in load_after(after) if m["id"] not in seen]
        again = [m for m in chain(stored, new) if key_of(m) in after]
        cuts.update(_cuts(again, window_days))
    return _rebuilt(stored, cuts)


def recluster(
    stored: list[Row], new: list[Row], window_days: int = DEFAULT_WINDOW_DAYS
) -> tuple[list[Row], list[str], list[Row]]:
    """Cluster new mentions together with the stored events they can change.

    ``stored`` holds every mention of those events, each with its current ``event_id``.
    Returns the events to (re)write, the stored event ids they replace, and the stored
    mentions whose event id changed (``id``, ``event_id``); sets ``event_id`` on ``new``.
    A stored event that gets exactly its own mentions back is left as it is: an event row
    depends only on its mentions, so rebuilding it would write the same row (in a
    growing store most reloaded events are such, and rebuilding them was most of the
    writer's clustering time).
    """
    return _rebuilt(stored, _cuts(stored + new, window_days))


def _rebuilt(stored: list[Row], cuts: Cuts) -> tuple[list[Row], list[str], list[Row]]:
    """``recluster``'s result from the events cut from the stored and new mentions."""
    before = {m["id"]: m["event_id"] for m in stored}
    sizes = Counter(before.values())
    events, kept = [], set()
    for members in chain.from_iterable(cuts.values()):
        unchanged = _unchanged(members, before, sizes)
        if unchanged is not None:
            kept.add(unchanged)
            continue
        row = event_row(members)
        for mention in members:
            mention["event_id"] = row["id"]
        events.append(row)
    replaced = sorted(set(sizes) - kept)
    moved = [
        {"id": m["id"], "event_id": m["event_id"]}
        for m in stored
        if m["event_id"] != before[m["id"]]
    ]
    return events, replaced, moved


def _unchanged(members: list[Row], before: dict[str, str], sizes: Counter[str]) -> str | None:
    """The stored event these members are exactly (all of its mentions, nothing else)."""
    first = before.get(members[0]["id"])
    if first is None or sizes[first] != len(members):
        return None
    if all(before.get(m["id"]) == first for m in members):
        return first
    return None
