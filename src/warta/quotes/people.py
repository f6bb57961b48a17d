"""Who a speaker phrase or a pronoun stands for: actors first, then PER entities.

A pronoun or a -nya cue ("katanya") points back to the most recent fitting person.
Indonesian news quotes one source at length, so the last speaker within
``speaker_window`` sentences wins; only when nobody has spoken that recently does the
search go back sentence by sentence for the first person named (the subject, since
Indonesian puts it first). People named inside a quotation are not candidates: they are
talked about, not talking.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from warta.article import Actor, Article, Entity, Sentence

_WORD_OR_BRACKETS = re.compile(r"\([^)]*\)|[^\s,]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»]?(?=\s)|\n+")


# not frozen: a frozen __init__ sets each field through object.__setattr__ (those calls
# were 7 % of the stage's instructions, callgrind), and with Phrase, Source and Claim
# ~55 are made an article
@dataclass(slots=True)
class Speaker:
    name: str
    start: int
    end: int
    actor: str | None = None
    role: str | None = None
    affiliation: str | None = None
    person: bool = True

    def spanning(self, start: int, end: int) -> Speaker:
        """The same speaker over another span (``dataclasses.replace`` costs 3x more)."""
        return Speaker(self.name, start, end, self.actor, self.role, self.affiliation, self.person)


class People:
    def __init__(
        self,
        article: Article,
        titles: frozenset[str],
        window: int = 6,
        speaker_window: int = 12,
        determiners: frozenset[str] = frozenset(),
    ) -> None:
        self.article = article
        self.titles = titles
        self.determiners = determiners  # English "the": opens a phrase, capitalised or not
        self.window = window
        self.speaker_window = speaker_window
        self.sentences = article.sentences or fallback_sentences(article.text)
        # Flat lists, in article order, read for every speaker phrase (link): cheaper
        # than walking actors and their mentions each time.
        self._person_actor_mentions = [
            (m_start, m_end, actor)
            for actor in article.actors
            if actor.kind == "person"
            for m_start, m_end in actor.mentions
        ]
        # (start, end, index in the list above), by start, for _person_actor
        self._person_by_start = sorted(
            (m_start, m_end, k) for k, (m_start, m_end, _) in enumerate(self._person_actor_mentions)
        )
        self._person_by_start_reach = _Spans([(s, e) for s, e, _ in self._person_by_start])
        # The mentions of other actors and every entity, by start: _name_tail reads the
        # few inside a speaker phrase with two bisections, not a pass over them all
        # (they were 3 % of the stage, py-spy).
        inner = [
            (m_start, m_end)
            for actor in article.actors
            if actor.kind != "person"
            for m_start, m_end in actor.mentions
        ]
        inner += [(e.start, e.end) for e in article.entities]
        inner.sort()
        self._inner, self._inner_starts = inner, [s for s, _ in inner]
        self._entities: dict[str, list[Entity]] = {}
        for entity in article.entities:
            self._entities.setdefault(entity.type, []).append(entity)
        self.mentions = sorted(self._person_mentions(), key=lambda s: s.start)
        self._sorted_spans = sorted(self._person_spans())  # name_after reads it per quote
        self._person_reach = _Spans(self._sorted_spans)
        self.said: list[Speaker] = []  # speakers of quotes found so far, in text order
        self._written_roles: dict[str, str] = {}  # actor id -> its role in the text's words
        self.quoted: list[tuple[int, int]] = []  # direct quotations: their names do not speak

    def link(
        self, start: int, end: int, role: str | None = None, affiliation: str | None = None
    ) -> Speaker:
        """The speaker named by text[start:end]: a person actor, a PER entity, the name
        after an organisation ("Kepala Polres Metro Jakarta Utara Budhi Herdi"), the
        organisation itself when the phrase is its name ("Kremlin"), else the words."""
        person = self._person_actor(start, end)
        if person is not None:
            return self._from_actor(person, start, end, role, affiliation)
        entity = self._entity_in(start, end, "PER")
        if entity is not None:
            prefix = self.article.text[start : entity.start].strip(" ,") or None
            return Speaker(entity.text, start, end, None, role or prefix, affiliation)
        tail = self._name_tail(start, end)
        if tail is not None:
            prefix = self.article.text[start:tail].strip(" ,") or None
            name = self._strip_titles(tail, end)
            return Speaker(name, start, end, None, role or prefix, affiliation)
        other = self.article.actor_at(start, end)
        if other is not None and any(self._heads(start, m) for m, _ in other.mentions):
            return self._from_actor(other, start, end, role, affiliation)
        org = self._entity_in(start, end, "ORG")
        if org is not None and org.start == start:
            return Speaker(org.text, start, end, None, role, affiliation, False)
        return Speaker(self._strip_titles(start, end), start, end, None, role, affiliation)

    def _heads(self, start: int, mention: int) -> bool:
        """The mention opens the phrase, after at most one lower-case word or determiner
        ("the Russian defence ministry", "The Russian embassy" opening a sentence)."""
        if mention < start:
            return False
        # at most two words are needed to tell: a far mention is not split word by word
        words = self.article.text[start:mention].split(None, 2)
        if not words:
            return True
        return len(words) == 1 and (words[0].islower() or words[0].casefold() in self.determiners)

    def _from_actor(
        self, actor: Actor, start: int, end: int, role: str | None, affiliation: str | None
    ) -> Speaker:
        # The article's own words first ("ahli kepemimpinan Korea Utara"), here or at an
        # earlier quote by the same actor ("Dmitry Peskov, juru bicara Kremlin, ..." then
        # "kata Peskov"); the knowledge base's canonical role only when the text gives none.
        written = role or self._prefix_role(start, end, actor)
        if written:
            self._written_roles.setdefault(actor.id, written)
        role = written or self._written_roles.get(actor.id) or actor.role
        affiliation = affiliation or actor.affiliation
        return Speaker(actor.name, start, end, actor.id, role, affiliation, actor.kind == "person")

    def _name_tail(self, start: int, end: int) -> int | None:
        """Where a capitalised name begins after the last organisation or place in the span."""
        # the spans starting in [start, end], then those ending by ``end``
        first = bisect_left(self._inner_starts, start)
        last = bisect_right(self._inner_starts, end)
        ends = [m_end for _, m_end in self._inner[first:last] if m_end <= end]
        if not ends:
            return None
        words = _WORD_OR_BRACKETS.finditer(self.article.text, max(ends), end)
        names = [m for m in words if not m.group().startswith("(")]
        if names and all(m.group()[:1].isupper() for m in names):
            return names[0].start()
        return None

    def name_after(self, start: int, end: int) -> int | None:
        """A role phrase with no person in it, then place names and commas, then a person:
        where that person's mention ends, so the phrase can take it in."""
        if self._has_person(start, end):
            return None
        # the first person mention starting at or after ``end``, by bisection ((end,)
        # sorts before every span starting at ``end``)
        k = bisect_left(self._sorted_spans, (end,))
        if k == len(self._sorted_spans):
            return None
        m_start, m_end = self._sorted_spans[k]
        between = self.article.text[end:m_start].replace(",", " ").split()
        if all(w[:1].isupper() for w in between) and len(between) <= 6:
            return m_end
        return None

    def _has_person(self, start: int, end: int) -> bool:
        return self._person_reach.overlaps(start, end)

    def _person_spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]

    def note(self, speaker: Speaker) -> None:
        self.said.append(speaker)

    def back(self, offset: int) -> Speaker | None:
        """The person a pronoun or -nya at ``offset`` most likely stands for: the last
        speaker within the window, else the first person named in the nearest sentence."""
        window = self._window(offset)
        said = [s for s in self.said if s.person and window[0] <= s.start < offset]
        if said:
            return said[-1]
        first = self._sentence_index(offset)
        for k in range(first, max(first - self.window, -1), -1):
            sentence = self.sentences[k]
            found = self._first_person(sentence.start, min(sentence.end, offset))
            if found is not None:
                return found
        return self._last_resort(offset)

    def _last_resort(self, offset: int) -> Speaker | None:
        """Beyond the windows: the last speaker, else the last person named, however far."""
        said = [s for s in self.said if s.person and s.start < offset]
        if said:
            return said[-1]
        named = [m for m in self.mentions if m.end <= offset and not self._is_quoted(m.start)]
        return named[-1] if named else None

    def _window(self, offset: int) -> tuple[int, int]:
        first = self._sentence_index(offset)
        if first < 0:
            return (0, offset)
        return (self.sentences[max(first - self.speaker_window + 1, 0)].start, offset)

    def _first_person(self, lo: int, hi: int) -> Speaker | None:
        for mention in self.mentions:
            if lo <= mention.start and mention.end <= hi and not self._is_quoted(mention.start):
                return mention
        return None

    def _is_quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def _sentence_index(self, offset: int) -> int:
        index = -1
        for k, sentence in enumerate(self.sentences):
            if sentence.start <= offset:
                index = k
            else:
                break
        return index

    def _person_mentions(self) -> list[Speaker]:
        out: list[Speaker] = []
        for actor in self.article.actors:
            if actor.kind != "person":
                continue
            for start, end in actor.mentions:
                out.append(Speaker(actor.name, start, end, actor.id, actor.role, actor.affiliation))
        covered = self._person_by_start_reach  # these very mentions, by start
        for entity in self.article.entities:
            if entity.type == "PER" and not covered.overlaps(entity.start, entity.end):
                out.append(Speaker(entity.text, entity.start, entity.end))
        return out

    def _person_actor(self, start: int, end: int) -> Actor | None:
        """The person whose mention overlaps the span most (the later one on a tie)."""
        # Only the mentions starting before ``end`` and reaching past ``start`` can
        # overlap: back from the last that starts before ``end`` while the furthest end
        # reached still passes ``start`` (a few mentions, not all of them: this was
        # 3 % of the stage, py-spy). On a tie the first in article order wins, as a pass
        # over them all would keep it.
        mentions = self._person_actor_mentions
        by_start, reach = self._person_by_start, self._person_by_start_reach.reach
        best: tuple[int, int, int] | None = None  # (overlap, mention start, -index)
        j = bisect_left(self._person_by_start_reach.starts, end) - 1
        while j >= 0 and reach[j] > start:
            m_start, m_end, k = by_start[j]
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or (overlap, m_start, -k) > best):
                best = (overlap, m_start, -k)
            j -= 1
        return mentions[-best[2]][2] if best else None

    def _entity_in(self, start: int, end: int, kind: str) -> Entity | None:
        inside = [e for e in self._entities.get(kind, ()) if e.start >= start and e.end <= end]
        return max(inside, key=lambda e: e.start) if inside else None

    def _prefix_role(self, start: int, end: int, actor: Actor) -> str | None:
        """ "Panglima TNI" in "Panglima TNI Agus Subiyanto": the words before the name."""
        starts = [m for m, e in actor.mentions if start <= m < end]
        if not starts or min(starts) == start:
            return None
        return self.article.text[start : min(starts)].strip(" ,") or None

    def _strip_titles(self, start: int, end: int) -> str:
        words = self.article.text[start:end].split()
        while len(words) > 1 and words[0].strip(".").casefold() in self.titles:
            words.pop(0)
        return " ".join(words)


class _Spans:
    """Spans sorted by start, with the furthest end reached so far: whether any overlaps
    [start, end) is one bisection, not a pass over them all (for every PER entity and
    every speaker phrase: ~3 % of the quotes stage, py-spy)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:  # sorted
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans starting before ``end``
        return k > 0 and self.reach[k - 1] > start


def fallback_sentences(text: str) -> list[Sentence]:
    """Rough sentences for articles that arrive unsegmented."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start and text[start : m.end()].strip():
            out.append(Sentence(start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append(Sentence(start, len(text)))
    return out
