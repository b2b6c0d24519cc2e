"""Charts as inline SVG, drawn on the server: no script, no external asset, no inline style.

Pure functions from plain data to ``Markup`` (an SVG string safe to embed in a page): every
piece of text that reaches the SVG goes through ``markupsafe.escape``. Only presentation
attributes are used (``fill``, ``stroke``...), never ``style=``, so the pages work under a strict
Content-Security-Policy. Colours come from classes in ``static/style.css`` where they carry
meaning (conflicting, inherited) and from a fixed palette for series.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)

# Mainland Vietnam with a margin (degrees); equirectangular, x scaled by cos(mid latitude).
VN_LAT = (8.2, 23.6)
VN_LON = (102.0, 110.0)


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One figure of a line chart: its x label (a period), value and how to mark it."""

    label: str
    value: float
    conflict: bool = False
    inherited: bool = False
    note: str = ""  # tooltip text
    dated: bool = True  # False: the figure has no period (label "?"), kept off the line


@dataclass(frozen=True, slots=True)
class Series:
    """One coloured series of a grouped chart; ``values[i]`` belongs to ``periods[i]``."""

    name: str
    values: Sequence[float | None]
    conflicts: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class MapNode:
    name: str
    latitude: float | None = None
    longitude: float | None = None
    made: int = 0
    received: int = 0
    href: str | None = None


@dataclass(frozen=True, slots=True)
class MapEdge:
    source: str
    target: str
    visits: int = 1


def format_value(value: float) -> str:
    """A compact axis label: 1234 → "1.23k", 5.77e13 → "57.7T", 6.0 → "6"."""
    magnitude = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def _svg(width: float, height: float, label: str, body: list[str], css: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css}" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, content: str, anchor: str = "middle", css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(content)}</text>'


def _range(values: Sequence[float], include_zero: bool) -> tuple[float, float]:
    low, high = min(values), max(values)
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if low == high:
        pad = abs(low) * 0.1 or 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.08
    bottom = low if include_zero and low == 0 else low - pad
    if low >= 0 > bottom:  # counts and amounts never go below zero
        bottom = 0.0
    return bottom, high + pad


def _y_axis(low: float, high: float, y_of: Scale, x0: float, x1: float) -> list[str]:
    parts = []
    for i in range(3):
        value = low + (high - low) * i / 2
        y = y_of(value)
        parts.append(f'<line class="grid" x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}"/>')
        parts.append(_text(x0 - 4, y + 4, format_value(value), anchor="end", css="axis"))
    return parts


class Scale:
    """Linear map from a data interval to a pixel interval."""

    def __init__(self, domain: tuple[float, float], pixels: tuple[float, float]) -> None:
        self.domain = domain
        self.pixels = pixels

    def __call__(self, value: float) -> float:
        (d0, d1), (p0, p1) = self.domain, self.pixels
        return p0 + (value - d0) / (d1 - d0) * (p1 - p0)


def _x_labels(labels: Sequence[str], x_of: dict[str, float], y: float) -> list[str]:
    step = max(1, math.ceil(len(labels) / 8))
    return [_text(x_of[label], y, label, css="axis") for label in labels[::step]]


def _point(x: float, y: float, point: ChartPoint) -> str:
    classes = ["pt"]
    if point.conflict:
        classes.append("conflict")
    if point.inherited:
        classes.append("inherited")
    tip = f"{point.label}: {format_value(point.value)}"
    if point.note:
        tip += f" — {point.note}"
    radius = 5 if point.conflict else 4
    return (
        f'<circle class="{" ".join(classes)}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}">'
        f"<title>{escape(tip)}</title></circle>"
    )


