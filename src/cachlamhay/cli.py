"""Command line: ``cachlamhay ingest|crawl|extract|eval|train|search|show|stats|province|
practices|person|compare|serve|export|spark-extract|load``.

Exit codes: 0 success, 1 some inputs rejected or a store/lookup error, 2 usage error.
User errors print one line on stderr (``cachlamhay: <file>: <reason>``), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from cachlamhay import __version__, evaluate, kb
from cachlamhay.document import CleanDocument
from cachlamhay.errors import CachlamhayError, UsageError
from cachlamhay.ingest import Rejection
from cachlamhay.kb import queries
from cachlamhay.pipeline import (
    IngestSummary,
    clean_documents,
    extract_document,
    extract_paths,
    ingest,
)
from cachlamhay.pipeline import candidates as extract_candidates
from cachlamhay.store import open_store

DEFAULT_DB = "cachlamhay.db"
MAX_JOBS = 64


def default_db() -> str:
    return os.environ.get("CACHLAMHAY_DB") or DEFAULT_DB


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="SQLite store (default: $CACHLAMHAY_DB or ./cachlamhay.db)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    parser = _Parser(
        prog="cachlamhay",
        parents=[common],
        description="Build and query a sourced knowledge base from Vietnamese news.",
    )
    parser.add_argument("--version", action="version", version=f"cachlamhay {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("ingest", parents=[common], help="read, clean and store articles")
    _jobs_option(p)
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt, .jsonl[.gz], .html, .warc[.gz] files or directories",
    )
    p.add_argument("--batch-size", type=int, default=500, help="documents per transaction")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser(
        "crawl", parents=[common], help="fetch new articles from news feeds and sitemaps"
    )
    p.add_argument(
        "--sources",
        type=Path,
        metavar="FILE",
        help="feed/sitemap URLs, one a line (default: the shipped list, see --print-sources)",
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--once", action="store_true", help="one pass, then exit (the default)")
    when.add_argument(
        "--every", metavar="INTERVAL", help='pass after pass, this far apart: "30m", "2h", "1d"'
    )
    p.add_argument("--max-pages", type=int, metavar="N", help="article pages fetched per pass")
    p.add_argument("--warc", type=Path, metavar="DIR", help="also archive every page as WARC")
    p.add_argument(
        "--follow-offsite",
        action="store_true",
        help="fetch articles (and follow redirects) on hosts the sources do not name",
    )
    p.add_argument(
        "--delay",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="between two requests to one host (default 2; robots.txt Crawl-delay if longer)",
    )
    p.add_argument(
        "--timeout", type=float, default=20.0, metavar="SECONDS", help="per request (default 20)"
    )
    p.add_argument(
        "--max-mb", type=float, default=5.0, metavar="MB", help="largest page read (default 5)"
    )
    p.add_argument(
        "--print-sources", action="store_true", help="print the shipped source list and exit"
    )
    p.set_defaults(run=cmd_crawl)

    p = sub.add_parser("extract", parents=[common], help="print SPEC facts per document (JSONL)")
    _jobs_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH", help="any input `ingest` accepts")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("eval", parents=[common], help="score extraction against gold files")
    p.add_argument("gold", type=Path, metavar="GOLD_DIR")
    p.add_argument(
        "--inputs",
        nargs="+",
        metavar="PATH",
        default=None,
        help="where the gold documents are (default: the store at --db)",
    )
    p.add_argument(
        "--floors",
        type=Path,
        default=None,
        metavar="FILE",
        help="JSON {field: minimum F1}; exit 1 when a score is below its floor",
    )
    p.add_argument("--errors", action="store_true", help="list every false positive/negative")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser(
        "train", parents=[common], help="fit the extractors' decision models on gold files"
    )
    p.add_argument("gold", type=Path, metavar="GOLD_DIR")
    p.add_argument(
        "--inputs",
        nargs="+",
        type=Path,
        metavar="PATH",
        required=True,
        help="where the gold documents' articles are (files or directories `ingest` accepts)",
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="MODEL_DIR",
        help="where to write <kind>.json (the shipped models: src/cachlamhay/models)",
    )
    p.set_defaults(run=cmd_train)

    p = sub.add_parser("search", parents=[common], help="full-text search, diacritics ignored")
    p.add_argument("query", help='e.g. "ha tinh" or "sáp nhập xã, quy hoạch"')
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("show", parents=[common], help="metadata and clean text of a document")
    p.add_argument("doc_id")
    p.add_argument("--raw", action="store_true", help="print the text as read, before cleaning")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("stats", parents=[common], help="counts of what the store holds")
    p.set_defaults(run=cmd_stats)

    p = sub.add_parser("province", parents=[common], help="a province's profile")
    p.add_argument("name", help='name, alias or slug: "Hà Tĩnh", "ha-tinh", "TP.HCM"')
    p.set_defaults(run=cmd_province)

    p = sub.add_parser("practices", parents=[common], help="provinces good at a topic")
    p.add_argument("topic", help='topic id or words: "admin_merger", "sáp nhập xã"')
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=cmd_practices)

    p = sub.add_parser(
        "brief", parents=[common], help="the study-visit brief of a province, as a file"
    )
    p.add_argument("province", help='name, alias or slug: "Hà Tĩnh", "ha-tinh"')
    p.add_argument("--topic", help='topic id or words: "admin_merger", "sáp nhập xã"')
    p.add_argument("--since", metavar="DATE", help="from this year (YYYY, YYYY-MM, YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="up to this date (inclusive)")
    p.add_argument("--format", required=True, choices=("pdf", "docx", "html"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default vi)")
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="link every line to this server's article pages (e.g. http://127.0.0.1:8000)",
    )
    p.set_defaults(run=cmd_brief)

    p = sub.add_parser("person", parents=[common], help="a person's offices and visits led")
    p.add_argument("name", help='"Lê Tiến Châu" or "le-tien-chau"')
    p.set_defaults(run=cmd_person)

    p = sub.add_parser("compare", parents=[common], help="one indicator across provinces")
    p.add_argument("indicator", help="SPEC indicator id, e.g. grdp_growth")
    p.add_argument("--province", action="append", metavar="NAME", help="only these (repeat)")
    p.set_defaults(run=cmd_compare)

    p = sub.add_parser("serve", parents=[common], help="web UI and JSON API (read-only)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    p.add_argument(
        "--no-warm",
        action="store_true",
        help="start at once, without first rendering the home and province pages into the cache",
    )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser(
        "export", parents=[common], help="write every table as JSONL, CSV or Parquet"
    )
    p.add_argument("--format", required=True, choices=kb.EXPORT_FORMATS)
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "spark-extract",
        parents=[common],
        help="run `extract` on Spark over JSONL/Parquet, write Parquet (needs cachlamhay[spark])",
    )
    p.add_argument("paths", nargs="+", metavar="INPUT", help=".jsonl[.gz] or .parquet files/dirs")
    p.add_argument("output", metavar="OUTPUT", help="new directory for the Parquet tables")
    p.add_argument(
        "--master",
        default="local[2]",
        help='Spark master (default local[2]; "" = the one spark-submit was given)',
    )
    p.add_argument("--partitions", type=int, default=None, metavar="N", help="extraction tasks")
    p.set_defaults(run=cmd_spark_extract)

    p = sub.add_parser("load", parents=[common], help="store the Parquet output of `spark-extract`")
    p.add_argument("output", type=Path, metavar="PARQUET_DIR")
    p.add_argument("--batch-size", type=int, default=500, help="documents per transaction")
    p.set_defaults(run=cmd_load)
    return parser


def _jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for cleaning and extraction (default 1; output is the same)",
    )


def _check_jobs(jobs: int) -> int:
    if not 1 <= jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be between 1 and {MAX_JOBS}")
    return jobs


# -- commands ------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    jobs = _check_jobs(args.jobs)
    with open_store(args.db) as store:
        summary = _run_with_progress(
            err,
            lambda hook: ingest(
                store, args.paths, batch_size=args.batch_size, on_progress=hook, jobs=jobs
            ),
        )
    for rejection in summary.rejections:
        err.print(
            f"cachlamhay: rejected {escape(rejection.line())}", highlight=False, soft_wrap=True
        )
    if summary.rejected > len(summary.rejections):
        err.print(f"cachlamhay: … and {summary.rejected - len(summary.rejections)} more rejections")
    if args.json:
        _print_json(summary.as_dict())
    else:
        rate = f", {summary.read / summary.seconds:.0f} docs/s" if summary.seconds else ""
        out.print(
            f"read {summary.read}  new {summary.new}  duplicate {summary.duplicate}  "
            f"rejected {summary.rejected}  (joined an existing cluster: {summary.clustered})"
            f"  in {summary.seconds:.1f}s{rate}",
            highlight=False,
        )
    return 1 if summary.rejected else 0


S = TypeVar("S")
R = TypeVar("R")


def _with_status(
    err: Console,
    label: str,
    describe: Callable[[S], str],
    work: Callable[[Callable[[S], None] | None], R],
) -> R:
    """``work(hook)`` with a one-line status on a terminal (``hook`` None elsewhere: quiet)."""
    if not err.is_terminal:
        return work(None)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(label)
        return work(lambda state: progress.update(task, description=describe(state)))


def _run_with_progress(
    err: Console, work: Callable[[Callable[[IngestSummary], None] | None], IngestSummary]
) -> IngestSummary:
    def describe(s: IngestSummary) -> str:
        return f"read {s.read}  new {s.new}  duplicate {s.duplicate}  rejected {s.rejected}"

    return _with_status(err, "ingesting", describe, work)


def cmd_crawl(args: argparse.Namespace, out: Console, err: Console) -> int:
    from cachlamhay import crawl

    if args.print_sources:
        sys.stdout.write("\n".join(crawl.default_sources()) + "\n")
        return 0
    options = _crawl_options(args)
    sources = crawl.read_sources(args.sources) if args.sources else crawl.default_sources()
    interval = _interval(args.every) if args.every else None
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    code = 0
    with open_store(args.db) as store:
        while True:
            summary = _crawl_with_progress(err, store, sources, options, stop)
            _report_crawl(summary, args.json, out, err)
            code = 1 if summary.problems else code
            if interval is None or stop.wait(interval):
                return code


def _crawl_options(args: argparse.Namespace) -> Any:
    from cachlamhay.crawl import CrawlOptions, Policy

    if args.max_pages is not None and args.max_pages < 0:
        raise UsageError("--max-pages must be 0 or more")
    if args.delay < 0.1:
        raise UsageError("--delay must be at least 0.1 seconds")
    if not 0.1 <= args.timeout <= 600:
        raise UsageError("--timeout must be between 0.1 and 600 seconds")
    if not 0.01 <= args.max_mb <= 1024:
        raise UsageError("--max-mb must be between 0.01 and 1024")
    policy = Policy(
        delay=args.delay,
        timeout=args.timeout,
        max_bytes=int(args.max_mb * 1024 * 1024),
        follow_offsite=args.follow_offsite,
    )
    return CrawlOptions(policy=policy, max_pages=args.max_pages, warc_dir=args.warc)


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _interval(text: str) -> float:
    """ "30m" → 1800.0; at least one minute between passes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", text.lower())
    if not match:
        raise UsageError(f'--every: {text!r} is not an interval like "30m", "2h" or "1d"')
    seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 60:
        raise UsageError("--every: at least 1m between passes")
    return seconds


