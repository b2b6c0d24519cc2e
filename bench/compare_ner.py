"""Benchmark: cachlamhay's people extraction vs underthesea's bundled NER (PER spans).

Same gold documents, same cleaning, same scoring (``cachlamhay.evaluate.score``: people matched
one-to-one on the normalised name; optional gold people are neither required nor counted wrong).
underthesea's PER spans carry no titles, so only names are compared. Prints a markdown table
(or JSON with ``--json``) with people P/R/F1 and the throughput of each system on those
documents: cachlamhay's full extraction (every fact type) vs underthesea's NER alone.

    .venv/bin/python bench/compare_ner.py [--gold tests/gold/dev] \
        [--inputs examples ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from cachlamhay.clean import clean_document
from cachlamhay.document import CleanDocument
from cachlamhay.evaluate import FieldScore, load_gold, norm_name, score
from cachlamhay.extract import extract_document
from cachlamhay.ingest import Rejection, read_paths

ROOT = Path(__file__).resolve().parents[1]
PER_TAGS = ("B-PER", "I-PER")
NOTE = (
    "underthesea's PER spans carry no titles, so only names are compared"
    " (people titles/province are not scored for either system)."
)

People = list[dict[str, Any]]


def find_documents(inputs: Iterable[Path], wanted: set[str]) -> dict[str, CleanDocument]:
    """Stream the inputs, keep the first record of every wanted id, cleaned; stop when all found."""
    found: dict[str, CleanDocument] = {}
    for item in read_paths(inputs):
        if isinstance(item, Rejection) or item.id not in wanted or item.id in found:
            continue
        found[item.id] = clean_document(item)
        if len(found) == len(wanted):
            break
    return found


def cachlamhay_people(doc: CleanDocument) -> People:
    return list(extract_document(doc)["people"])


def per_spans(tokens: Iterable[tuple[str, ...]]) -> list[str]:
    """Names from ``ner`` output: runs of B-PER/I-PER tokens (a B-PER starts a new name)."""
    names: list[str] = []
    current: list[str] = []
    for token in tokens:
        word, tag = token[0], token[-1]
        if tag == "B-PER" or (tag == "I-PER" and not current):
            if current:
                names.append(" ".join(current))
            current = [word.replace("_", " ")]
        elif tag == "I-PER":
            current.append(word.replace("_", " "))
        elif current:
            names.append(" ".join(current))
            current = []
    if current:
        names.append(" ".join(current))
    return [" ".join(n.split()) for n in names if n.strip()]


def underthesea_people(doc: CleanDocument) -> People:
    """Unique PER names over every sentence of the cleaned text (lines, then sent_tokenize)."""
    from underthesea import ner, sent_tokenize

    people: People = []
    seen: set[str] = set()
    for line in doc.text.split("\n"):
        if not line.strip():
            continue
        for sentence in sent_tokenize(line):
            if not sentence.strip():
                continue
            for name in per_spans(ner(sentence)):
                key = norm_name(name)
                if key and key not in seen:
                    seen.add(key)
                    people.append({"name": name})
    return people


def run(
    system: Callable[[CleanDocument], People], docs: dict[str, CleanDocument]
) -> tuple[dict[str, People], float]:
    """People per document and the wall seconds spent in ``system`` over all documents."""
    out: dict[str, People] = {}
    started = time.perf_counter()
    for doc_id, doc in docs.items():
        out[doc_id] = system(doc)
    return out, time.perf_counter() - started


def prediction(people: People) -> dict[str, Any]:
    return {
        "doc": {},
        "visits": [],
        "people": people,
        "indicators": [],
        "transfers": [],
        "practices": [],
    }


def warm_up() -> float:
    """Load both systems' models/tables once, outside the timed runs; returns the seconds."""
    from underthesea import ner, sent_tokenize

    started = time.perf_counter()
    ner(sent_tokenize("Ông Nguyễn Văn An làm việc tại Hà Nội.")[0])
    text = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Hà Tĩnh, làm việc với tỉnh Nghệ An."
    warm = CleanDocument("warm-up", text, text, "warm-up", None, None, None, None, None)
    extract_document(warm)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "dev")
    parser.add_argument(
        "--inputs",
        type=Path,
        nargs="+",
        default=[ROOT / "examples", ROOT.parent / "shared" / "corpus"],
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    args = parser.parse_args()

    gold = load_gold(args.gold)
    started = time.perf_counter()
    docs = find_documents(args.inputs, set(gold))
    find_seconds = time.perf_counter() - started
    missing = sorted(set(gold) - set(docs))
    if not docs:
        sys.exit("none of the gold documents was found in the inputs")
    # Score only the documents both systems saw: a gold document absent from the inputs would
    # count its people as misses for both and say nothing about either.
    gold = {doc_id: gold[doc_id] for doc_id in docs}
    warm_seconds = warm_up()

    systems = {
        "cachlamhay (full extraction)": cachlamhay_people,
        f"underthesea {version('underthesea')} ner (PER)": underthesea_people,
    }
    rows = []
    for name, system in systems.items():
        people, seconds = run(system, docs)
        report = score(gold, {doc_id: prediction(p) for doc_id, p in people.items()})
        counts: FieldScore = report.fields["people"]
        rows.append(
            {
                "system": name,
                "people": counts.as_dict(),
                "seconds": seconds,
                "docs_per_second": len(docs) / seconds if seconds else None,
            }
        )

    result = {
        "documents": len(docs),
        "gold_documents_not_found": missing,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}",
        "find_seconds": round(find_seconds, 1),
        "warm_up_seconds": round(warm_seconds, 2),
        "note": NOTE,
        "systems": rows,
    }
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    print("| system | people P | people R | people F1 | docs/s |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        p = row["people"]
        rate = "n/a" if row["docs_per_second"] is None else f"{row['docs_per_second']:.1f}"
        print(f"| {row['system']} | {p['p']:.3f} | {p['r']:.3f} | {p['f1']:.3f} | {rate} |")
    print()
    for row in rows:
        p = row["people"]
        print(
            f"- {row['system']}: tp {p['tp']}, fp {p['fp']}, fn {p['fn']};"
            f" {row['seconds']:.2f} s wall"
        )
    print(f"\n{len(docs)} gold documents ({result['machine']}). {NOTE}")
    if missing:
        print(f"Not found in the inputs (not scored): {', '.join(missing)}")


if __name__ == "__main__":
    main()
