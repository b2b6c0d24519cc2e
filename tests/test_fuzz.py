"""Fuzzing (bounded, in CI): the readers' record parsing, the cleaner and every extractor take
arbitrary text without an exception escaping, and every evidence span stays inside the text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cachlamhay.clean import clean_document
from cachlamhay.document import RawDocument
from cachlamhay.extract import extract_document
from cachlamhay.ingest.base import Rejection
from cachlamhay.ingest.jsonl import parse_record

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
