"""Floors on PETRARCH's validation records (``warta eval petrarch``). The suite codes
its events with its own test verb dictionary, whose codes are not CAMEO's meanings
(PETR.Validate.verbs.txt gives AGREE 081, ARREST 212), so the floors are on what stays
meaningful: the source and target dyads and the share of gold codings found. Skips
without ../shared."""

from __future__ import annotations

import pytest

from warta.evaluate import petrarch

DYAD_F1 = 0.25  # measured 0.260
TRUE_POSITIVE = 0.03  # measured 0.033 (UniversalPetrarch, published: 0.68)


@pytest.fixture(scope="module")
def report(shared_data):
    return petrarch.evaluate(shared_data / "petrarch2", shared_data / "plover" / petrarch.CAMEO_MAP)


def test_en_gold_petrarch_reads_the_records(report):
    assert report["records"] == 277  # 284 sentences, 7 that test error handling
    assert report["gold_events"] + report["excluded_codings"] == 359


def test_en_gold_petrarch_floors(report):
    assert report["dyads"]["f1"] >= DYAD_F1
    assert report["comparable"]["true_positive"] >= TRUE_POSITIVE


def test_en_gold_petrarch_reports_the_published_figure(report):
    assert report["published"]["true_positive"] == 0.68
    assert report["published"]["false_positive"] == 0.23
    assert report["published"]["records"] == 243
