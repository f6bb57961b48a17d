"""`warta eval quotes`: the PFSA-ID reader on a small hand-written file, and the floors on
PFSA-ID's test data (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.evaluate import pfsa
from warta.evaluate.quotes import build_article, evaluate

# Two articles in PFSA-ID's layout: TOKEN<TAB>TAG, blank lines between blocks, a statement
# that runs over a blank line, a -nya cue, and a quote that continues the one before it.
SAMPLE = """\
JAKARTA\tO
,\tO
KOMPAS\tO
—\tO
Kepala\tB-ROLE
Dinas\tL-ROLE
Syafrin\tB-PERSON
Liputo\tL-PERSON
hadir\tO
.\tO
”\tB-STATEMENT
Kami\tI-STATEMENT
siap\tI-STATEMENT
.\tI-STATEMENT

Besok\tI-STATEMENT
berangkat\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
kata\tU-CUE
Syafrin\tU-PERSONCOREF
.\tO
”\tB-STATEMENT
Semua\tI-STATEMENT
aman\tI-STATEMENT
.\tI-STATEMENT
”\tL-STATEMENT

BANDUNG\tO
,\tO
KOMPAS\tO
—\tO
Ridwan\tB-PERSON
Kamil\tL-PERSON
mengatakan\tO
,\tO
jalan\tO
itu\tO
licin\tO
.\tO
”\tB-STATEMENT
Jalan\tI-STATEMENT
ditutup\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
katanya\tU-CUECOREF
.\tO
"""


@pytest.fixture()
def sample_root(tmp_path: Path) -> Path:
    path = tmp_path / pfsa.SPLITS["test"]
    path.parent.mkdir(parents=True)
    path.write_text(SAMPLE, "utf-8")
    return tmp_path


def test_quotes_pfsa_reader_splits_articles_and_reads_speakers(sample_root):
    docs = pfsa.read(sample_root, "test", frozenset({"kepala"}), frozenset({"dia"}))
    assert len(docs) == 2
    first, second = docs
    spoken = [(" ".join(first.tokens[s.start : s.end]), s.cue, s.speaker) for s in first.statements]
    assert spoken == [
        ("Kami siap . Besok berangkat", "kata", frozenset({"syafrin", "liputo"})),
        ("Semua aman", None, frozenset({"syafrin", "liputo"})),
    ]
    assert second.statements[0].cue == "katanya"
    assert second.statements[0].speaker == frozenset({"ridwan", "kamil"})


def test_quotes_pfsa_articles_keep_token_offsets(sample_root):
    doc = pfsa.read(sample_root, "test")[0]
    a, starts = build_article(doc)
    assert [a.text[s : s + len(t)] for s, t in zip(starts, doc.tokens, strict=True)] == doc.tokens


def test_quotes_evaluate_on_sample(sample_root):
    report = evaluate(sample_root, stages=[])
    direct = report["kinds"]["direct"]
    assert direct["gold"] == 3 and direct["overlap"]["recall"] == 1.0
    assert direct["speaker_accuracy"] == 1.0
    # "jalan licin" is reported speech, which PFSA-ID leaves untagged
    assert report["indirect"] == {"predicted": 1, "on_gold_statement": 0}


def test_quotes_eval_floors_on_pfsa_test(shared_data):
    """Floors, raised when the score rises and never lowered quietly."""
    report = evaluate(shared_data / "pfsa-id", split="test")
    direct = report["kinds"]["direct"]
    assert direct["overlap"]["f1"] >= 0.85, report
    assert direct["exact"]["f1"] >= 0.85, report
    assert direct["speaker_accuracy"] >= 0.88, report
    assert direct["cue_accuracy"] >= 0.95, report


def test_quotes_eval_cli_json(shared_data, capsys):
    from warta.cli import main

    code = main(
        [
            "eval",
            "quotes",
            "--data",
            str(shared_data / "pfsa-id"),
            "--limit",
            "5",
            "--stages",
            "",
            "--json",
        ]
    )
    assert code in (0, None)
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 5 and set(report["kinds"]) == {"direct", "all"}
