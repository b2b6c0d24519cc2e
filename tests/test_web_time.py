"""Time on the web: ``since``/``until`` on the province page, the practice finder, the network
and the search (page and JSON twin alike), the visit timeline, and the province tables' CSV and
JSON downloads (exactly the rows the page shows).

One small store of dated articles, built once: Nghệ An (2017) and Quảng Bình (2019) come to
Hà Tĩnh to learn about merging communes, Hà Tĩnh goes to Quảng Trị (2021), Bình Định's merger is
praised (2022, 2023), and an undated article reports one more visit to Hà Tĩnh.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cachlamhay.document import RawDocument
from cachlamhay.kb import queries
from cachlamhay.kb.timeframe import Timeframe
from cachlamhay.pipeline import ingest_items
from cachlamhay.store.db import Store, open_store
from cachlamhay.web import views
from tests.conftest import roundtrip
from tests.test_web import assert_well_formed

ARTICLES = [
    (
        "na-2017",
        "2017-03-02",
        "Ngày 1/3/2017, đoàn công tác tỉnh Nghệ An do Bí thư Tỉnh ủy Nguyễn Đắc Vinh làm trưởng"
        " đoàn đã đến thăm và làm việc với tỉnh Hà Tĩnh, học tập kinh nghiệm về sáp nhập xã."
        " Bí thư Tỉnh ủy Nghệ An đánh giá cao cách làm của Hà Tĩnh trong sáp nhập xã.\n\n"
        "Riêng trong năm 2016, tỉnh Hà Tĩnh đã tiến hành sáp nhập 80 đơn vị hành chính (ĐVHC)"
        " cấp xã, giảm 46 ĐVHC cấp xã.",
    ),
    (
        "qb-2019",
        "2019-06-10",
        "Ngày 9/6/2019, đoàn công tác tỉnh Quảng Bình do Phó Bí thư Tỉnh ủy Trần Công Thuật làm"
        " trưởng đoàn đã đến thăm và làm việc với tỉnh Hà Tĩnh, học tập kinh nghiệm về sáp nhập"
        " xã.",
    ),
    (
        "ht-2021",
        "2021-08-20",
        "Ngày 19/8/2021, đoàn công tác tỉnh Hà Tĩnh do Chủ tịch UBND tỉnh Võ Trọng Hải làm trưởng"
        " đoàn đã đến thăm và làm việc với tỉnh Quảng Trị về chuyển đổi số.",
    ),
    (
        "bd-2022",
        "2022-05-05",
        "Bí thư Tỉnh ủy Quảng Ngãi đánh giá cao cách làm của Bình Định trong sáp nhập xã.",
    ),
    ("bd-2023", "2023-05-05", "Tỉnh Bình Định có nhiều cách làm hay trong sáp nhập xã."),
    (
        "undated",
        None,
        "Đoàn công tác tỉnh Nghệ An đến thăm và làm việc với tỉnh Hà Tĩnh về chuyển đổi số.",
    ),
]


def build_store(path: Path) -> Path:
    docs = [RawDocument(id=i, text=t, origin=i, title=i, published=p) for i, p, t in ARTICLES]
    with open_store(path) as store:
        ingest_items(store, docs)
    return path


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("time") / "kb.db")


def section(html: str, element_id: str) -> str:
    """The HTML of the element with that id, up to the next sibling block."""
    start = html.index(f'id="{element_id}"')
    end = html.find("</section>", start)
    following = html.find("<div id=", start + 1)
    return html[start : min(x for x in (end, following) if x > 0)]


# -- placing dates ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("since", "until", "when", "inside"),
    [
        ("2018", None, "2016-2020", True),  # a span is in when any of its years is
        (None, "2015", "2016-2020", False),
        ("2021", None, "2016–2020", False),
        (None, "2023-09", "2023-10", False),
        ("2023-10-31", None, "2023-10", True),
        ("2017", "2017", "2017-03-01", True),
        ("2017", None, None, False),  # undated: out when a range is set
        (None, None, None, True),  # ... and in without one
        (None, None, "2016-2020", True),
    ],
)
def test_placed_in(since: str | None, until: str | None, when: str | None, inside: bool) -> None:
    assert queries.placed_in(Timeframe.parse(since, until), when) is inside


# -- the province page -----------------------------------------------------------------------
PROFILE_CASES = [
    # since, until, visits received (visitor, date), visits made, indicator periods, people
    (
        None,
        None,
        [("Quảng Bình", "2019-06-09"), ("Nghệ An", "2017-03-01"), ("Nghệ An", None)],
        [("Quảng Trị", "2021-08-19")],
        ["2016"],
        ["Võ Trọng Hải"],
    ),
    (
        "2018",
        None,
        [("Quảng Bình", "2019-06-09")],
        [("Quảng Trị", "2021-08-19")],
        [],
        ["Võ Trọng Hải"],
    ),
    (None, "2017", [("Nghệ An", "2017-03-01")], [], ["2016"], []),
    ("2017-03", "2017-03", [("Nghệ An", "2017-03-01")], [], [], []),
    ("2017-04", "2019-06-08", [], [], [], []),
    ("2016", "2016", [], [], ["2016"], []),
]


@pytest.mark.parametrize(("since", "until", "received", "made", "periods", "people"), PROFILE_CASES)
def test_province_range_on_twin_and_page(
    client: TestClient,
    reader: Store,
    since: str | None,
    until: str | None,
    received: list[tuple[str, str | None]],
    made: list[tuple[str, str | None]],
    periods: list[str],
    people: list[str],
) -> None:
    params = {k: v for k, v in (("since", since), ("until", until)) if v}
    data = client.get("/province/ha-tinh.json", params=params).json()
    assert data == roundtrip(queries.province_profile(reader, "ha-tinh", since=since, until=until))
    assert data["timeframe"] == {"since": since, "until": until}
    assert [(v["visitor"]["name"], v["date"]) for v in data["visits_received"]] == received
    assert [(v["host"]["name"], v["date"]) for v in data["visits_made"]] == made
    assert [s["period"] for i in data["indicators"] for s in i["series"]] == periods
    assert [p["name"] for p in data["people"]] == people
    html = client.get("/province/ha-tinh", params=params).text
    assert_well_formed(html)
    shown = section(html, "visits_received")
    assert shown.count("<tr>") - 1 == len(received) or not received
    for visitor, date in received:
        assert visitor in shown and (date or "—") in shown


def test_province_form_in_both_languages(client: TestClient) -> None:
    html = client.get("/province/ha-tinh", params={"since": "2018", "until": ""}).text
    form = re.search(r'<form class="filters timeframe".*?</form>', html, re.S)
    assert form is not None
    assert 'action="/province/ha-tinh"' in form.group(0)
    assert "Từ <input" in form.group(0) and "Đến <input" in form.group(0)
    assert 'name="since" value="2018"' in form.group(0)
    assert 'name="until" value=""' in form.group(0)
    english = client.get("/province/ha-tinh", params={"lang": "en"}).text
    assert "From <input" in english and "To <input" in english
    for page in ("/practices/admin_merger", "/network", "/search?q=xa", "/practices"):
        html = client.get(page, params={"since": "2019", "lang": "vi"}).text
        assert 'name="since" value="2019"' in html and 'name="until"' in html, page
        assert "Từ <input" in html, page


BAD_DATES = [
    {"since": "2017-13"},
    {"since": "abc"},
    {"until": "2019-02-32"},
    {"since": "2020", "until": "2019"},
]
RANGED = [
    "/province/ha-tinh",
    "/province/ha-tinh/people.csv",
    "/practices/admin_merger",
    "/practices?q=Võ Trọng Hải",
    "/network",
    "/search?q=xa",
]


@pytest.mark.parametrize("params", BAD_DATES)
@pytest.mark.parametrize("url", RANGED)
def test_bad_dates_are_400_on_page_and_twin(
    client: TestClient, url: str, params: dict[str, str]
) -> None:
    path, _, query = url.partition("?")
    twin = path if path.endswith(".csv") else path + ".json"
    extra = dict(part.split("=") for part in query.split("&") if part)
    response = client.get(twin, params={**extra, **params})
    assert response.status_code == 400, (twin, response.text[:200])
    assert response.json()["error"] == "usage"
    page = client.get(path.removesuffix(".csv").removesuffix("/people"), params={**extra, **params})
    assert page.status_code == 400
    assert "<!doctype html>" in page.text


# -- network and search ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "edges"),
    [
        (
            {},
            {("Nghệ An", "Hà Tĩnh"): 2, ("Quảng Bình", "Hà Tĩnh"): 1, ("Hà Tĩnh", "Quảng Trị"): 1},
        ),
        ({"since": "2019"}, {("Quảng Bình", "Hà Tĩnh"): 1, ("Hà Tĩnh", "Quảng Trị"): 1}),
        ({"until": "2018-12-31"}, {("Nghệ An", "Hà Tĩnh"): 1}),
        ({"year": "2019"}, {("Quảng Bình", "Hà Tĩnh"): 1}),  # the year filter still works
        ({"year": "2019", "since": "2020"}, {}),  # ... together with the range
        ({"since": "2019-06-09", "until": "2019-06-09"}, {("Quảng Bình", "Hà Tĩnh"): 1}),
    ],
)
def test_network_range(
    client: TestClient, reader: Store, params: dict[str, str], edges: dict[tuple[str, str], int]
) -> None:
    data = client.get("/network.json", params=params).json()
    expected = queries.visit_network(
        reader,
        year=params.get("year"),
        since=params.get("since"),
        until=params.get("until"),
    )
    assert data == roundtrip(expected)
    assert {(e["source"], e["target"]): e["visits"] for e in data["edges"]} == edges
    assert data["timeframe"] == {"since": params.get("since"), "until": params.get("until")}
    html = client.get("/network", params=params).text
    assert html.count('class="edge"') == sum(1 for s, t in edges if s != t)


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({}, {"na-2017", "qb-2019", "bd-2022", "bd-2023"}),
        ({"since": "2022"}, {"bd-2022", "bd-2023"}),
        ({"until": "2019-06"}, {"na-2017", "qb-2019"}),
        ({"since": "2018", "until": "2022-12"}, {"qb-2019", "bd-2022"}),
    ],
)
def test_search_range(
    client: TestClient, reader: Store, params: dict[str, str], ids: set[str]
) -> None:
    data = client.get("/search.json", params={"q": "sáp nhập xã", **params}).json()
    assert {r["id"] for r in data["results"]} == ids
    assert data["total"] == len(ids)
    assert data["timeframe"] == {"since": params.get("since"), "until": params.get("until")}
    expected = queries.search_faceted(reader, "sáp nhập xã", **params)  # type: ignore[arg-type]
    assert data == roundtrip(expected)
    html = client.get("/search", params={"q": "sáp nhập xã", **params}).text
    assert html.count('class="title" href="/article/') == len(ids)
    for facet_link in re.findall(r'href="(/search\?[^"]+year=[^"]+)"', html):
        for key, value in params.items():  # facet links keep the range
            assert f"{key}={value}" in facet_link.replace("%2D", "-")


# -- the visit timeline ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "timeline"),
    [
        (
            {},
            [("2017", 0, 1), ("2018", 0, 0), ("2019", 0, 1), ("2020", 0, 0), ("2021", 1, 0)],
        ),
        ({"since": "2019"}, [("2019", 0, 1), ("2020", 0, 0), ("2021", 1, 0)]),
        ({"until": "2017"}, [("2017", 0, 1)]),
        ({"since": "2022"}, []),
    ],
)
def test_visit_timeline(
    client: TestClient, params: dict[str, str], timeline: list[tuple[str, int, int]]
) -> None:
    data = client.get("/province/ha-tinh.json", params=params).json()
    assert [(y["year"], y["made"], y["received"]) for y in data["visit_timeline"]] == timeline
    html = client.get("/province/ha-tinh", params=params).text
    if not timeline:
        assert 'id="visit-timeline"' not in html
        return
    chart = section(html, "visit-timeline")
    bars = sum(1 for _, made, received in timeline for n in (made, received) if n)
    assert chart.count('<rect class="bar"') == bars
    assert "Đi thăm" in chart and "Được thăm" in chart  # the legend, in the page's language
    for year, _, _ in timeline:
        assert f">{year}</text>" in chart
    assert "style=" not in chart


def test_timeline_axis_counts_in_whole_numbers() -> None:
    svg = views.visit_timeline_chart(
        [{"year": "2017", "made": 1, "received": 0}, {"year": "2018", "made": 3, "received": 2}],
        "made",
        "received",
    )
    labels = re.findall(r'class="axis">([^<]+)</text>', svg)
    assert labels[:3] == ["0", "2", "4"]
    assert svg.count('<rect class="bar"') == 3


# -- downloads -------------------------------------------------------------------------------
def page_rows(html: str, table: str) -> list[list[str]]:
    """The cells of each body row of one table of the province page, as text."""
    block = section(html, table)
    rows = []
    for body in re.findall(r"<tbody>(.*?)</tbody>", block, re.S):
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            rows.append([" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells])
    return rows


def shown_key(table: str, row: dict[str, Any]) -> str:
    """What the page's first cell shows for a download row."""
    if table == "people":
        return str(row["name"])
    if table == "indicators":
        return str(row["period"] or "—")
    return str(row["date"] or "—")


