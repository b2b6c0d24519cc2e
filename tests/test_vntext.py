"""Unicode normalization, tone-mark style and folding, on real corpus sentences."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cachlamhay.vntext import fold, fold_by_table, normalize_tone_marks, normalize_unicode, slugify

# (corpus id, sentence as published, sentence in the one tone style the store uses)
TONE_STYLE = [
    (
        "vietnews-test-000003",
        "Hai loại thuốc được quảng cáo có thể hỗ trợ sinh con trai hay gái tuỳ theo yêu cầu.",
        "Hai loại thuốc được quảng cáo có thể hỗ trợ sinh con trai hay gái tùy theo yêu cầu.",
    ),
    (
        "vietnews-test-000005",
        "Tại phiên toà sơ thẩm lần thứ ba ngày 28/5, HĐXX trả hồ sơ điều tra lại.",
        "Tại phiên tòa sơ thẩm lần thứ ba ngày 28/5, HĐXX trả hồ sơ điều tra lại.",
    ),
    (
        "vietnews-test-000007",
        "Theo kết luận điều tra bổ sung, tàu BP 12-04-02 là phương tiện thuỷ nội địa.",
        "Theo kết luận điều tra bổ sung, tàu BP 12-04-02 là phương tiện thủy nội địa.",
    ),
    (
        "vietnews-test-000011",
        "Sau khi thoả thuận, ông Thuyết quyết định mua chiếc máy ủi với giá 120 triệu đồng.",
        "Sau khi thỏa thuận, ông Thuyết quyết định mua chiếc máy ủi với giá 120 triệu đồng.",
    ),
    (
        "vietnews-test-000013",
        "Theo lời khai của Tráng, do nghiện ma tuý lại không có công ăn việc làm ổn định.",
        "Theo lời khai của Tráng, do nghiện ma túy lại không có công ăn việc làm ổn định.",
    ),
    ("upper case", "UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"),
    ("khoẻ", "sống khoẻ, sống thọ", "sống khỏe, sống thọ"),
]

# Words whose tone placement is the same in both styles: nothing may change.
UNCHANGED = [
    ("baomoi-21454551", "được quý nhân phù trợ nên mọi chuyện luôn thuận buồm xuôi gió."),
    ("baomoi-21471789", "sau khi bị “quỷ đỏ” đánh bại 3-0 rạng sáng 6-2."),
    ("final consonant", "hoàn thành, toán học, quyết định, thuyền, khuỷu tay, hoạch định"),
    ("seed 000", "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay để tỉnh học hỏi"),
]


@pytest.mark.parametrize(("origin", "published", "expected"), TONE_STYLE)
def test_tone_marks_follow_one_style(origin: str, published: str, expected: str) -> None:
    assert normalize_tone_marks(published) == expected


@pytest.mark.parametrize(("origin", "sentence"), UNCHANGED)
def test_tone_marks_leave_other_words_alone(origin: str, sentence: str) -> None:
    assert normalize_tone_marks(sentence) == sentence


def test_decomposed_unicode_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Hà Tĩnh có nhiều cách làm hay")
    assert normalize_unicode(decomposed) == "Hà Tĩnh có nhiều cách làm hay"


def test_zero_width_and_nbsp_are_removed() -> None:
    assert normalize_unicode("Hà\u00a0Tĩnh\u200b\r\nBình Phước") == "Hà Tĩnh\nBình Phước"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hà Tĩnh", "ha tinh"),
        ("HÀ TĨNH", "ha tinh"),
        ("Đắk Lắk", "dak lak"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("hoà / hòa", "hoa / hoa"),
        ("Bà Rịa - Vũng Tàu", "ba ria - vung tau"),
    ],
)
def test_fold_ignores_case_diacritics_and_tone_style(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_length_so_offsets_carry_over(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(min_size=60, max_size=400) | st.text(alphabet="Đđàệ xX😀\ud800", min_size=60))
def test_fast_fold_equals_the_table(text: str) -> None:
    assert fold(text) == fold_by_table(text)


@given(st.text())
def test_tone_normalization_keeps_length(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert len(normalize_tone_marks(text)) == len(text)


@given(st.text())
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize_unicode(text)
    assert normalize_unicode(once) == once


def test_slug() -> None:
    assert slugify("Hồ Chí Minh") == "ho-chi-minh"
    assert slugify("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"


def _tone_marks_as_first_written(text: str) -> str:
    """``normalize_tone_marks`` with its first pattern: a look-ahead for the pair, then groups
    for "o" + a/e and "u" + y."""
    import re

    from cachlamhay.vntext import _TONE_OF, _with_tone

    first_pattern = re.compile(
        r"(?=[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?<![qQ])"
        r"(?:([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?![^\W\d_])"
    )

    def move(match: re.Match[str]) -> str:
        bare, tone = _TONE_OF[match.group(2) or match.group(4)]
        return _with_tone(match.group(1) or match.group(3), tone) + bare

    return first_pattern.sub(move, text)


@given(st.text(alphabet="oOuUqQhtàÀáẠèẺỳỶýa 1_.", max_size=30))
def test_tone_marks_move_as_the_first_pattern_moved_them(text: str) -> None:
    assert normalize_tone_marks(text) == _tone_marks_as_first_written(text)
