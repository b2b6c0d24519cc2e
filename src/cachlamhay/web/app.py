"""The web UI and JSON API: ``create_app(db_path)`` builds it, ``run(db_path)`` serves it.

Read-only and offline: only GET routes (the admin API of ``admin.py`` exists only when
``CACHLAMHAY_ADMIN_TOKEN`` is set, and needs that token), the store opened read-only for each
request, every asset served from ``static/`` and every chart drawn as inline SVG, so a page
never reaches outside the server (a Content-Security-Policy of ``'self'`` makes sure of it).
FastAPI's own /docs and /redoc load their script from a CDN, so they are off; /docs is a local
page listing the operations of /openapi.json instead.

Errors: ``NotFoundError`` → 404, ``UsageError`` and invalid parameters → 400/422,
``StoreError`` → 503; pages get an HTML error page, ``.json``/``.csv`` twins get
``{"error": code, "message": ...}`` (so does everything under ``/admin``).

Request limits (``RequestLimits``, the outermost middleware, before any route or other
middleware sees the request): a body only where a route takes one (``BODY_LIMITS``: 16 MiB for
``POST /admin/ingest``, 1 MiB for ``POST /admin/crawl``, none anywhere else) → 413, from
``Content-Length`` up front and by counting chunked bodies as they stream in; path and query
over ``MAX_URL_BYTES`` → 414; more than ``MAX_QUERY_PARAMS`` query parameters → 400. The
request line and headers are bounded by uvicorn itself (h11:
``--h11-max-incomplete-event-size``, 16 KiB by default).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cachlamhay import __version__
from cachlamhay.errors import CachlamhayError, NotFoundError, StoreError, UsageError
from cachlamhay.store.db import open_store
from cachlamhay.vntext import slugify
from cachlamhay.web import admin, cache
from cachlamhay.web import warm as warm_up
from cachlamhay.web.brief import router as brief_router
from cachlamhay.web.routes import router
from cachlamhay.web.site import STATIC, render, wants_json

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
TITLE_KEYS = {400: "bad_request", 404: "not_found", 422: "bad_request", 503: "unavailable"}
HTTP_CODES = {401: "unauthorized", 404: "not-found", 405: "method-not-allowed", 413: "too-large"}
MAX_URL_BYTES = 4096
MAX_QUERY_PARAMS = 50
BODY_LIMITS = {  # any other path: no body at all
    admin.INGEST_PATH: admin.MAX_INGEST_BYTES,
    admin.CRAWL_PATH: admin.MAX_CRAWL_REQUEST_BYTES,
}


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    suggestions: list[dict[str, str]] | None = None,
) -> Response:
    """The same error as JSON for twins and as a page for browsers; ``suggestions`` (name and
    link) become "Did you mean" links."""
    path = request.url.path
    if wants_json(request) or path == "/openapi.json" or admin.is_admin_path(path):
        body: dict[str, Any] = {"error": code, "message": message}
        if suggestions:
            body["suggestions"] = suggestions
        return JSONResponse(body, status_code=status)
    context = {
        "status": status,
        "code": code,
        "message": message,
        "key": TITLE_KEYS.get(status),
        "suggestions": suggestions or [],
    }
    return render(request, "error.html", context, status_code=status)


def _suggested_links(request: Request, names: list[str]) -> list[dict[str, str]]:
    """The same page for each suggested province: /province/x → /province/ha-tinh."""
    parts = request.url.path.split("/")
    links = []
    for name in names:
        slug = slugify(name)
        if len(parts) >= 3 and parts[1] in ("province", "brief"):
            suffix = ".json" if parts[2].endswith(".json") else ""
            path = f"/{parts[1]}/{slug}{suffix}"
        else:
            path = f"/province/{slug}"
        query = request.url.query
        links.append({"name": name, "link": path + (f"?{query}" if query else "")})
    return links


def _status_of(error: CachlamhayError) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, UsageError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 400


async def _on_kb_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, CachlamhayError)
    suggestions = None
    if isinstance(error, NotFoundError) and error.suggestions:
        suggestions = _suggested_links(request, error.suggestions)
    return error_response(request, _status_of(error), error.code, error.message, suggestions)


async def _on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    code = HTTP_CODES.get(error.status_code, "http")
    response = error_response(request, error.status_code, code, str(error.detail))
    if error.headers:
        response.headers.update(error.headers)
    return response


def _describe(errors: Any) -> str:
    parts = []
    for item in errors:
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return "; ".join(parts) or "invalid parameters"


async def _on_invalid(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    return error_response(request, 422, "invalid-parameter", _describe(error.errors()))


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def _cached_except_admin(
    cached: Callable[[Request, cache.Handler], Awaitable[Response]],
) -> Callable[[Request, cache.Handler], Awaitable[Response]]:
    """The response cache for every path but ``/admin``: admin answers depend on the token and
    must never be served from (or stored in) a cache keyed by path and query alone."""

    async def middleware(request: Request, call_next: cache.Handler) -> Response:
        if admin.is_admin_path(request.url.path):
            return await call_next(request)
        return await cached(request, call_next)

    return middleware


class _BodyTooLarge(Exception):
    pass


class RequestLimits:
    """Pure ASGI middleware bounding what a request may send (see the module docstring).

    Bodies are never read here: ``Content-Length`` is checked before the app runs, and the
    ``receive`` the app reads from counts bytes and stops at the limit, so a request over it is
    answered 413 after at most one chunk past the limit has arrived.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        body_limits: Mapping[str, int] | None = None,
        max_url_bytes: int = MAX_URL_BYTES,
        max_query_params: int = MAX_QUERY_PARAMS,
    ) -> None:
        self.app = app
        self.body_limits = dict(BODY_LIMITS if body_limits is None else body_limits)
        self.max_url_bytes = max_url_bytes
        self.max_query_params = max_query_params

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
        if len(path) + (len(query) + 1 if query else 0) > self.max_url_bytes:
            message = f"the URL is longer than {self.max_url_bytes} bytes"
            await _refuse(send, 414, "uri-too-long", message)
            return
        if sum(1 for part in query.split(b"&") if part) > self.max_query_params:
            message = f"more than {self.max_query_params} query parameters"
            await _refuse(send, 400, "too-many-parameters", message)
            return
        limit = self.body_limits.get(scope["path"], 0)
        headers = dict(scope.get("headers", ()))
        length = headers.get(b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                await _refuse(send, 400, "bad-request", "invalid Content-Length")
                return
            if int(length) > limit:
                await _refuse(send, 413, "too-large", _too_large(limit))
                return
        elif limit == 0 and b"transfer-encoding" in headers:
            await _refuse(send, 413, "too-large", _too_large(limit))
            return
        received = 0
        over = started = False

        async def limited_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise _BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                return  # the app's answer to a body it could not finish reading: 413 instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except Exception:  # the app may see ``_BodyTooLarge`` wrapped (in an ExceptionGroup)
            if not over or started:  # after the response started, the server drops the connection
                raise
        if over and not started:
            await _refuse(send, 413, "too-large", _too_large(limit))


def _too_large(limit: int) -> str:
    if limit == 0:
        return "this path takes no request body"
    return f"the request body is larger than {limit} bytes"


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    """A JSON error answered by the limits middleware; the connection is then closed, since
    whatever body the client still sends is not read."""
    body = json.dumps({"error": code, "message": message}).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"connection", b"close"),
        (b"cache-control", b"no-store"),
        (b"content-security-policy", CSP.encode("ascii")),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _docs_page(app: FastAPI) -> Callable[[Request], Response]:
    def docs(request: Request) -> Response:
        """Every operation of /openapi.json, listed on a local page."""
        operations = []
        for path, methods in app.openapi().get("paths", {}).items():
            for method, spec in methods.items():
                summary = spec.get("summary", "")
                operations.append({"path": path, "method": method.upper(), "summary": summary})
        return render(request, "docs.html", {"operations": operations})

    return docs


