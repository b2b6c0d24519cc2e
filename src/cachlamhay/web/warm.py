"""Start-up warming: the pages visitors open first are rendered into the response cache before
the server takes requests.

A province page of the full-corpus store takes up to ~150 ms to render (hundreds of sourced
figures); 50 clients arriving on a cold cache queue behind dozens of such renderings. The home
page and every province page it links to are rendered once at start-up instead (a few seconds on
the full store), through the application itself, so the cache keys and headers are exactly those
of real requests. Articles, searches and people stay on demand: they render in milliseconds.
After a write (an ingest) the same pages are warmed again once the store has been quiet for a
few seconds (``Rewarming``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from cachlamhay.kb import queries
from cachlamhay.store.db import open_store
from cachlamhay.web.cache import store_version

QUIET = 5.0  # seconds without a write before the cache is warmed again


def first_pages(db_path: Path) -> list[str]:
    """The home page and the page of every province with facts, busiest first."""
    with open_store(db_path, readonly=True) as store:
        provinces = queries.provinces_with_facts(store)
    return ["/", *(f"/province/{queries.province_slug(name)}" for name in provinces)]


async def get(app: Callable[..., Any], path: str) -> int:
    """One GET through the ASGI application, as a client on loopback would send it; the status."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


class Rewarming:
    """Warms the cache again after the store changes (an ingest wrote), once it has been quiet
    for ``quiet`` seconds: an ingest commits every batch, and warming between batches would
    render pages that the next batch makes stale."""

    def __init__(self, app: Callable[..., Any], db_path: Path, quiet: float = QUIET) -> None:
        self.app = app
        self.db_path = db_path
        self.quiet = quiet
        self.task: asyncio.Task[None] | None = None

    def store_changed(self) -> None:
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._when_quiet())

    async def _when_quiet(self) -> None:
        version = store_version(self.db_path)
        while True:
            await asyncio.sleep(self.quiet)
            now = store_version(self.db_path)
            if now == version:
                break
            version = now
        for path in first_pages(self.db_path):
            await get(self.app, path)


def lifespan(db_path: Path) -> Callable[[FastAPI], Any]:
    @asynccontextmanager
    async def warmed(app: FastAPI) -> AsyncIterator[None]:
        started = time.perf_counter()
        pages = first_pages(db_path)
        for path in pages:
            await get(app, path)
        app.state.warmed = (len(pages), time.perf_counter() - started)
        yield

    return warmed
