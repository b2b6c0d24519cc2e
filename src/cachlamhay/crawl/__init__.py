"""Crawling: feeds and sitemaps → new article pages → the normal ingest pipeline, incrementally.

``crawl`` runs one pass over a list of sources (feed or sitemap URLs):

1. every source is fetched with a conditional GET (its stored ETag/Last-Modified): a 304 means
   nothing new. A sitemap index's sitemaps become sources of their own (children already seen
   whose ``lastmod`` has not moved since are skipped).
2. the URLs a listing gives that the store has never met join the frontier (``crawl_urls``,
   state ``queued``), in the same transaction as the listing's new validators: a crash after it
   loses nothing, the next run starts from the frontier.
3. each page is fetched once, read by the HTML reader (trafilatura), and stored through the
   ingest pipeline with the URL's outcome in one transaction. The document id is a UUID of the
   page's canonical URL, so one article under two URLs is stored once. ``published`` is the
   page's own date (trafilatura/htmldate metadata), else the date its feed entry or sitemap
   gave.

Hosts are served round-robin: while one host's rate limit makes it wait, another's page is
fetched. Everything polite (robots.txt, rate limits, retries, pauses) is in ``fetch``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html  # type: ignore[import-untyped]

from cachlamhay.crawl.archive import WarcArchive
from cachlamhay.crawl.discover import Entry, ListingError, parse_listing
from cachlamhay.crawl.fetch import (
    Fetched,
    Fetcher,
    FetchError,
    HostState,
    Policy,
    host_of,
    same_site,
)
from cachlamhay.crawl.sources import default_sources, read_sources
from cachlamhay.errors import InputError
from cachlamhay.ingest import Rejection
from cachlamhay.ingest.html import html_to_document
from cachlamhay.kb.consolidate import consolidate_pending
from cachlamhay.pipeline import prepare_raw
from cachlamhay.store import Store
from cachlamhay.store import crawl as state

__all__ = [
    "CrawlOptions",
    "CrawlSummary",
    "Policy",
    "crawl",
    "default_sources",
    "doc_id_for",
    "read_sources",
]

MAX_LISTED_ERRORS = 1000
_BY_CHOICE = {"robots", "offsite", "scheme"}  # pages not fetched because we may not, not errors
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    policy: Policy = field(default_factory=Policy)
    max_pages: int | None = None  # article pages fetched in this run
    warc_dir: Path | None = None
    max_attempts: int = 3  # fetches of a page that keeps failing (timeouts, 5xx), over runs
    max_sitemap_depth: int = 3  # index → index → sitemap


@dataclass(slots=True)
class HostTally:
    requests: int = 0
    pages: int = 0
    new: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "pages": self.pages,
            "new": self.new,
            "errors": dict(self.errors),
        }


@dataclass(slots=True)
class CrawlSummary:
    sources: int = 0  # listings fetched (sources and the sitemaps of indexes)
    not_modified: int = 0
    source_errors: int = 0
    listed: int = 0  # entries in the listings
    queued: int = 0  # URLs met for the first time
    pages: int = 0  # article pages fetched
    new: int = 0
    duplicate: int = 0
    rejected: int = 0  # not an article: 404, not HTML, no text, too large, redirect loop…
    failed: int = 0  # could not be fetched this time (timeouts, 5xx, paused host): retried
    skipped: Counter[str] = field(default_factory=Counter)  # robots.txt, offsite: by choice
    left: int = 0  # still in the frontier (--max-pages reached, or stopped)
    hosts: dict[str, HostTally] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    warc: str | None = None
    seconds: float = 0.0
    run_id: int | None = None

    def host(self, name: str) -> HostTally:
        return self.hosts.setdefault(name, HostTally())

    def error(self, url: str, code: str, reason: str) -> None:
        self.host(host_of(url)).errors[code] += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append({"url": url, "code": code, "reason": reason})

    @property
    def problems(self) -> int:
        return self.source_errors + self.rejected + self.failed

    def as_dict(self) -> dict[str, Any]:
        return {
            "run": self.run_id,
            "sources": self.sources,
            "not_modified": self.not_modified,
            "source_errors": self.source_errors,
            "listed": self.listed,
            "queued": self.queued,
            "pages": self.pages,
            "new": self.new,
            "duplicate": self.duplicate,
            "rejected": self.rejected,
            "failed": self.failed,
            "skipped": dict(self.skipped),
            "left": self.left,
            "hosts": {h: t.as_dict() for h, t in sorted(self.hosts.items())},
            "errors": self.errors,
            "warc": self.warc,
            "seconds": round(self.seconds, 3),
        }


def doc_id_for(canonical_url: str) -> str:
    """The document id of a crawled article: a UUID of its canonical URL (stable across runs,
    stores and WARC replays)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, canonical_url))


