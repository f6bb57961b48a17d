"""Word clusters: words used alike share path prefixes; the file round-trips."""

from __future__ import annotations

import random

import pytest

from warta.nlp.ner import clusters


def corpus() -> list[list[str]]:
    rng = random.Random(3)
    cities = ["jakarta", "bandung", "medan", "surabaya", "makassar", "padang"]
    verbs = ["mengatakan", "menegaskan", "menjelaskan", "menyebut", "menilai", "menambahkan"]
    people = ["budi", "siti", "agus", "dewi", "rudi", "ani"]
    out = []
    for _ in range(600):
        out.append(["warga", "kota", rng.choice(cities), "berdemo", "di", "jalan"])
        out.append(["menurut", rng.choice(people), "ia", rng.choice(verbs), "bahwa", "harga"])
    return out


def test_clusters_group_words_used_alike():
    pytest.importorskip("numpy")
    paths = clusters.learn(corpus(), contexts=50, dim=20, depth=6)
    city, verb = paths["jakarta"], paths["mengatakan"]
    assert paths["surabaya"][:2] == city[:2]
    assert paths["menegaskan"][:2] == verb[:2]
    assert len({city[:2], verb[:2], paths["budi"][:2]}) == 3  # cities, verbs, people apart


def test_clusters_file_round_trips(tmp_path):
    paths = {"jakarta": "0010", "mengatakan": "1101"}
    clusters.save(paths, tmp_path / "c.tsv")
    assert clusters.load(tmp_path / "c.tsv") == paths
