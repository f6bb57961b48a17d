"""POST /api/analyze: analysis without storing; storing only with the flag and the token."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from tests._api_app import TOKEN, make_app
from warta.pipeline import Pipeline

PASSAGE = "Kremlin mengonfirmasi bahwa Kim Jong Un akan mengunjungi Rusia."


def test_api_analyze_returns_the_analysis_without_storing() -> None:
    client = TestClient(make_app())
    response = client.post("/api/analyze", json={"text": PASSAGE, "published": "2023-09-11"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False
    assert body["events"][0]["status"] == "planned"
    assert body["quotes"][0]["speaker_name"] == "Dmitry Peskov"
    assert "tokens" not in body and "raw" not in body
    assert client.get("/api/stats").json()["articles"] == 3


def test_api_analyze_refuses_to_store_on_a_read_only_server() -> None:
    client = TestClient(make_app())
    response = client.post("/api/analyze", json={"text": PASSAGE, "store": True})
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_api_analyze_store_needs_the_token(header: str | None) -> None:
    client = TestClient(make_app(allow_ingest=True, token=TOKEN))
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/analyze", json={"text": PASSAGE, "store": True}, headers=headers)
    assert response.status_code == 401


def test_api_analyze_stores_with_flag_and_token() -> None:
    client = TestClient(make_app(allow_ingest=True, token=TOKEN))
    response = client.post(
        "/api/analyze",
        json={
            "text": PASSAGE,
            "store": True,
            "published": "2024-01-05",
            "url": "https://example.org/new",
        },
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["stored"] is True
    stored = client.get(f"/api/articles/{response.json()['id']}")
    assert stored.status_code == 200
    assert stored.json()["url"] == "https://example.org/new"


def test_api_ingest_without_token_is_refused_at_startup() -> None:
    with pytest.raises(ValueError, match="token"):
        make_app(allow_ingest=True)


@pytest.mark.parametrize(
    ("body", "field"),
    [({"text": ""}, "text"), ({}, "text"), ({"text": "x", "published": "yesterday"}, "published"),
     ({"text": "x", "colour": "red"}, "colour")],
)  # fmt: skip
def test_api_analyze_bad_body_is_422(body: dict, field: str) -> None:
    response = TestClient(make_app()).post("/api/analyze", json=body)
    assert response.status_code == 422
    assert field in response.json()["message"]


def test_api_analyze_unreadable_text_is_422() -> None:
    response = TestClient(make_app()).post("/api/analyze", json={"text": "EMPTY"})
    assert response.status_code == 422
    assert "whitespace" in response.json()["detail"]


def test_api_analyze_without_nlp_stages_is_503() -> None:
    def missing() -> Pipeline:
        raise ModuleNotFoundError("No module named 'warta.events.stage'")

    response = TestClient(make_app(pipeline=missing)).post("/api/analyze", json={"text": PASSAGE})
    assert response.status_code == 503
    assert "warta.events.stage" in response.json()["detail"]


def test_api_analyze_reads_pasted_html() -> None:
    page = (
        "<html><head><title>Kunjungan</title></head><body><article>"
        + "".join(
            f"<p>{PASSAGE} Paragraf {i} membahas rencana kunjungan itu.</p>" for i in range(4)
        )
        + "</article></body></html>"
    )
    response = TestClient(make_app()).post("/api/analyze", json={"text": page})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "page", ["<html><body></body></html>", "<html><body><p>Kremlin mengonfirmasi"]
)
def test_api_analyze_html_without_article_is_422(page: str) -> None:
    response = TestClient(make_app()).post("/api/analyze", json={"text": page})
    assert response.status_code == 422, response.text
