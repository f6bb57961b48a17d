"""Find event triggers in a sentence: verb and noun forms, light-verb constructions.

A noun trigger after an active light verb ("melakukan kunjungan", "menjatuhkan sanksi")
is read as that verb's predicate; one followed by a passive light verb ("sanksi yang
diberlakukan terhadap Rusia") takes the passive frame. The clitic -nya on a noun is the
possessive ("kunjungannya" = his visit).
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.events.lexicon import Form, Lexicon
from warta.events.sentence import View

# How far a light verb may stand from its noun ("melakukan serangkaian kunjungan",
# "sanksi internasional yang diberlakukan").
LIGHT_GAP = 3
POSSESSIVE = "nya"


@dataclass(slots=True)
class Trigger:  # not frozen, for speed: see sentence.Span
    form: Form
    i: int  # first token
    j: int  # one past the last token
    light: int | None = None  # token index of a governing light verb
    light_voice: str | None = None  # "active" or "passive"
    possessive: bool = False  # the noun carries -nya
    intended: bool = False  # the content of an agreement or promise: planned at least

    @property
    def slot(self) -> str:
        if self.light_voice is not None:
            return "light_" + self.light_voice
        return self.form.slot


# The forms found at each token (longest first), each with its end and whether -nya
# made it possessive: see ``forms_in``.
Matches = dict[int, list[tuple[Form, int, bool]]]


def find_triggers(view: View, lexicon: Lexicon, matches: Matches | None = None) -> list[Trigger]:
    """The sentence's triggers; ``matches`` are its ``forms_in`` when the caller has them."""
    if matches is None:
        matches = forms_in(view.low, lexicon)
    out: list[Trigger] = []
    low, not_events, span_at = view.low, view.words.not_events, view.span_at
    # Visit only the words that start a form or a not-event phrase, not every word
    # (measured: 7.0k -> 2.6k bytecodes per article here). ``matches`` is in word order.
    places: list[int] = list(matches)
    if not not_events.keys().isdisjoint(low):
        places = sorted({*places, *(m for m, w in enumerate(low) if w in not_events)})
    k = 0  # the next word a match may start at
    for m in places:
        if m < k:
            continue
        k, word = m, low[m]
        skip = _not_event(view, k) if word in not_events else 0
        if skip:
            k += skip
            continue
        if k not in matches or k in span_at:
            k += 1
            continue
        trigger = _match_at(view, lexicon, k, matches[k])
        if trigger is None:
            k += 1
            continue
        trigger = _with_light(view, lexicon, trigger)
        trigger = _as_object(view, trigger, out)
        if trigger is not None and not _is_topic(view, trigger, out):
            out.append(trigger)
        k = trigger.j if trigger is not None else k + 1
    return _drop_directed(view, out)


def _drop_directed(view: View, triggers: list[Trigger]) -> list[Trigger]:
    """ "memperingatkan X agar tidak menjual senjata": what a directive (a family with
    ``object_events = "drop"``) asks for in its purpose clause is not an event."""
    if all(t.form.family.object_events != "drop" for t in triggers):
        return triggers  # no directive in the sentence (most): nothing to drop
    out: list[Trigger] = []
    for trigger in triggers:
        b = trigger.i - 1
        while b >= 0 and not view.breaks[b]:
            b -= 1
        directive = next(
            (
                t
                for t in reversed(out)
                if t.j <= b and t.slot != "noun" and t.form.family.object_events == "drop"
            ),
            None,
        )
        opener = view.low[b] if b >= 0 else ""
        if (
            directive is not None
            and opener in view.words.purpose
            and _one_clause(view, directive.j, b)
        ):
            continue
        out.append(trigger)
    return out


def _one_clause(view: View, start: int, end: int) -> bool:
    return not any(view.breaks[m] for m in range(start, end))


