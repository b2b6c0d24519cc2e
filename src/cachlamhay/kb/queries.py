"""Knowledge-base queries: the data behind every page, CLI command and JSON twin.

Each function takes a read connection (``Store``) and returns plain JSON-ready dicts; the web
pages, their ``.json`` twins and the CLI (`province`, `practices`, `person`, `compare`) all print
exactly these. Shapes (every list is sorted as a user would read it):

``Actor``  {"kind": "province|central|foreign|enterprise|district|other", "name": str,
            "slug": str | None}   (slug only for provinces, for links to /province/{slug})
``Source`` {"doc_id": str, "title": str | None, "source": str | None, "published": str | None,
            "fact_id": int, "start": int, "end": int, "sentence": str}
``Visit``  {"id": int, "visitor": Actor, "host": Actor, "date": str | None, "purpose": str,
            "topics": [str], "leader": {"name", "title", "slug"} | None, "sources": [Source]}
``Timeframe`` {"since": str | None, "until": str | None}: the range applied, as given.

Time (``since``/``until``: YYYY, YYYY-MM or YYYY-MM-DD, both inclusive, see ``kb.timeframe``;
a bad date is a ``UsageError``). The profile, the practice finder, the network and the search
take a range and echo it as ``"timeframe"``. Each fact is placed by the most precise date it has:
- a visit by its own ``date``; a date without a year ("--02-05") completed with the visit's
  ``year``; else by its ``year`` (which came from its first article's publication);
- an indicator by its ``period``, a span of years ("2016-2020") by all its years (it is in when
  any of them is: a five-year figure is kept for since=2018); an indicator without a period by
  its article's publication date;
- practices, transfers, offices (people), search hits and the finder's articles by their
  article's ``documents.published``.
Partial dates are intervals ("2017" is in until=2017-06). A fact with no date is left out only
when a range is set. ``admin_units`` counts every fact (it names the units, not a period).

province_profile(store, name_or_slug, since=None, until=None) -> {
    "province": {"name", "slug", "full_name", "code", "latitude", "longitude", "current": bool,
                 "successor": {"name", "slug"} | None, "predecessors": [{"name", "slug"}]},
    "admin_units": [{"name", "code", "era": "63" | "34", "successor", "label", "facts": int}],
    "indicators": [{"indicator": str, "unit": str,
                    "series": [{"period": str | None, "value": float, "unit": str,
                                "qualifier": str, "province": str, "inherited": bool,
                                "admin_unit": AdminUnit | None, "unit_label": str,
                                "conflict": bool, "source": Source}]}],
    "timeframe": Timeframe,
    "visits_made": [Visit], "visits_received": [Visit],
    "visit_timeline": [{"year": "2017", "made": int, "received": int}]  (every year from the
        first to the last with a visit, in the range; visits without a year are not on it),
    "people": [{"slug", "name", "titles": [str], "documents": int}],
    "practices": [{"topic": str, "evidence": int, "sources": [Source]}],
    "transfers_given": [Transfer], "transfers_received": [Transfer]}
    ``inherited``: the figure is a predecessor's (Hậu Giang's history shown under Cần Thơ), or
    the same name's before the merger changed the unit (Tuyên Quang of 2017 under today's).
    ``AdminUnit`` {"name", "code", "era", "successor"}: the unit the article's date meant.
``Transfer`` {"from": Actor, "to": Actor, "amount": float, "currency": str, "purpose": str,
              "source": Source}

province_table(store, name_or_slug, table, since=None, until=None) -> {"province": {"name",
    "slug"}, "table": str, "timeframe": Timeframe, "columns": [str], "rows": [{column: value}]}
    ``table`` one of ``PROVINCE_TABLES`` (visits_made, visits_received, indicators, people):
    the rows of that table of the profile with the same range, flat (lists joined by "; ").

practice_finder(store, query, limit=20, since=None, until=None) -> {"query": str,
    "topic": str | None, "topics": [str], "timeframe": Timeframe,
    "weights": {"documents", "praised_by", "visits_received", "indicators", "support_cap"},
    "provinces": [{"province": str, "slug": str, "evidence": int, "documents": int,
    "praised_by": [str], "score": int, "why": Why, "sources": [Source]}]}
    ``query`` is a topic id ("admin_merger") or words naming one ("sáp nhập xã"): who to learn
    from. A province is ranked when it has a practice fact on the topic or received a study
    visit with the topic; ``score`` = ``RANK_WEIGHTS`` · evidence, where ``Why`` = {"documents":
    articles with the practice, "evidence": practice facts, "praised_by": [other provinces or
    central bodies praising it], "visits_received": visits by others on the topic,
    "visitors": [who came, most first], "indicators": figures of ``TOPIC_INDICATORS[topic]``,
    "indicator_ids": [str]}; figures count up to ``SUPPORT_CAP``. Ties: more visits, more
    praise, more articles, then the name. Free text naming no topic: provinces ranked by the
    articles that match it and name them (``topic`` None, no ``weights``, ``why`` only
    {"documents"}, sources are passages, ``fact_id`` None).

compare_indicator(store, indicator, provinces=None) -> {"indicator": str,
    "periods": [str], "provinces": [str],
    "rows": [{"province", "slug", "period", "value", "unit", "qualifier", "conflict": bool,
              "source": Source}]}

visit_network(store, year=None, purpose=None, since=None, until=None) -> {
    "nodes": [{"name", "slug", "kind", "latitude", "longitude", "made": int, "received": int}],
    "edges": [{"source": str, "target": str, "visits": int, "visit_ids": [int]}],
    "years": [str], "purposes": [str], "timeframe": Timeframe}   (node names are actor names;
    coordinates only for provinces; ``years``/``purposes`` list every visit's, for the form)

person_page(store, slug) -> {"person": {"slug", "name", "province"},
    "offices": [{"title", "first_seen", "last_seen", "documents": int, "sources": [Source]}],
    "visits_led": [Visit]}

article(store, doc_id) -> {"doc": {"id", "title", "source", "published", "url", "text"},
    "facts": [{"fact_id", "type", "start", "end", "summary": str, "link": str | None}],
    "cluster": [doc_id]}   (``link``: the page of the fact's entity, e.g. "/province/ha-tinh")

overview(store) -> {"stats": stats(store), "provinces": [{"name", "slug", "visits", "facts"}],
    "recent_visits": [Visit], "topics": [{"topic", "provinces": int, "evidence": int}]}

search_faceted(store, q, limit=10, offset=0, province=None, source=None, year=None,
    fact_type=None, since=None, until=None) -> SearchPage.as_dict() + {"filters": {...},
    "timeframe": Timeframe, "facets": {"province": {name: n},
    "source": {name: n}, "year": {year: n}, "fact_type": {type: n}}}
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from typing import Any, TypeVar

from cachlamhay.errors import NotFoundError, UsageError
from cachlamhay.extract import gazetteer
from cachlamhay.extract.topics import TOPIC_WORDS, topics_in
from cachlamhay.extract.units import ERA_OLD
from cachlamhay.kb.timeframe import Timeframe
from cachlamhay.store.db import Store
from cachlamhay.vntext import fold, slugify

INDICATORS = (
    "grdp_growth grdp_per_capita grdp_total income_per_capita budget_revenue poverty_rate"
    " ntm_communes ntm_advanced_communes ntm_model_communes ntm_districts investment_projects"
    " investment_capital fdi_projects fdi_capital admin_units admin_units_reduced staff_reduced"
    " party_members party_organizations population area disaster_damage households_affected"
    " houses_built export_value tourism other"
).split()
TOPICS = tuple(TOPIC_WORDS)
CONFLICT_TOLERANCE = 0.005  # figures within 0.5% agree (the gold's matching rule)
LIST_LIMIT = 200
SOURCES_PER_ITEM = 5
SENTENCE_CHARS = 400


# -- provinces ------------------------------------------------------------------------------


def province_slug(name: str) -> str:
    return slugify(name)


def resolve_province(name_or_slug: str) -> str:
    """SPEC name of a province from its name, an alias or its slug ("ha-tinh", "TP.HCM")."""
    by_slug = {slugify(name): name for name in gazetteer.provinces()}
    found = by_slug.get(name_or_slug) or gazetteer.canonical_province(name_or_slug)
    found = found or by_slug.get(slugify(name_or_slug))
    if found is None:
        close = province_suggestions(name_or_slug)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NotFoundError(f"no province {name_or_slug!r}{hint}", suggestions=close)
    return found


def province_suggestions(typed: str, limit: int = 3) -> list[str]:
    """Provinces whose name or slug is close to ``typed`` ("ha tinhh" → Hà Tĩnh)."""
    import difflib

    by_key: dict[str, str] = {}
    for name in gazetteer.provinces():
        by_key.setdefault(slugify(name), name)
    for alias, name in gazetteer.province_by_fold().items():
        by_key.setdefault(slugify(alias), name)
    close = difflib.get_close_matches(slugify(typed), list(by_key), n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(by_key[key] for key in close))[:limit]


def _actor(kind: str, name: str) -> dict[str, Any]:
    return {"kind": kind, "name": name, "slug": slugify(name) if kind == "province" else None}


def _province_ref(name: str | None) -> dict[str, str] | None:
    return {"name": name, "slug": slugify(name)} if name else None


# -- sources --------------------------------------------------------------------------------


def _sources(conn: sqlite3.Connection, fact_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The article and sentence behind each fact."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(fact_ids, 500):
        marks = ",".join("?" for _ in chunk)
        rows = conn.execute(
            "SELECT f.id, f.start, f.end, d.id AS doc_id, d.title, d.source, d.published,"
            " substr(d.text, f.start + 1, min(f.end - f.start, ?)) AS sentence"
            f" FROM facts f JOIN documents d ON d.rowid = f.doc_rowid WHERE f.id IN ({marks})",
            [SENTENCE_CHARS, *chunk],
        ).fetchall()
        for row in rows:
            found[int(row["id"])] = {
                "doc_id": row["doc_id"],
                "title": row["title"],
                "source": row["source"],
                "published": row["published"],
                "fact_id": int(row["id"]),
                "start": row["start"],
                "end": row["end"],
                "sentence": " ".join((row["sentence"] or "").split()),
            }
    return found


T = TypeVar("T")


def _chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[k : k + size] for k in range(0, len(items), size)]


# -- time -----------------------------------------------------------------------------------

_IN_FRAME = "cachlamhay_in_frame"
# Where a visit is in time: its own date; a date without its year ("--02-05") completed with
# the visit's year; else the year alone (from the first source's publication)
VISIT_WHEN = (
    "CASE WHEN visits.date GLOB '[0-9][0-9][0-9][0-9]*' THEN visits.date"
    " WHEN visits.date GLOB '--[0-9][0-9]-[0-9][0-9]' AND visits.year IS NOT NULL"
    " THEN visits.year || substr(visits.date, 2) ELSE visits.year END"
)


def _published_of(table: str) -> str:
    """SQL for the publication date of the article behind a row of ``table``."""
    return f"(SELECT published FROM documents WHERE documents.rowid = {table}.doc_rowid)"


# An indicator is placed by its period, else by its article's publication date
INDICATOR_WHEN = f"coalesce(indicators.period, {_published_of('indicators')})"


def placed_in(frame: Timeframe, when: str | None) -> bool:
    """Whether a date, a partial date or a span of years ("2016-2020") can fall inside the
    range (``Timeframe.contains``: a span is in when any of its years is)."""
    return frame.contains(when)


def _in_frame(when: str | None, since: str | None, until: str | None) -> int:
    return int(placed_in(Timeframe(since, until), when))


def _frame_sql(conn: sqlite3.Connection, frame: Timeframe, when: str) -> tuple[str, list[Any]]:
    """A WHERE condition keeping the rows whose ``when`` (an SQL expression) is in the range;
    "1 = 1" without a range. The test is Python's (``placed_in``), registered on the
    connection, so SQL and the rest of the code place dates the same way."""
    if not frame.active:
        return "1 = 1", []
    conn.create_function(_IN_FRAME, 3, _in_frame, deterministic=True)
    return f"{_IN_FRAME}({when}, ?, ?)", [frame.since, frame.until]


# -- visits ---------------------------------------------------------------------------------


def _visits(conn: sqlite3.Connection, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT * FROM visits WHERE {where}"
        " ORDER BY coalesce(year, '') DESC, coalesce(substr(date, -5), '') DESC, id DESC LIMIT ?",
        [*params, LIST_LIMIT],
    ).fetchall()
    if not rows:
        return []
    ids = [int(r["id"]) for r in rows]
    marks = ",".join("?" for _ in ids)
    by_visit: dict[int, list[int]] = defaultdict(list)
    for visit_id, fact_id in conn.execute(
        f"SELECT visit_id, fact_id FROM visit_sources WHERE visit_id IN ({marks}) ORDER BY fact_id",
        ids,
    ):
        by_visit[int(visit_id)].append(int(fact_id))
    sources = _sources(conn, [f for facts in by_visit.values() for f in facts])
    return [
        _visit_dict(row, [sources[f] for f in by_visit[int(row["id"])] if f in sources])
        for row in rows
    ]


def _visit_dict(row: sqlite3.Row, sources: list[dict[str, Any]]) -> dict[str, Any]:
    leader = (
        {"name": row["leader"], "title": row["leader_title"], "slug": slugify(row["leader"])}
        if row["leader"]
        else None
    )
    return {
        "id": int(row["id"]),
        "visitor": _actor(row["visitor_kind"], row["visitor"]),
        "host": _actor(row["host_kind"], row["host"]),
        "date": row["date"],
        "year": row["year"],
        "purpose": row["purpose"],
        "topics": json.loads(row["topics"]),
        "leader": leader,
        "sources": sources,
    }


# -- province profile -----------------------------------------------------------------------


def province_profile(
    store: Store, name_or_slug: str, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    frame = Timeframe.parse(since, until)
    name = resolve_province(name_or_slug)
    unit = gazetteer.provinces()[name]
    predecessors = gazetteer.predecessors_of(name)
    names = [name, *predecessors]
    conn = store.conn
    return {
        "province": {
            "name": name,
            "slug": slugify(name),
            "full_name": unit.full_name,
            "code": unit.code,
            "latitude": unit.latitude,
            "longitude": unit.longitude,
            "current": unit.current,
            "successor": _province_ref(unit.successor if unit.successor != name else None),
            "predecessors": [_province_ref(p) for p in predecessors],
        },
        "admin_units": _admin_units(conn, [*names, *(["Huế"] if name == "Thừa Thiên Huế" else [])]),
        "timeframe": frame.as_dict(),
        "indicators": _indicator_series(conn, name, names, frame),
        "visits_made": _province_visits(conn, "visitor", names, frame),
        "visits_received": _province_visits(conn, "host", names, frame),
        "visit_timeline": _visit_timeline(conn, names, frame),
        "people": _people_of(conn, names, frame),
        "practices": _practices_of(conn, names, frame),
        "transfers_given": _province_transfers(conn, "from", names, frame),
        "transfers_received": _province_transfers(conn, "to", names, frame),
    }


def _province_visits(
    conn: sqlite3.Connection, role: str, names: list[str], frame: Timeframe
) -> list[dict[str, Any]]:
    """Visits a province made (``role`` "visitor") or received ("host") in the range."""
    marks = ",".join("?" for _ in names)
    when, params = _frame_sql(conn, frame, VISIT_WHEN)
    where = f"{role}_kind = 'province' AND {role} IN ({marks}) AND {when}"
    return _visits(conn, where, [*names, *params])


def _province_transfers(
    conn: sqlite3.Connection, role: str, names: list[str], frame: Timeframe
) -> list[dict[str, Any]]:
    """Transfers a province gave (``role`` "from") or received ("to") in the range."""
    marks = ",".join("?" for _ in names)
    when, params = _frame_sql(conn, frame, _published_of("transfers"))
    where = f"{role}_kind = 'province' AND {role}_name IN ({marks}) AND {when}"
    return _transfers(conn, where, [*names, *params])


def _visit_timeline(
    conn: sqlite3.Connection, names: list[str], frame: Timeframe
) -> list[dict[str, Any]]:
    """Visits made and received per year (the visit's year), every year from the first to the
    last present (0 where none); undated visits are not on it."""
    marks = ",".join("?" for _ in names)
    made = f"visitor_kind = 'province' AND visitor IN ({marks})"
    received = f"host_kind = 'province' AND host IN ({marks})"
    when, params = _frame_sql(conn, frame, VISIT_WHEN)
    rows = conn.execute(
        f"SELECT year, sum({made}) AS made, sum({received}) AS received FROM visits"
        f" WHERE year GLOB '[0-9][0-9][0-9][0-9]' AND ({made} OR {received}) AND {when}"
        " GROUP BY year ORDER BY year",
        [*names, *names, *names, *names, *params],
    ).fetchall()
    counts = {int(r["year"]): (int(r["made"]), int(r["received"])) for r in rows}
    if not counts:
        return []
    timeline = []
    for year in range(min(counts), max(counts) + 1):
        n_made, n_received = counts.get(year, (0, 0))
        timeline.append({"year": str(year), "made": n_made, "received": n_received})
    return timeline


# -- province tables as downloads ------------------------------------------------------------

VISIT_COLUMNS = (
    "id date year visitor visitor_kind host host_kind leader leader_title purpose topics"
    " doc_ids sentence"
).split()
TABLE_COLUMNS: dict[str, list[str]] = {
    "visits_made": VISIT_COLUMNS,
    "visits_received": VISIT_COLUMNS,
    "indicators": (
        "indicator period value unit qualifier province unit_label inherited conflict doc_id"
        " fact_id published sentence"
    ).split(),
    "people": ["name", "slug", "titles", "documents"],
}
PROVINCE_TABLES = tuple(TABLE_COLUMNS)
LIST_SEPARATOR = "; "


def province_table(
    store: Store,
    name_or_slug: str,
    table: str,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """One table of the province page (``PROVINCE_TABLES``) as flat rows, the same rows the
    page shows with the same range: the CSV and JSON downloads."""
    if table not in TABLE_COLUMNS:
        raise NotFoundError(f"no table {table!r} (known: {', '.join(PROVINCE_TABLES)})")
    frame = Timeframe.parse(since, until)
    name = resolve_province(name_or_slug)
    names = [name, *gazetteer.predecessors_of(name)]
    conn = store.conn
    section: list[dict[str, Any]]
    if table == "indicators":
        section = _indicator_series(conn, name, names, frame)
    elif table == "people":
        section = _people_of(conn, names, frame)
    else:
        section = _province_visits(
            conn, "visitor" if table == "visits_made" else "host", names, frame
        )
    return {
        "province": _province_ref(name),
        "table": table,
        "timeframe": frame.as_dict(),
        "columns": list(TABLE_COLUMNS[table]),
        "rows": table_rows(table, section),
    }


def table_rows(table: str, section: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A province profile's section (``profile[table]``) as flat rows of ``TABLE_COLUMNS``."""
    if table == "indicators":
        return [_indicator_row(ind["indicator"], s) for ind in section for s in ind["series"]]
    if table == "people":
        return [
            {
                "name": p["name"],
                "slug": p["slug"],
                "titles": LIST_SEPARATOR.join(p["titles"]),
                "documents": p["documents"],
            }
            for p in section
        ]
    return [_visit_row(v) for v in section]


def _visit_row(visit: dict[str, Any]) -> dict[str, Any]:
    leader = visit["leader"] or {}
    sources = visit["sources"]
    return {
        "id": visit["id"],
        "date": visit["date"],
        "year": visit["year"],
        "visitor": visit["visitor"]["name"],
        "visitor_kind": visit["visitor"]["kind"],
        "host": visit["host"]["name"],
        "host_kind": visit["host"]["kind"],
        "leader": leader.get("name"),
        "leader_title": leader.get("title"),
        "purpose": visit["purpose"],
        "topics": LIST_SEPARATOR.join(visit["topics"]),
        "doc_ids": LIST_SEPARATOR.join(dict.fromkeys(s["doc_id"] for s in sources)),
        "sentence": sources[0]["sentence"] if sources else None,
    }


def _indicator_row(indicator: str, figure: dict[str, Any]) -> dict[str, Any]:
    source = figure["source"] or {}
    return {
        "indicator": indicator,
        "period": figure["period"],
        "value": figure["value"],
        "unit": figure["unit"],
        "qualifier": figure["qualifier"],
        "province": figure["province"],
        "unit_label": figure["unit_label"],
        "inherited": figure["inherited"],
        "conflict": figure["conflict"],
        "doc_id": source.get("doc_id"),
        "fact_id": source.get("fact_id"),
        "published": source.get("published"),
        "sentence": source.get("sentence"),
    }


def _indicator_rows(conn: sqlite3.Connection, where: str, params: list[Any]) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT fact_id, doc_rowid, province, indicator, label, value, unit, period, qualifier"
        f" FROM indicators WHERE scope IS NULL AND {where}"
        " ORDER BY indicator, coalesce(period, ''), province, fact_id LIMIT 5000",
        params,
    ).fetchall()


