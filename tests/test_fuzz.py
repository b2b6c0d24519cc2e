"""Fuzzing (bounded, in CI): the readers, the cleaner, every extractor and the number and date
parsers take arbitrary input without an exception escaping; the readers answer every file with
documents or one-line rejections and lose no complete record of a cut file; generated Vietnamese
amounts and dates are read to the right values."""

from __future__ import annotations

import calendar
import codecs
import gzip
import json
import math
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cachlamhay.clean import clean_document, normalize_date
from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError
from cachlamhay.extract import extract_document
from cachlamhay.extract.dates import find_dates
from cachlamhay.extract.numbers import find_quantities, parse_number
from cachlamhay.ingest import read_paths
from cachlamhay.ingest.base import Rejection
from cachlamhay.ingest.jsonl import parse_record
from cachlamhay.ingest.sniff import Format, sniff
from tests.conftest import gunzip_prefix
from tests.test_bad_input import jsonl, news_page, prose, warc

ISO_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")

# Pieces news is made of, so the generator reaches the extractors' paths, not only noise.
PIECES = [
    "Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng",
    "đoàn công tác tỉnh Hậu Giang",
    " làm việc với ",
    "thăm và làm việc tại TP.HCM",
    "tiếp đoàn",
    "trao tặng 500 triệu đồng",
    "tăng trưởng kinh tế đạt 7,92%",
    "169/182 xã đạt chuẩn NTM",
    "Sáng 24/11",
    "giai đoạn 2016 - 2020",
    "Công ty TNHH Sơn Trường tài trợ 10 tỉ",
    "(Baohatinh.vn) - ",
    "Ảnh: Thu Hà",
    "Chính phủ Mỹ",
    "tỉnh Ishikawa (Nhật Bản)",
    "ông ",
    ", ",
    ". ",
    "\n",
    "\u0301",
    "\x00",
    "<script>",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=25
).map("".join)
FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(title=TEXT, body=TEXT)
def test_cleaning_and_extraction_never_raise(title: str, body: str) -> None:
    doc = clean_document(RawDocument(id="fuzz", text=f"{title}\n{body}", origin="fuzz"))
    out = extract_document(doc)
    for kind in ("visits", "people", "indicators", "transfers", "practices"):
        for fact in out[kind]:
            for span in fact["evidence"]:
                assert 0 <= span["start"] <= span["end"] <= len(doc.text)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=200),
        st.dictionaries(
            st.sampled_from(["id", "text", "title", "published", "source", "url", "x"]),
            st.one_of(st.none(), st.integers(), st.text(max_size=30), st.lists(st.integers())),
        ).map(lambda record: json.dumps(record).encode()),
    )
)
def test_jsonl_records_are_documents_or_rejections(line: bytes) -> None:
    item = parse_record(line, "fuzz.jsonl:1", "fuzz:1")
    assert isinstance(item, Rejection) or item.text.strip()


# -- readers: any bytes in any file ------------------------------------------------------------

# File names pick the reader (with the first bytes); heads steer the bytes into each reader.
NAMES = ["a.txt", "a", "a.html", "a.jsonl", "a.json", "a.warc", "a.md", "a.csv"]
HEADS = [
    b"",
    b"{",
    b'{"id": 1, "text": "',
    b"<!DOCTYPE html><html><body><p>",
    b"WARC/1.0\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    b"\x1f\x8b",
    b"\x89PNG",
    b"\x00\x00\x00\n",
]
READER_FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def read_all(path: Path) -> tuple[list[RawDocument], list[Rejection]]:
    """Everything ``read_paths`` yields for ``path``: documents with text, or one-line
    rejections; a "reader-error" rejection is an exception a reader let out (a bug)."""
    docs: list[RawDocument] = []
    rejections: list[Rejection] = []
    for item in read_paths([path]):
        if isinstance(item, Rejection):
            assert item.code != "reader-error", item
            assert item.reason.strip() and "\n" not in item.line() and "\r" not in item.line()
            rejections.append(item)
        else:
            assert isinstance(item, RawDocument) and item.text.strip()
            docs.append(item)
    return docs, rejections


