"""Quantities in Vietnamese news: number formats, multipliers, units, qualifiers, non-numbers.

Sentences are quoted from the seed articles and the shared corpora (origin given per row).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cachlamhay.extract.numbers import (
    QUALIFIERS,
    Quantity,
    clause_qualifier,
    find_quantities,
    parse_number,
    sentence_start,
)
from tests.conftest import ROOT, SEED_000, SEED_004

# ---------------------------------------------------------------------------------------------
# parse_number

PARSE = [
    ("57.700", 57_700),
    ("7,92", 7.92),
    ("1.272", 1_272),
    ("2321", 2_321),
    ("4.067", 4_067),
    ("1,5", 1.5),
    ("0,5", 0.5),
    ("1.234.567", 1_234_567),
    ("204.772.000", 204_772_000),
    ("12.5", 12.5),  # the rare decimal point
    ("6.23", 6.23),
    ("2.600,7", 2_600.7),  # thousands and decimal
    ("20.052,42", 20_052.42),
    ("9,990,000", 9_990_000),  # English thousands (baomoi: "giá 9,990,000 đồng")
    ("1,234.56", 1_234.56),
    ("33,448.222", 33_448_222),  # baomoi-21481048 writes "33,448.222 triệu đồng"
    ("23,000", 23_000),  # "23,000-30,000 USD": English thousands, not 23.000
    ("8,030", 8.03),  # "8,030 tỷ đồng": a decimal comma
    ("0966.100.300", None),  # phone
    ("15.3.2017", None),  # date
    ("1.2017", None),  # "tháng 1.2017"
    ("04.23456789", None),
    ("3,6,9", None),
    ("", None),
    ("abc", None),
    ("12a", None),
]


@pytest.mark.parametrize(("token", "expected"), PARSE)
def test_parse_number(token: str, expected: float | None) -> None:
    assert parse_number(token) == expected


def _vietnamese(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_round_trips_integers(n: int) -> None:
    assert parse_number(_vietnamese(n)) == n


@settings(max_examples=200)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.text(alphabet="0123456789", min_size=1, max_size=4).map(lambda d: d.rstrip("0") or "5"),
)
def test_parse_number_round_trips_decimals(whole: int, fraction: str) -> None:
    written = f"{_vietnamese(whole)},{fraction}"
    assert parse_number(written) == float(f"{whole}.{fraction}")


# ---------------------------------------------------------------------------------------------
# find_quantities: real sentences


def Q(
    raw: str,
    value: float,
    unit: str | None,
    qualifier: str = "exact",
    of: float | None = None,
    high: float | None = None,
) -> tuple[Any, ...]:
    return (raw, value, unit, qualifier, of, high)


def _summary(text: str) -> list[tuple[Any, ...]]:
    return [(q.raw, q.value, q.unit, q.qualifier, q.of, q.high) for q in find_quantities(text)]


SENTENCES: list[tuple[str, str, list[tuple[Any, ...]]]] = [
    # --- seeds/000
    (
        "seeds/000",
        "Tỉnh Hà Tĩnh có 13 đơn vị hành chính; Đảng bộ Hà Tĩnh có 17 đảng bộ trực thuộc với 637 tổ "
        "chức cơ sở Đảng, 4.067 chi bộ trực thuộc, gần 99.000 đảng viên.",
        [
            Q("13 đơn vị hành chính", 13, "đơn vị"),
            Q("17 đảng bộ", 17, "đảng bộ"),
            Q("637 tổ chức cơ sở Đảng", 637, "tổ chức"),
            Q("4.067 chi bộ", 4067, "chi bộ"),
            Q("99.000 đảng viên", 99_000, "đảng viên", "approx"),
        ],
    ),
    (
        "seeds/000",
        "Tăng trưởng kinh tế giai đoạn 2015 - 2020 đạt gần 6%; tổng thu ngân sách giai đoạn 2016 - "
        "2020 ước đạt 57.700 tỷ đồng; GRDP bình quân đầu người đạt 63 triệu đồng; thu nhập bình "
        "quân đầu người 36 triệu đồng; tỷ lệ hộ nghèo đa chiều còn dưới 3%.",
        [
            Q("6%", 6, "%", "approx"),
            Q("57.700 tỷ đồng", 57_700_000_000_000, "VND", "estimate"),
            Q("63 triệu đồng", 63_000_000, "VND"),
            Q("36 triệu đồng", 36_000_000, "VND"),
            Q("3%", 3, "%", "under"),
        ],
    ),
    (
        "seeds/000",
        "Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã đạt chuẩn NTM; 4/10 huyện đạt chuẩn "
        "NTM; 13 xã đạt chuẩn NTM nâng cao; 3 xã đạt chuẩn NTM kiểu mẫu.",
        [
            Q("169/182 xã", 169, "xã", "target", of=182),
            Q("4/10 huyện", 4, "huyện", "target", of=10),
            Q("13 xã", 13, "xã", "target"),
            Q("3 xã", 3, "xã", "target"),
        ],
    ),
    (
        "seeds/000",
        "Riêng trong năm 2020, tỉnh đã tiến hành sáp nhập 80 đơn vị hành chính (ĐVHC) cấp xã, giảm "
        "46 ĐVHC cấp xã; giảm 1.084/2321 cán bộ, công chức, bán chuyên trách.",
        [
            Q("80 đơn vị hành chính", 80, "đơn vị"),
            Q("46 ĐVHC", 46, "đơn vị"),
            Q("1.084/2321 cán bộ, công chức", 1084, "cán bộ", of=2321),
        ],
    ),
    (
        "seeds/000",
        "Tuy nhiên, trong tháng 10/2020, Hà Tĩnh liên tiếp bị ảnh hưởng bão lũ, khiến hơn 53.000 hộ "
        "dân thuộc 118/216 xã, phường bị ngập sâu.",
        [
            Q("53.000 hộ dân", 53_000, "hộ", "over"),
            Q("118/216 xã, phường", 118, "xã", of=216),
        ],
    ),
    (
        "seeds/000",
        "Tổng thiệt hại lên đến gần 5.500 tỷ đồng.",
        [Q("5.500 tỷ đồng", 5_500_000_000_000, "VND", "approx")],
    ),
    (
        "seeds/000",
        "Đầu nhiệm kỳ, sự cố môi trường biển xảy ra, cuối nhiệm kỳ gặp phải đại dịch Covid-19; "
        "nhiều năm xảy ra thiên tai bão lũ.",
        [],
    ),
    (
        "seeds/000",
        "Chúc mừng kết quả Hà Tĩnh đã đạt được và thành công của Đại hội đại biểu Đảng bộ tỉnh Hà "
        "Tĩnh lần thứ XIX vừa qua",
        [],
    ),
    # --- seeds/004
    (
        "seeds/004",
        "Kinh tế của tỉnh đang phục hồi và phát triển với tốc độ tăng trưởng bình quân giai đoạn "
        "2021 - 2023 ước đạt 7,92%; GRDP bình quân đầu người đến hết năm 2023 ước đạt 93,2 triệu "
        "đồng; cơ cấu kinh tế tiếp tục chuyển dịch đúng hướng... Trong gần 3 năm đã thu hút 110 dự "
        "án, với tổng số vốn 1.272 triệu USD, lũy kế toàn tỉnh có 396 dự án FDI.",
        [
            Q("7,92%", 7.92, "%", "estimate"),
            Q("93,2 triệu đồng", 93_200_000, "VND", "estimate"),
            Q("3 năm", 3, "năm", "approx"),
            Q("110 dự án", 110, "dự án"),
            Q("1.272 triệu USD", 1_272_000_000, "USD"),
            Q("396 dự án", 396, "dự án"),
        ],
    ),
    (
        "seeds/004",
        "Tỷ lệ hộ nghèo của tỉnh giảm còn 1,75% (đầu nhiệm kỳ là 5,6%).",
        [Q("1,75%", 1.75, "%"), Q("5,6%", 5.6, "%")],
    ),
    (
        "seeds/004",
        "Từ đầu nhiệm kỳ 2020 - 2025 đến nay, Hà Tĩnh đã thu hút 85 dự án đầu tư trên địa bàn; giai "
        "đoạn 2021 - 2023 tăng trưởng GRDP bình quân đạt 5,65%; đến cuối năm 2023, dự kiến có 11/13 "
        "huyện đạt chuẩn nông thôn mới",
        [
            Q("85 dự án", 85, "dự án"),
            Q("5,65%", 5.65, "%"),
            Q("11/13 huyện", 11, "huyện", "target", of=13),
        ],
    ),
    (
        "seeds/004",
        "Trong gần 3 năm, toàn tỉnh đã huy động nguồn lực xã hội hóa trên 600 tỷ đồng xây dựng được "
        "65 nhà văn hóa cộng đồng, kết hợp tránh trú bão lũ; gần 6.000 nhà ở kiên cố cho người có "
        "công",
        [
            Q("3 năm", 3, "năm", "approx"),
            Q("600 tỷ đồng", 600_000_000_000, "VND", "over"),
            Q("65 nhà văn hóa", 65, "nhà"),
            Q("6.000 nhà ở", 6_000, "nhà", "approx"),
        ],
    ),
    (
        "seeds/004",
        "KCN Bắc Đồng Phú có tổng diện tích 190,4 ha, kinh phí đầu tư hơn 277 tỷ đồng; là cầu nối "
        "giữa miền Đông Nam bộ với các tỉnh Tây Nguyên thông qua quốc lộ 14 và ĐT 741.",
        [
            Q("190,4 ha", 190.4, "ha"),
            Q("277 tỷ đồng", 277_000_000_000, "VND", "over"),
        ],
    ),
    (
        "seeds/004",
        "Tỉnh có vị trí địa lý chiến lược, có 1 cửa khẩu quốc tế, 2 cửa khẩu chính, 1 cửa khẩu phụ",
        [
            Q("1 cửa khẩu", 1, "cửa khẩu"),
            Q("2 cửa khẩu", 2, "cửa khẩu"),
            Q("1 cửa khẩu", 1, "cửa khẩu"),
        ],
    ),
    # --- corpora: money, multipliers, currencies
    (
        "baomoi-21474023",
        "Ngày 6/2, ông Nguyễn Văn Trình, Chủ tịch Ủy ban Nhân dân tỉnh Bà Rịa-Vũng Tàu đã trao tám "
        "giấy chứng nhận đăng ký đầu tư có tổng vốn đăng ký 311 triệu USD (hơn 706 tỷ đồng) và 3.588 "
        "tỷ đồng cho các chủ đầu tư",
        [
            Q("311 triệu USD", 311_000_000, "USD"),
            Q("706 tỷ đồng", 706_000_000_000, "VND", "over"),
            Q("3.588 tỷ đồng", 3_588_000_000_000, "VND"),
        ],
    ),
    (
        "baomoi-21474023",
        "Tổng mức đầu tư toàn xã hội trên địa bàn tỉnh năm ngoái đạt khoảng 41.000 tỷ đồng, tăng gần "
        "7% so với 2015; trong đó, vốn doanh nghiệp trong và ngoài nước đạt hơn 33.600 tỷ đồng.",
        [
            Q("41.000 tỷ đồng", 41_000_000_000_000, "VND", "approx"),
            Q("7%", 7, "%", "approx"),
            Q("33.600 tỷ đồng", 33_600_000_000_000, "VND", "over"),
        ],
    ),
    (
        "baomoi-21470423",
        "Tuy nhiên, thực tế thu lên đến 566 tỷ 384 triệu đồng, bằng 189% so với dự toán đầu năm",
        [Q("566 tỷ 384 triệu đồng", 566_384_000_000, "VND"), Q("189%", 189, "%")],
    ),
    (
        "baomoi-21481268",
        "Được biết, hiện sàn HOSE có 322 mã niêm yết, vốn hóa toàn sàn đạt 1,57 triệu tỷ đồng.",
        [Q("322 mã", 322, "mã"), Q("1,57 triệu tỷ đồng", 1_570_000_000_000_000, "VND")],
    ),
    (
        "baomoi-21481048",
        "tổng thu ngân sách nhà nước trên địa bàn là 204.772.000 triệu đồng",
        [Q("204.772.000 triệu đồng", 204_772_000_000_000, "VND")],
    ),
    (
        "vietnews-test-002069",
        "Trước thời điểm MobiFone mua cổ phần, giấy đăng ký kinh doanh ngày 23-1-2015 ghi nhận ông "
        "Phạm Nhật Vũ sở hữu tới 55,49% cổ phần của AVG, tương đương 2.013 tỉ đồng.",
        [Q("55,49%", 55.49, "%"), Q("2.013 tỉ đồng", 2_013_000_000_000, "VND")],
    ),
    (
        "baomoi-21473843",
        "Con số khách mời lần 1 lên đến hơn 1000 còn chi phí cho tiệc cưới lần 2 tốn hơn nửa tỷ đồng.",
        [Q("1000", 1000, None, "over"), Q("nửa tỷ đồng", 500_000_000, "VND", "over")],
    ),
    (
        "baomoi-21472706",
        'Viên đá mắt mèo "ngọn lửa Úc châu" trị giá 675.000 đôla.',
        [Q("675.000 đôla", 675_000, "USD")],
    ),
    (
        "baomoi-21472168",
        "Ủy ban châu Âu quyết định cấp 200 triệu euro để nâng cấp các trại tị nạn ở Libya.",
        [Q("200 triệu euro", 200_000_000, "EUR")],
    ),
    (
        "vietnews-test-011138",
        "Tổng lượng dầu bị lấy đi là hơn 2.400 tấn, trị giá hơn 1,2 triệu USD.",
        [Q("2.400 tấn", 2_400, "tấn", "over"), Q("1,2 triệu USD", 1_200_000, "USD", "over")],
    ),
    # --- corpora: counts, measures, vạn, glued units, percent in words
    (
        "baomoi-22277208",
        "Tổng diện tích gieo trồng hàng năm đạt trên 125.000 ha, sản lượng lương thực có hạt đạt 37,7 "
        "vạn tấn, trồng rừng mới đạt hơn 8.000 ha.",
        [
            Q("125.000 ha", 125_000, "ha", "over"),
            Q("37,7 vạn tấn", 377_000, "tấn"),
            Q("8.000 ha", 8_000, "ha", "over"),
        ],
    ),
    (
        "baomoi-21472061",
        "Được biết, trong dịp nghỉ Tết Nguyên đán Đinh Dậu vừa qua, Yên Tử đã đón trên 2,6 vạn lượt "
        "khách tham quan, chiêm bái.",
        [Q("2,6 vạn lượt khách", 26_000, "lượt", "over")],
    ),
    (
        "baomoi-22556372",
        "Mỗi năm, tỉnh duy trì gieo cấy khoảng 120.000ha lúa và gần 30.000ha rau màu các loại.",
        [Q("120.000ha", 120_000, "ha", "approx"), Q("30.000ha", 30_000, "ha", "approx")],
    ),
    (
        "baomoi-22556372",
        "Những vùng lúa tập trung, SX “một vùng, một giống, một thời gian” được xây dựng đem lại hiệu "
        "quả rõ rệt, năng suất lúa bình quân đạt hơn 60 tạ/ha.",
        [Q("60 tạ/ha", 60, "tạ/ha", "over")],
    ),
    (
        "baomoi-22556372",
        "Nhưng số DN thực sự hoạt động trong lĩnh vực nông nghiệp chỉ khoảng 300 DN, trong tổng số "
        "hơn 11,5 nghìn DN trên địa bàn.",
        [
            Q("300 DN", 300, "doanh nghiệp", "approx"),
            Q("11,5 nghìn DN", 11_500, "doanh nghiệp", "over"),
        ],
    ),
    (
        "baomoi-22364909",
        "Mô hình này hiện đang dẫn đầu phân khúc với 54 phần trăm thị phần tại Ấn Độ.",
        [Q("54 phần trăm", 54, "%")],
    ),
    (
        "vietnews-test-015213",
        "Những đoạn sạt lở này có thể gây vỡ đê biển Tây bất cứ lúc nào, ảnh hưởng trực tiếp đến "
        "hơn 26.000 hộ dân sinh sống ven biển và 90.000 ha đất sản xuất nông nghiệp.",
        [Q("26.000 hộ dân", 26_000, "hộ", "over"), Q("90.000 ha", 90_000, "ha")],
    ),
    # --- qualifiers
    (
        "baomoi-21475973",
        "Doanh thu bán hàng quý 4 chưa đến 37 tỷ đồng, bằng 1/3 cùng kỳ năm 2015.",
        [Q("37 tỷ đồng", 37_000_000_000, "VND", "under"), Q("1/3", 1, None, of=3)],
    ),
    (
        "baomoi-21469765",
        "Khi chuyển đến đây, bà đã phát hiện thấy một kho báu trị giá tới 35.000 bảng Anh (xấp xỉ 1 "
        "tỷ đồng).",
        [
            Q("35.000 bảng Anh", 35_000, "GBP"),
            Q("1 tỷ đồng", 1_000_000_000, "VND", "approx"),
        ],
    ),
    (
        "vietnews-test-015213",
        "Theo thống kê sơ bộ của ngành chức năng, từ ngày 2-12/8/2019, tỉnh Cà Mau bị ảnh hưởng nặng "
        "nề từ thiên tai, ước tổng giá trị thiệt hại hơn 51 tỷ đồng.",
        [Q("51 tỷ đồng", 51_000_000_000, "VND", "over")],
    ),
    (
        "baomoi-21472056",
        "Trong 4 ngày qua (từ mùng 2 Tết đến hết mùng 9), lượng du khách hành hương về đây ước đạt "
        "hơn 24 vạn lượt.",
        [Q("4 ngày", 4, "ngày"), Q("24 vạn lượt", 240_000, "lượt", "over")],
    ),
    # --- ranges
    (
        "baomoi-21481048",
        "Theo đó, Thành phố phấn đấu tốc độ tăng GRDP năm 2017 đạt từ 8,5 - 9%, GRDP bình quân đầu "
        "người từ 86 đến 88 triệu đồng; tốc độ tăng vốn đầu tư phát triển trên địa bàn từ 11 đến 12%",
        [
            Q("8,5 - 9%", 8.5, "%", "target", high=9),
            Q("86 đến 88 triệu đồng", 86_000_000, "VND", "target", high=88_000_000),
            Q("11 đến 12%", 11, "%", "target", high=12),
        ],
    ),
    (
        "baomoi-21481254",
        "Năm 2017, Quảng Nam phấn đấu có thêm 9 đến 10 xã đạt chuẩn nông thôn mới, nâng tỷ lệ số xã "
        "đạt chuẩn lên 35-36%; số tiêu chí đạt chuẩn bình quân chung của toàn tỉnh là 13 - 13,5 "
        "tiêu chí/xã.",
        [
            Q("9 đến 10 xã", 9, "xã", "target", high=10),
            Q("35-36%", 35, "%", "target", high=36),
            Q("13 - 13,5 tiêu chí/xã", 13, "tiêu chí/xã", "target", high=13.5),
        ],
    ),
    (
        "vietnews-test-002920",
        "Chúng tôi yêu cầu những người này cam kết không chặt phá rừng, phạt hành chính 5-7 triệu "
        "đồng và yêu cầu rời khỏi địa phương",
        [Q("5-7 triệu đồng", 5_000_000, "VND", high=7_000_000)],
    ),
    ("baomoi-21486605", "Độ ẩm từ 63 - 98%.", [Q("63 - 98%", 63, "%", high=98)]),
    # a label word that ends a name, then money: an amount, not a quarter or a period
    (
        "vietnews-test-003364",
        "Công ty Phương Trang đã hỗ trợ hành khách Hồ Xuân Quý 8,5 triệu đồng.",
        [Q("8,5 triệu đồng", 8_500_000, "VND")],
    ),
    # --- what is not a quantity: dates, years, times, codes, labels, phones, ordinals
    (
        "vietnews-test-000001",
        "Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994), ngụ quận Hải Châu, 12 năm tù "
        "về tội Lừa đảo chiếm đoạt tài sản.",
        [Q("12 năm", 12, "năm")],
    ),
    (
        "vietnews-test-000007",
        "Theo kết luận điều tra bổ sung, tàu BP 12-04-02 là phương tiện thuỷ nội địa.",
        [],
    ),
    (
        "baomoi-21395276",
        "Kết quả xổ số Mega 6/45 được mở thưởng bắt đầu từ 18h cho tới 18h30 vào các ngày thứ 4, "
        "thứ 6 và chủ nhật cố định hàng tuần.",
        [],
    ),
    (
        "baomoi-21470095",
        "Trình tự thủ tục nhận chuyển nhượng quyền sử dụng đất được thực hiện theo quy định tại Điều "
        "79 Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ",
        [],
    ),
    ("baomoi-21473033", "Tiếp tục phá rã nhóm thanh niên đua xe trên quốc lộ 1A", []),
    ("baomoi-21472638", "Email: banbientap@i-com.vn Hotline: 0914926900", []),
    ("vietnews-test-002769", "Sáng 7-11, Sở NN & PTNT", []),
    (
        "baomoi-21481254",
        "nhóm xã đăng ký đạt chuẩn trong năm 2017, nhóm xã đăng ký đạt chuẩn trong giai đoạn 2018 - "
        "2020",
        [],
    ),
    (
        "baomoi-21469010",
        "Đây mới là dự thảo và cũng là lần thứ 2 công khai xin ý kiến sau khi chỉnh sửa lần 1.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("origin", "sentence", "expected"), SENTENCES, ids=[f"{o}:{s[:30]}" for o, s, _ in SENTENCES]
)
def test_find_quantities_on_real_sentences(
    origin: str, sentence: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _summary(sentence) == expected


def test_quantity_offsets_and_qualifier_start() -> None:
    text = "Tăng trưởng kinh tế giai đoạn 2015 - 2020 đạt gần 6%"
    (q,) = find_quantities(text)
    assert q == Quantity(
        start=text.index("6%"),
        end=len(text),
        value=6.0,
        unit="%",
        qualifier="approx",
        of=None,
        qualifier_start=text.index("gần"),
        raw="6%",
    )


def test_qualifier_earlier_in_the_sentence_is_where_it_starts() -> None:
    text = "Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã đạt chuẩn NTM; 4/10 huyện đạt chuẩn"
    assert [q.qualifier_start for q in find_quantities(text)] == [0, 0]


# Short phrases for rules a whole corpus sentence would not isolate.
PHRASES = [
    ("1,5 triệu lượt khách", [Q("1,5 triệu lượt khách", 1_500_000, "lượt")]),
    ("nửa tỉ đồng", [Q("nửa tỉ đồng", 500_000_000, "VND")]),
    # bare billions are đồng in news ("tài trợ 10 tỉ xây dựng trường")
    ("trên 600 tỷ", [Q("600 tỷ", 600_000_000_000, "VND", "over")]),
    ("tài trợ 10 tỉ xây dựng", [Q("10 tỉ", 10_000_000_000, "VND")]),
    ("1,2 tỷ người", [Q("1,2 tỷ người", 1_200_000_000, "người")]),
    ("ước tính thiệt hại 51,4 tỷ đồng", [Q("51,4 tỷ đồng", 51_400_000_000, "VND", "estimate")]),
    ("ước khoảng 2.000 m3", [Q("2.000 m3", 2_000, "m3", "estimate")]),
    ("trên dưới 100 người", [Q("100 người", 100, "người", "approx")]),
    ("ít nhất 36 bệnh nhân", [Q("36 bệnh nhân", 36, "bệnh nhân", "over")]),
    ("không quá 5%", [Q("5%", 5, "%", "under")]),
    ("phấn đấu 95% hộ dân", [Q("95%", 95, "%", "target")]),
    ("Tập đoàn sẽ đầu tư 1,2 tỷ USD", [Q("1,2 tỷ USD", 1_200_000_000, "USD", "target")]),
    ("2 đồng chí", [Q("2 đồng chí", 2, "đồng chí")]),
    ("giá $100 mỗi chiếc", [Q("$100", 100, "USD")]),
    ("có 3 triệu chứng", [Q("3 triệu chứng", 3, "triệu chứng")]),
    ("hiệp ước 5 điều khoản", [Q("5 điều khoản", 5, "điều khoản")]),
    ("gây thiệt mạng 41 trên 73 người", [Q("41 trên 73 người", 41, "người", of=73)]),
    ("Sở Kế hoạch và Đầu tư cho biết tỉnh thu hút 203 dự án", [Q("203 dự án", 203, "dự án")]),
    ("chương trình mục tiêu quốc gia có 30 xã", [Q("30 xã", 30, "xã")]),
    ("Đại diện UBND Q. 10 cho biết", []),
    ("lúc 8 giờ 30 phút sáng", []),
    ("G6 và 6x36 và 4G", []),
    ("(08) 62 806 995", []),
    ("xuất khẩu vào Hoa Kỳ 138 triệu USD", [Q("138 triệu USD", 138_000_000, "USD")]),
    ("hỗ trợ ông Quý 3 tỷ đồng", [Q("3 tỷ đồng", 3_000_000_000, "VND")]),
    ("trong quý 3 triệu lượt khách", []),
    ("Trong Quý 3 tỷ lệ hộ nghèo giảm", []),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES)
def test_find_quantities_rules(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _summary(text) == expected


# ---------------------------------------------------------------------------------------------
# clause_qualifier and sentence_start


def test_clause_qualifier() -> None:
    text = "Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã; 4/10 huyện"
    assert clause_qualifier(text, text.index("4/10")) == "target"
    text = "tổng thu ngân sách ước đạt 57.700 tỷ đồng; GRDP bình quân đầu người đạt 63 triệu đồng"
    assert clause_qualifier(text, text.index("57.700")) == "estimate"
    assert clause_qualifier(text, text.index("63")) is None
    text = "Tổng số dân dự kiến phải sơ tán là 6.089 hộ, hiện đã sơ tán được 5 hộ dân"
    assert clause_qualifier(text, text.index("6.089")) == "target"
    assert clause_qualifier(text, text.index("5 hộ")) is None


def test_sentence_start() -> None:
    text = "Tăng 5%. Ở TP. HCM có 3 quận... Trong gần 3 năm đã thu hút 110 dự án"
    assert sentence_start(text, text.index("110")) == text.index("Trong")
    assert sentence_start(text, text.index("3 quận")) == text.index("Ở")


# ---------------------------------------------------------------------------------------------
# The seed gold: every indicator and transfer figure can be read off the article.

GOLD_UNITS = {"VND", "USD", "%"}


@pytest.mark.parametrize("seed", [SEED_000, SEED_004], ids=["000", "004"])
def test_every_seed_gold_figure_is_found(seed: Any) -> None:
    gold = json.loads((ROOT / "tests" / "gold" / "train" / f"{seed.stem}.json").read_text("utf-8"))
    found = find_quantities(seed.read_text("utf-8"))
    facts = [(i["value"], i["qualifier"], i.get("of"), i["unit"]) for i in gold["indicators"]]
    facts += [(t["amount"], None, None, t["currency"]) for t in gold["transfers"]]
    for value, qualifier, of, unit in facts:
        matches = [q for q in found if q.value == pytest.approx(value) and q.of == of]
        if qualifier is not None:
            matches = [q for q in matches if q.qualifier == qualifier]
        if unit in GOLD_UNITS:
            matches = [q for q in matches if q.unit == unit]
        assert matches, (value, qualifier, of, unit)


# ---------------------------------------------------------------------------------------------
# Properties

_WORDS = [
    "tỷ", "triệu", "nghìn", "vạn", "đồng", "USD", "%", "gần", "hơn", "dưới", "ước đạt", "dự kiến",
    "năm", "tháng", "ngày", "xã", "hộ", "-", "–", "/", ".", ",", ";", "(", ")", "nửa", "đến",
    "Sáng", "giai đoạn", "Covid-19", "$", "h", "m2", "đ", "trên", "số", "lũy kế", "\n",
]  # fmt: skip
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=0, max_value=10**9).map(_vietnamese),
    st.text(alphabet="0123456789.,/-", min_size=1, max_size=8),
)
_VIETNAMESE_TEXT = st.lists(_TOKENS, max_size=25).map(" ".join)


def _check(text: str, quantities: list[Quantity]) -> None:
    previous_end = 0
    for q in quantities:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.raw
        assert q.start >= previous_end
        previous_end = q.end
        assert q.qualifier in QUALIFIERS
        assert q.value >= 0
        assert q.qualifier_start is None or 0 <= q.qualifier_start < len(text)


@settings(max_examples=200)
@given(st.text())
def test_find_quantities_never_raises_on_any_text(text: str) -> None:
    _check(text, find_quantities(text))


@settings(max_examples=200)
@given(_VIETNAMESE_TEXT)
def test_find_quantities_spans_are_consistent(text: str) -> None:
    _check(text, find_quantities(text))


@given(
    st.lists(
        st.sampled_from(["năm", "Số", "tháng", "đạt", " ", "  ", "(", "\n", "x1", "_", "²", "ab"]),
        max_size=16,
    ).map("".join),
    st.integers(min_value=0, max_value=80),
)
def test_previous_words_read_backwards_like_the_pattern(text: str, cut: int) -> None:
    from cachlamhay.extract.numbers import _PREV_WORDS, _previous_words

    start = min(cut, len(text))
    found = _PREV_WORDS.search(text, max(0, start - 40), start)
    expected = (
        ((found.group(1) or "").lower(), found.group(2).lower(), found.group(2))
        if found
        else ("", "", "")
    )
    assert _previous_words(text, start) == expected
