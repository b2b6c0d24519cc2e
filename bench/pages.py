"""Benchmark: page render times of the web UI on a store (default: the full-corpus store).

Starts `cachlamhay serve --no-warm` (so every page is rendered, not served from the start-up
warming) on a free loopback port, requests a sample of every page type (HTML and its JSON twin)
one at a time, and prints median and p95 latency per page type, measured by the client around
each full response (so it includes HTTP on loopback, not only rendering). The home page's JSON
twin answers the server's readiness probe, so its row is a cache hit.

    .venv/bin/python bench/pages.py --db /tmp/full.db [--samples 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCHES = ["ha tinh", "sap nhap xa", "nong thon moi", "xuc tien dau tu", "Đà Nẵng", "bão lũ"]


def targets(db: Path, samples: int) -> dict[str, list[str]]:
    """Paths per page type, drawn from what the store holds (busiest first)."""
    sys.path.insert(0, str(ROOT / "src"))
    from cachlamhay.vntext import slugify

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    provinces = [
        r[0]
        for r in conn.execute(
            "SELECT host FROM visits WHERE host_kind = 'province' GROUP BY host"
            " ORDER BY count(*) DESC LIMIT ?",
            (samples,),
        )
    ]
    people = [
        r[0]
        for r in conn.execute(
            "SELECT p.slug FROM offices o JOIN people p ON p.id = o.person_id GROUP BY p.id"
            " ORDER BY count(*) DESC LIMIT ?",
            (samples,),
        )
    ]
    articles = [
        r[0]
        for r in conn.execute(
            "SELECT d.id FROM documents d WHERE d.rowid IN"
            " (SELECT doc_rowid FROM facts GROUP BY doc_rowid ORDER BY count(*) DESC LIMIT ?)",
            (samples,),
        )
    ]
    topics = [
        r[0] for r in conn.execute("SELECT DISTINCT topic FROM practices LIMIT ?", (samples,))
    ]
    indicators = [
        r[0]
        for r in conn.execute(
            "SELECT indicator FROM indicators GROUP BY indicator ORDER BY count(*) DESC LIMIT ?",
            (samples,),
        )
    ]
    years = [r[0] for r in conn.execute("SELECT DISTINCT year FROM visits WHERE year IS NOT NULL")]
    conn.close()
    quote = urllib.parse.quote
    return {
        "home": ["/"],  # once: later requests would come from the response cache
        "province": [f"/province/{slugify(p)}" for p in provinces],
        "practices": [f"/practices/{t}" for t in topics],
        "compare": [f"/compare/{i}" for i in indicators],
        "network": ["/network"] + [f"/network?year={y}" for y in years[:samples]],
        "person": [f"/person/{p}" for p in people],
        "article": [f"/article/{quote(a)}" for a in articles],
        "search": [f"/search?q={quote(q)}" for q in SEARCHES],
        # the study-visit brief of the busiest provinces, each on its most praised topic
        "brief": [
            f"/brief/{slugify(p)}?topic={topic}" for p, topic in _brief_targets(db, provinces)
        ],
    }


def _brief_targets(db: Path, provinces: list[str]) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pairs = []
    for province in provinces:
        row = conn.execute(
            "SELECT topic FROM practices WHERE province = ? GROUP BY topic"
            " ORDER BY count(*) DESC LIMIT 1",
            (province,),
        ).fetchone()
        pairs.append((province, row[0] if row else "admin_merger"))
    conn.close()
    return pairs


def json_twin(path: str) -> str:
    if path == "/":
        return "/index.json"
    base, _, query = path.partition("?")
    return base + ".json" + ("?" + query if query else "")


def timed_get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        status = response.status
    return (time.perf_counter() - started) * 1000, status


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from cachlamhay.web.local import server_process

    with server_process(args.db, warm=False) as base:
        results = {}
        for kind, paths in targets(args.db, args.samples).items():
            for variant, make in (("html", lambda p: p), ("json", json_twin)):
                times = []
                for path in paths:
                    elapsed, status = timed_get(base + make(path))
                    if status != 200:
                        raise SystemExit(f"{make(path)}: HTTP {status}")
                    times.append(elapsed)
                results[f"{kind} ({variant})"] = {
                    "pages": len(times),
                    "median_ms": round(statistics.median(times), 1),
                    "p95_ms": round(percentile(times, 0.95), 1),
                    "max_ms": round(max(times), 1),
                }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("| page | pages | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for kind, row in results.items():
        print(
            f"| {kind} | {row['pages']} | {row['median_ms']} | {row['p95_ms']} | {row['max_ms']} |"
        )


if __name__ == "__main__":
    main()
