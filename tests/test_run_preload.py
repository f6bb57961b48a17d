"""Workers start from the fork server's warmed pipeline (run.preload) when they can."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from warta.pipeline import Pipeline
from warta.run import local


def _fake_preload(monkeypatch, pipeline):
    monkeypatch.setitem(sys.modules, "warta.run.preload", SimpleNamespace(PIPELINE=pipeline))


def test_a_forked_worker_takes_the_preloaded_pipeline_or_its_first_stages(monkeypatch):
    pipeline = Pipeline.default()
    _fake_preload(monkeypatch, pipeline)
    assert local._preloaded(None, None) is pipeline
    prefix = local._preloaded(None, "segment")
    assert prefix is not None and prefix.names == ["clean", "language", "segment"]
    assert prefix.stages[0] is pipeline.stages[0]  # shared, not rebuilt


def test_a_custom_pipeline_or_a_failed_preload_is_built_by_the_worker(monkeypatch):
    _fake_preload(monkeypatch, Pipeline.default())
    assert local._preloaded("tests._fake_pipeline:make", None) is None
    assert local._preloaded(None, "no-such-stage") is None
    _fake_preload(monkeypatch, None)
    assert local._preloaded(None, None) is None


def test_without_the_fork_server_nothing_is_preloaded(monkeypatch):
    monkeypatch.delitem(sys.modules, "warta.run.preload", raising=False)
    assert local._preloaded(None, None) is None


def test_the_preload_module_builds_and_warms_the_default_pipeline():
    # in a fresh interpreter: importing the module is what the fork server does
    code = (
        "from warta.run import preload\n"
        "p = preload.PIPELINE\n"
        "print(p.names)\n"
        "from warta.sources.text import to_article\n"
        "a = p(to_article('Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Moskwa.'))\n"
        "print(sorted({e.type for e in a.events}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == str(list(Pipeline.default().names))
    assert out[1] != "[]"
