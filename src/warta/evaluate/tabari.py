"""Read a TABARI/PETRARCH actor dictionary and add its actors to a knowledge base.

The format (PETRARCH's ``docs/dictionaries.rst``): an entry is a phrase (words joined by
``_`` or spaces; a trailing ``_`` only forbids suffixes) followed by its code in square
brackets, on the same line or on the next indented lines (several codes with date limits
such as ``[HOBGOV 19950601 - 19990815]``); ``+PHRASE`` lines add synonyms to the entry
above; ``#`` starts a comment and ``<!-- ... -->`` lines are comments.

Used only by ``warta eval petrarch``: the validation suite codes fictional states, so
they must be known for its sources and targets to be scored at all. Codes are CAMEO
blocks: the first three letters become the country; a longer code (``ISRMIL``) makes a
body of that country with the sector in the next block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from warta.errors import DataError
from warta.knowledge import Country, Knowledge, Organisation

_CODE = re.compile(r"\[\s*([^\]\s<>]+)[^\]]*\]")


@dataclass
class Entry:
    names: list[str] = field(default_factory=list)
    code: str | None = None


def read_actors(path: Path) -> list[Entry]:
    if not path.is_file():
        raise DataError(f"{path}: actor dictionary not found")
    entries: list[Entry] = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--") or line.startswith("-->"):
            continue
        code = _CODE.search(line)
        phrase = _CODE.sub("", line).strip()
        if phrase.startswith("+") and entries:
            entries[-1].names.append(_name(phrase[1:]))
        elif phrase:
            entries.append(Entry([_name(phrase)]))
        if code and entries and entries[-1].code is None:
            entries[-1].code = code.group(1).split("/")[0].upper()
    return [e for e in entries if e.code and e.names]


def _name(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").split()).title()


def knowledge_with(base: Knowledge, path: Path) -> Knowledge:
    """``base`` plus the dictionary's actors (a code already known keeps its record and
    gains the new names)."""
    countries = dict(base.countries)
    organisations = dict(base.organisations)
    for entry in read_actors(path):
        code = entry.code or ""
        block = code[:3]
        if not block.isalpha():
            continue  # "---", "+++": no country
        aliases = tuple((name, "*") for name in entry.names)
        if len(code) == 3:
            countries[block] = _country(countries.get(block), block, aliases)
        else:
            key = "org:petr-" + re.sub(r"\W+", "-", entry.names[0].lower())
            sector = code[3:6] if code[3:6].isalpha() else "GOV"
            organisations[key] = Organisation(key, entry.names[0], "agency", block, sector, aliases)
    return Knowledge(
        countries=countries.values(),
        organisations=organisations.values(),
        people=base.people.values(),
        metonyms=base.metonyms.values(),
        lexicon=base.lexicon,
    )


def _country(old: Country | None, code: str, aliases: tuple[tuple[str, str], ...]) -> Country:
    if old is not None:
        return Country(
            old.code,
            old.name,
            old.name_id,
            old.aliases + aliases,
            old.demonyms,
            old.capital,
            old.capital_id,
            old.lat,
            old.lon,
            old.leader,
        )
    name = aliases[0][0]
    return Country(code, name, name, aliases, (), None, None, None, None, "president")
