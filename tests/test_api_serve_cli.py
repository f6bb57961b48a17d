"""`warta serve` refuses ingestion without a token before opening anything."""

from __future__ import annotations

from warta.cli import build_parser, main


def test_api_serve_is_a_warta_command() -> None:
    args = build_parser().parse_args(["serve", "--db", "x.duckdb", "--port", "9000"])
    assert (args.db, args.host, args.port, args.allow_ingest) == (
        "x.duckdb",
        "127.0.0.1",
        9000,
        False,
    )


def test_api_serve_ingest_needs_a_token(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    db = tmp_path / "w.duckdb"
    assert main(["serve", "--db", str(db), "--allow-ingest"]) == 2
    assert "--token" in capsys.readouterr().err
    assert not db.exists()


def test_api_serve_names_a_missing_database(tmp_path, capsys) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "warta ingest" in capsys.readouterr().err
