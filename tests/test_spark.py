"""`spark-extract` on Spark local[2] gives what `extract --jobs 2` gives, and `load` of its Parquet
gives the store `ingest --jobs 2` makes (2,000 corpus articles plus edge cases)."""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cachlamhay import kb
from cachlamhay.cli import main
from cachlamhay.ingest import Rejection
from cachlamhay.pipeline import extract_paths, ingest
from cachlamhay.spark import MISSING_PYSPARK, load, read_output, read_rejections, spark_extract
from cachlamhay.spark import spec_json as spark_spec_json
from cachlamhay.store import open_store
from tests.conftest import CORPUS, exported_tables

HAVE_SPARK = importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None
needs_spark = pytest.mark.skipif(not HAVE_SPARK, reason="pyspark or java is not installed")

EDGE_LINES = [
    '{"id": "edge-1", "title": "Ghi chú", "text": "Tỉnh Hà Tĩnh đón đoàn công tác tỉnh Hậu Giang."}',
    "",  # a blank line: skipped, but it still counts for the line numbers
    '{"id": "edge-2", "text": "unterminated',  # bad JSON
    '{"title": "no id", "text": "Đoàn công tác tỉnh Nghệ An thăm tỉnh Quảng Trị."}',
    '{"id": "edge-3", "text": "\u200b"}',  # nothing left after cleaning
    '{"id": "edge-4", "text": "   "}',  # no text
    '{"id": "edge-1", "text": "the same id again"}',
    '["not", "an", "object"]',
    '{"id": 5, "text": "Tỉnh Bình Định.", "source": "x", "views": 3}\r',  # CRLF, number id, meta
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 1,000 baomoi and 1,000 vietnews articles, plus a file of edge cases."""
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    folder = tmp_path_factory.mktemp("spark") / "sample"
    folder.mkdir()
    for name in ("baomoi-2017.jsonl.gz", "vietnews-test.jsonl.gz"):
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as handle:
            lines = list(itertools.islice(handle, 1000))
        (folder / name.removesuffix(".gz")).write_text("".join(lines), "utf-8")
    (folder / "zz-edge.jsonl").write_bytes("\n".join(EDGE_LINES).encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def reference(sample: Path) -> list[dict[str, Any] | Rejection]:
    return list(extract_paths([sample], jobs=2))


@pytest.fixture(scope="module")
def spark_output(sample: Path) -> tuple[Path, dict[str, Any]]:
    output = sample.parent / "out"
    started = time.perf_counter()
    result = spark_extract([str(sample)], str(output), master="local[2]")
    print(f"spark_extract: {time.perf_counter() - started:.1f}s {result}")
    return output, result


def _json(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False)


@pytest.mark.corpus
@needs_spark
def test_spark_extract_equals_extract_with_two_jobs(
    reference: list[dict[str, Any] | Rejection], spark_output: tuple[Path, dict[str, Any]]
) -> None:
    output, result = spark_output
    expected = [_json(item) for item in reference if not isinstance(item, Rejection)]
    got = [_json(spark_spec_json(doc, facts)) for doc, facts, _ in read_output(output)]
    assert len(expected) == 2004  # 2,000 articles, edge-1 twice, the no-id line and id 5
    assert got == expected  # same documents, same order, exactly the same fact JSON
    rejections = [item for item in reference if isinstance(item, Rejection)]
    assert sorted(read_rejections(output), key=str) == sorted(rejections, key=str)
    assert {r.code for r in rejections} == {"bad-json", "no-text", "empty"}
    assert result["documents"] == 2004
    assert result["rejected"] == len(rejections) == 4
    assert result["facts"] == sum(
        len(item[key])
        for item in reference
        if not isinstance(item, Rejection)
        for key in kb.FACT_TABLES
    )


@pytest.mark.corpus
@needs_spark
def test_load_stores_what_ingest_stores(
    sample: Path, spark_output: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    output, _ = spark_output
    with open_store(tmp_path / "ingest.db") as store:
        ingested = ingest(store, [sample], jobs=2)
    with open_store(tmp_path / "load.db") as store:
        loaded = load(store, output, batch_size=300)  # several batches
    for key in ("read", "new", "duplicate", "clustered", "rejected", "rejected_by_code"):
        assert loaded.as_dict()[key] == ingested.as_dict()[key], key
    assert loaded.new == 2003
    expected = exported_tables(tmp_path / "ingest.db", tmp_path / "a")
    got = exported_tables(tmp_path / "load.db", tmp_path / "b")
    assert set(got) == {"documents", "facts", "mentions", *kb.KB_EXPORTS}
    for table, rows in expected.items():
        assert got[table] == rows, table
    assert len(got["documents"]) == 2003 and got["facts"]

    with open_store(tmp_path / "load.db") as store:  # loading again changes nothing
        again = load(store, output)
    assert (again.new, again.duplicate) == (0, 2004)
    assert exported_tables(tmp_path / "load.db", tmp_path / "c") == got


@pytest.mark.corpus
@needs_spark
def test_cli_load(
    spark_output: tuple[Path, dict[str, Any]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output, _ = spark_output
    code = main(["load", str(output), "--db", str(tmp_path / "cli.db"), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1  # some records were rejected, as `ingest` says
    assert (summary["new"], summary["rejected"]) == (2003, 4)


@needs_spark
def test_parquet_input_reads_like_jsonl(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [
        {"id": "p-1", "title": "A", "text": "Đoàn công tác tỉnh Hậu Giang thăm tỉnh Hà Tĩnh."},
        {"id": None, "title": "B", "text": "Bí thư Tỉnh ủy Lê Tiến Châu làm việc với Nghệ An."},
        {"id": "p-3", "title": None, "text": None},
    ]
    (tmp_path / "jsonl").mkdir()
    jsonl = tmp_path / "jsonl" / "rows.jsonl"
    jsonl.write_text("".join(_json(r) + "\n" for r in records), "utf-8")
    parquet = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet, row_group_size=2)

    result = spark_extract([str(parquet)], str(tmp_path / "out"), partitions=2)
    assert (result["documents"], result["rejected"]) == (2, 1)
    got = [_json(spark_spec_json(doc, facts)) for doc, facts, _ in read_output(tmp_path / "out")]
    expected = [_json(x) for x in extract_paths([jsonl]) if not isinstance(x, Rejection)]
    assert got == expected
    assert json.loads(got[1])["doc"]["id"] == "rows:2"
    (rejection,) = read_rejections(tmp_path / "out")
    assert (rejection.where, rejection.code) == (f"{parquet}:3", "no-text")


def test_missing_pyspark_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # `import pyspark` raises ImportError
    source = tmp_path / "a.jsonl"
    source.write_text('{"text": "x"}\n', "utf-8")
    code = main(["spark-extract", str(source), str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err == f"cachlamhay: {MISSING_PYSPARK}"
    assert "pip install 'cachlamhay[spark]'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["spark-extract", "{tmp}/missing.jsonl", "{tmp}/out"], "no such file or directory"),
        (["spark-extract", "{tmp}/a.jsonl", "{tmp}"], "already exists"),
        (["spark-extract", "{tmp}/a.jsonl", "{tmp}/no/out"], "does not exist"),
        (["spark-extract", "{tmp}/a.jsonl", "{tmp}/out", "--partitions", "0"], "at least 1"),
        (["load", "{tmp}/missing"], "no such directory"),
        (["load", "{tmp}/empty"], "not a spark-extract output"),
    ],
)
def test_bad_paths_are_usage_errors(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', "utf-8")
    (tmp_path / "empty").mkdir()
    args = [a.format(tmp=tmp_path) for a in argv] + ["--db", str(tmp_path / "t.db")]
    code = main(args)
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("cachlamhay: ")
    assert message in err
