"""Source and target of a trigger, read from the sentence's structure.

Indonesian is SVO with voice marked on the verb, so the roles follow from the slot:

- active (meN-, ber-) verb: the subject (nearest actor to the left in the clause that is
  not inside a prepositional phrase) is the source; the direct object, or an actor after
  one of the family's target prepositions, is the target;
- passive (di-, ter-) verb: the subject is the target; the agent after ``oleh``, or bare
  right after the verb ("diserang Israel"), is the source;
- event noun: the possessor right after it is the source ("kunjungan Kim ke Rusia"), the
  target follows a target preposition; a noun after a light verb takes the light verb's
  voice ("Israel melancarkan serangan ke Gaza");
- a verb with no subject in its clause (a purpose or coordinated clause: "... untuk
  bertemu Putin", "... dan bertemu Putin") takes the source of the event before it, else
  the subject of the clause before (Indonesian drops a subject the matrix controls);
- "yang" opens a relative clause whose subject is the noun before it.

Coordinated actors ("Rusia dan Korea Utara", "Indonesia, Malaysia dan Thailand") form a
group: a mutual event takes the first two members as its parties, any other event is
coded once per member.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from warta.article import Actor
from warta.events.matcher import Trigger
from warta.events.sentence import Span, View

OBJECT_WINDOW = 4  # words between a verb and its object ("menyerang wilayah timur Ukraina")
TARGET_WINDOW = 9  # words (an actor's name counts as one) between a trigger and its target
RELATIVE = "yang"
LIST_COMMA = ","  # joins list members only in a list a joiner closes: "A, B dan C"
_COMMA = frozenset((LIST_COMMA,))

Pair = tuple[Actor | None, Actor | None]


class Roles:
    def __init__(
        self, view: View, triggers: Sequence[Trigger], barriers: frozenset[str] = frozenset()
    ) -> None:
        self.view = view
        self.barriers = barriers  # speech verbs: what follows them is their content
        self.words = view.words
        self.starts = {t.i for t in triggers}
        self.by_start = {t.i: t for t in triggers}
        self.subjects: dict[int, list[Span]] = {}  # verb trigger start -> its subject group
        # A comma joins list members only inside "A, B dan C"; alone it marks apposition.
        self._joiners = _joiners(view.words.coordination)

    def assign(self, trigger: Trigger, prior: list[Actor | None]) -> list[Pair]:
        """(source, target) pairs for ``trigger``; ``prior`` are earlier sources in the sentence."""
        slot = trigger.slot
        if slot == "passive":
            sources, targets = self._agent(trigger.j), self._subject(trigger.i, prior)
        elif slot in ("active", "intransitive", "light_active"):
            sources, targets = self._verbal(trigger, slot, prior)
        elif slot == "light_passive":
            assert trigger.light is not None
            sources = self._agent(trigger.light + 1)
            targets = self._prep_target(trigger.light + 1, trigger.form.family.to)
        elif slot == "light_receive":
            assert trigger.light is not None
            targets = self._subject(trigger.light, prior)
            sources = self._prep_target(trigger.j, frozenset(("dari",))) or self._possessor(trigger)
        else:
            sources, targets = self._nominal(trigger, prior)
        family = trigger.form.family
        pair_given = family.mutual and len(sources) > 1
        if not targets and family.reach and slot != "noun" and not pair_given:
            targets = self._reach(trigger.j)
        return self._pairs(sources, targets, trigger.form.family.mutual)

    def subject_of(self, k: int) -> list[Span]:
        """The subject group of the predicate at token ``k`` (empty when none)."""
        return self._scan_left(k) or []

    def agent_after(self, j: int) -> list[Span]:
        return self._agent(j)

    # -- verbs ---------------------------------------------------------------------------

    def _verbal(
        self, trigger: Trigger, slot: str, prior: list[Actor | None]
    ) -> tuple[list[Span], list[Span]]:
        head = trigger.light if slot == "light_active" and trigger.light is not None else trigger.i
        sources = self._subject(head, prior)
        self.subjects[trigger.i] = sources
        family = trigger.form.family
        targets = self._object(trigger.j) if slot == "active" else []
        if not targets and slot == "light_active" and trigger.light is not None:
            targets = self._recipient(trigger.light + 1, trigger.i)
        if not targets:
            targets = self._prep_target(trigger.j, family.to)
        if not targets and family.place_is_target:
            targets = self._prep_target(trigger.j, self.words.place)
        return sources, targets

    def _recipient(self, start: int, end: int) -> list[Span]:
        """The indirect object between a light verb and its noun: "gave Tanzania a grant"."""
        span = self.view.span_at.get(start)
        return [span] if span is not None and span.j <= end else []

    def _subject(self, k: int, prior: list[Actor | None]) -> list[Span]:
        shared = self._coordinated(k)
        if shared:
            return shared
        # An infinitive ("... to meet Putin") has no subject of its own: the matrix
        # subject controls it, whatever actor stands nearer.
        infinitive = k > 0 and self.view.low[k - 1] in self.words.infinitive
        found = None if infinitive else self._scan_left(k)
        if found is not None:
            return found
        controlled = self._object_controller(k)
        if controlled:
            return controlled
        controller = next((a for a in reversed(prior) if a is not None), None)
        if controller is not None:
            return [Span(k, k, (controller,))]
        matrix = self._purpose_subject(k)
        if matrix:
            return matrix
        fronted = self._main_subject(k)
        if fronted:
            return fronted
        return self._scan_left(k, cross_clause=True) or []

    def _object_controller(self, k: int) -> list[Span]:
        """ "memperingatkan Korea Utara agar tidak menjual ...": the object of a verb of
        object control is the subject of the purpose clause after it."""
        view = self.view
        b = k - 1
        while b >= 0 and not view.breaks[b]:
            b -= 1
        if b < 1 or view.low[b] not in self.words.purpose:
            return []
        span = view.span_at.get(b - 1)
        if span is None:
            return []
        m = span.i - 1
        while m >= 0 and m > span.i - 4 and view.nominal(m):
            m -= 1
        if m >= 0 and view.low[m] in self.words.object_control:
            return self._group_left(span)
        return []

    def _purpose_subject(self, k: int) -> list[Span]:
        """ "Filipina memanggil duta besar China untuk memprotes ...": without a verb of
        object control, a purpose clause's subject is its matrix clause's subject, not the
        nearer object."""
        view = self.view
        b = k - 1
        while b >= 0 and not view.breaks[b]:
            b -= 1
        if b < 1 or view.low[b] not in self.words.purpose:
            return []
        start = b - 1
        while start > 0 and not view.breaks[start - 1]:
            start -= 1
        for span in view.spans:
            if start <= span.i < b and view.after_preposition(span) is None:
                return self._group_right(span)
        return []

    def _coordinated(self, k: int) -> list[Span]:
        """ "X bertemu Y dan meminta ...": a verb after "dan" shares the previous verb's
        subject, even though Y stands nearer."""
        for m in range(k - 1, max(k - 4, -1), -1):
            if m in self.view.span_at or self.view.breaks[m]:
                return []
            if self.view.low[m] in self._joiners:
                earlier = [v for v in self.subjects if v < m and self.subjects[v]]
                return self.subjects[max(earlier)] if earlier else []
        return []

    def _main_subject(self, k: int) -> list[Span]:
        """ "Setelah bertemu Xi, Putin mengatakan ...": a fronted adverbial clause without a
        subject takes the main clause's, which follows its comma."""
        view = self.view
        start = k
        while start > 0 and not view.breaks[start - 1]:
            start -= 1
        if start != 1:
            return []  # the clause is not fronted: it does not open the sentence
        m = k
        while m < view.n and view.low[m] != ",":
            m += 1
        for n in range(m + 1, min(m + 6, view.n)):
            span = view.span_at.get(n)
            if span is not None:
                return self._group_right(span) if view.after_preposition(span) is None else []
        return []

    def _scan_left(
        self, k: int, cross_clause: bool = False, barriers: bool = False
    ) -> list[Span] | None:
        """The nearest subject group left of ``k``; with ``barriers``, not across a speech
        verb (what follows it is its content, not its subject's act)."""
        view = self.view
        m = k - 1
        while m >= 0:
            if barriers and view.low[m] in self.barriers:
                return None
            span = view.span_at.get(m)
            if span is not None:
                if view.after_preposition(span) is None:
                    return self._group_left(span)
                m = span.i - 1
                continue
            if self.subjects.get(m):
                return self.subjects[m]  # coordinated verbs share their subject
            if view.low[m] == RELATIVE:
                head = self._relative_head(m)
                if head:
                    return head
            if view.breaks[m] and not cross_clause:
                return None
            m -= 1
        return None

    def _relative_head(self, m: int) -> list[Span]:
        """ "perusahaan Tiongkok yang memasok ...": the noun before "yang" is the relative
        clause's subject, even when it sits in the main clause's prepositional phrase."""
        k = m - 1
        while k >= 0 and view_nominal(self.view, k) and k > m - 3:
            k -= 1
        span = self.view.span_at.get(k)
        return [span] if span is not None else []

    def _object(self, j: int) -> list[Span]:
        view = self.view
        noun = self.by_start.get(j)
        if noun is not None and noun.slot == "noun":
            # "mengecam serangan Israel", "memprotes dukungan Washington": the target of
            # a reaction to an act is the act's doer.
            return self._possessor(noun)
        for m in range(j, min(j + OBJECT_WINDOW + 1, view.n)):
            span = view.span_at.get(m)
            if span is not None:
                return self._group_right(span) if view.after_preposition(span) is None else []
            if view.breaks[m] or view.low[m] in (",", RELATIVE):
                return []
        return []

    def _agent(self, j: int) -> list[Span]:
        view = self.view
        span = view.span_at.get(j)
        if span is not None:
            return self._group_right(span)  # bare agent: "diserang Israel"
        return self._prep_target(j, self.words.agent)

    # -- nouns ---------------------------------------------------------------------------

    def _nominal(
        self, trigger: Trigger, prior: list[Actor | None]
    ) -> tuple[list[Span], list[Span]]:
        family = trigger.form.family
        owner = self._possessor(trigger)
        targets = self._prep_target(trigger.j, family.to)
        if not targets and family.place_is_target:
            targets = self._prep_target(trigger.j, self.words.place)
        if not owner:
            owner = self._prep_target(trigger.j, self.words.owner)
            if owner and not self._noun_phrase_until(trigger.j, owner[0].i):
                owner = []  # "pertemuan itu akan diawasi oleh X": X is the verb's agent
        if family.possessor == "patient" and owner and not targets:
            return self._context_agent(trigger, owner), owner
        if not owner and not targets and self._demonstrative(trigger.j):
            return [], []  # "pertemuan itu": an event told before, not a new one
        if not owner and not targets and family.mutual:
            group = self._scan_left(trigger.i, barriers=True) or []
            return (group, []) if len(group) > 1 else ([], [])
        if not owner and not (family.mutual and len(targets) > 1):
            owner = self._clause_agent(trigger)
        return owner, targets

    def _noun_phrase_until(self, j: int, end: int) -> bool:
        """Only noun-phrase words (and the preposition) between ``j`` and ``end``."""
        view = self.view
        for m in range(j, end):
            word = view.low[m]
            if word in self.words.prepositions or word in self.words.demonstratives:
                continue
            if not view.nominal(m):
                return False
        return True

    def _demonstrative(self, j: int) -> bool:
        return j < self.view.n and self.view.low[j] in self.words.demonstratives

    def _clause_agent(self, trigger: Trigger) -> list[Span]:
        """A noun without a possessor that is the object of an ordinary verb takes that
        verb's subject as its doer ("Israel menghentikan serangan"); not when it sits in a
        prepositional phrase, or is the content of another event ("AS mengecam serangan")."""
        view = self.view
        if trigger.i == 0 or view.low[trigger.i - 1] in self.words.prepositions:
            return []
        m = trigger.i - 1
        while m >= 0:
            span = view.span_at.get(m)
            if span is not None:
                return self._group_left(span) if view.after_preposition(span) is None else []
            if m in self.starts and not trigger.intended:
                return []  # an intended act's doer is the one who agreed to it
            if view.breaks[m] or view.low[m] in (",", RELATIVE) or (view.low[m] in self.barriers):
                return []
            m -= 1
        return []

    def _reach(self, j: int) -> list[Span]:
        view = self.view
        for m in range(j, view.n):
            if view.breaks[m]:
                return []
            span = view.span_at.get(m)
            if span is not None:
                return self._group_right(span)
        return []

    def _possessor(self, trigger: Trigger) -> list[Span]:
        view = self.view
        if trigger.possessive:
            return self._subject(trigger.i, [])
        end = min(trigger.j + self.words.noun_window, view.n)
        for m in range(trigger.j, end):
            span = view.span_at.get(m)
            if span is not None:
                return self._group_right(span) if view.after_preposition(span) is None else []
            word = view.low[m]
            if view.breaks[m] or word in self.words.prepositions or word == RELATIVE:
                return []
            if word == "," or word in self.words.demonstratives:
                return []  # "pertemuan itu, Kim ...": the noun phrase has ended
        return []

    def _context_agent(self, trigger: Trigger, patients: list[Span]) -> list[Span]:
        """The agent of "invasi X" when X is the patient: the nearest other actor around."""
        taken = {p.actor.country for p in patients}
        spans = sorted(self.view.spans, key=lambda s: abs(s.i - trigger.i))
        for span in spans:
            if span.actor.country not in taken and not span.anaphor:
                return [span]
        return []

    # -- shared --------------------------------------------------------------------------

    def _prep_target(self, j: int, preps: frozenset[str]) -> list[Span]:
        """The actor after the first of ``preps`` that follows the trigger in its clause.

        Only the first such phrase belongs to the trigger: in "pembicaraan antara kedua
        pemimpin ... hubungan antara Rusia dan Korea Utara" the second "antara" is another
        noun's.
        """
        view = self.view
        # An actor is governed by a preposition at most 4 words before it (see
        # View.after_preposition), and only the actor at ``j`` may start before ``j``:
        # with none of ``preps`` from there on, nothing can be found. True for five in six
        # calls; the test costs a tenth of the walk (measured: 9.7k -> 2.3k bytecodes per
        # bench article).
        first = view.span_at.get(j)
        if preps.isdisjoint(view.low[max((first.i if first else j) - 4, 0) :]):
            return []
        m, words = j, 0
        while m < view.n and words < TARGET_WINDOW:
            if m > j and m in self.starts:
                return []  # the next trigger's arguments begin
            span = view.span_at.get(m)
            if span is not None:
                if view.after_preposition(span) in preps:
                    return self._group_right(span)
                m, words = span.j, words + 1
                continue
            if view.breaks[m]:
                return []
            if view.low[m] in preps and not view.np_then_actor(m + 1):
                return []
            m, words = m + 1, words + 1
        return []

    def _group_left(self, span: Span) -> list[Span]:
        """``span`` with the members listed before it ("Indonesia, Malaysia dan Thailand")."""
        if span.plural:
            return _expand(span)
        steps: list[tuple[Span, Separator]] = []
        m = span.i - 1
        while (sep := self._separator(m, -1)) is not None:
            prev = self.view.span_at.get(sep.next)
            if prev is None or self.view.after_preposition(prev) is not None:
                break
            steps.append((prev, sep))
            m = prev.i - 1
        first = steps[-1][0].i if steps else span.i
        opens = first == 0 or self.view.breaks[first - 1]
        return [*reversed(_listed_before(steps, opens)), span]

    def _group_right(self, span: Span) -> list[Span]:
        """``span`` with the members listed after it ("Rusia, Iran dan Korea Utara")."""
        if span.plural:
            return _expand(span)
        steps: list[tuple[Span, Separator]] = []
        m = span.j
        while (sep := self._separator(m, 1)) is not None:
            nxt = self.view.span_at.get(sep.next)
            if nxt is None:
                break
            steps.append((nxt, sep))
            m = nxt.j
        return [span, *_listed_after(steps)]

    def _separator(self, k: int, step: int) -> Separator | None:
        """The words between two list members read from ``k`` in direction ``step``: a
        joiner ("dan"), a comma, or both (", dan", in that order in the text); ``None``
        when ``k`` holds neither. An article may open the member ("and the Philippines")."""
        low, n, articles = self.view.low, self.view.n, self.words.list_articles

        def take(words: frozenset[str]) -> bool:
            nonlocal k
            if 0 <= k < n and low[k] in words:
                k += step
                return True
            return False

        if step > 0:
            comma, joined = take(_COMMA), take(self._joiners)
            if comma or joined:
                take(articles)  # the next member's
        else:
            take(articles)  # the member read from
            joined = take(self._joiners)
            comma = take(_COMMA)
        return Separator(k, joined, comma) if joined or comma else None

    def _pairs(self, sources: list[Span], targets: list[Span], mutual: bool) -> list[Pair]:
        if mutual and len(sources) > 1 and not targets:
            sources, targets = sources[:1], sources[1:2]
        elif mutual and len(targets) > 1 and not sources:
            sources, targets = targets[:1], targets[1:2]  # "pertemuan antara X dan Y"
        out: list[Pair] = []
        no_span: list[Span | None] = [None]
        for s in sources or no_span:
            for t in targets or no_span:
                src = s.actor if s is not None else None
                tgt = _resolve(t, src) if t is not None else None
                if s is not None and s.anaphor:
                    src = _resolve(s, tgt)
                if src is None and tgt is None:
                    continue
                if src is not None and tgt is not None and src.id == tgt.id:
                    continue
                out.append((src, tgt))
        return out


