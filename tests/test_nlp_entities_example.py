"""The worked example through clean, language, segment and entities: the names the
design lists, found by the general model plus the knowledge base's gazetteer."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def entities(resources):
    from warta.article import Article
    from warta.pipeline import Pipeline

    pipeline = Pipeline.default(resources, until="entities")
    text = (EXAMPLES / "jabarekspres-kim-putin.txt").read_text("utf-8")
    article = pipeline(Article(raw=text, published="2023-09-11"))
    for e in article.entities:
        assert article.text[e.start : e.end] == e.text
    return {(e.type, e.text) for e in article.entities}


@pytest.mark.parametrize(
    "name",
    ["Kim Jong Un", "Vladimir Putin", "Dmitry Peskov", "Jo Chun Ryong", "Michael Madden"],
)
def test_entities_example_people(entities, name):
    assert ("PER", name) in entities


@pytest.mark.parametrize(
    "name", ["Kremlin", "KCNA", "Korean Central News Agency", "Stimson Center"]
)
def test_entities_example_organisations(entities, name):
    assert ("ORG", name) in entities


@pytest.mark.parametrize(
    "name", ["Vladivostok", "Pyongyang", "Rusia", "Korea Utara", "Ukraina", "Amerika Serikat"]
)
def test_entities_example_places(entities, name):
    assert ("LOC", name) in entities


def test_entities_example_has_nothing_from_the_removed_boilerplate(entities):
    names = " ".join(name for _, name in entities)
    for gone in ("Biden", "Maroko", "JABAR"):
        assert gone not in names
