"""Benchmark: `extract` over a whole corpus (default: baomoi), in-process, one core.

Prints documents, facts per type, rejected inputs (must be 0), docs/s, MB/s of input (JSON Lines,
decompressed), peak RSS, and the interpreter (version and where it is installed: the same code
takes about 11% less time on a CPython built with profile-guided optimisation, as Debian's is).

    .venv/bin/python bench/extract_corpus.py [--corpus ../shared/corpus/baomoi-2017.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from cachlamhay.pipeline import extract_paths

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("visits", "people", "indicators", "transfers", "practices")


def _uncompressed_megabytes(path: Path) -> float:
    """Size of the input as read (JSON Lines, decompressed), for MB/s."""
    opener = gzip.open if path.suffix == ".gz" else open
    total = 0
    with opener(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            total += len(chunk)
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
    )
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: not found")
    facts: Counter[str] = Counter()
    documents = rejected = 0
    megabytes = _uncompressed_megabytes(args.corpus)  # outside the timing
    started = time.perf_counter()
    for item in extract_paths([args.corpus]):
        if isinstance(item, dict):
            documents += 1
            for kind in KINDS:
                facts[kind] += len(item[kind])
        else:
            rejected += 1
    seconds = time.perf_counter() - started
    result = {
        "corpus": args.corpus.name,
        "documents": documents,
        "rejected": rejected,
        "facts": dict(facts),
        "seconds": round(seconds, 1),
        "docs_per_second": round(documents / seconds, 1),
        "mb_per_second": round(megabytes / seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": f"{platform.python_version()} ({sys.base_prefix})",
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
