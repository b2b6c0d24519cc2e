"""The study-visit brief: what an analyst hands in before a visit to a province, on a topic.

``study_brief(store, province, topic=None, since=None, until=None)`` gathers, for one province
(with its predecessors' history after the 2025 merger):

- ``leaders``: who leads what now: the latest office seen for each title in the province
  (Bí thư, Chủ tịch, the Sở directors, the relevant Sở for the topic first), with the date seen;
- ``indicators``: the figures on the topic and the headline figures, each with its sentence,
  source and date, conflicting figures marked;
- ``practices``: the province's practices on the topic, with the sentence that praises them;
- ``visits_received`` on the topic (who already came to learn it, when, who led them) and
  ``visits_made``;
- ``transfers`` given and received, and the 2025 merger note where it applies.

Every line carries ``ref``, a number into ``sources`` (title, outlet, date, link to the
highlighted sentence): the web page links it, the PDF and DOCX print it as a footnote-style
list. A section without evidence says so (``empty`` lists them); a topic with no evidence at
all sets ``no_evidence``. The date range (``kb.timeframe``) places visits by their date, figures
by their period, everything else by its article's publication date.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from cachlamhay.errors import UsageError
from cachlamhay.extract import gazetteer
from cachlamhay.extract.topics import TOPIC_WORDS
from cachlamhay.kb import queries
from cachlamhay.kb.timeframe import Timeframe
from cachlamhay.store.db import Store
from cachlamhay.vntext import fold, slugify

# The figures every brief shows; the topic's own are ``queries.TOPIC_INDICATORS``.
HEADLINE_INDICATORS = [
    "grdp_growth",
    "grdp",
    "grdp_per_capita",
    "income_per_capita",
    "budget_revenue",
    "poverty_rate",
    "population",
]
# The Sở (provincial department) an analyst of a topic will want to meet.
TOPIC_DEPARTMENTS: dict[str, list[str]] = {
    "admin_merger": ["Sở Nội vụ"],
    "cadre_work": ["Sở Nội vụ", "Ban Tổ chức"],
    "admin_reform": ["Sở Nội vụ", "Sở Tư pháp"],
    "planning": ["Sở Kế hoạch và Đầu tư", "Sở Xây dựng"],
    "investment": ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"],
    "new_rural": ["Sở Nông nghiệp"],
    "agriculture": ["Sở Nông nghiệp"],
    "education": ["Sở Giáo dục"],
    "human_resources": ["Sở Giáo dục", "Sở Lao động"],
    "culture_heritage": ["Sở Văn hóa"],
    "tourism": ["Sở Văn hóa", "Sở Du lịch"],
    "health": ["Sở Y tế"],
    "digital_transformation": ["Sở Thông tin và Truyền thông", "Sở Khoa học"],
    "social_welfare": ["Sở Lao động"],
    "disaster": ["Sở Nông nghiệp"],
    "party_building": ["Ban Tổ chức", "Ban Tuyên giáo"],
    "mass_mobilization": ["Ban Dân vận"],
}
# Offices in the order a brief lists them (first match wins; the rest after, by name).
_RANKS = [
    r"^bí thư tỉnh ủy|^bí thư thành ủy",
    r"^phó bí thư thường trực",
    r"^chủ tịch ubnd|^chủ tịch ủy ban nhân dân",
    r"^chủ tịch hđnd|^chủ tịch hội đồng nhân dân",
    r"^phó bí thư",
    r"^phó chủ tịch ubnd|^phó chủ tịch ủy ban nhân dân",
    r"^phó chủ tịch hđnd|^phó chủ tịch hội đồng nhân dân",
    r"^trưởng ban",
    r"^giám đốc sở",
]
_OFFICE = re.compile(r"tỉnh ủy|thành ủy|ubnd|ủy ban|hđnd|hội đồng|sở |ban |đoàn đbqh", re.I)
MAX_LEADERS = 25
MAX_FIGURES_PER_INDICATOR = 12
MAX_ITEMS = 60


def study_brief(
    store: Store,
    province: str,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    name = queries.resolve_province(province)
    topic_id = _topic(topic)
    frame = Timeframe.parse(since, until)
    unit = gazetteer.provinces()[name]
    predecessors = gazetteer.predecessors_of(name)
    names = [name, *predecessors]
    refs = _References(store.conn)
    conn = store.conn
    brief: dict[str, Any] = {
        "province": {
            "name": name,
            "slug": slugify(name),
            "full_name": unit.full_name,
            "code": unit.code,
            "current": unit.current,
            "successor": queries._province_ref(unit.successor if unit.successor != name else None),
            "predecessors": [queries._province_ref(p) for p in predecessors],
        },
        "topic": {"id": topic_id, "words": _topic_words(topic_id)} if topic_id else None,
        "timeframe": frame.as_dict(),
        "generated": datetime.now(UTC).date().isoformat(),
        "merger_note": _merger_note(name, unit.successor, predecessors),
        "leaders": _leaders(conn, name, topic_id, frame, refs),
        "indicators": {
            "topic": _figures(
                conn,
                name,
                names,
                list(queries.TOPIC_INDICATORS.get(topic_id or "", ())),
                frame,
                refs,
            ),
            "headline": _figures(conn, name, names, HEADLINE_INDICATORS, frame, refs),
        },
        "practices": _practices(conn, names, topic_id, frame, refs),
        "visits_received": _visits(conn, "host", names, topic_id, frame, refs),
        "visits_made": _visits(conn, "visitor", names, topic_id, frame, refs),
        "transfers": {
            "received": _transfers(conn, "to", names, frame, refs),
            "given": _transfers(conn, "from", names, frame, refs),
        },
    }
    brief["sources"] = refs.listed()
    sections = {
        "leaders": brief["leaders"],
        "topic_indicators": brief["indicators"]["topic"] if topic_id else [None],
        "headline_indicators": brief["indicators"]["headline"],
        "practices": brief["practices"],
        "visits_received": brief["visits_received"],
        "visits_made": brief["visits_made"],
        "transfers": brief["transfers"]["received"] + brief["transfers"]["given"],
    }
    brief["empty"] = [key for key, items in sections.items() if not items]
    on_topic = ("topic_indicators", "practices", "visits_received")
    brief["no_evidence"] = bool(topic_id) and all(key in brief["empty"] for key in on_topic)
    return brief


def _topic(topic: str | None) -> str | None:
    if not topic or not topic.strip():
        return None
    found = queries.resolve_topic(topic)
    if found is None:
        raise UsageError(f"no topic {topic!r}; topics: {', '.join(sorted(TOPIC_WORDS))}")
    return found


def _topic_words(topic: str | None) -> str | None:
    words = TOPIC_WORDS.get(topic or "", [])
    plain = [w for w in words if not w.startswith("re:")]
    return plain[0] if plain else None


def _merger_note(name: str, successor: str, predecessors: list[str]) -> dict[str, Any] | None:
    """What the 1 July 2025 merger did to this province, when it did anything."""
    if successor != name:
        return {"kind": "merged_into", "province": name, "successor": successor}
    if predecessors:
        return {"kind": "merged_from", "province": name, "predecessors": predecessors}
    return None


class _References:
    """Footnote-style numbering of the articles a brief cites, in order of first citation."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.numbers: dict[str, int] = {}
        self.docs: dict[str, dict[str, Any]] = {}

    def cite(self, source: dict[str, Any] | None) -> dict[str, Any] | None:
        """``source`` (a ``queries._sources`` entry) with its reference number and link."""
        if not source:
            return None
        doc_id = source["doc_id"]
        if doc_id not in self.numbers:
            self.numbers[doc_id] = len(self.numbers) + 1
            self.docs[doc_id] = source
        return {
            **source,
            "ref": self.numbers[doc_id],
            "link": f"/article/{_quote(doc_id)}#fact-{source['fact_id']}",
        }

    def listed(self) -> list[dict[str, Any]]:
        urls = self._urls(list(self.numbers))
        return [
            {
                "ref": number,
                "doc_id": doc_id,
                "title": self.docs[doc_id]["title"],
                "source": self.docs[doc_id]["source"],
                "published": self.docs[doc_id]["published"],
                "url": urls.get(doc_id),
                "link": f"/article/{_quote(doc_id)}",
            }
            for doc_id, number in self.numbers.items()
        ]

    def _urls(self, doc_ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in queries._chunks(doc_ids, 500):
            marks = ",".join("?" for _ in chunk)
            for row in self.conn.execute(
                f"SELECT id, url FROM documents WHERE id IN ({marks}) AND url IS NOT NULL", chunk
            ):
                found[row["id"]] = row["url"]
        return found


def _quote(doc_id: str) -> str:
    return quote(doc_id, safe="")


# -- leaders --------------------------------------------------------------------------------


def _leaders(
    conn: sqlite3.Connection,
    name: str,
    topic: str | None,
    frame: Timeframe,
    refs: _References,
) -> list[dict[str, Any]]:
    """The latest person seen in each office of the province, senior offices first."""
    rows = conn.execute(
        "SELECT o.title, o.seen, o.fact_id, o.doc_rowid, p.name, p.slug FROM offices o"
        " JOIN people p ON p.id = o.person_id WHERE o.province = ?"
        " ORDER BY coalesce(o.seen, '') DESC, o.doc_rowid DESC",
        (name,),
    ).fetchall()
    latest: dict[str, sqlite3.Row] = {}
    for row in rows:
        title = " ".join(row["title"].split())
        if not _OFFICE.search(title) or not frame.contains(row["seen"]):
            continue
        key = fold(title)
        if key not in latest:  # rows come newest first
            latest[key] = row
    departments = [fold(d) for d in TOPIC_DEPARTMENTS.get(topic or "", [])]
    chosen = sorted(latest.values(), key=lambda r: (_rank(r["title"], departments), r["title"]))
    sources = queries._sources(conn, [int(r["fact_id"]) for r in chosen[:MAX_LEADERS]])
    return [
        {
            "title": " ".join(row["title"].split()),
            "name": row["name"],
            "slug": row["slug"],
            "seen": row["seen"],
            "relevant": any(d in fold(row["title"]) for d in departments),
            "source": refs.cite(sources.get(int(row["fact_id"]))),
        }
        for row in chosen[:MAX_LEADERS]
    ]


def _rank(title: str, departments: list[str]) -> int:
    lowered = title.lower()
    for rank, pattern in enumerate(_RANKS):
        if re.search(pattern, lowered):
            if pattern == _RANKS[-1] and any(d in fold(title) for d in departments):
                return rank - 1  # the Sở the topic needs, before the other directors
            return rank
    return len(_RANKS)


# -- figures --------------------------------------------------------------------------------


def _figures(
    conn: sqlite3.Connection,
    name: str,
    names: list[str],
    indicators: list[str],
    frame: Timeframe,
    refs: _References,
) -> list[dict[str, Any]]:
    """The series of ``indicators`` as the province page has them (conflicts, former units),
    in the order given, newest figures first, each citing its source."""
    if not indicators:
        return []
    series = queries._indicator_series(conn, name, names, frame, indicators)
    order = {indicator: i for i, indicator in enumerate(indicators)}
    series.sort(key=lambda item: order[item["indicator"]])
    for item in series:
        newest = sorted(item["series"], key=lambda p: p["period"] or "", reverse=True)
        item["series"] = [
            {**point, "source": refs.cite(point["source"])}
            for point in newest[:MAX_FIGURES_PER_INDICATOR]
        ]
    return series


# -- practices, visits, transfers -------------------------------------------------------------


def _practices(
    conn: sqlite3.Connection,
    names: list[str],
    topic: str | None,
    frame: Timeframe,
    refs: _References,
) -> list[dict[str, Any]]:
    marks = ",".join("?" for _ in names)
    where = f"p.province IN ({marks})" + (" AND p.topic = ?" if topic else "")
    rows = conn.execute(
        "SELECT p.fact_id, p.province, p.topic, p.praised_by, d.published FROM practices p"
        f" JOIN documents d ON d.rowid = p.doc_rowid WHERE {where}"
        " ORDER BY coalesce(d.published, '') DESC, p.fact_id",
        [*names, *([topic] if topic else [])],
    ).fetchall()
    rows = [r for r in rows if frame.contains(r["published"])]
    sources = queries._sources(conn, [int(r["fact_id"]) for r in rows])
    found: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        source = sources.get(int(row["fact_id"]))
        if source is None or (source["doc_id"], source["sentence"]) in seen:
            continue  # one sentence praising several topics: listed once
        seen.add((source["doc_id"], source["sentence"]))
        found.append(
            {
                "province": row["province"],
                "topic": row["topic"],
                "praised_by": row["praised_by"],
                "sentence": source["sentence"],
                "source": refs.cite(source),
            }
        )
    return found[:MAX_ITEMS]


def _visits(
    conn: sqlite3.Connection,
    role: str,
    names: list[str],
    topic: str | None,
    frame: Timeframe,
    refs: _References,
) -> list[dict[str, Any]]:
    """Visits the province received (``role`` "host") or made ("visitor"); on the topic
    when one is given, newest first."""
    marks = ",".join("?" for _ in names)
    when, params = queries._frame_sql(conn, frame, queries.VISIT_WHEN)
    visits = queries._visits(
        conn, f"{role}_kind = 'province' AND {role} IN ({marks}) AND {when}", [*names, *params]
    )
    return [
        {**visit, "sources": [refs.cite(s) for s in visit["sources"]]}
        for visit in visits
        if not topic or topic in visit["topics"]
    ][:MAX_ITEMS]


def _transfers(
    conn: sqlite3.Connection,
    role: str,
    names: list[str],
    frame: Timeframe,
    refs: _References,
) -> list[dict[str, Any]]:
    marks = ",".join("?" for _ in names)
    column = "to_name" if role == "to" else "from_name"
    rows = queries._transfers(conn, f"{role}_kind = 'province' AND {column} IN ({marks})", names)
    kept = []
    for row in rows:
        if not frame.contains((row.get("source") or {}).get("published")):
            continue
        kept.append({**row, "source": refs.cite(row.get("source"))})
    return kept[:MAX_ITEMS]
