"""Status, confirmation and attribution of one trigger, from cues in its clause.

The cues are data (``lang/<code>/status.toml``, format in its header). The scope of a
cue is the trigger's clause: from the clause break before the trigger to the one after
it. A complement clause ("... bahwa <event>") also sees its matrix's governing cues
("spekulasi bahwa", "membantah bahwa"); a purpose clause ("untuk <event>") sees every
cue of its matrix. When several statuses are cued, the strongest (``[order]``) wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from warta.article import Actor
from warta.events.matcher import Trigger
from warta.events.roles import Roles
from warta.events.sentence import View
from warta.lang import LangPack

DEFAULT = "occurred"
TAG_WINDOW = 3  # words between a speech tag ("kata", "menurut") and its speaker
TAIL_WINDOW = 6  # words of a speaker phrase before its tag ("the Russian defence ministry said")


@dataclass(slots=True)
class Clause:  # not frozen, for speed: see sentence.Span
    start: int
    end: int
    opener: str | None  # the break word that opens it ("bahwa", "untuk", ...)


class CueSet:
    """Phrases (token tuples) mapped to a status, indexed by first token."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(self, phrase: str, status: str) -> None:
        tokens = tuple(phrase.lower().split())
        self._index.setdefault(tokens[0], []).append((tokens, status))
        self._index[tokens[0]].sort(key=lambda p: -len(p[0]))

    def find(self, low: list[str], start: int, end: int, ignore: CueSet | None = None) -> set[str]:
        found: set[str] = set()
        index = self._index
        if index.keys().isdisjoint(low[start:end]):
            return found  # no cue word in the range (three in four calls): skip the walk
        skip = ignore._index if ignore else {}
        k = start
        while k < end:  # a hot loop: most words start no phrase, test that first
            word = low[k]
            if word in skip:
                hit = ignore._at(low, k, end) if ignore else None
                if hit is not None:
                    k += len(hit[0])
                    continue
            if word in index:
                hit = self._at(low, k, end)
                if hit is not None:
                    found.add(hit[1])
            k += 1
        return found

    def _at(self, low: list[str], k: int, end: int) -> tuple[tuple[str, ...], str] | None:
        for tokens, status in self._index.get(low[k], ()):
            if k + len(tokens) <= end and tuple(low[k : k + len(tokens)]) == tokens:
                return tokens, status
        return None


