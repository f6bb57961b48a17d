"""In-article coreference that needs no knowledge base: a partial name ("Kim", "Madden")
is the person whose full name came earlier, and "kedua pemimpin" / "both leaders" are the
last two people named."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache, partial

from warta.actors.scan import Words
from warta.actors.table import ActorTable, Draft
from warta.knowledge import Knowledge
from warta.knowledge.roles import RoleLexicon

PLURAL_STATES = frozenset({"negara", "pihak", "countries", "nations", "sides"})


def earlier_person(table: ActorTable, surface: str) -> Draft | None:
    """The person already in the table whose name contains every word of ``surface``
    ("Kim" in "Kim Jong Un"); the most recently mentioned when several do."""
    words = surface.casefold().split()
    # Most names match no one (a first mention) or one person: the table's few people
    # tell, without a walk over every mention (~4x less time, measured);
    # only when several fit does the most recent mention decide.
    fitting = [d for d in table.persons() if _contains(d.name, words)]
    if len(fitting) < 2:
        return fitting[0] if fitting else None
    for draft in table.before(10**12):
        if draft.kind == "person" and _contains(draft.name, words):
            return draft
    return None


def _contains(name: str, words: Sequence[str]) -> bool:
    parts = _folded_parts(name)
    return len(parts) > len(words) and all(w in parts for w in words)


# An article asks for the parts of the same few names at every mention; cached per
# process (names recur across articles), which halves earlier_person on a name-heavy text.
@lru_cache(maxsize=4096)
def _folded_parts(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().replace("-", " ").split())


@lru_cache(maxsize=4096)
def _parts(name: str) -> tuple[str, ...]:
    return tuple(name.replace("-", " ").split())


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


def repeated_names(table: ActorTable, words: Words) -> None:
    """Later occurrences of a person's full name that no tagger marked."""
    for draft in table.persons():
        name = _folded_parts(draft.name)
        for i in words.find(name):
            span = (words.starts[i], words.ends[i + len(name) - 1])
            if not table.covered(*span):
                table.add(draft.id, span)


def partial_names(table: ActorTable, words: Words, common: Collection[str]) -> None:
    """Single capitalised words naming someone already mentioned in full: Korean and
    Chinese names put the family name first ("Kim"), most others last ("Madden").
    ``common``: words that are never a name (role nouns, articles, links)."""
    texts = words.texts
    for i in words.where(_name_ends(table, common)):  # the only words worth a look back
        span = (words.starts[i], words.ends[i])
        if not texts[i][:1].isupper() or table.covered(*span):
            continue
        if i + 1 < len(texts) and texts[i + 1][:1].isupper():
            continue  # "Kim Yo Jong": the start of another name, not "Kim" alone
        draft = _named_before(table, texts[i], span[0], common)
        if draft is not None:
            table.add(draft.id, span)


def _name_parts(draft: Draft, common: Collection[str]) -> tuple[str, ...]:
    """The words of a person's full name; none for one word, or for a description made
    of a role noun ("wartawan di Seoul" is no name, and "Seoul" is no part of one)."""
    parts = _parts(draft.name)
    if draft.kind != "person" or len(parts) < 2 or parts[0].casefold() in common:
        return ()
    return parts


def _name_ends(table: ActorTable, common: Collection[str]) -> set[str]:
    """The first and last words of the full names of the table's people."""
    ends: set[str] = set()
    for draft in table.persons():
        parts = _name_parts(draft, common)
        if parts:
            ends.update((parts[0], parts[-1]))
    return ends


def _named_before(
    table: ActorTable, text: str, offset: int, common: Collection[str]
) -> Draft | None:
    for draft in table.before(offset):
        parts = _name_parts(draft, common)
        if parts and text in (parts[0], parts[-1]):
            return draft
    return None


def plurals(table: ActorTable, words: Words, kb: Knowledge, at: Iterable[int]) -> None:
    """ "kedua pemimpin", "kedua negara", "both leaders": the span becomes a mention of each
    of the last two people holding such a role (or states) named before it. ``at``: where
    a plural word may stand."""
    keys = words.keys
    lexicon = kb.lexicon
    for i in at:
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
        span = (words.starts[i], words.ends[end - 1])
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
