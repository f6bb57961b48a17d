"""A tiny stand-in pipeline for runner tests: no NLP models, deterministic events.

It codes a meeting (CONSULT), an attack (ASSAULT) or sanctions (SANCTION) in a sentence
between the first two countries it names, so ingest tests exercise the store's clustering
without depending on the real stages. A text containing MELEDAK makes the events stage fail;
MATI kills the worker process.
"""

from __future__ import annotations

import os
import re

from warta.article import ActorRef, Article, Event, Sentence
from warta.pipeline import Pipeline
from warta.resources import Resources

COUNTRIES = {
    "Rusia": "RUS",
    "Korea Utara": "PRK",
    "China": "CHN",
    "Filipina": "PHL",
    "Indonesia": "IDN",
    "Australia": "AUS",
    "Ukraina": "UKR",
}
VERBS = {
    "bertemu": ("CONSULT", "occurred"),
    "akan bertemu": ("CONSULT", "planned"),
    "menyerang": ("ASSAULT", "occurred"),
    "sanksi": ("SANCTION", "occurred"),
}


class Clean:
    name, requires, adds = "clean", ("raw",), ("text",)

    def __init__(self, resources: Resources) -> None:
        pass

    def __call__(self, article: Article) -> None:
        article.text = " ".join(article.raw.split())


class Segment:
    name, requires, adds = "segment", ("text",), ("sentences",)

    def __init__(self, resources: Resources) -> None:
        pass

    def __call__(self, article: Article) -> None:
        article.sentences = [
            Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", article.text)
        ]


class Events:
    name, requires, adds = "events", ("sentences",), ("events",)

    def __init__(self, resources: Resources) -> None:
        pass

    def __call__(self, article: Article) -> None:
        if "MELEDAK" in article.text:
            raise ValueError("stage exploded")
        if "MATI" in article.text:
            os._exit(3)  # a worker dying outright, as an out-of-memory kill would
        for sentence in article.sentences:
            text = article.text[sentence.start : sentence.end]
            found = sorted((text.find(n), code, n) for n, code in COUNTRIES.items() if n in text)
            verb = next((v for v in sorted(VERBS, key=len, reverse=True) if v in text), None)
            if verb and len(found) >= 2:
                kind, status = VERBS[verb]
                (_, a, an), (_, b, bn) = found[:2]
                article.events.append(
                    Event(
                        type=kind,
                        mode=None,
                        cameo=None,
                        quad_class=1,
                        goldstein=1.0,
                        source=ActorRef(an, a, None),
                        target=ActorRef(bn, b, None),
                        status=status,
                        sentence=text,
                        start=sentence.start,
                        end=sentence.end,
                        trigger=verb,
                    )
                )


def make(resources: Resources) -> Pipeline:
    return Pipeline([Clean(resources), Segment(resources), Events(resources)])
