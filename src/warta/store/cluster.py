"""Cross-article event clustering: reports of one event become one event row.

Mentions (one event as coded in one article) with the same type, source key and target key
(``rows.actor_key``: the country when known) are sorted by date and cut greedily into
windows: an event starts at its earliest report and takes every report dated within
``window`` days of it. The cut depends only on the set of mentions, never on the order
they were ingested, so a re-run or a resumed run gives the same events and event ids.
Mentions without a date (event or article) of one key form one event of their own.

The status follows the evidence in date order (``resolve_status``) and keeps its history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from warta.store.rows import JSON, Row

DEFAULT_WINDOW_DAYS = 7

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


def reach(mentions: list[Row]) -> dict[tuple[str, str, str], tuple[dt.date | None, bool]]:
    """Per key: the earliest day of these mentions and whether any is undated, which bound
    the stored events they can join (a writer reloads only those)."""
    out: dict[tuple[str, str, str], tuple[dt.date | None, bool]] = {}
    for m in mentions:
        earliest, undated = out.get(key_of(m), (None, False))
        when = day(m)
        if when is None:
            undated = True
        elif earliest is None or when < earliest:
            earliest = when
        out[key_of(m)] = (earliest, undated)
    return out


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

_COMMON_COLUMNS = (*_ACTOR_COLUMNS, "mode", "cameo", "quad_class")


def _commons(mentions: list[Row]) -> Row:
    if len(mentions) == 1:  # most events have one report: its own values, found directly
        only = mentions[0]
        return {name: only[name] for name in _COMMON_COLUMNS}
    return {name: _common(mentions, name) for name in _COMMON_COLUMNS}


def _common(mentions: list[Row], field: str) -> Any:
    """The most frequent non-empty value (ties to the smallest, for determinism)."""
    values = [m[field] for m in mentions]
    if values.count(values[0]) == len(values):  # one value (or all empty): most events
        return values[0]
    counts = Counter(m[field] for m in mentions if m[field] is not None)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def _place(mentions: list[Row]) -> dict[str, Any]:
    places = [m["place"] for m in mentions if m["place"]]
    if not places:
        return {}
    text = min(Counter(places).items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return json.loads(text)


def cluster(mentions: Iterable[Row], window_days: int = DEFAULT_WINDOW_DAYS) -> list[Row]:
    """Every event from a set of mentions; sets each mention's ``event_id`` in place."""
    return recluster([], list(mentions), window_days)[0]


def _segments(mentions: Iterable[Row], window_days: int) -> Iterator[list[Row]]:
    by_key: dict[tuple[str, str, str], list[Row]] = {}
    for mention in mentions:
        by_key.setdefault(key_of(mention), []).append(mention)
    for group in by_key.values():
        yield from segment(group, window_days)


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
    before = {m["id"]: m["event_id"] for m in stored}
    sizes = Counter(before.values())
    events, kept = [], set()
    for members in _segments(stored + new, window_days):
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
