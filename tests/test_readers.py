"""Readers: every input format, written into tmp_path, and every way an input can be bad."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
from collections.abc import Iterable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cachlamhay.document import RawDocument
from cachlamhay.ingest import Rejection, read_paths
from tests.conftest import collect, gunzip_prefix

SENTENCE = (
    "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn "
    "đã đến thăm và làm việc với tỉnh Hà Tĩnh."
)
ARTICLE = (
    "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay để tỉnh học hỏi\n\n"
    f"{SENTENCE}\n\n"
    "Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng chủ trì tiếp và làm việc với đoàn.\n"
)
_VOCABULARY = (
    "sáng đoàn công tác tỉnh hậu giang bí thư tỉnh ủy lê tiến châu làm trưởng đến thăm việc "
    "với hà tĩnh kinh nghiệm sáp nhập xã quy hoạch nông thôn mới di sản văn hóa giáo dục "
    "đào tạo phát triển thu hút đầu tư cải cách hành chính bình phước nghị quyết đại hội"
)
WORDS = _VOCABULARY.split()


def prose(seed: int, words: int = 60) -> str:
    """Varied Vietnamese-looking text (so gzip cannot squeeze it to nothing)."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def assert_one_line(rejection: Rejection) -> None:
    assert rejection.reason.strip()
    assert "\n" not in rejection.reason and "\r" not in rejection.reason
    assert "\n" not in rejection.line()
    assert "Traceback" not in rejection.reason


# -- plain text ------------------------------------------------------------------------------


def test_text_file_id_is_file_name_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "000_c376ad1e370c138e.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    docs, rejections = collect([path])

    assert rejections == []
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == "000_c376ad1e370c138e"
    assert doc.text == ARTICLE
    assert doc.origin == str(path)


