"""What the routes share: the store behind a lock, the analysis pipeline, the ingest policy.

One DuckDB connection must not be used by two threads at once, and FastAPI runs plain
route functions in a thread pool, so every store call goes through ``Backend.read``.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from warta.article import Article
from warta.pipeline import Pipeline
from warta.store.base import Store

R = TypeVar("R")


class Backend:
    # not a dataclass: __init__ checks the ingest policy and builds locks
    def __init__(
        self,
        store: Store,
        *,
        allow_ingest: bool = False,
        token: str | None = None,
        pipeline: Pipeline | Callable[[], Pipeline] | None = None,
    ) -> None:
        if allow_ingest and not token:
            raise ValueError("ingestion over HTTP needs a token")
        self.store = store
        self.allow_ingest = allow_ingest
        self.token = token
        self._pipeline = pipeline
        self._store_lock = threading.Lock()
        self._pipeline_lock = threading.Lock()

    def read(self, call: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        with self._store_lock:
            return call(*args, **kwargs)

    def analyse(self, article: Article) -> Article:
        """Run the pipeline, built on first use (loading models takes seconds). Stages keep
        caches, so one article is analysed at a time."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline.default()
            elif not isinstance(self._pipeline, Pipeline):
                self._pipeline = self._pipeline()
            return self._pipeline(article)

    def may_ingest(self, authorization: str | None) -> bool:
        if not (self.allow_ingest and self.token and authorization):
            return False
        scheme, _, given = authorization.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given, self.token)
