"""The study-visit brief as files: HTML, PDF (printed by headless Chromium from that same HTML)
and DOCX (python-docx: real headings, tables, numbered source references).

PDF: Chromium's print-to-PDF of the standalone HTML (A4 from the print stylesheet), the same
browser the tests drive; it embeds the subset of each font it used, and the print stylesheet
asks for fonts that carry every Vietnamese glyph (DejaVu, Liberation: installed with Debian's
chromium). DOCX: Word has no footnote API in python-docx, so every line ends with the number of
its source in brackets and the last section lists the sources by number, as footnotes would.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from cachlamhay.errors import CachlamhayError, UsageError
from cachlamhay.web.brief import standalone_html
from cachlamhay.web.local import CHROMIUM, CHROMIUM_ARGS
from cachlamhay.web.site import language_globals

FORMATS = ("html", "pdf", "docx")
PDF_TIMEOUT_S = 120


class ExportError(CachlamhayError):
    """A brief could not be written (no Chromium for a PDF, Chromium failed)."""

    code = "export"


def write_brief(
    data: dict[str, Any], fmt: str, out: Path, lang: str = "vi", base_url: str | None = None
) -> Path:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    if out.parent and not out.parent.exists():
        raise UsageError(f"{out}: directory {out.parent} does not exist")
    if fmt == "html":
        out.write_text(standalone_html(data, lang, base_url), "utf-8")
    elif fmt == "pdf":
        out.write_bytes(pdf_bytes(standalone_html(data, lang, base_url)))
    else:
        out.write_bytes(docx_bytes(data, lang))
    return out


def pdf_bytes(html: str) -> bytes:
    """``html`` printed to PDF by headless Chromium (no header/footer lines of its own)."""
    if not Path(CHROMIUM).exists():
        raise ExportError(
            "a PDF needs Chromium (Debian: apt-get install chromium); "
            "--format html or docx work without it"
        )
    with tempfile.TemporaryDirectory(prefix="cachlamhay-brief-") as tmp:
        page = Path(tmp) / "brief.html"
        pdf = Path(tmp) / "brief.pdf"
        page.write_text(html, "utf-8")
        command = [
            CHROMIUM,
            "--headless",
            *CHROMIUM_ARGS,
            f"--user-data-dir={tmp}/profile",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise ExportError(f"Chromium did not print the PDF within {PDF_TIMEOUT_S}s") from None
        if not pdf.exists() or pdf.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise ExportError(f"Chromium failed to print the PDF ({detail[0][:200]})")
        return pdf.read_bytes()


# -- DOCX -----------------------------------------------------------------------------------


def docx_bytes(data: dict[str, Any], lang: str = "vi") -> bytes:
    from docx import Document
    from docx.shared import Pt

    words = language_globals(lang)
    t, num = words["t"], words["num"]
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"  # every Vietnamese glyph in Word, LibreOffice and Pages
    style.font.size = Pt(10.5)
    province, topic = data["province"], data["topic"]
    doc.add_paragraph(t("brief_title").upper(), style="Subtitle")
    doc.add_heading(province["full_name"] or province["name"], level=0)
    frame = data["timeframe"]
    period = (
        f"{frame['since'] or '…'} – {frame['until'] or '…'}"
        if frame["since"] or frame["until"]
        else t("brief_whole_period")
    )
    topic_text = (
        f"{topic['id']} ({topic['words']})" if topic and topic["words"] else t("brief_all_topics")
    )
    for label, value in (
        (t("brief_topic"), topic_text),
        (t("brief_period"), period),
        (t("brief_generated"), data["generated"]),
    ):
        line = doc.add_paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    doc.add_paragraph().add_run(t("brief_note_sources")).italic = True
    if data["no_evidence"]:
        text = t("brief_no_evidence").replace("{topic}", topic["id"])
        doc.add_paragraph(text.replace("{province}", province["name"]))
    if data["merger_note"]:
        doc.add_heading(t("brief_merger"), level=1)
        doc.add_paragraph(_merger_text(data["merger_note"], t))

    doc.add_heading(t("brief_leaders"), level=1)
    _table(
        doc,
        [t("title"), t("people"), t("brief_seen"), t("source")],
        [
            [leader["title"], leader["name"], leader["seen"] or "—", _ref(leader["source"])]
            for leader in data["leaders"]
        ],
        t,
    )
    if topic:
        doc.add_heading(f"{t('brief_topic_figures')}: {topic['id']}", level=1)
        _figures(doc, data["indicators"]["topic"], t, num)
    doc.add_heading(t("brief_headline_figures"), level=1)
    _figures(doc, data["indicators"]["headline"], t, num)

    suffix = f": {topic['id']}" if topic else ""
    doc.add_heading(t("brief_practices") + suffix, level=1)
    if not data["practices"]:
        doc.add_paragraph(t("brief_empty"))
    for practice in data["practices"]:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(f"“{practice['sentence']}” ")
        item.add_run(_ref(practice["source"])).bold = True
        details = [practice["topic"]]
        if practice["praised_by"]:
            details.append(f"{t('praised_by')}: {practice['praised_by']}")
        item.add_run(f" ({'; '.join(details)})")
    for key, title in (
        ("visits_received", "brief_visits_received"),
        ("visits_made", "brief_visits_made"),
    ):
        doc.add_heading(t(title) + suffix, level=1)
        _table(
            doc,
            [t("date"), t("visitor"), t("host"), t("leader"), t("source")],
            [
                [
                    visit["date"] or visit["year"] or "—",
                    visit["visitor"]["name"],
                    visit["host"]["name"],
                    _leader(visit["leader"]),
                    " ".join(_ref(s) for s in visit["sources"]),
                ]
                for visit in data[key]
            ],
            t,
        )
    doc.add_heading(t("brief_transfers"), level=1)
    transfers = data["transfers"]["received"] + data["transfers"]["given"]
    _table(
        doc,
        [t("from"), t("to"), t("amount"), t("purpose"), t("source")],
        [
            [
                item["from"]["name"],
                item["to"]["name"],
                f"{num(item['amount'])} {item['currency'] or ''}".strip()
                if item["amount"] is not None
                else "—",
                item["purpose"] or "",
                _ref(item["source"]),
            ]
            for item in transfers
        ],
        t,
    )
    doc.add_heading(t("brief_sources"), level=1)
    if not data["sources"]:
        doc.add_paragraph(t("brief_empty"))
    for source in data["sources"]:
        parts = [source["title"] or source["doc_id"], source["source"], source["published"]]
        line = doc.add_paragraph()
        line.add_run(f"[{source['ref']}] ").bold = True
        line.add_run(", ".join(str(p) for p in parts if p) + ". ")
        line.add_run(f"{source['doc_id']}" + (f" · {source['url']}" if source["url"] else ""))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _figures(doc: Any, series_list: list[dict[str, Any]], t: Any, num: Any) -> None:
    if not series_list:
        doc.add_paragraph(t("brief_empty"))
        return
    for indicator in series_list:
        unit = f" ({indicator['unit']})" if indicator["unit"] else ""
        doc.add_heading(indicator["indicator"] + unit, level=2)
        rows = []
        for point in indicator["series"]:
            flags = []
            if point["conflict"]:
                flags.append(t("conflict"))
            if point["inherited"]:
                flags.append(point["unit_label"])
            source = point["source"]
            rows.append(
                [
                    point["period"] or "—",
                    num(point["value"]) + (f" ({', '.join(flags)})" if flags else ""),
                    point["qualifier"] or "",
                    f"“{source['sentence']}”" if source else "",
                    _ref(source)
                    + (f" {source['published']}" if source and source["published"] else ""),
                ]
            )
        _table(doc, [t("period"), t("value"), t("qualifier"), t("sentence"), t("source")], rows, t)


def _table(doc: Any, header: list[str], rows: list[list[str]], t: Any) -> None:
    if not rows:
        doc.add_paragraph(t("brief_empty"))
        return
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)


def _ref(source: dict[str, Any] | None) -> str:
    return f"[{source['ref']}]" if source else ""


def _leader(leader: dict[str, Any] | None) -> str:
    if not leader:
        return "—"
    return f"{leader['name']}, {leader['title']}" if leader.get("title") else leader["name"]


def _merger_text(note: dict[str, Any], t: Any) -> str:
    if note["kind"] == "merged_into":
        text = t("brief_merged_into").replace("{successor}", note["successor"])
    else:
        text = t("brief_merged_from").replace("{predecessors}", ", ".join(note["predecessors"]))
    return str(text.replace("{province}", note["province"]))
