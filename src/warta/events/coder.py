"""Code one article's events: triggers -> roles -> status, attribution, date, place -> merge.

The coder is language-neutral: everything it knows about a language comes from the
pack's ``events.toml`` (triggers and argument words), ``status.toml`` (status cues,
confirmation, attribution) and ``dates.toml``. See those files' headers for the format;
a new language needs only those three files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from warta.article import (
    Actor,
    ActorRef,
    Article,
    Event,
    Place,
    Quote,
    Sentence,
    TimeExpression,
    parse_date,
)
from warta.events.build import new_event, new_mention, replace_event
from warta.events.dates import DateReader, Found, forward
from warta.events.lexicon import Lexicon
from warta.events.matcher import Trigger, find_triggers, forms_in
from warta.events.merge import Coded, merge
from warta.events.roles import Roles
from warta.events.sentence import ArticleIndex, View
from warta.events.status import Clause, StatusCues, clause_of
from warta.knowledge.ontology import Ontology
from warta.knowledge.places import Places

PLACE_WORDS = 3  # a place name after "di"/"ke" has at most this many capitalised words

Pairs = list[tuple[Actor | None, Actor | None]]  # (source, target) of a trigger


@dataclass(frozen=True, slots=True)
class Context:
    """What every sentence of one article shares."""

    article: Article
    index: ArticleIndex
    published: dt.date | None
    actors: dict[str, Actor]
    dates: dict[int, list[Found]]  # sentence start -> dates found in it
    # id(actor) -> (actor, its ActorRef): one ref per actor and article, not one per event
    # (19 -> 5 built per bench article; the actor is kept so that its id stays its own)
    refs: dict[int, tuple[Actor, ActorRef]]

    def ref(self, actor: Actor | None) -> ActorRef | None:
        if actor is None:
            return None
        found = self.refs.get(id(actor))
        if found is None:
            ref = ActorRef(actor.name, actor.country, actor.sector, actor.id)
            found = self.refs[id(actor)] = (actor, ref)
        return found[1]


class Coder:
    def __init__(
        self,
        lexicon: Lexicon,
        cues: StatusCues,
        dates: DateReader,
        ontology: Ontology,
        places: Places,
    ) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.dates = dates
        self.ontology = ontology
        self.places = places

    def code(
        self,
        article: Article,
        index: ArticleIndex | None = None,
        dates: dict[int, list[Found]] | None = None,
    ) -> list[Event]:
        """The article's events. ``dates`` caches the dates found per sentence start; pass
        the same dict to ``times`` so that no sentence is read for dates twice."""
        ctx = Context(
            article,
            index or ArticleIndex(article),
            parse_date(article.published),
            {a.id: a for a in article.actors},
            {} if dates is None else dates,
            {},
        )
        coded: list[Coded] = []
        starts, lowered = self.lexicon.starts, ctx.index.low
        for sentence, (lo, hi) in zip(article.sentences, ctx.index.ranges, strict=True):
            low = lowered[lo:hi]
            # A third of the sentences name no event: skip them here, without a call.
            if not starts.isdisjoint(low):
                coded.extend(self._sentence(ctx, sentence, (lo, hi), low))
        return merge(with_destinations(coded))

    def _sentence(
        self, ctx: Context, sentence: Sentence, token_range: tuple[int, int], low: list[str]
    ) -> list[Coded]:
        """The events of a sentence with a word that may start a trigger; ``low``: its
        lower-cased tokens."""
        mentions = ctx.index.mentions_in(sentence.start, sentence.end)  # View's too
        if not self._may_have_actor(mentions, low):
            return []  # a quarter of the rest: no party, so no event (see _may_have_actor)
        matches = forms_in(low, self.lexicon)
        if not matches:
            return []  # a trigger's first word, but none of its forms
        view = View(ctx.article, sentence, ctx.index, self.lexicon.words, token_range, mentions)
        if not view.spans:
            return []  # the anaphors found no referent: no party either
        triggers = find_triggers(view, self.lexicon, matches)
        if not triggers:
            return []
        roles = Roles(view, triggers, self.cues.speech)
        prior: list[Actor | None] = []
        out: list[Coded] = []
        for trigger in triggers:
            # the trigger's clause and place, read once: for its status, its place and,
            # for a visit or an attack with no one named, its target
            clause = clause_of(view, trigger.i)
            place = self._place(view, trigger, clause)
            pairs = roles.assign(trigger, prior)
            if trigger.form.family.departure:
                pairs = self._departure(view, trigger, pairs)
            elif trigger.form.family.place_is_target:
                pairs = _place_target(place, pairs)
            prior.append(pairs[0][0] if pairs else None)
            if pairs:
                others = [t.i for t in triggers if t is not trigger]
                found = _Found(clause, place, others)
                out.extend(self._coded(ctx, view, roles, trigger, pairs, found))
        return out

    def _may_have_actor(self, mentions: list[tuple[int, int, Actor]], low: list[str]) -> bool:
        """Can a role in the sentence be filled? Every source and target is an actor span
        of the sentence's ``View`` (a mention starting in it, or an anaphor), or one taken
        over from such a span ("X bertemu Y dan meminta ..."), and a trigger without a
        party is not coded. Skipping the sentences without any spares their View,
        triggers and roles: 857 of 3347 bench sentences with a trigger form (measured:
        the stage's machine instructions per bench article 7.6M -> 6.8M)."""
        return bool(mentions) or not self.lexicon.words.anaphor_words.isdisjoint(low)

    def _coded(
        self,
        ctx: Context,
        view: View,
        roles: Roles,
        trigger: Trigger,
        pairs: Pairs,
        found: _Found,
    ) -> list[Coded]:
        """The trigger's events, one per (source, target) pair; everything but the
        parties is read once per trigger."""
        family = trigger.form.family
        coding = self.ontology.code(family.type, family.mode)
        status = self.cues.status(view, trigger, found.others, found.clause)
        t_start = view.tokens[trigger.i].start
        t_end = view.tokens[trigger.j - 1].end
        sentence = view.sentence
        attributed = _quote_speaker(ctx, t_start) or self.cues.attributed_to(view, trigger, roles)
        shared: dict[str, Any] = {
            "type": family.type,
            "mode": coding.mode,
            "cameo": coding.cameo,
            "quad_class": coding.quad_class,
            "goldstein": coding.goldstein,
            "status": status,
            "sentence": ctx.article.text[sentence.start : sentence.end],
            "start": sentence.start,
            "end": sentence.end,
            "trigger": ctx.article.text[t_start:t_end],
            "attributed_to": ctx.ref(attributed) if isinstance(attributed, Actor) else attributed,
            "confirmed_by": ctx.ref(self.cues.confirmed_by(view, trigger, roles)),
            "date": self._date(ctx, view, t_start, status),
            "place": found.place,
            "mentions": (new_mention(sentence.start, sentence.end, t_start, t_end, status),),
        }
        departure = family.departure
        return [
            Coded(
                new_event({**shared, "source": ctx.ref(src), "target": ctx.ref(tgt)}),
                src,
                tgt,
                coding.symmetric,
                departure,
            )
            for src, tgt in pairs
        ]

    def _departure(self, view: View, trigger: Trigger, pairs: Pairs) -> Pairs:
        """Keep a departure only from the traveller's own country; its destination comes
        later (``with_destinations``)."""
        place = self._place_at(view, trigger.j) if trigger.j < view.n else None
        span = view.span_at.get(trigger.j)
        home = place.country if place is not None else span.actor.country if span else None
        return [(src, None) for src, _ in pairs if src is not None and src.country == home]

    def times(
        self,
        article: Article,
        index: ArticleIndex | None = None,
        dates: dict[int, list[Found]] | None = None,
    ) -> list[TimeExpression]:
        """Every date expression in the article, resolved against its publication date."""
        published = parse_date(article.published)
        index = index or ArticleIndex(article)
        dates = {} if dates is None else dates
        out = []
        for sentence, (lo, hi) in zip(article.sentences, index.ranges, strict=True):
            if sentence.start not in dates:
                text = article.text[sentence.start : sentence.end]
                dates[sentence.start] = self.dates.find(text, published, index.low[lo:hi])
            for found in dates[sentence.start]:
                start, end = sentence.start + found.index, sentence.start + found.end
                out.append(TimeExpression(article.text[start:end], start, end, found.iso))
        return out

    def _date(self, ctx: Context, view: View, offset: int, status: str) -> str | None:
        sentence = view.sentence
        if sentence.start not in ctx.dates:
            text = ctx.article.text[sentence.start : sentence.end]
            ctx.dates[sentence.start] = self.dates.find(text, ctx.published, view.low)
        found = ctx.dates[sentence.start]
        if not found:
            return None
        # Most sentences with a date have one: no nearest to look for, and no lambda
        # (measured: the stage's machine instructions per bench article 5.239M -> 5.225M).
        best: Found = (
            found[0]
            if len(found) == 1
            else min(found, key=lambda f: abs(sentence.start + f.index - offset))
        )
        iso = best.iso
        if ctx.published is not None and status == "planned" and best.weekday_only:
            iso = forward(best, ctx.published)
        late = ctx.published is not None and iso > ctx.published.isoformat()[: len(iso)]
        if late and status != "planned":
            return None  # a past event cannot postdate its article: a misread date
        return iso

    def _place(self, view: View, trigger: Trigger, clause: Clause) -> Place | None:
        if self.lexicon.words.place.isdisjoint(view.low[clause.start : clause.end]):
            return None  # no "di"/"ke" in the clause: skip the scan
        # The clause's place words after the trigger, then those before it, nearest first
        # (found by comprehensions: measured, 1.6k -> 1.1k bytecodes per bench article).
        low, words = view.low, self.lexicon.words
        after = [k for k in range(trigger.j, clause.end) if low[k] in words.place]
        before = [k for k in range(trigger.i - 1, clause.start - 1, -1) if low[k] in words.place]
        for k in after + before:
            if k > 0 and low[k - 1] in words.place_owners:
                continue  # "perang di Ukraina": the place belongs to the war
            if k + 1 < view.n:
                place = self._place_at(view, k + 1)
                if place is not None:
                    return place
        return None

    def _place_at(self, view: View, k: int) -> Place | None:
        end = k
        while end < view.n and end - k < PLACE_WORDS and view.tokens[end].text[:1].isupper():
            end += 1
        for stop in range(end, k, -1):
            start_char, end_char = view.tokens[k].start, view.tokens[stop - 1].end
            place = self.places.resolve(view.text[start_char:end_char], start_char, end_char)
            if place is not None:
                return place
        return None


@dataclass(slots=True)
class _Found:
    """What a trigger's events share beyond its parties, read once per trigger."""

    clause: Clause
    place: Place | None
    others: list[int]  # the token indexes of the sentence's other triggers


def _place_target(place: Place | None, pairs: Pairs) -> Pairs:
    """ "berkunjung ke Pyongyang", "serangan di Gaza": with no actor named, the country of
    the trigger's place is the target, when it is not the source's own."""
    if all(tgt is not None for _, tgt in pairs) or place is None or place.country is None:
        return pairs
    state = Actor(
        id="place:" + place.country,
        name=place.name,
        country=place.country,
        sector=None,
        kind="state",
    )
    return [
        (src, tgt if tgt is not None else state)
        if tgt is not None or src is None or src.country != place.country
        else (src, tgt)
        for src, tgt in pairs
    ]


def with_destinations(coded: list[Coded]) -> list[Coded]:
    """A departure's destination is the target of another visit by the same traveller's
    country in the article; a departure with none is dropped."""
    out = []
    for item in coded:
        if not item.departure:
            out.append(item)
            continue
        src = item.source.country if item.source else None
        visit = next(
            (
                c
                for c in coded
                if not c.departure
                and c.event.type == item.event.type
                and c.target is not None
                and c.source is not None
                and c.source.country == src
            ),
            None,
        )
        if visit is not None:
            event = replace_event(item.event, target=visit.event.target)
            if visit.event.status == "planned":
                event = _journey_begun(event)
            out.append(Coded(event, item.source, visit.target, item.symmetric))
    return out


def _journey_begun(event: Event) -> Event:
    """Setting off ("telah meninggalkan Pyongyang") shows that the trip has begun, not that
    the planned visit at the destination has happened: the mention stays evidence of the
    planned visit, and the day of departure is not the day of the visit."""
    mentions = tuple(replace(m, status="planned") for m in event.mentions)
    return replace_event(event, status="planned", date=None, mentions=mentions)


def _quote_speaker(ctx: Context, offset: int) -> Actor | ActorRef | None:
    quote: Quote
    for quote in ctx.article.quotes:
        if quote.start <= offset < quote.end:
            if quote.speaker and quote.speaker in ctx.actors:
                return ctx.actors[quote.speaker]
            if quote.speaker_name:
                return ActorRef(quote.speaker_name, None, None, quote.speaker)
    return None
