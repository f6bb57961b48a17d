"""The knowledge base: who and what a phrase denotes on a date.

Every alias (countries, their short forms and demonyms, capitals and seats of government,
organisations, people) is indexed under its normal form (``normalise.norm``). A phrase that
is no alias is tried as a role phrase: a role noun from the language packs plus a place or
body ("Menlu Rusia", "Russian President", "juru bicara Kremlin", "Sekjen PBB"), resolved to
whoever held that role there on the date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain
from typing import Any

from warta.knowledge import loader, phrases
from warta.knowledge.normalise import as_date, norm
from warta.knowledge.phrases import PhraseIndex
from warta.knowledge.records import (
    Country,
    Metonym,
    Organisation,
    Person,
    Resolution,
    Tenure,
)
from warta.knowledge.roles import Role, RoleLexicon, RoleSplit, load_roles

MEMO_SIZE = 100_000
_MISSING = object()
LATEST = "9999-12-30"  # "no date" means now: whoever holds a role with no end yet
STATE_NOUNS = ("country", "org", "metonym", "demonym")
# When one alias names several things, a person beats an organisation beats a country.
PRIORITY = {"person": 0, "org": 1, "country": 2, "metonym": 3, "demonym": 4}


@dataclass(frozen=True, slots=True)
class Hit:
    """What one alias points to: kind is person, org, country, metonym or demonym."""

    kind: str
    ref: str  # person id, org id or country code
    lang: str = "*"
    metonym: Metonym | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """The place or body part of a role phrase: a country, maybe an institution or org."""

    country: str | None
    institution: str | None = None
    org: Organisation | None = None


class Knowledge:
    def __init__(
        self,
        *,
        countries: Iterable[Country],
        organisations: Iterable[Organisation],
        people: Iterable[Person],
        metonyms: Iterable[Metonym],
        lexicon: RoleLexicon,
        institutions: dict[str, str] | None = None,
    ) -> None:
        self.countries = {c.code: c for c in countries}
        self.organisations = {o.id: o for o in organisations}
        self.people = {p.id: p for p in people}
        self.metonyms = {norm(m.alias): m for m in metonyms}
        self.lexicon = lexicon
        # metonym institution -> sector; a base built from parts gets the shipped table
        if institutions is None:
            institutions = loader.read_toml("institutions.toml")
        self.institutions = institutions
        self.roles: dict[str, Role] = lexicon.roles
        self.aliases: dict[str, tuple[Hit, ...]] = {}
        self._holders: dict[tuple[str, str], list[Tenure]] = {}
        self._memo: dict[tuple[str, str | None], Resolution | None] = {}
        self.alias_sizes: dict[str, list[int]] = {}  # first word -> word counts of aliases
        self.longest_alias = 0  # in words
        self._index()

    @classmethod
    def load(cls) -> Knowledge:
        """The shipped knowledge base, read once per process."""
        return _load_shipped()

    # -- public queries -------------------------------------------------------------

    def lookup(self, phrase: str, date: str | None = None) -> Resolution | None:
        """What ``phrase`` denotes on ``date`` (ISO; None means now), or None. News repeats
        the same names all day, so answers are remembered (records are immutable)."""
        memo_key = (phrase, date)
        found = self._memo.get(memo_key, _MISSING)
        if found is _MISSING:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[memo_key] = self.resolve(phrase, date)
        return found  # type: ignore[return-value]

    def resolve(self, phrase: str, date: str | None = None) -> Resolution | None:
        """``lookup`` without the memo."""
        key = norm(phrase)
        day = as_date(date) or LATEST
        hits = self.aliases.get(key)
        if hits:
            return self.resolve_hit(self._best(hits, day), day)
        words = key.split()
        return self.resolve_role_phrase(words, day) if words else None

    def hits(self, phrase: str) -> tuple[Hit, ...]:
        return self.aliases.get(norm(phrase), ())

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def person(self, person_id: str) -> Person | None:
        return self.people.get(person_id)

    def organisation(self, org_id: str) -> Organisation | None:
        return self.organisations.get(org_id)

    def metonym(self, alias: str) -> Metonym | None:
        """The state institution a place name can stand for (Kremlin, Moskow, Gedung Putih)."""
        return self.metonyms.get(norm(alias))

    def is_metonym(self, alias: str) -> bool:
        return norm(alias) in self.metonyms

    def holder(self, role: str, country: str, date: str | None = None) -> Tenure | None:
        """The tenure of whoever held ``role`` in ``country`` on ``date`` (latest start wins
        on a handover day)."""
        day = as_date(date) or LATEST
        best: Tenure | None = None
        for tenure in self._holders.get((role, country), ()):
            if tenure.start <= day <= tenure.end and (best is None or tenure.start > best.start):
                best = tenure
        return best

    def gazetteer_entries(self) -> Iterator[tuple[str, str]]:
        """(alias, PER/ORG/LOC) for a name gazetteer, in their written case. Short
        all-capital aliases (AS, US, RI) should be matched case-sensitively."""
        for country in self.countries.values():
            for alias, _ in country.aliases:
                yield alias, "LOC"
            for capital in {country.capital, country.capital_id} - {None}:
                yield str(capital), "LOC"
        for metonym in self.metonyms.values():
            yield metonym.alias, "ORG" if metonym.seat else "LOC"
        for org in self.organisations.values():
            for alias, _ in org.aliases:
                yield alias, "ORG"
        for person in self.people.values():
            yield person.name, "PER"
            for alias in person.aliases:
                yield alias, "PER"

    # -- resolution -----------------------------------------------------------------

    def resolve_hit(self, hit: Hit, day: str) -> Resolution:
        if hit.kind == "person":
            return self.resolve_person(self.people[hit.ref], day)
        if hit.kind == "org":
            return self._org_resolution(self.organisations[hit.ref])
        why = "country name"
        if hit.metonym is not None:
            why = f"{hit.metonym.alias} stands for the {hit.metonym.institution} of {hit.ref}"
            sector = self.institutions.get(hit.metonym.institution)
            if sector is not None:
                return self.body(hit.ref, sector, why)
        elif hit.kind == "demonym":
            why = "demonym"
        return self.state(hit.ref, why)

    def body(self, code: str, sector: str, why: str = "") -> Resolution:
        """A state's body outside the government proper: ``ISR:MIL``, ``USA:LEG``."""
        country = self.countries.get(code)
        name = f"{country.name if country else code} ({sector})"
        return Resolution(f"{code}:{sector}", name, code, sector, "organisation", why=why)

    def state(self, code: str, why: str = "country") -> Resolution:
        country = self.countries.get(code)
        name = country.name if country else code
        return Resolution(code, name, code, "GOV", "state", why=why)

    def resolve_person(self, person: Person, day: str, why: str = "") -> Resolution:
        tenure = self._tenure_on(person, day)
        if tenure is not None:
            why = why or f"{person.name}: {tenure.role} of {tenure.country} {_span(tenure)}"
            return Resolution(
                person.id,
                person.name,
                tenure.country,
                tenure.sector,
                "person",
                tenure.role,
                why=why,
            )
        last = _last_before(person.tenures, day)
        # Out of office: still the same politician, now outside the government.
        sector = "POL" if last.sector == "GOV" else last.sector
        why = why or f"{person.name}: not in office on {_day(day)} (was {last.role} {_span(last)})"
        return Resolution(person.id, person.name, last.country, sector, "person", None, why=why)

    def resolve_role_phrase(self, words: Sequence[str], day: str) -> Resolution | None:
        split = self.lexicon.split(words)
        if split is None:
            return None
        if split.before:
            place = self.place(split.before)
            if place is None:
                return None
            rest: Sequence[str] = split.after
        else:
            place, rest = self.place_after(split.after)
        if rest and rest[0] in self.lexicon.hosts:
            rest = ()  # "Dubes Rusia untuk Indonesia": the host country is not the envoy's
        if rest:
            person = self._person_by_words(rest)
            if person is not None:
                return self.resolve_person(person, day)
            if place is not None:
                return None  # "Presiden Rusia Ivan Ivanov": a name the base does not know
        return self.resolve_role(split, place, day, affiliation=" ".join(rest) or None)

    def resolve_role(
        self, split: RoleSplit, place: Place | None, day: str, affiliation: str | None = None
    ) -> Resolution:
        role = self._specific_role(split.role, place)
        country = place.country if place else None
        if place and place.org:
            affiliation = place.org.name
        # "juru bicara Pentagon" is not the White House's: a body with its own sector
        # has its own officers, whom the base does not list.
        own_body = place is not None and place.institution in self.institutions
        if country and not split.former and not own_body and self.roles[role].holder:
            tenure = self.holder(role, country, day)
            if tenure is not None:
                person = self.people[tenure.person]
                why = f"{role} of {country} on {_day(day)}: {person.name} {_span(tenure)}"
                return self.resolve_person(person, day, why)
        sector = self._sector(role, place)
        why = f"{role}" + (f" of {country}" if country else "") + ": holder not known"
        return Resolution(
            None, None, country, sector, "person", role, affiliation, why=why, known=False
        )

    def place(self, words: Sequence[str]) -> Place | None:
        hits = self.aliases.get(" ".join(words))
        if not hits:
            return None
        hit = hits[0]
        if hit.kind == "person":
            return None
        if hit.kind == "org":
            org = self.organisations[hit.ref]
            return Place(org.country, None, org)
        institution = hit.metonym.institution if hit.metonym else None
        return Place(hit.ref, institution)

    def longest_place(self, words: Sequence[str]) -> tuple[Place | None, Sequence[str]]:
        if words and words[0] in self.lexicon.determiners:
            words = words[1:]
        if not words:
            return None, words
        for size in self.alias_sizes.get(words[0], ()):
            if size <= len(words):
                place = self.place(words[:size])
                if place is not None:
                    return place, words[size:]
        return None, words

    def place_after(self, words: Sequence[str]) -> tuple[Place | None, Sequence[str]]:
        """The place a role belongs to, in the words after the role noun: right after it
        ("Menlu Rusia …") or after a linking word ("ahli kepemimpinan Korea Utara di
        Stimson Center": Korea Utara is the field, Stimson Center the employer)."""
        body = self.lexicon.collective_at(words, 0) if words else None
        if body is not None:  # "juru bicara militer Houthi": the body, then its owner
            place, rest = self.longest_place(words[body[1] :])
            if place is not None:
                return place, rest
        for i, word in enumerate(words):
            if word in self.lexicon.links and i + 1 < len(words):
                place, rest = self.longest_place(words[i + 1 :])
                if place is not None and not rest:
                    return place, ()
        return self.longest_place(words)

    def role(self, name: str) -> Role | None:
        return self.roles.get(name)

    @cached_property
    def phrases(self) -> PhraseIndex:
        """Every alias, role noun, collective noun and plural word, for finding where
        they start in an article (built on first use: the tagger-only tools never ask)."""
        lexicon = self.lexicon
        return PhraseIndex(
            chain(
                ((key, phrases.ALIAS) for key in self.aliases),
                ((noun, phrases.ROLE) for noun in lexicon.nouns),
                ((noun, phrases.COLLECTIVE) for noun in lexicon.collectives),
                ((word, phrases.PLURAL) for word in lexicon.plural),
            )
        )

    # -- internals --------------------------------------------------------------------

    def _specific_role(self, role: str, place: Place | None) -> str:
        if place is None:
            return role
        if role == "leader":
            if place.org is not None and place.org.kind == "group":
                return "rebel_leader"
            country = self.countries.get(place.country or "")
            return country.leader if country else "head_of_state"
        if role == "spokesperson" and place.institution == "foreign_ministry":
            return "fm_spokesperson"
        return role

    def _sector(self, role: str, place: Place | None) -> str:
        sector = self.roles[role].sector
        if place and place.org and sector in ("GOV", "MIL"):
            return place.org.sector  # a spokesperson of Hamas speaks for an armed group
        if place and place.institution in self.institutions:
            return self.institutions[place.institution]
        return sector

    def _best(self, hits: tuple[Hit, ...], day: str) -> Hit:
        """Among people sharing an alias, the one in office on the day, else the first."""
        if len(hits) > 1 and hits[1].kind == "person":
            for hit in hits:
                if hit.kind == "person" and self._tenure_on(self.people[hit.ref], day):
                    return hit
        return hits[0]

    def _org_resolution(self, org: Organisation) -> Resolution:
        kind = "group" if org.kind == "group" else "organisation"
        return Resolution(org.id, org.name, org.country, org.sector, kind, why=f"{org.kind}")

    def _person_by_words(self, words: Sequence[str]) -> Person | None:
        for hit in self.aliases.get(" ".join(words), ()):
            if hit.kind == "person":
                return self.people[hit.ref]
        return None

    def _tenure_on(self, person: Person, day: str) -> Tenure | None:
        held = [t for t in person.tenures if t.start <= day <= t.end]
        return min(held, key=lambda t: self.roles[t.role].rank) if held else None

    def _index(self) -> None:
        index: dict[str, list[Hit]] = {}
        seen: set[tuple[str, str, str]] = set()

        def _add(alias: str, hit: Hit) -> None:
            key = norm(alias)
            if key and (key, hit.kind, hit.ref) not in seen:
                seen.add((key, hit.kind, hit.ref))
                index.setdefault(key, []).append(hit)

        for country in self.countries.values():
            for alias, lang in country.aliases:
                _add(alias, Hit("country", country.code, lang))
            for demonym in country.demonyms:
                _add(demonym, Hit("demonym", country.code, "en"))
        for key, metonym in self.metonyms.items():
            _add(key, Hit("metonym", metonym.country, "*", metonym))
        for org in self.organisations.values():
            for alias, lang in org.aliases:
                _add(alias, Hit("org", org.id, lang))
        for person in self.people.values():
            for alias in (person.name, *person.aliases):
                _add(alias, Hit("person", person.id))
            for tenure in person.tenures:
                self._holders.setdefault((tenure.role, tenure.country), []).append(tenure)
        self.aliases = {
            key: tuple(sorted(hits, key=lambda h: PRIORITY[h.kind])) for key, hits in index.items()
        }
        sizes: dict[str, set[int]] = {}
        for key in self.aliases:
            words = key.split()
            if words:
                sizes.setdefault(words[0], set()).add(len(words))
        self.alias_sizes = {word: sorted(n, reverse=True) for word, n in sizes.items()}
        self.longest_alias = max((n[0] for n in self.alias_sizes.values()), default=0)

    def stats(self) -> dict[str, Any]:
        from warta.knowledge.stats import coverage

        return coverage(self)


def _last_before(tenures: Sequence[Tenure], day: str) -> Tenure:
    before = [t for t in tenures if t.start <= day]
    return max(before, key=lambda t: t.end) if before else tenures[0]


def _span(tenure: Tenure) -> str:
    end = "" if tenure.end == loader.OPEN_END else tenure.end
    return f"({tenure.start} – {end})".replace(" )", ")")


def _day(day: str) -> str:
    return "today" if day == LATEST else day


@cache
def _load_shipped() -> Knowledge:
    from warta.lang import load_pack

    roles = load_roles(loader.read_toml("roles.toml"))
    # Malay's pack extends Indonesian's (kerajaan, jurucakap), so it brings both.
    packs = [{**load_pack(code).data("roles"), "_code": code} for code in ("id", "ms", "en")]
    return Knowledge(
        countries=loader.load_countries(),
        organisations=loader.load_organisations(),
        people=loader.load_people({name: role.sector for name, role in roles.items()}),
        metonyms=loader.load_metonyms(),
        lexicon=RoleLexicon(roles, packs),
        institutions=loader.read_toml("institutions.toml"),
    )
