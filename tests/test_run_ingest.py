from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests._source_files import page, write_feed, write_jsonl, write_warc
from warta.errors import PipelineError
from warta.run.local import IngestOptions, ingest
from warta.run.memory import descendants
from warta.store import open_store

FAKE = "tests._fake_pipeline:make"
ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["antara", "kompas", "detik", "tempo", "cnn-id"]
PAIRS = [
    ("Rusia", "Korea Utara"),
    ("China", "Filipina"),
    ("Indonesia", "Australia"),
    ("Rusia", "Ukraina"),
]
VERBS = ["akan bertemu", "bertemu", "menyerang", "menjatuhkan sanksi kepada"]


def _corpus(path: Path, n: int) -> Path:
    """n JSONL reports from a few outlets over a month; some are syndicated copies."""
    lines = []
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        verb = VERBS[(i // 3) % len(VERBS)]
        day = 1 + (i * 7) % 28
        text = (
            f"Pemerintah {a} {verb} {b} pada hari ke-{day} bulan ini. "
            f"Laporan nomor {i // 2 if i % 10 == 9 else i} ditulis oleh redaksi dengan"
            " keterangan tambahan dari para pejabat dan pengamat hubungan internasional."
        )
        lines.append(
            json.dumps(
                {
                    "text": text,
                    "url": f"https://{OUTLETS[i % 5]}.id/{i}",
                    "outlet": OUTLETS[i % 5],
                    "published": f"2023-09-{day:02d}",
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _all_exit(pids: list[int], *, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = [p for p in pids if _running(p)]
        if not alive:
            return True
        time.sleep(0.2)
    return False


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _snapshot(db: Path) -> dict:
    with open_store(db) as store:
        con = store.con  # type: ignore[attr-defined]
        return {
            "articles": con.execute(
                "SELECT id, input_id, duplicate_of FROM articles ORDER BY id"
            ).fetchall(),
            "events": con.execute(
                "SELECT id, type, source_key, target_key, status, status_history, first_seen,"
                " last_seen, num_mentions, num_articles, num_sources FROM events ORDER BY id"
            ).fetchall(),
            "mentions": con.execute(
                "SELECT id, event_id FROM event_mentions ORDER BY id"
            ).fetchall(),
            "errors": con.execute("SELECT id FROM errors ORDER BY id").fetchall(),
        }


def test_run_ingest_each_format_and_bad_inputs_become_error_rows(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_feed(inputs / "feed.rss")
    write_warc(inputs / "crawl.warc.gz", gzip=True, corrupt=1)
    write_jsonl(inputs / "records.jsonl", bad_line=2)
    html = page("Judul", "JAKARTA - Pemerintah Indonesia bertemu Australia di Canberra.")
    (inputs / "ok.html").write_text(html, encoding="utf-8")
    (inputs / "cut.html").write_text(html[:-60], encoding="utf-8")
    with open_store(tmp_path / "w.duckdb") as store:
        report = ingest([inputs], store, IngestOptions(workers=0, pipeline=FAKE))
        errors = store.errors()
        stats = store.stats()
    assert (report.stored, report.errors) == (3 + 2 + 2 + 1, 3)
    assert stats["articles"] == 8 and stats["errors"] == 3
    sources = sorted(Path(e["source"].split("@")[0].split(":")[0]).name for e in errors)
    assert sources == ["crawl.warc.gz", "cut.html", "records.jsonl"]
    assert stats["events"] >= 1


def test_run_ingest_stage_failure_is_an_error_row_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Rusia bertemu Korea Utara.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rusia MELEDAK Korea Utara.", encoding="utf-8")
    with open_store(tmp_path / "w.duckdb") as store:
        report = ingest([tmp_path / "*.txt"], store, IngestOptions(workers=0, pipeline=FAKE))
        (error,) = store.errors()
    assert report.stored == 1 and error["stage"] == "events" and "exploded" in error["message"]


def test_run_reingest_with_workers_adds_nothing(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 60)
    options = IngestOptions(workers=2, batch_size=8, pipeline=FAKE)
    with open_store(tmp_path / "w.duckdb") as store:
        first = ingest([corpus], store, options)
        before = store.stats()
        again = ingest([corpus], store, options)
        assert store.stats() == before
    assert first.stored == 60 and first.timings.stages.keys() == {"clean", "segment", "events"}
    # seven batches of eight, then the last four in two halves (see run.local._Pool)
    assert first.batches == 7 + 2
    assert (again.stored, again.skipped, again.batches) == (0, 60, 0)


def test_run_pool_hands_out_the_last_batch_in_halves_of_small_chunks():
    from concurrent.futures import Future

    from warta.run import local
    from warta.run.batch import Timings

    sizes = []

    class Executor:  # runs nothing: hands each chunk back as its own result
        def submit(self, work, chunk):
            sizes.append(len(chunk))
            done = Future()
            done.set_result((chunk, Timings()))
            return done

    pool = object.__new__(local._Pool)
    pool.executor, pool.workers, pool.in_flight = Executor(), 2, 4
    written = [
        results for results, _ in pool.map([(list(range(16)), False), (list(range(16, 32)), True)])
    ]
    per_half = pool.workers * local.TAIL_CHUNKS
    assert sizes == [8, 8] + [8 // per_half] * 2 * per_half
    assert written == [list(range(16)), list(range(16, 24)), list(range(24, 32))]


_KILLABLE = (
    textwrap.dedent(
        """
    import sys, time
    from warta.run.local import IngestOptions, ingest
    from warta.store import open_store

    def committed(report):
        print("committed", report.batches, flush=True)
        time.sleep(0.2)

    with open_store(sys.argv[2]) as store:
        ingest([sys.argv[1]], store, IngestOptions(workers=1, batch_size=10, pipeline=%r),
               on_commit=committed)
    print("done", flush=True)
    """
    )
    % FAKE
)


def test_run_kill9_then_rerun_equals_an_uninterrupted_run(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 150)
    options = IngestOptions(workers=0, batch_size=10, pipeline=FAKE)
    with open_store(tmp_path / "whole.duckdb") as store:
        ingest([corpus], store, options)

    killed = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLABLE, str(corpus), str(killed)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("committed 3"):
            workers = descendants(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)  # the writer, mid-run
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert workers and _all_exit(workers, within=10.0)  # orphaned workers stop themselves
    os.killpg(proc.pid, signal.SIGKILL)  # whatever else the run started

    with open_store(killed) as store:
        partial = store.stats()["articles"]
        resumed = ingest([corpus], store, options)
    assert 30 <= partial < 150
    assert resumed.skipped >= partial
    assert _snapshot(killed) == _snapshot(tmp_path / "whole.duckdb")


def test_run_a_dying_worker_stops_the_ingest_and_keeps_committed_batches(tmp_path):
    for i in range(6):
        text = "Rusia MATI Korea Utara." if i == 3 else f"Rusia bertemu Korea Utara {i}."
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    options = IngestOptions(workers=1, batch_size=2, pipeline=FAKE)
    with open_store(tmp_path / "w.duckdb") as store:
        with pytest.raises(PipelineError, match="worker process died"):
            ingest([tmp_path / "*.txt"], store, options)
        assert store.stats()["articles"] == 2  # the first batch; the second broke the pool


def test_run_the_writer_prepares_once_when_the_first_batch_is_read(tmp_path, monkeypatch):
    from warta.store.duckdb import DuckDBStore

    calls = []
    monkeypatch.setattr(DuckDBStore, "prepare_writes", lambda self: calls.append(len(calls)))
    corpus = _corpus(tmp_path / "c.jsonl", 30)
    options = IngestOptions(workers=0, batch_size=10, pipeline=FAKE)
    with open_store(tmp_path / "p.duckdb") as store:
        report = ingest([corpus], store, options)
        assert report.batches == 3 and calls == [0]
        again = ingest([corpus], store, options)  # every input known: nothing to prepare
    assert again.skipped == 30 and calls == [0]


def test_run_ingest_restores_the_callers_collector_thresholds(tmp_path):
    import gc

    before = gc.get_threshold()
    seen = []
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    with open_store(tmp_path / "g.duckdb") as store:
        ingest(
            [corpus],
            store,
            IngestOptions(workers=0, batch_size=5, pipeline=FAKE),
            on_commit=lambda report: seen.append(gc.get_threshold()),
        )
    assert seen and all(t[0] > before[0] for t in seen)  # raised while ingesting
    assert gc.get_threshold() == before


def test_run_ingest_collects_a_batchs_cycles_once_after_it():
    import gc
    import weakref

    from warta.run.local import _collected_after

    class Node:
        other: Node

    with _collected_after():
        assert not gc.isenabled()
        node = Node()
        node.other = node  # a cycle: only the collector frees it
        freed = weakref.ref(node)
        del node
        assert freed() is not None
    assert gc.isenabled() and freed() is None


def test_run_ingest_leaves_a_disabled_collector_disabled():
    import gc

    from warta.run.local import _collected_after

    gc.disable()
    try:
        with _collected_after():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
