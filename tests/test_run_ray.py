"""The Ray runner gives exactly what the local runner gives, on a local 2-CPU Ray instance."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from warta.run.local import IngestOptions, ingest
from warta.store import open_store

ray = pytest.importorskip("ray", reason="Ray is not installed (warta[ray])")

from warta.run import ray as ray_runner  # noqa: E402

FAKE = "tests._fake_pipeline:make"
PAIRS = [("Rusia", "Korea Utara"), ("China", "Filipina"), ("Indonesia", "Australia")]
VERBS = ["akan bertemu", "bertemu", "menyerang", "menjatuhkan sanksi kepada"]
TABLES = ("articles", "entities", "actors", "quotes", "event_mentions", "events", "errors")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield ray
    ray.shutdown()


def _corpus(path: Path, n: int) -> Path:
    """JSONL reports, a few near-copies, one bad line and one article that breaks a stage."""
    lines, text, day = [], "", 1
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        if i % 7 == 6:  # a syndicated copy of the previous report, with a footer
            text += " Baca juga berita lainnya di kanal kami."
        else:
            verb = VERBS[(i // 2) % len(VERBS)]
            day = 1 + (i * 11) % 28
            text = (
                f"Pemerintah {a} {verb} {b} pada hari ke-{day}. Pernyataan itu disampaikan"
                f" dalam laporan nomor {i} kepada wartawan di ibu kota negara itu."
            )
        lines.append(
            json.dumps(
                {"text": text, "url": f"https://warta.id/{i}", "published": f"2023-09-{day:02d}"}
            )
        )
    lines[n // 3] = "{broken"
    lines[n // 2] = json.dumps({"text": "Rusia MELEDAK Korea Utara.", "published": "2023-09-02"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table except the ingest timestamps."""
    with open_store(db, read_only=True) as store:
        con = store.con  # type: ignore[attr-defined]
        out = {}
        for table in TABLES:
            columns = [
                r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
        return out


def test_run_ray_stores_exactly_what_the_local_runner_stores(local_ray, tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 90)
    options = IngestOptions(workers=2, batch_size=8, pipeline=FAKE)
    with open_store(tmp_path / "local.duckdb") as store:
        local = ingest([corpus], store, options)
    with open_store(tmp_path / "ray.duckdb") as store:
        remote = ray_runner.ingest([corpus], store, options)
    assert (remote.stored, remote.errors, remote.duplicates) == (
        local.stored,
        local.errors,
        local.duplicates,
    )
    assert remote.errors == 2 and remote.duplicates > 0
    # the local runner commits its last batch in two halves; Ray commits it whole
    assert remote.batches == local.batches - 1
    assert remote.timings.stages.keys() == {"clean", "segment", "events"}
    assert snapshot(tmp_path / "ray.duckdb") == snapshot(tmp_path / "local.duckdb")


def test_run_ray_reingest_skips_every_stored_input(local_ray, tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 40)
    options = IngestOptions(batch_size=8, pipeline=FAKE)
    with open_store(tmp_path / "w.duckdb") as store:
        first = ray_runner.ingest([corpus], store, options)
        again = ray_runner.ingest([corpus], store, options)
    assert first.stored == 38
    # only the two failed inputs are tried again; their error rows are already stored
    assert (again.stored, again.skipped, again.errors) == (0, 38, 0)


def test_run_ray_spreads_batches_over_every_actor_in_input_order(local_ray):
    pool_options = ray_runner.RayOptions(actors=2, in_flight=1)
    batches = [[] for _ in range(6)]
    with ray_runner.analysers(IngestOptions(pipeline=FAKE), pool_options) as pool:
        results = list(pool.map(iter(batches)))
        assert len(pool.actors) == 2 and pool.load == [0, 0]
    assert [r for r, _ in results] == [[] for _ in range(6)]


def test_run_ray_actor_that_cannot_build_its_pipeline_is_a_clear_error(local_ray, tmp_path):
    (tmp_path / "a.txt").write_text("Rusia bertemu Korea Utara.", encoding="utf-8")
    options = IngestOptions(pipeline="tests._fake_pipeline:no_such_factory")
    with open_store(tmp_path / "w.duckdb") as store, pytest.raises(ray_runner.RayRunError):
        ray_runner.ingest([tmp_path / "a.txt"], store, options)


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("WARTA_RAY_5000"),
    reason="two full 5,000-article runs take most of an hour on 2 cores: set WARTA_RAY_5000=1",
)
def test_run_ray_equals_local_on_5000_generated_articles(local_ray, tmp_path):
    """The whole pipeline on ``warta bench``'s corpus, local processes vs Ray actors."""
    from warta.bench.corpus import generate

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(generate(5000, seed=1, words=120)):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    options = IngestOptions(workers=2, batch_size=64)
    with open_store(tmp_path / "local.duckdb") as store:
        ingest([folder], store, options)
    with open_store(tmp_path / "ray.duckdb") as store:
        ray_runner.ingest([folder], store, options)
    local, remote = snapshot(tmp_path / "local.duckdb"), snapshot(tmp_path / "ray.duckdb")
    assert len(local["articles"]) == 5000 and local["quotes"] and local["events"]
    assert remote == local


def test_run_ray_from_the_ingest_command_with_a_parquet_dataset(local_ray, tmp_path, capsys):
    from warta.cli import main

    corpus = _corpus(tmp_path / "c.jsonl", 30)
    common = [str(corpus), "--workers", "2", "--batch-size", "8", "--pipeline", FAKE, "--json"]
    assert main(["ingest", *common, "--db", str(tmp_path / "local.duckdb")]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "ingest",
                *common,
                "--db",
                str(tmp_path / "ray.duckdb"),
                "--runner",
                "ray",
                "--parquet",
                str(tmp_path / "pq"),
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["ingest"]["stored"] == 28 and report["ingest"]["errors"] == 2
    assert snapshot(tmp_path / "ray.duckdb") == snapshot(tmp_path / "local.duckdb")
    dates = {p.name for p in (tmp_path / "pq" / "articles").iterdir()}
    assert len(dates) > 5 and all(d.startswith("published=2023-09-") for d in dates)
