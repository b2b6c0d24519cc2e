"""Benchmark: ingest the shared corpora into a fresh store, twice (the second run is a no-op).

Prints documents, docs/s, MB/s of input text and peak RSS of the ingest process, measured
around a real ``cachlamhay ingest`` subprocess so start-up and SQLite costs are included.

    .venv/bin/python bench/ingest_corpus.py [--corpus ../shared/corpus] [--db /tmp/b.db] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_ingest(db: Path, inputs: list[Path], jobs: int = 1) -> tuple[dict[str, object], float, int]:
    """One ``cachlamhay ingest --json`` child: its summary, wall seconds and peak RSS (KiB)."""
    exe = Path(sys.executable).with_name("cachlamhay")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [str(exe), "--db", str(db), "ingest", "--json", "--jobs", str(jobs), *map(str, inputs)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout), seconds, max(peak, before)


def input_megabytes(inputs: list[Path]) -> float:
    """Uncompressed size of the inputs' text, for MB/s."""
    import gzip

    total = 0
    for path in inputs:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as handle:
            while chunk := handle.read(1 << 22):
                total += len(chunk)
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (ingest --jobs)")
    args = parser.parse_args()
    inputs = sorted(args.corpus.glob("*.jsonl.gz"))
    if not inputs:
        sys.exit(f"no *.jsonl.gz under {args.corpus}")
    db = args.db or Path(tempfile.mkdtemp(prefix="cachlamhay-bench-")) / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    megabytes = input_megabytes(inputs)

    first, seconds, peak = run_ingest(db, inputs, args.jobs)
    again, seconds_again, _ = run_ingest(db, inputs, args.jobs)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}",
        "inputs": [p.name for p in inputs],
        "jobs": args.jobs,
        "documents_read": first["read"],
        "new": first["new"],
        "rejected": first["rejected"],
        "clustered": first["clustered"],
        "seconds": round(seconds, 1),
        "docs_per_second": round(first["read"] / seconds, 1),
        "mb_per_second": round(megabytes / seconds, 2),
        "peak_rss_mb": round(peak / 1024, 1),
        "database_mb": round(db.stat().st_size / 1e6, 1),
        "rerun_new": again["new"],
        "rerun_duplicate": again["duplicate"],
        "rerun_seconds": round(seconds_again, 1),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
