"""Print eval-gate floors from ``cachlamhay --json eval`` output: each F1 rounded *down* to two
decimals, so a floor is never above the score it records.

    .venv/bin/cachlamhay --json eval tests/gold/dev --inputs examples ../shared/corpus \\
        | .venv/bin/python scripts/floors.py > tests/eval_floors.json
"""

from __future__ import annotations

import json
import math
import sys

KINDS = ("micro", "visits", "people", "indicators", "transfers", "practices")

if __name__ == "__main__":
    report = json.load(sys.stdin)
    floors = {kind: math.floor(report[kind]["f1"] * 100 + 1e-9) / 100 for kind in KINDS}
    print(json.dumps(floors, indent=2))
