"""Ingest orchestration: read → clean → prepare (pure) → store (one writer, a batch per commit).

A batch is one transaction: an interrupted run loses at most the batch in flight, and a rerun
skips every document already stored (by id) and completes the rest.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.context
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from cachlamhay import dedup
from cachlamhay.clean import clean_document
from cachlamhay.document import CleanDocument, RawDocument
from cachlamhay.extract import analyse
from cachlamhay.extract import candidates as candidates  # re-exported for the CLI
from cachlamhay.extract import extract_document as extract_document  # re-exported for the CLI
from cachlamhay.ingest import Item, Rejection, read_paths
from cachlamhay.kb.consolidate import consolidate_pending
from cachlamhay.store.db import PreparedDocument, Store
from cachlamhay.vntext import fold

BATCH_SIZE = 500
WINDOW_PER_JOB = 256  # documents in flight per worker process
CHUNK = 16  # documents per task sent to a worker
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
    mentions: list[tuple[str, str, int, int]] | None = None
    try:
        facts, found = analyse(doc)
        mentions = [(m.kind, m.name, m.start, m.end) for m in found]
    except Exception as error:  # an extractor bug must not lose the document
        doc.meta["extract_error"] = f"{type(error).__name__}: {error}"
        facts = None
    return prepared_with(doc, facts, mentions)


def prepared_with(
    doc: CleanDocument,
    facts: dict[str, Any] | None,
    mentions: list[tuple[str, str, int, int]] | None,
) -> PreparedDocument:
    """``doc`` with the facts extracted from it (here or on Spark) and its dedup keys."""
    folded = fold(doc.text)
    signature = dedup.signature(folded)
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
    paths: Iterable[Path | str], only: set[str] | None = None, jobs: int = 1
) -> Iterator[dict[str, Any] | Rejection]:
    """SPEC JSON for every document under ``paths`` (or only those whose id is in ``only``), in
    input order whatever ``jobs`` is."""

    def wanted() -> Iterator[RawDocument | Rejection]:
        for item in read_paths(paths):
            if isinstance(item, Rejection):
                if only is None:
                    yield item
            elif only is None or item.id in only:
                yield item

    yield from _in_order(wanted(), _extract_one, jobs)


def clean_documents(paths: Iterable[Path | str], only: set[str]) -> Iterator[CleanDocument]:
    """The cleaned documents under ``paths`` whose id is in ``only`` (rejections skipped)."""
    for item in read_paths(paths):
        if isinstance(item, Rejection) or item.id not in only:
            continue
        cleaned = clean_or_reject(item)
        if not isinstance(cleaned, Rejection):
            yield cleaned


def _extract_one(item: RawDocument | Rejection) -> dict[str, Any] | Rejection:
    if isinstance(item, Rejection):
        return item
    cleaned = clean_or_reject(item)
    return cleaned if isinstance(cleaned, Rejection) else extract_document(cleaned)


def prepare_raw(raw: RawDocument) -> PreparedDocument | Rejection:
    cleaned = clean_or_reject(raw)
    return cleaned if isinstance(cleaned, Rejection) else prepare(cleaned)


T = TypeVar("T")
R = TypeVar("R")


def _in_order(items: Iterable[T], work: Callable[[T], R], jobs: int) -> Iterator[R]:
    """``work`` over ``items`` in order: in this process, or in a pool of ``jobs`` worker
    processes fed a bounded window at a time (memory stays flat however long the input)."""
    if jobs <= 1:
        yield from map(work, items)
        return
    window = WINDOW_PER_JOB * jobs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        # Two windows in flight: the workers go on with the next one while this process reads
        # input and writes the results of the current one (with one, they sat idle meanwhile).
        in_flight: deque[Iterator[R]] = deque()
        source = iter(items)
        while batch := list(itertools.islice(source, window)):
            in_flight.append(pool.map(work, batch, chunksize=CHUNK))
            if len(in_flight) == 2:
                yield from in_flight.popleft()
        while in_flight:
            yield from in_flight.popleft()


def _context() -> multiprocessing.context.BaseContext:
    # fork is fast and shares the loaded gazetteer; elsewhere, spawn (workers rebuild it).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


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
    jobs: int = 1,
) -> IngestSummary:
    """Read, clean, extract and store. With ``jobs`` > 1 cleaning and extraction run in worker
    processes; this process stays the one writer, and the store ends up the same."""
    return ingest_items(
        store, read_paths(paths), batch_size=batch_size, on_progress=on_progress, jobs=jobs
    )


def ingest_items(
    store: Store,
    items: Iterable[Item],
    *,
    batch_size: int = BATCH_SIZE,
    on_progress: Progress | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """``ingest`` of documents (and rejections) a reader already produced, such as the records
    of a JSONL request body parsed by ``ingest.jsonl.parse_record`` (the admin API)."""
    summary = IngestSummary()
    started = time.perf_counter()
    if store.count_unconsolidated():  # a store migrated from before the knowledge base
        with store.transaction():
            consolidate_pending(store, find_mentions_again=True)
    pending: list[PreparedDocument] = []
    seen_ids: set[str] = set()  # ids read in this run and not yet written

    def new_documents() -> Iterator[RawDocument]:
        for item in items:
            summary.read += 1
            if isinstance(item, Rejection):
                summary.reject(item)
            elif item.id in seen_ids or store.has_document(item.id):
                summary.duplicate += 1
            else:
                seen_ids.add(item.id)
                yield item
            if on_progress and summary.read % 100 == 0:
                on_progress(summary)

    for prepared in _in_order(new_documents(), prepare_raw, jobs):
        if isinstance(prepared, Rejection):
            summary.reject(prepared)
            continue
        pending.append(prepared)
        if len(pending) >= batch_size:
            seen_ids.difference_update(p.doc.id for p in pending)  # stored: the store knows them
            write_batch(store, pending, summary)
    write_batch(store, pending, summary)
    summary.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(summary)
    return summary


def write_batch(store: Store, pending: list[PreparedDocument], summary: IngestSummary) -> None:
    if not pending:
        return
    with store.transaction():
        for prepared in pending:
            added = store.add_document(prepared)
            summary.new += 1
            summary.clustered += added.joined_cluster
        consolidate_pending(store)  # same transaction: documents and knowledge base agree
    pending.clear()
