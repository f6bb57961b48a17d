"""In-article coreference that needs no knowledge base: a partial name ("Kim", "Madden")
is the person whose full name came earlier, and "kedua pemimpin" / "both leaders" are the
last two people named."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from warta.actors.scan import Word
from warta.actors.table import ActorTable, Draft
from warta.knowledge import Knowledge
from warta.knowledge.roles import RoleLexicon

PLURAL_STATES = frozenset({"negara", "pihak", "countries", "nations", "sides"})


def earlier_person(table: ActorTable, surface: str) -> Draft | None:
    """The person already in the table whose name contains every word of ``surface``
    ("Kim" in "Kim Jong Un"); the most recently mentioned when several do."""
    words = surface.casefold().split()
    for draft in table.before(10**12):
        if draft.kind == "person" and _contains(draft.name, words):
            return draft
    return None


def _contains(name: str, words: Sequence[str]) -> bool:
    parts = name.casefold().replace("-", " ").split()
    return len(parts) > len(words) and all(w in parts for w in words)


def earlier_holder(
    table: ActorTable, offset: int, role: str | None, country: str | None
) -> Draft | None:
    """The person named earlier in the article as holding ``role`` for ``country``: a
    later "Menlu Argentina" is the foreign minister the article introduced by name."""
    if role is None or country is None:
        return None
    for draft in table.before(offset):
        if draft.kind == "person" and draft.role == role and draft.country == country:
            return draft
    return None


def repeated_names(table: ActorTable, words: Sequence[Word]) -> None:
    """Later occurrences of a person's full name that no tagger marked."""
    keys = [w.key for w in words]
    for draft in table.persons():
        name = draft.name.casefold().replace("-", " ").split()
        size = len(name)
        for i in range(len(keys) - size + 1):
            if keys[i : i + size] == name:
                span = (words[i].start, words[i + size - 1].end)
                if not table.covered(*span):
                    table.add(draft.id, span)


def partial_names(table: ActorTable, words: Sequence[Word]) -> None:
    """Single capitalised words naming someone already mentioned in full: Korean and
    Chinese names put the family name first ("Kim"), most others last ("Madden")."""
    for i, word in enumerate(words):
        if not word.text[:1].isupper() or table.covered(word.start, word.end):
            continue
        if i + 1 < len(words) and words[i + 1].text[:1].isupper():
            continue  # "Kim Yo Jong": the start of another name, not "Kim" alone
        draft = _named_before(table, word)
        if draft is not None:
            table.add(draft.id, (word.start, word.end))


def _named_before(table: ActorTable, word: Word) -> Draft | None:
    for draft in table.before(word.start):
        parts = draft.name.replace("-", " ").split()
        if draft.kind == "person" and len(parts) > 1 and word.text in (parts[0], parts[-1]):
            return draft
    return None


def plurals(table: ActorTable, words: Sequence[Word], kb: Knowledge) -> None:
    """ "kedua pemimpin", "kedua negara", "both leaders": the span becomes a mention of each
    of the last two people holding such a role (or states) named before it."""
    keys = [w.key for w in words]
    lexicon = kb.lexicon
    for i in range(len(keys)):
        size = 2 if " ".join(keys[i : i + 2]) in lexicon.plural else 1
        if size == 1 and keys[i] not in lexicon.plural:
            continue
        j = i + size
        if j < len(keys) and keys[j] in PLURAL_STATES:
            role, end = "state", j + 1
        else:
            found = _plural_role(lexicon, keys, j)
            if found is None:
                continue
            role, end = found
        span = (words[i].start, words[end - 1].end)
        for draft in _last_two(table, span[0], partial(_fits, kb, role=role)):
            table.add(draft.id, span)


def _plural_role(lexicon: RoleLexicon, keys: list[str], j: int) -> tuple[str, int] | None:
    """The role noun after a plural word; English marks the plural on the noun itself
    ("both leaders"), Indonesian does not ("kedua pemimpin")."""
    if j >= len(keys):
        return None
    found = lexicon.role_at(keys, j)
    if found is None and keys[j].endswith("s"):
        found = lexicon.role_at([*keys[:j], keys[j][:-1], *keys[j + 1 :]], j)
    return found


def _fits(kb: Knowledge, draft: Draft, *, role: str) -> bool:
    if role == "state":
        return draft.kind == "state"
    if draft.kind != "person":
        return False
    if role == "leader":  # heads of state and government
        held = kb.role(draft.role or "")
        return held is not None and held.rank <= 3
    if role == "minister":
        return (draft.role or "").endswith("minister")
    return draft.role == role


def _last_two(table: ActorTable, offset: int, fits: Callable[[Draft], bool]) -> list[Draft]:
    found: list[Draft] = []
    for draft in table.before(offset):
        if fits(draft) and draft not in found:
            found.append(draft)
        if len(found) == 2:
            break
    return found if len(found) == 2 else []
