"""Queries over the store: search with snippets, document view, statistics, exports.

Search folds the query exactly as the index was folded (``vntext.fold``), so "ha tinh",
"Hà Tĩnh" and "HÀ TĨNH" are the same query. Syllables typed together are one phrase
(Vietnamese words are several syllables: "ha tinh", "sap nhap xa"); separate phrases with commas
or quotes to require several.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cachlamhay.document import CleanDocument
from cachlamhay.errors import UsageError
from cachlamhay.store import crawl as crawl_state
from cachlamhay.store.db import DOCUMENT_COLUMNS, FACT_TYPES, Store
from cachlamhay.vntext import fold

MAX_QUERY_CHARS = 500
MAX_LIMIT = 200
SNIPPET_CHARS = 220
FACT_TABLES = tuple(FACT_TYPES)  # "visits", "people", … as in SPEC and `stats --json`
EXPORT_FORMATS = ("jsonl", "csv", "parquet")

_TOKEN = re.compile(r"[a-z0-9]+")


def parse_query(query: str) -> list[list[str]]:
    """Phrases (lists of folded tokens) from a user query."""
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"query longer than {MAX_QUERY_CHARS} characters")
    parts = re.split(r'[,;"“”]', fold(query))
    phrases = [_TOKEN.findall(part) for part in parts]
    phrases = [p for p in phrases if p]
    if not phrases:
        raise UsageError("empty query: give at least one word")
    return phrases


def fts_expression(phrases: list[list[str]]) -> str:
    return " AND ".join('"' + " ".join(tokens) + '"' for tokens in phrases)


def _phrase_pattern(phrases: list[list[str]]) -> re.Pattern[str]:
    alternatives = [r"\W+".join(map(re.escape, tokens)) for tokens in phrases]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")


def snippet(text: str, pattern: re.Pattern[str], width: int = SNIPPET_CHARS) -> dict[str, Any]:
    """A window of ``text`` around the first match, white space squeezed, with the matches'
    offsets in the returned snippet text (``offset`` is where the window starts in ``text``)."""
    folded = fold(text)
    first = pattern.search(folded)
    if first is None:
        start = 0
    else:
        start = max(0, first.start() - width // 3)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace() and end - start < width + 30:
        end += 1
    prefix = "…" if start > 0 else ""
    shown, position = _squeeze(text[start:end], len(prefix))
    highlights = [
        [position[m.start() - start], position[m.end() - start]]
        for m in pattern.finditer(folded, start, end)
        if m.end() <= end
    ]
    return {
        "text": prefix + shown + ("…" if end < len(text) else ""),
        "offset": start,
        "highlights": highlights,
    }


def _squeeze(window: str, shift: int) -> tuple[str, list[int]]:
    """``window`` with runs of white space as one space, and where each of its offsets went."""
    out: list[str] = []
    position: list[int] = []
    for ch in window:
        position.append(len(out) + shift)
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
    position.append(len(out) + shift)
    return "".join(out), position


@dataclass(slots=True)
class SearchPage:
    query: str
    total: int
    results: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "results": self.results}


def search(store: Store, query: str, *, limit: int = 10, offset: int = 0) -> SearchPage:
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise UsageError("--offset must not be negative")
    phrases = parse_query(query)
    match = fts_expression(phrases)
    ranked = store.search_rowids(match, limit, offset)
    docs = store.documents_by_rowid([rowid for rowid, _ in ranked])
    pattern = _phrase_pattern(phrases)
    results = []
    for rowid, score in ranked:
        doc = docs[rowid]
        results.append(
            {
                "id": doc["id"],
                "title": doc["title"],
                "source": doc["source"],
                "published": doc["published"],
                "score": round(-score, 4),
                "cluster_id": doc["cluster_id"],
                "snippet": snippet(doc["text"], pattern),
            }
        )
    return SearchPage(query=query, total=store.count_matches(match), results=results)


def stored_documents(store: Store, doc_ids: list[str]) -> list[CleanDocument]:
    """The stored documents among ``doc_ids``, as cleaned documents."""
    return [
        CleanDocument.from_record(store.get_document(doc_id))
        for doc_id in doc_ids
        if store.has_document(doc_id)
    ]


def show(store: Store, doc_id: str) -> dict[str, Any]:
    doc = store.get_document(doc_id)
    doc["cluster"] = [d for d in store.cluster_members(doc["cluster_id"]) if d != doc_id]
    doc["facts"] = store.facts_of(doc_id)
    return doc


def stats(store: Store) -> dict[str, Any]:
    counts: dict[str, Any] = {"documents": store.count("documents")}
    by_type = store.count_facts()
    for table, kind in FACT_TYPES.items():
        counts[table] = by_type.get(kind, 0)
    counts["clusters"] = store.count_clusters()
    counts["knowledge_base"] = {  # consolidated across articles
        table: store.count(table)
        for table in ("people", "offices", "visits", "visit_sources", "mentions")
    }
    counts["sources"] = {k or "(unknown)": n for k, n in store.count_by("source")}
    counts["years"] = {k or "(unknown)": n for k, n in store.count_by("substr(published, 1, 4)")}
    counts["crawl"] = {
        "sources": crawl_state.sources_overview(store),
        "frontier": crawl_state.frontier_size(store),
        "last_run": next(iter(crawl_state.last_runs(store, 1)), None),
    }
    counts["database"] = str(store.path)
    counts["database_bytes"] = store.path.stat().st_size if store.path.exists() else 0
    return counts


def export(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write every table to ``out`` as ``<table>.<fmt>``; returns the files written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables: list[tuple[str, Any, list[str]]] = [
        ("documents", store.iter_documents(), DOCUMENT_COLUMNS),
        ("facts", store.iter_facts(), FACT_COLUMNS),
    ]
    for name, (sql, columns) in KB_EXPORTS.items():
        tables.append((name, _decoded(store.iter_query(sql)), columns))
    for name, rows, columns in tables:
        target = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            _write_jsonl(target, rows)
        elif fmt == "csv":
            _write_csv(target, rows, columns)
        else:
            _write_parquet(target, rows, columns)
        written.append(target)
    return written


FACT_COLUMNS = ["fact_id", "doc_id", "type", "extractor", "start", "end", "data"]

# The knowledge-base tables as exported: documents named by id, not by internal rowid. Each query
# pages on ``_k`` (``WHERE … > ? ORDER BY … LIMIT ?``) so memory stays flat.
KB_EXPORTS: dict[str, tuple[str, list[str]]] = {
    "mentions": (
        "SELECT m.rowid AS _k, d.id AS doc_id, m.kind, m.name, m.start, m.end FROM mentions m"
        " JOIN documents d ON d.rowid = m.doc_rowid WHERE m.rowid > ? ORDER BY m.rowid LIMIT ?",
        ["doc_id", "kind", "name", "start", "end"],
    ),
    "people": (
        "SELECT id AS _k, id AS person_id, slug, name, province FROM people"
        " WHERE id > ? ORDER BY id LIMIT ?",
        ["person_id", "slug", "name", "province"],
    ),
    "offices": (
        "SELECT o.id AS _k, o.person_id, p.name, o.title, o.province, d.id AS doc_id, o.fact_id,"
        " o.seen FROM offices o JOIN people p ON p.id = o.person_id"
        " JOIN documents d ON d.rowid = o.doc_rowid WHERE o.id > ? ORDER BY o.id LIMIT ?",
        ["person_id", "name", "title", "province", "doc_id", "fact_id", "seen"],
    ),
    "visits": (
        "SELECT v.id AS _k, v.id AS visit_id, v.visitor_kind, v.visitor, v.host_kind, v.host,"
        " v.date, v.year, v.purpose, v.topics, v.leader, v.leader_title,"
        " (SELECT json_group_array(d.id) FROM visit_sources s"
        "  JOIN documents d ON d.rowid = s.doc_rowid WHERE s.visit_id = v.id) AS doc_ids,"
        " (SELECT json_group_array(s.fact_id) FROM visit_sources s WHERE s.visit_id = v.id)"
        " AS fact_ids FROM visits v WHERE v.id > ? ORDER BY v.id LIMIT ?",
        [
            "visit_id",
            "visitor_kind",
            "visitor",
            "host_kind",
            "host",
            "date",
            "year",
            "purpose",
            "topics",
            "leader",
            "leader_title",
            "doc_ids",
            "fact_ids",
        ],
    ),
    "indicators": (
        "SELECT i.fact_id AS _k, i.fact_id, d.id AS doc_id, i.province, i.indicator, i.label,"
        " i.value, i.unit, i.period, i.qualifier, i.scope FROM indicators i"
        " JOIN documents d ON d.rowid = i.doc_rowid WHERE i.fact_id > ? ORDER BY i.fact_id LIMIT ?",
        [
            "fact_id",
            "doc_id",
            "province",
            "indicator",
            "label",
            "value",
            "unit",
            "period",
            "qualifier",
            "scope",
        ],
    ),
    "transfers": (
        "SELECT t.fact_id AS _k, t.fact_id, d.id AS doc_id, t.from_kind, t.from_name, t.to_kind,"
        " t.to_name, t.amount, t.currency, t.purpose FROM transfers t"
        " JOIN documents d ON d.rowid = t.doc_rowid WHERE t.fact_id > ? ORDER BY t.fact_id LIMIT ?",
        [
            "fact_id",
            "doc_id",
            "from_kind",
            "from_name",
            "to_kind",
            "to_name",
            "amount",
            "currency",
            "purpose",
        ],
    ),
    "practices": (
        "SELECT p.fact_id AS _k, p.fact_id, d.id AS doc_id, p.province, p.topic, p.praised_by"
        " FROM practices p JOIN documents d ON d.rowid = p.doc_rowid"
        " WHERE p.fact_id > ? ORDER BY p.fact_id LIMIT ?",
        ["fact_id", "doc_id", "province", "topic", "praised_by"],
    ),
}


_JSON_COLUMNS = ("topics", "doc_ids", "fact_ids")


def _decoded(rows: Any) -> Any:
    """JSON arrays stored as text become lists (JSONL keeps them as arrays)."""
    for row in rows:
        for column in _JSON_COLUMNS:
            if isinstance(row.get(column), str):
                row[column] = json.loads(row[column])
        yield row


def _write_jsonl(path: Path, rows: Any) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _flat(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    return {
        c: json.dumps(row[c], ensure_ascii=False) if isinstance(row[c], dict | list) else row[c]
        for c in columns
    }


def _write_csv(path: Path, rows: Any, columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row, columns))


def _write_parquet(path: Path, rows: Any, columns: list[str], batch: int = 2000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "cluster_id": pa.int64(),
        "fact_id": pa.int64(),
        "person_id": pa.int64(),
        "visit_id": pa.int64(),
        "start": pa.int64(),
        "end": pa.int64(),
        "value": pa.float64(),
        "amount": pa.float64(),
    }
    schema = pa.schema([(c, types.get(c, pa.string())) for c in columns])
    with pq.ParquetWriter(path, schema) as writer:
        buffer: list[dict[str, Any]] = []
        for row in rows:
            buffer.append(_flat(row, columns))
            if len(buffer) >= batch:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                buffer.clear()
        if buffer or writer is not None:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
