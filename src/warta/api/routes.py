"""The read-only routes: thin views over ``Store`` (no SQL here), one page shape for lists."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, NoReturn

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError

from warta.api import models
from warta.api.backend import Backend
from warta.article import STATUSES
from warta.store.base import EventQuery

MAX_PAGE = 500  # a bigger page is capped: one request must not pull the whole database
_BIG = 2**31 - 1  # beyond this a number is a mistake, not a page

Limit = Annotated[int, Query(ge=1, le=_BIG, description=f"page size (capped at {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=_BIG, description="rows to skip")]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Actor = Annotated[
    str | None,
    Query(
        min_length=1, max_length=200, description="ISO 3166 alpha-3 country, IGO code or actor id"
    ),
]
Code = Annotated[
    str, Path(pattern=r"^[A-Za-z]{2,10}$", description="country or IGO code, e.g. RUS")
]
Id = Annotated[str, Path(min_length=1, max_length=200)]

router = APIRouter(prefix="/api")


def backend(request: Request) -> Backend:
    found: Backend = request.app.state.backend
    return found


Db = Annotated[Backend, Depends(backend)]  # the store behind its lock, and the pipeline


def event_query(
    request: Request,
    limit: Limit = 100,
    offset: Offset = 0,
    source: Actor = None,
    target: Actor = None,
    actor: Annotated[
        str | None, Query(min_length=1, max_length=200, description="either side")
    ] = None,
    type: Annotated[
        str | None, Query(max_length=40, description="PLOVER type (see /api/vocabulary)")
    ] = None,
    status: Status | None = None,
    since: Annotated[dt.date | None, Query(description="first day, YYYY-MM-DD")] = None,
    until: Annotated[dt.date | None, Query(description="last day, YYYY-MM-DD")] = None,
) -> EventQuery:
    """The filters of ``warta events``, checked: unknown types and reversed ranges are 422."""
    types = request.app.state.event_types
    if type is not None and types and type.upper() not in types:
        _invalid("type", type, f"unknown event type; one of {', '.join(types)}")
    if since and until and since > until:
        _invalid("until", str(until), "must not be before since")
    return EventQuery(
        source=source, target=target, actor=actor, type=type.upper() if type else None,
        status=status, since=_iso(since), until=_iso(until),
        limit=min(limit, MAX_PAGE) + 1, offset=offset,
    )  # fmt: skip


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _invalid(name: str, value: str, message: str) -> NoReturn:
    error = {"loc": ("query", name), "msg": message, "type": "value_error", "input": value}
    raise RequestValidationError([error])


def _page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """Rows fetched with one extra (``limit + 1``) tell whether another page exists."""
    size = min(limit, MAX_PAGE)
    more = len(rows) > size
    return {
        "items": rows[:size],
        "limit": size,
        "offset": offset,
        "next_offset": offset + size if more else None,
    }


def _found(row: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if row is None:
        raise HTTPException(status_code=404, detail=f"no {what} with id {key!r}")
    return row


@router.get("/articles", response_model=models.Page[models.ArticleSummary], tags=["articles"])
def list_articles(db: Db, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles, newest first."""
    rows = db.read(db.store.articles, limit=min(limit, MAX_PAGE) + 1, offset=offset)
    return _page(rows, limit, offset)


@router.get(
    "/articles/{article_id}",
    response_model=models.ArticleDetail,
    responses={404: {"description": "no such article"}},
    tags=["articles"],
)
def get_article(db: Db, article_id: Id) -> dict[str, Any]:
    """One article: clean text, removed boilerplate, entities, actors, quotes, events."""
    return _found(db.read(db.store.article, article_id), "article", article_id)


@router.get("/events", response_model=models.Page[models.EventOut], tags=["events"])
def list_events(db: Db, query: Annotated[EventQuery, Depends(event_query)]) -> dict[str, Any]:
    """Events clustered across articles, newest first, filtered as `warta events` filters them."""
    rows = db.read(db.store.events, query)
    return _page(rows, query.limit - 1, query.offset)


@router.get(
    "/events/{event_id}",
    response_model=models.EventDetail,
    responses={404: {"description": "no such event"}},
    tags=["events"],
)
def get_event(db: Db, event_id: Id) -> dict[str, Any]:
    """One event with every mention: the article, the sentence and the trigger offsets."""
    return _found(db.read(db.store.event, event_id), "event", event_id)


@router.get("/actors", response_model=models.Page[models.ActorSummary], tags=["actors"])
def list_actors(
    db: Db,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="name part or id")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors seen in the stored articles, the most reported first."""
    rows = db.read(db.store.actors, query=q, limit=min(limit, MAX_PAGE) + 1, offset=offset)
    return _page(rows, limit, offset)


@router.get("/quotes", response_model=models.Page[models.QuoteOut], tags=["quotes"])
def list_quotes(
    db: Db,
    speaker: Annotated[
        str | None, Query(min_length=1, max_length=200, description="actor id or name part")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Direct and indirect quotes with their resolved speakers, newest first."""
    rows = db.read(db.store.quotes, speaker=speaker, limit=min(limit, MAX_PAGE) + 1, offset=offset)
    return _page(rows, limit, offset)


@router.get("/dyads/{a}/{b}", response_model=models.Dyad, tags=["events"])
def get_dyad(
    db: Db,
    a: Code,
    b: Code,
    freq: Literal["day", "week", "month", "quarter", "year"] = "week",
) -> dict[str, Any]:
    """The relationship between two countries over time: events per period by QuadClass
    (cooperation 1-2, conflict 3-4) and mean Goldstein score, both directions."""
    periods = db.read(db.store.dyad, a.upper(), b.upper(), freq=freq)
    return {"a": a.upper(), "b": b.upper(), "freq": freq, "periods": periods}


@router.get("/vocabulary", response_model=models.Vocabulary, tags=["meta"])
def vocabulary(request: Request) -> dict[str, Any]:
    """Statuses and event types the filters accept (for building forms)."""
    return {"statuses": list(STATUSES), "types": request.app.state.vocabulary}


@router.get("/stats", response_model=dict[str, int], tags=["meta"])
def stats(db: Db) -> dict[str, int]:
    """Row counts per table."""
    return db.read(db.store.stats)
