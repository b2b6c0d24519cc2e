"""Benchmark: where `extract` spends its time, stage by stage, over the first N baomoi articles.

Times reading, cleaning, and each extraction stage (sentences and place mentions, dates, people,
visits, transfers, practices, indicators) with the rules' candidates only, as `extract` runs
them when no model is shipped, in-process, without a profiler. Prints JSON, seconds per stage.

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

from cachlamhay.extract import dates, indicators, model, people, practices, transfers, visits
from cachlamhay.extract.context import build_context
from cachlamhay.ingest import Rejection, read_paths
from cachlamhay.pipeline import clean_or_reject

ROOT = Path(__file__).resolve().parents[1]


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

    def timed(stage: str, run: Callable[..., Any], *values: Any, **options: Any) -> Any:
        started = time.perf_counter()
        result = run(*values, **options)
        seconds[stage] += time.perf_counter() - started
        return result

    raws = timed("read", lambda: list(itertools.islice(read_paths([args.corpus]), args.limit)))
    documents = 0
    for raw in raws:
        if isinstance(raw, Rejection):
            continue
        doc = timed("clean", clean_or_reject, raw)
        if isinstance(doc, Rejection):
            continue
        documents += 1
        ctx = timed(
            "sentences and mentions",
            build_context,
            doc.id,
            doc.text,
            title=doc.title,
            published=doc.published,
            source=doc.source,
            captions=doc.captions,
        )
        year = timed("dates", dates.ArticleYear, doc.text, doc.published)
        visit_year = timed("dates", dates.ArticleYear, doc.text, doc.published, confident=True)
        sentence_texts = [s.text for s in ctx.sentences]
        first_dates = timed("dates", dates.SentenceDates, sentence_texts, ctx.published, visit_year)
        found_people = timed("people", people.extract_people, ctx)
        found_visits = timed(
            "visits", visits.visit_candidates, ctx, found_people, first_dates, rules_only=True
        )
        decided = model.decide("visits", found_visits)
        pairs = [(c.payload.visitor, c.payload.host) for c in decided if c.kept]
        timed("transfers", transfers.transfer_candidates, ctx, found_people, pairs, rules_only=True)
        timed("practices", practices.practice_candidates, ctx, found_people, rules_only=True)
        timed("indicators", indicators.indicator_candidates, ctx, year, rules_only=True)
    result = {
        "corpus": args.corpus.name,
        "documents": documents,
        "seconds": {stage: round(value, 2) for stage, value in seconds.items()},
        "total_seconds": round(sum(seconds.values()), 2),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
