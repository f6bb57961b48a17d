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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warta.pipeline import Pipeline


def _warmed() -> Pipeline | None:
    # No collections while loading: the models and tables are long-lived and hold no
    # cycles to free, and walking them again and again cost 0.07-0.1 s of a 1 s start
    # (measured with gc.callbacks). Frozen afterwards, so that the forked workers'
    # collections need not walk them either (see run.local).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _built_and_warmed()
    except Exception:  # a worker then builds its own pipeline and reports the error
        return None
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _built_and_warmed() -> Pipeline:
    import warta.run.local  # noqa: F401  (what a worker runs: imported once, here)
    from warta.pipeline import Pipeline
    from warta.resources import Resources
    from warta.run.batch import analyse_batch
    from warta.sources.text import to_article

    pipeline = Pipeline.default(Resources())
    # Our own short articles in both languages, analysed as a worker analyses a batch
    # (table rows and signatures too): they touch every lazily loaded table. Rows alone
    # loaded the event ontology in every worker's first batch.
    text = resources.files("warta.run").joinpath("warmup.txt").read_text("utf-8")
    passages = text.split("\n---\n")[1:]  # the first part says what the file is
    analyse_batch([to_article(p.strip()) for p in passages], pipeline, rows_only=True)
    return pipeline


PIPELINE = _warmed()
