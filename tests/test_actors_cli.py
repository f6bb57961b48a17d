"""``warta actors lookup`` and ``warta actors stats``."""

from __future__ import annotations

import json

from warta.cli import main


def test_actors_cli_lookup_json(capsys):
    assert main(["actors", "lookup", "Menlu Rusia", "--date", "2018-06-14", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["name"], found["country"], found["role"]) == (
        "Sergey Lavrov",
        "RUS",
        "foreign_minister",
    )


def test_actors_cli_lookup_text_says_why(capsys):
    assert main(["actors", "lookup", "Korut"]) == 0
    out = capsys.readouterr().out
    assert "North Korea" in out and "PRK" in out and "why:" in out


def test_actors_cli_lookup_nothing(capsys):
    assert main(["actors", "lookup", "sepeda motor", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) is None


def test_actors_cli_stats(capsys):
    assert main(["actors", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["people"] >= 800 and stats["countries"] >= 249
    assert main(["actors", "stats"]) == 0
    assert "aliases" in capsys.readouterr().out
