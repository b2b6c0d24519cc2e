"""The documents that flow between stages: what a reader found, and what cleaning made of it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cachlamhay.spans import Span


@dataclass(slots=True)
class RawDocument:
    """One article as a reader found it. ``text`` is the decoded text, not yet cleaned."""

    id: str
    text: str
    origin: str  # file path (and record) it came from, for messages and provenance
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class CleanDocument:
    """One article after cleaning. Every later fact's offsets point into ``text``."""

    id: str
    text: str
    raw_text: str
    origin: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    author: str | None
    captions: list[Span] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_record(cls, row: Mapping[str, Any]) -> CleanDocument:
        """A document stored or exported before: ``captions`` as [[start, end], …] and ``meta``
        as a dict, or either as JSON text (Parquet)."""
        captions = row["captions"]
        meta = row["meta"]
        return cls(
            id=row["id"],
            text=row["text"],
            raw_text=row["raw_text"],
            origin=row["origin"],
            title=row["title"],
            url=row["url"],
            source=row["source"],
            published=row["published"],
            author=row["author"],
            captions=[Span(s, e) for s, e in _decoded(captions)],
            meta=dict(_decoded(meta)),
        )

    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "author": self.author,
        }


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
