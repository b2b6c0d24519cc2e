"""Every fact's evidence span points into the cleaned text at a passage that contains it.

Checked over slices of both shared corpora (and the seeds): people's names, indicator and
transfer figures, visit and practice provinces must be inside their own evidence.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from cachlamhay.clean import clean_document
from cachlamhay.document import RawDocument
from cachlamhay.extract import extract_document
from cachlamhay.extract.gazetteer import province_aliases
from cachlamhay.extract.topics import topics_in
from tests.conftest import CORPUS, EXAMPLES

SLICE = 400

pytestmark = pytest.mark.corpus


def documents() -> list[RawDocument]:
    found = [
        RawDocument(id=p.stem, text=p.read_text("utf-8"), origin=str(p))
        for p in sorted(EXAMPLES.glob("*.txt"))
    ]
    for name in ("baomoi-2017.jsonl.gz", "vietnews-test.jsonl.gz"):
        path = CORPUS / name
        if not path.exists():
            pytest.skip(f"shared corpus not found at {path}")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in itertools.islice(handle, SLICE):
                record = json.loads(line)
                found.append(
                    RawDocument(
                        id=record["id"], text=record["text"], origin=name, title=record.get("title")
                    )
                )
    return found


def spellings(province: str) -> list[str]:
    return [alias for alias, name in province_aliases().items() if name == province]


def covered(text: str, fact: dict) -> str:  # type: ignore[type-arg]
    spans = fact["evidence"]
    assert spans, fact
    for span in spans:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == text[span["start"] : span["end"]].strip()
    return " ".join(text[s["start"] : s["end"]] for s in spans)


def test_evidence_contains_the_fact(tmp_path: Path) -> None:
    checked = 0
    for raw in documents():
        doc = clean_document(raw)
        out = extract_document(doc)
        for person in out["people"]:
            assert person["name"] in covered(doc.text, person)
        for item in out["indicators"] + out["transfers"]:
            assert any(ch.isdigit() for ch in covered(doc.text, item)), item
        for visit in out["visits"]:
            evidence = covered(doc.text, visit)
            named = [visit[side]["name"] for side in ("visitor", "host")]
            named += [a for side in ("visitor", "host") for a in spellings(visit[side]["name"])]
            if visit["leader"]:
                named.append(visit["leader"]["name"])
            assert any(name in evidence for name in named), (visit, evidence)
        for practice in out["practices"]:
            assert practice["topic"] in topics_in(covered(doc.text, practice))
        checked += sum(
            len(out[k]) for k in ("people", "indicators", "transfers", "visits", "practices")
        )
    assert checked > 100
