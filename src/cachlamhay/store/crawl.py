"""The crawl's state in the store: sources, the URL frontier and outcomes, hosts, runs.

Every write here is meant to run inside the writer's ``transaction()``, next to the document it
concerns, so that a crash never leaves a URL marked stored without its document, or a document
without its URL: a killed crawl resumes from the frontier (``state = 'queued'``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cachlamhay.store.db import Store, _now

DONE_STATES = ("stored", "duplicate", "rejected")  # never fetched again


@dataclass(slots=True)
class SourceState:
    url: str
    kind: str | None
    etag: str | None
    last_modified: str | None
    cursor: str | None


def source_state(store: Store, url: str) -> SourceState | None:
    row = store.conn.execute(
        "SELECT url, kind, etag, last_modified, cursor FROM crawl_sources WHERE url = ?", (url,)
    ).fetchone()
    return SourceState(*row) if row else None


def record_source(
    store: Store,
    url: str,
    *,
    parent: str | None,
    status: str,
    kind: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    cursor: str | None = None,
    listed: int | None = None,
    queued: int = 0,
    error: str | None = None,
) -> None:
    """One fetch of a source: validators and cursor are kept unless a new answer gives them."""
    store.conn.execute(
        "INSERT INTO crawl_sources (url, parent) VALUES (?, ?) ON CONFLICT(url) DO NOTHING",
        (url, parent),
    )
    store.conn.execute(
        "UPDATE crawl_sources SET kind = coalesce(?, kind), etag = coalesce(?, etag),"
        " last_modified = coalesce(?, last_modified),"
        " cursor = CASE WHEN ? > coalesce(cursor, '') THEN ? ELSE cursor END,"
        " last_run_at = ?, last_status = ?, last_error = ?, listed = coalesce(?, listed),"
        " queued = queued + ?, errors = errors + ? WHERE url = ?",
        (
            kind,
            etag,
            last_modified,
            cursor or "",
            cursor,
            _now(),
            status,
            error,
            listed,
            queued,
            1 if status == "error" else 0,
            url,
        ),
    )


def count_source_outcome(store: Store, source: str | None, *, stored: bool) -> None:
    if source is None:
        return
    column = "stored" if stored else "errors"
    store.conn.execute(f"UPDATE crawl_sources SET {column} = {column} + 1 WHERE url = ?", (source,))


def known_urls(store: Store, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` the crawl has met before, under any state."""
    found: set[str] = set()
    batch = list(urls)
    for i in range(0, len(batch), 500):
        chunk = batch[i : i + 500]
        marks = ",".join("?" for _ in chunk)
        found.update(
            row[0]
            for row in store.conn.execute(
                f"SELECT url FROM crawl_urls WHERE url IN ({marks})", chunk
            )
        )
    return found


def url_done(store: Store, url: str) -> bool:
    row = store.conn.execute("SELECT state FROM crawl_urls WHERE url = ?", (url,)).fetchone()
    return row is not None and row[0] in DONE_STATES


def queue_urls(store: Store, entries: Iterable[tuple[str, str, str | None, str | None]]) -> int:
    """Add (url, source, published, title) to the frontier unless already met; how many new."""
    cursor = store.conn.executemany(
        "INSERT INTO crawl_urls (url, source, state, published, title, queued_at)"
        " VALUES (?, ?, 'queued', ?, ?, ?) ON CONFLICT(url) DO NOTHING",
        [(url, source, published, title, _now()) for url, source, published, title in entries],
    )
    return int(cursor.rowcount)


def frontier(store: Store, *, max_attempts: int) -> list[dict[str, Any]]:
    """URLs to fetch: queued, or failed for a passing reason fewer than ``max_attempts`` times,
    oldest first."""
    rows = store.conn.execute(
        "SELECT url, source, published, title, attempts FROM crawl_urls"
        " WHERE state = 'queued' OR (state = 'failed' AND attempts < ?)"
        " ORDER BY queued_at, rowid",
        (max_attempts,),
    ).fetchall()
    return [dict(row) for row in rows]


def frontier_size(store: Store) -> int:
    return int(
        store.conn.execute("SELECT count(*) FROM crawl_urls WHERE state = 'queued'").fetchone()[0]
    )


def record_url(
    store: Store,
    url: str,
    *,
    state: str,
    source: str | None = None,
    canonical: str | None = None,
    status: int | None = None,
    code: str | None = None,
    error: str | None = None,
    doc_id: str | None = None,
) -> None:
    """The outcome of one fetch of ``url`` (inserted when the URL was not queued before)."""
    store.conn.execute(
        "INSERT INTO crawl_urls (url, source, state, queued_at) VALUES (?, ?, 'queued', ?)"
        " ON CONFLICT(url) DO NOTHING",
        (url, source, _now()),
    )
    store.conn.execute(
        "UPDATE crawl_urls SET state = ?, canonical = coalesce(?, canonical), status = ?,"
        " code = ?, error = ?, doc_id = coalesce(?, doc_id), attempts = attempts + 1,"
        " fetched_at = ? WHERE url = ?",
        (state, canonical, status, code, error, doc_id, _now(), url),
    )


def load_hosts(store: Store) -> dict[str, tuple[int, float | None, str | None]]:
    return {
        row[0]: (int(row[1]), row[2], row[3])
        for row in store.conn.execute(
            "SELECT host, failures, paused_until, last_error FROM crawl_hosts"
        )
    }


def save_host(
    store: Store, host: str, failures: int, paused_until: float | None, last_error: str | None
) -> None:
    store.conn.execute(
        "INSERT INTO crawl_hosts (host, failures, paused_until, last_error) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(host) DO UPDATE SET failures = excluded.failures,"
        " paused_until = excluded.paused_until, last_error = excluded.last_error",
        (host, failures, paused_until, last_error),
    )


def start_run(store: Store) -> int:
    cursor = store.conn.execute("INSERT INTO crawl_runs (started_at) VALUES (?)", (_now(),))
    return int(cursor.lastrowid or 0)


def finish_run(store: Store, run_id: int, summary: dict[str, Any]) -> None:
    store.conn.execute(
        "UPDATE crawl_runs SET finished_at = ?, summary = ? WHERE id = ?",
        (_now(), json.dumps(summary, ensure_ascii=False), run_id),
    )


def last_runs(store: Store, limit: int = 5) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT id, started_at, finished_at, summary FROM crawl_runs ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        {
            "id": row["id"],
            "started_at": row["started_at"],
            "finished_at": row["finished_at"],
            "summary": json.loads(row["summary"]),
        }
        for row in rows
    ]


def sources_overview(store: Store) -> list[dict[str, Any]]:
    """The listed sources (not an index's children) with their last crawl, for ``stats``."""
    rows = store.conn.execute(
        "SELECT url, kind, cursor, last_run_at, last_status, last_error, listed, queued, stored,"
        " errors FROM crawl_sources WHERE parent IS NULL ORDER BY url"
    ).fetchall()
    return [dict(row) for row in rows]
