"""The study-visit brief: the query, the page and its twins, and the files `brief` writes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cachlamhay.document import RawDocument
from cachlamhay.kb.brief import study_brief
from cachlamhay.pipeline import ingest, ingest_items
from cachlamhay.store import Store, open_store
from cachlamhay.web.app import create_app
from cachlamhay.web.local import CHROMIUM
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("brief") / "seeds.db"
    with open_store(db) as store:
        ingest(store, [EXAMPLES])
    return db


@pytest.fixture
def seeds(seeds_db: Path) -> Iterator[Store]:
    with open_store(seeds_db, readonly=True) as store:
        yield store


@pytest.fixture(scope="module")
def client(seeds_db: Path) -> TestClient:
    return TestClient(create_app(seeds_db))


def cited(brief: dict[str, Any]) -> list[dict[str, Any]]:
    """Every source a line of the brief cites."""
    found = [leader["source"] for leader in brief["leaders"]]
    for section in brief["indicators"].values():
        found += [point["source"] for item in section for point in item["series"]]
    found += [p["source"] for p in brief["practices"]]
    for key in ("visits_received", "visits_made"):
        found += [s for visit in brief[key] for s in visit["sources"]]
    found += [t["source"] for t in brief["transfers"]["received"] + brief["transfers"]["given"]]
    return [s for s in found if s]


def test_ha_tinh_admin_merger_from_the_seeds(seeds: Store) -> None:
    brief = study_brief(seeds, "ha-tinh", topic="sáp nhập xã")
    assert brief["topic"]["id"] == "admin_merger"
    (visit,) = brief["visits_received"]
    assert visit["visitor"]["name"] == "Hậu Giang" and visit["date"] == "2020-11-24"
    assert visit["leader"]["name"] == "Lê Tiến Châu"
    figures = {i["indicator"]: i["series"] for i in brief["indicators"]["topic"]}
    (reduced,) = figures["admin_units_reduced"]
    assert reduced["value"] == 46 and reduced["period"] == "2020"
    assert "sáp nhập 80 đơn vị hành chính" in reduced["source"]["sentence"]
    assert any("sáp nhập xã" in p["sentence"] for p in brief["practices"])
    assert all(p["topic"] == "admin_merger" for p in brief["practices"])
    leaders = {leader["title"]: leader["name"] for leader in brief["leaders"]}
    assert leaders["Bí thư Tỉnh ủy Hà Tĩnh"] == "Hoàng Trung Dũng"
    assert brief["leaders"][0]["title"] == "Bí thư Tỉnh ủy Hà Tĩnh"  # senior offices first
    assert brief["no_evidence"] is False and brief["merger_note"] is None


def test_every_line_cites_a_numbered_source_that_opens_its_sentence(seeds: Store) -> None:
    brief = study_brief(seeds, "Hà Tĩnh", topic="admin_merger")
    numbers = {s["ref"]: s for s in brief["sources"]}
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    for source in cited(brief):
        assert numbers[source["ref"]]["doc_id"] == source["doc_id"]
        assert source["link"] == f"/article/{source['doc_id']}#fact-{source['fact_id']}"


def test_a_topic_without_evidence_says_so(seeds: Store, client: TestClient) -> None:
    brief = study_brief(seeds, "ha-tinh", topic="tourism")
    assert brief["no_evidence"] is True
    assert {"topic_indicators", "practices", "visits_received"} <= set(brief["empty"])
    page = client.get("/brief/ha-tinh?topic=tourism")
    assert page.status_code == 200
    assert "chưa có bằng chứng nào về chủ đề «tourism» của Hà Tĩnh" in page.text
    assert page.text.count("Chưa tìm thấy trong các bài báo đã thu thập.") >= 3


def test_the_date_range_narrows_the_brief(seeds: Store) -> None:
    assert study_brief(seeds, "ha-tinh", since="2021")["visits_received"] == []
    until = study_brief(seeds, "ha-tinh", until="2020")
    assert [v["date"] for v in until["visits_received"]] == ["2020-11-24"]
    assert until["timeframe"] == {"since": None, "until": "2020"}


def test_the_merger_note(store: Store) -> None:
    text = "Năm 2020, thu ngân sách nhà nước trên địa bàn tỉnh Hậu Giang ước đạt 5.000 tỷ đồng."
    ingest_items(store, [RawDocument(id="hg", text=text, origin="hg", published="2021-01-05")])
    old = study_brief(store, "Hậu Giang")
    assert old["merger_note"] == {
        "kind": "merged_into",
        "province": "Hậu Giang",
        "successor": "Cần Thơ",
    }
    new = study_brief(store, "Cần Thơ")
    assert new["merger_note"]["kind"] == "merged_from"
    assert set(new["merger_note"]["predecessors"]) == {"Hậu Giang", "Sóc Trăng"}
    (budget,) = new["indicators"]["headline"]  # Hậu Giang's figure, under today's Cần Thơ
    assert (
        budget["series"][0]["inherited"] and budget["series"][0]["unit_label"] == "Hậu Giang (cũ)"
    )


def test_the_page_and_its_json_twin(client: TestClient) -> None:
    page = client.get("/brief/ha-tinh?topic=admin_merger")
    assert page.status_code == 200
    for text in ("Lê Tiến Châu", "sáp nhập 80 đơn vị hành chính", "Hoàng Trung Dũng", "46"):
        assert text in page.text
    assert re.search(r'href="/article/000_c376ad1e370c138e#fact-\d+"', page.text)
    assert 'href="/static/brief.css"' in page.text
    assert 'href="/brief/ha-tinh.docx?topic=admin_merger"' in page.text
    twin = client.get("/brief/ha-tinh.json?topic=admin_merger").json()
    assert twin["province"]["name"] == "Hà Tĩnh" and twin["topic"]["id"] == "admin_merger"


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/brief/ha-tinh?topic=no-such-topic", 400),
        ("/brief/ha-tinh?since=2021&until=2019", 400),
        ("/brief/ha-tinh?since=21", 422),
        ("/brief/ha-tinh.json?topic=no-such-topic", 400),
    ],
)
def test_bad_parameters(client: TestClient, path: str, status: int) -> None:
    assert client.get(path).status_code == status


def test_an_unknown_province_suggests_names(client: TestClient) -> None:
    page = client.get("/brief/ha-tinhh?topic=admin_merger")
    assert page.status_code == 404
    assert (
        'Có phải bạn muốn tìm <a href="/brief/ha-tinh?topic=admin_merger">Hà Tĩnh</a>' in page.text
    )
    twin = client.get("/brief/hau-giangg.json")
    assert twin.status_code == 404
    assert twin.json()["suggestions"][0] == {"name": "Hậu Giang", "link": "/brief/hau-giang.json"}
    assert "did you mean Hậu Giang" in twin.json()["message"]
    assert client.get("/province/ha-tinhh").status_code == 404


def test_the_docx_download(client: TestClient) -> None:
    from docx import Document

    answer = client.get("/brief/ha-tinh.docx?topic=admin_merger")
    assert answer.status_code == 200
    assert 'filename="brief-ha-tinh-admin_merger.docx"' in answer.headers["content-disposition"]
    import io

    doc = Document(io.BytesIO(answer.content))
    assert doc.paragraphs[1].text == "Tỉnh Hà Tĩnh"


# -- files --------------------------------------------------------------------------------


def run_brief(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cachlamhay.cli", "--db", str(db), "brief", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def nfc_intact(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


def test_brief_docx_file(seeds_db: Path, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "brief.docx"
    done = run_brief(
        seeds_db, "Hà Tĩnh", "--topic", "admin_merger", "--format", "docx", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:3] == ["Tỉnh Hà Tĩnh", "Lãnh đạo hiện nay", "Số liệu về chủ đề: admin_merger"]
    assert "Nguồn" in headings
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in doc.paragraphs] + cells)
    assert nfc_intact(text)
    for words in (
        "Lê Tiến Châu",
        "Hoàng Trung Dũng",
        "sáp nhập 80 đơn vị hành chính",
        "Bí thư Tỉnh ủy Hậu Giang",
    ):
        assert words in text
    # every figure row names its source: its [n] is in the source list, which names the article
    sources = {
        p.text.split("]")[0] + "]": p.text for p in doc.paragraphs if re.match(r"^\[\d+\] ", p.text)
    }
    figure_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Kỳ"]
    assert figure_tables
    for table in figure_tables:
        for row in table.rows[1:]:
            ref = re.match(r"^\[\d+\]", row.cells[4].text)
            assert ref and ref.group(0) in sources
    assert any(
        "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay" in s for s in sources.values()
    )


def test_brief_html_file_is_self_contained(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    done = run_brief(
        seeds_db, "ha-tinh", "--topic", "admin_merger", "--format", "html", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text("utf-8")
    assert "<style>" in html and "/static/" not in html and 'href="/' not in html
    linked = tmp_path / "linked.html"
    run_brief(
        seeds_db,
        "ha-tinh",
        "--format",
        "html",
        "--out",
        str(linked),
        "--base-url",
        "http://127.0.0.1:8000",
    )
    assert 'href="http://127.0.0.1:8000/article/000_c376ad1e370c138e#fact-' in linked.read_text(
        "utf-8"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere", "--format", "pdf", "--out", "x.pdf"], "no province 'nowhere'"),
        (["ha-tinh", "--topic", "bogus", "--format", "pdf", "--out", "x.pdf"], "no topic 'bogus'"),
        (["ha-tinh", "--format", "odt", "--out", "x.odt"], "invalid choice"),
        (["ha-tinh", "--format", "pdf", "--out", "/no/such/dir/x.pdf"], "does not exist"),
        (["ha-tinh", "--since", "soon", "--format", "pdf", "--out", "x.pdf"], "not a date"),
    ],
)
def test_brief_cli_errors(seeds_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    done = run_brief(seeds_db, *args)
    assert done.returncode in (1, 2)
    assert message in done.stderr and "Traceback" not in done.stderr


needs_pdf_tools = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or not shutil.which("pdftotext"),
    reason="Debian chromium and poppler-utils not installed (.ci/run installs them)",
)


@needs_pdf_tools
def test_brief_pdf_file(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    done = run_brief(
        seeds_db, "ha-tinh", "--topic", "admin_merger", "--format", "pdf", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "A4" in info
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert nfc_intact(flat)
    # table cells wrap, and pdftotext reads a wrapped cell line by line: short phrases
    for words in (
        "Lê Tiến Châu",
        "Hoàng Trung Dũng",
        "sáp nhập 80 đơn vị",
        "giảm 46 ĐVHC",
        "Tỉnh Hà Tĩnh",
    ):
        assert words in flat
    assert "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay" in flat  # a source named
    assert "\ufffd" not in text  # no missing glyph turned into a replacement character
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