def _conflicts(rows: list[sqlite3.Row], units: dict[int, dict[str, Any]] | None = None) -> set[int]:
    """Facts whose (province, indicator, period) has another article's figure more than 0.5%
    away. With ``units``, the province is the administrative unit of the article's date: old
    and merged Tuyên Quang are two units, whose figures differ without conflicting."""
    groups: dict[tuple[str, str, str], list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        if row["period"] and row["indicator"] != "other":
            unit = (units or {}).get(int(row["fact_id"]))
            where = f"{unit['code']}/{unit['era']}" if unit else row["province"]
            groups[(where, row["indicator"], row["period"])].append(row)
    flagged: set[int] = set()
    for members in groups.values():
        for a in members:
            for b in members:
                if a["doc_rowid"] != b["doc_rowid"] and _differ(a["value"], b["value"]):
                    flagged.add(int(a["fact_id"]))
    return flagged


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > CONFLICT_TOLERANCE * max(abs(a), abs(b), 1e-9)


def _indicator_series(
    conn: sqlite3.Connection,
    name: str,
    names: list[str],
    frame: Timeframe | None = None,
    indicators: list[str] | None = None,
) -> list[dict[str, Any]]:
    """The figures of ``names`` (a province and its predecessors) by indicator, most figures
    first; only ``indicators`` when given (the study-visit brief)."""
    marks = ",".join("?" for _ in names)
    when, params = _frame_sql(conn, frame or Timeframe(), INDICATOR_WHEN)
    where = f"province IN ({marks}) AND {when}"
    params = [*names, *params]
    if indicators is not None:
        where += f" AND indicator IN ({','.join('?' for _ in indicators)})"
        params += indicators
    rows = _indicator_rows(conn, where, params)
    units = fact_units(conn, [int(r["fact_id"]) for r in rows], "province")
    conflicts = _conflicts(rows, units)
    sources = _sources(conn, [int(r["fact_id"]) for r in rows])
    merged = bool(gazetteer.predecessors_of(name)) and gazetteer.provinces()[name].current
    by_indicator: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        unit = units.get(int(row["fact_id"]))
        # a figure of another unit: a predecessor, or the same name before a merger changed it
        other_unit = bool(merged and unit and unit["era"] == ERA_OLD and unit["successor"])
        inherited = row["province"] != name or other_unit
        by_indicator[row["indicator"]].append(
            {
                "period": row["period"],
                "value": row["value"],
                "unit": row["unit"],
                "label": row["label"],
                "qualifier": row["qualifier"],
                "province": row["province"],
                "admin_unit": unit,
                "unit_label": unit_label(unit) if unit else row["province"],
                "inherited": inherited,
                "conflict": int(row["fact_id"]) in conflicts,
                "source": sources.get(int(row["fact_id"])),
            }
        )
    return [
        {"indicator": indicator, "unit": series[0]["unit"], "series": series}
        for indicator, series in sorted(by_indicator.items(), key=lambda kv: -len(kv[1]))
    ]


def fact_units(conn: sqlite3.Connection, fact_ids: list[int], role: str) -> dict[int, Any]:
    """The administrative unit (name, code, era, successor) a fact's ``role`` meant."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(fact_ids, 500):
        marks = ",".join("?" for _ in chunk)
        for row in conn.execute(
            "SELECT fact_id, name, code, era, successor FROM fact_units"
            f" WHERE role = ? AND fact_id IN ({marks})",
            [role, *chunk],
        ):
            found[int(row["fact_id"])] = {
                "name": row["name"],
                "code": row["code"],
                "era": row["era"],
                "successor": row["successor"],
            }
    return found


def unit_label(unit: dict[str, Any]) -> str:
    """ "Hà Giang (cũ)" for a unit the 2025 merger changed, else its name."""
    if unit["era"] == ERA_OLD and unit["successor"]:
        return f"{unit['name']} (cũ)"
    return str(unit["name"])


def _admin_units(conn: sqlite3.Connection, names: list[str]) -> list[dict[str, Any]]:
    """The units whose facts a profile shows, with how many facts each: today's unit, the
    same name before the merger, the units that joined it."""
    marks = ",".join("?" for _ in names)
    rows = conn.execute(
        "SELECT name, code, era, successor, count(DISTINCT fact_id) AS facts FROM fact_units"
        f" WHERE name IN ({marks}) GROUP BY name, code, era, successor"
        " ORDER BY era = '34' DESC, facts DESC, name",
        names,
    ).fetchall()
    return [
        {
            "name": r["name"],
            "code": r["code"],
            "era": r["era"],
            "successor": r["successor"],
            "label": unit_label(dict(r)),
            "facts": int(r["facts"]),
        }
        for r in rows
    ]


def _people_of(
    conn: sqlite3.Connection, names: list[str], frame: Timeframe | None = None
) -> list[dict[str, Any]]:
    """People holding an office of the province, by the articles that say so (in the range:
    an office is placed by its article's publication date)."""
    marks = ",".join("?" for _ in names)
    when, params = _frame_sql(conn, frame or Timeframe(), "o.seen")
    rows = conn.execute(
        "SELECT p.slug, p.name, count(DISTINCT o.doc_rowid) AS documents,"
        " json_group_array(DISTINCT o.title) AS titles"
        f" FROM offices o JOIN people p ON p.id = o.person_id WHERE o.province IN ({marks})"
        f" AND {when} GROUP BY p.id ORDER BY documents DESC, p.name LIMIT ?",
        [*names, *params, LIST_LIMIT],
    ).fetchall()
    return [
        {
            "slug": r["slug"],
            "name": r["name"],
            "titles": json.loads(r["titles"]),
            "documents": int(r["documents"]),
        }
        for r in rows
    ]


def _practices_of(
    conn: sqlite3.Connection, names: list[str], frame: Timeframe | None = None
) -> list[dict[str, Any]]:
    marks = ",".join("?" for _ in names)
    when, params = _frame_sql(conn, frame or Timeframe(), _published_of("practices"))
    rows = conn.execute(
        "SELECT topic, count(*) AS evidence, json_group_array(fact_id) AS facts"
        f" FROM practices WHERE province IN ({marks}) AND {when}"
        " GROUP BY topic ORDER BY evidence DESC, topic",
        [*names, *params],
    ).fetchall()
    wanted = {r["topic"]: json.loads(r["facts"])[:SOURCES_PER_ITEM] for r in rows}
    sources = _sources(conn, [f for facts in wanted.values() for f in facts])
    return [
        {
            "topic": r["topic"],
            "evidence": int(r["evidence"]),
            "sources": [sources[f] for f in wanted[r["topic"]] if f in sources],
        }
        for r in rows
    ]


def _transfers(conn: sqlite3.Connection, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT * FROM transfers WHERE {where} ORDER BY amount DESC LIMIT ?", [*params, LIST_LIMIT]
    ).fetchall()
    sources = _sources(conn, [int(r["fact_id"]) for r in rows])
    return [
        {
            "from": _actor(r["from_kind"], r["from_name"]),
            "to": _actor(r["to_kind"], r["to_name"]),
            "amount": r["amount"],
            "currency": r["currency"],
            "purpose": r["purpose"],
            "source": sources.get(int(r["fact_id"])),
        }
        for r in rows
    ]


# -- practice finder ------------------------------------------------------------------------


def resolve_topic(query: str) -> str | None:
    """A topic id from an id, its slug ("admin-merger") or words ("sáp nhập xã")."""
    cleaned = query.strip()
    if cleaned in TOPICS:
        return cleaned
    if cleaned.replace("-", "_") in TOPICS:
        return cleaned.replace("-", "_")
    words = cleaned.replace("-", " ")
    found = topics_in(words) or topics_in(_with_tones(words))
    return found[0] if found else None


def _with_tones(folded_words: str) -> str:
    """ "sap nhap xa" → the topic keyword it folds to ("sáp nhập xã"), so URLs can be ASCII."""
    target = fold(folded_words)
    for words in TOPIC_WORDS.values():
        for word in words:
            if fold(word) in target:
                return word
    return folded_words


# Indicators (SPEC's table) whose figures support a province's practice on a topic
TOPIC_INDICATORS: dict[str, tuple[str, ...]] = {
    "admin_merger": ("admin_units_reduced", "admin_units", "staff_reduced"),
    "cadre_work": ("staff_reduced",),
    "party_building": ("party_members", "party_organizations"),
    "new_rural": ("ntm_communes", "ntm_advanced_communes", "ntm_model_communes", "ntm_districts"),
    "investment": ("investment_projects", "investment_capital", "fdi_projects", "fdi_capital"),
    "industry": ("fdi_projects", "fdi_capital", "export_value"),
    "foreign_affairs": ("fdi_projects", "fdi_capital", "export_value"),
    "tourism": ("tourism",),
    "disaster": ("disaster_damage", "households_affected"),
    "social_welfare": ("poverty_rate", "houses_built"),
    "housing": ("houses_built",),
}
# Points per piece of evidence: an article with the practice 1, each other province or central
# body praising it 2, each study visit received on the topic 3 (someone came to learn it),
# each supporting figure 1, counted up to SUPPORT_CAP (figures back a practice, not make one)
RANK_WEIGHTS = {"documents": 1, "praised_by": 2, "visits_received": 3, "indicators": 1}
SUPPORT_CAP = 3


def practice_finder(
    store: Store,
    query: str,
    limit: int = 20,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    if not query.strip() or len(query) > 200:
        raise UsageError("give a topic (1 to 200 characters)")
    if not 1 <= limit <= LIST_LIMIT:
        raise UsageError(f"limit must be between 1 and {LIST_LIMIT}")
    frame = Timeframe.parse(since, until)
    topic = resolve_topic(query)
    found = {"query": query, "topic": topic, "topics": list(TOPICS), "timeframe": frame.as_dict()}
    if topic is None:
        return {**found, "provinces": _text_evidence(store, query, limit, frame)}
    ranked = _rank_provinces(store.conn, topic, frame)[:limit]
    return {**found, "weights": {**RANK_WEIGHTS, "support_cap": SUPPORT_CAP}, "provinces": ranked}


def _rank_provinces(conn: sqlite3.Connection, topic: str, frame: Timeframe) -> list[dict[str, Any]]:
    """Who to learn from: every province with a practice of the topic or a study visit received
    on it, scored by ``RANK_WEIGHTS``, with the evidence behind the score (``why``)."""
    practices = _topic_practices(conn, topic, frame)
    visits = _topic_visits(conn, topic, frame)
    support = _topic_support(conn, topic, sorted({*practices, *visits}), frame)
    ranked = []
    for province in sorted({*practices, *visits}):
        done = practices.get(province, {"evidence": 0, "documents": 0, "praised": [], "facts": []})
        came = visits.get(province, {"visits": 0, "visitors": [], "facts": []})
        backing = support.get(province, {"indicators": 0, "indicator_ids": []})
        why = {
            "documents": done["documents"],
            "evidence": done["evidence"],
            "praised_by": done["praised"],
            "visits_received": came["visits"],
            "visitors": came["visitors"],
            "indicators": backing["indicators"],
            "indicator_ids": backing["indicator_ids"],
        }
        ranked.append(
            {
                "province": province,
                "slug": slugify(province),
                "evidence": done["evidence"],
                "documents": done["documents"],
                "praised_by": done["praised"],
                "score": _score(why),
                "why": why,
                "facts": (done["facts"] + came["facts"])[:SOURCES_PER_ITEM],
            }
        )
    ranked.sort(key=_rank_key)
    sources = _sources(conn, [f for item in ranked for f in item["facts"]])
    for item in ranked:
        item["sources"] = [sources[f] for f in item.pop("facts") if f in sources]
    return ranked


def _score(why: dict[str, Any]) -> int:
    return int(
        RANK_WEIGHTS["documents"] * why["documents"]
        + RANK_WEIGHTS["praised_by"] * len(why["praised_by"])
        + RANK_WEIGHTS["visits_received"] * why["visits_received"]
        + RANK_WEIGHTS["indicators"] * min(why["indicators"], SUPPORT_CAP)
    )


def _rank_key(item: dict[str, Any]) -> tuple[Any, ...]:
    why = item["why"]
    return (
        -item["score"],
        -why["visits_received"],
        -len(why["praised_by"]),
        -why["documents"],
        item["province"],
    )


def _topic_practices(
    conn: sqlite3.Connection, topic: str, frame: Timeframe
) -> dict[str, dict[str, Any]]:
    """Per province: practice facts on the topic, their articles, who praised them (not the
    province itself) and their fact ids, in the range (by article publication date)."""
    when, params = _frame_sql(conn, frame, _published_of("practices"))
    rows = conn.execute(
        "SELECT province, count(*) AS evidence, count(DISTINCT doc_rowid) AS documents,"
        " json_group_array(DISTINCT praised_by) AS praised, json_group_array(fact_id) AS facts"
        f" FROM practices WHERE topic = ? AND {when} GROUP BY province",
        [topic, *params],
    ).fetchall()
    return {
        r["province"]: {
            "evidence": int(r["evidence"]),
            "documents": int(r["documents"]),
            "praised": sorted(p for p in json.loads(r["praised"]) if p and p != r["province"]),
            "facts": sorted(json.loads(r["facts"])),
        }
        for r in rows
    }


def _topic_visits(
    conn: sqlite3.Connection, topic: str, frame: Timeframe
) -> dict[str, dict[str, Any]]:
    """Per host province: study visits received with the topic among the visit's topics (by
    others), their visitors (most visits first) and source fact ids, in the range."""
    when, params = _frame_sql(conn, frame, VISIT_WHEN)
    rows = conn.execute(
        "SELECT visits.id, visitor, host, (SELECT min(fact_id) FROM visit_sources"
        " WHERE visit_id = visits.id) AS fact FROM visits WHERE host_kind = 'province'"
        " AND visitor != host AND EXISTS (SELECT 1 FROM json_each(visits.topics)"
        f" WHERE json_each.value = ?) AND {when} ORDER BY visits.id",
        [topic, *params],
    ).fetchall()
    found: dict[str, dict[str, Any]] = {}
    for r in rows:
        item = found.setdefault(r["host"], {"visits": 0, "by": defaultdict(int), "facts": []})
        item["visits"] += 1
        item["by"][r["visitor"]] += 1
        if r["fact"] is not None:
            item["facts"].append(int(r["fact"]))
    for item in found.values():
        by = item.pop("by")
        item["visitors"] = sorted(by, key=lambda name: (-by[name], name))
    return found


def _topic_support(
    conn: sqlite3.Connection, topic: str, provinces: list[str], frame: Timeframe
) -> dict[str, dict[str, Any]]:
    """Per province: its figures of the topic's indicators (``TOPIC_INDICATORS``), in the range
    (an indicator placed by its period)."""
    indicators = TOPIC_INDICATORS.get(topic, ())
    if not indicators or not provinces:
        return {}
    when, params = _frame_sql(conn, frame, INDICATOR_WHEN)
    rows = conn.execute(
        "SELECT province, count(*) AS n, json_group_array(DISTINCT indicator) AS ids"
        f" FROM indicators WHERE scope IS NULL AND indicator IN ({_marks(indicators)})"
        f" AND province IN ({_marks(provinces)}) AND {when} GROUP BY province",
        [*indicators, *provinces, *params],
    ).fetchall()
    return {
        r["province"]: {"indicators": int(r["n"]), "indicator_ids": sorted(json.loads(r["ids"]))}
        for r in rows
    }


def _marks(items: Any) -> str:
    return ",".join("?" for _ in items)


TEXT_EVIDENCE_HITS = 2000


def _text_evidence(
    store: Store, query: str, limit: int, frame: Timeframe | None = None
) -> list[dict[str, Any]]:
    """Free text that names no topic ("nhà ở xã hội 100 triệu"): provinces ranked by the
    articles that match it and name them (published in the range), each with the matching
    passages."""
    from cachlamhay.kb import _phrase_pattern, fts_expression, parse_query, snippet

    phrases = parse_query(query)
    conn = store.conn
    when, params = _frame_sql(
        conn,
        frame or Timeframe(),
        "(SELECT published FROM documents WHERE documents.rowid = documents_fts.rowid)",
    )
    rows = conn.execute(
        "SELECT m.name, count(DISTINCT m.doc_rowid) AS documents,"
        " json_group_array(DISTINCT m.doc_rowid) AS docs FROM mentions m"
        " WHERE m.kind = 'province' AND m.doc_rowid IN (SELECT rowid FROM documents_fts"
        f" WHERE documents_fts MATCH ? AND {when} ORDER BY bm25(documents_fts, 4.0, 1.0) LIMIT ?)"
        " GROUP BY m.name ORDER BY documents DESC, m.name LIMIT ?",
        (fts_expression(phrases), *params, TEXT_EVIDENCE_HITS, limit),
    ).fetchall()
    wanted = {r["name"]: json.loads(r["docs"])[:SOURCES_PER_ITEM] for r in rows}
    docs = store.documents_by_rowid(sorted({d for ids in wanted.values() for d in ids}))
    pattern = _phrase_pattern(phrases)
    found = []
    for row in rows:
        sources = []
        for rowid in wanted[row["name"]]:
            doc = docs[rowid]
            passage = snippet(doc["text"], pattern)
            sources.append(
                {
                    "doc_id": doc["id"],
                    "title": doc["title"],
                    "source": doc["source"],
                    "published": doc["published"],
                    "fact_id": None,
                    "start": passage["offset"],
                    "end": passage["offset"] + len(passage["text"]),
                    "sentence": passage["text"],
                }
            )
        found.append(
            {
                "province": row["name"],
                "slug": slugify(row["name"]),
                "evidence": int(row["documents"]),
                "documents": int(row["documents"]),
                "praised_by": [],
                "score": int(row["documents"]),
                "why": {"documents": int(row["documents"])},
                "sources": sources,
            }
        )
    return found


# -- indicator comparison -------------------------------------------------------------------


def compare_indicator(
    store: Store, indicator: str, provinces: list[str] | None = None
) -> dict[str, Any]:
    if indicator not in INDICATORS:
        raise NotFoundError(f"no indicator {indicator!r} (known: {', '.join(INDICATORS)})")
    params: list[Any] = [indicator]
    where = "indicator = ?"
    if provinces:
        names = [resolve_province(p) for p in provinces]
        where += f" AND province IN ({','.join('?' for _ in names)})"
        params += names
    rows = _indicator_rows(store.conn, where, params)
    conflicts = _conflicts(rows)
    sources = _sources(store.conn, [int(r["fact_id"]) for r in rows])
    out = [
        {
            "province": r["province"],
            "slug": slugify(r["province"]),
            "period": r["period"],
            "value": r["value"],
            "unit": r["unit"],
            "qualifier": r["qualifier"],
            "conflict": int(r["fact_id"]) in conflicts,
            "source": sources.get(int(r["fact_id"])),
        }
        for r in rows
    ]
    return {
        "indicator": indicator,
        "periods": sorted({r["period"] for r in out if r["period"]}),
        "provinces": sorted({r["province"] for r in out}),
        "rows": out,
    }


# -- visit network --------------------------------------------------------------------------


def _check_year(year: str | None) -> None:
    if year is not None and not re.fullmatch(r"\d{4}", year):
        raise UsageError("year must be four digits")


def visit_network(
    store: Store,
    year: str | None = None,
    purpose: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    _check_year(year)
    frame = Timeframe.parse(since, until)
    conn = store.conn
    when, params = _frame_sql(conn, frame, VISIT_WHEN)
    where = [when]
    if year:
        where.append("year = ?")
        params.append(year)
    if purpose:
        where.append("purpose = ?")
        params.append(purpose)
    rows = conn.execute(
        "SELECT visitor_kind, visitor, host_kind, host, json_group_array(id) AS ids, count(*) AS n"
        f" FROM visits WHERE {' AND '.join(where)} GROUP BY visitor_kind, visitor, host_kind, host"
        " ORDER BY n DESC, visitor, host",
        params,
    ).fetchall()
    units = gazetteer.provinces()
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in rows:
        for kind, name, role in (
            (r["visitor_kind"], r["visitor"], "made"),
            (r["host_kind"], r["host"], "received"),
        ):
            node = nodes.setdefault(
                name,
                {
                    "name": name,
                    "slug": slugify(name) if kind == "province" else None,
                    "kind": kind,
                    "latitude": units[name].latitude
                    if kind == "province" and name in units
                    else None,
                    "longitude": units[name].longitude
                    if kind == "province" and name in units
                    else None,
                    "made": 0,
                    "received": 0,
                },
            )
            node[role] += int(r["n"])
        edges.append(
            {
                "source": r["visitor"],
                "target": r["host"],
                "visits": int(r["n"]),
                "visit_ids": json.loads(r["ids"])[:50],
            }
        )
    years = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT year FROM visits WHERE year IS NOT NULL ORDER BY year"
        )
    ]
    purposes = [r[0] for r in conn.execute("SELECT DISTINCT purpose FROM visits ORDER BY purpose")]
    return {
        "nodes": list(nodes.values()),
        "edges": edges,
        "years": years,
        "purposes": purposes,
        "timeframe": frame.as_dict(),
    }


# -- person ---------------------------------------------------------------------------------


def resolve_person(store: Store, name_or_slug: str) -> sqlite3.Row:
    row: sqlite3.Row | None = store.conn.execute(
        "SELECT * FROM people WHERE slug = ?", (slugify(name_or_slug),)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no person {name_or_slug!r}")
    return row


def person_page(store: Store, name_or_slug: str) -> dict[str, Any]:
    person = resolve_person(store, name_or_slug)
    conn = store.conn
    rows = conn.execute(
        "SELECT title, min(seen) AS first_seen, max(seen) AS last_seen,"
        " count(DISTINCT doc_rowid) AS documents, json_group_array(fact_id) AS facts,"
        " min(id) AS first_id FROM offices WHERE person_id = ? GROUP BY title"
        " ORDER BY coalesce(first_seen, ''), first_id",
        (person["id"],),
    ).fetchall()
    wanted = {r["title"]: json.loads(r["facts"])[:SOURCES_PER_ITEM] for r in rows}
    sources = _sources(conn, [f for facts in wanted.values() for f in facts])
    return {
        "person": {"slug": person["slug"], "name": person["name"], "province": person["province"]},
        "offices": [
            {
                "title": r["title"],
                "first_seen": r["first_seen"],
                "last_seen": r["last_seen"],
                "documents": int(r["documents"]),
                "sources": [sources[f] for f in wanted[r["title"]] if f in sources],
            }
            for r in rows
        ],
        "visits_led": _visits(conn, "leader = ?", [person["name"]]),
    }


# -- article --------------------------------------------------------------------------------


def article(store: Store, doc_id: str) -> dict[str, Any]:
    doc = store.get_document(doc_id)
    facts = []
    for fact in store.facts_of(doc_id):
        summary, link = _fact_summary(fact["type"], fact["data"])
        facts.append(
            {
                "fact_id": fact.get("id"),
                "type": fact["type"],
                "start": fact["start"],
                "end": fact["end"],
                "summary": summary,
                "link": link,
            }
        )
    return {
        "doc": {k: doc[k] for k in ("id", "title", "source", "published", "url", "text")},
        "facts": facts,
        "cluster": [d for d in store.cluster_members(doc["cluster_id"]) if d != doc_id],
    }


def _fact_summary(kind: str, data: dict[str, Any]) -> tuple[str, str | None]:
    if kind == "visit":
        summary = f"{data['visitor']['name']} → {data['host']['name']} ({data.get('date') or '?'})"
        host = data["host"]
        return summary, f"/province/{slugify(host['name'])}" if host["kind"] == "province" else None
    if kind == "person":
        return (
            f"{data['name']}: {', '.join(data.get('titles') or [])}",
            f"/person/{slugify(data['name'])}",
        )
    if kind == "indicator":
        summary = (
            f"{data['province']} {data['indicator']} = {data['value']:g} {data.get('unit') or ''}"
        )
        return summary.strip(), f"/compare/{data['indicator']}"
    if kind == "transfer":
        amount = f"{data.get('amount') or 0:g} {data.get('currency') or ''}"
        summary = f"{data['from']['name']} → {data['to']['name']}: {amount}"
        target = data["to"]
        return summary, f"/province/{slugify(target['name'])}" if target[
            "kind"
        ] == "province" else None
    if kind == "practice":
        return f"{data['province']}: {data['topic']}", f"/practices/{data['topic']}"
    return kind, None


# -- overview -------------------------------------------------------------------------------


def topic_counts(store: Store) -> list[dict[str, Any]]:
    """Every practice topic with how many provinces and facts show it, most evidence first."""
    rows = store.conn.execute(
        "SELECT topic, count(DISTINCT province) AS provinces, count(*) AS evidence FROM practices"
        " GROUP BY topic ORDER BY evidence DESC"
    ).fetchall()
    return [dict(r) for r in rows]


# Visits made and received per province, as (name, n) rows to be summed by name
_PROVINCE_VISITS = (
    "SELECT visitor AS name, count(*) AS n FROM visits WHERE visitor_kind = 'province'"
    " GROUP BY visitor"
    " UNION ALL SELECT host, count(*) FROM visits WHERE host_kind = 'province' GROUP BY host"
)


def provinces_with_facts(store: Store) -> list[str]:
    """Every province that visited, was visited or has an indicator, busiest first."""
    rows = store.conn.execute(
        f"SELECT name, sum(n) AS n FROM ({_PROVINCE_VISITS}"
        " UNION ALL SELECT province, count(*) FROM indicators GROUP BY province)"
        " GROUP BY name ORDER BY n DESC, name"
    ).fetchall()
    return [str(r["name"]) for r in rows if r["name"]]


def overview(store: Store) -> dict[str, Any]:
    from cachlamhay.kb import stats

    conn = store.conn
    provinces = conn.execute(
        f"SELECT name, sum(n) AS visits FROM ({_PROVINCE_VISITS})"
        " GROUP BY name ORDER BY visits DESC LIMIT 20"
    ).fetchall()
    return {
        "stats": stats(store),
        "provinces": [
            {"name": r["name"], "slug": slugify(r["name"]), "visits": int(r["visits"])}
            for r in provinces
        ],
        "recent_visits": _visits(conn, "1 = 1", [])[:20],
        "topics": topic_counts(store),
    }


# -- faceted search -------------------------------------------------------------------------

FACET_LIMIT = 15
MAX_FACETED_HITS = 20_000  # facets are counted over the best-ranked hits up to this many


def search_faceted(
    store: Store,
    q: str,
    limit: int = 10,
    offset: int = 0,
    province: str | None = None,
    source: str | None = None,
    year: str | None = None,
    fact_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Full-text search (diacritics ignored) narrowed by facets and by publication date (the
    range ``since``..``until``), with the facet counts of the narrowed hits: provinces
    mentioned, sources, publication years, fact types."""
    from cachlamhay.kb import MAX_LIMIT, _phrase_pattern, fts_expression, parse_query, snippet

    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, offset not negative")
    _check_year(year)
    frame = Timeframe.parse(since, until)
    phrases = parse_query(q)
    where, params = _facet_filters(province, source, year, fact_type)
    conn = store.conn
    when, frame_params = _frame_sql(conn, frame, "d.published")
    where, params = f"{where} AND {when}", [*params, *frame_params]
    try:
        # documents are joined only to filter on their columns: their rows are large
        join = " JOIN documents d ON d.rowid = h.rowid" if source or year or frame.active else ""
        hits = conn.execute(
            "SELECT h.rowid FROM (SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score"
            f" FROM documents_fts WHERE documents_fts MATCH ?) h{join} WHERE {where}"
            " ORDER BY h.score, h.rowid LIMIT ?",
            [fts_expression(phrases), *params, MAX_FACETED_HITS],
        ).fetchall()
    except sqlite3.OperationalError as error:
        raise UsageError(f"search failed: {error}") from None
    rowids = [int(r[0]) for r in hits]
    page = rowids[offset : offset + limit]
    docs = store.documents_by_rowid(page)
    pattern = _phrase_pattern(phrases)
    results = [
        {
            "id": docs[r]["id"],
            "title": docs[r]["title"],
            "source": docs[r]["source"],
            "published": docs[r]["published"],
            "cluster_id": docs[r]["cluster_id"],
            "snippet": snippet(docs[r]["text"], pattern),
        }
        for r in page
    ]
    return {
        "query": q,
        "total": len(rowids),
        "results": results,
        "filters": {"province": province, "source": source, "year": year, "fact_type": fact_type},
        "timeframe": frame.as_dict(),
        "facets": _facets(conn, rowids),
    }


def _facet_filters(
    province: str | None, source: str | None, year: str | None, fact_type: str | None
) -> tuple[str, list[Any]]:
    where, params = ["1 = 1"], []
    if province:
        where.append(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_rowid = h.rowid"
            " AND m.kind = 'province' AND m.name = ?)"
        )
        params.append(resolve_province(province))
    if source:
        where.append("d.source = ?")
        params.append(source)
    if year:
        where.append("substr(d.published, 1, 4) = ?")
        params.append(year)
    if fact_type:
        where.append("EXISTS (SELECT 1 FROM facts f WHERE f.doc_rowid = h.rowid AND f.type = ?)")
        params.append(fact_type)
    return " AND ".join(where), params


def _facets(conn: sqlite3.Connection, rowids: list[int]) -> dict[str, dict[str, int]]:
    ids = json.dumps(rowids)
    queries_by_facet = {
        "province": "SELECT m.name, count(DISTINCT m.doc_rowid) FROM mentions m"
        " WHERE m.kind = 'province' AND m.doc_rowid IN (SELECT value FROM json_each(?))"
        " GROUP BY m.name",
        "source": "SELECT coalesce(d.source, ''), count(*) FROM documents d"
        " WHERE d.rowid IN (SELECT value FROM json_each(?)) GROUP BY 1",
        "year": "SELECT coalesce(substr(d.published, 1, 4), ''), count(*) FROM documents d"
        " WHERE d.rowid IN (SELECT value FROM json_each(?)) GROUP BY 1",
        "fact_type": "SELECT f.type, count(DISTINCT f.doc_rowid) FROM facts f"
        " WHERE f.doc_rowid IN (SELECT value FROM json_each(?)) GROUP BY f.type",
    }
    facets = {}
    for facet, sql in queries_by_facet.items():
        counts = [(str(k), int(n)) for k, n in conn.execute(sql, (ids,)) if k]
        counts.sort(key=lambda kv: (-kv[1], kv[0]))
        facets[facet] = dict(counts[:FACET_LIMIT])
    return facets
