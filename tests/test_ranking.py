"""Who to learn from: the practice finder ranks provinces for a topic by evidence (articles,
praise by others, study visits received on the topic, supporting figures), says why, and links
each ranked province to its brief. Real cases: the dated articles of ``test_web_time`` and the
seed articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cachlamhay.kb import queries
from cachlamhay.pipeline import ingest
from cachlamhay.store.db import Store, open_store
from cachlamhay.web import i18n, views
from tests.conftest import EXAMPLES, roundtrip
from tests.test_web import assert_well_formed
from tests.test_web_time import build_store


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("ranking") / "kb.db")


HA_TINH_WHY = {
    "documents": 2,
    "evidence": 2,
    "praised_by": ["Nghệ An", "Quảng Bình"],
    "visits_received": 2,
    "visitors": ["Nghệ An", "Quảng Bình"],
    "indicators": 1,
    "indicator_ids": ["admin_units_reduced"],
}


@pytest.mark.parametrize(
    ("params", "ranking"),
    [
        # Hà Tĩnh: 2 articles + 2 praising provinces × 2 + 2 study visits × 3 + 1 figure = 13;
        # Bình Định: 2 articles + praised by Quảng Ngãi × 2 = 4
        ({}, [("Hà Tĩnh", 13), ("Bình Định", 4)]),
        # from 2018: Nghệ An's 2017 visit and praise and the 2016 figure drop out
        ({"since": "2018"}, [("Hà Tĩnh", 6), ("Bình Định", 4)]),
        ({"since": "2020"}, [("Bình Định", 4)]),
        ({"since": "2023"}, [("Bình Định", 1)]),
        ({"until": "2017"}, [("Hà Tĩnh", 7)]),  # 1 + 2 + 3 + 1
        ({"since": "2024"}, []),
    ],
)
def test_ranking_order_and_scores(
    client: TestClient, reader: Store, params: dict[str, str], ranking: list[tuple[str, int]]
) -> None:
    data = client.get("/practices/admin_merger.json", params=params).json()
    expected = queries.practice_finder(reader, "admin_merger", **params)  # type: ignore[arg-type]
    assert data == roundtrip(expected)
    assert [(p["province"], p["score"]) for p in data["provinces"]] == ranking
    assert data["timeframe"] == {"since": params.get("since"), "until": params.get("until")}
    weights = data["weights"]
    for item in data["provinces"]:
        why = item["why"]
        assert item["score"] == (
            weights["documents"] * why["documents"]
            + weights["praised_by"] * len(why["praised_by"])
            + weights["visits_received"] * why["visits_received"]
            + weights["indicators"] * min(why["indicators"], weights["support_cap"])
        )
    html = client.get("/practices/admin_merger", params=params).text
    assert_well_formed(html)
    shown = [html.index(f'href="/province/{queries.province_slug(p)}"') for p, _ in ranking]
    assert shown == sorted(shown)  # the page lists them in the same order


def test_why_a_province_ranks_first(client: TestClient) -> None:
    (first, second) = client.get("/practices/admin_merger.json").json()["provinces"]
    assert first["province"] == "Hà Tĩnh" and first["why"] == HA_TINH_WHY
    assert first["praised_by"] == ["Nghệ An", "Quảng Bình"]
    assert {s["doc_id"] for s in first["sources"]} == {"na-2017", "qb-2019"}
    assert second["why"]["visits_received"] == 0 and second["why"]["praised_by"] == ["Quảng Ngãi"]
    english = client.get("/practices/admin_merger", params={"lang": "en"}).text
    assert (
        '<p class="why">2 articles · praised by Nghệ An, Quảng Bình · 2 study visits received'
        " (Nghệ An, Quảng Bình) · 1 supporting figure (admin_units_reduced)</p>"
    ) in english
    assert '<p class="why">2 articles · praised by Quảng Ngãi</p>' in english
    vietnamese = client.get("/practices/admin_merger", params={"lang": "vi"}).text
    assert "2 đoàn đến học tập (Nghệ An, Quảng Bình)" in vietnamese


@pytest.mark.parametrize(
    ("why", "english"),
    [
        ({"documents": 1}, "1 article"),
        ({"documents": 0, "visits_received": 1, "visitors": ["A"]}, "1 study visit received (A)"),
        (
            {"documents": 4, "praised_by": ["Hậu Giang"], "indicators": 3, "indicator_ids": ["x"]},
            "4 articles · praised by Hậu Giang · 3 supporting figures (x)",
        ),
        ({}, ""),
    ],
)
def test_why_line(why: dict[str, Any], english: str) -> None:
    assert views.why_line(why, i18n.translator("en")) == english


def test_brief_buttons(client: TestClient) -> None:
    html = client.get("/practices/sap-nhap-xa").text  # words naming the topic
    assert 'href="/brief/ha-tinh?topic=admin_merger"' in html
    assert 'href="/brief/binh-dinh?topic=admin_merger"' in html
    assert html.count('class="button brief"') == 2
    assert ">Lập báo cáo</a>" in html
    assert ">Make a brief</a>" in client.get("/practices/admin_merger?lang=en").text
    ranged = client.get("/practices/admin_merger", params={"since": "2018", "lang": "vi"}).text
    assert 'href="/brief/ha-tinh?topic=admin_merger&amp;since=2018"' in ranged


def test_free_text_mode_still_works(client: TestClient, reader: Store) -> None:
    data = client.get("/practices.json", params={"q": "Võ Trọng Hải"}).json()
    assert data["topic"] is None and "weights" not in data
    assert data == roundtrip(queries.practice_finder(reader, "Võ Trọng Hải"))
    assert {p["province"] for p in data["provinces"]} == {"Hà Tĩnh", "Quảng Trị"}
    assert all(p["score"] == p["documents"] == p["why"]["documents"] for p in data["provinces"])
    html = client.get("/practices", params={"q": "Võ Trọng Hải"}).text
    assert 'href="/province/quang-tri"' in html and "/brief/" not in html
    later = client.get("/practices.json", params={"q": "Võ Trọng Hải", "since": "2022"}).json()
    assert later["provinces"] == []


def test_a_topic_without_supporting_indicators(client: TestClient) -> None:
    assert "digital" not in queries.TOPIC_INDICATORS
    data = client.get("/practices/digital.json").json()
    for item in data["provinces"]:
        assert item["why"]["indicators"] == 0


def test_every_mapped_indicator_exists() -> None:
    for topic, indicators in queries.TOPIC_INDICATORS.items():
        assert topic in queries.TOPICS
        assert set(indicators) <= set(queries.INDICATORS)


def test_seed_articles_hau_giang_learns_from_ha_tinh(tmp_path: Path) -> None:
    with open_store(tmp_path / "seeds.db") as store:
        ingest(store, [EXAMPLES])
        data = queries.practice_finder(store, "admin_merger")
    (ha_tinh,) = data["provinces"]
    assert ha_tinh["province"] == "Hà Tĩnh"
    assert ha_tinh["why"]["praised_by"] == ["Hậu Giang"]
    assert ha_tinh["why"]["visitors"] == ["Hậu Giang"]  # Lê Tiến Châu's delegation, 2020
    assert ha_tinh["why"]["indicator_ids"] == [
        "admin_units",
        "admin_units_reduced",
        "staff_reduced",
    ]
    assert ha_tinh["score"] == 1 + 2 + 3 + 3  # figures count up to SUPPORT_CAP (3)