def create_app(db_path: str | Path, *, warm: bool = False) -> FastAPI:
    """The application over the store at ``db_path`` (checked now: a bad path fails early).
    With ``warm`` the home and province pages are rendered into the cache at start-up
    (``web.warm``), before the first request is taken.

    The admin API is added when ``CACHLAMHAY_ADMIN_TOKEN`` is set (read now; a token too short
    raises ``UsageError``)."""
    token = admin.token_from_environment()
    path = Path(db_path)
    open_store(path, readonly=True).close()
    app = FastAPI(
        title="cachlamhay",
        version=__version__,
        description="How Vietnamese provinces learn from each other, sourced from the news.",
        docs_url=None,
        redoc_url=None,
        lifespan=warm_up.lifespan(path) if warm else None,
    )
    app.state.db_path = path
    app.add_exception_handler(CachlamhayError, _on_kb_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_invalid)
    rewarming = warm_up.Rewarming(app, path) if warm else None
    responses = cache.middleware(
        cache.ResponseCache(), path, on_store_change=rewarming.store_changed if rewarming else None
    )
    app.state.rewarming = rewarming
    app.middleware("http")(_cached_except_admin(responses))
    app.middleware("http")(_security_headers)
    app.add_middleware(RequestLimits)  # added last: the outermost
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route(
        "/docs", _docs_page(app), methods=["GET"], response_class=HTMLResponse,
        include_in_schema=False,
    )  # fmt: skip
    app.include_router(brief_router)  # before the others: "/brief/x.json" is never a page
    app.include_router(router)
    if token is not None:
        app.include_router(admin.build_router(token))
    return app


def run(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    warm: bool = True,
) -> None:
    """Serve the application with uvicorn until interrupted, in ``workers`` processes (each
    warms its own cache when ``warm``)."""
    import os

    import uvicorn

    if workers == 1:
        uvicorn.run(create_app(db_path, warm=warm), host=host, port=port, log_level="info")
        return
    create_app(db_path)  # a bad store fails here, once, not in every worker
    os.environ[DB_ENV] = str(db_path)
    os.environ[WARM_ENV] = "1" if warm else ""
    uvicorn.run(
        "cachlamhay.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


DB_ENV = "CACHLAMHAY_SERVE_DB"
WARM_ENV = "CACHLAMHAY_SERVE_WARM"


def app_from_environment() -> FastAPI:
    """The application for a uvicorn worker process (``run`` with several workers)."""
    import os

    return create_app(os.environ[DB_ENV], warm=bool(os.environ.get(WARM_ENV)))
