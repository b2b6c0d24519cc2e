"""Consolidation: per-article facts → the knowledge base's tables, incrementally.

Runs inside the writer's transaction, on the documents not yet consolidated (the batch just
stored; after a migration, every older document too), so the knowledge base is always exactly
the consolidation of the documents stored, even after a crash:

- a person is one row per name (``people.slug``), each title seen a row of ``offices`` with the
  document and its date, from which the office timeline (first/last seen) is read;
- a visit reported by several articles is one ``visits`` row with one ``visit_sources`` row per
  report: same visitor and host, and dates within ``SAME_VISIT_DAYS`` (dates without a year match
  on month and day), or no date but the same story (near-duplicate cluster);
- indicators, transfers and practices become typed rows (conflicts and predecessor provinces are
  resolved at query time, so a new article never rewrites old rows).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from cachlamhay.extract.text import mentions as find_mentions
from cachlamhay.extract.units import resolve_units
from cachlamhay.store.db import FACT_TYPES, Store
from cachlamhay.vntext import slugify

SAME_VISIT_DAYS = 3
BATCH = 500


def consolidate_pending(store: Store, *, find_mentions_again: bool = False) -> int:
    """Consolidate every stored document not yet consolidated. Call inside a transaction.

    ``find_mentions_again``: for documents stored before schema v3, whose place mentions were
    never stored (the writer stores them with every new document)."""
    done = 0
    while True:
        rows = store.conn.execute(
            "SELECT rowid, published, cluster_id, text FROM documents WHERE consolidated = 0"
            " ORDER BY rowid LIMIT ?",
            (BATCH,),
        ).fetchall()
        if not rows:
            resolve_units_pending(store)
            return done
        for row in rows:
            _consolidate_document(store.conn, row, find_mentions_again)
        done += len(rows)


def resolve_units_pending(store: Store) -> int:
    """Store the unit of every province in the facts of documents not yet resolved (the batch
    just written; after a migration, every older document too). Call inside a transaction."""
    done = 0
    while True:
        rows = store.conn.execute(
            "SELECT rowid, published, text FROM documents WHERE units_resolved = 0"
            " ORDER BY rowid LIMIT ?",
            (BATCH,),
        ).fetchall()
        if not rows:
            return done
        for row in rows:
            _resolve_units(store.conn, row, _facts_of(store.conn, int(row["rowid"])))
        done += len(rows)


def _resolve_units(
    conn: sqlite3.Connection, doc: sqlite3.Row, facts: list[tuple[int, str, dict[str, Any]]]
) -> None:
    """Store the units of one document's facts ((id, type, data) in id order)."""
    kinds = {kind: key for key, kind in FACT_TYPES.items()}
    by_key: dict[str, list[dict[str, Any]]] = {}
    ids: dict[str, list[int]] = {}
    for fact_id, kind, data in facts:
        key = kinds.get(kind)
        if key:
            by_key.setdefault(key, []).append(data)
            ids.setdefault(key, []).append(fact_id)
    conn.executemany(
        "INSERT OR REPLACE INTO fact_units (fact_id, role, name, code, era, successor)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (ids[key][index], role, unit.name, unit.code, unit.era, unit.successor)
            for key, index, role, unit in resolve_units(by_key, doc["text"], doc["published"])
        ],
    )
    conn.execute("UPDATE documents SET units_resolved = 1 WHERE rowid = ?", (int(doc["rowid"]),))


def _facts_of(conn: sqlite3.Connection, rowid: int) -> list[tuple[int, str, dict[str, Any]]]:
    """A document's facts as (id, type, data), in id order."""
    return [
        (int(row["id"]), row["type"], json.loads(row["data"]))
        for row in conn.execute(
            "SELECT id, type, data FROM facts WHERE doc_rowid = ? ORDER BY id", (rowid,)
        )
    ]


