"""Browser tests: the web UI in real headless Chromium (Debian's package, driven by Playwright).

The demo store (the seeds) is served by uvicorn on a free loopback port. `.ci/run` installs
`chromium`; without it these tests skip with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cachlamhay.pipeline import ingest
from cachlamhay.store import open_store
from cachlamhay.web.local import CHROMIUM, CHROMIUM_ARGS, serving
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian chromium not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    with open_store(db) as store:
        ingest(store, [EXAMPLES])
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def test_province_page_shows_the_indicator_charts(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/province/ha-tinh")
    assert "Hà Tĩnh" in page.locator("h1").inner_text()
    charts = page.locator("figure.indicator svg")
    assert charts.count() > 0
    assert charts.first.is_visible()
    growth = page.locator("#indicator-grdp_growth")
    assert growth.locator("svg").is_visible()


def test_a_fact_leads_to_its_article_highlighted(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/province/ha-tinh")
    figure = page.locator("#indicator-grdp_growth")
    figure.locator("summary").click()  # the figures' sources fold out under the chart
    link = figure.locator("a[href^='/article/']").first
    fact = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url("**/article/**")
    assert page.locator("mark").count() > 0
    marked = page.locator(f"mark[data-fact-id='{fact.removeprefix('fact-')}']")
    assert marked.count() == 1
    assert "Tăng trưởng kinh tế" in marked.inner_text()
    assert "%" in marked.inner_text()


def test_search_without_diacritics(page: Any, base_url: str) -> None:
    page.goto(base_url)
    box = page.locator("form.quick input[name=q]")
    box.fill("ha tinh")
    box.press("Enter")
    page.wait_for_url("**/search?**")
    results = page.locator("main")
    assert "Hà Tĩnh" in results.inner_text()
    assert page.locator("main mark").count() > 0


def test_english_toggle(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/province/ha-tinh?lang=en")
    english = page.locator("body").inner_text()
    page.goto(f"{base_url}/province/ha-tinh?lang=vi")
    vietnamese = page.locator("body").inner_text()
    assert english != vietnamese


# -- the study-visit brief -------------------------------------------------------------------

A4_AT_96_DPI = {"width": 794, "height": 1123}


def test_the_brief_shows_the_visit_the_figures_and_the_practice(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/brief/ha-tinh?topic=admin_merger")
    received = page.locator("section.visits-received")
    assert "Lê Tiến Châu" in received.inner_text() and "Hậu Giang" in received.inner_text()
    figures = page.locator("section.topic-figures").inner_text()
    assert "46" in figures and "sáp nhập 80 đơn vị hành chính (ĐVHC) cấp xã, giảm 46" in figures
    assert "sáp nhập xã" in page.locator("section.practices").inner_text()
    assert page.locator("form.filters").is_visible()


def test_a_brief_line_opens_its_sentence_highlighted(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/brief/ha-tinh?topic=admin_merger")
    link = page.locator("section.topic-figures a.ref").first
    fact = link.get_attribute("href").split("#fact-")[1]
    link.click()
    page.wait_for_url("**/article/**")
    marked = page.locator(f"mark[data-fact-id='{fact}']")
    assert marked.count() == 1
    assert "giảm 46 ĐVHC cấp xã" in marked.inner_text()


def test_the_brief_prints_on_a4_without_navigation(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    page.set_viewport_size(A4_AT_96_DPI)
    page.goto(f"{base_url}/brief/ha-tinh?topic=admin_merger")
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert page.locator("h1").is_visible()
    shot = tmp_path / "brief-print-a4.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2


def test_the_finder_leads_to_the_brief(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/practices/admin_merger")
    link = page.locator("a[href^='/brief/ha-tinh']").first
    assert "topic=admin_merger" in link.get_attribute("href")
    link.click()
    page.wait_for_url("**/brief/ha-tinh**")
    assert "Lê Tiến Châu" in page.locator("section.visits-received").inner_text()