def line_chart(
    points: Sequence[ChartPoint], *, title: str = "", width: int = 360, height: int = 180
) -> Markup:
    """Points over their x labels (in order of first appearance), joined by a line through the
    first figure of each dated label; conflicting and inherited figures get their own classes."""
    if not points:
        return _svg(width, 40, title, [_text(width / 2, 24, "—")], "line empty")
    left, right, top, bottom = 52.0, 12.0, 12.0, 30.0
    labels = list(dict.fromkeys(p.label for p in points))
    inset = 30.0  # room for the first and last x labels
    span = width - left - right - 2 * inset
    x_of = {
        label: left + inset + (span / 2 if len(labels) == 1 else span * i / (len(labels) - 1))
        for i, label in enumerate(labels)
    }
    low, high = _range([p.value for p in points], include_zero=False)
    y_of = Scale((low, high), (height - bottom, top))
    body = _y_axis(low, high, y_of, left, width - right)
    firsts: dict[str, float] = {}
    for p in points:
        if p.dated:
            firsts.setdefault(p.label, p.value)
    line = " ".join(f"{x_of[label]:.1f},{y_of(value):.1f}" for label, value in firsts.items())
    if len(firsts) > 1:
        body.append(f'<polyline class="line" fill="none" points="{line}"/>')
    body.extend(_point(x_of[p.label], y_of(p.value), p) for p in points)
    body.extend(_x_labels(labels, x_of, height - 10))
    return _svg(width, height, title, body, "line")


def _bar(x: float, width: float, y0: float, y1: float, color: str, tip: str, flag: bool) -> str:
    top, size = min(y0, y1), max(abs(y1 - y0), 1.0)
    klass = "bar conflict" if flag else "bar"
    return (
        f'<rect class="{klass}" x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{size:.1f}" '
        f'fill="{color}"><title>{escape(tip)}</title></rect>'
    )


def _legend(series: Sequence[Series], y: float, width: float) -> list[str]:
    parts, x = [], 8.0
    for i, item in enumerate(series):
        label_width = 14 + 7 * len(item.name)
        if x + label_width > width and x > 8:
            x, y = 8.0, y + 16
        color = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{color}"/>')
        parts.append(_text(x + 14, y, item.name, anchor="start", css="legend"))
        x += label_width + 12
    return parts


def _legend_rows(series: Sequence[Series], width: float) -> int:
    rows, x = 1, 8.0
    for item in series:
        label_width = 14 + 7 * len(item.name)
        if x + label_width > width and x > 8:
            rows, x = rows + 1, 8.0
        x += label_width + 12
    return rows


def _count_range(values: Sequence[float]) -> tuple[float, float]:
    """0 to an even whole number, so the three axis labels of counts are whole numbers."""
    top = max(2, math.ceil(max(values)))
    return 0.0, float(top + top % 2)


def grouped_chart(
    periods: Sequence[str],
    series: Sequence[Series],
    *,
    title: str = "",
    height: int = 260,
    counts: bool = False,
) -> Markup:
    """Bars grouped by period, one colour per series (province), with a legend below;
    ``counts``: the values are counts (the axis from 0, labelled in whole numbers)."""
    values = [v for s in series for v in s.values if v is not None]
    if not periods or not values:
        return _svg(360, 40, title, [_text(180, 24, "—")], "grouped empty")
    left, right, top = 52.0, 12.0, 12.0
    bar = max(3.0, min(22.0, 640 / (len(periods) * (len(series) + 1))))
    group = bar * (len(series) + 1)
    width = max(360.0, left + right + group * len(periods))
    legend_rows = _legend_rows(series, width)
    plot_bottom = height - 26.0
    total_height = height + 16.0 * legend_rows
    low, high = _count_range(values) if counts else _range(values, include_zero=True)
    y_of = Scale((low, high), (plot_bottom, top))
    body = _y_axis(low, high, y_of, left, width - right)
    for g, period in enumerate(periods):
        x0 = left + g * group + bar / 2
        for i, item in enumerate(series):
            value = item.values[g] if g < len(item.values) else None
            if value is None:
                continue
            tip = f"{item.name} · {period}: {format_value(value)}"
            color = PALETTE[i % len(PALETTE)]
            flag = g in item.conflicts
            body.append(_bar(x0 + i * bar, bar * 0.9, y_of(0.0), y_of(value), color, tip, flag))
        body.append(_text(x0 + group / 2 - bar / 2, plot_bottom + 16, period, css="axis"))
    body.extend(_legend(series, height + 4.0, width))
    return _svg(width, total_height, title, body, "grouped")


class Projection:
    """Equirectangular projection of Vietnam's bounding box onto ``height`` pixels."""

    def __init__(self, height: float, margin: float = 16.0) -> None:
        self.margin = margin
        self.scale = (height - 2 * margin) / (VN_LAT[1] - VN_LAT[0])
        self.x_scale = self.scale * math.cos(math.radians(sum(VN_LAT) / 2))
        self.width = 2 * margin + (VN_LON[1] - VN_LON[0]) * self.x_scale

    def __call__(self, latitude: float, longitude: float) -> tuple[float, float]:
        x = self.margin + (longitude - VN_LON[0]) * self.x_scale
        y = self.margin + (VN_LAT[1] - latitude) * self.scale
        return x, y