def _crawl_with_progress(
    err: Console, store: Any, sources: list[str], options: Any, stop: threading.Event
) -> Any:
    from cachlamhay.crawl import CrawlSummary, crawl

    def describe(s: CrawlSummary) -> str:
        worst = sorted(
            ((sum(t.errors.values()), h) for h, t in s.hosts.items() if t.errors), reverse=True
        )[:3]
        errors = ", ".join(f"{h} {n}" for n, h in worst)
        return (
            f"sources {s.sources}  pages {s.pages}  new {s.new}  duplicate {s.duplicate}"
            f"  errors {s.problems}" + (f" ({errors})" if errors else "")
        )

    return _with_status(
        err,
        "crawling",
        describe,
        lambda hook: crawl(store, sources, options, on_progress=hook, stop=stop),
    )


def _report_crawl(summary: Any, as_json: bool, out: Console, err: Console) -> None:
    for problem in summary.errors:
        err.print(
            f"cachlamhay: {escape(problem['url'])}: {escape(problem['reason'])}",
            highlight=False,
            soft_wrap=True,
        )
    if as_json:
        _print_json(summary.as_dict())
        return
    out.print(
        f"sources {summary.sources} (not modified {summary.not_modified}, errors"
        f" {summary.source_errors})  new URLs {summary.queued}  pages {summary.pages}"
        f"  new {summary.new}  duplicate {summary.duplicate}  rejected {summary.rejected}"
        f"  failed {summary.failed}  left {summary.left}  in {summary.seconds:.1f}s"
        + (f"  → {summary.warc}" if summary.warc else ""),
        highlight=False,
    )