def _consolidate_document(
    conn: sqlite3.Connection, doc: sqlite3.Row, find_mentions_again: bool
) -> None:
    rowid = int(doc["rowid"])
    stored = (
        find_mentions_again
        and conn.execute("SELECT 1 FROM mentions WHERE doc_rowid = ?", (rowid,)).fetchone()
    )
    if find_mentions_again and not stored:
        conn.executemany(
            "INSERT INTO mentions (doc_rowid, kind, name, start, end) VALUES (?, ?, ?, ?, ?)",
            [(rowid, m.kind, m.name, m.start, m.end) for m in find_mentions(doc["text"])],
        )
    for table in ("offices", "indicators", "transfers", "practices"):  # idempotent
        conn.execute(f"DELETE FROM {table} WHERE doc_rowid = ?", (rowid,))
    facts = _facts_of(conn, rowid)
    for fact_id, kind, data in facts:
        handler = _HANDLERS.get(kind)
        if handler:
            handler(conn, fact_id, rowid, doc, data)
    _resolve_units(conn, doc, facts)  # the facts are read and parsed once for both
    conn.execute("UPDATE documents SET consolidated = 1 WHERE rowid = ?", (rowid,))


def _person(
    conn: sqlite3.Connection, fact_id: int, rowid: int, doc: Any, data: dict[str, Any]
) -> None:
    slug = slugify(data["name"])
    if not slug:
        return
    conn.execute(
        "INSERT INTO people (slug, name, province) VALUES (?, ?, ?)"
        " ON CONFLICT(slug) DO UPDATE SET province = coalesce(people.province, excluded.province)",
        (slug, data["name"], data.get("province")),
    )
    person_id = conn.execute("SELECT id FROM people WHERE slug = ?", (slug,)).fetchone()[0]
    conn.executemany(
        "INSERT INTO offices (person_id, title, province, fact_id, doc_rowid, seen)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (person_id, title, data.get("province"), fact_id, rowid, doc["published"])
            for title in data.get("titles") or []
        ],
    )


def _indicator(
    conn: sqlite3.Connection, fact_id: int, rowid: int, doc: Any, data: dict[str, Any]
) -> None:
    conn.execute(
        "INSERT INTO indicators (fact_id, doc_rowid, province, indicator, label, value, unit,"
        " period, qualifier, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            fact_id,
            rowid,
            data["province"],
            data["indicator"],
            data.get("label"),
            data["value"],
            data.get("unit"),
            data.get("period"),
            data.get("qualifier"),
            data.get("scope"),
        ),
    )


def _transfer(
    conn: sqlite3.Connection, fact_id: int, rowid: int, doc: Any, data: dict[str, Any]
) -> None:
    conn.execute(
        "INSERT INTO transfers (fact_id, doc_rowid, from_kind, from_name, to_kind, to_name,"
        " amount, currency, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            fact_id,
            rowid,
            data["from"]["kind"],
            data["from"]["name"],
            data["to"]["kind"],
            data["to"]["name"],
            data.get("amount"),
            data.get("currency"),
            data.get("purpose"),
        ),
    )


def _practice(
    conn: sqlite3.Connection, fact_id: int, rowid: int, doc: Any, data: dict[str, Any]
) -> None:
    conn.execute(
        "INSERT INTO practices (fact_id, doc_rowid, province, topic, praised_by)"
        " VALUES (?, ?, ?, ?, ?)",
        (fact_id, rowid, data["province"], data["topic"], data.get("praised_by")),
    )


@dataclass(frozen=True, slots=True)
class VisitDate:
    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, text: str | None, fallback_year: str | None = None) -> VisitDate:
        """ "2017-02-05", "--02-05", "2017-02", "2017" or None."""
        if not text:
            return cls(_year(fallback_year), None, None)
        match = re.fullmatch(r"(\d{4}|-)-?(\d{2})?-?(\d{2})?", text)
        if not match:
            return cls(_year(fallback_year), None, None)
        year = int(match.group(1)) if match.group(1) != "-" else _year(fallback_year)
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        return cls(year, month, day)

    def near(self, other: VisitDate) -> bool:
        """Both days known and at most ``SAME_VISIT_DAYS`` apart (years compared when both
        are known)."""
        if None in (self.month, self.day, other.month, other.day):
            return False
        if self.year and other.year and abs(self.year - other.year) > 1:
            return False
        year_a = self.year or other.year or 2000
        year_b = other.year or self.year or 2000
        try:
            a = date(year_a, self.month or 1, self.day or 1)
            b = date(year_b, other.month or 1, other.day or 1)
        except ValueError:
            return False
        return abs((a - b).days) <= SAME_VISIT_DAYS


