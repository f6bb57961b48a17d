"""A real server on 127.0.0.1 over the ingested example articles, and headless Chromium.

Needs the ``browser`` extra (playwright) and Debian's Chromium (``apt-get install -y
chromium``; set WARTA_CHROMIUM for another binary). Never ``playwright install``: it
downloads a browser. Set WARTA_SCREENSHOTS=DIR to keep a screenshot of each view.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str:
    path = os.environ.get("WARTA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.skip("Chromium is absent (apt-get install -y chromium, or set WARTA_CHROMIUM)")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _warta(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta", *args]


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"warta serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"warta serve did not answer {url} within {seconds}s")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``warta ingest examples/`` into a fresh database, then ``warta serve`` over it."""
    pytest.importorskip("fastapi", reason="the server extra is not installed")
    pytest.importorskip("uvicorn", reason="the server extra is not installed")
    db = tmp_path_factory.mktemp("browser") / "examples.duckdb"
    ingest = subprocess.run(
        _warta("ingest", str(EXAMPLES), "--db", str(db), "--workers", "0", "--quiet"),
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert ingest.returncode == 0, ingest.stderr
    port = _free_port()
    proc = subprocess.Popen(
        _warta("serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)), cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{base}/api/stats", proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=server)  # type: ignore[attr-defined]
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def screenshot(page: object):
    """screenshot(name): keep the current view in WARTA_SCREENSHOTS (when set)."""
    folder = os.environ.get("WARTA_SCREENSHOTS")

    def take(name: str) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"))  # type: ignore[attr-defined]

    return take