@contextmanager
def written(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


@READER_FUZZ
@given(
    name=st.sampled_from(NAMES),
    head=st.sampled_from(HEADS),
    body=st.binary(max_size=600),
    compress=st.booleans(),
)
def test_any_bytes_are_documents_or_one_line_rejections(
    name: str, head: bytes, body: bytes, compress: bool
) -> None:
    data = gzip.compress(head + body) if compress else head + body
    with written(name + (".gz" if compress else ""), data) as path:
        sniffed: Format | None = None
        try:
            sniffed = sniff(path)
        except InputError as error:  # the only exception sniffing may raise
            assert error.reason.strip() and "\n" not in error.reason
        docs, rejections = read_all(path)
        assert docs or rejections  # every file is accounted for
        if sniffed is None:
            assert not docs and len(rejections) == 1


# Valid files of every format, then damaged: cut, bytes flipped, inserted or removed.
_RECORDS = [{"id": f"r{i}", "text": prose(i, 3)} for i in range(6)]
_PAGES = [(f"https://baohatinh.vn/{i}.html", news_page(f"Bài {i}", i)) for i in range(3)]
_WARC, _WARC_IDS, _WARC_ENDS = warc(_PAGES, gz=False)
_WARC_GZ, _WARC_GZ_IDS, _WARC_GZ_ENDS = warc(_PAGES, gz=True)
SAMPLES = {
    "a.jsonl": jsonl(_RECORDS),
    # several gzip members, as appended dumps are
    "a.jsonl.gz": b"".join(gzip.compress(jsonl(_RECORDS[i : i + 2])) for i in range(0, 6, 2)),
    "a.warc": _WARC,
    "a.warc.gz": _WARC_GZ,
    "a.html": news_page("Trang", 9),
    "a.txt": prose(9, 20).encode(),
    "a.txt.gz": gzip.compress(prose(9, 20).encode()),
}


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        else:
            del data[at : at + draw(st.integers(1, 200))]
    return name, bytes(data)


@READER_FUZZ
@given(damaged())
def test_damaged_files_are_documents_or_one_line_rejections(sample: tuple[str, bytes]) -> None:
    name, data = sample
    with written(name, data) as path:
        docs, rejections = read_all(path)
        assert docs or rejections


_FULL: dict[str, dict[str, str]] = {}


def _full_documents(name: str) -> dict[str, str]:
    if name not in _FULL:
        with written(name, SAMPLES[name]) as path:
            docs, rejections = read_all(path)
            assert not rejections
            _FULL[name] = {d.id: d.text for d in docs}
    return _FULL[name]


@READER_FUZZ
@given(
    name=st.sampled_from(["a.jsonl", "a.jsonl.gz", "a.warc", "a.warc.gz"]),
    fraction=st.floats(0, 1),
)
def test_a_cut_file_keeps_every_complete_record(name: str, fraction: float) -> None:
    """Cut anywhere: every record complete before the cut is read, and no document is a cut
    record passed off as whole."""
    data = SAMPLES[name]
    at = int(len(data) * fraction)
    if name == "a.jsonl":
        complete = {json.loads(line)["id"] for line in data[:at].split(b"\n")[:-1]}
    elif name == "a.jsonl.gz":
        complete = {json.loads(line)["id"] for line in gunzip_prefix(data[:at]).split(b"\n")[:-1]}
    else:
        ids, ends = (_WARC_IDS, _WARC_ENDS) if name == "a.warc" else (_WARC_GZ_IDS, _WARC_GZ_ENDS)
        complete = {rid for rid, end in zip(ids, ends, strict=True) if end <= at}
    full = _full_documents(name)
    with written(name, data[:at]) as path:
        docs, _ = read_all(path)
        assert complete <= {d.id for d in docs}
        for doc in docs:
            assert full.get(doc.id) == doc.text


# -- the cleaner on any text and any metadata ----------------------------------------------------

HEADER_LINES = st.sampled_from(
    [
        "# date: ",
        "# title = ",
        "# source: ",
        "published ",
        "date ",
        "url ",
        "title ",
        "Theo ",
        "Nguồn: ",
        "(Baohatinh.vn) - ",
        "Ảnh: ",
        "THU HÀ",
        "",
    ]
)
META = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["2020-11-24", "24/11/2020"]))


@FUZZ
@given(
    lines=st.lists(st.tuples(HEADER_LINES, st.text(max_size=40)).map("".join), max_size=12),
    title=META,
    published=META,
    source=META,
    author=META,
)
def test_cleaner_takes_any_text_and_metadata(
    lines: list[str],
    title: str | None,
    published: str | None,
    source: str | None,
    author: str | None,
) -> None:
    raw = RawDocument(
        id="fuzz",
        text="\n".join(lines),
        origin="fuzz",
        title=title,
        published=published,
        source=source,
        author=author,
    )
    doc = clean_document(raw)
    assert isinstance(doc.text, str)
    for span in doc.captions:
        assert 0 <= span.start <= span.end <= len(doc.text)
    assert doc.published is None or ISO_DATE.fullmatch(doc.published), doc.published


@FUZZ
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none()))
def test_normalize_date_is_an_iso_date_or_none(value: object) -> None:
    found = normalize_date(value)
    assert found is None or ISO_DATE.fullmatch(found), found


# -- the number and date parsers -----------------------------------------------------------------

