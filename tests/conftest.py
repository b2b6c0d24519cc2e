"""Shared fixtures: seed articles, the shared corpus (skipped when absent), a fresh store."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cachlamhay.document import RawDocument
from cachlamhay.ingest import Rejection, read_paths
from cachlamhay.store import Store, open_store
from cachlamhay.web import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED_000 = EXAMPLES / "000_c376ad1e370c138e.txt"
SEED_004 = EXAMPLES / "004_64df843035bf8b4e.txt"


@pytest.fixture(scope="module")
def reader(db_path: Path) -> Iterator[Store]:
    """A read-only connection to the module's store (the module defines ``db_path``)."""
    with open_store(db_path, readonly=True) as store:
        yield store


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    """A web client on the module's store (the module defines ``db_path``; modules that need
    another store define their own ``client``)."""
    with TestClient(create_app(db_path)) as test_client:
        yield test_client


def roundtrip(data: Any) -> Any:
    """``data`` as it comes back from JSON (tuples become lists…)."""
    return json.loads(json.dumps(data, ensure_ascii=False))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "test.db") as opened:
        yield opened


def corpus_records(name: str, ids: set[str]) -> dict[str, dict[str, str]]:
    """The corpus records with the given ids (one streaming pass over the gzip)."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus not found at {path}")
    found: dict[str, dict[str, str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record
                if len(found) == len(ids):
                    break
    return found


def exported_tables(db: Path, out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table of the store at ``db`` as exported to JSONL, without ``ingested_at`` (the
    one column two identical ingests differ in)."""
    from cachlamhay import kb

    with open_store(db, readonly=True) as store:
        files = kb.export(store, "jsonl", out)
    tables = {}
    for path in files:
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        for row in rows:
            row.pop("ingested_at", None)
        tables[path.stem] = rows
    return tables


@pytest.fixture
def plain_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No colours or progress bars, no stray default database, no inherited CACHLAMHAY_DB."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CACHLAMHAY_DB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)


def collect(paths: Iterable[Path | str]) -> tuple[list[RawDocument], list[Rejection]]:
    """What the readers give for ``paths``: the documents and the rejections, in order."""
    docs: list[RawDocument] = []
    rejections: list[Rejection] = []
    for item in read_paths(paths):
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            assert isinstance(item, RawDocument)
            docs.append(item)
    return docs, rejections


def gunzip_prefix(data: bytes) -> bytes:
    """Everything a (possibly multi-member, possibly truncated) gzip stream decompresses to."""
    out = b""
    while data:
        member = zlib.decompressobj(wbits=31)
        out += member.decompress(data)
        data = member.unused_data
    return out
