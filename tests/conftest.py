"""Shared fixtures. Tests that need ../shared/data skip when it is absent (a fresh clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is absent (annotated corpora live outside the project)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def resources():
    from warta.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def pipeline(resources):
    from warta.pipeline import Pipeline

    return Pipeline.default(resources)


@pytest.fixture(scope="session")
def analyse(pipeline):
    """Analyse a passage: analyse(text, published="2023-09-11") -> Article."""
    from warta.article import Article

    def run(text: str, published: str | None = "2023-09-11"):
        return pipeline(Article(raw=text, published=published))

    return run
