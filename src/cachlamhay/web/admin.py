"""The admin API: the only routes that write, off unless ``CACHLAMHAY_ADMIN_TOKEN`` is set.

``create_app`` reads the token once; without one (unset or empty) no admin route exists and
``/admin/*`` answers 404, so the server stays read-only. A token shorter than
``MIN_TOKEN_LENGTH`` characters (or with spaces or non-ASCII characters) refuses to start.

Every admin request carries ``Authorization: Bearer <token>`` (compared in constant time);
a missing or wrong one is 401 with ``WWW-Authenticate: Bearer``. Answers are always JSON,
never cached (``Cache-Control: no-store``; ``app.py`` keeps ``/admin`` out of the response
cache).

``POST /admin/ingest`` takes a JSONL body (one article a line, the fields of the JSONL reader)
of at most ``MAX_INGEST_BYTES`` (the request-limit middleware in ``app.py`` enforces it while
the body streams in). The body is spooled to a temporary file, each line is parsed by
``ingest.jsonl.parse_record`` exactly like a line of a ``.jsonl`` file named
``admin-<sha256 of the body>.jsonl``, and the records go through ``pipeline.ingest_items`` on
one write connection opened for the request and closed after it. Admin ingests in this process
queue on a lock; other processes (workers, a CLI ingest) queue on SQLite's write lock. A store
still locked after the wait is 503 ``{"error": "busy"}`` with ``Retry-After``; a batch is one
transaction, so a store is never left half-written, and a retry skips what was stored.

``POST /admin/crawl`` starts one crawl (``cachlamhay.crawl``) in a background thread, with
its own write connection (a transaction per page, so admin ingests interleave with it); a
second one while it runs is 409. ``GET /admin/crawl`` reports the running or last crawl;
``?wait=true`` answers with the summary instead.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from cachlamhay import __version__, kb
from cachlamhay.errors import InputError, StoreError, UsageError
from cachlamhay.ingest import Item
from cachlamhay.ingest.jsonl import parse_record
from cachlamhay.ingest.sniff import GZIP_MAGIC
from cachlamhay.pipeline import ingest_items
from cachlamhay.store.db import BUSY_TIMEOUT_MS, open_store

TOKEN_ENV = "CACHLAMHAY_ADMIN_TOKEN"
MIN_TOKEN_LENGTH = 16
PREFIX = "/admin"
INGEST_PATH = PREFIX + "/ingest"
CRAWL_PATH = PREFIX + "/crawl"
MAX_INGEST_BYTES = 16 * 1024 * 1024
MAX_CRAWL_REQUEST_BYTES = 1024 * 1024  # a list of sources
LOCK_TIMEOUT_S = BUSY_TIMEOUT_MS / 1000  # as long as SQLite waits for another process
RETRY_AFTER_S = 5
NO_STORE = {"Cache-Control": "no-store"}
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="cachlamhay-admin"'}

_WRITE_LOCK = threading.Lock()  # one admin ingest at a time in this process
_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="adminToken",
    description=f"The value of {TOKEN_ENV}, sent as `Authorization: Bearer <token>`.",
)


def is_admin_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def token_from_environment() -> str | None:
    """The admin token, or None when the admin API is off (variable unset or empty)."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise UsageError(
            f"{TOKEN_ENV} is {len(token)} characters long; the admin token needs at least "
            f"{MIN_TOKEN_LENGTH} (e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`"
            "), or unset it to serve read-only"
        )
    if not all(33 <= ord(c) <= 126 for c in token):
        raise UsageError(
            f"{TOKEN_ENV} must be printable ASCII without spaces (it is sent in an HTTP header)"
        )
    return token


