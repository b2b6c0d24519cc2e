"""The read-only routes: every page and its JSON twin (same path plus ``.json``).

A JSON twin returns exactly what its ``kb.queries`` function returns; the page renders the same
dict. Twins are registered before their pages so ``/province/ha-tinh.json`` is never read as the
province "ha-tinh.json". Parameters are bounded here (query length, page size, 4-digit years);
errors the queries raise (``NotFoundError``, ``UsageError``) become 404/400 in ``app.py``.

The province page, the practice finder, the network and the search take a date range,
``since`` and ``until`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive; empty form fields mean no
bound; a bad date is a 400 from ``kb.timeframe``), on the page and its twin alike. Each table of
the province page downloads as CSV and JSON: ``/province/{slug}/{table}.csv`` and ``.json``.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from cachlamhay.errors import UsageError
from cachlamhay.kb import queries
from cachlamhay.store.db import Store
from cachlamhay.web import views
from cachlamhay.web.highlight import article_html, snippet_html
from cachlamhay.web.i18n import translator
from cachlamhay.web.site import get_store, page_lang, render

MAX_QUERY = 500
MAX_PAGE_SIZE = 100
MAX_PAGE = 1000
MAX_NAME = 200

StoreDep = Annotated[Store, Depends(get_store)]
SearchText = Annotated[str, Query(max_length=MAX_QUERY, description="Words to find")]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]
Year = Annotated[str | None, Query(pattern=r"^(\d{4})?$", description="A 4-digit year")]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Slug = Annotated[str, Path(min_length=1, max_length=MAX_NAME)]
DateBound = Annotated[
    str | None,
    Query(max_length=10, description="A date bound, inclusive: YYYY, YYYY-MM or YYYY-MM-DD"),
]
ProvinceList = Annotated[
    str | None, Query(max_length=2000, description="Comma-separated provinces (names or slugs)")
]

router = APIRouter()


def _blank(value: str | None) -> str | None:
    """Empty form fields ("all") mean no filter."""
    return value.strip() or None if value else None


def _topic(topic: str) -> str:
    """A topic id, its slug ("admin-merger") or words ("sap-nhap-xa", "sáp nhập xã"): the
    practice finder resolves all of them."""
    return topic.strip()


def _province_list(value: str | None) -> list[str] | None:
    names = [part.strip() for part in (value or "").split(",") if part.strip()]
    if len(names) > 100:
        raise UsageError("at most 100 provinces can be compared")
    return names or None


# -- home --------------------------------------------------------------------------------------
@router.get("/index.json", summary="Overview (JSON): counts, provinces, recent visits, topics")
def index_json(store: StoreDep) -> dict[str, Any]:
    return queries.overview(store)


@router.get("/", response_class=HTMLResponse, summary="Overview page")
def index_page(request: Request, store: StoreDep) -> Response:
    return render(request, "index.html", {"data": queries.overview(store)})


# -- search ------------------------------------------------------------------------------------
def _search(
    store: Store,
    q: str,
    page: int,
    size: int,
    filters: dict[str, str | None],
) -> dict[str, Any]:
    result: dict[str, Any] = queries.search_faceted(
        store,
        q,
        limit=size,
        offset=(page - 1) * size,
        province=_blank(filters["province"]),
        source=_blank(filters["source"]),
        year=_blank(filters["year"]),
        fact_type=_blank(filters["fact_type"]),
        since=_blank(filters["since"]),
        until=_blank(filters["until"]),
    )
    return result


@router.get("/search.json", summary="Full-text search with facets (JSON)")
def search_json(
    store: StoreDep,
    q: SearchText = "",
    province: Name = None,
    source: Name = None,
    year: Year = None,
    fact_type: Name = None,
    since: DateBound = None,
    until: DateBound = None,
    page: PageNo = 1,
    size: PageSize = 10,
) -> dict[str, Any]:
    filters = {"province": province, "source": source, "year": year, "fact_type": fact_type}
    filters.update(since=since, until=until)
    return _search(store, q, page, size, filters)


@router.get("/search", response_class=HTMLResponse, summary="Search page")
def search_page(
    request: Request,
    store: StoreDep,
    q: SearchText = "",
    province: Name = None,
    source: Name = None,
    year: Year = None,
    fact_type: Name = None,
    since: DateBound = None,
    until: DateBound = None,
    page: PageNo = 1,
    size: PageSize = 10,
) -> Response:
    filters = {"province": province, "source": source, "year": year, "fact_type": fact_type}
    filters.update(since=since, until=until)
    context: dict[str, Any] = {"q": q, "filters": filters, "page": page, "size": size}
    if not q.strip():
        return render(request, "search.html", context)
    try:
        data = _search(store, q, page, size, filters)
    except UsageError as error:
        return render(request, "search.html", {**context, "error": error.message}, 400)
    snippets = [snippet_html(r.get("snippet") or {}) for r in data.get("results", [])]
    context.update(data=data, snippets=snippets, pages=-(-int(data.get("total", 0)) // size))
    return render(request, "search.html", context)


# -- province ----------------------------------------------------------------------------------
def _profile(store: Store, slug: str, since: str | None, until: str | None) -> dict[str, Any]:
    return queries.province_profile(store, slug, since=_blank(since), until=_blank(until))


@router.get("/province/{slug}.json", summary="Province profile (JSON)")
def province_json(
    store: StoreDep, slug: Slug, since: DateBound = None, until: DateBound = None
) -> dict[str, Any]:
    return _profile(store, slug, since, until)


Table = Annotated[str, Path(min_length=1, max_length=40, description="A table of the page")]


def _province_table(
    store: Store, slug: str, table: str, since: str | None, until: str | None
) -> dict[str, Any]:
    return queries.province_table(store, slug, table, since=_blank(since), until=_blank(until))


@router.get(
    "/province/{slug}/{table}.json",
    summary="One table of the province page: visits_made, visits_received, indicators, people",
)
def province_table_json(
    store: StoreDep, slug: Slug, table: Table, since: DateBound = None, until: DateBound = None
) -> dict[str, Any]:
    return _province_table(store, slug, table, since, until)


@router.get(
    "/province/{slug}/{table}.csv",
    response_class=Response,
    summary="One table of the province page (CSV download)",
    responses={200: {"content": {"text/csv": {}}}},
)
def province_table_csv(
    store: StoreDep, slug: Slug, table: Table, since: DateBound = None, until: DateBound = None
) -> Response:
    data = _province_table(store, slug, table, since, until)
    name = views.download_name(f"{data['province']['slug']}-{table}")
    return Response(
        views.table_csv(data),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/province/{slug}", response_class=HTMLResponse, summary="Province profile page")
def province_page(
    request: Request, store: StoreDep, slug: Slug, since: DateBound = None, until: DateBound = None
) -> Response:
    data = _profile(store, slug, since, until)
    t = translator(page_lang(request))
    context = {
        "data": data,
        "charts": [views.indicator_chart(item) for item in data.get("indicators", [])],
        "timeline": views.visit_timeline_chart(
            data.get("visit_timeline", []), t("made"), t("received"), title=t("visit_timeline")
        ),
        "range_query": views.range_query(data.get("timeframe")),
    }
    return render(request, "province.html", context)


# -- practices ---------------------------------------------------------------------------------
def _finder(store: Store, query: str, since: str | None, until: str | None) -> dict[str, Any]:
    return queries.practice_finder(store, _topic(query), since=_blank(since), until=_blank(until))


def _finder_page(request: Request, q: str, data: dict[str, Any]) -> Response:
    """The ranked provinces with why each ranks where it does, in the page's language."""
    t = translator(page_lang(request))
    context = {
        "q": q,
        "data": data,
        "why": [views.why_line(item.get("why") or {}, t) for item in data.get("provinces", [])],
        "range_query": views.range_query(data.get("timeframe"), "&"),
    }
    return render(request, "practices.html", context)


