"""Each cleaning rule on real text: the seeds and sentences from the shared corpora."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cachlamhay import clean
from cachlamhay.clean import (
    clean_document,
    drop_repeated_title,
    extract_byline,
    extract_source_tag,
    is_caption_line,
    is_footer_line,
    normalize_date,
    parse_header,
    strip_footer,
)
from cachlamhay.document import RawDocument
from tests.conftest import SEED_000, SEED_004, corpus_records

TITLE_000 = "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay để tỉnh học hỏi"


def clean_file(path):  # type: ignore[no-untyped-def]
    return clean_document(RawDocument(id=path.stem, text=path.read_text("utf-8"), origin=str(path)))


# -- whole seeds -----------------------------------------------------------------------------


def test_seed_000_title_once_no_footer_no_source_tag() -> None:
    doc = clean_file(SEED_000)
    assert doc.title == TITLE_000
    assert doc.text.count(TITLE_000) == 1
    assert doc.text.startswith(TITLE_000)
    for residue in ("Chủ đề", "Đọc thêm", "Tin mới Emagazine", "Podcast", "(Baohatinh.vn)"):
        assert residue not in doc.text
    assert doc.source == "baohatinh.vn"
    assert "\nChia sẻ tại buổi làm việc giữa hai tỉnh" in doc.text


def test_seed_000_captions_follow_the_repeated_title() -> None:
    doc = clean_file(SEED_000)
    captions = [span.text_of(doc.text) for span in doc.captions]
    assert "Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng chủ trì tiếp và làm việc với đoàn." in captions
    assert "Đoàn công tác tỉnh Hậu Giang." in captions
    assert not any(c.startswith("Sáng 24/11") for c in captions)


def test_seed_004_header_date_and_byline() -> None:
    doc = clean_file(SEED_004)
    assert doc.published == "2023-11"
    assert doc.title == (
        "Hà Tĩnh - Bình Phước trao đổi kinh nghiệm trong thực hiện nghị quyết đại hội Đảng"
    )
    assert doc.author == "Thu Hà"
    assert not doc.text.rstrip().endswith("Thu Hà")
    assert "date 2023-11" not in doc.text


def test_raw_text_is_kept() -> None:
    doc = clean_file(SEED_000)
    assert doc.raw_text == SEED_000.read_text("utf-8")


# -- metadata header -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields", "rest"),
    [
        (
            " date 2023-11 Hà Tĩnh - Bình Phước trao đổi kinh nghiệm\n\nĐại biểu 2 tỉnh",
            {"date": "2023-11"},
            "Hà Tĩnh - Bình Phước trao đổi kinh nghiệm\n\nĐại biểu 2 tỉnh",
        ),
        (
            "# source = baohatinh.vn\n# published = 2020-11-24\nTiêu đề\nNội dung",
            {"source": "baohatinh.vn", "published": "2020-11-24"},
            "Tiêu đề\nNội dung",
        ),
        ("Date của hội nghị chưa được công bố", {}, "Date của hội nghị chưa được công bố"),
    ],
)
def test_parse_header(text: str, fields: dict[str, str], rest: str) -> None:
    assert parse_header(text) == (fields, rest)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-11", "2023-11"),
        ("2020-11-24T08:00:00+07:00", "2020-11-24"),
        ("24/11/2020", "2020-11-24"),
        ("2017", "2017"),
        ("hôm qua", None),
        ("2020-13-01", None),
        (None, None),
    ],
)
def test_normalize_date(value: str | None, iso: str | None) -> None:
    assert normalize_date(value) == iso


# -- repeated title ------------------------------------------------------------------------


def test_drop_repeated_title_keeps_first_and_marks_next_line() -> None:
    lines = [
        TITLE_000,
        "",
        "Sáng 24/11, đoàn công tác tỉnh Hậu Giang đến thăm.",
        "",
        TITLE_000,
        "",
        "Đại biểu tỉnh Hà Tĩnh dự buổi làm việc.",
        "",
        "Tỉnh Hà Tĩnh có 13 đơn vị hành chính.",
    ]
    kept, captions = drop_repeated_title(lines, TITLE_000)
    assert kept.count(TITLE_000) == 1
    assert {kept[i] for i in captions} == {"Đại biểu tỉnh Hà Tĩnh dự buổi làm việc."}


# -- footers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Chủ đề Hoạt động của lãnh đạo tỉnh",
        "Chủ đề Chung tay khắc phục hậu quả lũ lụt",
        "Đọc thêm",
        "Tin mới Emagazine Truyền hình Podcast",
        "Thông tin bạn đọc",
        "Bấm vào ảnh để xem đầy đủ.",
    ],
)
def test_footer_lines(line: str) -> None:
    assert is_footer_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Chủ đề của hội nghị năm nay là chuyển đổi số. Hơn 300 đại biểu tham dự.",
        "Tỉnh cũng tập trung lãnh đạo, chỉ đạo tổ chức thành công đại hội Đảng các cấp.",
    ],
)
def test_footer_rule_leaves_prose(line: str) -> None:
    assert not is_footer_line(line)


def test_strip_footer_only_at_the_end() -> None:
    lines = [
        "Thông tin bạn đọc",
        "Nội dung bài.",
        "",
        "Chủ đề Hoạt động của lãnh đạo tỉnh",
        "",
        "Đọc thêm",
        "Tin mới Emagazine Truyền hình Podcast",
    ]
    assert strip_footer(lines) == ["Thông tin bạn đọc", "Nội dung bài."]


# -- source tag ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "source", "rest"),
    [
        (
            "(Baohatinh.vn) - Chia sẻ tại buổi làm việc giữa hai tỉnh",
            "baohatinh.vn",
            "Chia sẻ tại buổi làm việc giữa hai tỉnh",
        ),
        (
            "(Baonghean) - Kỳ thi Học sinh giỏi quốc gia năm 2017, đoàn học sinh Nghệ An",
            "Baonghean",
            "Kỳ thi Học sinh giỏi quốc gia năm 2017, đoàn học sinh Nghệ An",
        ),
        (
            "(TITC) – Chiều 4/2/2017, tại sân bay Tân Sơn Nhất, Sở Du lịch Thành phố Hồ Chí Minh",
            "TITC",
            "Chiều 4/2/2017, tại sân bay Tân Sơn Nhất, Sở Du lịch Thành phố Hồ Chí Minh",
        ),
    ],
)
def test_source_tag(lead: str, source: str, rest: str) -> None:
    assert extract_source_tag(["Tiêu đề", lead]) == (source, ["Tiêu đề", rest])


def test_source_tag_needs_the_dash() -> None:
    lines = ["Tiêu đề", "(Nguồn: Deccan Chronicle) Ngày 6/2, Tập đoàn Samsung Electronics Co."]
    assert extract_source_tag(lines) == (None, lines)


# -- bylines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "author", "via", "rest"),
    [
        ("Thu Hà", "Thu Hà", None, None),
        ("Mộc Miên (Tổng hợp)", "Mộc Miên", None, None),
        (
            "MEGA 6/45 là 01 11 26 29 34 40 -> Mua vé xổ số Vietlott ở đâu tại Hà Nội? Kim Thanh (T/h)",
            "Kim Thanh",
            None,
            "MEGA 6/45 là 01 11 26 29 34 40 -> Mua vé xổ số Vietlott ở đâu tại Hà Nội?",
        ),
        (
            "Hiện giá bán của Mercedes-Benz X-Class 2018 vẫn chưa được hé lộ. Theo Trí thức trẻ",
            None,
            "Trí thức trẻ",
            "Hiện giá bán của Mercedes-Benz X-Class 2018 vẫn chưa được hé lộ.",
        ),
        (
            "Đồng hồ thời gian được đặt ở cabin trước và sau của xe. Hồng Quân",
            "Hồng Quân",
            None,
            "Đồng hồ thời gian được đặt ở cabin trước và sau của xe.",
        ),
    ],
)
def test_byline(last: str, author: str | None, via: str | None, rest: str | None) -> None:
    byline, lines = extract_byline(["Nội dung bài.", last])
    assert (byline.author, byline.via) == (author, via)
    assert lines == (["Nội dung bài."] if rest is None else ["Nội dung bài.", rest])


@pytest.mark.parametrize(
    "last",
    [
        "Tại giá từ 16.945 USD (gần 391 triệu đồng).",
        "Các đường chỉ khâu mạng kim cương đem lại vẻ đẹp sang trọng cổ điển.",
        "Tổng thiệt hại lên đến gần 5.500 tỷ đồng",
    ],
)
def test_byline_rule_leaves_prose(last: str) -> None:
    byline, lines = extract_byline(["Nội dung bài.", last])
    assert byline.author is None and byline.via is None
    assert lines[-1] == last


# -- captions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Ảnh minh họa.",
        "(Ảnh minh họa)",
        "Đồ họa: BBC.",
        "Ảnh: Thu Hà",
        "Phó Chủ tịch UBND tỉnh phát biểu tại hội nghị. Ảnh: TTXVN",
        "Lãnh đạo tỉnh thăm hỏi người dân vùng lũ (Ảnh: Đức Anh)",
    ],
)
def test_caption_lines(line: str) -> None:
    assert is_caption_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ảnh hưởng của bão số 10 khiến hơn 53.000 hộ dân bị ngập sâu.",
        "Ảnh báo chí toàn bộ chi tiết trên LG G6",
    ],
)
def test_caption_rule_leaves_prose(line: str) -> None:
    assert not is_caption_line(line)


def test_caption_spans_point_into_clean_text() -> None:
    raw = RawDocument(
        id="x", origin="x", text="Tiêu đề\n\nNội dung bài viết.\n\nẢnh minh hoạ.\n\nHết."
    )
    doc = clean_document(raw)
    assert [span.text_of(doc.text) for span in doc.captions] == ["Ảnh minh họa."]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        (
            "Ảnh minh họa. (Nguồn: TTXVN) Liên quan đến thông tin 100% bệnh viện, cơ sở y tế ở Cà "
            "Mau vi phạm về môi trường, Cục trưởng Cục Quản lý môi trường (Bộ Y tế) Nguyễn Thị Liên "
            "Hương vừa làm việc với Sở Y tế Cà Mau.",
            "Ảnh minh họa. (Nguồn: TTXVN)",
        ),
        (
            "Ảnh minh họa. Nguồn: internet Theo đó, bổ sung một số trường hợp được giảm tiền sử dụng "
            "đất đối với dự án hạ tầng nghĩa trang, nghĩa địa theo quy hoạch của tỉnh.",
            "Ảnh minh họa. Nguồn: internet",
        ),
    ],
)
def test_an_illustration_credit_run_into_its_paragraph_is_the_only_caption(
    line: str, credit: str
) -> None:
    """baomoi lost the line break after "Ảnh minh họa.": the paragraph is body text."""
    doc = clean_document(RawDocument(id="x", origin="x", text=f"Tiêu đề\n\nMở đầu.\n\n{line}"))
    assert [span.text_of(doc.text) for span in doc.captions] == [credit]


# -- real corpus documents -----------------------------------------------------------------


@pytest.mark.corpus
def test_corpus_documents_clean_without_losing_the_body() -> None:
    ids = {"baomoi-21395276", "baomoi-21470755", "baomoi-21461756", "vietnews-test-000001"}
    records = corpus_records("baomoi-2017.jsonl.gz", ids - {"vietnews-test-000001"})
    records |= corpus_records("vietnews-test.jsonl.gz", {"vietnews-test-000001"})
    for record in records.values():
        doc = clean_document(
            RawDocument(
                id=record["id"],
                text=record["text"],
                origin=record["id"],
                title=record["title"],
                source=record["source"],
            )
        )
        assert doc.text.startswith(doc.title or "")
        assert len(doc.text) > 0.8 * len(record["text"].strip())
    lottery = records["baomoi-21395276"]
    doc = clean_document(
        RawDocument(id="l", text=lottery["text"], origin="l", title=lottery["title"])
    )
    assert doc.author == "Kim Thanh"
    nghean = records["baomoi-21470755"]
    doc = clean_document(RawDocument(id="n", text=nghean["text"], origin="n", source="baomoi.com"))
    assert doc.source == "Baonghean" and doc.meta["aggregator"] == "baomoi.com"
    assert "(Baonghean)" not in doc.text


@given(st.lists(st.sampled_from(["Hà", "Nội.", "Thu", "(T/h)", "…", "/.", " ", "\n", "\t"])))
def test_byline_search_from_the_last_words_finds_the_same_sentence_end(words: list[str]) -> None:
    line = " ".join(words)
    everywhere = clean._SENTENCE_END.search(line)
    near_the_end = clean._SENTENCE_END.search(line, clean._start_of_last_words(line, 9))
    assert (everywhere and everywhere.span()) == (near_the_end and near_the_end.span())
