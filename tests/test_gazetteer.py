"""Gazetteer: provinces before and after 1 July 2025, aliases, successors, other actors."""

from __future__ import annotations

import pytest

from cachlamhay.extract import gazetteer
from cachlamhay.extract.text import mentions


def test_63_old_units_and_34_current_ones() -> None:
    provinces = gazetteer.provinces()
    current = [p for p in provinces.values() if p.current]
    legacy = [p for p in provinces.values() if p.name != "Huế"]
    assert len(current) == 34
    assert len(legacy) == 63


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Hậu Giang", "Cần Thơ"),
        ("Bình Phước", "Đồng Nai"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Quảng Bình", "Quảng Trị"),
        ("Hà Tĩnh", "Hà Tĩnh"),
        ("Thừa Thiên Huế", "Huế"),
    ],
)
def test_successors(old: str, new: str) -> None:
    assert gazetteer.successor_of(old) == new


def test_predecessors() -> None:
    assert gazetteer.predecessors_of("Cần Thơ") == ["Hậu Giang", "Sóc Trăng"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("TP.HCM", "Hồ Chí Minh"),
        ("TPHCM", "Hồ Chí Minh"),
        ("tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("ha tinh", "Hà Tĩnh"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Khánh Hoà", "Khánh Hòa"),
    ],
)
def test_aliases(written: str, name: str) -> None:
    assert gazetteer.canonical_province(written) == name


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Đoàn công tác tỉnh Hậu Giang đến làm việc với tỉnh Hà Tĩnh.",
            [("province", "Hậu Giang"), ("province", "Hà Tĩnh")],
        ),
        ("Ông Nguyễn Văn A, huyện Long An, thị xã Quảng Trị.", []),
        (
            "Bộ trưởng Bộ Y tế làm việc với UBND TP.HCM.",
            [("central", "Bộ Y tế"), ("province", "Hồ Chí Minh")],
        ),
        (
            "Đoàn đại biểu cấp cao của Quốc hội Cuba thăm tỉnh Sơn La.",
            [("foreign", "Quốc hội Cuba"), ("province", "Sơn La")],
        ),
        ("Thống đốc tỉnh Ishikawa (Nhật Bản) cho biết.", [("foreign", "tỉnh Ishikawa (Nhật Bản)")]),
        ("Báo Hà Tĩnh đưa tin.", []),
        (  # army commands and national committees are central bodies
            "Ủy ban Quốc gia Tìm kiếm cứu nạn và Quân chủng Hải quân kiểm tra tỉnh Bình Thuận.",
            [
                ("central", "Ủy ban Quốc gia Tìm kiếm Cứu nạn"),
                ("central", "Quân chủng Hải quân"),
                ("province", "Bình Thuận"),
            ],
        ),
        (  # the army's political department acts for the ministry; the comma of Bộ LĐ, TB&XH
            "Đoàn công tác của Bộ Lao động - Thương binh và Xã hội và của Tổng cục Chính trị đến "
            "TP Hồ Chí Minh.",
            [
                ("central", "Bộ Lao động, Thương binh và Xã hội"),
                ("central", "Bộ Quốc phòng"),
                ("province", "Hồ Chí Minh"),
            ],
        ),
        (  # … but a province's border guard is the province's
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị",
            [("province", "Quảng Trị")],
        ),
        (  # "đoàn" makes "Đức" the country, "Tập đoàn" does not; a capital is its country
            "Công ty cổ phần Tập đoàn Đức Bình (TP. HCM) và đoàn Đức đến thủ đô Jakarta.",
            [("province", "Hồ Chí Minh"), ("foreign", "Đức"), ("foreign", "Indonesia")],
        ),
        (  # a ministry's "bộ" in lower case, but not "cán bộ" or after a company's name
            "Đoàn của bộ Công an gặp cán bộ Công an xã và công ty Thái Sơn bộ Quốc phòng.",
            [("central", "Bộ Công an")],
        ),
        (  # a foreign ministry's name, its last word in lower case, then its country
            "Đoàn Bộ Bưu chính và Viễn thông Lào; Bộ trưởng Bộ Công thương Trần Tuấn Anh.",
            [("foreign", "Lào"), ("central", "Bộ Công Thương")],
        ),
        (  # a country's later words in lower case; the English "Philippine"
            "Thủ tướng Nhật bản Shinzo Abe, Phó Tổng thống Philippine Leni Robredo và Trung quốc.",
            [("foreign", "Nhật Bản"), ("foreign", "Philippines"), ("foreign", "Trung Quốc")],
        ),
        (  # international organisations are foreign actors (CONVENTIONS)
            "Tổng Thư ký Interpol làm việc với Bộ Công an; Thủ tướng đến trụ sở Liên hợp quốc.",
            [("foreign", "Interpol"), ("central", "Bộ Công an"), ("foreign", "Liên Hợp Quốc")],
        ),
    ],
)
def test_mentions(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.kind, m.name) for m in mentions(sentence)] == expected
