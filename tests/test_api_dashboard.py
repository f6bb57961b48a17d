"""The dashboard is served by the app and works offline: every asset is in the package."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from tests._api_app import make_app
from warta.api.app import DASHBOARD

SVG_NS = "http://www.w3.org/2000/svg"


def test_api_dashboard_index_and_assets_are_served() -> None:
    client = TestClient(make_app())
    index = client.get("/")
    assert index.status_code == 200
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', index.text)
    assert "/static/app.js" in assets
    for asset in [*assets, "/static/world.svg"]:
        assert client.get(asset).status_code == 200, asset


def test_api_dashboard_imports_resolve() -> None:
    for script in DASHBOARD.glob("*.js"):
        for target in re.findall(r'from "\./([^"]+)"', script.read_text("utf-8")):
            assert (DASHBOARD / target).is_file(), f"{script.name} imports missing {target}"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in DASHBOARD.iterdir() if p.suffix in {".html", ".js", ".css"}),
    ids=lambda p: p.name,
)
def test_api_dashboard_loads_nothing_from_outside(path: Path) -> None:
    text = path.read_text("utf-8").replace(SVG_NS, "")
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text), "no CDN or remote asset"


def test_api_openapi_documents_every_route() -> None:
    schema = TestClient(make_app()).get("/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
        "/api/actors", "/api/dyads/{a}/{b}", "/api/quotes", "/api/analyze",
    }  # fmt: skip
    events = schema["paths"]["/api/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {
        "source",
        "target",
        "actor",
        "type",
        "status",
        "since",
        "until",
        "limit",
        "offset",
    }
