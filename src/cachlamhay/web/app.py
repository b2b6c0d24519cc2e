"""The web UI and JSON API: ``create_app(db_path)`` builds it, ``run(db_path)`` serves it.

Read-only and offline: only GET routes, the store opened read-only for each request, every
asset served from ``static/`` and every chart drawn as inline SVG, so a page never reaches
outside the server (a Content-Security-Policy of ``'self'`` makes sure of it). FastAPI's own
/docs and /redoc load their script from a CDN, so they are off; /docs is a local page listing
the operations of /openapi.json instead.

Errors: ``NotFoundError`` → 404, ``UsageError`` and invalid parameters → 400/422,
``StoreError`` → 503; pages get an HTML error page, ``.json``/``.csv`` twins get
``{"error": code, "message": ...}``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from cachlamhay import __version__
from cachlamhay.errors import CachlamhayError, NotFoundError, StoreError, UsageError
from cachlamhay.store.db import open_store
from cachlamhay.web import cache
from cachlamhay.web.routes import router
from cachlamhay.web.site import STATIC, render, wants_json

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
TITLE_KEYS = {400: "bad_request", 404: "not_found", 422: "bad_request", 503: "unavailable"}


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The same error as JSON for twins and as a page for browsers."""
    if wants_json(request) or request.url.path == "/openapi.json":
        return JSONResponse({"error": code, "message": message}, status_code=status)
    context = {"status": status, "code": code, "message": message, "key": TITLE_KEYS.get(status)}
    return render(request, "error.html", context, status_code=status)


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
    return error_response(request, _status_of(error), error.code, error.message)


async def _on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    code = "not-found" if error.status_code == 404 else "http"
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


def create_app(db_path: str | Path) -> FastAPI:
    """The application over the store at ``db_path`` (checked now: a bad path fails early)."""
    path = Path(db_path)
    open_store(path, readonly=True).close()
    app = FastAPI(
        title="cachlamhay",
        version=__version__,
        description="How Vietnamese provinces learn from each other, sourced from the news.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db_path = path
    app.add_exception_handler(CachlamhayError, _on_kb_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_invalid)
    app.middleware("http")(cache.middleware(cache.ResponseCache(), path))
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route(
        "/docs", _docs_page(app), methods=["GET"], response_class=HTMLResponse,
        include_in_schema=False,
    )  # fmt: skip
    app.include_router(router)
    return app


def run(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the application with uvicorn until interrupted, in ``workers`` processes."""
    import os

    import uvicorn

    if workers == 1:
        uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")
        return
    create_app(db_path)  # a bad store fails here, once, not in every worker
    os.environ[DB_ENV] = str(db_path)
    uvicorn.run(
        "cachlamhay.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


DB_ENV = "CACHLAMHAY_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The application for a uvicorn worker process (``run`` with several workers)."""
    import os

    return create_app(os.environ[DB_ENV])
