from __future__ import annotations

import argparse

from warta.bench import pipeline as bench
from warta.bench.corpus import generate


def test_run_bench_corpus_is_varied_news_of_about_500_words_and_repeatable():
    articles = list(generate(40, seed=2))
    words = [len(a.split()) for a in articles]
    assert 480 <= sum(words) / len(words) <= 560 and min(words) >= 450
    assert len({a.splitlines()[0] for a in articles}) >= 30  # headlines differ
    assert any("Baca Juga:" in a for a in articles)
    assert all(" WIB" in a.splitlines()[2] for a in articles)  # the date line
    assert articles == list(generate(40, seed=2))
    assert articles != list(generate(40, seed=3))


def test_run_bench_reports_throughput_stages_memory(tmp_path):
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    args = parser.parse_args(
        [
            "--articles",
            "24",
            "--workers",
            "0",
            "--batch-size",
            "8",
            "--no-spacy",
            "--pipeline",
            "tests._fake_pipeline:make",
        ]
    )
    report = bench.run(args)
    assert report["stored"] == 24 and report["errors"] == 0
    assert set(report["stages"]) == {"clean", "segment", "events"}
    assert report["articles_per_second"] > 0 and report["peak_rss_mb"] > 0
    assert "articles/s" in bench.render(report)
