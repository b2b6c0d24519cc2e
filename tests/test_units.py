"""Dates drive the units: a province name means the unit in force on the article's date.

The sentences are written for these tests in the style of 2025–2026 news (the shared corpora
are from before the merger).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cachlamhay.document import RawDocument
from cachlamhay.extract.units import ERA_NEW, ERA_OLD, resolve_units, unit_on
from cachlamhay.kb import queries
from cachlamhay.pipeline import clean_or_reject, extract_document, ingest_items
from cachlamhay.store import Store


@pytest.mark.parametrize(
    ("name", "published", "marked_old", "expected"),
    [
        ("Tuyên Quang", "2026-03-03", False, ("Tuyên Quang", "08", ERA_NEW, None)),
        ("Tuyên Quang", "2025-07-01", False, ("Tuyên Quang", "08", ERA_NEW, None)),  # the day
        ("Tuyên Quang", "2025-06-30", False, ("Tuyên Quang", "08", ERA_OLD, "Tuyên Quang")),
        ("Tuyên Quang", "2017-04-12", False, ("Tuyên Quang", "08", ERA_OLD, "Tuyên Quang")),
        ("Tuyên Quang", "2026-03-03", True, ("Tuyên Quang", "08", ERA_OLD, "Tuyên Quang")),
        ("Tuyên Quang", None, False, ("Tuyên Quang", "08", ERA_OLD, "Tuyên Quang")),
        ("Hà Giang", "2026-03-03", False, ("Hà Giang", "02", ERA_OLD, "Tuyên Quang")),
        ("Hậu Giang", "2026-01-20", False, ("Hậu Giang", "93", ERA_OLD, "Cần Thơ")),
        ("Cần Thơ", "2026-01-20", False, ("Cần Thơ", "92", ERA_NEW, None)),
        ("Hà Tĩnh", "2026-01-20", False, ("Hà Tĩnh", "42", ERA_NEW, None)),
        ("Hà Tĩnh", "2017-01-20", False, ("Hà Tĩnh", "42", ERA_OLD, None)),  # unchanged unit
        ("Thừa Thiên Huế", "2017-01-20", False, ("Thừa Thiên Huế", "46", ERA_OLD, "Huế")),
        ("Thừa Thiên Huế", "2025-03-01", False, ("Huế", "46", ERA_OLD, None)),  # the city
        ("Thừa Thiên Huế", "2026-03-01", False, ("Huế", "46", ERA_NEW, None)),
    ],
)
def test_unit_on_a_date(
    name: str, published: str | None, marked_old: bool, expected: tuple[Any, ...]
) -> None:
    unit = unit_on(name, published, marked_old=marked_old)
    assert unit is not None
    assert (unit.name, unit.code, unit.era, unit.successor) == expected


def test_not_a_province() -> None:
    assert unit_on("Bộ Nội vụ", "2026-01-01") is None


def _units(text: str, published: str | None) -> dict[tuple[str, str], tuple[str, str, str]]:
    doc = clean_or_reject(RawDocument(id="t", text=text, origin="t", published=published))
    assert not isinstance(doc, type(None))
    facts = extract_document(doc)  # type: ignore[arg-type]
    return {
        (kind, role): (unit.name, unit.era, unit.code)
        for kind, _, role, unit in resolve_units(facts, doc.text, published)  # type: ignore[union-attr]
    }


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Ngày 12/3/2026, đoàn công tác tỉnh Tuyên Quang do đồng chí Phó Chủ tịch UBND tỉnh"
            " dẫn đầu đã đến thăm và làm việc tại tỉnh Hà Tĩnh.",
            "2026-03-12",
            {("visits", "visitor"): ("Tuyên Quang", ERA_NEW, "08")},
        ),
        (
            "Ngày 12/3/2017, đoàn công tác tỉnh Tuyên Quang đã đến thăm và làm việc tại tỉnh"
            " Hà Tĩnh.",
            "2017-03-12",
            {("visits", "visitor"): ("Tuyên Quang", ERA_OLD, "08")},
        ),
        (
            "Ngày 20/1/2026, đoàn công tác tỉnh Hà Giang (cũ) đã đến thăm và làm việc tại tỉnh"
            " Lào Cai để học tập kinh nghiệm phát triển du lịch.",
            "2026-01-20",
            {
                ("visits", "visitor"): ("Hà Giang", ERA_OLD, "02"),
                ("visits", "host"): ("Lào Cai", ERA_NEW, "15"),  # merged with Yên Bái: its code
            },
        ),
        (
            "Trước sáp nhập, ngày 5/8/2025, đoàn công tác tỉnh Tuyên Quang đã đến thăm và làm"
            " việc tại tỉnh Hà Tĩnh.",
            "2025-08-05",
            {("visits", "visitor"): ("Tuyên Quang", ERA_OLD, "08")},
        ),
        (
            "Ngày 10/2/2026, UBND tỉnh Hà Tĩnh đã trao 5 tỷ đồng hỗ trợ tỉnh Tuyên Quang khắc"
            " phục hậu quả bão lũ.",
            "2026-02-10",
            {
                ("transfers", "from"): ("Hà Tĩnh", ERA_NEW, "42"),
                ("transfers", "to"): ("Tuyên Quang", ERA_NEW, "08"),
            },
        ),
    ],
)
def test_units_of_extracted_facts(
    text: str, published: str, expected: dict[tuple[str, str], tuple[str, str, str]]
) -> None:
    found = _units(text, published)
    for key, unit in expected.items():
        assert found.get(key) == unit, found


ARTICLES = [
    (
        "tq-2017",
        "2017-11-02",
        "Năm 2017, thu ngân sách nhà nước trên địa bàn tỉnh Tuyên Quang ước đạt 2.100 tỷ đồng.",
    ),
    (
        "hg-2018",
        "2018-12-20",
        "Năm 2018, thu ngân sách nhà nước trên địa bàn tỉnh Hà Giang ước đạt 1.800 tỷ đồng.",
    ),
    (
        "tq-2026",
        "2026-01-15",
        "Năm 2025, thu ngân sách nhà nước trên địa bàn tỉnh Tuyên Quang ước đạt 6.500 tỷ đồng.",
    ),
]


def test_todays_tuyen_quang_shows_its_own_figures_and_its_predecessors(store: Store) -> None:
    docs = [
        RawDocument(id=doc_id, text=text, origin=doc_id, title=doc_id, published=published)
        for doc_id, published, text in ARTICLES
    ]
    ingest_items(store, docs)
    rows = store.conn.execute(
        "SELECT d.id, u.name, u.code, u.era, u.successor FROM fact_units u"
        " JOIN facts f ON f.id = u.fact_id JOIN documents d ON d.rowid = f.doc_rowid"
        " WHERE f.type = 'indicator' ORDER BY d.id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("hg-2018", "Hà Giang", "02", ERA_OLD, "Tuyên Quang"),
        ("tq-2017", "Tuyên Quang", "08", ERA_OLD, "Tuyên Quang"),
        ("tq-2026", "Tuyên Quang", "08", ERA_NEW, None),
    ]
    profile = queries.province_profile(store, "tuyen-quang")
    (budget,) = [i for i in profile["indicators"] if i["indicator"] == "budget_revenue"]
    shown = {(p["period"], p["unit_label"], p["inherited"]) for p in budget["series"]}
    assert shown == {
        ("2025", "Tuyên Quang", False),
        ("2017", "Tuyên Quang (cũ)", True),
        ("2018", "Hà Giang (cũ)", True),
    }
    units = {(u["label"], u["era"]): u["facts"] for u in profile["admin_units"]}
    assert units[("Tuyên Quang", ERA_NEW)] >= 1
    assert units[("Tuyên Quang (cũ)", ERA_OLD)] >= 1
    assert units[("Hà Giang (cũ)", ERA_OLD)] >= 1


def test_a_store_from_before_units_resolves_them_on_its_next_write(store: Store) -> None:
    docs = [RawDocument(id=i, text=t, origin=i, published=p) for i, p, t in ARTICLES[:1]]
    ingest_items(store, docs)
    with store.transaction():  # as a v4 store migrated to v5 would be
        store.conn.execute("DELETE FROM fact_units")
        store.conn.execute("UPDATE documents SET units_resolved = 0")
    later = [RawDocument(id=i, text=t, origin=i, published=p) for i, p, t in ARTICLES[1:]]
    ingest_items(store, later)
    assert store.count("fact_units") >= 3
    pending = store.conn.execute("SELECT count(*) FROM documents WHERE units_resolved = 0")
    assert pending.fetchone()[0] == 0


def test_the_province_page_names_the_units_and_labels_old_figures(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from cachlamhay.store import open_store
    from cachlamhay.web.app import create_app

    db = tmp_path / "units.db"
    with open_store(db) as store:
        ingest_items(
            store,
            [RawDocument(id=i, text=t, origin=i, title=i, published=p) for i, p, t in ARTICLES],
        )
    client = TestClient(create_app(db))
    page = client.get("/province/tuyen-quang")
    assert page.status_code == 200
    assert "Hà Giang (cũ)" in page.text and "Tuyên Quang (cũ)" in page.text
    assert "từ 1/7/2025" in page.text
    twin = client.get("/province/tuyen-quang.json").json()
    assert {u["label"] for u in twin["admin_units"]} == {
        "Tuyên Quang",
        "Tuyên Quang (cũ)",
        "Hà Giang (cũ)",
    }
