"""``warta bench ner`` reports throughput and load time (speed floors are not asserted
here: the test machine is shared; the model card has the measured figures)."""

from __future__ import annotations

import argparse

from warta.bench import ner


def test_ner_bench_reports_speed_and_load_time(shared_data):
    report = ner.run(argparse.Namespace(data=shared_data, seconds=0.0))
    assert report["tokens"] > 20_000
    assert report["model_load_s"] < 1.0
    assert report["tagger_tokens_per_s"] > 0 and report["stage_tokens_per_s"] > 0
    assert "tokens/s" in ner.render(report)
