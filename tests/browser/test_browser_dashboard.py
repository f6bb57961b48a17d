"""The dashboard in a real browser over the ingested examples (the issue's acceptance tests)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow  # ingests the examples and starts a server

PESKOV_QUOTE = "Kami akan terus memperkuat persahabatan kami"
JABAR_TITLE = "Pertemuan Kim Jong Un dengan Putin"
PASSAGE = (
    "Presiden Rusia Vladimir Putin akan mengunjungi Korea Utara bulan depan untuk bertemu"
    " Kim Jong Un, kata juru bicara Kremlin Dmitry Peskov kepada wartawan di Moskow,"
    " Selasa (12/3/2024).\n\n"
    "“Kunjungan ini akan memperkuat kerja sama kedua negara,” kata Peskov."
)


def test_browser_explorer_filters_to_the_planned_prk_rus_visit(page, screenshot) -> None:
    page.goto("/#/events")
    page.select_option("select[name=type]", "CONSULT")
    page.select_option("select[name=status]", "planned")
    page.fill("input[name=source]", "PRK")
    page.fill("input[name=target]", "RUS")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"status=planned"))
    page.locator("tr.event-row, #event-results .empty").first.wait_for()
    rows = page.locator("tr.event-row")
    assert rows.count(), "no event is CONSULT, planned, PRK→RUS (see /api/events?source=PRK)"
    for i in range(rows.count()):
        row = rows.nth(i)
        assert row.get_attribute("data-status") == "planned"
        assert re.search(r"PRK.*→.*RUS", row.inner_text(), re.S)
        assert "CONSULT" in row.inner_text()
    # One of them is the visit the Jabar Ekspres article reports, with its evidence.
    for i in range(rows.count()):
        rows.nth(i).click()
        detail = page.locator("#event-detail")
        detail.locator("li.mention").first.wait_for()
        if JABAR_TITLE in detail.inner_text():
            break
    else:
        raise AssertionError("no planned PRK→RUS event cites the Jabar Ekspres article")
    assert detail.locator("mark.trigger").count() >= 1
    assert detail.locator(".status-planned").count() >= 1
    screenshot("events")
    # One click from the evidence to the sentence in its article.
    detail.get_by_role("link", name=re.compile(JABAR_TITLE)).first.click()
    page.wait_for_url(re.compile(r"#/article/"))
    focused = page.locator(".article-text .event.focus")
    focused.first.wait_for()
    assert "Kim Jong Un" in "".join(focused.all_inner_texts())


def test_browser_reader_highlights_peskovs_quote(page, screenshot) -> None:
    page.goto("/#/articles")
    page.get_by_role("link", name=re.compile(JABAR_TITLE)).click()
    item = page.locator(".quotes-list li", has_text=PESKOV_QUOTE)
    assert "Dmitry Peskov" in item.inner_text()
    item.click()
    index = item.get_attribute("data-quote")
    pieces = page.locator(f".article-text .quote[data-quote='{index}']")
    assert PESKOV_QUOTE in "".join(pieces.all_inner_texts())
    assert "focus" in (pieces.first.get_attribute("class") or "")
    background = pieces.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    # Boilerplate is kept but collapsed; nothing in it is highlighted.
    removed = page.locator("details.removed")
    assert removed.get_attribute("open") is None
    assert "Baca Juga" in removed.inner_text() or "Baca Juga" in removed.text_content()
    assert "Joe Biden" not in page.locator(".article-text").inner_text()
    screenshot("reader")


def test_browser_dyad_chart_renders(page, screenshot) -> None:
    page.goto("/#/dyad?a=PRK&b=RUS&freq=day")
    chart = page.locator("svg.dyad-chart")
    chart.wait_for()
    assert chart.locator("rect.bar").count() >= 1
    assert chart.get_attribute("aria-label") == "Cooperation and conflict between PRK and RUS"
    screenshot("dyad")


def test_browser_map_places_events(page, screenshot) -> None:
    page.goto("/#/map")
    world = page.locator("svg.world-map")
    world.wait_for()
    assert len(world.locator("path.land").get_attribute("d") or "") > 1000
    assert world.locator("circle.place").count() >= 1
    world.locator("circle.place").first.click()
    assert page.locator("#place-detail .place-events li").count() >= 1
    screenshot("map")


def test_browser_paste_box_analyses_a_passage(page, screenshot) -> None:
    page.goto("/#/analyze")
    page.fill("#analyze-text", PASSAGE)
    page.fill("input[name=published]", "2024-03-12")
    page.click("#analyze-form button[type=submit]")
    out = page.locator("#analysis[data-done=true]")
    out.wait_for(timeout=180_000)  # the first analysis loads the models
    assert out.locator(".article-text").inner_text().startswith("Presiden Rusia Vladimir Putin")
    assert out.locator(".article-text .actor").count() >= 1
    events = out.locator(".events-list li")
    assert events.count() >= 1
    assert "RUS" in events.first.inner_text()
    screenshot("analyze")
