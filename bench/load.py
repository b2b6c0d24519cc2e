"""Load test: wrk (Debian's `wrk` package) against `cachlamhay serve` on loopback.

Concurrent clients cycle through a mix of search, province and article pages drawn from the
store (the busiest provinces, the articles with most facts); wrk prints the latency
distribution (p50 … p99), requests/s and errors.

    .venv/bin/python bench/load.py --db full.db [--connections 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCHES = ["ha tinh", "sap nhap xa", "nong thon moi", "xuc tien dau tu", "da nang", "bao lu"]
LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""


def mix(db: Path, each: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from cachlamhay.vntext import slugify

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    provinces = conn.execute(
        "SELECT host FROM visits WHERE host_kind = 'province' GROUP BY host"
        " ORDER BY count(*) DESC LIMIT ?",
        (each,),
    ).fetchall()
    articles = conn.execute(
        "SELECT id FROM documents WHERE rowid IN"
        " (SELECT doc_rowid FROM facts GROUP BY doc_rowid ORDER BY count(*) DESC LIMIT ?)",
        (each,),
    ).fetchall()
    conn.close()
    quote = urllib.parse.quote
    return (
        [f"/search?q={quote(q)}" for q in SEARCHES]
        + [f"/province/{slugify(p)}" for (p,) in provinces]
        + [f"/article/{quote(a)}" for (a,) in articles]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--each", type=int, default=40, help="provinces and articles in the mix")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument(
        "--warm", action="store_true", help="request every page once before the measured run"
    )
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="start the server without its start-up warming (a truly cold cache)",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("bench/load.py: wrk not found (apt-get install wrk)")
    sys.path.insert(0, str(ROOT / "src"))
    from cachlamhay.web.local import server_process

    paths = mix(args.db, args.each)
    script = Path(tempfile.mkdtemp()) / "mix.lua"
    script.write_text("paths = " + json.dumps(paths).replace("[", "{").replace("]", "}") + LUA)
    with server_process(args.db, workers=args.workers, warm=not args.no_warm) as base:
        if args.warm:
            for _ in range(args.workers):  # each worker process has its own cache
                for path in paths:
                    urllib.request.urlopen(base + path, timeout=60).read()
        warmth = (
            "every page requested once"
            if args.warm
            else "fresh server, no start-up warming"
            if args.no_warm
            else "fresh server (home and province pages warmed at start-up)"
        )
        print(
            f"{len(paths)} paths, {args.connections} connections, {args.seconds} s,"
            f" {args.workers} worker(s), {warmth}"
        )
        subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "--latency",
                "-s",
                str(script),
                base,
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
