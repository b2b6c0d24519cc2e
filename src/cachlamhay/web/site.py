"""What every route shares: the per-request read connection, the templates and page rendering.

Each request opens its own read-only connection (``open_store(..., readonly=True)``) and closes
it when the response is sent: SQLite connections are cheap to open and this keeps threads from
ever sharing one. Pages are Jinja2 templates with autoescape on; the page language comes from
``?lang=`` (which also sets the ``lang`` cookie), then the cookie, then Vietnamese.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChainableUndefined, Environment, FileSystemLoader

from cachlamhay.store.db import Store, open_store
from cachlamhay.vntext import slugify
from cachlamhay.web import i18n

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
COOKIE_MAX_AGE = 365 * 24 * 3600


def get_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a read-only connection for this request only."""
    store = open_store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def wants_json(request: Request) -> bool:
    """JSON and CSV twins answer errors in JSON; pages answer with an HTML page."""
    return request.url.path.endswith((".json", ".csv"))


def format_number(value: Any, lang: str = i18n.DEFAULT_LANG) -> str:
    """12345.5 → "12.345,5" in Vietnamese, "12,345.5" in English; non-numbers as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.3f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate({ord(","): ".", ord("."): ","})
    return text


def url_part(value: Any) -> str:
    """One path segment, percent-encoded (document ids may hold any character)."""
    return quote(str(value), safe="")


def with_params(request: Request, **changes: Any) -> str:
    """This page's path and query with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items()}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")


def json_twin_url(request: Request) -> str:
    """The page's JSON twin: same path plus ".json" ("/" → "/index.json"), same query."""
    return twin_url(request, "json")


def twin_url(request: Request, extension: str) -> str:
    """The page as another format: same path plus ".json", ".docx"…, same query but ``lang``."""
    path = request.url.path
    twin = f"/index.{extension}" if path in ("", "/") else f"{path.rstrip('/')}.{extension}"
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "lang"])
    return twin + ("?" + query if query else "")


def build_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlpart"] = url_part
    env.filters["slug"] = slugify
    return env


ENV = build_environment()


def page_lang(request: Request) -> str:
    return i18n.pick_lang(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE))


def language_globals(lang: str) -> dict[str, Any]:
    """What every template needs in one language: ``lang``, ``t`` and ``num``."""

    def num(value: Any) -> str:
        return format_number(value, lang)

    return {"lang": lang, "t": i18n.translator(lang), "num": num}


def render(
    request: Request, template: str, context: Mapping[str, Any], status_code: int = 200
) -> HTMLResponse:
    """A page in the visitor's language; remembers an explicit ``?lang=`` in a cookie."""
    lang = page_lang(request)
    other = "en" if lang == "vi" else "vi"
    html = ENV.get_template(template).render(
        {
            **context,
            **language_globals(lang),
            "request": request,
            "switch_url": with_params(request, lang=other),
            "json_url": json_twin_url(request),
            "with_params": lambda **changes: with_params(request, **changes),
        }
    )
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie(
            i18n.COOKIE, lang, max_age=COOKIE_MAX_AGE, samesite="lax", httponly=True
        )
    return response
