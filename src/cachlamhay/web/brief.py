"""The study-visit brief on the web (``/brief/{province}`` and its ``.json`` and ``.docx``
twins) and as a standalone HTML document for ``cachlamhay brief``.

The page and the file are the same template (``brief.html``): on the web it links every line to
the highlighted sentence of its article and uses the site's stylesheets; standalone it inlines
its CSS, and links to the articles only when given the base URL of a running server (a file or
a PDF has no server behind it: its footnote-style source list names each article instead).
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from cachlamhay.extract.topics import TOPIC_WORDS
from cachlamhay.kb.brief import study_brief
from cachlamhay.store.db import Store
from cachlamhay.web import i18n, views
from cachlamhay.web.site import ENV, STATIC, get_store, language_globals, render, twin_url

router = APIRouter()
StoreDep = Annotated[Store, Depends(get_store)]
DateParam = Annotated[
    str | None,
    Query(
        max_length=10,
        pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
        description="YYYY, YYYY-MM or YYYY-MM-DD",
    ),
]
TopicParam = Annotated[str | None, Query(max_length=100, description="A topic id or its words")]


def _brief(
    store: StoreDep,
    slug: str,
    topic: TopicParam = None,
    since: DateParam = None,
    until: DateParam = None,
) -> dict[str, Any]:
    """The brief every route serves, from the path and the query (one place for both)."""
    return study_brief(store, slug, topic=topic or None, since=since or None, until=until or None)


BriefDep = Annotated[dict[str, Any], Depends(_brief)]
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def brief_charts(data: dict[str, Any]) -> dict[str, Markup]:
    """A small chart for each indicator of the brief with at least two figures."""
    series = [*data["indicators"]["topic"], *data["indicators"]["headline"]]
    return {
        item["indicator"]: views.indicator_chart(item)
        for item in series
        if len(item["series"]) >= 2
    }


@router.get("/brief/{slug}.json", summary="Study-visit brief of a province on a topic (JSON)")
def brief_json(data: BriefDep) -> dict[str, Any]:
    return data


@router.get(
    "/brief/{slug}.docx",
    response_class=Response,
    summary="Study-visit brief (DOCX download)",
    responses={200: {"content": {DOCX_MEDIA_TYPE: {}}}},
)
def brief_docx(request: Request, data: BriefDep) -> Response:
    from cachlamhay.web.brief_export import docx_bytes

    lang = i18n.pick_lang(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE))
    topic = request.query_params.get("topic")  # validated by ``_brief``
    name = views.download_name(f"brief-{data['province']['slug']}-{topic or 'all'}", "docx")
    return Response(
        docx_bytes(data, lang),
        media_type=DOCX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/brief/{slug}", response_class=HTMLResponse, summary="Study-visit brief page")
def brief_page(request: Request, data: BriefDep) -> Response:
    context = {
        "data": data,
        "charts": brief_charts(data),
        "topics": list(TOPIC_WORDS),
        "standalone": False,
        "links": True,
        "base": "",
        "docx_url": twin_url(request, "docx"),
    }
    return render(request, "brief.html", context)


def standalone_html(data: dict[str, Any], lang: str, base_url: str | None = None) -> str:
    """The brief as one self-contained HTML document (CSS inlined), for files and PDFs."""
    css = (STATIC / "style.css").read_text("utf-8") + (STATIC / "brief.css").read_text("utf-8")
    return ENV.get_template("brief.html").render(
        data=data,
        charts=brief_charts(data),
        topics=list(TOPIC_WORDS),
        standalone=True,
        links=bool(base_url),
        base=(base_url or "").rstrip("/"),
        css=Markup(css + PRINT_FONTS),
        **language_globals(lang),
    )


# Fonts with every Vietnamese glyph, as Debian installs them beside chromium (DejaVu, Liberation)
# and as most desktops have them (Noto, Arial): a PDF embeds the one it used.
PRINT_FONTS = """
body, body.brief { font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
"""


def write_html(data: dict[str, Any], lang: str, out: FilePath, base_url: str | None) -> None:
    out.write_text(standalone_html(data, lang, base_url), "utf-8")
