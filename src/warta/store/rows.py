"""Analysed articles flattened into table rows (plain dicts keyed by column name).

Backend-neutral: DuckDB turns these into Arrow batches, PostgreSQL can COPY them. Records
keep the field names of ``Article.to_dict`` so one shape serves JSON, the store and the API.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, wraps
from itertools import chain
from typing import Any, TypeVar
from urllib.parse import urlsplit

import numpy as np

from warta.article import ActorRef, Article, Event, article_id, parse_date, to_dict
from warta.pipeline import Result
from warta.store.dedup import MinHasher, from_bytes, to_bytes

Row = dict[str, Any]
Columns = dict[str, list[Any]]  # a table's values by column name, one list per column

# json.dumps(..., ensure_ascii=False) builds a new encoder per call; one encoder writes
# the same text for a fraction of the cost (rows and event rows: ``cluster`` uses it too)
JSON = json.JSONEncoder(ensure_ascii=False)


# What ``prepare`` adds to Article.meta where the article is analysed (in the workers, in
# parallel) so the single writer does not hash texts or build rows; never stored in the
# meta column.
PRIVATE = ("_id", "_input_id", "_minhash", "_rows")
ROWS = "_rows"  # meta key: the article's table rows (``table_rows``), made by ``prepare``
TABLES = ("articles", "entities", "actors", "quotes", "event_mentions")


def input_id(article: Article) -> str:
    """The id of the input before analysis (raw text + URL): lets a re-run skip known inputs
    without analysing them first (``Article.id`` hashes the cleaned text, known only after)."""
    return str(article.meta.get("_input_id") or article_id(article.raw, article.url))


def key(article: Article) -> str:
    """``Article.id``, computed once."""
    return str(article.meta.get("_id") or article.id)


def signature(article: Article, hasher: MinHasher) -> np.ndarray | None:
    """The article's MinHash signature, precomputed by ``prepare`` when it was analysed."""
    if "_minhash" in article.meta:
        blob = article.meta["_minhash"]
        return None if blob is None else from_bytes(blob)
    return hasher.signature(article.text or article.raw)


def prepare(article: Article, hasher: MinHasher, *, with_rows: bool = False) -> None:
    """Precompute the id and the near-duplicate signature of an analysed article, and with
    ``with_rows`` its table rows too (then its records can be dropped: see ``hollow``)."""
    article.meta["_id"] = article.id
    article.meta["_input_id"] = input_id(article)
    signature = hasher.signature(article.text or article.raw)
    article.meta["_minhash"] = None if signature is None else to_bytes(signature)
    if with_rows:
        article.meta[ROWS] = table_rows(article)


def table_rows(article: Article) -> dict[str, Any]:
    """Every row the article adds, by table; the article row without ``ingested_at``."""
    article_row_ = article_row(article, None)
    del article_row_["ingested_at"]
    return {
        "articles": article_row_,
        "entities": entity_columns(article),
        "actors": actor_columns(article),
        "quotes": quote_columns(article),
        "event_mentions": mention_rows(article),
    }


def hollow(article: Article) -> None:
    """Drop what the stored rows (``prepare(..., with_rows=True)``) already hold: a worker
    then sends the writer plain rows, which pickle in a fraction of the time of records."""
    article.raw = article.text = ""
    for name in _RECORDS:
        setattr(article, name, [])


_RECORDS: tuple[str, ...] = ("removed", "paragraphs", "sentences", "tokens", "entities")
_RECORDS += ("actors", "quotes", "events", "times")


def _cached(article: Article, table: str) -> Any:
    rows = article.meta.get(ROWS)
    return None if rows is None else rows[table]


T = TypeVar("T", list[Row], Columns)


def _prepared(table: str) -> Callable[[Callable[[Article], T]], Callable[[Article], T]]:
    """A table's rows (or columns) as ``prepare`` stored them on the article, else built
    by the decorated function."""

    def wrap(build: Callable[[Article], T]) -> Callable[[Article], T]:
        @wraps(build)
        def rows_of(article: Article) -> T:
            cached = _cached(article, table)
            return build(article) if cached is None else cached

        return rows_of

    return wrap