@router.get("/practices.json", summary="Practice finder by free text or topic id (JSON)")
def practices_query_json(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
    since: DateBound = None,
    until: DateBound = None,
) -> dict[str, Any]:
    return _finder(store, q, since, until)


@router.get("/practices", response_class=HTMLResponse, summary="Practice finder page")
def practices_query_page(
    request: Request,
    store: StoreDep,
    q: SearchText = "",
    since: DateBound = None,
    until: DateBound = None,
) -> Response:
    if not q.strip():
        topics = queries.topic_counts(store)  # not the whole overview (it counts every table)
        frame = {"since": _blank(since), "until": _blank(until)}
        return render(request, "practices.html", {"q": "", "topics": topics, "frame": frame})
    return _finder_page(request, q, _finder(store, q, since, until))


@router.get("/practices/{topic}.json", summary="Provinces ranked by evidence for a topic (JSON)")
def practices_json(
    store: StoreDep,
    topic: Annotated[str, Path(min_length=1, max_length=MAX_QUERY)],
    since: DateBound = None,
    until: DateBound = None,
) -> dict[str, Any]:
    return _finder(store, topic, since, until)


@router.get("/practices/{topic}", response_class=HTMLResponse, summary="Practice finder page")
def practices_page(
    request: Request,
    store: StoreDep,
    topic: Annotated[str, Path(min_length=1, max_length=MAX_QUERY)],
    since: DateBound = None,
    until: DateBound = None,
) -> Response:
    return _finder_page(request, _topic(topic), _finder(store, topic, since, until))


