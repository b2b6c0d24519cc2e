"""HTML news pages: article text and metadata through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError
from cachlamhay.ingest.base import doc_id_from_path
from cachlamhay.ingest.text import read_bytes


def html_to_document(html: bytes, doc_id: str, origin: str, url: str | None = None) -> RawDocument:
    """One page → one document; a page without article text is rejected."""
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True
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
        raise InputError(origin, "no article text found in the HTML page", code="no-text")
    return RawDocument(
        id=doc_id,
        text=text,
        origin=origin,
        title=found.get("title") or None,
        url=url or found.get("url") or None,
        source=found.get("sitename") or found.get("hostname") or None,
        published=found.get("date") or None,
        author=found.get("author") or None,
    )


def read_html(path: Path) -> Iterator[RawDocument]:
    yield html_to_document(read_bytes(path), doc_id_from_path(path), str(path))
