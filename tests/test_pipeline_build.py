from __future__ import annotations

import pytest

from warta.article import Article
from warta.errors import EmptyInput, PipelineError
from warta.pipeline import Pipeline, make_stage
from warta.resources import Resources


class Adds:
    def __init__(self, name, requires=(), adds=(), fail=None):
        self.name, self.requires, self.adds, self.fail = name, requires, adds, fail

    def __call__(self, article):
        if self.fail:
            raise self.fail


def test_pipeline_fails_at_build_when_a_prerequisite_is_missing():
    with pytest.raises(PipelineError, match=r"requires sentences.*'segment' stage"):
        Pipeline([Adds("clean", adds=("text",)), Adds("quotes", requires=("sentences",))])


def test_pipeline_rejects_duplicate_and_unknown_stages():
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([Adds("clean", adds=("text",)), Adds("clean", adds=("text",))])
    with pytest.raises(PipelineError, match="unknown stage"):
        make_stage("sentiment", Resources())


def test_pipeline_run_turns_a_failure_into_a_result_with_its_stage():
    pipeline = Pipeline([Adds("clean", adds=("text",)), Adds("boom", fail=ValueError("bad"))])
    result = pipeline.run_one(Article(raw="x", path="a.txt"))
    assert not result.ok and result.stage == "boom" and "ValueError: bad" in result.error
    assert result.source == "a.txt"


def test_pipeline_input_errors_keep_their_own_stage():
    pipeline = Pipeline.default(until="segment")
    results = list(
        pipeline.run([Article(raw="   "), Article(raw="Presiden Rusia tiba di Jakarta.")])
    )
    assert results[0].stage == "read" and not results[0].ok
    assert results[1].ok and results[1].article.language == "id"
    with pytest.raises(EmptyInput):
        pipeline(Article(raw="\n\n"))
