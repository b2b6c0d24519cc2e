"""The knowledge base: consolidation across articles and the queries behind pages and CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cachlamhay.errors import NotFoundError, UsageError
from cachlamhay.kb import queries
from cachlamhay.kb.consolidate import VisitDate
from cachlamhay.pipeline import ingest
from cachlamhay.store import Store
from tests.conftest import EXAMPLES, corpus_records

# Six baomoi articles on the 5 February 2017 visit of Hồ Chí Minh City's leaders to Bình Dương's
# social housing (two of them with a year the extractor inferred wrongly from the text).
HOUSING_VISIT = {
    "baomoi-21469367",
    "baomoi-21469538",
    "baomoi-21470348",
    "baomoi-21470383",
    "baomoi-21474334",
    "baomoi-21475348",
}


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def _text(path: Path, title: str, body: str) -> Path:
    path.write_text(f"{title}\n{body}\n", "utf-8")
    return path


@pytest.mark.corpus
def test_one_visit_reported_by_six_articles_is_one_visit(store: Store, tmp_path: Path) -> None:
    records = corpus_records("baomoi-2017.jsonl.gz", HOUSING_VISIT)
    ingest(store, [_jsonl(tmp_path / "housing.jsonl", list(records.values()))])
    rows = store.conn.execute(
        "SELECT v.id, count(s.fact_id) FROM visits v JOIN visit_sources s ON s.visit_id = v.id"
        " WHERE visitor = 'Hồ Chí Minh' AND host = 'Bình Dương' GROUP BY v.id"
    ).fetchall()
    assert [tuple(r)[1] for r in rows] == [6]
    profile = queries.province_profile(store, "binh-duong")
    (visit,) = [v for v in profile["visits_received"] if v["visitor"]["name"] == "Hồ Chí Minh"]
    assert {s["doc_id"] for s in visit["sources"]} == HOUSING_VISIT
    assert visit["leader"]["name"] == "Đinh La Thăng"


@pytest.mark.corpus
def test_consolidation_is_incremental(store: Store, tmp_path: Path) -> None:
    records = list(corpus_records("baomoi-2017.jsonl.gz", HOUSING_VISIT).values())
    ingest(store, [_jsonl(tmp_path / "a.jsonl", records[:2])])
    ingest(store, [_jsonl(tmp_path / "b.jsonl", records[2:])])
    assert store.count("visits") == 1
    assert store.count("visit_sources") == 6


def test_a_store_without_knowledge_base_catches_up_on_next_ingest(store: Store) -> None:
    ingest(store, [EXAMPLES])
    before = {t: store.count(t) for t in ("people", "offices", "visits", "indicators")}
    with store.transaction():  # as a store written before schema v3 looks
        for table in (
            "offices",
            "people",
            "visit_sources",
            "visits",
            "indicators",
            "mentions",
            "transfers",
            "practices",
        ):
            store.conn.execute(f"DELETE FROM {table}")
        store.conn.execute("UPDATE documents SET consolidated = 0")
    summary = ingest(store, [EXAMPLES])
    assert summary.new == 0
    assert {t: store.count(t) for t in before} == before
    assert store.count("mentions") > 0


def test_conflicting_figures_are_flagged_with_their_sources(store: Store, tmp_path: Path) -> None:
    a = _text(
        tmp_path / "a.txt",
        "Hà Tĩnh tổng kết năm 2022",
        "Năm 2022, tăng trưởng kinh tế của tỉnh Hà Tĩnh đạt 7,5%.",
    )
    b = _text(
        tmp_path / "b.txt",
        "Kinh tế Hà Tĩnh năm 2022",
        "Năm 2022, tốc độ tăng trưởng kinh tế của tỉnh Hà Tĩnh đạt 6,2%.",
    )
    ingest(store, [a, b])
    compared = queries.compare_indicator(store, "grdp_growth")
    rows = [r for r in compared["rows"] if r["province"] == "Hà Tĩnh" and r["period"] == "2022"]
    assert {r["value"] for r in rows} == {7.5, 6.2}
    assert all(r["conflict"] for r in rows)
    assert {r["source"]["doc_id"] for r in rows} == {"a", "b"}


def test_a_successor_shows_its_predecessors_history(store: Store) -> None:
    ingest(store, [EXAMPLES])
    profile = queries.province_profile(store, "can-tho")
    assert {"name": "Hậu Giang", "slug": "hau-giang"} in profile["province"]["predecessors"]
    made = profile["visits_made"]
    assert any(v["visitor"]["name"] == "Hậu Giang" for v in made)
    hau_giang = queries.province_profile(store, "Hậu Giang")
    assert hau_giang["province"]["successor"] == {"name": "Cần Thơ", "slug": "can-tho"}


def test_queries_on_the_seeds(store: Store) -> None:
    ingest(store, [EXAMPLES])
    ha_tinh = queries.province_profile(store, "ha-tinh")
    assert ha_tinh["province"]["name"] == "Hà Tĩnh"
    assert {v["visitor"]["name"] for v in ha_tinh["visits_received"]} == {"Hậu Giang"}
    assert any(i["indicator"] == "grdp_growth" for i in ha_tinh["indicators"])
    finder = queries.practice_finder(store, "sáp nhập xã")
    assert finder["topic"] == "admin_merger"
    assert finder["provinces"][0]["province"] == "Hà Tĩnh"
    assert queries.practice_finder(store, "sap-nhap-xa")["topic"] == "admin_merger"
    person = queries.person_page(store, "le-tien-chau")
    assert person["offices"][0]["title"] == "Bí thư Tỉnh ủy Hậu Giang"
    assert person["visits_led"][0]["host"]["name"] == "Hà Tĩnh"
    network = queries.visit_network(store)
    assert {"source": "Hậu Giang", "target": "Hà Tĩnh"}.items() <= network["edges"][
        -1
    ].items() or any(
        e["source"] == "Hậu Giang" and e["target"] == "Hà Tĩnh" for e in network["edges"]
    )
    article = queries.article(store, "000_c376ad1e370c138e")
    text = article["doc"]["text"]
    assert all(0 <= f["start"] < f["end"] <= len(text) for f in article["facts"])


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (queries.province_profile, "atlantis"),
        (queries.person_page, "nobody-here"),
        (queries.compare_indicator, "happiness"),
    ],
)
def test_unknown_names_are_not_found(store: Store, call: object, argument: str) -> None:
    with pytest.raises(NotFoundError):
        call(store, argument)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2017-02-05", "2017-02-07", True),
        ("--02-05", "2017-02-06", True),
        ("2017-02-05", "2017-02-10", False),
        ("2017-02-05", "2018-02-05", False),
        ("2017-02", "2017-02-05", False),  # a month alone is not a day
        (None, "2017-02-05", False),
        ("--12-31", "--01-01", False),  # years unknown: compared within one year
    ],
)
def test_visit_dates_near(a: str | None, b: str | None, same: bool) -> None:
    assert VisitDate.parse(a).near(VisitDate.parse(b)) is same


def test_faceted_search_filters_and_counts(store: Store) -> None:
    ingest(store, [EXAMPLES])
    everything = queries.search_faceted(store, "ha tinh")
    assert everything["total"] == 2
    assert everything["facets"]["province"]["Hà Tĩnh"] == 2
    assert everything["facets"]["fact_type"]["visit"] == 2
    narrowed = queries.search_faceted(store, "ha tinh", province="Hậu Giang")
    assert [r["id"] for r in narrowed["results"]] == ["000_c376ad1e370c138e"]
    assert queries.search_faceted(store, "ha tinh", year="2023")["total"] == 1
    assert queries.search_faceted(store, "ha tinh", source="nowhere")["total"] == 0
    assert queries.search_faceted(store, "ha tinh", fact_type="transfer")["total"] == 1
    with pytest.raises(UsageError):
        queries.search_faceted(store, "ha tinh", year="20x3")


def test_practice_finder_free_text_ranks_provinces_by_matching_articles(store: Store) -> None:
    ingest(store, [EXAMPLES])
    found = queries.practice_finder(store, "Bắc Đồng Phú")
    assert found["topic"] is None
    assert {p["province"] for p in found["provinces"]} >= {"Hà Tĩnh", "Bình Phước"}
    source = found["provinces"][0]["sources"][0]
    assert "Bắc Đồng Phú" in source["sentence"]
