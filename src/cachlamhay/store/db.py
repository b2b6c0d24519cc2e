"""The SQLite store: connection handling, migrations, and the document tables.

One ``Store`` is one connection. Writers use ``transaction()`` (``BEGIN IMMEDIATE``, so two
writers queue on SQLite's lock instead of corrupting anything); readers open with
``readonly=True`` and never block the writer, thanks to WAL.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from cachlamhay import dedup
from cachlamhay.document import CleanDocument
from cachlamhay.errors import NotFoundError, StoreError
from cachlamhay.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
MAX_CANDIDATES = 50


@dataclass(slots=True)
class PreparedDocument:
    """A cleaned document plus everything the writer needs, computed outside the transaction."""

    doc: CleanDocument
    folded_title: str
    folded_text: str
    content_hash: str
    signature: np.ndarray
    band_keys: list[int]
    facts: dict[str, Any] | None = None  # `extract_document` output, stored with the document
    mentions: list[tuple[str, str, int, int]] | None = None  # (kind, name, start, end)


@dataclass(frozen=True, slots=True)
class Added:
    rowid: int
    cluster_id: int
    joined_cluster: bool  # True when it was a near or exact duplicate of a stored document


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(
                f"{self.path}: cannot write ({error}); is another ingest running?", code="busy"
            ) from None
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema v{version} is newer than this cachlamhay "
                f"(v{SCHEMA_VERSION}); upgrade cachlamhay",
                code="schema-too-new",
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- documents -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def add_document(self, prepared: PreparedDocument) -> Added:
        """Insert one document, its index rows and its cluster. Call inside ``transaction()``."""
        doc = prepared.doc
        cluster = self._cluster_of(prepared)
        cursor = self.conn.execute(
            "INSERT INTO documents (id, title, source, url, published, author, origin, text,"
            " raw_text, captions, meta, content_hash, cluster_id, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.title,
                doc.source,
                doc.url,
                doc.published,
                doc.author,
                doc.origin,
                doc.text,
                zlib.compress(doc.raw_text.encode("utf-8"), 6),
                json.dumps([[s.start, s.end] for s in doc.captions]),
                json.dumps(doc.meta, ensure_ascii=False),
                prepared.content_hash,
                cluster if cluster is not None else 0,
                _now(),
            ),
        )
        rowid = int(cursor.lastrowid or 0)
        if cluster is None:
            self.conn.execute("UPDATE documents SET cluster_id = rowid WHERE rowid = ?", (rowid,))
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, prepared.folded_title, prepared.folded_text),
        )
        self.conn.execute(
            "INSERT INTO minhash (doc_rowid, signature) VALUES (?, ?)",
            (rowid, dedup.to_blob(prepared.signature)),
        )
        self.conn.executemany(
            "INSERT INTO minhash_bands (band, key, doc_rowid) VALUES (?, ?, ?)",
            [(band, key, rowid) for band, key in enumerate(prepared.band_keys)],
        )
        if prepared.mentions:
            self.conn.executemany(
                "INSERT INTO mentions (doc_rowid, kind, name, start, end) VALUES (?, ?, ?, ?, ?)",
                [(rowid, *mention) for mention in prepared.mentions],
            )
        if prepared.facts:
            self.conn.executemany(
                "INSERT INTO facts (doc_rowid, type, extractor, start, end, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                list(_fact_rows(rowid, prepared.facts)),
            )
        return Added(rowid, cluster if cluster is not None else rowid, cluster is not None)

    def _cluster_of(self, prepared: PreparedDocument) -> int | None:
        exact = self.conn.execute(
            "SELECT cluster_id FROM documents WHERE content_hash = ? LIMIT 1",
            (prepared.content_hash,),
        ).fetchone()
        if exact:
            return int(exact[0])
        clauses = " OR ".join("(band = ? AND key = ?)" for _ in prepared.band_keys)
        params: list[int] = []
        for band, key in enumerate(prepared.band_keys):
            params += [band, key]
        rows = self.conn.execute(
            "SELECT m.signature, d.cluster_id FROM minhash m"
            " JOIN documents d ON d.rowid = m.doc_rowid"
            f" WHERE m.doc_rowid IN (SELECT DISTINCT doc_rowid FROM minhash_bands WHERE {clauses}"
            f" LIMIT {MAX_CANDIDATES})",
            params,
        ).fetchall()
        best: tuple[float, int] | None = None
        for blob, cluster_id in rows:
            score = dedup.similarity(prepared.signature, dedup.from_blob(blob))
            if score >= dedup.THRESHOLD and (best is None or score > best[0]):
                best = (score, int(cluster_id))
        return best[1] if best else None

    def get_document(self, doc_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no document with id {doc_id!r} in {self.path}")
        return document_row(row)

    def documents_by_rowid(self, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
        if not rowids:
            return {}
        marks = ",".join("?" for _ in rowids)
        rows = self.conn.execute(
            f"SELECT rowid, id, title, source, url, published, author, text, cluster_id"
            f" FROM documents WHERE rowid IN ({marks})",
            list(rowids),
        ).fetchall()
        return {int(r["rowid"]): dict(r) for r in rows}

    def cluster_members(self, cluster_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE cluster_id = ? ORDER BY rowid", (cluster_id,)
        ).fetchall()
        return [r[0] for r in rows]

    def search_rowids(self, match: str, limit: int, offset: int = 0) -> list[tuple[int, float]]:
        """Ranked (rowid, bm25) for an FTS5 MATCH expression over folded text; title weighs 4×."""
        try:
            rows = self.conn.execute(
                "SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts"
                " WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
                (match, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError as error:
            raise StoreError(f"search failed: {error}", code="bad-query") from None
        return [(int(r[0]), float(r[1])) for r in rows]

    def count_matches(self, match: str) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (match,)
        ).fetchone()
        return int(row[0])

    def count(self, table: str) -> int:
        if table not in _COUNTABLE:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def count_unconsolidated(self) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM documents WHERE consolidated = 0 OR units_resolved = 0"
        )
        return int(row.fetchone()[0])

    def count_facts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT type, count(*) FROM facts GROUP BY type").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def facts_of(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT f.id, f.type, f.extractor, f.start, f.end, f.data FROM facts f"
            " JOIN documents d ON d.rowid = f.doc_rowid WHERE d.id = ? ORDER BY f.id",
            (doc_id,),
        ).fetchall()
        return [dict(r) | {"data": json.loads(r["data"])} for r in rows]

    def iter_facts(self, batch: int = 2000) -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT f.id AS fact_id, d.id AS doc_id, f.type, f.extractor, f.start, f.end,"
                " f.data"
                " FROM facts f JOIN documents d ON d.rowid = f.doc_rowid"
                " WHERE f.id > ? ORDER BY f.id LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield dict(row)
            last = int(rows[-1]["fact_id"])

    def iter_query(self, sql: str, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Rows of a paging query (``… WHERE key > ? ORDER BY key LIMIT ?`` selecting the key
        as ``_k``), without the key."""
        last: Any = -1
        while True:
            rows = self.conn.execute(sql, (last, batch)).fetchall()
            if not rows:
                return
            for row in rows:
                record = dict(row)
                record.pop("_k")
                yield record
            last = rows[-1]["_k"]

    def count_clusters(self) -> int:
        return int(
            self.conn.execute("SELECT count(DISTINCT cluster_id) FROM documents").fetchone()[0]
        )

    def count_by(self, column: str, limit: int = 20) -> list[tuple[str | None, int]]:
        if column not in ("source", "substr(published, 1, 4)"):
            raise ValueError(column)
        rows = self.conn.execute(
            f"SELECT {column} AS k, count(*) AS n FROM documents"
            " GROUP BY k ORDER BY n DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def iter_documents(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every document in insertion order, a page at a time (memory stays flat)."""
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT * FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield document_row(row)
            last = int(rows[-1]["rowid"])


_COUNTABLE = {
    "documents",
    "minhash",
    "minhash_bands",
    "facts",
    "mentions",
    "people",
    "offices",
    "visits",
    "visit_sources",
    "indicators",
    "transfers",
    "practices",
    "fact_units",
}
FACT_TYPES = {
    "visits": "visit",
    "people": "person",
    "indicators": "indicator",
    "transfers": "transfer",
    "practices": "practice",
}


def _fact_rows(rowid: int, facts: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for key, kind in FACT_TYPES.items():
        for fact in facts.get(key, []):
            evidence = fact.get("evidence") or [{}]
            yield (
                rowid,
                kind,
                fact.get("extractor", ""),
                evidence[0].get("start"),
                evidence[0].get("end"),
                json.dumps(fact, ensure_ascii=False),
            )


DOCUMENT_COLUMNS = [
    "id",
    "title",
    "source",
    "url",
    "published",
    "author",
    "origin",
    "cluster_id",
    "content_hash",
    "ingested_at",
    "captions",
    "meta",
    "text",
    "raw_text",
]


def document_row(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    record.pop("rowid", None)
    record["raw_text"] = zlib.decompress(record["raw_text"]).decode("utf-8")
    record["captions"] = json.loads(record["captions"])
    record["meta"] = json.loads(record["meta"])
    return {key: record[key] for key in DOCUMENT_COLUMNS}


def _statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def open_store(path: Path | str, *, readonly: bool = False) -> Store:
    """Open (and, for writers, create and migrate) the store at ``path``."""
    db_path = Path(path)
    if readonly and not db_path.exists():
        raise StoreError(
            f"{db_path}: no database here (run `cachlamhay ingest` first)", code="no-db"
        )
    if not readonly and db_path.parent and not db_path.parent.exists():
        raise StoreError(f"{db_path}: directory {db_path.parent} does not exist", code="no-dir")
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{db_path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(db_path, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(conn, db_path, readonly)
        if readonly:
            version = store.schema_version()
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"{db_path}: schema v{version}, this cachlamhay reads v{SCHEMA_VERSION}"
                    + (" (run `cachlamhay ingest` to migrate)" if version < SCHEMA_VERSION else ""),
                    code="schema-mismatch",
                )
        else:
            store.migrate()
        return store
    except sqlite3.DatabaseError as error:
        raise StoreError(
            f"{db_path}: not a usable cachlamhay database ({error})", code="bad-db"
        ) from None
