"""`--jobs N` gives the same output as `--jobs 1`: extraction order, stored documents and facts,
and the knowledge base consolidated from them."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from cachlamhay.pipeline import extract_paths, ingest
from cachlamhay.store import open_store
from tests.conftest import CORPUS, EXAMPLES, exported_tables

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 baomoi and 300 vietnews articles, one file each, plus the seeds."""
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    folder = tmp_path_factory.mktemp("jobs")
    for name in ("baomoi-2017.jsonl.gz", "vietnews-test.jsonl.gz"):
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as handle:
            lines = list(itertools.islice(handle, 300))
        (folder / name.replace(".gz", "")).write_text("".join(lines), "utf-8")
    for seed in EXAMPLES.glob("*.txt"):
        (folder / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    return folder


def test_extract_with_two_jobs_is_identical(sample: Path) -> None:
    one = [json.dumps(item, ensure_ascii=False, default=str) for item in extract_paths([sample])]
    two = [
        json.dumps(item, ensure_ascii=False, default=str)
        for item in extract_paths([sample], jobs=2)
    ]
    assert len(one) == 602
    assert one == two


def test_ingest_with_two_jobs_stores_the_same(sample: Path, tmp_path: Path) -> None:
    for jobs in (1, 2):
        with open_store(tmp_path / f"jobs{jobs}.db") as store:
            summary = ingest(store, [sample], jobs=jobs, batch_size=100)
            assert (summary.read, summary.new, summary.rejected) == (602, 602, 0)
    one = exported_tables(tmp_path / "jobs1.db", tmp_path / "out1")
    two = exported_tables(tmp_path / "jobs2.db", tmp_path / "out2")
    assert one.keys() == two.keys()
    for table in one:
        assert one[table] == two[table], table
    assert one["visits"] and one["people"] and one["facts"]
