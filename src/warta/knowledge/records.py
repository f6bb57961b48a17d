"""Frozen records of the knowledge base: countries, organisations, people and their
dated tenures, place metonyms, and the Resolution a lookup returns."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_END = "9999-12-31"


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166 alpha-3
    name: str  # English short name
    name_id: str  # Indonesian name
    aliases: tuple[tuple[str, str], ...]  # (alias, language: "en", "id" or "*")
    demonyms: tuple[str, ...]  # English adjectives and nouns: Russian, Russians
    capital: str | None
    capital_id: str | None
    lat: float | None
    lon: float | None
    leader: str  # the role whose holder "the leader of X" means: president, prime_minister...

    @property
    def id(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str  # "org:nato"
    name: str
    kind: str  # igo, media, group, thinktank, party, agency, company
    country: str | None  # ISO alpha-3 of its base, or its own IGO code
    sector: str
    aliases: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Tenure:
    """One person holding one role in one country over [start, end] (ISO dates)."""

    person: str  # person id
    country: str
    role: str
    sector: str
    start: str
    end: str

    def holds_on(self, date: str) -> bool:
        return self.start <= date <= self.end


@dataclass(frozen=True, slots=True)
class Person:
    id: str  # "person:vladimir-putin"
    name: str
    aliases: tuple[str, ...]
    tenures: tuple[Tenure, ...]  # oldest first


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place name that can stand for a state or one of its institutions
    ("Kremlin" for the Russian presidency, "Washington" for the US government)."""

    alias: str
    country: str
    institution: str  # government, presidency, foreign_ministry, defence_ministry, ...
    seat: bool  # True for buildings and compounds (Kremlin), False for capital cities


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a phrase denotes on a date, and why. ``id`` is None for a role phrase whose
    holder the knowledge base does not know ("Presiden Mali", "seorang analis")."""

    id: str | None
    name: str | None
    country: str | None
    sector: str | None
    kind: str  # person, state, organisation, group
    role: str | None = None
    affiliation: str | None = None
    why: str = ""
    known: bool = True
