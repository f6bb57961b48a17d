"""The row builders spell their columns out (faster than unpacking records): they must still
cover every field of their records and every column of their tables."""

import dataclasses
import json

from warta.article import Actor, Article, Entity, Event, Mention, Quote
from warta.store import rows, schema


def _fields(record: type) -> set[str]:
    return {f.name for f in dataclasses.fields(record)}


def _article() -> Article:
    article = Article(raw="x", text="Jokowi bertemu Albanese di Jakarta.", published="2024-05-01")
    article.entities = [Entity("Jokowi", "PER", 0, 6)]
    article.actors = [Actor("IDN", "Jokowi", "IDN", "GOV", mentions=((0, 6),))]
    article.quotes = [Quote("kata", 0, 4, True, speaker="IDN")]
    evidence = (Mention(0, 1, 0, 1, "occurred"),)
    article.events = [
        Event("CONSULT", None, "040", 1, 1.0, None, None, "occurred", "s", 0, 1, mentions=evidence)
    ]
    return article


def test_rows_cover_every_field_and_column() -> None:
    article = _article()
    evidence = article.events[0].mentions
    entity = rows.entity_rows(article)[0]
    actor = rows.actor_rows(article)[0]
    quote = rows.quote_rows(article)[0]
    mention = rows.mention_rows(article)[0]
    assert _fields(Entity) <= set(entity)
    assert _fields(Actor) - {"id"} <= set(actor) and "actor_id" in actor
    assert _fields(Quote) <= set(quote)
    assert {"type", "mode", "cameo", "status", "sentence", "start", "end", "trigger"} <= set(
        mention
    )
    for table, row in [("entities", entity), ("actors", actor), ("quotes", quote)]:
        assert set(row) == set(schema.columns(table)), table
    assert set(mention) == set(schema.columns("event_mentions")) - {"event_id"}
    assert mention["evidence"] == json.dumps([dataclasses.asdict(m) for m in evidence])


def test_json_columns_match_json_dumps() -> None:
    article = _article()
    assert rows.actor_rows(article)[0]["mentions"] == json.dumps([[0, 6]])
    value = {"a": 'ü "q" \u2028', "b": [1, 2.5, None, True], "c": float("inf")}
    assert rows._plain_json(value) == json.dumps(value, ensure_ascii=False)
    assert rows._plain_json([]) is None