@pytest.mark.parametrize("table", queries.PROVINCE_TABLES)
@pytest.mark.parametrize("params", [{}, {"since": "2018"}, {"until": "2017"}])
def test_downloads_are_the_rows_shown(
    client: TestClient, reader: Store, table: str, params: dict[str, str]
) -> None:
    base = f"/province/ha-tinh/{table}"
    data = client.get(base + ".json", params=params).json()
    expected = queries.province_table(reader, "ha-tinh", table, **params)  # type: ignore[arg-type]
    assert data == roundtrip(expected)
    assert data["columns"] == list(queries.TABLE_COLUMNS[table])
    assert data["timeframe"] == {"since": params.get("since"), "until": params.get("until")}
    profile = queries.province_profile(reader, "ha-tinh", **params)  # type: ignore[arg-type]
    assert data["rows"] == roundtrip(queries.table_rows(table, profile[table]))

    response = client.get(base + ".csv", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="ha-tinh-{table}.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    text = response.content.decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    assert header == data["columns"]
    assert lines == [[views.csv_value(row[c]) for c in data["columns"]] for row in data["rows"]]

    html = client.get("/province/ha-tinh", params=params).text
    shown = page_rows(html, table)
    assert [cells[0] for cells in shown] == [shown_key(table, row) for row in data["rows"]]
    if data["rows"]:
        query = "?" + "&amp;".join(f"{k}={v}" for k, v in params.items()) if params else ""
        assert f'href="{base}.csv{query}" download' in html
        assert f'href="{base}.json{query}" download' in html


def test_download_rows_carry_their_sources(client: TestClient) -> None:
    (visit,) = client.get("/province/ha-tinh/visits_made.json").json()["rows"]
    assert visit["host"] == "Quảng Trị" and visit["leader"] == "Võ Trọng Hải"
    assert visit["doc_ids"] == "ht-2021" and "Quảng Trị" in visit["sentence"]
    (figure,) = client.get("/province/ha-tinh/indicators.json").json()["rows"]
    assert (figure["indicator"], figure["value"], figure["period"]) == (
        "admin_units_reduced",
        46,
        "2016",
    )
    assert figure["doc_id"] == "na-2017" and figure["published"] == "2017-03-02"
    csv_text = client.get("/province/ha-tinh/indicators.csv").content.decode("utf-8-sig")
    assert (
        "admin_units_reduced,2016,46.0,unit,exact,Hà Tĩnh,Hà Tĩnh,false,false,na-2017" in csv_text
    )


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/province/ha-tinh/offices.csv", 404),
        ("/province/ha-tinh/offices.json", 404),
        ("/province/khong-co/people.csv", 404),
        ("/province/ha-tinh/people.json?since=" + "2" * 11, 422),
    ],
)
def test_download_errors(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert set(response.json()) == {"error", "message"}


def test_csv_cells_are_defused() -> None:
    data = {"columns": ["name", "n", "flag"], "rows": [{"name": "=1+1", "n": None, "flag": True}]}
    assert views.table_csv(data) == "\ufeffname,n,flag\n'=1+1,,true\n"