def _radius(node: MapNode) -> float:
    return 3.0 + math.sqrt(node.made + node.received) * 1.6


COLUMN_WIDTH = 220.0
ROW_HEIGHT = 22.0


def _rows_per_column(height: float) -> int:
    return max(1, int((height - 56.0) // ROW_HEIGHT))


def _positions(
    nodes: Sequence[MapNode], project: Projection, column_x: float, height: float
) -> dict[str, tuple[float, float]]:
    """Where each node goes: its coordinates, or a row in the side columns when it has none
    (a new column when one is full, so no node falls below the map)."""
    placed: dict[str, tuple[float, float]] = {}
    per_column = _rows_per_column(height)
    row = 0
    for node in nodes:
        if node.latitude is not None and node.longitude is not None:
            placed[node.name] = project(node.latitude, node.longitude)
        else:
            column, line = divmod(row, per_column)
            placed[node.name] = (column_x + COLUMN_WIDTH * column, 40.0 + ROW_HEIGHT * line)
            row += 1
    return placed


def _edge_path(start: tuple[float, float], end: tuple[float, float], gap: float) -> str:
    """A slightly curved path (so A→B and B→A do not overlap), stopping ``gap`` short."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    x2, y2 = x2 - ux * gap, y2 - uy * gap
    cx, cy = (x1 + x2) / 2 - uy * length * 0.12, (y1 + y2) / 2 + ux * length * 0.12
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def _edge(edge: MapEdge, placed: dict[str, tuple[float, float]], gap: float) -> str:
    stroke = min(1.0 + 1.2 * edge.visits, 8.0)
    tip = f"{edge.source} → {edge.target}: {edge.visits}"
    return (
        f'<path class="edge" fill="none" stroke-width="{stroke:.1f}" marker-end="url(#arrow)" '
        f'd="{_edge_path(placed[edge.source], placed[edge.target], gap)}">'
        f"<title>{escape(tip)}</title></path>"
    )


def _node(node: MapNode, x: float, y: float, labelled: bool) -> str:
    klass = "node active" if node.made or node.received else "node"
    tip = f"{node.name}: ↗{node.made} ↘{node.received}"
    dot = (
        f'<circle class="{klass}" cx="{x:.1f}" cy="{y:.1f}" r="{_radius(node):.1f}">'
        f"<title>{escape(tip)}</title></circle>"
    )
    if labelled:
        dot += _text(x + _radius(node) + 2, y + 4, node.name, anchor="start", css="label")
    if node.href:
        return f'<a href="{escape(node.href)}">{dot}</a>'
    return dot


def network_map(
    nodes: Sequence[MapNode],
    edges: Sequence[MapEdge],
    *,
    background: Sequence[tuple[float, float]] = (),
    title: str = "",
    height: int = 640,
) -> Markup:
    """Provinces as dots at their coordinates, visits as arrows whose width grows with the
    count; nodes without coordinates (central bodies, foreign partners) in a side column.
    ``background`` (latitude, longitude) pairs are drawn as faint dots (all provinces)."""
    project = Projection(height)
    column_x = project.width + 24.0
    unplaced = sum(1 for n in nodes if n.latitude is None or n.longitude is None)
    columns = -(-unplaced // _rows_per_column(height))  # ceiling
    width = project.width + COLUMN_WIDTH * columns
    placed = _positions(nodes, project, column_x, height)
    body = [
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse"><path class="arrowhead" '
        'd="M0,0 L10,5 L0,10 z"/></marker></defs>',
        f'<rect class="sea" x="0" y="0" width="{project.width:.1f}" height="{height}"/>',
    ]
    for latitude, longitude in background:
        x, y = project(latitude, longitude)
        body.append(f'<circle class="bg" cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>')
    radius = {n.name: _radius(n) for n in nodes}
    body.extend(
        _edge(e, placed, radius.get(e.target, 3.0) + 2)
        for e in edges
        if e.source in placed and e.target in placed and e.source != e.target
    )
    for node in nodes:
        x, y = placed[node.name]
        body.append(_node(node, x, y, labelled=bool(node.made or node.received)))
    return _svg(width, height, title, body, "network")