def cmd_extract(args: argparse.Namespace, out: Console, err: Console) -> int:
    rejected = 0
    for item in extract_paths(args.paths, jobs=_check_jobs(args.jobs)):
        if isinstance(item, Rejection):
            rejected += 1
            err.print(
                f"cachlamhay: rejected {escape(item.line())}", highlight=False, soft_wrap=True
            )
        else:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 1 if rejected else 0


def cmd_eval(args: argparse.Namespace, out: Console, err: Console) -> int:
    gold = evaluate.load_gold(args.gold)
    if args.inputs:
        documents = list(clean_documents(args.inputs, only=set(gold)))
    else:
        with open_store(args.db, readonly=True) as store:
            documents = kb.stored_documents(store, list(gold))
    predicted = {doc.id: extract_document(doc) for doc in documents}
    report = evaluate.score(gold, predicted)
    groups = _error_groups(report, gold, documents) if args.errors else {}
    failures: list[str] = []
    if args.floors:
        try:
            floors = json.loads(args.floors.read_text("utf-8"))
        except (OSError, ValueError) as problem:
            raise UsageError(f"{args.floors}: cannot read floors ({problem})") from None
        failures = evaluate.floor_failures(report, floors)
    if args.json:
        extra: dict[str, Any] = {"floor_failures": failures}
        if args.errors:
            extra["error_causes"] = [
                {
                    "type": t,
                    "cause": c,
                    "fn": sum(e.kind == "fn" for e in errors),
                    "fp": sum(e.kind == "fp" for e in errors),
                    "errors": [{"doc": e.doc_id, "kind": e.kind, "fact": e.fact} for e in errors],
                }
                for (t, c), errors in groups.items()
            ]
        _print_json(report.as_dict(with_errors=args.errors) | extra)
    else:
        out.print(escape(report.render()), highlight=False)
        if args.errors:
            out.file.flush()
            sys.stdout.write("\n" + evaluate.render_grouped_errors(groups) + "\n")
        missing = [doc_id for doc_id in gold if doc_id not in predicted]
        if missing:
            err.print(
                f"cachlamhay: no input for {len(missing)} gold documents: "
                + escape(", ".join(missing[:10])),
                highlight=False,
            )
    for line in failures:
        err.print(f"cachlamhay: {escape(line)}", highlight=False)
    return 1 if failures else 0


