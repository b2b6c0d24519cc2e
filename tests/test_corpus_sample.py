"""A slice of both shared corpora through the whole ingest: no crash, no rejection, sane output.

The full 58,084-document run is a benchmark (bench/ingest_corpus.py), not a test.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from cachlamhay import kb
from cachlamhay.pipeline import ingest
from cachlamhay.store import Store
from tests.conftest import CORPUS

SAMPLE = 1500

pytestmark = pytest.mark.corpus


def corpus_slice(name: str, tmp_path: Path) -> Path:
    source = CORPUS / name
    if not source.exists():
        pytest.skip(f"shared corpus not found at {source}")
    target = tmp_path / name
    with gzip.open(source, "rb") as reader, gzip.open(target, "wb") as writer:
        writer.writelines(itertools.islice(reader, SAMPLE))
    return target


@pytest.mark.parametrize("name", ["baomoi-2017.jsonl.gz", "vietnews-test.jsonl.gz"])
def test_corpus_slice_ingests_cleanly(name: str, store: Store, tmp_path: Path) -> None:
    path = corpus_slice(name, tmp_path)
    summary = ingest(store, [path])
    assert (summary.read, summary.rejected) == (SAMPLE, 0)
    assert summary.new + summary.duplicate == SAMPLE
    again = ingest(store, [path])
    assert again.new == 0
    rows = store.conn.execute("SELECT text, title, captions FROM documents").fetchall()
    for row in rows:
        assert row["text"].strip()
        assert row["title"] and row["text"].startswith(row["title"])
        for start, end in json.loads(row["captions"]):
            assert 0 <= start < end <= len(row["text"])


def test_corpus_search_is_diacritic_insensitive(store: Store, tmp_path: Path) -> None:
    ingest(store, [corpus_slice("vietnews-test.jsonl.gz", tmp_path)])
    for plain, marked in [("da nang", "Đà Nẵng"), ("ha noi", "HÀ NỘI"), ("thuy dien", "thủy điện")]:
        plain_ids = [r["id"] for r in kb.search(store, plain, limit=50).results]
        assert plain_ids
        assert plain_ids == [r["id"] for r in kb.search(store, marked, limit=50).results]
    assert kb.search(store, "thuỷ điện").total == kb.search(store, "thủy điện").total
