"""Crash safety: `ingest` killed with SIGKILL at random points never leaves a half-stored
document, the database stays intact, and a rerun stores exactly the documents still missing."""

from __future__ import annotations

import gzip
import itertools
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cachlamhay.pipeline import extract_paths
from cachlamhay.store.db import FACT_TYPES
from tests.conftest import CORPUS, exported_tables

pytestmark = pytest.mark.corpus

KILLS = 5
DOCUMENTS = 600
CLI = [sys.executable, "-m", "cachlamhay.cli"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    path = tmp_path_factory.mktemp("crash") / "sample.jsonl"
    with gzip.open(CORPUS / "baomoi-2017.jsonl.gz", "rt", encoding="utf-8") as handle:
        path.write_text("".join(itertools.islice(handle, DOCUMENTS)), "utf-8")
    return path


def _ingest(db: Path, sample: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "--db", str(db), "ingest", "--batch-size", "40", str(sample)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, no table yet, or locked for a moment
        return 0


def _kill_once_stored(process: subprocess.Popen[bytes], db: Path, target: int) -> None:
    """SIGKILL as soon as ``target`` documents are committed: wherever the writer is then
    (extracting the next batch, inside its transaction, consolidating). A count rather than a
    delay, so the kill lands mid-ingest however fast extraction gets."""
    while process.poll() is None:
        if _stored(db) >= target:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait()


def _check(db: Path, expected: dict[str, int]) -> int:
    """Integrity, and every stored document complete: its facts and its consolidation."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(
            conn.execute(
                "SELECT d.id, count(f.id) FROM documents d LEFT JOIN facts f"
                " ON f.doc_rowid = d.rowid GROUP BY d.rowid"
            ).fetchall()
        )
        for doc_id, facts in stored.items():
            assert facts == expected[doc_id], doc_id
        unconsolidated = conn.execute(
            "SELECT count(*) FROM documents WHERE consolidated = 0"
        ).fetchone()[0]
        assert unconsolidated == 0
        orphans = conn.execute(
            "SELECT count(*) FROM facts WHERE doc_rowid NOT IN (SELECT rowid FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
        return len(stored)
    finally:
        conn.close()


def test_sigkill_at_random_points_recovers_exactly(sample: Path, tmp_path: Path) -> None:
    expected = {
        item["doc"]["id"]: sum(len(item[key]) for key in FACT_TYPES)
        for item in extract_paths([sample])
        if isinstance(item, dict)
    }
    assert len(expected) == DOCUMENTS
    rng = random.Random(20261122)
    stored_at_kill = []
    for run in range(KILLS):
        db = tmp_path / f"crash{run}.db"
        process = _ingest(db, sample)
        _kill_once_stored(process, db, rng.randrange(40, DOCUMENTS - 40))
        before = _check(db, expected) if db.exists() else 0
        stored_at_kill.append(before)
        rerun = subprocess.run(
            [*CLI, "--db", str(db), "--json", "ingest", str(sample)],
            capture_output=True,
            check=True,
        )
        summary = json.loads(rerun.stdout)
        assert (summary["new"], summary["duplicate"]) == (DOCUMENTS - before, before)
        assert _check(db, expected) == DOCUMENTS
    print("documents stored when killed:", stored_at_kill)
    assert sum(0 < n < DOCUMENTS for n in stored_at_kill) >= 3, stored_at_kill

    clean = tmp_path / "clean.db"
    subprocess.run(
        [*CLI, "--db", str(clean), "ingest", str(sample)], capture_output=True, check=True
    )
    recovered = exported_tables(tmp_path / "crash0.db", tmp_path / "out-recovered")
    uninterrupted = exported_tables(clean, tmp_path / "out-clean")
    for table in ("documents", "facts", "indicators", "transfers", "practices", "people"):
        assert recovered[table] == uninterrupted[table], table