def _error_groups(
    report: evaluate.EvalReport, gold: dict[str, Any], documents: list[CleanDocument]
) -> dict[tuple[str, str], list[evaluate.FactError]]:
    """The errors by type and cause, from every candidate of the documents that have errors."""
    with_errors = {e.doc_id for e in report.errors}
    probes = {
        doc.id: {
            kind: [evaluate.Probe(c.probe, c.kept) for c in found]
            for kind, found in extract_candidates(doc).items()
        }
        for doc in documents
        if doc.id in with_errors
    }
    return evaluate.grouped_errors(report, gold, probes)


def cmd_train(args: argparse.Namespace, out: Console, err: Console) -> int:
    from cachlamhay.train import train

    trained = train(args.gold, args.out, args.inputs)
    if args.json:
        _print_json({"models": [t.as_dict() for t in trained]})
        return 0
    for t in trained:
        verdict = f"→ {t.path}" if t.path else "not shipped: the rules decide"
        out.print(
            f"{t.kind:10} model-{t.model.digest}  {t.examples} candidates, {t.positives} facts,"
            f" {t.unreachable}/{t.gold_total} gold facts never generated;"
            f" C={t.c} threshold={t.model.threshold} cv F1={t.cv_f1:.3f}"
            f" (rules {t.rule_f1:.3f})  {verdict}",
            highlight=False,
        )
    return 0