def error_id(source: str | None, stage: str | None, message: str | None) -> str:
    key = "\0".join((source or "", stage or "", message or ""))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


def outlet_of(article: Article) -> str | None:
    """The outlet, or the URL's host when the cleaner found no outlet name."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def actor_key(ref: ActorRef | None) -> str:
    """How clustering compares actors across articles: the country when known (reports name
    the same state through different people and metonyms), else the actor id or name."""
    if ref is None:
        return ""
    return actor_key_of(ref.country, ref.id, ref.name)


def actor_key_of(country: str | None, actor_id: str | None, name: str | None) -> str:
    """``actor_key`` from an actor's fields (as a mention row holds them)."""
    return country or actor_id or (name.casefold() if name else "")


def event_keys(event: Event) -> tuple[str, str]:
    """The (source, target) keys a mention clusters by. A symmetric interaction (a meeting,
    an agreement, joint exercises) is the same event whoever a report names first, so its
    keys are put in a fixed order; directed ones (a visit, an attack) keep theirs."""
    keys = (actor_key(event.source), actor_key(event.target))
    if keys[0] and keys[1] and _symmetric(event.type, event.mode):
        return (min(keys), max(keys))
    return keys


@cache
def _symmetric(type_: str, mode: str | None) -> bool:
    from warta.errors import DataError

    try:
        return _ontology().code(type_, mode).symmetric
    except DataError:
        return False


@cache
def _ontology() -> Any:
    from warta.knowledge.ontology import Ontology

    return Ontology.load()


def _json(value: Any) -> str | None:
    """Records (dataclasses) as JSON text; None for nothing."""
    if value is None or value == [] or value == {}:
        return None
    return JSON.encode(to_dict(value))


def flat(record: Any) -> Row:
    """A record with plain fields (no nested records) as a dict: ``to_dict`` walks every
    value looking for records, which costs more than the whole database insert."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return {name: getattr(record, name) for name in names}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain_json(value: Any) -> str | None:
    """Plain values (no records inside) as JSON text; None for nothing."""
    return JSON.encode(value) if value else None


def article_row(article: Article, now: dt.datetime | None) -> Row:
    cached = _cached(article, "articles")
    if cached is not None:
        return {**cached, "ingested_at": now}
    meta = {k: v for k, v in article.meta.items() if k not in PRIVATE}
    return {
        "id": key(article),
        "input_id": input_id(article),
        "url": article.url,
        "path": article.path,
        "title": article.title,
        "outlet": outlet_of(article),
        "language": article.language,
        "published": _date(article.published),
        "dateline_place": article.dateline_place,
        "text": article.text,
        "removed": _plain_json([flat(r) for r in article.removed]),
        "paragraphs": _plain_json(article.paragraphs),
        "sentences": _plain_json([[s.start, s.end, s.paragraph] for s in article.sentences]),
        "meta": _json(meta),
        "ingested_at": now,
    }


# The builders below spell their columns out: a display builds a row or a column in a
# fraction of the time of unpacking a record with ``flat`` (measured), and they run for
# every record stored. (One generic builder with an attrgetter per field took 0.13
# million instructions more per bench article: a call per value, where a comprehension
# reads an attribute.) tests/test_store_rows.py checks that they still cover every field
# of their records.
#
# Entities, actors and quotes, the most numerous rows, are built as columns (one list per
# column): a worker sends them to the writer, and one list per column pickles, unpickles
# and becomes an Arrow table faster than one dict per row (building, sending and
# converting them took 0.9 million instructions fewer per bench article, about 0.25 ms:
# valgrind). ``records`` gives them as rows.


@_prepared("entities")
def entity_columns(article: Article) -> Columns:
    entities = article.entities
    return {
        "article_id": [key(article)] * len(entities),
        "idx": list(range(len(entities))),
        "text": [e.text for e in entities],
        "type": [e.type for e in entities],
        "start": [e.start for e in entities],
        "end": [e.end for e in entities],
        "source": [e.source for e in entities],
    }


@_prepared("actors")
def actor_columns(article: Article) -> Columns:
    actors = article.actors
    return {
        "article_id": [key(article)] * len(actors),
        "idx": list(range(len(actors))),
        "name": [a.name for a in actors],
        "country": [a.country for a in actors],
        "sector": [a.sector for a in actors],
        "kind": [a.kind for a in actors],
        "role": [a.role for a in actors],
        "affiliation": [a.affiliation for a in actors],
        "mentions": [_plain_json(a.mentions) for a in actors],
        "known": [a.known for a in actors],
        "actor_id": [a.id for a in actors],
    }


@_prepared("quotes")
def quote_columns(article: Article) -> Columns:
    quotes = article.quotes
    n = len(quotes)
    return {
        "article_id": [key(article)] * n,
        "idx": list(range(n)),
        "text": [q.text for q in quotes],
        "start": [q.start for q in quotes],
        "end": [q.end for q in quotes],
        "direct": [q.direct for q in quotes],
        "speaker": [q.speaker for q in quotes],
        "speaker_name": [q.speaker_name for q in quotes],
        "cue": [q.cue for q in quotes],
        "speaker_start": [q.speaker_start for q in quotes],
        "speaker_end": [q.speaker_end for q in quotes],
        "role": [q.role for q in quotes],
        "affiliation": [q.affiliation for q in quotes],
        "outlet": [outlet_of(article)] * n,
        "published": [_date(article.published)] * n,
    }


def records(columns: Columns) -> list[Row]:
    """Columns as rows."""
    names = list(columns)
    values = zip(*columns.values(), strict=True)
    return [dict(zip(names, row, strict=True)) for row in values]


def joined(parts: Iterable[Columns], names: Iterable[str]) -> Columns:
    """The columns ``names`` of several articles' tables, one after the other."""
    parts = list(parts)
    return {name: list(chain.from_iterable(p[name] for p in parts)) for name in names}


