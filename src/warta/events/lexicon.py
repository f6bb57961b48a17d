"""Trigger families and argument words loaded from a language pack's ``events.toml``.

The TOML header in ``lang/id/events.toml`` documents the format. A ``Lexicon`` indexes
every trigger form by its first token so that matching a sentence costs one dict lookup
per token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from warta.errors import DataError
from warta.lang import LangPack

SLOTS = ("active", "passive", "intransitive", "noun")


@dataclass(frozen=True, slots=True)
class Family:
    """One trigger family: a type/mode and the frame its arguments follow."""

    type: str
    mode: str | None
    to: frozenset[str]
    place_is_target: bool
    possessor: str  # "agent" or "patient"
    with_words: tuple[tuple[str, ...], ...]
    with_window: int
    mutual: bool
    reach: bool
    departure: bool
    object_events: str  # "keep", "drop" or "planned"


@dataclass(frozen=True, slots=True)
class Form:
    """A trigger form: its tokens, the slot (voice or noun) and the family."""

    tokens: tuple[str, ...]
    slot: str
    family: Family
    rank: int  # family order in the file: earlier families are narrower


@dataclass(frozen=True, slots=True)
class ArgumentWords:
    prepositions: frozenset[str]
    place: frozenset[str]
    agent: frozenset[str]
    coordination: frozenset[str]
    list_articles: frozenset[str]  # before a listed member: "Britain and the United States"
    clause: frozenset[str]
    noun_window: int
    state_anaphors: tuple[tuple[str, ...], ...]
    pair_anaphors: tuple[tuple[str, ...], ...]
    leader_pair_anaphors: tuple[tuple[str, ...], ...]
    person_pronouns: frozenset[str]
    heads: frozenset[str]
    topic: frozenset[str]
    topic_window: int
    verb_prefixes: tuple[str, ...]
    frame_nouns: frozenset[str]
    not_events: dict[str, tuple[tuple[str, ...], ...]]  # by first word
    anaphor_starts: frozenset[str]
    party_pronouns: frozenset[str]
    owner: frozenset[str] = frozenset(("dari", "oleh"))  # "the attack by X"
    possessive: tuple[str, ...] = ()  # genitives before a noun: "'s", "his" (English)
    possessive_gap: int = 0
    infinitive: frozenset[str] = frozenset()  # English "to" before a verb
    # Nouns whose "di X" names where they are, not where the event is ("perang di Ukraina").
    place_owners: frozenset[str] = frozenset()
    open_nominals: bool = True  # any unprefixed lower-case word may sit in a noun phrase
    purpose: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    # word form -> "V" (verbal) or "N" (nominal), learned from treebanks (warta.nlp.chunk)
    classes: Mapping[str, str] = field(default_factory=dict)
    # Every word that may open an anaphor: anaphor_starts | person_pronouns | party_pronouns
    anaphor_words: frozenset[str] = frozenset()


class Lexicon:
    def __init__(self, data: dict[str, Any]) -> None:
        self.forms: dict[str, list[Form]] = {}
        for rank, entry in enumerate(data.get("event", [])):
            self._add_family(rank, entry)
        for forms in self.forms.values():
            # Longer phrases first, then narrower (earlier) families.
            forms.sort(key=lambda f: (-len(f.tokens), f.rank))
        self.first = frozenset(self.forms)
        # Every word a trigger can start with, with and without the clitic -nya.
        self.starts = self.first | frozenset(w + "nya" for w in self.first)
        light = data.get("light", {})
        self.light_active = frozenset(light.get("active", ()))
        self.light_passive = frozenset(light.get("passive", ()))
        self.light_receive = frozenset(light.get("receive", ()))
        self.light_governing = self.light_active | self.light_receive  # before their noun
        # Analytic passives (English "was attacked"): see matcher._voice.
        voice = data.get("voice", {})
        self.passive_auxiliaries = frozenset(voice.get("passive_auxiliaries", ()))
        self.adverb_gap = int(voice.get("adverb_gap", 0))
        self.words = _argument_words(data.get("arguments", {}))

    @classmethod
    def from_pack(cls, pack: LangPack) -> Lexicon:
        from warta.nlp.chunk import load_classes

        lexicon = cls(pack.data("events"))
        lexicon.words = replace(lexicon.words, classes=load_classes(pack.code))
        return lexicon

    def candidates(self, token: str) -> list[Form]:
        return self.forms.get(token, [])

    def may_start(self, word: str) -> bool:
        """Can a trigger start at this (lower-case) word, with or without -nya?"""
        return word in self.starts

    def _add_family(self, rank: int, entry: dict[str, Any]) -> None:
        if "type" not in entry:
            raise DataError(f"events.toml: event family #{rank + 1} has no type")
        family = Family(
            type=entry["type"],
            mode=entry.get("mode"),
            to=frozenset(entry.get("to", ())),
            place_is_target=bool(entry.get("place_is_target", False)),
            possessor=entry.get("possessor", "agent"),
            with_words=tuple(tuple(w.split()) for w in entry.get("with", ())),
            with_window=int(entry.get("with_window", 3)),
            mutual=bool(entry.get("mutual", False)),
            reach=bool(entry.get("reach", False)),
            departure=bool(entry.get("departure", False)),
            object_events=entry.get("object_events", "keep"),
        )
        for slot in SLOTS:
            for phrase in entry.get(slot, ()):
                tokens = tuple(phrase.lower().split())
                form = Form(tokens, slot, family, rank)
                self.forms.setdefault(tokens[0], []).append(form)


def _argument_words(data: dict[str, Any]) -> ArgumentWords:
    def words(key: str) -> frozenset[str]:
        return frozenset(data.get(key, ()))

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(a.split()) for a in data.get(key, ()))

    anaphor_starts = frozenset(
        p[0]
        for key in ("state_anaphors", "pair_anaphors", "leader_pair_anaphors")
        for p in phrases(key)
    )
    return ArgumentWords(
        prepositions=words("prepositions"),
        place=words("place"),
        place_owners=words("place_owners"),
        agent=words("agent"),
        coordination=words("coordination"),
        list_articles=words("list_articles"),
        clause=words("clause"),
        noun_window=int(data.get("noun_window", 3)),
        state_anaphors=phrases("state_anaphors"),
        pair_anaphors=phrases("pair_anaphors"),
        leader_pair_anaphors=phrases("leader_pair_anaphors"),
        person_pronouns=words("person_pronouns"),
        heads=words("heads"),
        topic=words("topic"),
        topic_window=int(data.get("topic_window", 6)),
        verb_prefixes=tuple(data.get("verb_prefixes", ())),
        frame_nouns=words("frame_nouns"),
        not_events=_by_first(phrases("not_events")),
        anaphor_starts=anaphor_starts,
        party_pronouns=words("party_pronouns"),
        anaphor_words=anaphor_starts | words("person_pronouns") | words("party_pronouns"),
        purpose=words("purpose"),
        object_control=words("object_control"),
        demonstratives=words("demonstratives"),
        owner=words("owner") or frozenset(("dari", "oleh")),
        possessive=tuple(data.get("possessive", ())),
        possessive_gap=int(data.get("possessive_gap", 0)),
        infinitive=words("infinitive"),
        open_nominals=bool(data.get("open_nominals", True)),
    )


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}