# -- compare -----------------------------------------------------------------------------------
def _compare(store: Store, indicator: str, provinces: str | None) -> dict[str, Any]:
    return queries.compare_indicator(store, indicator, provinces=_province_list(provinces))


@router.get("/compare/{indicator}.json", summary="Indicator across provinces and periods (JSON)")
def compare_json(
    store: StoreDep, indicator: Slug, provinces: ProvinceList = None
) -> dict[str, Any]:
    return _compare(store, indicator, provinces)


@router.get(
    "/compare/{indicator}.csv",
    response_class=Response,
    summary="Indicator comparison rows (CSV download)",
    responses={200: {"content": {"text/csv": {}}}},
)
def compare_csv(store: StoreDep, indicator: Slug, provinces: ProvinceList = None) -> Response:
    data = _compare(store, indicator, provinces)
    return Response(
        views.compare_csv(data),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{views.download_name(indicator)}"'},
    )


@router.get("/compare/{indicator}", response_class=HTMLResponse, summary="Comparison page")
def compare_page(
    request: Request, store: StoreDep, indicator: Slug, provinces: ProvinceList = None
) -> Response:
    data = _compare(store, indicator, provinces)
    context = {"data": data, "chart": views.compare_chart(data), "provinces_param": provinces}
    return render(request, "compare.html", context)


# -- network -----------------------------------------------------------------------------------
@functools.cache
def _province_dots() -> tuple[tuple[float, float], ...]:
    """Every province's coordinates, drawn faintly under the network."""
    from cachlamhay.extract.gazetteer import provinces

    return tuple(sorted({(p.latitude, p.longitude) for p in provinces().values()}))


def _network(
    store: Store, year: str | None, purpose: str | None, since: str | None, until: str | None
) -> dict[str, Any]:
    return queries.visit_network(
        store,
        year=_blank(year),
        purpose=_blank(purpose),
        since=_blank(since),
        until=_blank(until),
    )


@router.get("/network.json", summary="Visit network: nodes and directed edges (JSON)")
def network_json(
    store: StoreDep,
    year: Year = None,
    purpose: Name = None,
    since: DateBound = None,
    until: DateBound = None,
) -> dict[str, Any]:
    return _network(store, year, purpose, since, until)


@router.get("/network", response_class=HTMLResponse, summary="Visit network map")
def network_page(
    request: Request,
    store: StoreDep,
    year: Year = None,
    purpose: Name = None,
    since: DateBound = None,
    until: DateBound = None,
) -> Response:
    data = _network(store, year, purpose, since, until)
    svg = views.network_svg(data, _province_dots(), title="network")
    slugs = {node["name"]: node["slug"] for node in data.get("nodes", []) if node.get("slug")}
    context = {"data": data, "svg": svg, "slugs": slugs, "year": _blank(year)}
    context["purpose"] = _blank(purpose)
    return render(request, "network.html", context)


# -- person ------------------------------------------------------------------------------------
@router.get("/person/{slug}.json", summary="A person's offices and visits (JSON)")
def person_json(store: StoreDep, slug: Slug) -> dict[str, Any]:
    return queries.person_page(store, slug)


@router.get("/person/{slug}", response_class=HTMLResponse, summary="Person page")
def person_page(request: Request, store: StoreDep, slug: Slug) -> Response:
    return render(request, "person.html", {"data": queries.person_page(store, slug)})


# -- article -----------------------------------------------------------------------------------
DocId = Annotated[str, Path(min_length=1, max_length=1000)]


@router.get("/article/{doc_id:path}.json", summary="An article with its facts (JSON)")
def article_json(store: StoreDep, doc_id: DocId) -> dict[str, Any]:
    return queries.article(store, doc_id)


@router.get("/article/{doc_id:path}", response_class=HTMLResponse, summary="Article page")
def article_page(request: Request, store: StoreDep, doc_id: DocId) -> Response:
    data = queries.article(store, doc_id)
    doc = data.get("doc", {})
    context = {
        "data": data,
        "text": article_html(str(doc.get("text") or ""), data.get("facts", [])),
        "original": views.safe_external(doc.get("url")),
    }
    return render(request, "article.html", context)
