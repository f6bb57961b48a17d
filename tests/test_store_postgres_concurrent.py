"""Several ingesters writing to one PostgreSQL database at once, one of them killed.

Each ingester is a separate process running the local runner with the stand-in pipeline
(``tests._fake_pipeline``), so the store's transactions and locks are what is under test.
"""

# ruff: noqa: F811  (fixtures imported from tests._postgres are redefined as arguments)
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests._postgres import pg_urls  # noqa: F401 (fixtures, used as arguments)
from warta.run.local import IngestOptions, ingest
from warta.store import open_store

FAKE = "tests._fake_pipeline:make"
ROOT = Path(__file__).resolve().parents[1]
PAIRS = [
    ("Rusia", "Korea Utara"),
    ("China", "Filipina"),
    ("Indonesia", "Australia"),
    ("Rusia", "Ukraina"),
]
VERBS = ["akan bertemu", "bertemu", "menyerang", "menjatuhkan sanksi kepada"]
TOPICS = [
    "pelabuhan",
    "energi",
    "perbatasan",
    "pangan",
    "investasi",
    "nelayan",
    "tambang",
    "kereta",
]

_INGESTER = (
    textwrap.dedent(
        """
    import sys, time
    from warta.run.local import IngestOptions, ingest
    from warta.store import open_store

    def committed(report):
        print("committed", report.batches, flush=True)
        time.sleep(0.05)

    with open_store(sys.argv[2]) as store:
        ingest([sys.argv[1]], store, IngestOptions(workers=0, batch_size=8, pipeline=%r),
               on_commit=committed)
    print("done", flush=True)
    """
    )
    % FAKE
)


def _record(i: int) -> str:
    a, b = PAIRS[i % len(PAIRS)]
    verb = VERBS[(i // 3) % len(VERBS)]
    day = 1 + (i * 11) % 28
    text = (
        f"Pemerintah {a} {verb} {b} pada hari ke-{day} bulan ini. Pembicaraan soal"
        f" {TOPICS[i % 8]} dan {TOPICS[(i // 8) % 8]} berlanjut, menurut laporan nomor {i}."
    )
    return json.dumps(
        {"text": text, "url": f"https://berita.id/{i}", "published": f"2023-09-{day:02d}"}
    )


def _corpus(path: Path, numbers: range) -> Path:
    lines = [_record(i) for i in numbers]
    lines.insert(len(lines) // 2, "{not json")  # a bad line in every file: an error row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _snapshot(url: str) -> dict:
    """What must not depend on how the work was split: articles, events, their mentions and
    errors. ``duplicate_of`` is left out: which of two near-copies is the original follows
    commit order, which concurrent writers do not fix (event clusters do not depend on it)."""
    with open_store(url) as store:
        con = store.con  # type: ignore[attr-defined]
        return {
            "articles": con.execute("SELECT id, input_id FROM articles ORDER BY id").fetchall(),
            "events": con.execute(
                "SELECT id, type, source_key, target_key, status, status_history::TEXT,"
                " first_seen, last_seen, num_mentions, num_articles FROM events ORDER BY id"
            ).fetchall(),
            "mentions": con.execute(
                "SELECT id, event_id FROM event_mentions ORDER BY id"
            ).fetchall(),
            "quotes": con.execute("SELECT article_id, idx FROM quotes ORDER BY 1, 2").fetchall(),
            "errors": con.execute("SELECT id FROM errors ORDER BY id").fetchall(),
        }


def _start(corpus: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen(
        [sys.executable, "-c", _INGESTER, str(corpus), url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def _finish(proc: subprocess.Popen[str]) -> None:
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and out.rstrip().endswith("done"), out


def _one_after_the_other(url: str, *corpora: Path) -> dict:
    """The reference: the same inputs ingested by one process, never interrupted."""
    with open_store(url) as store:
        for corpus in corpora:
            ingest([corpus], store, IngestOptions(workers=0, batch_size=8, pipeline=FAKE))
    return _snapshot(url)


def test_store_postgres_two_concurrent_ingesters_store_every_article_once(tmp_path, pg_urls):
    left = _corpus(tmp_path / "left.jsonl", range(0, 160))
    right = _corpus(tmp_path / "right.jsonl", range(80, 240))  # half of each is in both
    shared = pg_urls()
    procs = [_start(left, shared), _start(right, shared)]
    for proc in procs:
        _finish(proc)
    got = _snapshot(shared)
    assert len(got["articles"]) == 240 and len(got["events"]) > 20
    assert len(got["errors"]) == 2  # one per file's bad line
    assert got == _one_after_the_other(pg_urls(), left, right)


def test_store_postgres_ingester_killed_mid_run_then_rerun_converges(tmp_path, pg_urls):
    left = _corpus(tmp_path / "left.jsonl", range(0, 160))
    right = _corpus(tmp_path / "right.jsonl", range(80, 240))
    shared = pg_urls()
    victim, other = _start(left, shared), _start(right, shared)
    assert victim.stdout is not None
    for line in victim.stdout:
        if line.startswith("committed 4"):
            os.killpg(victim.pid, signal.SIGKILL)  # mid-run, while the other one writes
            break
    victim.wait(timeout=60)
    assert victim.returncode == -signal.SIGKILL
    _finish(other)
    partial = _snapshot(shared)
    assert len(partial["articles"]) < 240  # the victim's unique first half is incomplete

    rerun = _start(left, shared)
    _finish(rerun)
    assert _snapshot(shared) == _one_after_the_other(pg_urls(), left, right)