class Separator(NamedTuple):
    next: int  # where the next member should be
    joined: bool  # a joiner ("dan", "serta")
    comma: bool


def _listed_after(steps: list[tuple[Span, Separator]]) -> list[Span]:
    """The members after a list's first one, each with the separator before it, as far as
    the list goes: commas join only members that a joiner closes ("A, B dan C", "A, B, dan
    C"; alone a comma marks an apposition: "Rusia, negara terbesar"), and a comma with
    the joiner (", dan") only in a list of three or more ("menyerang Ukraina, dan
    Polandia memprotes" is two clauses)."""
    last = max((n for n, (_, sep) in enumerate(steps) if sep.joined), default=-1)
    kept = steps[: last + 1]
    if kept and kept[-1][1].comma and len(kept) < 2:
        return []
    return [span for span, _ in kept]


def _listed_before(steps: list[tuple[Span, Separator]], opens: bool) -> list[Span]:
    """The members before a list's last one, nearest first, each with the separator after
    it: a joiner must close the list, and members joined by a comma alone count only when
    the list opens its clause ("Indonesia, Malaysia dan Thailand mengecam"), not after
    fronted words ("Kata Peskov, Rusia dan Korea Utara ...")."""
    if not steps or not steps[0][1].joined or (steps[0][1].comma and len(steps) < 2):
        return []
    if opens:
        return [span for span, _ in steps]
    joined = 0
    while joined < len(steps) and steps[joined][1].joined and not steps[joined][1].comma:
        joined += 1
    return [span for span, _ in steps[:joined]]


@lru_cache(maxsize=8)
def _joiners(coordination: frozenset[str]) -> frozenset[str]:
    """Built once per language, not once per sentence."""
    return coordination - _COMMA


def view_nominal(view: View, k: int) -> bool:
    return k not in view.span_at and view.nominal(k)


def _expand(span: Span) -> list[Span]:
    """ "kedua negara": the two parties it stands for, as two spans."""
    return [Span(span.i, span.j, (actor,), anaphor=False) for actor in span.candidates[:2]]


def _resolve(span: Span, other: Actor | None) -> Actor:
    """An anaphor's referent: the latest candidate of another country than ``other``
    (a state visits, attacks or meets another state, not itself)."""
    if not span.anaphor or other is None:
        return span.actor
    for actor in span.candidates:
        if actor.country != other.country:
            return actor
    return span.actor
