"""The default pipeline, built and warmed once in the process that forks ingest workers.

``run.local`` starts its workers from a fork server that imports this module first
(``multiprocessing``'s ``set_forkserver_preload``): every worker then begins with the
stages built and their lazily loaded data (models, gazetteers, lexicons, places) in memory,
shared copy-on-write, instead of importing and loading them itself. Spawning fresh
interpreters cost about 1.1 s of CPU per worker on every run (imports 0.13 s, building the
stages 0.33 s, the first article's lazy loads 0.4 s; measured on 2026-11-27).

Importing this module does that work, so only the fork server should import it.
"""

from __future__ import annotations

import gc
from importlib import resources

from warta.pipeline import Pipeline
from warta.resources import Resources
from warta.sources.text import to_article


def _warmed() -> Pipeline | None:
    try:
        pipeline = Pipeline.default(Resources())
        # our own short articles in both languages: they touch every lazily loaded table
        text = resources.files("warta.run").joinpath("warmup.txt").read_text("utf-8")
        for passage in text.split("\n---\n")[1:]:  # the first part says what the file is
            pipeline.run_one(to_article(passage.strip()))
    except Exception:  # a worker then builds its own pipeline and reports the error
        return None
    gc.freeze()  # forked workers' collections need not walk the models (see run.local)
    return pipeline


PIPELINE = _warmed()
