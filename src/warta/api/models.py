"""Response and request bodies: the OpenAPI schema's documentation of what the store returns.

The shapes follow the store's rows (``warta.store.base``) and ``Article.to_dict``; models
allow extra fields so a column the store adds later reaches clients before it is described.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int = Field(description="page size actually used (requests above the cap are capped)")
    offset: int
    next_offset: int | None = None


class ActorRef(_Open):
    id: str | None = None
    name: str
    country: str | None = None
    sector: str | None = None


class Place(_Open):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


class Evidence(_Open):
    """One sentence behind an event: offsets into the article's clean text."""

    start: int
    end: int
    trigger_start: int
    trigger_end: int
    status: str


class StatusChange(_Open):
    status: str
    date: str | None = None
    article: str | None = None


class EventOut(_Open):
    """An event clustered across articles: one row per who-did-what-to-whom-when."""

    id: str
    type: str = Field(description="PLOVER event type, e.g. CONSULT")
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = Field(
        None, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"
    )
    goldstein: float | None = None
    status: str = Field(
        description="occurred, planned, reported, suspected, denied, negated or hypothetical"
    )
    status_history: list[StatusChange] | None = None
    source_id: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_id: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    place_name: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    source_url: str | None = None


class EventMentionOut(_Open):
    """One article's report of an event, with the sentence and trigger as evidence."""

    id: str
    article_id: str
    title: str | None = None
    event_id: str | None = None
    status: str
    sentence: str
    start: int
    end: int
    trigger: str | None = None
    date: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    attributed_to: ActorRef | None = None
    confirmed_by: ActorRef | None = None
    place: Place | None = None
    evidence: list[Evidence] | None = None


class EventDetail(EventOut):
    mentions: list[EventMentionOut]


class ArticleSummary(_Open):
    id: str
    url: str | None = None
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    duplicate_of: str | None = None
    num_events: int | None = None


class Sentence(_Open):
    start: int
    end: int
    paragraph: int = 0


class Removed(_Open):
    text: str
    kind: str


class Entity(_Open):
    text: str
    type: str
    start: int
    end: int
    source: str | None = None


class Actor(_Open):
    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    role: str | None = None
    affiliation: str | None = None
    mentions: list[tuple[int, int]] = []
    known: bool | None = None


class Quote(_Open):
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_name: str | None = None
    cue: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    role: str | None = None
    affiliation: str | None = None


class ArticleEvent(_Open):
    """An event as coded in one article (``event_id`` links to its cluster when stored)."""

    type: str
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    status: str
    sentence: str
    start: int
    end: int
    trigger: str | None = None
    attributed_to: ActorRef | None = None
    confirmed_by: ActorRef | None = None
    date: str | None = None
    place: Place | None = None
    mentions: list[Evidence] = []
    event_id: str | None = None


class ArticleDetail(_Open):
    """An analysed article: the clean text and every record with offsets into it."""

    id: str
    url: str | None = None
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    dateline_place: str | None = None
    text: str
    removed: list[Removed] = []
    paragraphs: list[tuple[int, int]] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    actors: list[Actor] = []
    quotes: list[Quote] = []
    events: list[ArticleEvent] = []


class Analysis(ArticleDetail):
    stored: bool = Field(False, description="true when the article was written to the database")


class ActorSummary(_Open):
    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    num_articles: int | None = None


class QuoteOut(Quote):
    article_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


class DyadPeriod(_Open):
    """Events between the two countries in one period, by QuadClass."""

    period: str
    events: int
    a_to_b: int
    b_to_a: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_goldstein: float | None = None
    articles: int | None = None


class Dyad(BaseModel):
    a: str
    b: str
    freq: str
    periods: list[DyadPeriod]


class EventType(BaseModel):
    type: str
    quad_class: int | None = None
    modes: list[str] = []


class Vocabulary(BaseModel):
    """The values the event filters accept."""

    statuses: list[str]
    types: list[EventType]


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=2_000_000, description="article text or HTML")
    published: dt.date | None = Field(None, description="publication date when the text has none")
    url: str | None = Field(None, max_length=2000)
    store: bool = Field(
        False, description="also write it to the database (needs --allow-ingest and the token)"
    )
