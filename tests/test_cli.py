"""End to end through ``cachlamhay.cli.main``: exit codes, one-line messages, JSON output."""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from cachlamhay.cli import main

pytestmark = pytest.mark.usefixtures("plain_environment")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED_IDS = ["000_c376ad1e370c138e", "004_64df843035bf8b4e"]
SENTENCE = (
    "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn "
    "đã đến thăm và làm việc với tỉnh Hà Tĩnh."
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code, out, _ = run(capsys, *argv)
    return code, json.loads(out)


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("cachlamhay: ")
    return lines[0]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for source in sorted(EXAMPLES.glob("*.txt")):
        target = folder / source.name
        target.write_bytes(source.read_bytes())  # not copy2: the examples are read-only
    assert sorted(p.stem for p in folder.iterdir()) == SEED_IDS
    return folder


@pytest.fixture
def db(tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "kb.db"
    code, _, err = run(capsys, "ingest", "--db", str(path), str(seeds))
    assert code == 0, err
    return path


# -- ingest, stats ---------------------------------------------------------------------------


def test_ingest_seed_articles_then_stats(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kb.db"

    code, summary = run_json(capsys, "ingest", "--db", str(path), "--json", str(seeds))

    assert code == 0
    assert isinstance(summary, dict)
    assert summary["read"] == 2
    assert summary["new"] == 2
    assert summary["duplicate"] == 0
    assert summary["rejected"] == 0
    assert summary["rejections"] == []
    assert path.exists()

    code, stats = run_json(capsys, "stats", "--db", str(path), "--json")

    assert code == 0
    assert isinstance(stats, dict)
    for key in ("documents", "visits", "people", "indicators", "transfers", "practices"):
        assert key in stats
        assert isinstance(stats[key], int)
    assert stats["documents"] == 2


def test_ingest_individual_files_with_global_options(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kb.db"
    files = [str(p) for p in sorted(seeds.iterdir())]

    code, out, err = run(capsys, "--db", str(path), "ingest", *files)

    assert code == 0, err
    assert "new 2" in out
    code, stats = run_json(capsys, "--db", str(path), "--json", "stats")
    assert code == 0
    assert isinstance(stats, dict) and stats["documents"] == 2


def test_ingest_again_adds_nothing(
    db: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, summary = run_json(capsys, "ingest", "--db", str(db), "--json", str(seeds))

    assert code == 0
    assert isinstance(summary, dict)
    assert summary["new"] == 0
    assert summary["duplicate"] == 2
    assert summary["rejected"] == 0
    code, stats = run_json(capsys, "stats", "--db", str(db), "--json")
    assert isinstance(stats, dict) and stats["documents"] == 2


def test_stats_human_output(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "stats", "--db", str(db))

    assert code == 0
    assert err == ""
    assert "documents" in out
    assert "2" in out


# -- search ----------------------------------------------------------------------------------


def result_ids(capsys: pytest.CaptureFixture[str], db: Path, query: str) -> list[str]:
    code, page = run_json(capsys, "search", "--db", str(db), "--json", query)
    assert code == 0
    assert isinstance(page, dict)
    assert all("id" in result for result in page["results"])
    return [result["id"] for result in page["results"]]


def test_search_ignores_case_and_diacritics(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = result_ids(capsys, db, "ha tinh")
    upper = result_ids(capsys, db, "HÀ TĨNH")
    accented = result_ids(capsys, db, "Hà Tĩnh")

    assert plain
    assert set(plain) <= set(SEED_IDS)
    assert plain == upper == accented


def test_search_json_shape_and_paging(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, page = run_json(capsys, "search", "--db", str(db), "--json", "--limit", "1", "ha tinh")

    assert code == 0
    assert isinstance(page, dict)
    assert page["query"] == "ha tinh"
    assert page["total"] == 2
    assert len(page["results"]) == 1
    result = page["results"][0]
    assert result["id"] in SEED_IDS
    assert "snippet" in result and "text" in result["snippet"]

    code, second = run_json(
        capsys, "search", "--db", str(db), "--json", "--limit", "1", "--offset", "1", "ha tinh"
    )
    assert code == 0
    assert isinstance(second, dict)
    assert [r["id"] for r in second["results"]] != [result["id"]]


def test_search_without_match(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, page = run_json(capsys, "search", "--db", str(db), "--json", "khong co tu nay xyzzy")

    assert code == 0
    assert isinstance(page, dict)
    assert page["total"] == 0
    assert page["results"] == []


def test_search_human_output(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "--db", str(db), "Hậu Giang")

    assert code == 0
    assert err == ""
    assert "000_c376ad1e370c138e" in out


# -- mixed and bad inputs --------------------------------------------------------------------


def test_mixed_inputs_store_the_good_and_report_each_bad_one(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = seeds / f"{SEED_IDS[0]}.txt"
    shutil.copyfile(good, inbox / good.name)
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (inbox / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"id": "jl-1", "text": SENTENCE}, ensure_ascii=False),
        '{"id": "jl-2", "text": "thiếu ngoặc',
        json.dumps(
            {"id": "jl-3", "text": "Hà Tĩnh và Bình Phước trao đổi kinh nghiệm cải cách."},
            ensure_ascii=False,
        ),
    ]
    (inbox / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "kb.db"

    code, out, err = run(capsys, "ingest", "--db", str(path), str(inbox))

    assert code == 1
    err_lines = err.strip().splitlines()
    assert len(err_lines) == 3, err
    assert all(line.startswith("cachlamhay: ") for line in err_lines)
    for name in ("scan.pdf", "empty.txt", "feed.jsonl:2"):
        assert sum(name in line for line in err_lines) == 1, (name, err)
    assert "read 6" in out and "new 3" in out and "rejected 3" in out

    code, stats = run_json(capsys, "stats", "--db", str(path), "--json")
    assert code == 0
    assert isinstance(stats, dict) and stats["documents"] == 3
    for doc_id in (SEED_IDS[0], "jl-1", "jl-3"):
        code, doc = run_json(capsys, "show", "--db", str(path), "--json", doc_id)
        assert code == 0
        assert isinstance(doc, dict) and doc["id"] == doc_id


def test_mixed_inputs_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bai.txt").write_text(f"Tiêu đề\n\n{SENTENCE}\n", encoding="utf-8")
    (inbox / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    missing = tmp_path / "khong-co.txt"

    code, out, err = run(
        capsys, "ingest", "--db", str(tmp_path / "kb.db"), "--json", str(inbox), str(missing)
    )

    assert code == 1
    summary = json.loads(out)
    assert summary["new"] == 1
    assert summary["rejected"] == 2
    assert summary["rejected_by_code"] == {"binary": 1, "not-found": 1}
    assert {r["code"] for r in summary["rejections"]} == {"binary", "not-found"}
    assert len(err.strip().splitlines()) == 2
    assert "khong-co.txt" in err and "anh.png" in err


def test_rejection_line_with_markup_characters_is_printed_verbatim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "[bold]tin[red] moi.txt"
    bad.write_bytes(b"")

    code, _, err = run(capsys, "ingest", "--db", str(tmp_path / "kb.db"), str(bad))

    assert code == 1
    assert str(bad) in one_line(err)


def test_truncated_warc_is_a_rejection_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    starts = []
    for n in range(2):
        body = f"<html><body><article><p>{SENTENCE * 4} {n}</p></article></body></html>"
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        starts.append(buffer.tell())
        writer.write_record(
            writer.create_warc_record(
                f"https://baohatinh.vn/{n}.html",
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=headers,
            )
        )
    data = buffer.getvalue()
    warc = tmp_path / "cut.warc"
    warc.write_bytes(data[: data.index(b"WARC-Target-URI", starts[1])])

    code, _, err = run(capsys, "ingest", "--db", str(tmp_path / "kb.db"), str(warc))

    assert code == 1
    assert "cut.warc" in one_line(err)


# -- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="no-subcommand"),
        pytest.param(["frobnicate"], id="unknown-subcommand"),
        pytest.param(["ingest"], id="ingest-without-paths"),
        pytest.param(["search"], id="search-without-query"),
        pytest.param(["show"], id="show-without-id"),
        pytest.param(["export", "--out", "x"], id="export-without-format"),
        pytest.param(["export", "--format", "jsonl"], id="export-without-out"),
        pytest.param(["export", "--format", "xml", "--out", "x"], id="export-bad-format"),
        pytest.param(["search", "--limit", "abc", "ha tinh"], id="limit-not-a-number"),
        pytest.param(["stats", "--bogus"], id="unknown-option"),
    ],
)
def test_command_line_errors_exit_2(
    argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv, "--db", str(db)) if argv else run(capsys)

    assert code == 2
    assert out == ""
    one_line(err)


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        pytest.param(["search", ""], "empty query", id="empty-query"),
        pytest.param(["search", "  , ; "], "empty query", id="punctuation-only-query"),
        pytest.param(["search", "--limit", "0", "ha tinh"], "--limit", id="limit-0"),
        pytest.param(["search", "--limit", "100000", "ha tinh"], "--limit", id="limit-too-big"),
        pytest.param(["search", "--offset", "-1", "ha tinh"], "--offset", id="negative-offset"),
        pytest.param(["search", "ha " * 300], "longer than", id="query-too-long"),
        pytest.param(["ingest", "--batch-size", "0", "."], "--batch-size", id="batch-size-0"),
    ],
)
def test_bad_option_values_exit_2(
    argv: list[str], fragment: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv, "--db", str(db))

    assert code == 2
    assert out == ""
    assert fragment in one_line(err)


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["--version"], ["search", "--help"]):
        assert main(argv) == 0
    assert "cachlamhay" in capsys.readouterr().out


# -- show ------------------------------------------------------------------------------------


def test_show_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = run_json(capsys, "show", "--db", str(db), "--json", SEED_IDS[0])

    assert code == 0
    assert isinstance(doc, dict)
    assert doc["id"] == SEED_IDS[0]
    assert doc["title"] == "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay để tỉnh học hỏi"
    assert doc["source"] == "baohatinh.vn"
    assert isinstance(doc["text"], str) and "Lê Tiến Châu" in doc["text"]
    raw = (EXAMPLES / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")
    assert doc["raw_text"] == raw


def test_show_human_output(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "--db", str(db), SEED_IDS[1])

    assert code == 0
    assert err == ""
    assert SEED_IDS[1] in out
    assert "Bình Phước" in out


def test_show_unknown_id(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "--db", str(db), "--json", "khong-ton-tai")

    assert code == 1
    assert out == ""
    assert "khong-ton-tai" in one_line(err)


# -- database problems -----------------------------------------------------------------------

READING_COMMANDS = [
    pytest.param(["stats"], id="stats"),
    pytest.param(["search", "ha tinh"], id="search"),
    pytest.param(["show", SEED_IDS[0]], id="show"),
    pytest.param(["export", "--format", "jsonl", "--out", "out"], id="export"),
]


@pytest.mark.parametrize("argv", READING_COMMANDS)
def test_reading_commands_on_missing_db(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "chua-co.db"

    code, out, err = run(capsys, *argv, "--db", str(missing))

    assert code == 1
    assert out == ""
    assert str(missing) in one_line(err)
    assert not missing.exists()  # reading never creates a database


@pytest.mark.parametrize("argv", [*READING_COMMANDS, pytest.param(["ingest", "."], id="ingest")])
def test_file_that_is_not_sqlite(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "notes.db"
    content = b"Day khong phai co so du lieu SQLite.\n" * 200
    fake.write_bytes(content)

    code, out, err = run(capsys, *argv, "--db", str(fake))

    assert code == 1
    assert out == ""
    assert str(fake) in one_line(err)
    assert fake.read_bytes() == content  # left untouched


def test_ingest_into_missing_directory(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "khong-co" / "kb.db"

    code, _, err = run(capsys, "ingest", "--db", str(target), str(seeds))

    assert code == 1
    assert "khong-co" in one_line(err)


# -- export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(fmt: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "export" / "nested"

    code, listing = run_json(
        capsys, "export", "--db", str(db), "--json", "--format", fmt, "--out", str(out_dir)
    )

    assert code == 0
    target = out_dir / f"documents.{fmt}"
    assert isinstance(listing, dict)
    tables = [
        "documents",
        "facts",
        "mentions",
        "people",
        "offices",
        "visits",
        "indicators",
        "transfers",
        "practices",
    ]
    assert listing["files"] == [str(out_dir / f"{table}.{fmt}") for table in tables]
    assert target.is_file()
    rows = _read_export(target, fmt)
    assert len(rows) == 2
    assert sorted(row["id"] for row in rows) == SEED_IDS
    assert all("Hà Tĩnh" in row["text"] for row in rows)
    visits = _read_export(out_dir / f"visits.{fmt}", fmt)
    assert {(v["visitor"], v["host"]) for v in visits} == {
        ("Hậu Giang", "Hà Tĩnh"),
        ("Hà Tĩnh", "Bình Phước"),
    }
    for table in tables[2:]:
        assert _read_export(out_dir / f"{table}.{fmt}", fmt), table


def _read_export(path: Path, fmt: str) -> list[dict[str, object]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()  # type: ignore[no-any-return]


# -- knowledge-base commands -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "key", "expected"),
    [
        (["province", "ha-tinh"], "province", {"name": "Hà Tĩnh"}),
        (["province", "TP Hà Tĩnh"], "province", {"slug": "ha-tinh"}),
        (["practices", "sáp nhập xã"], "topic", "admin_merger"),
        (["person", "Lê Tiến Châu"], "person", {"slug": "le-tien-chau"}),
        (["compare", "grdp_growth"], "indicator", "grdp_growth"),
    ],
)
def test_kb_commands_json(
    argv: list[str], key: str, expected: object, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = run_json(capsys, *argv, "--db", str(db), "--json")
    assert code == 0
    assert isinstance(data, dict)
    if isinstance(expected, dict):
        assert expected.items() <= data[key].items()
    else:
        assert data[key] == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["province", "ha-tinh"],
        ["practices", "admin_merger"],
        ["person", "le-tien-chau"],
        ["compare", "grdp_growth"],
    ],
)
def test_kb_commands_human(argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *argv, "--db", str(db))
    assert code == 0
    assert out.strip()


@pytest.mark.parametrize(
    "argv",
    [["province", "atlantis"], ["person", "nobody"], ["compare", "happiness"]],
)
def test_kb_commands_unknown_name(
    argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *argv, "--db", str(db))
    assert code == 1
    assert argv[1] in one_line(err)


def test_export_human_output(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"

    code, out, _ = run(capsys, "export", "--db", str(db), "--format", "csv", "--out", str(out_dir))

    assert code == 0
    assert "documents.csv" in out


def test_export_onto_a_file_is_a_usage_error(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")

    code, _, err = run(capsys, "export", "--db", str(db), "--format", "csv", "--out", str(blocker))

    assert code == 2
    assert "not-a-dir" in one_line(err)


# -- environment -----------------------------------------------------------------------------


def test_cachlamhay_db_environment_variable(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "env" / "from-env.db"
    path.parent.mkdir()
    monkeypatch.setenv("CACHLAMHAY_DB", str(path))

    code, _, err = run(capsys, "ingest", str(seeds))

    assert code == 0, err
    assert path.exists()
    assert not (tmp_path / "cachlamhay.db").exists()
    code, stats = run_json(capsys, "stats", "--json")
    assert code == 0
    assert isinstance(stats, dict)
    assert stats["documents"] == 2
    assert stats["database"] == str(path)


def test_db_option_beats_environment_variable(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CACHLAMHAY_DB", str(tmp_path / "other.db"))

    code, stats = run_json(capsys, "stats", "--json", "--db", str(db))

    assert code == 0
    assert isinstance(stats, dict) and stats["documents"] == 2


def test_default_db_in_current_directory(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "ingest", str(seeds))  # cwd is tmp_path (autouse fixture)

    assert code == 0, err
    assert (tmp_path / "cachlamhay.db").exists()


def test_gzip_jsonl_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = "".join(
        json.dumps({"id": f"g{i}", "text": f"{SENTENCE} Bài số {i}."}, ensure_ascii=False) + "\n"
        for i in range(3)
    )
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip.compress(data.encode()))

    code, summary = run_json(capsys, "ingest", "--db", str(tmp_path / "kb.db"), "--json", str(feed))

    assert code == 0
    assert isinstance(summary, dict) and summary["new"] == 3
