"""The Article that flows through the pipeline, and the small frozen records stages add to it.

Every record points into ``Article.text`` (the cleaned body) by character offsets
``start``/``end`` (end exclusive), so ``article.text[r.start:r.end]`` is its evidence.
One dict shape (``to_dict``/``from_dict``) serves JSON output, the store, the API and
the runners.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

STATUSES = ("occurred", "planned", "reported", "suspected", "denied", "negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Removed:
    """A block the cleaner dropped (kept so a reader can show it collapsed)."""

    text: str
    kind: str  # promo, related, comments, credit, share, pagination, headline, dateline, title


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    type: str  # PER, ORG, LOC, EVT, ...
    start: int
    end: int
    source: str = "model"  # model, gazetteer, both


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor with every mention of it in the article."""

    id: str
    name: str
    country: str | None  # ISO 3166 alpha-3, an IGO code, or None
    sector: str | None  # GOV, MIL, MED, ...; None when unknown
    kind: str = "person"  # person, state, organisation, group
    role: str | None = None
    affiliation: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    known: bool = False  # True when the knowledge base has this actor


@dataclass(frozen=True, slots=True)
class ActorRef:
    """How an event or quote names an actor: enough to code the event without a join."""

    name: str
    country: str | None
    sector: str | None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    cue: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date the text names ("13 September 2023", "hari Senin", "pekan lalu"), resolved
    against the publication date; ``date`` has the precision the text gives."""

    text: str
    start: int
    end: int
    date: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One piece of evidence for an event: the sentence and the trigger inside it."""

    start: int  # sentence start
    end: int  # sentence end
    trigger_start: int
    trigger_end: int
    status: str


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # PLOVER category, e.g. CONSULT
    mode: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    source: ActorRef | None
    target: ActorRef | None
    status: str
    sentence: str
    start: int
    end: int
    trigger: str = ""
    attributed_to: ActorRef | None = None
    confirmed_by: ActorRef | None = None
    date: str | None = None  # ISO date
    place: Place | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass
class Article:
    """Mutable container (like spaCy's Doc): stages fill its fields in order."""

    raw: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date, given or found in the text
    dateline_place: str | None = None
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return article_id(self.text or self.raw, self.url)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping [start, end), the tightest one first."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            for m_start, m_end in actor.mentions:
                if m_start < end and start < m_end:
                    size = m_end - m_start
                    if best is None or size < best[0]:
                        best = (size, actor)
        return best[1] if best else None

    def to_dict(self, *, include_raw: bool = False) -> dict[str, Any]:
        data = to_dict(self)
        data["id"] = self.id
        if not include_raw:
            data.pop("raw")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = {k: v for k, v in data.items() if k != "id"}
        data.setdefault("raw", data.get("text", ""))
        return from_dict(cls, data)


def slot_setters(cls: type) -> tuple[Any, ...]:
    """The slot descriptors' setters of a slotted dataclass's fields, in field order: they
    fill a frozen record made with ``object.__new__`` in a fraction of the time its
    ``__init__`` takes (through ``object.__setattr__``; see ``nlp.segment``,
    ``events.build``)."""
    return tuple(cls.__dict__[f.name].__set__ for f in dataclasses.fields(cls))


def parse_date(value: str | None) -> dt.date | None:
    """The full date an ISO string starts with ("2023-09-11", "2023-09-11T08:00+07:00"),
    or None (also for partial dates such as "2023-09" or "2011")."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_id(text: str, url: str | None = None) -> str:
    """Stable id: a hash of the whitespace-normalised, case-folded text (and URL)."""
    # split/join: the same as replacing each run of white space by one space and stripping
    # the ends (str.split and the regex "\\s" know the same white space), 3x faster
    norm = " ".join(text.split()).casefold()
    digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=10)
    if url:
        digest.update(b"\0" + url.strip().encode("utf-8"))
    return digest.hexdigest()


def to_dict(record: Any) -> Any:
    """Records to plain JSON-able values (tuples become lists)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """The inverse of ``to_dict`` for any record class, guided by its type hints."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_dict(hint, value)  # type: ignore[arg-type]
    if origin is list:
        return [_convert(args[0], v) for v in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    return value
