"""The bad-input suite: every kind of bad file, generated in tmp_path, end to end.

One table of cases, each writing its files into a folder and saying which documents must be
stored and which rejections (file, code) must be reported. Every case goes through the CLI
in-process (``cachlamhay ingest --json``); the mix of all of them, plus good files, goes through
the CLI too and through ``pipeline.ingest`` with two worker processes. For each run: no
traceback, exit code 1 exactly when something is rejected, each rejection one stderr line naming
its file and a reason, and every good document stored (0 lost).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cachlamhay.cli import main
from cachlamhay.pipeline import ingest
from cachlamhay.store import open_store
from tests.conftest import gunzip_prefix

pytestmark = pytest.mark.usefixtures("plain_environment")

# -- content -----------------------------------------------------------------------------------

_VOCABULARY = (
    "sáng đoàn công tác tỉnh hậu giang bí thư tỉnh ủy làm trưởng đến thăm việc với hà tĩnh "
    "kinh nghiệm sáp nhập xã quy hoạch nông thôn mới di sản văn hóa giáo dục đào tạo phát triển "
    "thu hút đầu tư cải cách hành chính bình phước nghị quyết đại hội"
).split()
# A 10 MB line of ordinary prose: what a reader must survive, not what the extractors are for.
_PLAIN = "hôm nay trời đẹp và mọi người đi làm sớm trên những con đường quen thuộc khi nắng lên"
TEN_MB = 10 * 1024 * 1024


def prose(seed: int, sentences: int = 6) -> str:
    """A few varied Vietnamese-looking sentences, one line (each document differs)."""
    rng = random.Random(seed)
    return " ".join(
        " ".join(rng.choice(_VOCABULARY) for _ in range(18)).capitalize() + "."
        for _ in range(sentences)
    )


def ten_mb_line() -> str:
    """One line of about 10 MB (sentences, no newline)."""
    rng = random.Random(10)
    words = _PLAIN.split()
    block = " ".join(
        " ".join(rng.choice(words) for _ in range(20)).capitalize() + "." for _ in range(400)
    )
    return " ".join([block] * (TEN_MB // len(block.encode()) + 1))


def news_page(title: str, seed: int, wrap: int = 0) -> bytes:
    """An article page; ``wrap`` nests the article inside that many <div>s."""
    paragraphs = "".join(f"<p>{prose(seed * 10 + i)}</p>" for i in range(4))
    article = f"<article><h1>{title}</h1>{paragraphs}</article>"
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><nav><a href='/'>Trang chủ</a></nav>"
        f"{'<div>' * wrap}{article}{'</div>' * wrap}</body></html>"
    ).encode()


def jsonl(records: Iterable[object]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


def warc(pages: list[tuple[str, bytes]], *, gz: bool) -> tuple[bytes, list[str], list[int]]:
    """A WARC (warcinfo, then one HTML response per page, then an image): its bytes, the bare
    ids of the HTML responses and the byte offset where each of them ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    ids, ends = [], []
    for url, body in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        ids.append(record.rec_headers.get_header("WARC-Record-ID")[len("<urn:uuid:") : -1])
        writer.write_record(record)
        ends.append(buffer.tell())
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://baohatinh.vn/logo.png", "response", payload=io.BytesIO(PNG), http_headers=image
        )
    )
    return buffer.getvalue(), ids, ends


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(4000)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + random.Random(2).randbytes(
    4000
)
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + random.Random(3).randbytes(4000)


# -- the cases ---------------------------------------------------------------------------------


@dataclass
class Expected:
    """What one case must give: the ids of the documents stored, and (file, code) for each
    rejection, the file named relative to the input folder."""

    good: set[str] = field(default_factory=set)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: Expected) -> None:
        self.good |= other.good
        self.rejected += other.rejected


Build = Callable[[Path, str], Expected]  # (folder, file-name prefix) → what must happen


def one_bad_file(name: str, data: bytes | Callable[[], bytes], code: str) -> Build:
    def build(folder: Path, prefix: str) -> Expected:
        (folder / f"{prefix}{name}").write_bytes(data() if callable(data) else data)
        return Expected(rejected=[(f"{prefix}{name}", code)])

    return build


