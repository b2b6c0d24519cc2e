"""A cache of rendered responses, valid while the store does not change.

The server only reads; pages change only when an ingest writes. Every GET answered 200 without
setting a cookie is kept under (path, query, language), tagged with the store's version (size and
modification time of the database file and its WAL), and served again until that version
changes. Bounded by entries and bytes, least recently used first out.
"""

from __future__ import annotations

import asyncio
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from fastapi import Request
from fastapi.responses import Response

MAX_ENTRIES = 2048
MAX_BYTES = 128 * 1024 * 1024

Key = tuple[str, str, str]
Version = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    version: Version
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def store_version(db_path: Path) -> Version:
    """Changes whenever a writer commits (the WAL grows or is checkpointed into the file)."""
    marks = []
    for path in (db_path, Path(f"{db_path}-wal")):
        try:
            stat = os.stat(path)
            marks.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            marks.append((0, 0))
    return tuple(marks)


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self._entries: OrderedDict[Key, _Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.max_entries = max_entries
        self.max_bytes = max_bytes

    def get(self, key: Key, version: Version) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.version != version:
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: Key, entry: _Entry) -> None:
        if len(entry.body) > self.max_bytes // 8:
            return  # one huge page must not push out everything else
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = entry
            self._bytes += len(entry.body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)


Handler = Callable[[Request], Awaitable[Response]]


class _Renderings(NamedTuple):
    underway: dict[tuple[Key, Version], asyncio.Future[_Entry | None]]
    slots: asyncio.Semaphore


RENDERS_AT_ONCE = 4  # pages rendered at the same time; more only share the GIL and the disk


def middleware(
    cache: ResponseCache,
    db_path: Path,
    renders_at_once: int = RENDERS_AT_ONCE,
    on_store_change: Callable[[], None] | None = None,
) -> Callable[[Request, Handler], Awaitable[Response]]:
    """Serve from ``cache``; on a miss render the page once, however many clients ask for it
    at the same moment (they wait for that one rendering), and at most ``renders_at_once``
    pages at a time: with 50 clients on a cold cache, 50 renderings sharing one core all finish
    late, while a few at a time finish early in turn. ``on_store_change`` is called (in the
    event loop) by the first request that finds the store changed since the one before."""
    seen: Version | None = None  # the store version the previous request found
    # Futures and semaphores belong to one event loop (uvicorn runs one; test clients may not)
    per_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Renderings] = (
        weakref.WeakKeyDictionary()
    )

    async def cached(request: Request, call_next: Handler) -> Response:
        nonlocal seen
        if request.method != "GET":
            return await call_next(request)
        loop = asyncio.get_running_loop()
        if loop not in per_loop:
            per_loop[loop] = _Renderings({}, asyncio.Semaphore(renders_at_once))
        rendering, slots = per_loop[loop]
        key = (request.url.path, request.url.query, request.cookies.get("lang", ""))
        version = store_version(db_path)
        if seen is not None and seen != version and on_store_change is not None:
            on_store_change()
        seen = version
        hit = cache.get(key, version)
        if hit is None and (key, version) in rendering:
            hit = await asyncio.shield(rendering[(key, version)])
        if hit is not None:
            return Response(hit.body, status_code=hit.status, headers=dict(hit.headers))
        done: asyncio.Future[_Entry | None] = loop.create_future()
        rendering[(key, version)] = done
        try:
            async with slots:
                response = await call_next(request)
                if response.status_code != 200 or "set-cookie" in response.headers:
                    done.set_result(None)  # waiting clients render their own
                    return response
                body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
            headers = [(k, v) for k, v in response.headers.items() if k != "content-length"]
            entry = _Entry(version, response.status_code, headers, body)
            cache.put(key, entry)
            done.set_result(entry)
            return Response(body, status_code=response.status_code, headers=dict(headers))
        finally:
            if not done.done():
                done.set_result(None)
            rendering.pop((key, version), None)

    return cached
