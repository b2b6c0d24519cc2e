"""The store: folded full-text search, near-duplicate clusters, idempotent and batched ingest."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cachlamhay import kb
from cachlamhay.errors import StoreError, UsageError
from cachlamhay.pipeline import ingest
from cachlamhay.store import Store, open_store
from cachlamhay.store.schema import SCHEMA_VERSION
from tests.conftest import EXAMPLES

# A real story (seeds/000) and two rewrites an aggregator might publish.
LEAD = (
    "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn đã "
    "đến thăm và làm việc với tỉnh Hà Tĩnh. Bí thư Tỉnh ủy Hoàng Trung Dũng, Giám đốc Sở Kế hoạch "
    "và Đầu tư Trần Tú Anh, Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn tiếp và làm việc với đoàn. "
    "Tỉnh Hà Tĩnh có 13 đơn vị hành chính; Đảng bộ Hà Tĩnh có 17 đảng bộ trực thuộc với 637 tổ "
    "chức cơ sở Đảng, 4.067 chi bộ trực thuộc, gần 99.000 đảng viên. Tăng trưởng kinh tế giai "
    "đoạn 2015 - 2020 đạt gần 6%; tổng thu ngân sách giai đoạn 2016 - 2020 ước đạt 57.700 tỷ đồng."
)
OTHER = (
    "Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994), ngụ quận Hải Châu, 12 năm tù "
    "về tội Lừa đảo chiếm đoạt tài sản. Chỉ với lời nổ này, từ tháng 10/2016 đến 9/2017, nhiều "
    "người đã bị lừa đảo với tổng số tiền 3,2 tỷ đồng."
)


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_search_ignores_diacritics_case_and_tone_style(store: Store) -> None:
    ingest(store, [EXAMPLES])
    queries = ["ha tinh", "Hà Tĩnh", "HÀ TĨNH", "ha TINH"]
    ids = [[r["id"] for r in kb.search(store, q).results] for q in queries]
    assert ids[0] and all(found == ids[0] for found in ids)
    assert kb.search(store, "thuy").total == kb.search(store, "thủy").total
    assert kb.search(store, "hoá").total == kb.search(store, "hóa").total > 0


def test_search_phrases_and_snippets(store: Store) -> None:
    ingest(store, [EXAMPLES])
    page = kb.search(store, "sáp nhập xã")
    assert [r["id"] for r in page.results] == ["000_c376ad1e370c138e"]
    snip = page.results[0]["snippet"]
    start, end = snip["highlights"][0]
    assert snip["text"][start:end].lower() == "sáp nhập xã"
    both = kb.search(store, "hậu giang, bình phước")
    assert both.total == 0
    assert kb.search(store, '"hà tĩnh" "bình phước"').total == 1


@pytest.mark.parametrize("query", ["", "  ", "!!!", "x" * 600])
def test_bad_queries_are_usage_errors(store: Store, query: str) -> None:
    with pytest.raises(UsageError):
        kb.search(store, query)


@pytest.mark.parametrize(
    "query", ['" OR 1=1 --', "NEAR(a b)", "title:ha", "a* AND", "'; DROP TABLE documents; --"]
)
def test_fts_syntax_in_queries_is_harmless(store: Store, query: str) -> None:
    ingest(store, [EXAMPLES])
    kb.search(store, query)
    assert store.count("documents") == 2


def test_reingest_is_a_noop(store: Store) -> None:
    first = ingest(store, [EXAMPLES])
    second = ingest(store, [EXAMPLES])
    assert (first.new, first.duplicate) == (2, 0)
    assert (second.new, second.duplicate) == (0, 2)
    assert store.count("documents") == 2


def test_syndicated_copies_share_a_cluster(store: Store, tmp_path: Path) -> None:
    records = [
        {
            "id": "outlet-a",
            "title": "Hậu Giang thăm Hà Tĩnh",
            "text": "Hậu Giang thăm Hà Tĩnh\n" + LEAD,
        },
        {
            "id": "outlet-b",
            "title": "Đoàn Hậu Giang làm việc tại Hà Tĩnh",
            "text": "Đoàn Hậu Giang làm việc tại Hà Tĩnh\n(Baohatinh.vn) - "
            + LEAD
            + " Theo Báo Hà Tĩnh",
        },
        {
            "id": "exact-copy",
            "title": "Hậu Giang thăm Hà Tĩnh",
            "text": "Hậu Giang thăm Hà Tĩnh\n" + LEAD,
        },
        {"id": "other-story", "title": "Lừa đảo", "text": "Lừa đảo\n" + OTHER},
    ]
    summary = ingest(store, [write_jsonl(tmp_path / "feed.jsonl", records)])
    assert summary.new == 4 and summary.clustered == 2
    a, b, c, d = (kb.show(store, r["id"]) for r in records)
    assert a["cluster_id"] == b["cluster_id"] == c["cluster_id"] != d["cluster_id"]
    assert set(a["cluster"]) == {"outlet-b", "exact-copy"}


def test_a_failed_batch_is_rolled_back_and_a_rerun_completes_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [{"id": f"doc-{i}", "text": f"Tiêu đề {i}\n{LEAD} Bài số {i}."} for i in range(7)]
    feed = write_jsonl(tmp_path / "feed.jsonl", records)
    original = Store.add_document
    calls = {"n": 0}

    def crash_on_sixth(self: Store, prepared):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-batch
        return original(self, prepared)

    monkeypatch.setattr(Store, "add_document", crash_on_sixth)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [feed], batch_size=3)
    assert store.count("documents") == 3  # the first batch is committed, the second is not
    assert store.conn.execute("SELECT count(*) FROM minhash").fetchone()[0] == 3
    monkeypatch.setattr(Store, "add_document", original)
    rerun = ingest(store, [feed], batch_size=3)
    assert (rerun.new, rerun.duplicate) == (4, 3)
    assert store.count("documents") == 7


def test_schema_is_versioned(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(path) as again:  # migrating twice is harmless
        assert again.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError):
        open_store(path)
    assert path.read_text().startswith("these are my notes")  # nothing of the user's is lost


def test_readers_do_not_block_on_an_open_write_transaction(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as writer:
        ingest(writer, [EXAMPLES])
        with writer.transaction(), open_store(path, readonly=True) as reader:
            writer.conn.execute("UPDATE documents SET title = 'changed'")
            writer.conn.execute("DELETE FROM minhash_bands")
            titles = {r["title"] for r in kb.search(reader, "ha tinh").results}
            assert "changed" not in titles  # WAL: readers see the last commit, unblocked
            assert reader.count("minhash_bands") > 0


@pytest.mark.parametrize("table", ["offices", "indicators", "transfers", "practices"])
def test_consolidation_finds_a_documents_rows_by_index(tmp_path: Path, table: str) -> None:
    """Consolidation deletes a document's rows before writing them again: a scan of the whole
    table for each document made an ingest quadratic."""
    with open_store(tmp_path / "s.db") as store:
        plan = store.conn.execute(
            f"EXPLAIN QUERY PLAN DELETE FROM {table} WHERE doc_rowid = ?", (1,)
        ).fetchall()
    details = [row["detail"] for row in plan]
    assert any(
        f"USING COVERING INDEX {table}_doc" in d or f"USING INDEX {table}_doc" in d for d in details
    ), details
