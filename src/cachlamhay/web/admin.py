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
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from cachlamhay import __version__, kb
from cachlamhay.errors import StoreError, UsageError
from cachlamhay.ingest import Item
from cachlamhay.ingest.jsonl import parse_record
from cachlamhay.ingest.sniff import GZIP_MAGIC
from cachlamhay.pipeline import ingest_items
from cachlamhay.store.db import BUSY_TIMEOUT_MS, open_store

TOKEN_ENV = "CACHLAMHAY_ADMIN_TOKEN"
MIN_TOKEN_LENGTH = 16
PREFIX = "/admin"
INGEST_PATH = PREFIX + "/ingest"
MAX_INGEST_BYTES = 16 * 1024 * 1024
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

    return router


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
