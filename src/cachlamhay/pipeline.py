"""Ingest orchestration: read → clean → prepare (pure) → store (one writer, a batch per commit).

A batch is one transaction: an interrupted run loses at most the batch in flight, and a rerun
skips every document already stored (by id) and completes the rest.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cachlamhay import dedup
from cachlamhay.clean import clean_document
from cachlamhay.document import CleanDocument, RawDocument
from cachlamhay.extract import analyse, extract_document
from cachlamhay.ingest import Rejection, read_paths
from cachlamhay.kb.consolidate import consolidate_pending
from cachlamhay.store.db import PreparedDocument, Store
from cachlamhay.vntext import fold

BATCH_SIZE = 500
MAX_LISTED_REJECTIONS = 1000


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    clustered: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    rejected_by_code: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def reject(self, rejection: Rejection) -> None:
        self.rejected += 1
        self.rejected_by_code[rejection.code] += 1
        if len(self.rejections) < MAX_LISTED_REJECTIONS:
            self.rejections.append(rejection)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "clustered": self.clustered,
            "rejected": self.rejected,
            "rejected_by_code": dict(self.rejected_by_code),
            "rejections": [r.as_dict() for r in self.rejections],
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.read / self.seconds, 1) if self.seconds else None,
        }


def prepare(doc: CleanDocument) -> PreparedDocument:
    """Everything the writer needs that can be computed without the database."""
    folded = fold(doc.text)
    signature = dedup.signature(folded)
    mentions: list[tuple[str, str, int, int]] | None = None
    try:
        facts, found = analyse(doc)
        mentions = [(m.kind, m.name, m.start, m.end) for m in found]
    except Exception as error:  # an extractor bug must not lose the document
        doc.meta["extract_error"] = f"{type(error).__name__}: {error}"
        facts = None
    return PreparedDocument(
        doc=doc,
        folded_title=fold(doc.title or ""),
        folded_text=folded,
        content_hash=dedup.content_hash(folded),
        signature=signature,
        band_keys=dedup.band_keys(signature),
        facts=facts,
        mentions=mentions,
    )


def extract_paths(
    paths: Iterable[Path | str], only: set[str] | None = None
) -> Iterator[dict[str, Any] | Rejection]:
    """SPEC JSON for every document under ``paths`` (or only those whose id is in ``only``)."""
    for item in read_paths(paths):
        if isinstance(item, Rejection):
            if only is None:
                yield item
            continue
        if only is not None and item.id not in only:
            continue
        cleaned = clean_or_reject(item)
        yield cleaned if isinstance(cleaned, Rejection) else extract_document(cleaned)


def clean_or_reject(raw: RawDocument) -> CleanDocument | Rejection:
    doc = clean_document(raw)
    if not doc.text.strip():
        return Rejection(raw.origin, "no text left after cleaning", "empty")
    return doc


Progress = Callable[[IngestSummary], None]


def ingest(
    store: Store,
    paths: Iterable[Path | str],
    *,
    batch_size: int = BATCH_SIZE,
    on_progress: Progress | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    started = time.perf_counter()
    if store.count_unconsolidated():  # a store migrated from before the knowledge base
        with store.transaction():
            consolidate_pending(store)
    pending: list[PreparedDocument] = []
    pending_ids: set[str] = set()
    for item in read_paths(paths):
        summary.read += 1
        if isinstance(item, Rejection):
            summary.reject(item)
        elif item.id in pending_ids or store.has_document(item.id):
            summary.duplicate += 1
        else:
            cleaned = clean_or_reject(item)
            if isinstance(cleaned, Rejection):
                summary.reject(cleaned)
            else:
                pending.append(prepare(cleaned))
                pending_ids.add(cleaned.id)
        if len(pending) >= batch_size:
            _write(store, pending, summary)
            pending_ids.clear()
        if on_progress and summary.read % 100 == 0:
            on_progress(summary)
    _write(store, pending, summary)
    summary.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(summary)
    return summary


def _write(store: Store, pending: list[PreparedDocument], summary: IngestSummary) -> None:
    if not pending:
        return
    with store.transaction():
        for prepared in pending:
            added = store.add_document(prepared)
            summary.new += 1
            summary.clustered += added.joined_cluster
        consolidate_pending(store)  # same transaction: documents and knowledge base agree
    pending.clear()
