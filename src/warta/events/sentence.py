"""One sentence as the event coder sees it: lower-cased tokens and the actors in them.

Actor mentions become token spans (the widest mention wins where mentions nest, so
"Pemimpin Tertinggi Korea Utara" is Kim, not North Korea). Anaphors ("negara tersebut",
"ia") become spans with candidate actors, latest first; the role assignment picks the
first candidate that fits the event.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter, itemgetter

from warta.article import Actor, Article, Sentence, Token
from warta.events.lexicon import ArgumentWords

Actors = tuple[Actor, ...]

ANY_KIND = ("person", "state", "organisation", "group")
_START, _END = itemgetter(0), itemgetter(1)
_TOKEN_START = attrgetter("start")


# Span, Trigger (matcher), Clause (status) and Coded (merge) are not frozen: a frozen
# dataclass's __init__ sets each field through object.__setattr__, four times the cost of
# a plain slot store (11.9k -> 3.0k machine instructions for seven fields), and the stage
# builds some seventy of them per article (measured: ~5% of the stage's instructions).
# Nothing assigns to them once built.
@dataclass(slots=True)
class Span:
    i: int  # first token index in the sentence
    j: int  # one past the last token
    candidates: tuple[Actor, ...]  # one actor for a name; several for an anaphor
    anaphor: bool = False
    plural: bool = False  # "kedua negara": candidates are the two parties

    @property
    def actor(self) -> Actor:
        return self.candidates[0]


class ArticleIndex:
    """Every actor mention of the article, sorted, for per-sentence lookups."""

    def __init__(self, article: Article) -> None:
        mentions = [(s, e, a) for a in article.actors for s, e in a.mentions]
        # By start, the widest first (ties keep their order): two stable sorts on C key
        # functions instead of one on a Python lambda building a tuple per mention.
        mentions.sort(key=_END, reverse=True)
        mentions.sort(key=_START)
        self.mentions = mentions
        self.starts = [m[0] for m in mentions]
        self.tokens = article.tokens
        # Read in a C loop (map), not a comprehension: measured, the stage's machine
        # instructions per bench article 5.31M -> 5.24M. (Not the lower-casing below:
        # map(str.lower, ...) costs more than the comprehension's method calls.)
        self.token_starts = list(map(_TOKEN_START, article.tokens))
        self.low = [t.text.lower() for t in article.tokens]
        # Each sentence's token range, in sentence order: both passes walk the sentences.
        self.ranges = [self._token_range(s.start, s.end) for s in article.sentences]
        # ``token_range`` remembers the spans it is asked for (the stage asks for none).
        self._ranges: dict[tuple[int, int], tuple[int, int]] = {}
        # Anaphors look back from each sentence: the answer depends only on how many
        # mentions precede the offset, so each is computed once per article.
        self._before: dict[tuple[int, tuple[str, ...], str], Actors] = {}

    def token_range(self, sentence: Sentence) -> tuple[int, int]:
        key = (sentence.start, sentence.end)
        found = self._ranges.get(key)
        if found is None:  # each sentence is asked for several times
            found = self._ranges[key] = self._token_range(*key)
        return found

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        lo = bisect.bisect_left(self.token_starts, start)
        hi = bisect.bisect_left(self.token_starts, end)
        while hi > lo and self.tokens[hi - 1].end > end:
            hi -= 1
        return lo, hi

    def tokens_in(self, sentence: Sentence) -> list[Token]:
        lo, hi = self.token_range(sentence)
        return self.tokens[lo:hi]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.mentions[lo:hi]

    def before(self, offset: int, kinds: tuple[str, ...]) -> tuple[Actor, ...]:
        """Actors of these kinds mentioned before ``offset``, the latest first, each once."""
        return self._looked_back(offset, kinds, self._latest)

    def _latest(self, hi: int, kinds: tuple[str, ...]) -> tuple[Actor, ...]:
        out: list[Actor] = []
        seen: set[str] = set()
        for _, _, actor in reversed(self.mentions[:hi]):
            if actor.kind in kinds and actor.id not in seen:
                seen.add(actor.id)
                out.append(actor)
        return tuple(out)

    def pair_before(self, offset: int, kinds: tuple[str, ...]) -> tuple[Actor, ...]:
        """The two most-mentioned actors of these kinds (and of two countries) so far.

        "kedua pemimpin" refers to the two leaders the article is about, which are the
        most prominent ones, not necessarily the last named (a spokesman may intervene).
        """
        return self._looked_back(offset, kinds, self._prominent_pair)

    def _looked_back(
        self, offset: int, kinds: tuple[str, ...], look: Callable[[int, tuple[str, ...]], Actors]
    ) -> Actors:
        """``look`` at the mentions before ``offset``, once per number of them."""
        hi = bisect.bisect_left(self.starts, offset)
        key = (hi, kinds, look.__name__)
        if key not in self._before:
            self._before[key] = look(hi, kinds)
        return self._before[key]

    def _prominent_pair(self, hi: int, kinds: tuple[str, ...]) -> tuple[Actor, ...]:
        counts: dict[str, int] = {}
        first: dict[str, Actor] = {}
        for _, _, actor in self.mentions[:hi]:
            if actor.kind in kinds and actor.country:
                counts[actor.id] = counts.get(actor.id, 0) + 1
                first.setdefault(actor.id, actor)
        out: list[Actor] = []
        for actor_id in sorted(counts, key=lambda a: -counts[a]):
            actor = first[actor_id]
            if all(actor.country != o.country for o in out):
                out.append(actor)
            if len(out) == 2:
                return tuple(out)
        return ()


class View:
    def __init__(
        self,
        article: Article,
        sentence: Sentence,
        index: ArticleIndex,
        words: ArgumentWords,
        token_range: tuple[int, int] | None = None,  # the sentence's, when known
        mentions: list[tuple[int, int, Actor]] | None = None,  # its mentions_in, when known
    ) -> None:
        self.sentence = sentence
        lo, hi = token_range or index.token_range(sentence)
        self.tokens = index.tokens[lo:hi]
        self.low = index.low[lo:hi]
        self.n = hi - lo
        self.text = article.text
        self.words = words
        if mentions is None:
            mentions = index.mentions_in(sentence.start, sentence.end)
        self.spans = _actor_spans(index.token_starts, lo, hi, mentions)
        anaphors = self._anaphors(index)
        if anaphors:  # the actor spans alone are in order already
            self.spans = sorted(self.spans + anaphors, key=lambda s: s.i)
        self.span_at = {k: s for s in self.spans for k in range(s.i, s.j)}
        # "untuk" opens a purpose clause, but "untuk Bangladesh" is a benefactive phrase.
        clause = words.clause
        self.break_at: list[int] = []  # the clause breaks' positions, for clause_bounds
        if not clause.isdisjoint(self.low):  # three in five sentences read here: one clause
            self.break_at = [
                k
                for k, w in enumerate(self.low)
                if w in clause and not (w in words.prepositions and self.np_then_actor(k + 1))
            ]
        self.breaks = [False] * self.n
        for k in self.break_at:
            self.breaks[k] = True

    def __len__(self) -> int:
        return self.n

    def clause_bounds(self, k: int) -> tuple[int, int]:
        """The clause around token ``k``: from after the break before it to the next break
        after it (``k``'s own break word counts for neither side). Two bisections instead
        of a walk to each break (measured with ``status.clause_of``: 4.0k -> 1.2k
        bytecodes per bench article)."""
        before = bisect.bisect_left(self.break_at, k)
        start = self.break_at[before - 1] + 1 if before else 0
        after = bisect.bisect_right(self.break_at, k)
        end = self.break_at[after] if after < len(self.break_at) else self.n
        return start, end

    def nominal(self, k: int) -> bool:
        """A word that can sit inside a noun phrase before a name: a head noun ("wilayah"),
        or a lower-case word without a verbal prefix ("keanggotaan penuh")."""
        word = self.low[k]
        if word in self.words.heads:
            return True
        words = self.words
        if not words.open_nominals:
            return False  # no verbal morphology (English): only the listed heads count
        # The treebank lexicon knows bare verbs ("tiba") and prefixed nouns ("pertemuan");
        # an unknown word is judged by its prefix.
        known = words.classes.get(word)
        return (
            self.tokens[k].text.islower()
            and word.isalpha()
            and (known == "N" if known else not word.startswith(words.verb_prefixes))
            and word not in words.prepositions
            and word not in words.coordination
            and word not in words.clause
        )

    def np_then_actor(self, k: int, limit: int = 3) -> bool:
        """Does an actor follow at ``k``, after at most ``limit`` noun-phrase words?"""
        end = min(k + limit, len(self.low))
        # "ke dekat Taiwan", "di depan Kedutaan": a second preposition may stand first.
        if k < end and self.low[k] in self.words.prepositions:
            k += 1
        while k < end and k not in self.span_at and self.nominal(k):
            k += 1
        return k in self.span_at

    def after_preposition(self, span: Span) -> str | None:
        """The preposition governing ``span`` ("ke Rusia", "terhadap keanggotaan penuh
        Palestina"), if any."""
        k = span.i - 1
        while k >= 0 and k > span.i - 4 and k not in self.span_at and self.nominal(k):
            k -= 1
        if k >= 0 and self.low[k] in self.words.prepositions:
            return self.low[k]
        return None

    def _phrase_anaphor(self, index: ArticleIndex, k: int, offset: int) -> Span | None:
        words = self.words
        for phrases, kinds, plural in (
            (words.state_anaphors, ("state",), False),
            (words.pair_anaphors, ("state",), True),
            (words.leader_pair_anaphors, ("person",), True),
        ):
            size = _match(self.low, k, phrases)
            if size:
                found = index.pair_before(offset, kinds) if plural else index.before(offset, kinds)
                if plural and not found:
                    found = index.pair_before(offset, ANY_KIND)  # states named by leaders
                return Span(k, k + size, found, True, plural) if found else None
        return None

    def _anaphors(self, index: ArticleIndex) -> list[Span]:
        out: list[Span] = []
        words = self.words
        wanted = words.anaphor_words
        if wanted.isdisjoint(self.low):
            return out  # most sentences: no anaphor to resolve
        taken = {k for s in self.spans for k in range(s.i, s.j)}
        for k, word in enumerate(self.low):
            if word not in wanted or k in taken:
                continue
            offset = self.tokens[k].start
            span = (
                self._phrase_anaphor(index, k, offset)
                if word in self.words.anaphor_starts
                else None
            )
            if span is not None:
                out.append(span)
            else:
                kinds: tuple[str, ...] | None = None
                if word in self.words.person_pronouns:
                    kinds = ("person",)
                elif word in self.words.party_pronouns:
                    kinds = ANY_KIND
                found = index.before(offset, kinds) if kinds else ()
                if found:
                    out.append(Span(k, k + 1, found[:1], anaphor=True))
        return out


def _match(low: list[str], k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    word = low[k]
    for phrase in phrases:
        # Compare the first word before slicing: most phrases start with another word.
        if phrase[0] == word and tuple(low[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _actor_spans(
    starts: list[int], lo: int, hi: int, mentions: list[tuple[int, int, Actor]]
) -> list[Span]:
    """``starts[lo:hi]``: the sentence's token start offsets (the article's are searched
    between those bounds rather than copied)."""
    spans: list[Span] = []
    last_end = -1
    # mentions are sorted by start, widest first: a nested mention is skipped. One
    # mention shared by two actors ("kedua pemimpin" resolved to both) is a plural span.
    for m_start, m_end, actor in mentions:
        i = max(bisect.bisect_right(starts, m_start, lo, hi) - 1 - lo, 0)
        j = bisect.bisect_left(starts, m_end, lo, hi) - lo
        if j <= i:
            continue
        if spans and (spans[-1].i, spans[-1].j) == (i, j):
            last = spans[-1]
            if all(actor.id != c.id for c in last.candidates):
                spans[-1] = Span(i, j, (*last.candidates, actor), False, True)
            continue
        if i < last_end:
            continue
        spans.append(Span(i, j, (actor,)))
        last_end = j
    return spans
