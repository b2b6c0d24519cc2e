"""Extraction on Spark: the same per-document code as ``cachlamhay extract``, over many machines.

``spark_extract`` reads JSONL (``.jsonl``, ``.jsonl.gz``) and Parquet inputs, runs
``pipeline.clean_or_reject`` and ``pipeline.prepare`` (which calls ``extract.analyse``) on the
workers inside ``mapPartitions``, and writes Parquet under OUTPUT, one directory per table:

``documents/``
    ``input_no, record_no`` (which input file, which line or row of it, 1-based; the order of
    the input), then the export columns that do not need the store: ``id, title, source, url,
    published, author, origin, content_hash, captions, meta, text, raw_text`` (``captions`` and
    ``meta`` as JSON text, as ``export --format parquet`` writes them). ``cluster_id`` and
    ``ingested_at`` are given by the store, at ``load``.
``facts/``
    ``input_no, record_no, ordinal, doc_id, type, extractor, start, end, data``: ``data`` is the
    fact JSON exactly as ``extract`` prints it; ``ordinal`` keeps the order within a document.
``mentions/``
    ``input_no, record_no, ordinal, doc_id, kind, name, start, end`` (the place/body mentions the
    store indexes).
``rejections/``
    ``input_no, record_no, where, reason, code``: bad JSON lines, records without text, texts
    empty after cleaning. They are counted and written, never fatal.

Rows keep the input order: part-00000 holds the first records, and an input with fewer splits
than the job has tasks (one gzip file) is rebalanced by a range partitioning on
``(input_no, record_no)``. So ``load`` inserts documents in input order and the store (cluster
ids included) ends up as ``ingest`` makes it.

``load`` reads that output with pyarrow (no Spark, a row group at a time) and stores every
document with its facts through the normal writer path, a batch per transaction, consolidating
the knowledge base in the same transaction. Documents already stored are skipped, so loading the
same output twice is a no-op.

Differences from the pure readers: Hadoop decodes the lines, so invalid UTF-8 becomes U+FFFD
instead of a ``bad-encoding`` rejection, and a truncated ``.gz`` fails the job instead of being
read up to the break. Parquet rows are read as the JSON objects a JSONL line would hold (only
``text`` is required; a row without ``id`` gets ``<file stem>:<row>``, as a JSONL line gets
``<file stem>:<line>``). Inside a directory, files other than JSONL and Parquet are rejected
(``unsupported``): read them with ``cachlamhay ingest``.

How to submit to a cluster
--------------------------
Every node needs cachlamhay and its dependencies (Python >= 3.11, Java 17+). Where they can be
installed on each node, ``pip install 'cachlamhay[spark]'`` there and submit a two-line entry
script (the entry point is ``cachlamhay.spark.main``, which takes the arguments of
``cachlamhay spark-extract`` and leaves the master to spark-submit)::

    echo 'import sys; from cachlamhay.spark import main; sys.exit(main())' > extract_job.py
    spark-submit --master spark://head:7077 extract_job.py \
        hdfs:///corpus/baomoi.jsonl.gz hdfs:///corpus/more.parquet hdfs:///out/run1 \
        --partitions 200

Otherwise ship a packed virtual environment with the job (YARN shown; Kubernetes alike)::

    python -m venv env && env/bin/pip install '.[spark]' venv-pack
    env/bin/venv-pack -o env.tar.gz
    spark-submit --master yarn --deploy-mode cluster --archives env.tar.gz#env \
        --conf spark.pyspark.python=./env/bin/python extract_job.py INPUT... OUTPUT

(``--py-files cachlamhay.whl``, from ``pip wheel --no-deps . -w dist``, ships cachlamhay
itself but not numpy, datasketch, vietnamadminunits…, which must then be on the nodes.)
Remote inputs are files (hdfs://, s3a://…), not directories. On a machine with a local Spark,
``cachlamhay spark-extract INPUT... OUTPUT --master local[8]`` does the same. Then, next to the
database (copy OUTPUT to a local disk first, e.g. ``hdfs dfs -get``)::

    cachlamhay load OUTPUT --db cachlamhay.db
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from cachlamhay.errors import CachlamhayError, UsageError
from cachlamhay.ingest.base import Rejection
from cachlamhay.pipeline import BATCH_SIZE, IngestSummary
from cachlamhay.store.db import FACT_TYPES, PreparedDocument, Store

TABLES = ("documents", "facts", "mentions", "rejections")
MISSING_PYSPARK = "pyspark is not installed: pip install 'cachlamhay[spark]'"

_KEY = [("input_no", "long"), ("record_no", "long")]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        *_KEY,
        *((name, "string") for name in ("id", "title", "source", "url", "published", "author")),
        *((name, "string") for name in ("origin", "content_hash", "captions", "meta")),
        ("text", "string"),
        ("raw_text", "string"),
    ],
    "facts": [
        *_KEY,
        ("ordinal", "long"),
        ("doc_id", "string"),
        ("type", "string"),
        ("extractor", "string"),
        ("start", "long"),
        ("end", "long"),
        ("data", "string"),
    ],
    "mentions": [
        *_KEY,
        ("ordinal", "long"),
        ("doc_id", "string"),
        ("kind", "string"),
        ("name", "string"),
        ("start", "long"),
        ("end", "long"),
    ],
    "rejections": [*_KEY, ("where", "string"), ("reason", "string"), ("code", "string")],
}

# One input record on its way to a worker: (input_no, record_no, where, fallback id, JSON bytes)
Record = tuple[int, int, str, str, bytes]


# -- Spark side ------------------------------------------------------------------------------


def spark_extract(
    inputs: list[str],
    output: str,
    master: str | None = "local[2]",
    partitions: int | None = None,
) -> dict[str, Any]:
    """Extract every document of ``inputs`` on Spark and write Parquet tables under ``output``.

    ``master`` None leaves it to ``spark-submit``. ``partitions`` is how many tasks extract
    (default: as read, or 4 per core when the input has fewer splits, e.g. one gzip file)."""
    if not inputs:
        raise UsageError("spark-extract needs at least one input")
    if partitions is not None and partitions < 1:
        raise UsageError("--partitions must be at least 1")
    _check_output(output)
    files, rejections = _input_files(inputs)
    try:
        from pyspark import StorageLevel
        from pyspark.sql import SparkSession
    except ImportError:
        raise CachlamhayError(MISSING_PYSPARK, code="no-pyspark") from None

    started = time.perf_counter()
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this Python
    builder = SparkSession.builder.appName("cachlamhay spark-extract")
    if master:
        builder = builder.master(master)
    spark = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions or 2))
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        sc.setLogLevel("ERROR")
        rdds = [_read_input(sc, index, path, kind) for index, path, kind in files]
        records = sc.union(rdds) if rdds else sc.emptyRDD()
        target = partitions or max(records.getNumPartitions(), 4 * sc.defaultParallelism)
        target = target if rdds else 0
        if rdds and target != records.getNumPartitions():
            # a range partitioning on (input_no, record_no): partition i holds records before
            # those of partition i + 1, so the input order survives the rebalancing
            records = records.sortBy(lambda record: record[:2], numPartitions=target)
        extracted = records.mapPartitions(extract_partition)
        extracted.persist(StorageLevel.MEMORY_AND_DISK)
        rows = sc.union([sc.parallelize(rejections, 1), extracted]) if rejections else extracted
        for table in TABLES:
            schema = ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table])
            selected = rows.filter(partial(_in_table, table)).map(_row_of)
            spark.createDataFrame(selected, schema).write.parquet(f"{output}/{table}")
        extracted.unpersist()
        counts = {table: spark.read.parquet(f"{output}/{table}").count() for table in TABLES}
        rejected = spark.read.parquet(f"{output}/rejections").groupBy("code").count()
        by_code: dict[str, int] = {row["code"]: row["count"] for row in rejected.collect()}
    except Exception as error:
        if type(error).__module__.startswith(("pyspark", "py4j")):
            message = f"spark-extract failed: {_root_cause(error)}"
            raise CachlamhayError(message, code="spark") from None
        raise
    finally:
        spark.stop()
    return {
        "inputs": len(files),
        "partitions": target,
        "documents": counts["documents"],
        "facts": counts["facts"],
        "mentions": counts["mentions"],
        "rejected": counts["rejections"],
        "rejected_by_code": by_code,
        "output": output,
        "seconds": round(time.perf_counter() - started, 3),
    }


def _root_cause(error: Exception) -> str:
    """The innermost Java exception (e.g. "java.io.EOFException: Unexpected end of input
    stream" for a truncated gzip), else the first line of the Python one."""
    cause = getattr(error, "java_exception", None)
    try:
        while cause is not None and cause.getCause() is not None:
            cause = cause.getCause()
        if cause is not None:
            return str(cause.toString()).splitlines()[0]
    except Exception:  # the JVM may be gone already
        pass
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"


def _in_table(table: str, row: tuple[str, tuple[Any, ...]]) -> bool:
    return row[0] == table


def _row_of(row: tuple[str, tuple[Any, ...]]) -> tuple[Any, ...]:
    return row[1]


def _check_output(output: str) -> None:
    if "://" in output:
        return  # a cluster file system: Spark itself refuses to overwrite
    path = Path(output)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise UsageError(f"{output}: already exists; give a new directory for the output")
    if not path.parent.exists():
        raise UsageError(f"{output}: directory {path.parent} does not exist")


def _input_files(
    inputs: list[str],
) -> tuple[list[tuple[int, str, str]], list[tuple[str, tuple[Any, ...]]]]:
    """(input_no, path, "jsonl" | "parquet") for every file named or found below a directory
    named (sorted, hidden skipped, as ``ingest`` walks them), and rejections for the others."""
    from cachlamhay.ingest import iter_files
    from cachlamhay.ingest.sniff import Format, sniff

    files: list[tuple[int, str, str]] = []
    rejected: list[tuple[str, tuple[Any, ...]]] = []
    for given in inputs:
        if "://" in given:  # hdfs://, s3a://, file://: by extension, Spark reads it
            files.append((len(files), given, "parquet" if _is_parquet(given) else "jsonl"))
            continue
        if not Path(given).exists():
            raise UsageError(f"{given}: no such file or directory")
        named = Path(given).is_file()
        for entry in iter_files([given]):
            if isinstance(entry, Rejection):
                rejected.append(_rejection_row(0, 0, entry))
                continue
            if _is_parquet(entry.name):
                files.append((len(files), str(entry), "parquet"))
                continue
            try:
                fmt = sniff(entry)
            except CachlamhayError:
                fmt = None
            if fmt is Format.JSONL or (named and fmt is None):
                files.append((len(files), str(entry), "jsonl"))
            else:
                reason = "not JSONL or Parquet; read it with `cachlamhay ingest`"
                rejected.append(_rejection_row(0, 0, Rejection(str(entry), reason, "unsupported")))
    return files, rejected


def _is_parquet(name: str) -> bool:
    return name.lower().endswith((".parquet", ".parq"))


def _read_input(sc: Any, index: int, path: str, kind: str) -> Any:
    """An RDD of ``Record``s for one input file, in file order."""
    from cachlamhay.ingest.base import doc_id_from_path

    stem = doc_id_from_path(Path(path))
    if kind == "parquet":
        groups = _row_groups(path)
        return sc.parallelize(groups, max(1, len(groups))).flatMap(
            lambda group: _parquet_records(index, path, stem, group)
        )
    lines = sc.newAPIHadoopFile(
        path,
        "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
        "org.apache.hadoop.io.LongWritable",
        "org.apache.hadoop.io.Text",
        conf={"textinputformat.record.delimiter": "\n"},  # as the pure reader: not at \r
    )
    return (
        lines.values()
        .zipWithIndex()
        .map(lambda pair: (pair[0].encode("utf-8") + b"\n", pair[1] + 1))  # as read by lines
        .filter(lambda pair: pair[0].strip())
        .map(lambda pair: (index, pair[1], f"{path}:{pair[1]}", f"{stem}:{pair[1]}", pair[0]))
    )


def _open_parquet(path: str) -> Any:
    import pyarrow.fs
    import pyarrow.parquet as pq

    if "://" in path:
        filesystem, inner = pyarrow.fs.FileSystem.from_uri(path)
        return pq.ParquetFile(filesystem.open_input_file(inner))
    return pq.ParquetFile(path)


def _row_groups(path: str) -> list[tuple[int, int]]:
    """(row group, its first row number) for every row group of a Parquet file."""
    metadata = _open_parquet(path).metadata
    groups, first = [], 1
    for number in range(metadata.num_row_groups):
        groups.append((number, first))
        first += metadata.row_group(number).num_rows
    return groups


def _parquet_records(index: int, path: str, stem: str, group: tuple[int, int]) -> Iterator[Record]:
    """One row group's rows as the JSON objects a JSONL line would hold."""
    number, first = group
    table = _open_parquet(path).read_row_group(number)
    for offset, row in enumerate(table.to_pylist()):
        row_no = first + offset
        data = json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")
        yield index, row_no, f"{path}:{row_no}", f"{stem}:{row_no}", data


def extract_partition(records: Iterable[Record]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """On a worker: every record parsed, cleaned and extracted exactly as ``ingest`` and
    ``extract`` do it, as (table, row) pairs. Imports here: each worker builds its own state."""
    from cachlamhay.ingest.jsonl import parse_record
    from cachlamhay.pipeline import prepare_raw

    for input_no, record_no, where, fallback_id, data in records:
        item = parse_record(data, where, fallback_id)
        prepared = item if isinstance(item, Rejection) else prepare_raw(item)
        if isinstance(prepared, Rejection):
            yield _rejection_row(input_no, record_no, prepared)
        else:
            yield from _document_rows(input_no, record_no, prepared)


def _rejection_row(input_no: int, record_no: int, item: Rejection) -> tuple[str, tuple[Any, ...]]:
    return "rejections", (input_no, record_no, item.where, item.reason, item.code)


def _document_rows(
    input_no: int, record_no: int, prepared: PreparedDocument
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    doc = prepared.doc
    key = (input_no, record_no)
    yield (
        "documents",
        (
            *key,
            doc.id,
            doc.title,
            doc.source,
            doc.url,
            doc.published,
            doc.author,
            doc.origin,
            prepared.content_hash,
            json.dumps([[s.start, s.end] for s in doc.captions]),
            json.dumps(doc.meta, ensure_ascii=False),
            doc.text,
            doc.raw_text,
        ),
    )
    ordinal = 0
    for key_name, kind in FACT_TYPES.items():  # the order the store inserts them in
        for fact in (prepared.facts or {}).get(key_name, []):
            evidence = fact.get("evidence") or [{}]
            data = json.dumps(fact, ensure_ascii=False)
            start, end = evidence[0].get("start"), evidence[0].get("end")
            extractor = fact.get("extractor", "")
            yield "facts", (*key, ordinal, doc.id, kind, extractor, start, end, data)
            ordinal += 1
    for ordinal, (kind, name, start, end) in enumerate(prepared.mentions or []):
        yield "mentions", (*key, ordinal, doc.id, kind, name, start, end)


# -- reading the output back (no Spark) ----------------------------------------------------


def _part_files(folder: Path) -> list[Path]:
    """Spark's part files in partition order (part-00000-…, part-00001-…, …)."""

    def number(path: Path) -> tuple[int, str]:
        found = re.match(r"part-(\d+)", path.name)
        return (int(found.group(1)) if found else -1, path.name)

    return sorted(folder.glob("part-*.parquet"), key=number)


def _rows(folder: Path, batch_size: int = 1024) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for path in _part_files(folder):
        with pq.ParquetFile(path) as handle:
            for batch in handle.iter_batches(batch_size=batch_size):
                yield from batch.to_pylist()


def _grouped(rows: Iterator[dict[str, Any]]) -> Iterator[tuple[tuple[int, int], list[Any]]]:
    group: list[dict[str, Any]] = []
    key: tuple[int, int] | None = None
    for row in rows:
        row_key = (row["input_no"], row["record_no"])
        if row_key != key and group:
            assert key is not None
            yield key, group
            group = []
        key = row_key
        group.append(row)
    if group and key is not None:
        yield key, group


class _Aligned:
    """The rows of one table that belong to each document, read alongside the documents."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._groups = _grouped(rows)
        self._next = next(self._groups, None)

    def take(self, key: tuple[int, int]) -> list[dict[str, Any]]:
        while self._next is not None and self._next[0] < key:  # rows without a document
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != key:
            return []
        rows = sorted(self._next[1], key=lambda row: row["ordinal"])
        self._next = next(self._groups, None)
        return rows


def read_output(
    output: Path | str,
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]]:
    """(document row, its fact rows, its mention rows) for every document, in input order."""
    root = _checked_output(Path(output))
    facts = _Aligned(_rows(root / "facts"))
    mentions = _Aligned(_rows(root / "mentions"))
    for doc in _rows(root / "documents"):
        key = (doc["input_no"], doc["record_no"])
        yield doc, facts.take(key), mentions.take(key)


def read_rejections(output: Path | str) -> Iterator[Rejection]:
    for row in _rows(_checked_output(Path(output)) / "rejections"):
        yield Rejection(row["where"], row["reason"], row["code"])


def spec_json(doc: dict[str, Any], facts: list[dict[str, Any]]) -> dict[str, Any]:
    """The SPEC JSON object ``extract`` prints for one document, rebuilt from the output."""
    from cachlamhay.extract import extractor_names

    meta = {k: doc[k] for k in ("id", "source", "title", "url", "published", "author")}
    spec: dict[str, Any] = {"doc": meta | {"extractors": extractor_names()}}
    by_type = {kind: key for key, kind in FACT_TYPES.items()}
    for key in FACT_TYPES:
        spec[key] = []
    for fact in facts:
        spec[by_type[fact["type"]]].append(json.loads(fact["data"]))
    return spec


def _checked_output(root: Path) -> Path:
    if not root.is_dir():
        raise UsageError(f"{root}: no such directory (the OUTPUT of `cachlamhay spark-extract`)")
    missing = [t for t in ("documents", "facts", "mentions") if not (root / t).is_dir()]
    if missing:
        raise UsageError(f"{root}: not a spark-extract output (no {', '.join(missing)}/)")
    return root


def load(store: Store, output: Path | str, *, batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Store the documents and facts ``spark_extract`` wrote under ``output``, in input order,
    through the same writer as ``ingest`` (documents already stored are skipped)."""
    from cachlamhay.document import CleanDocument
    from cachlamhay.kb.consolidate import consolidate_pending
    from cachlamhay.pipeline import prepared_with, write_batch

    summary = IngestSummary()
    started = time.perf_counter()
    documents = read_output(output)  # checks the folder before anything is written
    if store.count_unconsolidated():
        with store.transaction():
            consolidate_pending(store, find_mentions_again=True)
    for rejection in read_rejections(output):
        summary.read += 1
        summary.reject(rejection)
    pending: list[PreparedDocument] = []
    seen: set[str] = set()
    for row, fact_rows, mention_rows in documents:
        summary.read += 1
        if row["id"] in seen or store.has_document(row["id"]):
            summary.duplicate += 1
            continue
        seen.add(row["id"])
        doc = CleanDocument.from_record(row)
        facts: dict[str, Any] | None = None
        if "extract_error" not in doc.meta:  # as prepare: an extractor failure stores no facts
            facts = {key: [] for key in FACT_TYPES}
            by_type = {kind: key for key, kind in FACT_TYPES.items()}
            for fact in fact_rows:
                facts[by_type[fact["type"]]].append(json.loads(fact["data"]))
        mentions = [(m["kind"], m["name"], m["start"], m["end"]) for m in mention_rows]
        pending.append(prepared_with(doc, facts, mentions))
        if len(pending) >= batch_size:
            seen.difference_update(p.doc.id for p in pending)
            write_batch(store, pending, summary)
    write_batch(store, pending, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def main(argv: list[str] | None = None) -> int:
    """``python -m cachlamhay.spark INPUT... OUTPUT``: the spark-submit entry point."""
    from cachlamhay.cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    if not any(arg == "--master" or arg.startswith("--master=") for arg in args):
        args += ["--master", ""]  # empty: the master spark-submit was given
    return cli_main(["spark-extract", *args])


if __name__ == "__main__":
    sys.exit(main())
