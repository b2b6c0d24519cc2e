"""HTML news pages: article text and metadata through trafilatura."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree  # type: ignore[import-untyped]
from trafilatura.settings import set_date_params

from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError
from cachlamhay.ingest import legacy
from cachlamhay.ingest.base import doc_id_from_path
from cachlamhay.ingest.text import read_bytes


def html_to_document(
    html: bytes,
    doc_id: str,
    origin: str,
    url: str | None = None,
    *,
    guess_date: bool = True,
) -> RawDocument:
    """One page → one document; a page without article text is rejected.

    ``guess_date=False`` keeps only the dates a page states (meta tags, JSON-LD, its URL):
    htmldate's extensive search otherwise guesses from the text, and reads "Năm 2025, GRDP…"
    as published on 1 January 2025. The crawler prefers its feed's date to such a guess.

    A page in a legacy Vietnamese encoding (TCVN3, VNI: not UTF-8, and unmistakable once
    converted) is converted before trafilatura sees it, which would otherwise guess a Western
    charset; text that is such bytes once read as Windows-1252 is repaired after extraction."""
    page: bytes | str = html
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        reading = legacy.read_legacy(html)
        if reading.confident():
            page = reading.text
    try:
        extracted = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params=set_date_params(extensive=guess_date),
        )
    except Exception as error:  # trafilatura/lxml raise many types on hostile markup
        raise InputError(
            origin, f"unreadable HTML ({type(error).__name__})", code="bad-html"
        ) from None
    found: dict[str, Any] = {}
    if isinstance(extracted, dict):
        found = extracted
    elif extracted is not None:
        found = extracted.as_dict()
    text = found.get("text")
    if not isinstance(text, str) or not text.strip():
        beyond = _beyond_parser_limits(html)
        if beyond is not None:
            reason, code = beyond
            raise InputError(origin, f"{reason}: no article text found", code=code)
        raise InputError(origin, "no article text found in the HTML page", code="no-text")
    title = found.get("title") or None
    if (repaired := legacy.repair_mojibake(text)) is not None:
        text = repaired.text
        title = _repaired(title)
    return RawDocument(
        id=doc_id,
        text=text,
        origin=origin,
        title=title,
        url=url or found.get("url") or None,
        source=found.get("sitename") or found.get("hostname") or None,
        published=found.get("date") or None,
        author=found.get("author") or None,
    )


def _repaired(title: str | None) -> str | None:
    """The title of a page whose text was repaired, repaired the same way when it can be."""
    if not title:
        return title
    reading = legacy.repair_mojibake(title)
    return reading.text if reading is not None else title


def _beyond_parser_limits(html: bytes) -> tuple[str, str] | None:
    """Why libxml2 gave up on part of the page, when it did: it stops at 256 levels of nesting
    and at a 10 MB text node, silently dropping what lies beyond, so "no article text" would
    name the wrong cause. Parses the page once more; only pages already rejected pay for it."""
    parser = etree.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
    with contextlib.suppress(etree.Error, ValueError):  # only the error log is wanted
        etree.fromstring(html, parser)
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            if "depth" in entry.message.lower():
                return "HTML nested too deeply for the parser (over 255 levels)", "bad-html"
            return "HTML beyond the parser's size limits (a text node over 10 MB)", "too-large"
    return None


def read_html(path: Path) -> Iterator[RawDocument]:
    yield html_to_document(read_bytes(path), doc_id_from_path(path), str(path))
