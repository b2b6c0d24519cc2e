"""The response cache: a page is rendered once while the store is unchanged, again after a
write, never cached when it sets a cookie or fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cachlamhay.kb import queries
from cachlamhay.pipeline import ingest
from cachlamhay.store import open_store
from cachlamhay.web.app import create_app
from cachlamhay.web.cache import ResponseCache, _Entry
from tests.conftest import SEED_000, SEED_004


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cache.db"
    with open_store(path) as store:
        ingest(store, [SEED_000])
    return path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = queries.province_profile

    def counted(store: Any, slug: str, **ranged: Any) -> dict[str, Any]:
        calls.append(slug)
        return original(store, slug, **ranged)

    monkeypatch.setattr(queries, "province_profile", counted)
    return calls


def test_a_page_is_rendered_once_until_the_store_changes(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    client = TestClient(create_app(db))
    first = client.get("/province/ha-tinh.json")
    second = client.get("/province/ha-tinh.json")
    assert first.json() == second.json()
    assert second.headers["content-security-policy"]
    assert calls == ["ha-tinh"]
    with open_store(db) as store:
        ingest(store, [SEED_004])  # Hà Tĩnh's visit to Bình Phước arrives
    third = client.get("/province/ha-tinh.json")
    assert calls == ["ha-tinh", "ha-tinh"]
    assert len(third.json()["visits_made"]) > len(first.json()["visits_made"])


def test_languages_errors_and_cookies_are_not_mixed_up(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(db)
    client = TestClient(app)
    vietnamese = client.get("/province/ha-tinh").text
    english = TestClient(app, cookies={"lang": "en"}).get("/province/ha-tinh").text
    assert vietnamese != english
    toggled = client.get("/province/ha-tinh?lang=en")
    assert "set-cookie" in toggled.headers  # the toggle is answered, not served from cache
    assert client.get("/province/atlantis.json").status_code == 404
    assert client.get("/province/atlantis.json").status_code == 404


def test_the_cache_is_bounded() -> None:
    cache = ResponseCache(max_entries=2, max_bytes=80)
    version = ((1, 1),)
    for name in ("a", "b", "c"):
        cache.put((name, "", ""), _Entry(version, 200, [], b"x" * 5))
    assert cache.get(("a", "", ""), version) is None
    assert cache.get(("c", "", ""), version) is not None
    cache.put(("big", "", ""), _Entry(version, 200, [], b"x" * 50))  # over a slice of the budget
    assert cache.get(("big", "", ""), version) is None
    assert cache.get(("c", "", ""), ((2, 2),)) is None  # another store version


def test_clients_asking_at_once_for_a_cold_page_share_one_rendering(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import time

    import httpx

    calls: list[str] = []
    original = queries.province_profile

    def slow(store: Any, slug: str, **ranged: Any) -> dict[str, Any]:
        calls.append(slug)
        time.sleep(0.2)  # long enough for every client to arrive while it renders
        return original(store, slug, **ranged)

    monkeypatch.setattr(queries, "province_profile", slow)
    app = create_app(db)

    async def ask_together() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await asyncio.gather(*(client.get("/province/ha-tinh.json") for _ in range(8)))

    responses = asyncio.run(ask_together())
    assert {r.status_code for r in responses} == {200}
    assert len({r.content for r in responses}) == 1
    assert calls == ["ha-tinh"]


def test_warming_renders_home_and_province_pages_before_the_first_request(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    app = create_app(db, warm=True)
    with TestClient(app) as client:  # the context runs the start-up warming
        pages, _seconds = app.state.warmed
        assert "ha-tinh" in calls and pages == 1 + len(calls)
        warmed = list(calls)
        assert client.get("/province/ha-tinh").status_code == 200
        assert calls == warmed  # served from the cache
    assert not hasattr(create_app(db).state, "warmed")  # off unless asked for


def test_after_an_ingest_the_pages_are_warmed_again_once_the_store_is_quiet(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    calls = _counting(monkeypatch)
    app = create_app(db, warm=True)
    app.state.rewarming.quiet = 0.05
    with TestClient(app) as client:
        warmed = len(calls)
        with open_store(db) as store:
            ingest(store, [SEED_004])  # the store changes under the running server
        assert client.get("/search.json?q=ha+tinh").status_code == 200  # notices the change
        rewarming = app.state.rewarming
        deadline = time.monotonic() + 10
        while not (rewarming.task and rewarming.task.done()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(calls) >= 2 * warmed  # every province page rendered again, unasked
        rendered = len(calls)
        assert client.get("/province/ha-tinh").status_code == 200
        assert len(calls) == rendered  # and served from the cache