def test_text_file_accepts_str_paths(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    docs, rejections = collect([str(path)])

    assert rejections == []
    assert [d.id for d in docs] == ["bai"]


def test_text_file_with_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))

    docs, rejections = collect([path])

    assert rejections == []
    assert docs[0].text == ARTICLE
    assert not docs[0].text.startswith("\ufeff")


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(ARTICLE.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), id="utf-16-be-bom"),
    ],
)
def test_text_file_utf16_with_bom(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(encoded)

    docs, rejections = collect([path])

    assert rejections == []
    assert len(docs) == 1
    assert docs[0].id == "utf16"
    assert docs[0].text == ARTICLE


def test_text_file_gzip(tmp_path: Path) -> None:
    path = tmp_path / "004_64df843035bf8b4e.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["004_64df843035bf8b4e"]
    assert docs[0].text == ARTICLE


def test_file_without_extension_is_text(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text(ARTICLE, encoding="utf-8")

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["README"]


# -- JSON Lines ------------------------------------------------------------------------------


def jsonl_bytes(records: Iterable[object]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz"])
def test_jsonl_fields_are_mapped(tmp_path: Path, name: str) -> None:
    records = [
        {
            "id": "vn-1",
            "text": ARTICLE,
            "title": "Hà Tĩnh có nhiều cách làm hay",
            "url": "https://baohatinh.vn/bai-1.html",
            "source": "baohatinh.vn",
            "published": "2023-11-24",
            "author": "Thu Hà",
            "category": "Thời sự",
        },
        {"id": 42, "text": SENTENCE},
        {"text": prose(1)},
    ]
    data = jsonl_bytes(records)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["vn-1", "42", "articles:3"]
    first = docs[0]
    assert first.text == ARTICLE
    assert first.title == "Hà Tĩnh có nhiều cách làm hay"
    assert first.url == "https://baohatinh.vn/bai-1.html"
    assert first.source == "baohatinh.vn"
    assert first.published == "2023-11-24"
    assert first.author == "Thu Hà"
    assert first.meta == {"category": "Thời sự"}
    assert first.origin == f"{path}:1"
    assert docs[1].title is None and docs[1].url is None
    assert docs[2].origin == f"{path}:3"


def test_jsonl_integer_id_becomes_string(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_bytes(jsonl_bytes([{"id": 7, "text": SENTENCE}, {"id": 0, "text": prose(2)}]))

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["7", "0"]
    assert all(isinstance(d.id, str) for d in docs)


@pytest.mark.parametrize(
    "bad_id",
    [None, "", "   ", True, 1.5, ["a"], {"x": 1}],
    ids=["null", "empty", "blank", "bool", "float", "list", "object"],
)
def test_jsonl_unusable_id_falls_back_to_stem_and_line(tmp_path: Path, bad_id: object) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl_bytes([{"id": "ok", "text": SENTENCE}, {"id": bad_id, "text": prose(3)}])
    )

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["ok", "feed:2"]


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    body = "\n".join(
        [json.dumps({"text": SENTENCE}, ensure_ascii=False), "", "   ", json.dumps({"text": "x"})]
    )
    path.write_text(body + "\n", encoding="utf-8")

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["gaps:1", "gaps:4"]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        pytest.param('{"id": "b", "text": "thiếu ngoặc'.encode(), "bad-json", id="invalid-json"),
        pytest.param(b'{"id": "b", "text": "x",}', "bad-json", id="trailing-comma"),
        pytest.param(b"[1, 2, 3]", "bad-json", id="array"),
        pytest.param(b'"just a string"', "bad-json", id="string"),
        pytest.param(b"null", "bad-json", id="null"),
        pytest.param(b'{"id": "b", "title": "no text"}', "no-text", id="missing-text"),
        pytest.param(b'{"id": "b", "text": ""}', "no-text", id="empty-text"),
        pytest.param(b'{"id": "b", "text": "  \\n "}', "no-text", id="blank-text"),
        pytest.param(b'{"id": "b", "text": 12}', "no-text", id="text-not-string"),
        pytest.param(b'{"id": "b", "text": "H\xe0 T\xeenh"}', "bad-encoding", id="invalid-utf8"),
    ],
)
@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_jsonl_broken_line_is_rejected_alone(
    tmp_path: Path, line: bytes, code: str, compressed: bool
) -> None:
    good_before = json.dumps({"id": "a", "text": SENTENCE}, ensure_ascii=False).encode()
    good_after = json.dumps({"id": "c", "text": prose(4)}, ensure_ascii=False).encode()
    data = b"\n".join([good_before, line, good_after]) + b"\n"
    path = tmp_path / ("mixed.jsonl.gz" if compressed else "mixed.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)

    docs, rejections = collect([path])

    assert [d.id for d in docs] == ["a", "c"]
    assert len(rejections) == 1
    rejection = rejections[0]
    assert rejection.code == code
    assert rejection.where == f"{path}:2"
    assert f"{path}:2" in rejection.line()
    assert_one_line(rejection)


def test_jsonl_invalid_utf8_message_names_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    bad_line = b'{"text": "H\xff"}'
    path.write_bytes(b'{"text": "ok"}\n' + bad_line + b"\n")

    docs, rejections = collect([path])

    assert [d.id for d in docs] == ["enc:1"]
    assert [r.code for r in rejections] == ["bad-encoding"]
    assert rejections[0].where == f"{path}:2"
    offset = bad_line.index(b"\xff")
    assert f"byte {offset}" in rejections[0].reason


def truncated_gzip_jsonl(path: Path, count: int, words: int) -> tuple[bytes, list[str]]:
    """A valid .jsonl.gz with its last 30% cut off; returns the bytes kept and the ids of the
    records that are still complete in what can be decompressed."""
    records = [{"id": f"r{i}", "text": prose(100 + i, words)} for i in range(count)]
    compressed = gzip.compress(jsonl_bytes(records))
    kept = compressed[: int(len(compressed) * 0.7)]
    path.write_bytes(kept)
    recoverable = gunzip_prefix(kept)
    complete = recoverable.split(b"\n")[:-1]
    return kept, [json.loads(line)["id"] for line in complete]


def test_jsonl_truncated_gzip_keeps_records_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    _, complete_ids = truncated_gzip_jsonl(path, count=200, words=60)

    docs, rejections = collect([path])

    ids = [d.id for d in docs]
    assert 0 < len(ids) < 200
    assert ids == [f"r{i}" for i in range(len(ids))]  # a prefix, in order
    assert set(ids) <= set(complete_ids)
    assert len(ids) >= len(complete_ids) - 1
    assert len(rejections) == 1
    assert rejections[0].code == "bad-gzip"
    assert rejections[0].where == str(path)
    assert_one_line(rejections[0])


def test_jsonl_small_truncated_gzip_keeps_records_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "small.jsonl.gz"
    _, complete_ids = truncated_gzip_jsonl(path, count=6, words=30)
    assert complete_ids  # some records really are readable before the break

    docs, rejections = collect([path])

    assert [d.id for d in docs] == complete_ids
    assert [r.code for r in rejections] == ["bad-gzip"]


# -- HTML ------------------------------------------------------------------------------------

NAV = (
    '<nav class="menu"><ul><li><a href="/">Trang chủ</a></li>'
    '<li><a href="/thoi-su">Thời sự</a></li><li><a href="/dang-nhap">Đăng nhập</a></li></ul></nav>'
)
FOOTER = (
    "<footer><p>Bản quyền thuộc Báo Hà Tĩnh. Liên hệ quảng cáo: 0239 3855 000.</p>"
    '<p><a href="/rss">RSS</a> · <a href="/lien-he">Liên hệ</a></p></footer>'
)
PARAGRAPHS = [
    f"{SENTENCE} {SENTENCE} Hai bên đã trao đổi kinh nghiệm về sáp nhập xã.",
    f"{SENTENCE} Đoàn đã tham quan mô hình nông thôn mới tại huyện Can Lộc. {SENTENCE}",
    f"{SENTENCE} Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng chủ trì tiếp đoàn. {SENTENCE}",
    f"{SENTENCE} Hai tỉnh thống nhất tăng cường hợp tác trong thời gian tới. {SENTENCE}",
]


def news_page(title: str = "Hậu Giang học hỏi cách làm hay của Hà Tĩnh", extra: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="author" content="Thu Hà">
<meta property="article:published_time" content="2023-11-24T08:30:00+07:00">
</head>
<body>
{NAV}
<main><article>
<h1>{title}</h1>
{paragraphs}
{extra}
</article></main>
{FOOTER}
</body>
</html>
"""


@pytest.mark.parametrize("name", ["bai-viet.html", "bai-viet.html.gz"])
def test_html_article_text_and_metadata(tmp_path: Path, name: str) -> None:
    data = news_page().encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)

    docs, rejections = collect([path])

    assert rejections == []
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == "bai-viet"
    assert doc.origin == str(path)
    assert "Lê Tiến Châu làm trưởng đoàn" in doc.text
    assert "mô hình nông thôn mới tại huyện Can Lộc" in doc.text
    assert "Hai tỉnh thống nhất tăng cường hợp tác" in doc.text
    for boilerplate in ("Đăng nhập", "Bản quyền", "Liên hệ quảng cáo", "RSS"):
        assert boilerplate not in doc.text
    assert doc.title == "Hậu Giang học hỏi cách làm hay của Hà Tĩnh"
    assert doc.author == "Thu Hà"
    assert doc.published is not None and doc.published.startswith("2023-11-24")


def test_html_sniffed_by_content_without_html_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(news_page(), encoding="utf-8")

    docs, rejections = collect([path])

    assert rejections == []
    assert [d.id for d in docs] == ["page"]
    assert "Lê Tiến Châu" in docs[0].text


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<html><head><title>Trang chủ</title></head><body></body></html>", id="empty"),
        pytest.param(
            "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
            id="script-only",
        ),
        pytest.param('<html><body><img src="anh.png" alt=""></body></html>', id="image-only"),
    ],
)
def test_html_without_article_text_is_rejected(tmp_path: Path, html: str) -> None:
    path = tmp_path / "trong.html"
    path.write_text(html, encoding="utf-8")

    docs, rejections = collect([path])

    assert docs == []
    assert [r.code for r in rejections] == ["no-text"]
    assert rejections[0].where == str(path)
    assert_one_line(rejections[0])


def test_html_page_with_only_navigation_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "chi-menu.html"
    path.write_text(
        f"<!DOCTYPE html><html><head><title>Báo Hà Tĩnh</title></head><body>{NAV}{FOOTER}"
        "</body></html>",
        encoding="utf-8",
    )

    docs, rejections = collect([path])

    assert docs == []
    assert [r.code for r in rejections] == ["no-text"]


# -- WARC ------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def big_page(title: str, seed: int) -> bytes:
    """An article page of ~6 KB, so the first record alone fills the 4 KB sniffing window."""
    paragraphs = "\n".join(f"<p>{prose(seed * 100 + i, 120)}</p>" for i in range(6))
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body>{NAV}<article><h1>{title}</h1>{paragraphs}</article>{FOOTER}</body></html>"
    ).encode()


def build_warc(
    path: Path, pages: list[tuple[str, bytes, str]], *, gz: bool
) -> tuple[bytes, list[str], list[tuple[int, int]]]:
    """Write a WARC (warcinfo + one response per page); return its bytes, the WARC-Record-IDs
    and the (start, end) byte offsets of the response records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    ids, spans = [], []
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        ids.append(record.rec_headers.get_header("WARC-Record-ID"))
        start = buffer.tell()
        writer.write_record(record)
        spans.append((start, buffer.tell()))
    data = buffer.getvalue()
    path.write_bytes(data)
    return data, ids, spans


def bare_uuid(record_id: str) -> str:
    assert record_id.startswith("<urn:uuid:") and record_id.endswith(">")
    return record_id[len("<urn:uuid:") : -1]


URL_1 = "https://baohatinh.vn/hau-giang-hoc-hoi-ha-tinh.html"
URL_2 = "https://baohatinh.vn/ha-tinh-binh-phuoc-trao-doi-kinh-nghiem.html"
HTML_TYPE = "text/html; charset=utf-8"


def three_records(small: bool = False) -> list[tuple[str, bytes, str]]:
    first = news_page().encode() if small else big_page("Hậu Giang học hỏi Hà Tĩnh", 1)
    second = (
        news_page("Hà Tĩnh - Bình Phước trao đổi kinh nghiệm").encode()
        if small
        else big_page("Hà Tĩnh - Bình Phước trao đổi kinh nghiệm", 2)
    )
    return [
        (URL_1, first, HTML_TYPE),
        ("https://baohatinh.vn/logo.png", PNG, "image/png"),
        (URL_2, second, HTML_TYPE),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _, ids, _ = build_warc(path, three_records(small=True), gz=name.endswith(".gz"))

    docs, rejections = collect([path])

    assert rejections == []  # the PNG and the warcinfo record are skipped silently
    assert [d.id for d in docs] == [bare_uuid(ids[0]), bare_uuid(ids[2])]
    assert [d.url for d in docs] == [URL_1, URL_2]
    assert docs[0].title == "Hậu Giang học hỏi cách làm hay của Hà Tĩnh"
    assert docs[1].title == "Hà Tĩnh - Bình Phước trao đổi kinh nghiệm"
    assert "Lê Tiến Châu làm trưởng đoàn" in docs[0].text
    assert "Đăng nhập" not in docs[0].text
    assert docs[0].origin == f"{path}#{bare_uuid(ids[0])}"


def test_warc_record_without_article_text_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    pages = [
        (URL_1, news_page().encode(), HTML_TYPE),
        ("https://baohatinh.vn/trong.html", b"<html><body></body></html>", HTML_TYPE),
        (URL_2, news_page("Bài thứ hai").encode(), HTML_TYPE),
    ]
    _, ids, _ = build_warc(path, pages, gz=True)

    docs, rejections = collect([path])

    assert [d.id for d in docs] == [bare_uuid(ids[0]), bare_uuid(ids[2])]
    assert [r.code for r in rejections] == ["no-text"]
    assert rejections[0].where == f"{path}#{bare_uuid(ids[1])}"
    assert_one_line(rejections[0])


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_keeps_the_first_document(tmp_path: Path, gz: bool) -> None:
    full = tmp_path / ("full.warc.gz" if gz else "full.warc")
    data, ids, spans = build_warc(full, three_records(), gz=gz)
    expected_first = collect([full])[0][0]
    start, end = spans[2]
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: (start + end) // 2])  # in the middle of the second HTML record

    items = list(read_paths([cut]))  # must not raise

    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.id == bare_uuid(ids[0])
    assert first.text == expected_first.text


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_reports_bad_warc(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    data, ids, spans = build_warc(path, three_records(), gz=gz)
    start, end = spans[2]
    path.write_bytes(data[: (start + end) // 2])

    docs, rejections = collect([path])

    assert [d.id for d in docs] == [bare_uuid(ids[0])]
    assert [r.code for r in rejections] == ["bad-warc"]
    assert rejections[0].where == str(path)
    assert_one_line(rejections[0])


def test_warc_cut_inside_record_headers_does_not_raise(tmp_path: Path) -> None:
    path = tmp_path / "cut-headers.warc"
    data, ids, spans = build_warc(path, three_records(), gz=False)
    start, _ = spans[2]
    path.write_bytes(data[: data.index(b"WARC-Target-URI", start)])

    docs, rejections = collect([path])

    assert [d.id for d in docs] == [bare_uuid(ids[0])]
    assert [r.code for r in rejections] == ["bad-warc"]


def test_small_truncated_warc_gz_keeps_the_first_document(tmp_path: Path) -> None:
    path = tmp_path / "small.warc.gz"
    pages = [
        (URL_1, news_page().encode(), HTML_TYPE),
        (URL_2, news_page("Hai").encode(), HTML_TYPE),
    ]
    data, ids, spans = build_warc(path, pages, gz=True)
    start, end = spans[1]
    kept = data[: start + (end - start) // 4]
    path.write_bytes(kept)
    # what survives the cut decompresses to less than sniff's 4096-byte window
    assert len(gunzip_prefix(data[:start])) < len(gunzip_prefix(kept)) < 4096

    docs, rejections = collect([path])

    assert [d.id for d in docs] == [bare_uuid(ids[0])]
    assert [r.code for r in rejections] == ["bad-warc"]


# -- directories and paths -------------------------------------------------------------------


def test_directory_is_read_recursively_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for relative in ("b.txt", "a/c.txt", "a/z/e.txt", "sub/d.txt", "sub/.nhap.txt", ".git/x.txt"):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{Path(relative).stem}\n\n{SENTENCE}\n", encoding="utf-8")
    (root / "sub" / "empty-dir").mkdir()

    docs, rejections = collect([root])

    assert rejections == []
    assert [d.id for d in docs] == ["c", "e", "b", "d"]
    assert [Path(d.origin).relative_to(root).as_posix() for d in docs] == [
        "a/c.txt",
        "a/z/e.txt",
        "b.txt",
        "sub/d.txt",
    ]


def test_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".an.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    docs, rejections = collect([path])

    assert rejections == []
    assert len(docs) == 1


def test_nonexistent_path_is_rejected_and_others_still_read(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.txt"
    good = tmp_path / "co.txt"
    good.write_text(ARTICLE, encoding="utf-8")

    items = list(read_paths([missing, good]))

    assert isinstance(items[0], Rejection)
    assert items[0].code == "not-found"
    assert items[0].where == str(missing)
    assert_one_line(items[0])
    assert isinstance(items[1], RawDocument) and items[1].id == "co"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_special_file_is_rejected(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    docs, rejections = collect([fifo])

    assert docs == []
    assert [r.code for r in rejections] == ["not-a-file"]


# -- bad input -------------------------------------------------------------------------------

_RANDOM = random.Random(20231124)
RANDOM_BYTES = bytes(_RANDOM.randrange(256) for _ in range(2048)) + b"\x00\x00\x00"
PNG_FILE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200)
INVALID_UTF8_PREFIX = "Hà Tĩnh có nhiều cách làm hay. ".encode()
INVALID_UTF8 = INVALID_UTF8_PREFIX + b"\xc3\x28 tiep theo\n"
_GZ = gzip.compress((ARTICLE * 20).encode())


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        pytest.param("blob.txt", RANDOM_BYTES, "binary", id="random-bytes-txt"),
        pytest.param("blob", RANDOM_BYTES, "binary", id="random-bytes-no-extension"),
        pytest.param("blob.bin", RANDOM_BYTES, "binary", id="random-bytes-bin"),
        pytest.param("anh.png", PNG_FILE, "binary", id="png"),
        pytest.param("anh.txt", PNG_FILE, "binary", id="png-named-txt"),
        pytest.param("bai.html", PNG_FILE, "binary", id="png-named-html"),
        pytest.param("tai-lieu.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary", id="pdf"),
        pytest.param("empty.txt", b"", "empty", id="empty-txt"),
        pytest.param("empty.jsonl", b"", "empty", id="empty-jsonl"),
        pytest.param("empty.html", b"", "empty", id="empty-html"),
        pytest.param("blank.txt", b"  \n\t\r\n   \n", "empty", id="whitespace-only"),
        pytest.param("blank.txt.gz", gzip.compress(b" \n \n"), "empty", id="whitespace-gzip"),
        pytest.param("cu.txt", INVALID_UTF8, "bad-encoding", id="invalid-utf8"),
        pytest.param("bang.csv", "id,text\n1,Hà Tĩnh\n".encode(), "unknown-format", id="csv"),
        pytest.param("cut.txt.gz", _GZ[: len(_GZ) * 2 // 3], "bad-gzip", id="truncated-gzip"),
        pytest.param("junk.txt.gz", b"\x1f\x8b" + bytes(60), "bad-gzip", id="corrupt-gzip"),
    ],
)
def test_bad_input_is_one_clear_rejection(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    docs, rejections = collect([path])

    assert docs == []
    assert len(rejections) == 1
    rejection = rejections[0]
    assert rejection.code == code
    assert str(path) in rejection.where
    assert rejection.line().startswith(f"{path}")
    assert_one_line(rejection)
    assert rejection.as_dict() == {
        "where": rejection.where,
        "reason": rejection.reason,
        "code": code,
    }


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(INVALID_UTF8)

    _, rejections = collect([path])

    assert [r.code for r in rejections] == ["bad-encoding"]
    assert f"byte {len(INVALID_UTF8_PREFIX)}" in rejections[0].reason


def test_bad_files_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1-anh.png").write_bytes(PNG_FILE)
    (tmp_path / "2-bai.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "3-trong.txt").write_bytes(b"")
    (tmp_path / "4-cu.txt").write_bytes(INVALID_UTF8)
    (tmp_path / "5-bai.jsonl").write_bytes(jsonl_bytes([{"id": "j1", "text": SENTENCE}]))

    docs, rejections = collect([tmp_path])

    assert [d.id for d in docs] == ["2-bai", "j1"]
    assert [r.code for r in rejections] == ["binary", "empty", "bad-encoding"]
