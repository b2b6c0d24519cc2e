"""Benchmark: cachlamhay `extract` vs underthesea NER, pyvi and a regex word pass, same documents.

Every system reads the same first ``--docs`` records of the corpus (underthesea, ~50-100x slower,
only the first ``--ner-docs`` of them) and is measured in its own subprocess (this script with
``--only SYSTEM``), so peak RSS is per system. Each child reads the records with plain
gzip+json before importing its system, loads the system (import + one tiny call: "load s"),
warms it up on the ``--warmup-docs`` records after the timed ones, then times one pass over the
timed documents on one core, noting the time and RSS when the first ``--ner-docs`` are done, so
every system also has a row on exactly underthesea's documents. MB/s counts the UTF-8 bytes of the
records' ``text``, which is what every system is given:

- cachlamhay: ``clean_or_reject`` + ``extract_document`` per record (cleaning included);
- underthesea: lines, ``sent_tokenize`` on each, ``ner`` on each sentence (as in compare_ner.py);
- pyvi: ``ViTokenizer.tokenize`` on each record's whole text;
- regex: ``re.findall(r"\\w+", text)`` per record, the ceiling for any pass over the text.

Prints a markdown table (or JSON with ``--json``); "ratio vs underthesea" is a row's docs/s over
underthesea's docs/s on the same documents. About 75 s with the defaults on 2 cores.

    .venv/bin/python bench/baselines.py [--corpus ../shared/corpus/baomoi-2017.jsonl.gz]
        [--docs 2000] [--ner-docs 200] [--warmup-docs 5] [--systems ...] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SYSTEMS = ("cachlamhay", "underthesea", "pyvi", "regex")
WORD = re.compile(r"\w+")
CONTENDED = 0.9  # CPU/wall of a timed pass below this: another process shared the core
TINY = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Hà Tĩnh, làm việc với tỉnh Nghệ An."

Record = dict[str, Any]
Work = Callable[[Record], int]  # one document → a count of what it produced (a sanity check)


def read_records(corpus: Path, count: int) -> tuple[list[Record], int]:
    """The first ``count`` records with a non-empty ``text`` (as the project's reader takes them),
    and how many lines were skipped for having none."""
    records: list[Record] = []
    skipped = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(records) >= count:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text") if isinstance(record, dict) else None
            if isinstance(text, str) and text.strip():
                records.append(record)
            else:
                skipped += 1
    return records, skipped


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_cachlamhay() -> tuple[Work, str]:
    from cachlamhay.document import RawDocument
    from cachlamhay.extract import extract_document
    from cachlamhay.ingest import Rejection
    from cachlamhay.pipeline import clean_or_reject

    def work(record: Record) -> int:
        raw = RawDocument(
            id=str(record.get("id")),
            text=record["text"],
            origin="bench",
            title=record.get("title") or None,
            source=record.get("source") or None,
        )
        cleaned = clean_or_reject(raw)
        if isinstance(cleaned, Rejection):  # nothing left after cleaning
            return 0
        facts = extract_document(cleaned)
        return sum(len(v) for k, v in facts.items() if isinstance(v, list) and k != "doc")

    work({"id": "warm-up", "text": TINY})
    return work, f"cachlamhay {version('cachlamhay')} extract (clean + every fact type)"


def load_underthesea() -> tuple[Work, str]:
    from underthesea import ner, sent_tokenize

    def work(record: Record) -> int:
        sentences = 0
        for line in record["text"].split("\n"):
            if not line.strip():
                continue
            for sentence in sent_tokenize(line):
                if sentence.strip():
                    ner(sentence)
                    sentences += 1
        return sentences

    work({"text": TINY})
    return work, f"underthesea {version('underthesea')} sent_tokenize + ner"


def load_pyvi() -> tuple[Work, str]:
    from pyvi import ViTokenizer

    def work(record: Record) -> int:
        return len(ViTokenizer.tokenize(record["text"]).split())

    work({"text": TINY})
    return work, f"pyvi {version('pyvi')} ViTokenizer.tokenize"


def load_regex() -> tuple[Work, str]:
    def work(record: Record) -> int:
        return len(WORD.findall(record["text"]))

    work({"text": TINY})
    return work, 're.findall(r"\\w+") (ceiling)'


LOADERS: dict[str, Callable[[], tuple[Work, str]]] = {
    "cachlamhay": load_cachlamhay,
    "underthesea": load_underthesea,
    "pyvi": load_pyvi,
    "regex": load_regex,
}


def measure(system: str, corpus: Path, docs: int, checkpoint: int, warmup: int) -> dict[str, Any]:
    """Run in the child: load, warm up, time one pass (with a checkpoint) — all in this process."""
    records, skipped = read_records(corpus, docs + warmup)
    timed, warm = records[:docs], records[docs:]
    result: dict[str, Any] = {
        "system": system,
        "records_skipped_without_text": skipped,
        "rss_before_load_mb": round(rss_mb(), 1),
    }
    started = time.perf_counter()
    try:
        work, label = LOADERS[system]()
    except ImportError as error:
        result["skipped"] = f"cannot import: {error} (.venv/bin/pip install {system})"
        return result
    result["label"] = label
    result["load_seconds"] = round(time.perf_counter() - started, 3)
    started = time.perf_counter()
    for record in warm:
        work(record)
    result["warmup_docs"] = len(warm)
    result["warmup_seconds"] = round(time.perf_counter() - started, 3)

    produced = 0
    size = 0
    cpu_started = cpu_seconds()
    started = time.perf_counter()
    for n, record in enumerate(timed, start=1):
        produced += work(record)
        size += len(record["text"].encode("utf-8"))
        if n == checkpoint:
            result["first"] = {
                "docs": n,
                "bytes": size,
                "seconds": time.perf_counter() - started,
                "cpu_seconds": round(cpu_seconds() - cpu_started, 3),
                "peak_rss_mb": round(rss_mb(), 1),
                "produced": produced,
            }
    seconds = time.perf_counter() - started
    result["all"] = {
        "docs": len(timed),
        "bytes": size,
        "seconds": seconds,
        "cpu_seconds": round(cpu_seconds() - cpu_started, 3),
        "peak_rss_mb": round(rss_mb(), 1),
        "produced": produced,
    }
    return result


def run_child(system: str, args: argparse.Namespace) -> dict[str, Any]:
    docs = args.ner_docs if system == "underthesea" else args.docs
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--only",
        system,
        "--corpus",
        str(args.corpus),
        "--docs",
        str(docs),
        "--ner-docs",
        str(args.ner_docs),
        "--warmup-docs",
        str(args.warmup_docs),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"system": system, "skipped": f"exit {done.returncode}: {tail[0]}"}
    child: dict[str, Any] = json.loads(done.stdout)
    return child


def rate(part: dict[str, Any]) -> tuple[float | None, float | None]:
    seconds = part["seconds"]
    if not seconds:
        return None, None
    return part["docs"] / seconds, part["bytes"] / 1e6 / seconds


def rows_of(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Table rows: each system on all its documents, and on the first --ner-docs (the same
    documents underthesea is timed on), with the docs/s ratio to underthesea on those."""
    ner = next((r for r in results if r["system"] == "underthesea" and "all" in r), None)
    ner_rate = rate(ner["all"])[0] if ner else None
    rows = []
    for result in results:
        if "skipped" in result:
            rows.append({"system": result["system"], "skipped": result["skipped"]})
            continue
        parts = [("all", result["label"])]
        if "first" in result and result["first"]["docs"] < result["all"]["docs"]:
            parts.append(("first", f"{result['label']}, first {result['first']['docs']}"))
        for key, label in parts:
            part = result[key]
            docs_per_second, mb_per_second = rate(part)
            same_docs = ner is not None and part["docs"] == ner["all"]["docs"]
            ratio = (
                docs_per_second / ner_rate if same_docs and docs_per_second and ner_rate else None
            )
            rows.append(
                {
                    "system": label,
                    "docs": part["docs"],
                    "seconds": round(part["seconds"], 3),
                    "docs_per_second": docs_per_second and round(docs_per_second, 2),
                    "mb_per_second": mb_per_second and round(mb_per_second, 3),
                    "peak_rss_mb": part["peak_rss_mb"],
                    "ratio_vs_underthesea": ratio and round(ratio, 1),
                }
            )
    return rows


def number(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def print_table(report: dict[str, Any]) -> None:
    print(
        "| system | docs | seconds | docs/s | MB/s | peak RSS MB | ratio vs underthesea |\n"
        "|---|---:|---:|---:|---:|---:|---:|"
    )
    for row in report["rows"]:
        if "skipped" in row:
            print(f"| {row['system']} | skipped: {row['skipped']} | | | | | |")
            continue
        ratio = row["ratio_vs_underthesea"]
        print(
            f"| {row['system']} | {row['docs']} | {row['seconds']:.2f}"
            f" | {number(row['docs_per_second'], 1)} | {number(row['mb_per_second'], 2)}"
            f" | {row['peak_rss_mb']:.0f} | {'' if ratio is None else f'{ratio:,.1f}x'} |"
        )
    print()
    for result in report["systems"]:
        if "skipped" in result:
            continue
        whole = result["all"]
        print(
            f"- {result['label']}: load {result['load_seconds']:.2f} s, warm-up"
            f" {result['warmup_seconds']:.2f} s on {result['warmup_docs']} docs (not timed);"
            f" RSS {result['rss_before_load_mb']:.0f} MB before loading (interpreter + records);"
            f" CPU {whole['cpu_seconds']:.2f} s for {whole['seconds']:.2f} s wall;"
            f" produced {whole['produced']:,}"
        )
    if report["contended"]:
        print(
            f"\nWARNING: CPU time was under {CONTENDED:.0%} of wall time for"
            f" {', '.join(report['contended'])}: something else was using the cores, so those"
            " rates are low; rerun on an idle machine."
        )
    print(
        f"\n{report['corpus']}: the first {report['docs']} records"
        f" ({report['megabytes']:.2f} MB of text); ratios on the first {report['ner_docs']}."
        f" {report['machine']}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
    )
    parser.add_argument("--docs", type=int, default=2000, help="documents for the fast systems")
    parser.add_argument(
        "--ner-docs", type=int, default=200, help="the first documents, for underthesea"
    )
    parser.add_argument("--warmup-docs", type=int, default=5, help="untimed, after the timed")
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    parser.add_argument("--only", choices=SYSTEMS, help=argparse.SUPPRESS)  # the child's mode
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: not found")
    if not 0 < args.ner_docs <= args.docs:
        sys.exit("--ner-docs must be between 1 and --docs")

    if args.only:
        result = measure(args.only, args.corpus, args.docs, args.ner_docs, args.warmup_docs)
        print(json.dumps(result, ensure_ascii=False))
        return

    results = []
    for system in args.systems:
        print(f"measuring {system} ...", file=sys.stderr, flush=True)
        results.append(run_child(system, args))
    measured = [r for r in results if "all" in r and r["all"]["docs"] == args.docs]
    report = {
        "corpus": args.corpus.name,
        "docs": args.docs,
        "ner_docs": args.ner_docs,
        "megabytes": round(measured[0]["all"]["bytes"] / 1e6, 3) if measured else 0.0,
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs,"
        f" Python {platform.python_version()} ({platform.python_implementation()})",
        "contended": [
            r["system"]
            for r in results
            if "all" in r and r["all"]["cpu_seconds"] < CONTENDED * r["all"]["seconds"]
        ],
        "rows": rows_of(results),
        "systems": results,
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(report)


if __name__ == "__main__":
    main()