def build_router(token: str) -> APIRouter:
    """The admin routes, all behind the bearer ``token``."""
    expected = token.encode("ascii")

    def authorized(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        given = credentials.credentials.encode("utf-8", "replace") if credentials else b""
        if not hmac.compare_digest(given, expected):
            message = "missing or wrong admin token" if credentials else "missing admin token"
            raise HTTPException(401, message, headers=CHALLENGE | NO_STORE)

    router = APIRouter(prefix=PREFIX, tags=["admin"], dependencies=[Depends(authorized)])

    @router.get("/status", summary="Store counts (admin)")
    def status(request: Request) -> JSONResponse:
        with open_store(request.app.state.db_path, readonly=True) as store:
            data: dict[str, Any] = kb.stats(store)
        data["version"] = __version__
        data["max_ingest_bytes"] = MAX_INGEST_BYTES
        return JSONResponse(data, headers=NO_STORE)

    @router.post(
        "/ingest",
        summary="Ingest JSONL articles (admin)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": (
                    "One JSON object a line: text (required), id, title, source, url, "
                    f"published, author. At most {MAX_INGEST_BYTES} bytes, not compressed."
                ),
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        },
    )
    async def ingest(request: Request) -> JSONResponse:
        with tempfile.TemporaryDirectory(prefix="cachlamhay-admin-") as tmp:
            body = Path(tmp) / "body.jsonl"
            size, digest = await _spool(request, body)
            if size == 0:
                return _error(400, "empty-body", "the request body is empty; send JSONL")
            with body.open("rb") as handle:
                compressed = handle.read(2) == GZIP_MAGIC
            if compressed:
                return _error(415, "compressed", "send plain (not gzip) JSONL")
            name = f"admin-{digest[:16]}"
            try:
                result = await run_in_threadpool(
                    _ingest_file, request.app.state.db_path, body, name
                )
            except StoreError as error:
                return _error(503, error.code, error.message, {"Retry-After": str(RETRY_AFTER_S)})
        return JSONResponse(result, headers=NO_STORE)

    @router.post(
        "/crawl",
        summary="Start a crawl of news feeds and sitemaps (admin)",
        status_code=202,
        openapi_extra={
            "requestBody": {
                "required": False,
                "description": (
                    "JSON, every field optional: sources (feed/sitemap URLs; default: the"
                    f" shipped list), max_pages (default {CRAWL_MAX_PAGES}), delay (seconds"
                    " between requests to one host, at least 0.1; default 2), follow_offsite."
                    " With ?wait=true the answer is the crawl's summary, else 202 at once"
                    " and GET /admin/crawl tells how it went."
                ),
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        },
    )
    async def start_crawl(request: Request, wait: bool = False) -> JSONResponse:
        body = await request.body()
        try:
            options, sources = _crawl_request(body)
        except UsageError as error:
            return _error(400, error.code, error.message)
        db_path = request.app.state.db_path
        if not _CRAWL.begin():
            return _error(409, "busy", "a crawl is already running; see GET /admin/crawl")
        if wait:
            await run_in_threadpool(_CRAWL.run, db_path, sources, options)
            return JSONResponse(_CRAWL.report(), headers=NO_STORE)
        threading.Thread(
            target=_CRAWL.run, args=(db_path, sources, options), daemon=True, name="crawl"
        ).start()
        return JSONResponse(_CRAWL.report(), status_code=202, headers=NO_STORE)

    @router.get("/crawl", summary="The running or last crawl (admin)")
    def crawl_status() -> JSONResponse:
        return JSONResponse(_CRAWL.report(), headers=NO_STORE)

    return router


CRAWL_MAX_PAGES = 200


def _crawl_request(body: bytes) -> tuple[Any, list[str]]:
    """The options and sources a POST /admin/crawl body asks for (UsageError when wrong)."""
    from cachlamhay.crawl import CrawlOptions, Policy, default_sources
    from cachlamhay.crawl.sources import parse_sources

    try:
        asked = json.loads(body) if body.strip() else {}
    except ValueError as error:
        raise UsageError(f"the body is not JSON ({error})", code="bad-json") from None
    if not isinstance(asked, dict):
        raise UsageError("the body must be a JSON object", code="bad-json")
    unknown = set(asked) - {"sources", "max_pages", "delay", "follow_offsite"}
    if unknown:
        raise UsageError(f"unknown fields: {', '.join(sorted(unknown))}", code="bad-field")
    listed = asked.get("sources")
    if listed is None:
        sources = default_sources()
    elif isinstance(listed, list) and listed and all(isinstance(u, str) for u in listed):
        try:
            sources = parse_sources("\n".join(listed), "sources")
        except InputError as error:
            raise UsageError(error.message, code=error.code) from None
    else:
        raise UsageError("sources must be a non-empty list of URLs", code="bad-field")
    max_pages = asked.get("max_pages", CRAWL_MAX_PAGES)
    delay = asked.get("delay", 2.0)
    offsite = asked.get("follow_offsite", False)
    if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 0:
        raise UsageError("max_pages must be a whole number, 0 or more", code="bad-field")
    if not isinstance(delay, int | float) or isinstance(delay, bool) or delay < 0.1:
        raise UsageError("delay must be a number of seconds, at least 0.1", code="bad-field")
    if not isinstance(offsite, bool):
        raise UsageError("follow_offsite must be true or false", code="bad-field")
    policy = Policy(delay=float(delay), follow_offsite=offsite)
    return CrawlOptions(policy=policy, max_pages=max_pages), sources


class _CrawlJob:
    """The one crawl this process runs at a time, and the report of the last one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.running = False
        self.started_at: str | None = None
        self.summary: dict[str, Any] | None = None
        self.error: str | None = None

    def begin(self) -> bool:
        with self._lock:
            if self.running:
                return False
            self.running = True
            self.started_at = datetime.now(UTC).replace(microsecond=0).isoformat()
            self.summary = None
            self.error = None
            return True

    def run(self, db_path: Path, sources: list[str], options: Any) -> None:
        from cachlamhay.crawl import crawl

        try:
            with open_store(db_path) as store:
                self.summary = crawl(store, sources, options).as_dict()
        except Exception as error:  # reported on GET /admin/crawl, not lost in a thread
            self.error = f"{type(error).__name__}: {error}"
        finally:
            with self._lock:
                self.running = False

    def report(self) -> dict[str, Any]:
        with self._lock:
            return {
                "running": self.running,
                "started_at": self.started_at,
                "summary": self.summary,
                "error": self.error,
            }


_CRAWL = _CrawlJob()


async def _spool(request: Request, target: Path) -> tuple[int, str]:
    """Stream the body to ``target``: its size and SHA-256 (the body is never held whole)."""
    size = 0
    digest = hashlib.sha256()
    with target.open("wb") as handle:
        async for chunk in request.stream():
            if chunk:
                size += len(chunk)
                digest.update(chunk)
                await run_in_threadpool(handle.write, chunk)
    return size, digest.hexdigest()


def _records(path: Path, name: str) -> Iterator[Item]:
    """The lines of the body as the JSONL reader reads a file called ``<name>.jsonl``."""
    with path.open("rb") as handle:
        for lineno, line in enumerate(handle, start=1):
            if line.strip():
                yield parse_record(line, f"{name}:{lineno}", f"{name}:{lineno}")


def _ingest_file(db_path: Path, body: Path, name: str) -> dict[str, Any]:
    """One admin ingest: wait for the process lock, then one write connection, then close."""
    if not _WRITE_LOCK.acquire(timeout=LOCK_TIMEOUT_S):
        raise StoreError(
            f"another admin ingest has been running for {LOCK_TIMEOUT_S:.0f}s; try again later",
            code="busy",
        )
    try:
        with open_store(db_path) as store:
            summary = ingest_items(store, _records(body, name))
    except sqlite3.Error as error:  # a lock or I/O error outside ``Store.transaction``
        code = "busy" if "locked" in str(error) or "busy" in str(error) else "store"
        raise StoreError(f"cannot write the store ({error})", code=code) from None
    finally:
        _WRITE_LOCK.release()
    result = summary.as_dict()
    result["request"] = name
    result["rejection_lines"] = [rejection.line() for rejection in summary.rejections]
    return result


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": code, "message": message}, status_code=status, headers=NO_STORE | (headers or {})
    )
