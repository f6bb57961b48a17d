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


class FailsOn:
    """A stage that fails on articles whose raw text contains a word; records the order."""

    def __init__(self, name, word, log, requires=(), adds=()):
        self.name, self.word, self.log = name, word, log
        self.requires, self.adds = requires, adds

    def __call__(self, article):
        self.log.append((self.name, article.raw))
        self.check(article)

    def check(self, article):
        if self.word in article.raw:
            raise KeyError(self.word)


def test_pipeline_run_batch_goes_stage_by_stage_and_isolates_failures():
    log = []
    pipeline = Pipeline(
        [
            FailsOn("clean", "rusak", log, adds=("text",)),
            FailsOn("events", "meledak", log, requires=("text",)),
        ]
    )
    articles = [Article(raw=t, path=f"{i}.txt") for i, t in enumerate(["a", "rusak", "meledak"])]
    results = pipeline.run_batch(articles)
    assert [r.ok for r in results] == [True, False, False]
    assert [(r.stage, r.source) for r in results[1:]] == [("clean", "1.txt"), ("events", "2.txt")]
    assert "KeyError" in results[1].error and results[0].article is articles[0]
    # every article through the first stage before any reaches the second; a failed
    # article goes no further
    assert log == [
        ("clean", "a"),
        ("clean", "rusak"),
        ("clean", "meledak"),
        ("events", "a"),
        ("events", "meledak"),
    ]


class Batched(FailsOn):
    """``FailsOn`` that also analyses several articles at once (logged as one call)."""

    def batch(self, articles):
        self.log.append((self.name, [a.raw for a in articles]))
        for article in articles:
            self.check(article)


def test_pipeline_run_batch_uses_a_stage_batch_and_isolates_its_failures():
    log = []
    pipeline = Pipeline(
        [
            FailsOn("clean", "rusak", log, adds=("text",)),
            Batched("entities", "meledak", log, requires=("text",)),
            Batched("events", "tidak-ada", log, requires=("text",)),
        ]
    )
    articles = [Article(raw=t) for t in ["a", "rusak", "meledak", "b"]]
    results = pipeline.run_batch(articles)
    assert [(r.ok, r.stage) for r in results] == [
        (True, None),
        (False, "clean"),
        (False, "entities"),
        (True, None),
    ]
    # the failed batch is run again article by article; a clean batch runs once
    assert log[4:] == [
        ("entities", ["a", "meledak", "b"]),
        ("entities", "a"),
        ("entities", "meledak"),
        ("entities", "b"),
        ("events", ["a", "b"]),
    ]


def test_pipeline_run_batch_equals_run_one_on_real_articles():
    texts = [
        "Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Vostochny pada Rabu.",
        "   ",
        "China menolak tuduhan bahwa Beijing akan mengirim senjata ke Moskwa, kata juru bicara.",
    ]
    pipeline = Pipeline.default()
    one = [pipeline.run_one(Article(raw=t)) for t in texts]
    batch = pipeline.run_batch([Article(raw=t) for t in texts])
    assert [(r.ok, r.stage, r.error) for r in one] == [(r.ok, r.stage, r.error) for r in batch]
    assert [r.article.to_dict() for r in one if r.ok] == [
        r.article.to_dict() for r in batch if r.ok
    ]
