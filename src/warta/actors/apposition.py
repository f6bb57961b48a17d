"""What a sentence says about a person the knowledge base lacks: the title before the name
("Direktur Departemen Industri Amunisi, Jo Chun Ryong") or the apposition after it
("Michael Madden, seorang ahli … di Stimson Center"), and, when that title names no
country, the country the text was just talking about."""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.actors.scan import Words
from warta.actors.table import ActorTable
from warta.knowledge import Knowledge, Resolution

# Appositions end at the next comma, semicolon or parenthesis; a title before a name starts
# after the previous one (or the sentence start).
_BREAKS = ",;()"
_BREAK = re.compile(f"[{re.escape(_BREAKS)}]")
_COMMA_NEXT = re.compile(r"\s*,")  # \s is what str.strip strips (Unicode whitespace)


def title_before(
    kb: Knowledge, words: Words, text: str, name: tuple[int, int], floor: int, day: str
) -> Resolution | None:
    before = _trim_left(text, name[0])  # once, not once for each break character
    clause_start = max(floor, *(text.rfind(c, floor, before) + 1 for c in _BREAKS))
    return _role_in(kb, words, words.within(clause_start, name[0]), text, day)


def apposition_after(
    kb: Knowledge, words: Words, text: str, name: tuple[int, int], ceiling: int, day: str
) -> Resolution | None:
    # Two regex scans from the name on, not a copy of the sentence's rest and a find per
    # break character (a tenth of this function's time, py-spy).
    comma = _COMMA_NEXT.match(text, name[1], ceiling)
    if comma is None:
        return None
    start = comma.end()
    end = _BREAK.search(text, start, ceiling)
    clause = words.within(start, end.start() if end else ceiling)
    return _role_in(kb, words, clause, text, day, within=3)


def _role_in(
    kb: Knowledge, words: Words, clause: range, text: str, day: str, within: int = 12
) -> Resolution | None:
    """The role phrase starting at the first role noun in the ``clause`` of ``words``
    (among its first ``within`` words), resolved on ``day``, with an unknown body's name
    as written."""
    keys = words.keys[clause.start : clause.stop]
    for i in range(min(within, len(keys))):
        if kb.lexicon.role_at(keys, i) is None:
            continue
        res = kb.resolve_role_phrase(keys[i:], day)
        if res is None:
            return None
        if res.affiliation and res.id is None and (res.country is None):
            span = text[words.starts[clause[i]] : words.ends[clause[-1]]]
            res = _with_affiliation(res, _after_role(kb, keys[i:], span))
        return res
    return None


def _after_role(kb: Knowledge, keys: Sequence[str], span: str) -> str:
    found = kb.lexicon.role_at(keys, 0)
    skip = found[1] if found else 0
    parts = span.split()
    return " ".join(parts[skip:]) if len(parts) == len(keys) else span


def _with_affiliation(res: Resolution, affiliation: str) -> Resolution:
    return Resolution(
        res.id,
        res.name,
        res.country,
        res.sector,
        res.kind,
        res.role,
        affiliation or None,
        res.why,
        res.known,
    )


def _trim_left(text: str, offset: int) -> int:
    """Offset before the whitespace and comma that separate a title from its name."""
    while offset > 0 and text[offset - 1] in " ,\u00a0":
        offset -= 1
    return offset


def context_country(table: ActorTable, offset: int, floor: int) -> str | None:
    """The country of the nearest actor mentioned before ``offset`` (back to ``floor``):
    a title with no country belongs to the state the passage is about ("… Kim Jong Un
    meninggalkan Pyongyang … Direktur Departemen Industri Amunisi, Jo Chun Ryong")."""
    for draft in table.before(offset, floor):
        if draft.country:
            return draft.country
    return None