def _not_event(view: View, k: int) -> int:
    for phrase in view.words.not_events.get(view.low[k], ()):
        if tuple(view.low[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _as_object(view: View, trigger: Trigger, before: list[Trigger]) -> Trigger | None:
    """An event noun that is the object of another trigger, or part of a compound.

    "perjanjian kemitraan": the second noun only classifies the first. "meminta bantuan":
    the aid is what is asked for, not an event (``object_events = "drop"``); "sepakat
    memulai perundingan": the talks are intended (``"planned"``).
    """
    if trigger.form.slot != "noun":
        return trigger
    if trigger.i > 0 and view.low[trigger.i - 1] in view.words.frame_nouns:
        return None  # "resolusi gencatan senjata" names a document, not a ceasefire
    if not before:
        return trigger
    prev = before[-1]
    if prev.slot == "noun" and prev.j == trigger.i:
        return None
    head = trigger.light if trigger.light is not None else trigger.i
    gap = range(prev.j, head)
    if prev.slot == "noun" or len(gap) > 2 or any(_blocks_object(view, m) for m in gap):
        return trigger
    rule = prev.form.family.object_events
    if rule == "drop":
        return None  # also "mengancam akan melancarkan serangan": the threatened attack
    if rule == "planned":
        return Trigger(
            trigger.form,
            trigger.i,
            trigger.j,
            trigger.light,
            trigger.light_voice,
            trigger.possessive,
            True,
        )
    return trigger


def _blocks_object(view: View, m: int) -> bool:
    return m in view.span_at or view.breaks[m] or view.low[m] == ","


def forms_in(low: list[str], lexicon: Lexicon) -> Matches:
    """Every trigger form whose words stand in ``low``, by first token. Read once per
    sentence: the empty answer lets the coder skip the sentence before building its
    ``View``, and ``find_triggers`` reuses the rest instead of matching the forms a second
    time (measured, with the changes to the loops below: 15k -> 11k Python bytecodes per
    bench article). It ignores the tests that need the view (``with`` words, actors),
    which ``find_triggers`` applies."""
    starts = lexicon.starts
    out: Matches = {}
    for k, word in enumerate(low):
        if word in starts:
            found = _forms_at(low, lexicon, k)
            if found:
                out[k] = found
    return out


def _match_at(
    view: View, lexicon: Lexicon, k: int, forms: list[tuple[Form, int, bool]]
) -> Trigger | None:
    for form, end, possessive in forms:
        if _with_ok(view, form, end):
            trigger = Trigger(form, k, end, possessive=possessive)
            if not (lexicon.passive_auxiliaries or view.words.possessive):
                return trigger  # no analytic voice or genitive (Indonesian): skip the calls
            return _analytic(view, lexicon, trigger)
    return None


def _forms_at(low: list[str], lexicon: Lexicon, k: int) -> list[tuple[Form, int, bool]]:
    """The forms whose words stand at ``k`` (longest first), each with its end and
    whether the clitic -nya made it possessive."""
    word = low[k]
    possessive = False
    forms = lexicon.candidates(word)
    if not forms and word.endswith(POSSESSIVE) and len(word) > len(POSSESSIVE) + 3:
        forms = [f for f in lexicon.candidates(word[: -len(POSSESSIVE)]) if f.slot == "noun"]
        possessive = True
    out = []
    for form in forms:
        end = k + len(form.tokens)
        if end == k + 1:
            # Forms are indexed by their first word: a one-word form always matches.
            out.append((form, end, possessive))
            continue
        got = low[k:end]
        if possessive:
            got = [got[0][: -len(POSSESSIVE)], *got[1:]]
        elif len(got) > 1 and got[-1].endswith(POSSESSIVE):
            # "menarik duta besarnya": the clitic sits on the phrase's last word
            got = [*got[:-1], got[-1][: -len(POSSESSIVE)]]
        if tuple(got) == form.tokens:
            out.append((form, end, possessive))
    return out


def _analytic(view: View, lexicon: Lexicon, trigger: Trigger) -> Trigger:
    """Languages that mark voice and possession with separate words (English): a
    participle after a form of "be"/"get" is passive ("was attacked", "were reportedly
    arrested"); a genitive before an event noun names its doer ("Russia's invasion",
    "his visit"). Packs without ``[voice]``/``possessive`` data are unaffected."""
    form = trigger.form
    if form.slot == "active" and _after_auxiliary(view, lexicon, trigger.i):
        passive = Form(form.tokens, "passive", form.family, form.rank)
        return Trigger(passive, trigger.i, trigger.j)
    if form.slot == "noun" and not trigger.possessive and _after_genitive(view, trigger.i):
        return Trigger(form, trigger.i, trigger.j, possessive=True)
    return trigger


def _after_auxiliary(view: View, lexicon: Lexicon, i: int) -> bool:
    if not lexicon.passive_auxiliaries or view.low[i].endswith("ing"):
        return False  # "was attacking" is a progressive active
    for k in range(i - 1, max(i - 2 - lexicon.adverb_gap, -1), -1):
        if view.low[k] in lexicon.passive_auxiliaries:
            return True
        if k in view.span_at or _blocks_object(view, k) or view.low[k] in view.words.prepositions:
            return False
    return False


def _after_genitive(view: View, i: int) -> bool:
    words = view.words
    if not words.possessive:
        return False
    clitics = tuple(p for p in words.possessive if not p.isalpha())
    for k in range(i - 1, max(i - 2 - words.possessive_gap, -1), -1):
        word = view.low[k]
        if word in words.possessive or (clitics and word.endswith(clitics)):
            return True
        if k in view.span_at or _blocks_object(view, k) or word in words.prepositions:
            return False
    return False


def _is_topic(view: View, trigger: Trigger, before: list[Trigger]) -> bool:
    """A bare event noun inside an aboutness phrase ("mengenai lokasi pertemuan").

    Talks about a deal are the exception: the deal is what the talks work towards, so
    "pembicaraan terkait kesepakatan senjata" keeps the deal (with the talks' status).
    """
    if trigger.slot != "noun":
        return False
    words = view.words
    if words.topic.isdisjoint(view.low[max(trigger.i - words.topic_window, 0) : trigger.i]):
        return False  # no aboutness word close before the noun (most nouns)
    verbs = {t.i for t in before if t.slot != "noun"}
    talks = {t.j for t in before if t.form.family.type == "CONSULT"}
    for k in range(trigger.i - 1, max(trigger.i - 1 - words.topic_window, -1), -1):
        if view.low[k] in words.topic:
            return k not in talks
        if view.breaks[k] or view.low[k] == "," or k in view.span_at or k in verbs:
            return False
    return False


def _with_ok(view: View, form: Form, end: int) -> bool:
    needs = form.family.with_words
    if not needs:
        return True
    window = view.low[end : end + form.family.with_window]
    for phrase in needs:
        if phrase[0] not in window:
            continue  # most phrases: their first word is absent, no need to slide
        for k in range(len(window) - len(phrase) + 1):
            if tuple(window[k : k + len(phrase)]) == phrase:
                return True
    return False


def _with_light(view: View, lexicon: Lexicon, trigger: Trigger) -> Trigger:
    if trigger.form.slot != "noun":
        return trigger
    if trigger.j < view.n and view.low[trigger.j] in view.words.demonstratives:
        return trigger  # a light verb's noun is new ("melakukan kunjungan"), not "itu"
    for k in range(trigger.i - 1, max(trigger.i - 1 - LIGHT_GAP, -1), -1):
        if view.low[k] in lexicon.light_active:
            return _replace(trigger, k, "active")
        if view.low[k] in lexicon.light_receive:
            return _replace(trigger, k, "receive")
        recipient = _recipient_light(view, lexicon, k)
        if recipient is not None:
            return _replace(trigger, recipient, "active")
        if _blocks(view, lexicon, k):
            break
    for k in range(trigger.j, min(trigger.j + LIGHT_GAP, view.n)):
        if view.low[k] in lexicon.light_passive:
            return _replace(trigger, k, "passive")
        if k in view.span_at or (view.breaks[k] and view.low[k] != "yang"):
            break
    return trigger


def _recipient_light(view: View, lexicon: Lexicon, k: int) -> int | None:
    """A light verb with its recipient between it and the noun ("gave Tanzania a grant",
    "memberi Ukraina bantuan"): the actor at ``k`` right after the verb is crossed."""
    span = view.span_at.get(k)
    if span is None or span.i == 0 or view.low[span.i - 1] not in lexicon.light_active:
        return None
    return span.i - 1


def _blocks(view: View, lexicon: Lexicon, k: int) -> bool:
    """Words a light verb cannot reach across: a clause break, an actor, a preposition
    or another event word ("melakukan pembicaraan terkait kesepakatan": the light verb
    governs "pembicaraan" only)."""
    word = view.low[k]
    return (
        view.breaks[k]
        or k in view.span_at
        or word in view.words.prepositions
        or (bool(lexicon.candidates(word)) and word not in lexicon.light_governing)
    )


def _replace(trigger: Trigger, light: int, voice: str) -> Trigger:
    return Trigger(
        trigger.form, trigger.i, trigger.j, light, voice, trigger.possessive, trigger.intended
    )