def cmd_search(args: argparse.Namespace, out: Console, err: Console) -> int:
    kb.parse_query(args.query)  # a bad query is a usage error, whatever the database
    with open_store(args.db, readonly=True) as store:
        page = kb.search(store, args.query, limit=args.limit, offset=args.offset)
    if args.json:
        _print_json(page.as_dict())
        return 0
    out.print(f"{page.total} documents match {escape(args.query)!r}", highlight=False)
    for rank, result in enumerate(page.results, start=args.offset + 1):
        meta = " · ".join(str(v) for v in (result["source"], result["published"]) if v)
        out.print(
            f"\n[bold]{rank}. {escape(result['title'] or '(no title)')}[/bold]  "
            f"[dim]{escape(result['id'])}{'  ' + escape(meta) if meta else ''}[/dim]",
            highlight=False,
        )
        out.print("   " + _highlighted(result["snippet"]), highlight=False)
    return 0


def _highlighted(snip: dict[str, Any]) -> str:
    text, parts, last = snip["text"], [], 0
    for start, end in snip["highlights"]:
        parts.append(escape(text[last:start]) + "[bold yellow]" + escape(text[start:end]) + "[/]")
        last = end
    return "".join(parts) + escape(text[last:])


def cmd_show(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        doc = kb.show(store, args.doc_id)
    if args.json:
        _print_json(doc)
        return 0
    table = Table(show_header=False, box=None)
    for key in ("id", "title", "source", "published", "author", "url", "origin", "cluster_id"):
        table.add_row(f"[dim]{key}[/dim]", escape(str(doc[key])) if doc[key] is not None else "—")
    if doc["cluster"]:
        table.add_row("[dim]same story[/dim]", escape(", ".join(doc["cluster"])))
    out.print(table)
    out.print()
    out.print(escape(doc["raw_text"] if args.raw else doc["text"]), highlight=False)
    return 0


def cmd_stats(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        data = kb.stats(store)
    if args.json:
        _print_json(data)
        return 0
    table = Table(title=f"cachlamhay store {escape(data['database'])}", show_header=False)
    for key in ("documents", "clusters", *kb.FACT_TABLES):
        table.add_row(key, f"{data[key]:,}")
    out.print(table)
    if data["sources"]:
        out.print(
            "sources: " + ", ".join(f"{escape(k)} {v:,}" for k, v in data["sources"].items()),
            highlight=False,
        )
    crawled = data["crawl"]["sources"]
    if crawled:
        table = Table("source", "last crawl", "status", "newest entry", "stored", "errors")
        table.title = f"crawl (frontier: {data['crawl']['frontier']:,} URLs to fetch)"
        for source in crawled:
            status = source["last_status"] or "—"
            if source["last_error"]:
                status += f": {source['last_error'][:60]}"
            table.add_row(
                escape(source["url"]),
                escape(source["last_run_at"] or "—"),
                escape(status),
                escape(source["cursor"] or "—"),
                f"{source['stored']:,}",
                f"{source['errors']:,}",
            )
        out.print(table)
    return 0


def cmd_province(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        data = queries.province_profile(store, args.name)
    if args.json:
        _print_json(data)
        return 0
    unit = data["province"]
    out.print(f"[bold]{escape(unit['full_name'])}[/bold] ({escape(unit['slug'])})")
    if unit["successor"]:
        out.print(f"since 1/7/2025 part of {escape(unit['successor']['name'])}")
    if unit["predecessors"]:
        names = ", ".join(p["name"] for p in unit["predecessors"])
        out.print(f"includes the history of {escape(names)}")
    table = Table("indicator", "period", "value", "unit", "source", title="indicators")
    for indicator in data["indicators"]:
        for point in indicator["series"][:10]:
            table.add_row(escape(indicator["indicator"]), *_figure_cells(point))
    out.print(table)
    for key, label in (("visits_made", "visits made"), ("visits_received", "visits received")):
        _print_visits(out, data[key], label)
    people = Table("person", "titles", "articles", title="people")
    for person in data["people"][:20]:
        people.add_row(
            escape(person["name"]), escape("; ".join(person["titles"])), str(person["documents"])
        )
    out.print(people)
    if data["practices"]:
        out.print(
            "practices: "
            + ", ".join(f"{escape(p['topic'])} ({p['evidence']})" for p in data["practices"])
        )
    return 0


def _figure_cells(figure: dict[str, Any]) -> list[str]:
    """period, value (conflicts flagged), unit, source document of one indicator figure."""
    return [
        escape(figure["period"] or "—"),
        _number(figure["value"]) + (" ⚠ conflict" if figure["conflict"] else ""),
        escape(figure["unit"] or ""),
        escape(figure["source"]["doc_id"] if figure["source"] else ""),
    ]


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1e5 else f"{value:,.6g}"


def _print_visits(out: Console, visits: list[dict[str, Any]], title: str) -> None:
    table = Table("date", "visitor", "host", "purpose", "leader", "sources", title=title)
    for visit in visits[:20]:
        table.add_row(
            escape(visit["date"] or "—"),
            escape(visit["visitor"]["name"]),
            escape(visit["host"]["name"]),
            escape(visit["purpose"]),
            escape(visit["leader"]["name"] if visit["leader"] else "—"),
            str(len(visit["sources"])),
        )
    out.print(table)


def cmd_practices(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        data = queries.practice_finder(store, args.topic, limit=args.limit)
    if args.json:
        _print_json(data)
        return 0
    if data["topic"] is None:
        out.print(f"no topic matches {escape(args.topic)!r}; topics: {', '.join(data['topics'])}")
        return 0
    out.print(f"[bold]{escape(data['topic'])}[/bold]: provinces ranked by evidence")
    for rank, row in enumerate(data["provinces"], start=1):
        counts = f"{row['evidence']} facts, {row['documents']} articles"
        out.print(f"\n{rank}. [bold]{escape(row['province'])}[/bold] {counts}")
        for source in row["sources"][:3]:
            out.print(
                f"   [dim]{escape(source['doc_id'])}[/dim] {escape(source['sentence'][:200])}"
            )
    return 0


def cmd_brief(args: argparse.Namespace, out: Console, err: Console) -> int:
    from cachlamhay.kb.brief import study_brief
    from cachlamhay.web.brief_export import write_brief
    from cachlamhay.web.views import safe_external

    if args.base_url and not safe_external(args.base_url):
        raise UsageError("--base-url must be an http(s) URL")
    with open_store(args.db, readonly=True) as store:
        data = study_brief(
            store, args.province, topic=args.topic, since=args.since, until=args.until
        )
    written = write_brief(data, args.format, args.out, lang=args.lang, base_url=args.base_url)
    if args.json:
        _print_json(
            {
                "file": str(written),
                "format": args.format,
                "bytes": written.stat().st_size,
                "sources": len(data["sources"]),
                "empty": data["empty"],
                "no_evidence": data["no_evidence"],
            }
        )
    else:
        out.print(f"wrote {escape(str(written))}", highlight=False)
        if data["no_evidence"]:
            err.print(
                f"cachlamhay: no evidence on {escape(data['topic']['id'])} for"
                f" {escape(data['province']['name'])}; the brief says so",
                highlight=False,
            )
    return 0


def cmd_person(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        data = queries.person_page(store, args.name)
    if args.json:
        _print_json(data)
        return 0
    out.print(f"[bold]{escape(data['person']['name'])}[/bold]")
    table = Table("office", "first seen", "last seen", "articles", title="offices")
    for office in data["offices"]:
        table.add_row(
            escape(office["title"]),
            escape(office["first_seen"] or "—"),
            escape(office["last_seen"] or "—"),
            str(office["documents"]),
        )
    out.print(table)
    _print_visits(out, data["visits_led"], "visits led")
    return 0


def cmd_compare(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        data = queries.compare_indicator(store, args.indicator, args.province)
    if args.json:
        _print_json(data)
        return 0
    table = Table("province", "period", "value", "unit", "source", title=escape(data["indicator"]))
    for row in data["rows"]:
        table.add_row(escape(row["province"]), *_figure_cells(row))
    out.print(table)
    return 0


def cmd_serve(args: argparse.Namespace, out: Console, err: Console) -> int:
    from cachlamhay.web.app import run

    if not 1 <= args.workers <= MAX_JOBS:
        raise UsageError(f"--workers must be between 1 and {MAX_JOBS}")
    from cachlamhay.web.admin import TOKEN_ENV, token_from_environment

    open_store(args.db, readonly=True).close()  # a missing or unreadable store fails here
    admin = token_from_environment()  # a bad token fails here, before "serving"
    err.print(f"cachlamhay: serving {args.db} on http://{args.host}:{args.port}/", highlight=False)
    if admin:
        err.print(
            "cachlamhay: admin API on (/admin/ingest, /admin/crawl, /admin/status;"
            f" token from {TOKEN_ENV})"
        )
    run(args.db, host=args.host, port=args.port, workers=args.workers, warm=not args.no_warm)
    return 0


def cmd_export(args: argparse.Namespace, out: Console, err: Console) -> int:
    with open_store(args.db, readonly=True) as store:
        files = kb.export(store, args.format, args.out)
    if args.json:
        _print_json({"files": [str(f) for f in files]})
    else:
        for path in files:
            out.print(f"wrote {escape(str(path))}", highlight=False)
    return 0


def cmd_spark_extract(args: argparse.Namespace, out: Console, err: Console) -> int:
    from cachlamhay.spark import spark_extract

    result = spark_extract(
        args.paths, args.output, master=args.master or None, partitions=args.partitions
    )
    if args.json:
        _print_json(result)
    else:
        out.print(
            f"documents {result['documents']}  facts {result['facts']}  "
            f"rejected {result['rejected']}  in {result['seconds']:.1f}s → "
            f"{escape(result['output'])}",
            highlight=False,
        )
    if result["rejected"]:
        err.print(
            f"cachlamhay: {result['rejected']} records rejected: see "
            f"{escape(result['output'])}/rejections",
            highlight=False,
        )
    return 1 if result["rejected"] else 0


def cmd_load(args: argparse.Namespace, out: Console, err: Console) -> int:
    from cachlamhay.spark import load

    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if not args.output.is_dir():
        raise UsageError(f"{args.output}: no such directory (the OUTPUT of spark-extract)")
    with open_store(args.db) as store:
        summary = load(store, args.output, batch_size=args.batch_size)
    if args.json:
        _print_json(summary.as_dict())
    else:
        out.print(
            f"read {summary.read}  new {summary.new}  duplicate {summary.duplicate}  "
            f"rejected {summary.rejected}  (joined an existing cluster: {summary.clustered})"
            f"  in {summary.seconds:.1f}s",
            highlight=False,
        )
    return 1 if summary.rejected else 0


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    out = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    err = Console(stderr=True, highlight=False)
    try:
        args = build_parser().parse_args(argv)
        args.db = getattr(args, "db", None) or default_db()
        args.json = getattr(args, "json", False)
        code: int = args.run(args, out, err)
        return code
    except CachlamhayError as error:
        err.print(f"cachlamhay: {escape(error.message)}", highlight=False, soft_wrap=True)
        return error.exit_code
    except KeyboardInterrupt:
        err.print("cachlamhay: interrupted (committed batches are kept; rerun to finish)")
        return 130
    except BrokenPipeError:
        return 0
    except SystemExit as exit_:  # --help and --version
        return exit_.code if isinstance(exit_.code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
