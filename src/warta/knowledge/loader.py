"""Reading the knowledge data files (TSV and TOML under ``knowledge/data/``) into records.

TSV files start with ``#`` comment lines, then a header row; lists inside a cell are
separated by ``|``; empty trailing cells may be left out.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from warta.errors import DataError
from warta.knowledge.normalise import pad_end, pad_start, slug
from warta.knowledge.records import (
    OPEN_END,
    Country,
    Metonym,
    Organisation,
    Person,
    Tenure,
)

DATA = "warta.knowledge.data"


def data_root() -> Traversable:
    return resources.files(DATA)


def read_toml(name: str) -> dict[str, Any]:
    path = data_root().joinpath(name)
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"knowledge/data/{name}: {exc}") from exc


def read_tsv(path: Traversable) -> Iterator[dict[str, str]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"knowledge data {path}: {exc}") from exc
    rows = (line.split("\t") for line in lines if line.strip() and not line.startswith("#"))
    header = next(rows, None)
    if header is None:
        return
    for cells in rows:
        cells += [""] * (len(header) - len(cells))
        yield {key: cell.strip() for key, cell in zip(header, cells, strict=False)}


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def load_countries() -> list[Country]:
    return [_country(row) for row in read_tsv(data_root().joinpath("countries.tsv"))]


def _country(row: dict[str, str]) -> Country:
    aliases = [(row["name"], "en"), (row["name_id"], "id")]
    aliases += [(a, "en") for a in split(row["aliases_en"])]
    aliases += [(a, "id") for a in split(row["aliases_id"])]
    return Country(
        code=row["code"],
        name=row["name"],
        name_id=row["name_id"],
        aliases=tuple(aliases),
        demonyms=tuple(split(row["demonyms"])),
        capital=row["capital"] or None,
        capital_id=row["capital_id"] or row["capital"] or None,
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None,
        leader=row["leader"] or "president",
    )


def load_organisations() -> list[Organisation]:
    out = []
    for row in read_tsv(data_root().joinpath("organisations.tsv")):
        aliases = [(row["name"], "en")]
        aliases += [(a, "en") for a in split(row["aliases_en"])]
        aliases += [(a, "id") for a in split(row["aliases_id"])]
        out.append(
            Organisation(
                id="org:" + row["key"],
                name=row["name"],
                kind=row["kind"],
                country=row["country"] or None,
                sector=row["sector"],
                aliases=tuple(aliases),
            )
        )
    return out


def load_metonyms() -> list[Metonym]:
    return [
        Metonym(row["alias"], row["country"], row["institution"], row["seat"] == "y")
        for row in read_tsv(data_root().joinpath("metonyms.tsv"))
    ]


def load_people(role_sectors: dict[str, str]) -> list[Person]:
    """One row per tenure; rows with the same name are one person (aliases accumulate)."""
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    tenures: dict[str, list[Tenure]] = {}
    folder = data_root().joinpath("people")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".tsv"):
            continue
        for row in read_tsv(path):
            tenure = _tenure(row, role_sectors, path.name)
            names.setdefault(tenure.person, row["name"])
            known = aliases.setdefault(tenure.person, [])
            known += [a for a in split(row["aliases"]) if a not in known]
            tenures.setdefault(tenure.person, []).append(tenure)
    return [
        Person(pid, names[pid], tuple(aliases[pid]), tuple(sorted(t, key=lambda x: x.start)))
        for pid, t in tenures.items()
    ]


def _tenure(row: dict[str, str], role_sectors: dict[str, str], source: str) -> Tenure:
    role = row["role"]
    if not row["name"]:
        raise DataError(f"knowledge/data/people/{source}: a row without a name ({row})")
    if role not in role_sectors:
        raise DataError(f"knowledge/data/people/{source}: unknown role {role!r} ({row['name']})")
    if not row["start"]:
        raise DataError(f"knowledge/data/people/{source}: no start date for {row['name']}")
    return Tenure(
        person="person:" + slug(row["name"]),
        country=row["country"],
        role=role,
        sector=row.get("sector") or role_sectors[role],
        start=pad_start(row["start"]),
        end=pad_end(row["end"]) if row["end"] else OPEN_END,
    )
