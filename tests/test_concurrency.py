"""Concurrency: two ingests into one store at once are serialized by SQLite's write lock (each
batch waits its turn, nothing is corrupted), and readers keep answering while they write."""

from __future__ import annotations

import gzip
import itertools
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cachlamhay import kb
from cachlamhay.kb import queries
from cachlamhay.store import open_store
from tests.conftest import CORPUS

pytestmark = pytest.mark.corpus

CLI = [sys.executable, "-m", "cachlamhay.cli"]


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    folder = tmp_path_factory.mktemp("concurrency")
    with gzip.open(CORPUS / "baomoi-2017.jsonl.gz", "rt", encoding="utf-8") as handle:
        lines = list(itertools.islice(handle, 600))
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    first.write_text("".join(lines[:300]), "utf-8")
    second.write_text("".join(lines[300:]), "utf-8")
    return first, second


def test_two_ingests_at_once_are_serialized(halves: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with open_store(db):
        pass  # created and migrated once, as a user's store would be
    runs = [
        subprocess.Popen(
            [*CLI, "--db", str(db), "--json", "ingest", "--batch-size", "25", str(half)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for half in halves
    ]
    reads = 0
    while any(run.poll() is None for run in runs):
        with open_store(db, readonly=True) as reader:  # readers are never blocked
            kb.search(reader, "ha noi")
            queries.overview(reader)
        reads += 1
    outputs = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    summaries = [json.loads(out) for out, _ in outputs]
    assert [s["new"] for s in summaries] == [300, 300]
    assert reads > 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 600
        assert (
            conn.execute("SELECT count(*) FROM documents WHERE consolidated = 0").fetchone()[0] == 0
        )
        unsourced = conn.execute(
            "SELECT count(*) FROM visits WHERE id NOT IN (SELECT visit_id FROM visit_sources)"
        ).fetchone()[0]
        assert unsourced == 0
    finally:
        conn.close()
