"""From the dicts of ``kb.queries`` to what the templates draw: charts, CSV rows, URL pieces.

Nothing here touches the database; each function takes one query result (the JSON twin of the
page) and returns SVG ``Markup`` or plain values.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

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


def download_name(indicator: str) -> str:
    """A safe file name for ``Content-Disposition``."""
    return (re.sub(r"[^A-Za-z0-9_.-]+", "-", indicator).strip("-.") or "indicator")[:80] + ".csv"


def safe_external(url: Any) -> str | None:
    """The article's original address, only when it is plain http(s)."""
    if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url):
        return url
    return None
