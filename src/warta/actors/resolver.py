"""Resolving one article's mentions to actors, in text order, so that a partial name or a
role phrase can refer back to an earlier full mention."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter, le

from warta.actors import apposition, coref, scan
from warta.actors.scan import Match, Words
from warta.actors.table import ActorTable, Draft
from warta.article import Article, Entity
from warta.knowledge import Hit, Knowledge, Resolution
from warta.knowledge.kb import LATEST
from warta.knowledge.normalise import as_date
from warta.knowledge.roles import RoleSplit

PERSON_TYPES = frozenset({"PER", "PERSON"})
ORG_TYPES = frozenset({"ORG", "NOR", "ORGANIZATION"})
CONTEXT_SENTENCES = 3  # how far back a title without a country looks for one
# Between a title and the name it introduces: "Presiden Rusia Vladimir Putin",
# "Direktur …, Jo Chun Ryong".
TITLE_GAP = 3
# On equal spans a known alias ("Kemlu RI") beats the same words read as parts.
PRIORITY = {"alias": 0, "role": 1, "collective": 1, "name": 2, "org": 3}
_START = attrgetter("start")  # a sort key read in C, not a lambda called per candidate
_END = attrgetter("end")


@dataclass(slots=True)  # not frozen: that makes __init__ 3x slower, for ~50 per article
class Candidate:
    kind: str  # alias, role, collective, name, org
    start: int
    end: int
    match: Match | None = None
    entity: Entity | None = None


class ArticleResolver:
    def __init__(self, kb: Knowledge, article: Article) -> None:
        self.kb = kb
        self.article = article
        self.text = article.text
        self.day = as_date(article.published) or LATEST
        self.words: Words = scan.words_of(article.text)
        self.starts = kb.phrases.starts(self.words.keys)  # where known phrases may start
        self.table = ActorTable(len(article.text))
        self.titles: dict[int, tuple[Resolution, tuple[int, int]]] = {}  # name start -> title
        self.vocabulary = kb.lexicon.common  # words that are never a name on their own
        self._written_titles: dict[tuple[int, int], Resolution | None] = {}  # by name span
        # An article names the same few countries and people again and again: each alias
        # hit is resolved once (hits are the base's own objects, so their ids are keys).
        self._hits: dict[int, Resolution] = {}

    def run(self) -> list[Draft]:
        candidates = self._candidates()
        for i, cand in enumerate(candidates):
            following = candidates[i + 1] if i + 1 < len(candidates) else None
            self._resolve(cand, following)
        coref.repeated_names(self.table, self.words)
        self._late_titles()
        coref.partial_names(self.table, self.words, self.vocabulary)
        self._affiliations()
        coref.plurals(self.table, self.words, self.kb, self.starts.plurals)
        return list(self.table.drafts.values())

    # -- candidates -------------------------------------------------------------------

    def _candidates(self) -> list[Candidate]:
        found = list(scan.aliases(self.words, self.text, self.kb, self.starts.aliases))
        pool = [Candidate("alias", m.start, m.end, m) for m in found]
        pool += [
            Candidate("role", m.start, m.end, m)
            for m in self._role_matches(found)
            if m.place is not None and self._office(m)
        ]
        pool += [
            Candidate("collective", m.start, m.end, m)
            for m in scan.collectives(self.words, self.text, self.kb, self.starts.collectives)
        ]
        known = _non_overlapping(pool)
        # What the knowledge base recognises wins over a tagger's span; a tagger's span
        # adds only the capitalised words the base left over ("Jo Chun Ryong"), so a
        # runaway span ("US Secretary of State Antony Blinken met…") cannot hide names.
        taken = bytearray(len(self.text))
        for cand in known:
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        names = [c for e in self.article.entities for c in self._entity_parts(e, taken)]
        return sorted(known + _non_overlapping(names), key=_START)

    def _entity_parts(self, entity: Entity, taken: bytearray) -> list[Candidate]:
        kind = "name" if entity.type in PERSON_TYPES else "org" if entity.type in ORG_TYPES else ""
        if not kind:
            return []
        if taken.find(1, entity.start, entity.end) == -1:  # nothing taken in the span
            return [Candidate(kind, entity.start, entity.end, entity=entity)]
        # word indices into the parallel lists, not Word records (building one per word
        # read was ~40% of this function, pyinstrument)
        words = self.words
        texts, keys, starts, ends = words.texts, words.keys, words.starts, words.ends
        parts: list[Candidate] = []
        run: list[int] = []
        inside = words.within(entity.start, entity.end)
        for i in [*inside, None]:
            if i is not None and taken.find(1, starts[i], ends[i]) == -1 and texts[i][:1].isupper():
                run.append(i)
                continue
            if run and not all(keys[j] in self.vocabulary or len(keys[j]) == 1 for j in run):
                start, end = starts[run[0]], ends[run[-1]]
                part = Entity(entity.text, entity.type, start, end, entity.source)
                parts.append(Candidate(kind, part.start, part.end, entity=part))
            run = []
        return parts

    def _office(self, match: Match) -> bool:
        """Offices held by one person at a time ("Presiden Rusia", "Sekjen PBB") stand for
        a person, and so does an unnamed official of a state ("pejabat AS"); "peneliti di
        Lowy Institute" does not (it is left to appositions, and Lowy stays an actor)."""
        role = self.kb.role(match.role or "")
        if role is None:
            return False
        if role.holder or match.role == "leader":
            return True
        # "seorang pejabat AS": an unnamed official of a state is an actor of its own
        return match.place is not None and match.place.org is None

    def _role_matches(self, found: list[Match]) -> list[Match]:
        own = scan.roles(self.words, self.text, self.kb, self.starts.roles)
        return [*own, *scan.placed_roles(self.words, self.text, self.kb, found)]

    # -- resolution ---------------------------------------------------------------------

    def _resolve(self, cand: Candidate, following: Candidate | None) -> None:
        span = (cand.start, cand.end)
        surface = self.text[cand.start : cand.end]
        if cand.kind == "role":
            self._role(cand, surface, following)
        elif cand.kind == "collective":
            self._collective(cand, surface, following)
        elif cand.kind == "alias":
            self._alias(cand, surface)
        elif cand.kind == "name":
            self._name(span, surface)
        else:
            self._org(span, surface)

    def _role(self, cand: Candidate, surface: str, following: Candidate | None) -> None:
        assert cand.match is not None and cand.match.role is not None
        split = RoleSplit(cand.match.role, (), (), former=cand.match.former)
        res = self.kb.resolve_role(split, cand.match.place, self.day)
        if following is not None and _is_person(following) and self._adjacent(cand, following):
            self.titles[following.start] = (res, (cand.start, cand.end))
            return
        named = coref.earlier_holder(self.table, cand.start, res.role, res.country)
        if named is not None:  # the article named this office's holder: trust it over the base
            self.table.add(named.id, (cand.start, cand.end))
        elif res.id is not None:
            self.table.resolved(res, (cand.start, cand.end), surface)
        elif res.country is not None and not self._apposition_of_person(cand.start):
            nameless = f"{res.country}:{res.role}"
            self.table.resolved(res, (cand.start, cand.end), surface, nameless)

    def _collective(self, cand: Candidate, surface: str, following: Candidate | None) -> None:
        assert cand.match is not None and cand.match.place is not None
        code, sector = cand.match.place.country, cand.match.sector
        if code is None or sector is None:
            return
        if sector == "GOV":
            res = self.kb.state(code, f"{surface}: the state")
        else:
            res = self._named_body(following, cand, code, sector) or self.kb.body(
                code, sector, surface
            )
        self.table.resolved(res, (cand.start, cand.end), surface)

    def _named_body(
        self, following: Candidate | None, cand: Candidate, code: str, sector: str
    ) -> Resolution | None:
        """The organisation a collective stands in apposition to: "media pemerintah Korea
        Utara, Korean Central News Agency" is KCNA, not a second, nameless body."""
        if following is None or following.kind != "alias" or following.match is None:
            return None
        if not self._adjacent(cand, following):
            return None
        res = self._resolve_hit(following.match.hits[0])
        same = res.kind == "organisation" and (res.country, res.sector) == (code, sector)
        return res if same else None

    def _alias(self, cand: Candidate, surface: str) -> None:
        assert cand.match is not None
        hit = cand.match.hits[0]
        lexicon = self.kb.lexicon
        if hit.kind == "metonym" and self._after(cand.match, lexicon.locative):
            return  # "tiba di Moskow": the city, not the government
        if hit.kind == "country" and self._after(cand.match, lexicon.seat):
            return  # "yang berbasis di Amerika Serikat": where a body sits, not an actor
        res = self._resolve_hit(hit)
        draft = self.table.resolved(res, (cand.start, cand.end), surface)
        self._take_title(draft, cand.start)

    def _resolve_hit(self, hit: Hit) -> Resolution:
        res = self._hits.get(id(hit))
        if res is None:
            res = self._hits[id(hit)] = self.kb.resolve_hit(hit, self.day)
        return res

    def _name(self, span: tuple[int, int], surface: str) -> None:
        res = self.kb.lookup(surface, self.day)
        if res is not None and res.kind == "person" and res.id is not None:
            self._take_title(self.table.resolved(res, span, surface), span[0])
            return
        earlier = coref.earlier_person(self.table, surface)
        if earlier is not None:
            self.table.add(earlier.id, span)
            self._take_title(earlier, span[0])
            return
        draft = self.table.resolved(self._unknown_person(span, surface), span, surface)
        self._take_title(draft, span[0])

    def _org(self, span: tuple[int, int], surface: str) -> None:
        earlier = coref.earlier_person(self.table, surface) if " " not in surface else None
        if earlier is not None:  # "Menurut Town, …": a surname a tagger read as a body
            self.table.add(earlier.id, span)
            return
        res = self.kb.lookup(surface, self.day)
        if res is None or res.id is None:
            res = Resolution(None, surface, None, None, "organisation", why="unknown", known=False)
        self.table.resolved(res, span, surface)

    def _title_at(self, span: tuple[int, int]) -> tuple[Resolution | None, str | None]:
        """The title or apposition of the name at ``span``, and its country (from the
        passage when the title names none)."""
        title = self.titles.get(span[0], (None, None))[0] or self._written_title(span)
        country = title.country if title else None
        if title is not None and country is None:
            country = apposition.context_country(self.table, span[0], self._context_floor(span[0]))
        return title, country

    def _written_title(self, span: tuple[int, int]) -> Resolution | None:
        """The title before the name at ``span`` or the apposition after it. The text alone
        decides, so it is read once a span: _late_titles asks again for spans that
        _unknown_person read (it makes a fifth of the calls)."""
        if span not in self._written_titles:
            floor, ceiling = self._sentence_bounds(span[0])
            args = (self.kb, self.words, self.text, span)
            self._written_titles[span] = apposition.title_before(
                *args, floor, self.day
            ) or apposition.apposition_after(*args, ceiling, self.day)
        return self._written_titles[span]

    def _late_titles(self) -> None:
        """An unknown person first tagged without a title may carry one at another
        mention (a tagger can miss the mention that has it)."""
        for draft in self.table.persons():
            if draft.known or draft.role is not None:
                continue
            for span in sorted(draft.mentions):
                title, country = self._title_at(span)
                if title is not None:
                    draft.country = draft.country or country
                    draft.fill(title)
                    break

    def _unknown_person(self, span: tuple[int, int], surface: str) -> Resolution:
        title, country = self._title_at(span)
        return Resolution(
            None,
            surface,
            country,
            title.sector if title else None,
            "person",
            title.role if title else None,
            title.affiliation if title else None,
            why="apposition" if title else "name only",
            known=False,
        )

    def _take_title(self, draft: Draft, start: int) -> None:
        title = self.titles.pop(start, None)
        if title is not None:
            self.table.add(draft.id, title[1])
            if not draft.known:  # the base's dated roles beat a title ("mantan PM …")
                draft.fill(title[0])

    def _affiliations(self) -> None:
        """An unknown body named in a person's title belongs to that person's country
        ("Direktur Departemen Industri Amunisi, Jo Chun Ryong" in a passage about PRK)."""
        bodies = {d.name: d for d in self.table.drafts.values() if d.kind != "person"}
        for person in self.table.persons():
            body = bodies.get(person.affiliation or "")
            if body is not None and body.country is None and not body.known:
                body.country, body.sector = person.country, body.sector or person.sector

    # -- context ------------------------------------------------------------------------

    def _apposition_of_person(self, start: int) -> bool:
        """True for "Michael Madden, seorang analis Rusia": the role describes the person
        just named, and is not another actor."""
        before = [t for t in self.table.taken if t[1] <= start]
        if not before:
            return False
        _, end, actor_id = max(before, key=lambda t: t[1])
        gap = self.text[end:start]
        if self.table.drafts[actor_id].kind != "person" or "," not in gap:
            return False
        words = gap.replace(",", " ").casefold().split()
        return " ".join(words) in self.kb.lexicon.articles or not words

    def _adjacent(self, first: Candidate, second: Candidate) -> bool:
        gap = self.text[first.end : second.start]
        return len(gap) <= TITLE_GAP and not gap.strip(" ,\u00a0")

    def _after(self, match: Match, phrases: set[str]) -> bool:
        """One of ``phrases`` of one word ("di", "ke", "in") or two ("tiba di") right
        before the match, joined to it (a word in the previous sentence does not count).
        The words are looked up first: most matches have none before them, and are told
        so without a look at the gaps (a third of the time it took, measured)."""
        m = match.first
        if m == 0:
            return False
        keys = self.words.keys
        one = keys[m - 1] in phrases
        two = m >= 2 and f"{keys[m - 2]} {keys[m - 1]}" in phrases
        if not (one or two) or not scan.joined(self.words, m - 1, m + 1, self.text):
            return False
        return one or scan.joined(self.words, m - 2, m, self.text)

    def _sentence_bounds(self, offset: int) -> tuple[int, int]:
        starts = self._ordered_starts
        if starts is None:  # sentences out of order: read them all, as sentence_at does
            sentence = self.article.sentence_at(offset)
        else:
            k = bisect_right(starts, offset) - 1
            sentence = self.article.sentences[k] if k >= 0 else None
            sentence = sentence if sentence is not None and offset < sentence.end else None
        if sentence is None:
            return 0, len(self.text)
        return sentence.start, sentence.end

    def _context_floor(self, offset: int) -> int:
        starts = self._ordered_starts
        if starts is None:
            starts = [s.start for s in self.article.sentences if s.start <= offset]
            k = len(starts)
        else:
            k = bisect_right(starts, offset)  # the sentences starting by offset
        return starts[max(0, k - 1 - CONTEXT_SENTENCES)] if k else 0

    @cached_property
    def _ordered_starts(self) -> list[int] | None:
        """The sentences' starts when they follow one another without overlapping (as the
        segmenter makes them), else None. Read once an article: the sentence of a name
        is then a bisection, not a pass over the sentences per unknown person."""
        sentences = self.article.sentences
        starts = list(map(_START, sentences))
        ends = list(map(_END, sentences))
        # each sentence ends after it starts, and before the next starts (compared in C,
        # with no generator step per pair: 1 % of the stage's bytecodes, counted)
        ordered = all(map(le, starts, ends)) and all(map(le, ends, starts[1:]))
        return starts if ordered else None


def _is_person(cand: Candidate) -> bool:
    if cand.kind == "name":
        return True
    return cand.kind == "alias" and cand.match is not None and cand.match.hits[0].kind == "person"


def _longest_first(cand: Candidate) -> tuple[int, int, int]:
    return cand.start - cand.end, PRIORITY[cand.kind], cand.start


def _non_overlapping(pool: list[Candidate]) -> list[Candidate]:
    """Longest spans first (a role phrase over the country inside it), then by kind."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in pool), default=0))
    for cand in sorted(pool, key=_longest_first):
        if taken.find(1, cand.start, cand.end) == -1:  # a search in C, no slice copied
            chosen.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(chosen, key=_START)
