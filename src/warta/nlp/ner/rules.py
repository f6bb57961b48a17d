"""A rule-based name recogniser for cased languages without a trained model (English).

Why rules: no openly licensed English NER corpus is available to the project, and the
packaged English models either download weights or come from mirrors of unclear
provenance. English marks proper names with capitals, so a run of capitalised words is
a name candidate, and a few cues from ``lang/<code>/ner_rules.toml`` decide its extent
and type:

- a capital that only opens the sentence ("Senior officials", "The talks") is dropped;
- titles before a name end the role phrase and start a person's name ("Foreign
  Minister Sergei Lavrov" -> PER "Sergei Lavrov");
- an organisation head ends or opens an organisation ("Defence Ministry", "Ministry of
  Foreign Affairs"), a place head a place ("Gaza Strip"), a place preposition before a
  name makes it a place ("in Vladivostok");
- an acronym is an organisation; two to four plain capitalised words are a person,
  unless a modified noun follows ("North Korean leader", "South Korean media").

A single capitalised word with no cue is left to the knowledge base's gazetteer, which
the entity stage combines with these spans (``warta.nlp.ner.combine``). The recogniser
has the tagger's interface: ``spans(words) -> [(type, first, end)]``.

Measured (``warta eval plover --data ../shared/data/plover``): of the 631 actor phrases
the PLOVER gold records mark in their sentences, 69.7% overlap an entity and 89.7% an
actor mention (the actor stage adds demonyms and role phrases). Known limits: a
capitalised phrase with no cue is typed PER ("Kyiv Independent"), and headlines in
title case are read as names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from warta.lang import LangPack

MAX_PERSON_WORDS = 4
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", ":", "-", "—", "–"})


@dataclass(frozen=True, slots=True)
class Cues:
    titles: frozenset[str]
    org_last: frozenset[str]
    org_first: frozenset[str]
    inner: frozenset[str]
    place_before: frozenset[str]
    place_last: frozenset[str]
    not_names: frozenset[str]
    dates: frozenset[str]
    modified: frozenset[str]

    @classmethod
    def from_pack(cls, pack: LangPack) -> Cues:
        data = pack.data("ner_rules")

        def words(section: str, key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data.get(section, {}).get(key, ()))

        return cls(
            titles=words("titles", "words"),
            org_last=words("organisations", "last"),
            org_first=words("organisations", "first_of"),
            inner=words("organisations", "inner"),
            place_before=words("places", "before"),
            place_last=words("places", "last"),
            not_names=words("not_names", "words"),
            dates=words("dates", "words"),
            modified=words("modifiers", "heads"),
        )


class RuleTagger:
    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    @classmethod
    def from_pack(cls, pack: LangPack) -> RuleTagger:
        return cls(Cues.from_pack(pack))

    def spans_many(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, int, int]]]:
        return [self.spans(words) for words in sentences]

    def spans(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        for i, j in self._runs(words):
            out += self._classify(words, i, j)
        return out

    def _runs(self, words: Sequence[str]) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        k = 0
        while k < len(words):
            if not self._capitalised(words[k]):
                k += 1
                continue
            end = k + 1
            while end < len(words):
                if self._capitalised(words[end]):
                    end += 1
                elif self._connects(words, end):
                    end += 2 if end + 1 < len(words) else 1
                else:
                    break
            runs.append((k, end))
            k = end
        return runs

    def _connects(self, words: Sequence[str], k: int) -> bool:
        """A lower-case particle inside a name: "Ministry of Defence", "Bashar al-Assad"."""
        low = words[k].lower()
        return low in self.cues.inner and k + 1 < len(words) and self._capitalised(words[k + 1])

    def _capitalised(self, word: str) -> bool:
        return _capitalised(word) and word.lower() not in self.cues.dates

    def _classify(self, words: Sequence[str], i: int, j: int) -> list[tuple[str, int, int]]:
        low = [w.lower() for w in words]
        if _sentence_start(words, i) and low[i] in self.cues.not_names:
            i += 1
        while i < j and low[i] in self.cues.inner:
            i += 1
        if i >= j:
            return []
        if all(w in self.cues.titles or w in self.cues.inner for w in low[i:j]):
            return []  # a title alone: "the Secretary of State said"
        if low[j - 1] in self.cues.org_last or self._org_opener(low, i, j):
            return [("ORG", i, j)]
        title = self._last_title(low, i, j)
        if title is not None and all(_plain_name(w) for w in words[title + 1 : j]):
            return self._person_after_title(words, title + 1, j)  # "Secretary of State X Y"
        if low[j - 1] in self.cues.place_last and j - i > 1:
            return [("LOC", i, j)]
        if title is not None:
            return self._person_after_title(words, title + 1, j)
        return self._untitled(words, low, i, j)

    def _org_opener(self, low: Sequence[str], i: int, j: int) -> bool:
        return j - i > 2 and low[i] in self.cues.org_first and low[i + 1] == "of"

    def _last_title(self, low: Sequence[str], i: int, j: int) -> int | None:
        found = None
        for k in range(i, j - 1):
            if low[k] in self.cues.titles:
                found = k
        return found

    def _person_after_title(
        self, words: Sequence[str], i: int, j: int
    ) -> list[tuple[str, int, int]]:
        name = [k for k in range(i, j) if words[k].lower() not in self.cues.inner]
        if not name or j - i > MAX_PERSON_WORDS:
            return []
        return [("PER", i, j)]

    def _untitled(
        self, words: Sequence[str], low: Sequence[str], i: int, j: int
    ) -> list[tuple[str, int, int]]:
        if self._after_place_preposition(low, i):
            return [("LOC", i, j)]
        if j - i == 1:
            return [("ORG", i, j)] if _acronym(words[i]) else []
        plain = all(_plain_name(w) or w.lower() in self.cues.inner for w in words[i:j])
        if plain and self._modifier(words, j):
            return []  # "North Korean leader": a nationality, not a person
        if plain and j - i <= MAX_PERSON_WORDS:
            return [("PER", i, j)]
        return [("ORG", i, j)]

    def _after_place_preposition(self, low: Sequence[str], i: int) -> bool:
        """ "in Vladivostok", "at the Vostochny Cosmodrome", "in Russia's Far East": the
        preposition may stand before an article or a possessive name."""
        k = i - 1
        if k >= 0 and low[k] == "the":
            k -= 1
        elif k >= 1 and low[k] in ("'s", "’s"):
            k -= 2
        return k >= 0 and low[k] in self.cues.place_before

    def _modifier(self, words: Sequence[str], j: int) -> bool:
        if j >= len(words) or not words[j].islower():
            return False
        return words[j] in self.cues.modified or words[j] in self.cues.titles


def _capitalised(word: str) -> bool:
    if not word or not word[0].isalpha():
        return False
    if word[0].isupper():
        return True
    # "al-Assad", "bin-Salman": a lower-case particle glued to a capitalised name
    parts = word.split("-")
    return len(parts) > 1 and parts[-1][:1].isupper()


def _sentence_start(words: Sequence[str], i: int) -> bool:
    return i == 0 or words[i - 1] in OPENERS or words[i - 1] in (".", "!", "?")


def _acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _plain_name(word: str) -> bool:
    core = word.replace("-", "").replace("'", "").replace(".", "")
    cased = word[:1].isupper() or _capitalised(word)
    return core.isalpha() and cased and not (word.isupper() and len(core) > 1)