def one_good_text(name: str, encode: Callable[[str], bytes], seed: int) -> Build:
    def build(folder: Path, prefix: str) -> Expected:
        path = folder / f"{prefix}{name}"
        path.write_bytes(encode(prose(seed)))
        return Expected(good={path.name.split(".")[0]})

    return build


def utf16_jsonl(bom: bytes, codec: str) -> Build:
    def build(folder: Path, prefix: str) -> Expected:
        ids = [f"{prefix}u16-{i}" for i in range(3)]
        text = jsonl({"id": i, "text": prose(300 + n)} for n, i in enumerate(ids)).decode()
        (folder / f"{prefix}utf16.jsonl").write_bytes(bom + text.encode(codec))
        return Expected(good=set(ids))

    return build


def utf16_html(bom: bytes, codec: str) -> Build:
    def build(folder: Path, prefix: str) -> Expected:
        page = news_page("Trang UTF-16", 40).decode().replace('charset="utf-8"', 'charset="utf-16"')
        (folder / f"{prefix}trang.html").write_bytes(bom + page.encode(codec))
        return Expected(good={f"{prefix}trang"})

    return build


def truncated_jsonl_gz(folder: Path, prefix: str) -> Expected:
    records = [{"id": f"{prefix}r{i}", "text": prose(500 + i)} for i in range(60)]
    compressed = gzip.compress(jsonl(records))
    kept = compressed[: len(compressed) * 2 // 3]
    (folder / f"{prefix}cut.jsonl.gz").write_bytes(kept)
    complete = gunzip_prefix(kept).split(b"\n")[:-1]
    assert 0 < len(complete) < len(records)
    return Expected(
        good={json.loads(line)["id"] for line in complete},
        rejected=[(f"{prefix}cut.jsonl.gz", "bad-gzip")],
    )


def truncated_warc(gz: bool) -> Build:
    def build(folder: Path, prefix: str) -> Expected:
        pages = [
            (f"https://baohatinh.vn/{prefix}{i}.html", news_page(f"Bài {i}", 60 + i))
            for i in range(3)
        ]
        data, ids, ends = warc(pages, gz=gz)
        cut = (ends[1] + ends[2]) // 2  # inside the third page
        name = f"{prefix}cut.warc{'.gz' if gz else ''}"
        (folder / name).write_bytes(data[:cut])
        return Expected(good=set(ids[:2]), rejected=[(name, "bad-warc")])

    return build


def ten_mb_text(folder: Path, prefix: str) -> Expected:
    (folder / f"{prefix}mot-dong.txt").write_text(ten_mb_line(), encoding="utf-8")
    return Expected(good={f"{prefix}mot-dong"})


def ten_mb_record(folder: Path, prefix: str) -> Expected:
    record = {"id": f"{prefix}lon", "text": ten_mb_line()}
    (folder / f"{prefix}lon.jsonl").write_bytes(jsonl([record]))
    return Expected(good={f"{prefix}lon"})


def ten_mb_garbage_line(folder: Path, prefix: str) -> Expected:
    """A good record, then 10 MB of garbage with no newline (a dump cut short)."""
    rng = random.Random(7)
    garbage = bytes(rng.choice(b'{["abc:,0123456789]} ') for _ in range(4096)) * (TEN_MB // 4096)
    good = jsonl([{"id": f"{prefix}truoc", "text": prose(70)}])
    (folder / f"{prefix}rac.jsonl").write_bytes(good + b'{"text": ' + garbage)
    return Expected(good={f"{prefix}truoc"}, rejected=[(f"{prefix}rac.jsonl:2", "bad-json")])


def nested(tag: str, depth: int) -> Build:
    def build(folder: Path, prefix: str) -> Expected:
        body = "".join(f"<p>{prose(80 + i)}</p>" for i in range(4))
        page = f"<html><body>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth}</body></html>"
        name = f"{prefix}long-nhau.html"
        (folder / name).write_text(page, encoding="utf-8")
        return Expected(rejected=[(name, "bad-html")])

    return build


def ten_mb_html(folder: Path, prefix: str) -> Expected:
    """A page whose one paragraph is a 10 MB line: beyond libxml2's 10 MB text node, rejected
    for that reason (not "no article text")."""
    name = f"{prefix}mot-dong.html"
    page = f"<html><head><title>Một dòng</title></head><body><p>{ten_mb_line()}</p></body></html>"
    (folder / name).write_text(page, encoding="utf-8")
    return Expected(rejected=[(name, "too-large")])


def warc_without_html(folder: Path, prefix: str) -> Expected:
    """A WARC holding only an image: said so, not silently nothing."""
    name = f"{prefix}anh.warc.gz"
    data, _, _ = warc([], gz=True)
    (folder / name).write_bytes(data)
    return Expected(rejected=[(name, "no-text")])


def nested_but_readable(folder: Path, prefix: str) -> Expected:
    (folder / f"{prefix}sau.html").write_bytes(news_page("Trang lồng sâu", 90, wrap=200))
    return Expected(good={f"{prefix}sau"})


def broken_jsonl(folder: Path, prefix: str) -> Expected:
    """Good records around every kind of broken line; the good ones must all be stored."""
    name = f"{prefix}tron-lan.jsonl"
    lines = [
        json.dumps({"id": f"{prefix}a", "text": prose(100)}, ensure_ascii=False).encode(),
        b"\x00" * 64,  # a crash's NUL padding, inside the sniffing window
        b'{"id": "x", "text": "C\xc3\xa1c t\xe1\xbb\x89nh',  # cut mid-record
        json.dumps({"id": f"{prefix}b", "text": prose(101)}, ensure_ascii=False).encode(),
        b"[1, 2, 3]",  # not an object
        b'{"id": "y", "title": "no text"}',
        b'{"id": "z", "text": 42}',
        b'{"id": "w", "text": "   "}',
        b'{"text": "H\xc3\xa0 T\xc4\xa9nh \xc3\x28 sai"}',  # invalid UTF-8
        b"",  # blank: skipped, not an error
        b"\xff\xfe{\x00}\x00",  # a UTF-16 BOM on one line: an odd byte count
        json.dumps({"id": f"{prefix}c", "text": prose(102)}, ensure_ascii=False).encode(),
        b"{}}",
        json.dumps({"text": prose(103)}, ensure_ascii=False).encode(),  # no id: file:line
    ]
    (folder / name).write_bytes(b"\n".join(lines) + b"\n")
    stem = name.removesuffix(".jsonl")
    bad = {2: "binary", 3: "bad-json", 5: "bad-json", 6: "no-text", 7: "no-text", 8: "no-text"}
    bad |= {9: "bad-encoding", 11: "bad-encoding", 13: "bad-json"}
    return Expected(
        good={f"{prefix}a", f"{prefix}b", f"{prefix}c", f"{stem}:14"},
        rejected=[(f"{name}:{n}", code) for n, code in bad.items()],
    )


def good_files(folder: Path, prefix: str) -> Expected:
    """One good file of every format."""
    (folder / f"{prefix}van-ban.txt").write_text(prose(1), encoding="utf-8")
    (folder / f"{prefix}trang.html").write_bytes(news_page("Bài HTML", 2))
    (folder / f"{prefix}nen.txt.gz").write_bytes(gzip.compress(prose(3).encode()))
    records = [{"id": f"{prefix}j{i}", "text": prose(10 + i)} for i in range(3)]
    (folder / f"{prefix}bai.jsonl").write_bytes(jsonl(records))
    (folder / f"{prefix}bai.jsonl.gz").write_bytes(
        gzip.compress(jsonl([{"id": f"{prefix}g", "text": prose(20)}]))
    )
    pages = [
        (f"https://baohatinh.vn/{prefix}{i}.html", news_page(f"Trang {i}", 30 + i))
        for i in range(2)
    ]
    data, ids, _ = warc(pages, gz=True)
    (folder / f"{prefix}bai.warc.gz").write_bytes(data)
    files = {f"{prefix}{stem}" for stem in ("van-ban", "trang", "nen")}
    return Expected(good={*files, *(str(r["id"]) for r in records), f"{prefix}g", *ids})


def invalid_utf8(folder: Path, prefix: str) -> Expected:
    name = f"{prefix}hong.txt"
    data = "Hà Tĩnh có nhiều cách làm hay. ".encode() + b"\xc3\x28" + " tiếp theo.".encode()
    (folder / name).write_bytes(data)
    return Expected(rejected=[(name, "bad-encoding")])


def truncated_text_gz(folder: Path, prefix: str) -> Expected:
    name = f"{prefix}cut.txt.gz"
    compressed = gzip.compress(" ".join(prose(i) for i in range(40)).encode())
    (folder / name).write_bytes(compressed[: len(compressed) // 2])
    return Expected(rejected=[(name, "bad-gzip")])


CASES: dict[str, Build] = {
    "png": one_bad_file("anh.png", PNG, "binary"),
    "png-named-txt": one_bad_file("anh.txt", PNG, "binary"),
    "pdf": one_bad_file("tai-lieu.pdf", PDF, "binary"),
    "elf-no-extension": one_bad_file("chuong-trinh", ELF, "binary"),
    "random-bytes-txt": one_bad_file("ngau-nhien.txt", random.Random(4).randbytes(65536), "binary"),
    "random-bytes-html": one_bad_file(
        "ngau-nhien.html", random.Random(5).randbytes(65536), "binary"
    ),
    "random-bytes-jsonl": one_bad_file(
        "ngau-nhien.jsonl", random.Random(6).randbytes(65536), "binary"
    ),
    "random-bytes-warc": one_bad_file(
        "ngau-nhien.warc", random.Random(7).randbytes(65536), "bad-warc"
    ),
    "empty-txt": one_bad_file("trong.txt", b"", "empty"),
    "empty-jsonl": one_bad_file("trong.jsonl", b"", "empty"),
    "empty-html": one_bad_file("trong.html", b"", "empty"),
    "empty-warc-gz": one_bad_file("trong.warc.gz", gzip.compress(b""), "empty"),
    "utf16-bom-only-jsonl": one_bad_file("bom.jsonl", codecs.BOM_UTF16_LE, "empty"),
    "whitespace-only": one_bad_file("trang.txt", b" \n\t\r\n   \n" * 100, "empty"),
    "invalid-utf8": invalid_utf8,
    "utf8-bom": one_good_text("bom.txt", lambda t: codecs.BOM_UTF8 + t.encode(), 200),
    "utf16-le-bom-txt": one_good_text(
        "le.txt", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), 201
    ),
    "utf16-be-bom-txt": one_good_text(
        "be.txt", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), 202
    ),
    "utf16-le-bom-jsonl": utf16_jsonl(codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf16-be-bom-jsonl": utf16_jsonl(codecs.BOM_UTF16_BE, "utf-16-be"),
    "utf16-le-bom-html": utf16_html(codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf16-be-bom-html": utf16_html(codecs.BOM_UTF16_BE, "utf-16-be"),
    "truncated-txt-gz": truncated_text_gz,
    "truncated-jsonl-gz": truncated_jsonl_gz,
    "truncated-warc": truncated_warc(gz=False),
    "truncated-warc-gz": truncated_warc(gz=True),
    "10mb-line-txt": ten_mb_text,
    "10mb-record-jsonl": ten_mb_record,
    "10mb-garbage-jsonl-line": ten_mb_garbage_line,
    "10mb-line-html": ten_mb_html,
    "warc-without-html": warc_without_html,
    "nested-div-100k": nested("div", 100_000),
    "nested-b-100k": nested("b", 100_000),
    "nested-div-200-readable": nested_but_readable,
    "jsonl-broken-lines": broken_jsonl,
    "good-files": good_files,
}


def build_mix(folder: Path) -> Expected:
    """Every case in one folder (file names and ids prefixed by the case), plus good files."""
    expected = Expected()
    for n, (name, build) in enumerate(CASES.items()):
        expected.add(build(folder, f"{n:02d}-{name}-"))
    return expected


# -- checks ------------------------------------------------------------------------------------

_REJECTED_LINE = re.compile(r"cachlamhay: rejected (?P<where>.+?): (?P<reason>\S.*)")


def stored_ids(db: Path) -> set[str]:
    with open_store(db, readonly=True) as store:
        return {doc["id"] for doc in store.iter_documents()}


def check_rejections(
    folder: Path, expected: Expected, rejections: list[dict[str, str]], err_lines: list[str] | None
) -> None:
    """Each expected rejection reported once, as one line naming its file and a reason."""
    assert all(r["code"] != "reader-error" for r in rejections), rejections  # a reader bug
    for r in rejections:
        assert r["reason"].strip() and "\n" not in r["reason"] and "Traceback" not in r["reason"]
    # A WARC record's rejection names the file then "#record"; a JSONL line's "file:line".
    got = sorted((r["where"].split("#")[0], r["code"]) for r in rejections)
    want = sorted((str(folder / name), code) for name, code in expected.rejected)
    assert got == want
    if err_lines is None:
        return
    assert len(err_lines) == len(rejections), err_lines
    for line in err_lines:
        match = _REJECTED_LINE.fullmatch(line)
        assert match, line
        assert match["where"].split("#")[0] in {w for w, _ in want}, line


def run_cli(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, dict[str, Any], list[str]]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, json.loads(captured.out), captured.err.splitlines()


# -- the table ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", [*CASES, "mix-of-all"])
def test_bad_input_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected = build_mix(folder) if case == "mix-of-all" else CASES[case](folder, "")
    db = tmp_path / "kb.db"

    started = time.perf_counter()
    code, summary, err_lines = run_cli(capsys, "ingest", "--db", str(db), "--json", str(folder))
    seconds = time.perf_counter() - started

    check_rejections(folder, expected, summary["rejections"], err_lines)
    assert code == (1 if expected.rejected else 0)
    assert stored_ids(db) == expected.good  # 0 lost good documents, nothing else stored
    assert summary["new"] == len(expected.good)
    # Generous bounds (shared CI machines); nesting must cost seconds at most, not minutes.
    assert seconds < {"mix-of-all": 120, "nested-div-100k": 15, "nested-b-100k": 15}.get(case, 60)


def test_mix_with_two_jobs_through_the_pipeline(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected = build_mix(folder)
    db = tmp_path / "kb.db"

    with open_store(db) as store:
        summary = ingest(store, [folder], jobs=2)

    check_rejections(folder, expected, [r.as_dict() for r in summary.rejections], None)
    assert summary.rejected == len(expected.rejected)
    assert stored_ids(db) == expected.good
    assert summary.new == len(expected.good)


def test_warc_with_a_wrong_content_length_is_one_rejection_not_warcio_noise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """warcio prints its own multi-line warning (with the raw bytes) to stderr when a record is
    not followed by a blank line; the CLI must say it once, as a rejection line, instead."""
    pages = [(f"https://baohatinh.vn/{i}.html", news_page(f"Bài {i}", 110 + i)) for i in range(3)]
    data, ids, ends = warc(pages, gz=False)
    header_end = data.index(b"\r\n\r\n", ends[1]) + 4  # the third page's WARC headers
    length = re.compile(rb"Content-Length: (\d+)").search(data, ends[1], header_end)
    assert length is not None
    shorter = str(int(length[1]) - 50).encode()
    data = data[: length.start(1)] + shorter + data[length.end(1) :]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "sai-do-dai.warc").write_bytes(data)
    db = tmp_path / "kb.db"

    code, summary, err_lines = run_cli(capsys, "ingest", "--db", str(db), "--json", str(folder))

    assert code == 1
    assert err_lines and all(_REJECTED_LINE.fullmatch(line) for line in err_lines), err_lines
    assert "bad-warc" in summary["rejected_by_code"]
    assert set(ids[:2]) <= stored_ids(db)  # the records before the damage are kept
