"""Analyse a batch of inputs: the one function every runner calls (local processes, Ray).

Inputs that could not be read arrive as ``InputFailure`` and leave as failed Results, so the
store records them next to the analysed articles of the same batch.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from warta.article import Article
from warta.pipeline import Pipeline, Result, Stage
from warta.resources import Resources
from warta.sources import InputFailure, Item
from warta.store.dedup import MinHasher
from warta.store.rows import hollow, input_id, prepare


@dataclass
class Timings:
    """CPU seconds spent per stage (summed over articles), and articles analysed.

    CPU time, not wall time: on a shared machine a stage's wall time counts the time its
    process waited for a core, which says nothing about the stage."""

    stages: dict[str, float] = field(default_factory=dict)
    articles: int = 0
    total: float = 0.0  # whole batches, with reading results back and signatures

    def add(self, other: Timings) -> None:
        for name, seconds in other.stages.items():
            self.stages[name] = self.stages.get(name, 0.0) + seconds
        self.articles += other.articles
        self.total += other.total


class _Timed:
    """A stage wrapper that adds its run time to a Timings (same name, requires, adds)."""

    def __init__(self, stage: Stage, timings: Timings) -> None:
        self.stage = stage
        self.name, self.requires, self.adds = stage.name, stage.requires, stage.adds
        self.timings = timings
        if hasattr(stage, "batch"):  # (only then: see ``Pipeline.run_batch``)
            self.batch = self._batch

    def __call__(self, article: Article) -> None:
        with self._timing():
            self.stage(article)

    def _batch(self, articles: Sequence[Article]) -> None:
        with self._timing():
            self.stage.batch(articles)  # type: ignore[attr-defined]

    @contextmanager
    def _timing(self) -> Iterator[None]:
        start = time.process_time()
        try:
            yield
        finally:
            elapsed = time.process_time() - start
            self.timings.stages[self.name] = self.timings.stages.get(self.name, 0.0) + elapsed


def timed(pipeline: Pipeline) -> tuple[Pipeline, Timings]:
    timings = Timings()
    return Pipeline([_Timed(s, timings) for s in pipeline.stages]), timings


def build_pipeline(
    spec: str | None = None, resources: Resources | None = None, *, until: str | None = None
) -> Pipeline:
    """The default pipeline (up to stage ``until``), or ``module:factory`` (a callable
    taking Resources)."""
    resources = resources or Resources()
    if not spec:
        return Pipeline.default(resources, until=until)
    module, _, name = spec.partition(":")
    factory = getattr(importlib.import_module(module), name)
    return factory(resources)


def analyse_batch(
    items: Sequence[Item],
    pipeline: Pipeline,
    *,
    hasher: MinHasher | None = None,
    keep_tokens: bool = False,
    rows_only: bool = False,
) -> list[Result]:
    """One Result per item, in order; a failure never raises.

    Ids and near-duplicate signatures are computed here, in parallel, not by the single
    writer. Tokens and the raw input are dropped after analysis unless asked for: the store
    keeps neither, and they are most of what a worker would send back to the writer.
    With ``rows_only`` (the runners) each article carries its table rows instead of its
    records (``rows.hollow``): all a store writes, built here rather than by the writer.
    """
    hasher = hasher or MinHasher.default()
    articles = [item for item in items if not isinstance(item, InputFailure)]
    for article in articles:
        article.meta.setdefault("_input_id", input_id(article))
    analysed = iter(pipeline.run_batch(articles))
    results = []
    for item in items:
        result = item.result() if isinstance(item, InputFailure) else next(analysed)
        if result.article is not None:
            _finish(result.article, hasher, keep_tokens=keep_tokens, rows_only=rows_only)
        results.append(result)
    return results


def _finish(article: Article, hasher: MinHasher, *, keep_tokens: bool, rows_only: bool) -> None:
    """Ids, signature and rows; then drop what the store does not keep."""
    prepare(article, hasher, with_rows=rows_only)
    if rows_only:
        hollow(article)
    if not keep_tokens:
        article.tokens = []
        if article.text:  # the id hashes the text once there is one
            article.raw = ""
