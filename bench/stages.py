"""Benchmark: where `extract` spends its time, stage by stage, over the first N baomoi articles.

Runs the real `extract_document` on each cleaned article, with its stage functions wrapped in
timers (sentences and place mentions, people, visits, transfers, practices, indicators), so the
stages are the ones `extract` runs, in its order; what is left (dates, decisions, building the
output) is "other". Reading and cleaning are timed too. In-process, no profiler; prints JSON,
seconds per stage.

    .venv/bin/python bench/stages.py [--corpus ../shared/corpus/baomoi-2017.jsonl.gz] [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cachlamhay.extract as extract
from cachlamhay.ingest import Rejection, read_paths
from cachlamhay.pipeline import clean_or_reject

ROOT = Path(__file__).resolve().parents[1]
# (stage, module whose attribute `extract` looks up at call time, function name)
STAGES = [
    ("sentences and mentions", extract, "build_context"),
    ("people", extract.people, "extract_people"),
    ("visits", extract.visits, "visit_candidates"),
    ("transfers", extract.transfers, "transfer_candidates"),
    ("practices", extract.practices, "practice_candidates"),
    ("indicators", extract.indicators, "indicator_candidates"),
]


def _timer(seconds: dict[str, float], stage: str, run: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*values: Any, **options: Any) -> Any:
        started = time.perf_counter()
        try:
            return run(*values, **options)
        finally:
            seconds[stage] += time.perf_counter() - started

    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
    )
    parser.add_argument("--limit", type=int, default=4000)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: not found")
    seconds: dict[str, float] = defaultdict(float)
    for stage, module, name in STAGES:
        setattr(module, name, _timer(seconds, stage, getattr(module, name)))
    read = _timer(
        seconds, "read", lambda: list(itertools.islice(read_paths([args.corpus]), args.limit))
    )
    clean = _timer(seconds, "clean", clean_or_reject)
    run = _timer(seconds, "extract", extract.extract_document)
    documents = 0
    for raw in read():
        doc = clean(raw) if not isinstance(raw, Rejection) else raw
        if not isinstance(doc, Rejection):
            run(doc)
            documents += 1
    staged = sum(seconds[stage] for stage, _, _ in STAGES)
    seconds["other"] = seconds.pop("extract") - staged
    result = {
        "corpus": args.corpus.name,
        "documents": documents,
        "seconds": {stage: round(value, 2) for stage, value in seconds.items()},
        "total_seconds": round(sum(seconds.values()), 2),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