def canonical_url(body: bytes, base: str) -> str | None:
    """``<link rel="canonical">`` of a page, absolute, http(s) only."""
    try:
        tree = lxml.html.document_fromstring(body[: 512 * 1024])
    except (ValueError, lxml.etree.ParserError):
        return None
    for href in tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href'):
        absolute = urljoin(base, str(href).strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc:
            return parts._replace(fragment="").geturl()
    return None


@dataclass(frozen=True, slots=True)
class _Listing:
    url: str
    root: str  # the listed source it descends from
    parent: str | None
    depth: int


@dataclass(frozen=True, slots=True)
class _Page:
    url: str
    root: str | None
    published: str | None
    title: str | None


Task = _Listing | _Page
Hook = Callable[[CrawlSummary], None]


class _Crawl:
    def __init__(
        self,
        store: Store,
        sources: list[str],
        options: CrawlOptions,
        on_progress: Hook | None,
        stop: threading.Event | None,
    ) -> None:
        self.store = store
        self.sources = sources
        self.options = options
        self.on_progress = on_progress
        self.stop = stop or threading.Event()
        self.summary = CrawlSummary()
        self.allowed = {host_of(url) for url in sources}
        hosts = {
            host: HostState(failures, paused, error)
            for host, (failures, paused, error) in state.load_hosts(store).items()
        }
        self.fetcher = Fetcher(options.policy, self.allowed, hosts=hosts)
        self.archive = WarcArchive(options.warc_dir) if options.warc_dir else None
        self.queues: dict[str, deque[Task]] = {}
        self.pending_pages: set[str] = set()

    # -- the loop -------------------------------------------------------------------------

    def run(self) -> CrawlSummary:
        started = time.perf_counter()
        with self.store.transaction():
            self.summary.run_id = state.start_run(self.store)
        try:
            for url in self.sources:
                self._push(_Listing(url, url, None, 0))
            for row in state.frontier(self.store, max_attempts=self.options.max_attempts):
                self._push(_Page(row["url"], row["source"], row["published"], row["title"]))
            while not self.stop.is_set():
                task = self._next_task()
                if task is None:
                    break
                if isinstance(task, _Listing):
                    self._listing(task)
                else:
                    self._page(task)
                if self.on_progress:
                    self.on_progress(self.summary)
        finally:
            self.fetcher.close()
            if self.archive:
                self.archive.close()
                self.summary.warc = str(self.archive.path)
            for host, count in self.fetcher.requests.items():
                self.summary.host(host).requests = count
            self.summary.left = state.frontier_size(self.store)
            self.summary.seconds = time.perf_counter() - started
            with self.store.transaction():
                state.finish_run(self.store, self.summary.run_id or 0, self.summary.as_dict())
        return self.summary

    def _push(self, task: Task) -> None:
        if isinstance(task, _Page):
            if task.url in self.pending_pages:
                return
            self.pending_pages.add(task.url)
        self.queues.setdefault(host_of(task.url), deque()).append(task)

    def _next_task(self) -> Task | None:
        """The next task of the host whose turn comes first; once --max-pages pages are
        fetched, listings only (their new URLs wait in the frontier)."""
        limit = self.options.max_pages
        if limit is not None and self.summary.pages >= limit:
            for queue in self.queues.values():
                kept = [t for t in queue if isinstance(t, _Listing)]
                queue.clear()
                queue.extend(kept)
        ready = [host for host, queue in self.queues.items() if queue]
        if not ready:
            return None
        host = min(ready, key=lambda h: (self.fetcher.ready_at(h), h))
        return self.queues[host].popleft()

    # -- listings -------------------------------------------------------------------------

    def _listing(self, task: _Listing) -> None:
        known = state.source_state(self.store, task.url)
        try:
            fetched = self.fetcher.get(
                task.url,
                etag=known.etag if known else None,
                last_modified=known.last_modified if known else None,
            )
        except FetchError as error:
            self._source_failed(task, error.code, error.reason)
            return
        self._archive(fetched)
        self.summary.sources += 1
        if fetched.not_modified:
            self.summary.not_modified += 1
            with self.store.transaction():
                state.record_source(self.store, task.url, parent=task.parent, status="not-modified")
                self._save_host(task.url)
            return
        try:
            listing = parse_listing(fetched.body, fetched.final_url)
        except ListingError as error:
            self._source_failed(task, error.code, error.reason)
            return
        if listing.warning:
            self.summary.error(task.url, "warning", listing.warning)
        for child in listing.sitemaps:
            if task.depth < self.options.max_sitemap_depth and self._changed(child):
                self._push(_Listing(child.url, task.root, task.url, task.depth + 1))
        entries = [e for e in listing.entries if self._wanted(e.url)]
        self.summary.listed += len(listing.entries)
        met = state.known_urls(self.store, [e.url for e in entries])
        new = [e for e in entries if e.url not in met]
        with self.store.transaction():
            queued = state.queue_urls(
                self.store, [(e.url, task.root, e.published, e.title) for e in new]
            )
            state.record_source(
                self.store,
                task.url,
                parent=task.parent,
                status="ok",
                kind=listing.kind,
                etag=fetched.headers.get("etag"),
                last_modified=fetched.headers.get("last-modified"),
                cursor=listing.newest(),
                listed=len(listing.entries) + len(listing.sitemaps),
                queued=queued,
                error=listing.warning,
            )
            self._save_host(task.url)
        self.summary.queued += queued
        for entry in new:
            self._push(_Page(entry.url, task.root, entry.published, entry.title))

    def _changed(self, child: Entry) -> bool:
        """Whether a sitemap an index lists may hold anything new: not fetched before, or its
        ``lastmod`` is later than our last look."""
        row = self.store.conn.execute(
            "SELECT last_run_at, last_status FROM crawl_sources WHERE url = ?", (child.url,)
        ).fetchone()
        if row is None or row["last_status"] == "error" or not child.published:
            return True
        return child.published >= str(row["last_run_at"])[:10]

    def _wanted(self, url: str) -> bool:
        if self.options.policy.follow_offsite:
            return True
        return same_site(host_of(url), self.allowed)

    def _source_failed(self, task: _Listing, code: str, reason: str) -> None:
        self.summary.source_errors += 1
        self.summary.error(task.url, code, reason)
        with self.store.transaction():
            state.record_source(
                self.store, task.url, parent=task.parent, status="error", error=reason
            )
            self._save_host(task.url)

    # -- pages ----------------------------------------------------------------------------

    def _page(self, task: _Page) -> None:
        if state.url_done(self.store, task.url):  # stored meanwhile under its canonical URL
            return
        self.summary.pages += 1
        self.summary.host(host_of(task.url)).pages += 1
        try:
            fetched = self.fetcher.get(task.url)
        except FetchError as error:
            self._page_failed(task, error)
            return
        stored_id: str | None = None
        try:
            stored_id = self._store_page(task, fetched)
        finally:
            self._archive(fetched, stored_id)

    def _store_page(self, task: _Page, fetched: Fetched) -> str | None:
        """Store the page's article; its document id when it was stored."""
        content_type = fetched.headers.get("content-type", "text/html").lower()
        if not content_type.startswith(_HTML_TYPES):
            self._reject(task, fetched, "not-html", f"not an HTML page ({content_type})")
            return None
        canonical = canonical_url(fetched.body, fetched.final_url) or fetched.final_url
        doc_id = doc_id_for(canonical)
        if self.store.has_document(doc_id):
            self.summary.duplicate += 1
            with self.store.transaction():
                self._page_outcome(
                    task, "duplicate", fetched.status, canonical=canonical, doc_id=doc_id
                )
            return None
        try:
            raw = html_to_document(fetched.body, doc_id, task.url, url=canonical, guess_date=False)
        except InputError as error:
            self._reject(task, fetched, error.code, error.reason)
            return None
        raw.published = raw.published or task.published
        raw.source = raw.source or host_of(canonical)
        raw.title = raw.title or task.title
        prepared = prepare_raw(raw)
        if isinstance(prepared, Rejection):
            self._reject(task, fetched, prepared.code, prepared.reason)
            return None
        with self.store.transaction():
            self.store.add_document(prepared)
            consolidate_pending(self.store)
            if canonical != task.url:  # listed later under its canonical URL: not fetched again
                state.record_url(
                    self.store, canonical, state="stored", canonical=canonical, doc_id=doc_id
                )
            self._page_outcome(
                task, "stored", fetched.status, canonical=canonical, doc_id=doc_id, stored=True
            )
        self.summary.new += 1
        self.summary.host(host_of(task.url)).new += 1
        return doc_id

    def _reject(self, task: _Page, fetched: Fetched | None, code: str, reason: str) -> None:
        if code in _BY_CHOICE:
            self.summary.skipped[code] += 1
        else:
            self.summary.rejected += 1
            self.summary.error(task.url, code, reason)
        with self.store.transaction():
            status = fetched.status if fetched else None
            tally = None if code in _BY_CHOICE else False  # robots.txt is no error of the source
            self._page_outcome(task, "rejected", status, code=code, error=reason, stored=tally)

    def _page_failed(self, task: _Page, error: FetchError) -> None:
        if not error.transient:
            self._reject(task, None, error.code, error.reason)
            return
        self.summary.failed += 1
        self.summary.error(task.url, error.code, error.reason)
        with self.store.transaction():
            if error.code == "host-paused":  # no request was sent: the URL keeps its tries
                self._save_host(task.url)
            else:
                self._page_outcome(
                    task, "failed", error.status, code=error.code, error=error.reason, stored=False
                )

    def _page_outcome(
        self,
        task: _Page,
        url_state: str,
        status: int | None,
        *,
        stored: bool | None = None,
        **fields: str | None,
    ) -> None:
        """Record a page's outcome, its source's tally (``stored`` True/False; None: no
        tally) and its host's health, inside the caller's transaction."""
        state.record_url(
            self.store, task.url, state=url_state, source=task.root, status=status, **fields
        )
        if stored is not None:
            state.count_source_outcome(self.store, task.root, stored=stored)
        self._save_host(task.url)

    # -- helpers --------------------------------------------------------------------------

    def _save_host(self, url: str) -> None:
        host = host_of(url)
        health = self.fetcher.hosts.get(host)
        if health is not None:
            state.save_host(
                self.store, host, health.failures, health.paused_until, health.last_error
            )

    def _archive(self, fetched: Fetched, doc_id: str | None = None) -> None:
        if self.archive is not None and fetched.status == 200:
            self.archive.write(fetched, doc_id)


def crawl(
    store: Store,
    sources: list[str],
    options: CrawlOptions | None = None,
    *,
    on_progress: Hook | None = None,
    stop: threading.Event | None = None,
) -> CrawlSummary:
    """One pass over ``sources``: fetch what is new, store it, keep the state in ``store``."""
    return _Crawl(store, sources, options or CrawlOptions(), on_progress, stop).run()
