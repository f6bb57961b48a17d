from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq

from tests._store_articles import ok, summit_article
from warta.cli import main
from warta.store import open_store
from warta.store.export import GDELT_COLUMNS

FAKE = "tests._fake_pipeline:make"


def _corpus(folder):
    folder.mkdir()
    stories = [
        ("a.txt", "Pemerintah Rusia akan bertemu Korea Utara pekan depan."),
        ("b.txt", "Pemerintah Rusia bertemu Korea Utara di Vladivostok."),
        ("c.txt", "Pemerintah China menyerang Filipina di laut."),
    ]
    for name, text in stories:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _ingest(tmp_path, capsys, *extra):
    db = tmp_path / "w.duckdb"
    argv = [
        "ingest",
        str(tmp_path / "in"),
        "--db",
        str(db),
        "--workers",
        "0",
        "--quiet",
        "--pipeline",
        FAKE,
        *extra,
    ]
    assert main(argv) == 0
    return db, capsys.readouterr().out


def test_cli_ingest_prints_a_summary_and_reingest_adds_nothing(tmp_path, capsys):
    _corpus(tmp_path / "in")
    _db, out = _ingest(tmp_path, capsys)
    assert "stored 3 articles" in out and "CONSULT" in out and "ASSAULT" in out
    _, again = _ingest(tmp_path, capsys, "--json")
    report = json.loads(again)
    assert report["ingest"]["stored"] == 0 and report["ingest"]["skipped"] == 3
    assert report["database"]["articles"] == 3


def test_cli_events_filters_and_formats(tmp_path, capsys):
    _corpus(tmp_path / "in")
    db, _ = _ingest(tmp_path, capsys)
    assert main(["events", "--db", str(db), "--source", "RUS", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["type"], r["source_country"], r["target_country"]) for r in rows] == [
        ("CONSULT", "RUS", "PRK")
    ]
    assert main(["events", "--db", str(db), "--type", "ASSAULT", "--format", "csv"]) == 0
    table = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(table) == 1 and table[0]["source_key"] == "CHN"
    assert main(["events", "--db", str(db), "--status", "negated"]) == 0
    assert capsys.readouterr().out.strip() == "(none)"


def test_cli_dyad_and_quotes(tmp_path, capsys):
    db = tmp_path / "q.duckdb"
    with open_store(db) as store:
        store.write(
            [ok(summit_article(i, outlet=f"o{i}", published=f"2023-09-{10 + i}")) for i in range(3)]
        )
    assert main(["dyad", "RUS", "PRK", "--db", str(db), "--format", "json"]) == 0
    weeks = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sum(w["events"] for w in weeks) == 1 and weeks[0]["b_to_a"] == 1
    assert weeks[0]["verbal_cooperation"] == 1 and weeks[0]["mean_goldstein"] == 1.9
    assert main(["quotes", "--db", str(db), "--speaker", "Peskov"]) == 0
    assert capsys.readouterr().out.count("Kami akan terus") == 3
    assert main(["quotes", "--db", str(db), "--speaker", "Nobody"]) == 0
    assert "(none)" in capsys.readouterr().out


def test_cli_export_every_format(tmp_path, capsys):
    db = tmp_path / "e.duckdb"
    with open_store(db) as store:
        store.write(
            [ok(summit_article(i, outlet=f"o{i % 2}", url=f"https://x.id/{i}")) for i in range(4)]
        )
    for fmt in ("jsonl", "csv", "parquet", "gdelt"):
        out = tmp_path / f"events.{fmt}"
        assert main(["export", str(out), "--db", str(db), "--format", fmt]) == 0
    assert json.loads((tmp_path / "events.jsonl").read_text())["num_articles"] == 4
    assert pq.read_table(tmp_path / "events.parquet").num_rows == 1
    (line,) = (tmp_path / "events.gdelt").read_text().splitlines()
    fields = line.split("\t")
    assert len(fields) == len(GDELT_COLUMNS) == 61
    record = dict(zip(GDELT_COLUMNS, fields, strict=True))
    assert (record["Day"], record["Actor1Code"], record["Actor2CountryCode"]) == (
        "20230912",
        "PRKGOV",
        "RUS",
    )
    assert (record["EventCode"], record["EventRootCode"], record["QuadClass"]) == ("042", "04", "1")
    assert (record["NumArticles"], record["NumSources"]) == ("4", "2")
    assert record["SOURCEURL"].startswith("https://x.id/")
    assert (
        main(
            [
                "export",
                str(tmp_path / "a.csv"),
                "--db",
                str(db),
                "--format",
                "csv",
                "--table",
                "articles",
            ]
        )
        == 0
    )
    assert len(list(csv.DictReader((tmp_path / "a.csv").open()))) == 4
