"""`warta read` on bad input: one line per failing file, no traceback, the rest analysed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

GOOD = "Jakarta (ANTARA) - Presiden Rusia Vladimir Putin bertemu Presiden Tiongkok Xi Jinping di Moskow pada Senin.\n"


def warta(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "warta", *args], capture_output=True, text=True, input=stdin
    )


@pytest.fixture
def files(tmp_path):
    paths = {
        "good": tmp_path / "good.txt",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "photo.png",
        "latin1": tmp_path / "latin1.txt",
        "huge": tmp_path / "huge.txt",
        "missing": tmp_path / "missing.txt",
    }
    paths["good"].write_text(GOOD, encoding="utf-8")
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    paths["latin1"].write_bytes(
        "Menteri Luar Negeri Prancis tiba di Jakarta untuk membahas kerja sama caf\xe9.".encode(
            "latin-1"
        )
    )
    paths["huge"].write_bytes(b"Presiden bertemu menteri. " * (20 * 1024 * 1024 // 26 + 1))
    return paths


def test_cli_read_bad_inputs_each_give_one_line_and_the_rest_goes_on(files):
    order = ["empty", "binary", "good", "latin1", "huge", "missing"]
    proc = warta("read", *[str(files[k]) for k in order], "--json")
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 5, proc.stderr
    assert "Traceback" not in proc.stderr
    for key, phrase in [
        ("empty", "empty"),
        ("binary", "binary"),
        ("latin1", "UTF-8"),
        ("huge", "MB"),
        ("missing", "no such file"),
    ]:
        line = next(e for e in errors if str(files[key]) in e)
        assert phrase in line
    outputs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["path"] for o in outputs] == [str(files["good"])]
    assert outputs[0]["language"] == "id"


def test_cli_read_stdin_and_date(files):
    proc = warta("read", "-", "--json", "--date", "2024-02-05", stdin=GOOD)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["published"] == "2024-02-05" and data["outlet"] == "Antara"


def test_cli_read_rejects_a_bad_date():
    proc = warta("read", "-", "--date", "11/09/2023", stdin=GOOD)
    assert proc.returncode != 0 and "YYYY-MM-DD" in proc.stderr


def test_cli_read_latin1_with_encoding_option(files):
    proc = warta("read", str(files["latin1"]), "--encoding", "cp1252", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "café" in json.loads(proc.stdout)["text"]


def test_cli_read_human_report_names_sections(files):
    proc = warta("read", str(files["good"]))
    assert proc.returncode == 0, proc.stderr
    for section in ("Events", "Quotes", "Actors", "Entities"):
        assert section in proc.stdout


def test_cli_read_unknown_language_is_an_error(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le président a déclaré lundi que le gouvernement augmenterait les dépenses.",
        encoding="utf-8",
    )
    proc = warta("read", str(path))
    assert proc.returncode == 1 and "language not recognised" in proc.stderr


def test_cli_read_date_is_only_a_fallback(tmp_path):
    page = tmp_path / "dated.txt"
    page.write_text("Judul Berita\nKamis, 14 September 2023\n" + GOOD, encoding="utf-8")
    proc = warta("read", str(page), "--json", "--date", "2024-02-05")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["published"] == "2023-09-14"


def test_cli_ingest_date_dates_undated_inputs(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    proc = warta(
        "ingest", str(folder), "--db", str(db), "--quiet", "--workers", "0", "--date", "2024-02-05"
    )
    assert proc.returncode == 0, proc.stderr
    proc = warta("events", "--db", str(db), "--format", "json")
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert events and all(e["first_seen"] == "2024-02-05" for e in events), events