def _match_date(text: str | None, published: str | None) -> str | None:
    """The date to compare reports on: a year the extractor could only infer from the text
    ("Luật Nhà ở 2015" in a 2017 article) is not trusted without a publication date."""
    if not text:
        return None
    if published is None and re.match(r"\d{4}-\d{2}-\d{2}$", text):
        return "--" + text[5:]
    return text


def _year(text: str | None) -> int | None:
    match = re.match(r"(\d{4})", text or "")
    return int(match.group(1)) if match else None


def _visit(
    conn: sqlite3.Connection, fact_id: int, rowid: int, doc: Any, data: dict[str, Any]
) -> None:
    visitor, host = data["visitor"], data["host"]
    when = VisitDate.parse(data.get("date"), doc["published"])
    matching = _match_date(data.get("date"), doc["published"])
    visit_id = _same_visit(conn, visitor, host, VisitDate.parse(matching), int(doc["cluster_id"]))
    leader = data.get("leader") or {}
    if visit_id is None:
        cursor = conn.execute(
            "INSERT INTO visits (visitor_kind, visitor, host_kind, host, date, year, match_date,"
            " purpose, topics, leader, leader_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                visitor["kind"],
                visitor["name"],
                host["kind"],
                host["name"],
                data.get("date"),
                str(when.year) if when.year else None,
                matching,
                data.get("purpose") or "other",
                json.dumps(data.get("topics") or [], ensure_ascii=False),
                leader.get("name"),
                leader.get("title"),
            ),
        )
        visit_id = int(cursor.lastrowid or 0)
    else:
        _enrich(conn, visit_id, data, when)
    conn.execute(
        "INSERT OR IGNORE INTO visit_sources (visit_id, fact_id, doc_rowid) VALUES (?, ?, ?)",
        (visit_id, fact_id, rowid),
    )


def _same_visit(
    conn: sqlite3.Connection,
    visitor: dict[str, str],
    host: dict[str, str],
    when: VisitDate,
    cluster_id: int,
) -> int | None:
    candidates = conn.execute(
        "SELECT v.id, v.match_date FROM visits v WHERE v.visitor = ? AND v.visitor_kind = ?"
        " AND v.host = ? AND v.host_kind = ? ORDER BY v.id",
        (visitor["name"], visitor["kind"], host["name"], host["kind"]),
    ).fetchall()
    for candidate in candidates:
        other = VisitDate.parse(candidate["match_date"])
        if when.near(other):
            return int(candidate["id"])
        if when.day is None or other.day is None:
            same_story = conn.execute(
                "SELECT 1 FROM visit_sources s JOIN documents d ON d.rowid = s.doc_rowid"
                " WHERE s.visit_id = ? AND d.cluster_id = ? LIMIT 1",
                (candidate["id"], cluster_id),
            ).fetchone()
            if same_story:
                return int(candidate["id"])
    return None


def _enrich(conn: sqlite3.Connection, visit_id: int, data: dict[str, Any], when: VisitDate) -> None:
    """A later report may know more: a fuller date, the leader, the topics."""
    row = conn.execute(
        "SELECT date, leader, topics FROM visits WHERE id = ?", (visit_id,)
    ).fetchone()
    updates: dict[str, Any] = {}
    new_date = data.get("date")
    if new_date and not row["date"]:
        updates["date"] = new_date
        if when.year:
            updates["year"] = str(when.year)
    leader = data.get("leader") or {}
    if leader.get("name") and not row["leader"]:
        updates["leader"] = leader["name"]
        updates["leader_title"] = leader.get("title")
    topics = list(dict.fromkeys(json.loads(row["topics"]) + (data.get("topics") or [])))
    if topics != json.loads(row["topics"]):
        updates["topics"] = json.dumps(topics, ensure_ascii=False)
    if updates:
        assignments = ", ".join(f"{column} = ?" for column in updates)
        conn.execute(f"UPDATE visits SET {assignments} WHERE id = ?", [*updates.values(), visit_id])


_HANDLERS = {
    "person": _person,
    "visit": _visit,
    "indicator": _indicator,
    "transfer": _transfer,
    "practice": _practice,
}