def entity_rows(article: Article) -> list[Row]:
    return records(entity_columns(article))


def actor_rows(article: Article) -> list[Row]:
    return records(actor_columns(article))


def quote_rows(article: Article) -> list[Row]:
    return records(quote_columns(article))


@_prepared("event_mentions")
def mention_rows(article: Article) -> list[Row]:
    common = {
        "outlet": outlet_of(article),
        "published": _date(article.published),
        "url": article.url,
    }
    aid = key(article)
    return [_mention_row(aid, i, e, common) for i, e in enumerate(article.events)]


def _mention_row(aid: str, idx: int, event: Event, common: Row) -> Row:
    source, target = event.source, event.target
    source_key, target_key = event_keys(event)
    return {
        "id": f"{aid}:{idx}",
        "article_id": aid,
        "idx": idx,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source_id": source.id if source else None,
        "source_name": source.name if source else None,
        "source_country": source.country if source else None,
        "source_sector": source.sector if source else None,
        "target_id": target.id if target else None,
        "target_name": target.name if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "source_key": source_key,
        "target_key": target_key,
        "status": event.status,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "trigger": event.trigger,
        "attributed_to": _plain_json(flat(event.attributed_to) if event.attributed_to else None),
        "confirmed_by": _plain_json(flat(event.confirmed_by) if event.confirmed_by else None),
        "date": _date(event.date),
        "place": _plain_json(flat(event.place) if event.place else None),
        "evidence": _plain_json([flat(m) for m in event.mentions]),
        **common,
    }


# ``parse_date`` with its answers kept: rows of the same article (and of the same days)
# then share one date object, which a pickle sends once (a worker pickles the rows for
# the writer: 6% fewer bytes to pickle and unpickle; dates are immutable)
_date = lru_cache(maxsize=4096)(parse_date)


def error_row(result: Result, now: dt.datetime) -> Row:
    return {
        "id": error_id(result.source, result.stage, result.error),
        "source": result.source,
        "stage": result.stage,
        "message": result.error,
        "ingested_at": now,
    }
