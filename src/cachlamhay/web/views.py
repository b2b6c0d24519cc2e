"""From the dicts of ``kb.queries`` to what the templates draw: charts, CSV rows, URL pieces.

Nothing here touches the database; each function takes one query result (the JSON twin of the
page) and returns SVG ``Markup`` or plain values.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from cachlamhay.web import charts

CSV_COLUMNS = (
    "province",
    "slug",
    "period",
    "value",
    "unit",
    "qualifier",
    "conflict",
    "doc_id",
    "fact_id",
    "sentence",
)
UNDATED = "?"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def indicator_chart(indicator: Mapping[str, Any], title: str = "") -> Markup:
    """One province indicator (``profile["indicators"][i]``) as a small line chart."""
    points = [
        charts.ChartPoint(
            label=UNDATED if item.get("period") is None else str(item["period"]),
            value=float(item["value"]),
            conflict=bool(item.get("conflict")),
            inherited=bool(item.get("inherited")),
            note=str(item.get("unit_label") or item.get("province") or "")
            if item.get("inherited")
            else "",
            dated=item.get("period") is not None,
        )
        for item in indicator.get("series", [])
        if _is_number(item.get("value"))
    ]
    points.sort(key=lambda p: not p.dated)  # undated figures at the right end
    return charts.line_chart(points, title=title or str(indicator.get("indicator", "")))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def compare_chart(data: Mapping[str, Any]) -> Markup:
    """``compare_indicator`` result as bars: periods on the x axis (undated figures under "?"),
    one colour per province."""
    rows = data.get("rows", [])
    periods = [str(p) for p in data.get("periods", [])]
    if any(row.get("period") is None for row in rows):
        periods.append(UNDATED)
    index = {p: i for i, p in enumerate(periods)}
    provinces = [str(p) for p in data.get("provinces", [])]
    values: dict[str, list[float | None]] = {p: [None] * len(periods) for p in provinces}
    conflicts: dict[str, set[int]] = {p: set() for p in provinces}
    for row in rows:
        period = UNDATED if row.get("period") is None else str(row["period"])
        province = str(row.get("province"))
        if province not in values or period not in index or not _is_number(row.get("value")):
            continue
        slot = index[period]
        if values[province][slot] is None:
            values[province][slot] = float(row["value"])
        if row.get("conflict"):
            conflicts[province].add(slot)
    series = [charts.Series(p, values[p], frozenset(conflicts[p])) for p in provinces]
    return charts.grouped_chart(periods, series, title=str(data.get("indicator", "")))


def network_svg(
    data: Mapping[str, Any], background: Iterable[tuple[float, float]] = (), title: str = ""
) -> Markup:
    """``visit_network`` result as the map of Vietnam with arrows for visits."""
    nodes = [
        charts.MapNode(
            name=str(node["name"]),
            latitude=_coordinate(node.get("latitude")),
            longitude=_coordinate(node.get("longitude")),
            made=int(node.get("made") or 0),
            received=int(node.get("received") or 0),
            href=f"/province/{node['slug']}" if node.get("slug") else None,
        )
        for node in data.get("nodes", [])
    ]
    edges = [
        charts.MapEdge(str(e["source"]), str(e["target"]), int(e.get("visits") or 1))
        for e in data.get("edges", [])
    ]
    return charts.network_map(nodes, edges, background=list(background), title=title)


def visit_timeline_chart(
    timeline: Iterable[Mapping[str, Any]], made: str, received: str, title: str = ""
) -> Markup:
    """``profile["visit_timeline"]`` as bars per year: visits made and received (the two
    labels in the page's language); years without a visit of a kind get no bar."""
    rows = list(timeline)
    years = [str(row["year"]) for row in rows]
    series = [
        charts.Series(label, [float(row[key]) if row.get(key) else None for row in rows])
        for key, label in (("made", made), ("received", received))
    ]
    return charts.grouped_chart(years, series, title=title, height=170, counts=True)


def range_query(timeframe: Mapping[str, Any] | None, lead: str = "?") -> str:
    """The applied range as a query string to carry on links ("?since=2016&until=2020", or
    "" without a range); ``lead`` "&" to append it to a query."""
    params = [(key, str(value)) for key, value in (timeframe or {}).items() if value]
    return lead + urlencode(params) if params else ""


def why_line(why: Mapping[str, Any], t: Callable[[str], str]) -> str:
    """Why a province ranks where it does, in words: "4 articles · praised by Hậu Giang ·
    2 study visits received (Hậu Giang) · 1 supporting figure (admin_units_reduced)"."""
    parts = []
    if why.get("documents"):
        parts.append(_counted(int(why["documents"]), "why_article", t))
    if why.get("praised_by"):
        parts.append(f"{t('why_praised')} {', '.join(why['praised_by'])}")
    if why.get("visits_received"):
        visitors = ", ".join(why.get("visitors") or [])
        parts.append(_counted(int(why["visits_received"]), "why_visit", t) + f" ({visitors})")
    if why.get("indicators"):
        ids = ", ".join(why.get("indicator_ids") or [])
        parts.append(_counted(int(why["indicators"]), "why_figure", t) + f" ({ids})")
    return " · ".join(parts)


def _counted(n: int, key: str, t: Callable[[str], str]) -> str:
    """ "1 article", "4 articles": ``key`` for one, ``key`` + "s" for more."""
    return f"{n} {t(key if n == 1 else key + 's')}"


def _coordinate(value: Any) -> float | None:
    return float(value) if _is_number(value) else None


def _cell(value: Any) -> Any:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def compare_csv(data: Mapping[str, Any]) -> str:
    """The comparison rows as CSV, one line per figure, with its source."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in data.get("rows", []):
        source = row.get("source") or {}
        cells = [
            row.get("province"),
            row.get("slug"),
            row.get("period"),
            row.get("value"),
            row.get("unit"),
            row.get("qualifier"),
            "true" if row.get("conflict") else "false",
            source.get("doc_id"),
            source.get("fact_id"),
            source.get("sentence"),
        ]
        writer.writerow([_cell(c) for c in cells])
    return out.getvalue()


def csv_value(value: Any) -> str:
    """A JSON value as its CSV cell: booleans "true"/"false", None empty, formulas defused."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(_cell(value))


# A byte order mark first: Excel opens a CSV without one in the system's legacy code page
# (Windows-1252/1258 on Vietnamese machines) and garbles every tone mark; with it, it reads
# UTF-8. Python's csv, LibreOffice and pandas (encoding="utf-8-sig") read it fine.
BOM = "\ufeff"


def table_csv(data: Mapping[str, Any]) -> str:
    """A ``province_table`` download: its columns as the header, one line per row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = list(data.get("columns", []))
    writer.writerow(columns)
    for row in data.get("rows", []):
        writer.writerow([csv_value(row.get(column)) for column in columns])
    return BOM + out.getvalue()


def download_name(stem: str, extension: str = "csv") -> str:
    """A safe file name for ``Content-Disposition``."""
    return (
        (re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "indicator")[:80] + "." + extension
    )


def safe_external(url: Any) -> str | None:
    """The article's original address, only when it is plain http(s)."""
    if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url):
        return url
    return None
