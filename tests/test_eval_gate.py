"""The eval gate: dev-gold F1 must not fall below the floors recorded in tests/eval_floors.json.

Raise a floor when extraction improves; never lower one silently (the commit that lowers it
says why). The gold documents are read from ../shared/corpus, as CI has it beside the repo.
"""

from __future__ import annotations

import json

import pytest

from cachlamhay import evaluate
from cachlamhay.pipeline import extract_paths
from tests.conftest import CORPUS, EXAMPLES, ROOT

GOLD = ROOT / "tests" / "gold"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def report() -> evaluate.EvalReport:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    gold = evaluate.load_gold(GOLD)
    predicted = {
        item["doc"]["id"]: item
        for item in extract_paths([EXAMPLES, CORPUS], only=set(gold))
        if isinstance(item, dict)
    }
    assert set(predicted) == set(gold), (
        f"gold documents without input: {set(gold) - set(predicted)}"
    )
    return evaluate.score(gold, predicted)


def test_dev_gold_has_at_least_40_corpus_documents() -> None:
    corpus_docs = [p for p in GOLD.glob("*.json") if p.stem.startswith(("baomoi-", "vietnews-"))]
    assert len(corpus_docs) >= 40


def test_f1_stays_above_the_recorded_floors(report: evaluate.EvalReport) -> None:
    floors = json.loads((ROOT / "tests" / "eval_floors.json").read_text("utf-8"))
    failures = evaluate.floor_failures(report, floors)
    assert not failures, "\n".join(failures) + "\n\n" + report.render()
