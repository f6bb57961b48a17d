"""Every read route: shapes, filters, paging and its cap, 404 for unknown ids, 422 for bad input."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from tests._api_app import make_app
from warta.api.routes import MAX_PAGE


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(make_app())


def _events(client: TestClient, **params: object) -> list[dict]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_api_events_lists_newest_first(client: TestClient) -> None:
    items = _events(client)
    assert len(items) == 5
    dates = [e["first_seen"] for e in items]
    assert dates == sorted(dates, reverse=True)


def test_api_events_filter_planned_prk_to_rus(client: TestClient) -> None:
    items = _events(client, source="PRK", target="RUS", type="consult", status="planned")
    assert {(e["source_country"], e["target_country"], e["type"], e["status"]) for e in items} == {
        ("PRK", "RUS", "CONSULT", "planned")
    }
    assert len(items) == 2  # two visit reports five weeks apart are two events


def test_api_events_filter_by_actor_and_dates(client: TestClient) -> None:
    assert {e["type"] for e in _events(client, actor="UKR")} == {"ASSAULT"}
    autumn = _events(client, since="2023-10-01", until="2023-10-31")
    assert {e["first_seen"] for e in autumn} == {"2023-10-03", "2023-10-20"}
    assert _events(client, status="denied") == []


def test_api_events_pages_with_next_offset(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    last = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    assert (first["next_offset"], second["next_offset"], last["next_offset"]) == (2, 4, None)
    ids = [e["id"] for page in (first, second, last) for e in page["items"]]
    assert len(set(ids)) == 5


def test_api_events_caps_large_pages(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 1_000_000}).json()
    assert page["limit"] == MAX_PAGE


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "maybe"}, "status"),
        ({"type": "PICNIC"}, "type"),
        ({"since": "11/09/2023"}, "since"),
        ({"since": "2023-10-02", "until": "2023-01-01"}, "until"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"limit": "ten"}, "limit"),
    ],
)
def test_api_events_bad_parameters_are_422(client: TestClient, params: dict, field: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["message"].startswith(f"{field}:")
    assert body["detail"][0]["loc"][-1] == field


def test_api_event_has_every_mentions_evidence(client: TestClient) -> None:
    planned = _events(client, source="PRK", status="planned")[0]
    event = client.get(f"/api/events/{planned['id']}").json()
    (mention,) = event["mentions"]
    assert mention["sentence"].startswith("Kremlin mengonfirmasi")
    evidence = mention["evidence"][0]
    trigger = mention["sentence"][
        evidence["trigger_start"] - mention["start"] : evidence["trigger_end"] - mention["start"]
    ]
    assert trigger == "mengunjungi"
    assert mention["confirmed_by"]["name"] == "Kremlin"
    assert mention["title"] == "Kim Jong Un akan mengunjungi Rusia"


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/articles/0000", "/api/articles/%20"])
def test_api_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


def test_api_articles_list_and_reader_shape(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert {a["title"] for a in page["items"]} == {
        "Kim Jong Un akan mengunjungi Rusia",
        "Serangan rudal di Kyiv",
    }
    kim = next(a for a in page["items"] if a["title"].startswith("Kim") and not a["duplicate_of"])
    article = client.get(f"/api/articles/{kim['id']}").json()
    text = article["text"]
    quote = article["quotes"][0]
    assert text[quote["start"] : quote["end"]] == "Kami akan terus memperkuat persahabatan kami"
    assert quote["speaker_name"] == "Dmitry Peskov"
    assert [r["kind"] for r in article["removed"]] == ["promo", "comments"]
    for entity in article["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    assert all(e["event_id"] for e in article["events"])


def test_api_actors_search(client: TestClient) -> None:
    everyone = client.get("/api/actors").json()["items"]
    assert {"kim-jong-un", "dmitry-peskov", "RUS"} <= {a["id"] for a in everyone}
    found = client.get("/api/actors", params={"q": "peskov"}).json()["items"]
    assert [a["id"] for a in found] == ["dmitry-peskov"]


def test_api_actors_pages(client: TestClient) -> None:
    everyone = client.get("/api/actors").json()["items"]
    first = client.get("/api/actors", params={"limit": 2}).json()
    second = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert (first["next_offset"], second["offset"]) == (2, 2)
    assert [a["id"] for a in first["items"] + second["items"]] == [a["id"] for a in everyone[:4]]


def test_api_quotes_by_speaker(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "Peskov"}).json()["items"]
    assert quotes and all(q["speaker_name"] == "Dmitry Peskov" for q in quotes)
    assert client.get("/api/quotes", params={"speaker": "Zelensky"}).json()["items"] == []


def test_api_dyad_timeline(client: TestClient) -> None:
    dyad = client.get("/api/dyads/rus/prk", params={"freq": "month"}).json()
    assert (dyad["a"], dyad["b"], dyad["freq"]) == ("RUS", "PRK", "month")
    assert [p["period"] for p in dyad["periods"]] == ["2023-09-01", "2023-10-01"]
    september = dyad["periods"][0]
    assert september["verbal_cooperation"] == 1 and september["material_cooperation"] == 1
    assert (september["a_to_b"], september["b_to_a"]) == (1, 1)


@pytest.mark.parametrize("path", ["/api/dyads/R1/PRK", "/api/dyads/RUS/PRK?freq=fortnight"])
def test_api_dyad_bad_input_is_422(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 422


def test_api_vocabulary_and_stats(client: TestClient) -> None:
    vocab = client.get("/api/vocabulary").json()
    assert vocab["statuses"][:2] == ["occurred", "planned"]
    assert "CONSULT" in {t["type"] for t in vocab["types"]}
    assert client.get("/api/stats").json()["articles"] == 3