NUMBERISH = st.text(
    alphabet=st.sampled_from([*"0123456789.,", " ", "\u00a0", "-", "٣", "𝟏", "०", "²"]), max_size=30
)


@FUZZ
@given(st.one_of(st.text(), NUMBERISH))
def test_parse_number_is_a_finite_number_or_none(token: str) -> None:
    value = parse_number(token)
    assert value is None or (math.isfinite(value) and value >= 0)


def _vietnamese(n: int) -> str:
    return f"{n:,}".replace(",", ".")


MULTIPLIERS = {"": 1, "nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
HEDGES = {"": "exact", "gần ": "approx", "khoảng ": "approx", "hơn ": "over", "dưới ": "under"}
HEDGES |= {"ước đạt ": "estimate"}


@FUZZ
@given(
    whole=st.integers(1, 999_999),
    fraction=st.one_of(st.none(), st.integers(1, 999).map(lambda n: str(n).rstrip("0"))),
    multiplier=st.sampled_from(sorted(MULTIPLIERS)),
    hedge=st.sampled_from(sorted(HEDGES)),
    currency=st.sampled_from([("đồng", "VND"), ("USD", "USD")]),
)
def test_amounts_in_words_are_read(
    whole: int, fraction: str | None, multiplier: str, hedge: str, currency: tuple[str, str]
) -> None:
    """ "Tổng thu đạt gần 1.234,5 tỷ đồng." → 1 234 500 000 000 VND, approx."""
    written_number = _vietnamese(whole) + (f",{fraction}" if fraction else "")
    words = f"{written_number} {multiplier}".strip()
    text = f"Tổng thu ngân sách của tỉnh {hedge}{words} {currency[0]}."
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    value = float(f"{whole}.{fraction}" if fraction else whole) * MULTIPLIERS[multiplier]
    assert math.isclose(found[0].value, value, rel_tol=1e-12), (text, found)
    assert (found[0].unit, found[0].qualifier) == (currency[1], HEDGES[hedge]), text


@FUZZ
@given(
    number=st.integers(0, 999),
    fraction=st.one_of(st.none(), st.integers(1, 99)),
    hedge=st.sampled_from(["", "gần ", "hơn ", "dưới "]),
)
def test_percentages_are_read(number: int, fraction: int | None, hedge: str) -> None:
    written_number = f"{number},{fraction}" if fraction else str(number)
    found = find_quantities(f"Tỷ lệ hộ nghèo giảm còn {hedge}{written_number}%.")
    assert [(q.value, q.unit) for q in found] == [(float(written_number.replace(",", ".")), "%")]


def _exists(day: int, month: int, year: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


@FUZZ
@given(
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    year=st.integers(1900, 2099),
    mark=st.sampled_from(["/", "-", "."]),
    before=st.sampled_from(["ngày ", "Sáng ", "chiều ", "hôm ", ""]),
)
def test_full_dates_are_read(day: int, month: int, year: int, mark: str, before: str) -> None:
    """ "ngày 5/2/2017" → 2017-02-05; an impossible date (31/11) is no date."""
    text = f"Hội nghị diễn ra {before}{day}{mark}{month}{mark}{year} tại Hà Tĩnh."
    expected = [f"{year:04d}-{month:02d}-{day:02d}"] if _exists(day, month, year) else []
    assert [d.value for d in find_dates(text, "2023-11-24")] == expected


@FUZZ
@given(
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    year=st.integers(1990, 2030),
    mark=st.sampled_from(["/", "-", "."]),
    before=st.sampled_from(["ngày", "Sáng", "Chiều", "Tối"]),
)
def test_day_and_month_take_the_given_year(
    day: int, month: int, year: int, mark: str, before: str
) -> None:
    text = f"{before} {day}{mark}{month}, đoàn công tác đến thăm tỉnh."
    expected = [f"{year:04d}-{month:02d}-{day:02d}"] if _exists(day, month, year) else []
    assert [d.value for d in find_dates(text, year=year)] == expected


@FUZZ
@given(
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    year=st.integers(1900, 2099),
    mark=st.sampled_from(["/", ".", "-", " năm "]),
)
def test_months_and_dates_in_words_are_read(day: int, month: int, year: int, mark: str) -> None:
    assert [d.value for d in find_dates(f"Trong tháng {month}{mark}{year}, tỉnh có 5 dự án.")] == [
        f"{year:04d}-{month:02d}"
    ]
    found = [d.value for d in find_dates(f"Vào ngày {day} tháng {month} năm {year}, tỉnh họp.")]
    if _exists(day, month, year):
        assert found == [f"{year:04d}-{month:02d}-{day:02d}"]
    else:  # "ngày 31 tháng 11 năm 2015": no day, at most the month
        assert found in ([], [f"{year:04d}-{month:02d}"])