class StatusCues:
    def __init__(self, data: dict[str, Any]) -> None:
        self.order: list[str] = data["order"]["strongest_first"]
        self.before, self.anywhere, self.governing = CueSet(), CueSet(), CueSet()
        self.ignore = CueSet()
        for status in self.order:
            entry = data.get(status, {})
            for key, cues in (("before", self.before), ("anywhere", self.anywhere)):
                for phrase in entry.get(key, ()):
                    cues.add(phrase, status)
            for phrase in entry.get("governing", ()):
                self.governing.add(phrase, status)
        for phrase in data.get("ignore", {}).get("phrases", ()):
            self.ignore.add(phrase, "")
        hypothetical = data.get("hypothetical", {})
        self.question = frozenset(hypothetical.get("question", ()))
        self.consequent_modals = frozenset(hypothetical.get("consequent_modals", ()))
        self.reported_future = CueSet()
        for phrase in hypothetical.get("reported_future", ()):
            self.reported_future.add(phrase, "hypothetical")
        self.conditional = frozenset(hypothetical.get("governing", ()))
        scope = data.get("scope", {})
        self.complement = frozenset(scope.get("complement", ()))
        self.purpose = frozenset(scope.get("purpose", ()))
        self.setting_verbs = frozenset(scope.get("setting_verbs", ()))
        self.setting_markers = frozenset(scope.get("setting_markers", ()))
        self.setting_heads = frozenset(scope.get("setting_heads", ()))
        self.confirm = frozenset(data.get("confirm", {}).get("verbs", ()))
        attribution = data.get("attribution", {})
        self.according = frozenset(attribution.get("according", ()))
        self.postposed = frozenset(attribution.get("postposed", ()))
        self.speech = frozenset(attribution.get("speech", ()))
        self.tags = self.according | self.postposed
        self.reporting = self.tags | self.speech
        self.sources = tuple(tuple(s.split()) for s in attribution.get("sources", ()))
        self.source_window = int(attribution.get("source_window", 6))
        self.source_starts = frozenset(p[0] for p in self.sources)

    @classmethod
    def from_pack(cls, pack: LangPack) -> StatusCues:
        return cls(pack.data("status"))

    # -- status --------------------------------------------------------------------------

    def status(
        self,
        view: View,
        trigger: Trigger,
        others: list[int] | None = None,
        clause: Clause | None = None,  # clause_of(view, trigger.i), when the caller has it
    ) -> str:
        clause = self._clause(view, trigger.i, clause)
        head = trigger.light if trigger.light is not None else trigger.i
        head = min(head, trigger.i)
        # A noun has no modal slot of its own: the predicate it is an argument of carries
        # the cues, before or after it ("Kunjungan Kim ... akan berlangsung", "dibatalkan").
        last = clause.end if trigger.slot == "noun" else head
        # A time adverb after the trigger belongs to the nearest event before it.
        later = [k for k in (others or ()) if trigger.j <= k < clause.end]
        reach = min(later) if later else clause.end
        start = clause.start - 1 if clause.opener in self.complement else clause.start
        found = self.before.find(view.low, start, last, self.ignore)
        if self.reported_future.find(view.low, start, last, self.ignore):
            found.add("planned" if self._reported(view) else "hypothetical")
        found |= self.anywhere.find(view.low, clause.start, reach, self.ignore)
        found |= self._matrix(view, clause)
        found |= self._consequent(view, clause, head)
        if trigger.intended:
            found.add("planned")
        if "suspected" in found and self._guesses_setting(view, clause, trigger):
            found.discard("suspected")
        if not self.question.isdisjoint(view.low[clause.start :]):
            found.add("hypothetical")
        for status in self.order:
            if status in found:
                return status
        return DEFAULT

    def _guesses_setting(self, view: View, clause: Clause, trigger: Trigger) -> bool:
        """Whether a guess in the clause is about where, when or what of an event the
        clause takes as given (``[scope]`` setting words): "spekulasi bahwa pertemuan
        itu akan berlangsung di Vladivostok", "topik pembicaraan diperkirakan mencakup".
        Only an event noun can be given so: a verb is the guessed predicate itself."""
        if trigger.slot != "noun":
            return False
        heads = view.low[max(clause.start, trigger.i - 2) : trigger.i]  # "topik (utama)"
        if not self.setting_heads.isdisjoint(heads):
            return True
        for k in range(trigger.j, clause.end - 1):
            if view.low[k] in self.setting_verbs:
                return view.low[k + 1] in self.setting_markers
        return False

    def _reported(self, view: View) -> bool:
        """Whether the sentence reports speech and sets no condition (``reported_future``)."""
        return not self.reporting.isdisjoint(view.low) and self.conditional.isdisjoint(view.low)

    def _clause(self, view: View, k: int, clause: Clause | None = None) -> Clause:
        """The trigger's clause; a fronted "Jika A," ends at its comma."""
        clause = clause or clause_of(view, k)
        comma = self._antecedent_end(view)
        if comma is None:
            return clause
        if k < comma:
            return Clause(clause.start, min(clause.end, comma), clause.opener)
        if clause.start <= comma:
            return Clause(comma + 1, clause.end, None)
        return clause

    def _antecedent_end(self, view: View) -> int | None:
        if not view.low or view.low[0] not in self.complement or view.low[0] == "bahwa":
            return None
        return next((k for k, w in enumerate(view.low) if w == ","), None)

    def _consequent(self, view: View, clause: Clause, head: int) -> set[str]:
        """The main clause after a fronted conditional, when a modal makes it unrealised."""
        comma = self._antecedent_end(view)
        if comma is None or clause.start != comma + 1:
            return set()
        if any(view.low[k] in self.consequent_modals for k in range(clause.start, head)):
            return {"hypothetical"}
        return set()

    def _matrix(self, view: View, clause: Clause) -> set[str]:
        if clause.opener is None or clause.start < 2:
            return set()  # no matrix clause before the opener
        matrix = clause_of(view, clause.start - 2)
        if matrix.start >= clause.start:
            return set()
        if clause.opener in self.complement:
            return self.governing.find(view.low, matrix.start, clause.start, self.ignore)
        if clause.opener in self.purpose:
            found = self.before.find(view.low, matrix.start, clause.start, self.ignore)
            found |= self.anywhere.find(view.low, matrix.start, clause.start, self.ignore)
            return found | self._matrix(view, matrix)
        return set()

    # -- confirmation and attribution ----------------------------------------------------

    def confirmed_by(self, view: View, trigger: Trigger, roles: Roles) -> Actor | None:
        if self.confirm.isdisjoint(view.low):
            return None  # most sentences: skip both scans
        for k in range(trigger.j, view.n):
            if view.low[k] in self.confirm:
                speaker = _tail_speaker(view, k)  # "..., the Kremlin confirmed."
                if speaker is not None:
                    return speaker
        for k in range(trigger.i - 1, -1, -1):
            if view.low[k] in self.confirm:
                group = roles.agent_after(k + 1) if view.low[k].startswith("di") else None
                group = group or roles.subject_of(k)
                return group[0].actor if group else None
        return None

    def attributed_to(self, view: View, trigger: Trigger, roles: Roles) -> Actor | None:
        low = view.low
        # Each scan below only acts on its cue words: skip it when the sentence has none.
        speaker = None if self.tags.isdisjoint(low) else self._tagged(view, trigger)
        if speaker is not None:
            return speaker
        if not self.speech.isdisjoint(low):
            for k in range(trigger.i - 1, -1, -1):
                if low[k] in self.speech:
                    group = roles.subject_of(k)
                    if group:
                        return group[0].actor
        if self.source_starts.isdisjoint(low):
            return None
        return self._source_noun(view, trigger)

    def _tagged(self, view: View, trigger: Trigger) -> Actor | None:
        """ "menurut X", "..., kata X", "..., X said": a speech tag's speaker."""
        low = view.low
        for k, word in enumerate(low):
            tagged = word in self.according or (
                word in self.postposed and k > 0 and low[k - 1] in (",", "”", '"')
            )
            if tagged:
                speaker = _span_after(view, k + 1, TAG_WINDOW)
                if speaker is not None:
                    return speaker
            if word in self.postposed and k > trigger.j:
                speaker = _tail_speaker(view, k)  # "..., Peskov said" (English order)
                if speaker is not None:
                    return speaker
        return None

    def _source_noun(self, view: View, trigger: Trigger) -> Actor | None:
        for k in range(trigger.i):
            if view.low[k] not in self.source_starts:
                continue
            for phrase in self.sources:
                if tuple(view.low[k : k + len(phrase)]) == phrase:
                    end = min(k + len(phrase) + self.source_window, trigger.i)
                    found = _span_after(view, k + len(phrase), end - k - len(phrase))
                    if found is not None:
                        return found
        return None


def clause_of(view: View, k: int) -> Clause:
    """The clause around token ``k``: between the nearest clause breaks."""
    start, end = view.clause_bounds(k)
    opener = view.low[start - 1] if start > 0 else None
    return Clause(start, end, opener)


def _span_after(view: View, k: int, window: int) -> Actor | None:
    for m in range(k, min(k + window + 1, view.n)):
        span = view.span_at.get(m)
        if span is not None:
            return span.actor
    return None


def _tail_speaker(view: View, k: int) -> Actor | None:
    """The speaker of a speech tag closing the sentence in subject-verb order: an actor
    between the comma (or closing quote) that ends the statement and the tag at ``k``."""
    found = None
    for m in range(k - 1, max(k - 2 - TAIL_WINDOW, -1), -1):
        word = view.low[m]
        if word in (",", "”", '"'):
            return found
        span = view.span_at.get(m)
        if span is not None and found is None:
            found = span.actor
    return None
