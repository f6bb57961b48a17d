"""How the tagger's entities and the gazetteer's known names become one list.

The rule, in order:

1. A gazetteer hit counts only where it looks like a name: in a sentence with ordinary
   casing its first character must be a capital or a digit ("Cina" yes, "cina" in
   running text no); in a lowercased or shouted sentence any hit counts.
2. Hyphenated compounds: a model entity written as names joined by hyphens, each part a
   gazetteer name ("Rusia-Korut", "AS-Cina"), becomes one entity per part with the
   gazetteer's types (these compounds mean "between A and B").
3. A gazetteer hit that overlaps no model entity is added (source "gazetteer"): the
   knowledge base knows names the corpora never showed.
4. A hit with exactly a model entity's span keeps the span and takes the gazetteer's
   type (source "both"): for a listed name, the knowledge base knows what it is
   ("Kremlin" is the Russian presidency, ORG, not a place).
5. A hit that covers one or more model entities whole (longer and aligned on word
   boundaries) replaces them (source "both"): "Korean Central News" + "Agency".
6. A person entity that starts or ends with a known place or organisation loses it
   to the gazetteer: people are not named after states or institutions, so "Kremlin
   Dmitry Peskov" (an appositive without a comma) is ORG Kremlin + PER Dmitry Peskov.
   Organisations and places do contain such names ("Bank Indonesia"), so only PER.
7. Otherwise (a hit inside a model entity, or crossing one) the model entity stands:
   it saw the context ("Universitas Indonesia" is not the country).
8. Across the article, one name has one type (``one_type_per_name``): the same string
   tagged PER three times and LOC once ("Kehadiran Jo Chun Ryong" inside a quote) takes
   the type it has most often; the gazetteer's type wins over the model's, and a tie
   keeps every entity as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from warta.article import Entity
from warta.nlp.gazetteer import Match

_PIECE = re.compile(r"[^-]+")


def looks_like_name(text: str, match: Match, *, cased: bool) -> bool:
    first = text[match.start : match.start + 1]
    return not cased or first.isupper() or first.isdigit()


def combine(text: str, model: Iterable[Entity], hits: Iterable[Match]) -> list[Entity]:
    model = list(model)
    hits = list(hits)
    simple = _added_or_retyped(text, model, hits)
    if simple is not None:
        return simple
    known = [Entity(text[h.start : h.end], h.type, h.start, h.end, "gazetteer") for h in hits]
    result = _split_compounds(text, model, known)
    result = [part for e in result for part in _peel_person(text, e, known)]
    for entity in known:
        result = _merge(result, entity)
    return sorted(result, key=_span)


def _added_or_retyped(text: str, model: list[Entity], hits: list[Match]) -> list[Entity] | None:
    """The result when every hit either overlaps no model entity (rule 3) or has exactly
    one's span (rule 4), which leaves rules 2, 5 and 6 nothing to do; else None. (Nine
    sentences with hits in ten, on the bench articles: the full rules are rarely needed.
    The hits become entities only here, once each, as they end up.)"""
    if not model:
        added = [Entity(text[h.start : h.end], h.type, h.start, h.end, "gazetteer") for h in hits]
        return sorted(added, key=_span)
    at = {(e.start, e.end): i for i, e in enumerate(model)}
    out = model.copy()
    for hit in hits:
        i = at.get((hit.start, hit.end))
        if i is None and any(e.start < hit.end and hit.start < e.end for e in model):
            return None
        source = "gazetteer" if i is None else "both"
        entity = Entity(text[hit.start : hit.end], hit.type, hit.start, hit.end, source)
        if i is None:
            out.append(entity)
        else:
            out[i] = entity
    return sorted(out, key=_span)


def _span(entity: Entity) -> tuple[int, int]:
    return entity.start, entity.end


def _merge(result: list[Entity], hit: Entity) -> list[Entity]:
    overlapping = [e for e in result if e.start < hit.end and hit.start < e.end]
    if not overlapping:
        return [*result, hit]
    if all(hit.start <= e.start and e.end <= hit.end for e in overlapping):
        kept = [e for e in result if e not in overlapping]
        source = "gazetteer" if all(e.source == "gazetteer" for e in overlapping) else "both"
        return [*kept, Entity(hit.text, hit.type, hit.start, hit.end, source)]
    return result


def _split_compounds(text: str, model: list[Entity], known: list[Entity]) -> list[Entity]:
    by_span = {(k.start, k.end): k for k in known}
    out = []
    for entity in model:
        parts = _compound_parts(text, entity, by_span)
        if parts:
            out += [Entity(p.text, p.type, p.start, p.end, "both") for p in parts]
        else:
            out.append(entity)
    return out


def _compound_parts(
    text: str, entity: Entity, by_span: dict[tuple[int, int], Entity]
) -> list[Entity] | None:
    chunk = text[entity.start : entity.end]
    if "-" not in chunk or " -" in chunk or "- " in chunk:
        return None
    pieces = [(entity.start + m.start(), entity.start + m.end()) for m in _PIECE.finditer(chunk)]
    if len(pieces) < 2 or any(span not in by_span for span in pieces):
        return None
    return [by_span[span] for span in pieces]


def _peel_person(text: str, entity: Entity, known: list[Entity]) -> list[Entity]:
    if entity.type != "PER":
        return [entity]
    for hit in known:
        if hit.type == "PER" or not entity.start <= hit.start < hit.end <= entity.end:
            continue
        if hit.start == entity.start and text[hit.end : entity.end].strip():
            rest = _trimmed(text, hit.end, entity.end)
        elif hit.end == entity.end and text[entity.start : hit.start].strip():
            rest = _trimmed(text, entity.start, hit.start)
        else:
            continue
        return [rest, Entity(hit.text, hit.type, hit.start, hit.end, "both")]
    return [entity]


def _trimmed(text: str, start: int, end: int) -> Entity:
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    return Entity(text[start:end], "PER", start, end, "model")


def one_type_per_name(entities: list[Entity]) -> list[Entity]:
    """Rule 8: give every mention of a name the type it has most often in the article."""
    types: dict[str, set[str]] = {}
    for e in entities:
        types.setdefault(e.text, set()).add(e.type)
    disputed = {name for name, kinds in types.items() if len(kinds) > 1}
    if not disputed:  # the usual case: nothing to vote on
        return list(entities)
    votes: dict[str, Counter[str]] = {name: Counter() for name in disputed}
    for e in entities:
        if e.text in disputed:
            votes[e.text][e.type] += (
                2 if e.source != "model" else 1
            )  # a listed name's type is known
    out = []
    for e in entities:
        if e.text in disputed:
            ranked = votes[e.text].most_common(2)
            if ranked[0][1] > ranked[1][1] and ranked[0][0] != e.type:
                e = replace(e, type=ranked[0][0])
        out.append(e)
    return out
