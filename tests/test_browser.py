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
