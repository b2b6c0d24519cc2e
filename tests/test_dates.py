"""Dates, the article's year and reporting periods, on sentences from the seeds and the corpora."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cachlamhay.extract.dates import (
    DateMention,
    SentenceDates,
    confident_year,
    find_dates,
    find_period,
    find_term_start,
    period_at,
    published_year,
    resolve_year,
)
from tests.conftest import SEED_000, SEED_004

# (origin, sentence, published, year, [(text of the mention, ISO value)])
DATES: list[tuple[str, str, str | None, int | None, list[tuple[str, str]]]] = [
    (
        "seeds/000",
        "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn",
        None,
        2020,
        [("24/11", "2020-11-24")],
    ),
    (
        "seeds/000",
        "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn",
        None,
        None,
        [("24/11", "--11-24")],
    ),
    (
        "seeds/004",
        "Sáng 11/11, Đoàn công tác tỉnh Hà Tĩnh do Bí thư Tỉnh ủy Hoàng Trung Dũng dẫn đầu",
        "2023-11",
        None,
        [("11/11", "2023-11-11")],
    ),
    (
        "seeds/000",
        "Tuy nhiên, trong tháng 10/2020, Hà Tĩnh liên tiếp bị ảnh hưởng bão lũ",
        None,
        None,
        [("tháng 10/2020", "2020-10")],
    ),
    (
        "seeds/000",
        "Đồng thời tập trung hoàn thành các nhiệm vụ chính trị năm 2020, triển khai nhiệm vụ kế "
        "hoạch năm 2021; hoàn thiện Quy hoạch tỉnh giai đoạn 2021 - 2030",
        None,
        None,
        [("năm 2020", "2020"), ("năm 2021", "2021")],
    ),
    (
        "vietnews-test-000001",
        "Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994), ngụ quận Hải Châu, 12 năm tù "
        "về tội Lừa đảo chiếm đoạt tài sản.",
        None,
        None,
        [("Ngày 25/2", "--02-25")],
    ),
    (
        "baomoi-21470095",
        "Trình tự thủ tục nhận chuyển nhượng quyền sử dụng đất được thực hiện theo quy định tại Điều "
        "79 Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ",
        None,
        None,
        [("ngày 15/5/2014", "2014-05-15")],
    ),
    (
        "vietnews-test-002069",
        "Trước thời điểm MobiFone mua cổ phần, giấy đăng ký kinh doanh ngày 23-1-2015 ghi nhận ông "
        "Phạm Nhật Vũ sở hữu tới 55,49% cổ phần của AVG",
        None,
        None,
        [("ngày 23-1-2015", "2015-01-23")],
    ),
    (
        "baomoi-21470375",
        "kể từ ngày 15.3.2017 người Việt sẽ chính thức được chơi tại các casino",
        None,
        None,
        [("ngày 15.3.2017", "2017-03-15")],
    ),
    (
        "vietnews-test-002606",
        "Đến 13h ngày 19-7, tâm bão cách bờ biển tỉnh Phúc Kiến (Trung Quốc) khoảng 100km.",
        None,
        2019,
        [("ngày 19-7", "2019-07-19")],
    ),
    (
        "vietnews-test-002769",
        "Sáng 7-11, Sở NN & PTNT Kiên Giang cùng Quỹ quốc tế bảo vệ thiên nhiên Việt Nam tổ chức "
        "hội thảo",
        None,
        None,
        [("7-11", "--11-07")],
    ),
    (
        "baomoi-21468795",
        "Chiều 5.2, bà Vũ Thị Tân, chủ Cơ sở mầm non Sen Vàng (P.Minh Khai, Q.Hai Bà Trưng, Hà Nội), "
        "cho biết đã chấm dứt hợp đồng lao động với 2 cô giáo mầm non",
        "2017-02-06",
        None,
        [("5.2", "2017-02-05")],
    ),
    (
        "baomoi-21469372",
        "Hôm nay (6-2), Phòng GD-ĐT quận Hai Bà Trưng, UBND phường Minh Khai và cơ quan công an "
        "tiếp tục có buổi làm việc",
        None,
        None,
        [("6-2", "--02-06")],
    ),
    (
        "baomoi-21470980",
        "Sáng nay (6/2), tuyến buýt nhanh BRT Hà Nội 01 lộ trình Bến xe Kim Mã – Bến xe Yên Nghĩa bắt "
        "đầu bán vé sau 36 ngày miễn phí cho hành khách.",
        None,
        None,
        [("6/2", "--02-06")],
    ),
    (
        "baomoi-21480404",
        "Một Thẩm phán liên bang tại Seattle hôm thứ Sáu (3/2) đã ra phán quyết ngăn chặn thi hành "
        "sắc lệnh cấm nhập cảnh",
        None,
        None,
        [("3/2", "--02-03")],
    ),
    (
        "baomoi-21472029",
        "Truyền thông Romania ước tính có khoảng 500.000 người đã tham gia các cuộc biểu tình mới "
        "nhất phản đối chính phủ trong đêm 5/2 rạng sáng 6/2 ở nước này.",
        None,
        None,
        [("5/2", "--02-05"), ("6/2", "--02-06")],
    ),
    (
        "baomoi-21479453",
        "Đến ngày 10/2, không khí lạnh được tăng cường mạnh hơn, nên trong hai ngày 10-11/2 ở Bắc "
        "Bộ có khả năng xảy ra rét đậm diện rộng.",
        None,
        None,
        [("ngày 10/2", "--02-10"), ("ngày 10-11/2", "--02-10")],
    ),
    (
        "baomoi-21471188",
        "U20 Việt Nam dự U20 World Cup tại Hàn Quốc từ 20/5 đến 11/6",
        None,
        2017,
        [("20/5", "2017-05-20"), ("11/6", "2017-06-11")],
    ),
    (
        "baomoi-21470946",
        "Đứng thứ ba là Honda SH 150 với 350 chiếc bán ra trong tháng 1.2017.",
        None,
        None,
        [("tháng 1.2017", "2017-01")],
    ),
    (
        "vietnews-test-002295",
        "là một trong những hộ được nhận bò từ chương trình mục tiêu quốc gia giảm nghèo nhanh và "
        "bền vững vào đầu tháng 4-2018",
        None,
        None,
        [("tháng 4-2018", "2018-04")],
    ),
    # Not dates: ratios, scores, decrees, ranges of years, birth years, impossible days.
    (
        "seeds/000",
        "Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã đạt chuẩn NTM",
        None,
        None,
        [("năm 2020", "2020")],
    ),
    ("seeds/000", "Trong giai đoạn 2016 - 2020, tỉnh gặp nhiều khó khăn.", None, None, []),
    (
        "baomoi-21470375",
        "Ngoài casino, Chính phủ cũng ban hành Nghị định 06/2017 về quản lý kinh doanh",
        None,
        None,
        [],
    ),
    (
        "baomoi-21471242",
        "Tại vòng bảng, đội Việt Nam đã thắng đội Singapore với tỷ số 1-0, hòa đội liên quân Lào, "
        "Campuchia, Brunei với tỷ số 0-0",
        None,
        None,
        [],
    ),
    ("rule", "ngày 31/11 và ngày 30/2", None, None, []),
    (  # a stay is dated by its first day, and its last is a date too
        "vietnews-test-007387",
        "Thủ tướng Lào thăm Việt Nam từ ngày 02 đến ngày 06 tháng 10 năm 2017.",
        None,
        None,
        [("ngày 02", "2017-10-02"), ("06 tháng 10 năm 2017", "2017-10-06")],
    ),
    (
        "baomoi-22401105",
        "thăm chính thức Hợp chủng quốc Hoa Kỳ từ ngày 29 đến ngày 31/5/2017",
        None,
        None,
        [("ngày 29", "2017-05-29"), ("31/5/2017", "2017-05-31")],
    ),
    (
        "rule",
        "từ ngày 28 đến 30/6, đoàn",
        None,
        None,
        [("ngày 28", "--06-28"), ("30/6", "--06-30")],
    ),
]


@pytest.mark.parametrize(
    ("origin", "sentence", "published", "year", "expected"),
    DATES,
    ids=[f"{o}:{s[:30]}" for o, s, *_ in DATES],
)
def test_find_dates_on_real_sentences(
    origin: str,
    sentence: str,
    published: str | None,
    year: int | None,
    expected: list[tuple[str, str]],
) -> None:
    found = find_dates(sentence, published, year=year)
    assert [(sentence[d.start : d.end], d.value) for d in found] == expected


def test_find_dates_on_the_seed_articles() -> None:
    text = SEED_000.read_text("utf-8")
    assert find_dates(text, None, year=resolve_year(text, None))[0].value == "2020-11-24"
    assert find_dates(SEED_004.read_text("utf-8"), "2023-11")[0].value == "2023-11-11"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2023-01", "2022-12-28"),  # late December written in January: last year
        ("2023-12", "2023-12-28"),
        ("2023", "2023-12-28"),
    ],
)
def test_year_of_a_day_written_without_one(published: str, expected: str) -> None:
    (mention,) = find_dates("Chiều 28/12, tỉnh tổ chức hội nghị", published)
    assert mention.value == expected


def test_explicit_year_overrides_published() -> None:
    (mention,) = find_dates("Sáng 24/11, đoàn công tác", "2023-11", year=2020)
    assert mention == DateMention(5, 10, "2020-11-24")


def test_month_alone() -> None:
    assert [d.value for d in find_dates("trong tháng 10 vừa qua")] == ["--10"]
    assert [d.value for d in find_dates("trong tháng 10 vừa qua", "2020-11-24")] == ["2020-10"]


# ---------------------------------------------------------------------------------------------
# resolve_year


def test_resolve_year_of_the_seeds() -> None:
    assert resolve_year(SEED_000.read_text("utf-8"), None) == 2020
    assert resolve_year(SEED_004.read_text("utf-8"), "2023-11") == 2023
    assert resolve_year(SEED_004.read_text("utf-8"), None) == 2023


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994)", None, None),
        ("Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ; năm 2013", None, 2013),
        ("Sáng 6/2/2017, tỉnh tổng kết năm 2016; năm 2016 tăng trưởng 6%", None, 2016),
        ("Sáng 6/2/2017, tỉnh tổng kết năm 2016", None, 2017),
        ("năm 2016 xuất khẩu tăng; mục tiêu đến năm 2030, vào năm 2030 và năm 2016", None, 2016),
        ("năm 2016", "2019-08-03", 2019),
        ("Không có năm nào.", "", None),
    ],
)
def test_resolve_year(text: str, published: str | None, expected: int | None) -> None:
    assert resolve_year(text, published) == expected


def test_published_year() -> None:
    assert published_year("2023-11") == 2023
    assert published_year("2020-11-24") == 2020
    assert published_year(None) is None
    assert published_year("tháng 11") is None


# ---------------------------------------------------------------------------------------------
# find_period: the text of the sentence up to the figure is passed in

SEED_000_TEXT = SEED_000.read_text("utf-8")
SEED_004_TEXT = SEED_004.read_text("utf-8")

# (origin, sentence, figure, published, year, expected period)
PERIODS: list[tuple[str, str, str, str | None, int | None, str | None]] = [
    (
        "seeds/000",
        "Tăng trưởng kinh tế giai đoạn 2015 - 2020 đạt gần 6%",
        "gần 6%",
        None,
        2020,
        "2015-2020",
    ),
    (
        "seeds/000",
        "Tăng trưởng kinh tế giai đoạn 2015 - 2020 đạt gần 6%; tổng thu ngân sách giai đoạn 2016 - "
        "2020 ước đạt 57.700 tỷ đồng; GRDP bình quân đầu người đạt 63 triệu đồng",
        "57.700",
        None,
        2020,
        "2016-2020",
    ),
    (
        "seeds/000",
        "Tăng trưởng kinh tế giai đoạn 2015 - 2020 đạt gần 6%; tổng thu ngân sách giai đoạn 2016 - "
        "2020 ước đạt 57.700 tỷ đồng; GRDP bình quân đầu người đạt 63 triệu đồng",
        "63 triệu",
        None,
        2020,
        None,
    ),
    (
        "seeds/000",
        "Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã đạt chuẩn NTM",
        "169/182",
        None,
        2020,
        "2020",
    ),
    (
        "seeds/000",
        "Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã đạt chuẩn NTM; 4/10 huyện đạt chuẩn "
        "NTM; 13 xã đạt chuẩn NTM nâng cao; 3 xã đạt chuẩn NTM kiểu mẫu.",
        "3 xã",
        None,
        2020,
        "2020",
    ),
    (
        "seeds/000",
        "Riêng trong năm 2020, tỉnh đã tiến hành sáp nhập 80 đơn vị hành chính (ĐVHC) cấp xã",
        "80",
        None,
        2020,
        "2020",
    ),
    (
        "seeds/000",
        "Riêng trong năm 2020, tỉnh đã tiến hành sáp nhập 80 đơn vị hành chính (ĐVHC) cấp xã, giảm "
        "46 ĐVHC cấp xã; giảm 1.084/2321 cán bộ, công chức, bán chuyên trách.",
        "1.084",
        None,
        2020,
        "2020",
    ),
    (
        "seeds/000",
        "Tuy nhiên, trong tháng 10/2020, Hà Tĩnh liên tiếp bị ảnh hưởng bão lũ, khiến hơn 53.000 hộ "
        "dân thuộc 118/216 xã, phường bị ngập sâu.",
        "hơn 53.000",
        None,
        2020,
        "2020-10",
    ),
    (
        "seeds/004",
        "Kinh tế của tỉnh đang phục hồi và phát triển với tốc độ tăng trưởng bình quân giai đoạn "
        "2021 - 2023 ước đạt 7,92%",
        "7,92%",
        "2023-11",
        None,
        "2021-2023",
    ),
    (
        "seeds/004",
        "GRDP bình quân đầu người đến hết năm 2023 ước đạt 93,2 triệu đồng",
        "93,2",
        "2023-11",
        None,
        "2023",
    ),
    (
        "seeds/004",
        "Trong gần 3 năm đã thu hút 110 dự án, với tổng số vốn 1.272 triệu USD, lũy kế toàn tỉnh có "
        "396 dự án FDI.",
        "110",
        "2023-11",
        None,
        "2021-2023",
    ),
    (
        "seeds/004",
        "Trong gần 3 năm đã thu hút 110 dự án, với tổng số vốn 1.272 triệu USD, lũy kế toàn tỉnh có "
        "396 dự án FDI.",
        "1.272",
        "2023-11",
        None,
        "2021-2023",
    ),
    (
        "seeds/004",
        "Trong gần 3 năm đã thu hút 110 dự án, với tổng số vốn 1.272 triệu USD, lũy kế toàn tỉnh có "
        "396 dự án FDI.",
        "396",
        "2023-11",
        None,
        None,
    ),
    (
        "seeds/004",
        "Từ đầu nhiệm kỳ 2020 - 2025 đến nay, Hà Tĩnh đã thu hút 85 dự án đầu tư trên địa bàn",
        "85",
        "2023-11",
        None,
        "2020-2023",
    ),
    (
        "seeds/004",
        "Từ đầu nhiệm kỳ 2020 - 2025 đến nay, Hà Tĩnh đã thu hút 85 dự án đầu tư trên địa bàn",
        "85",
        None,
        None,
        "2020-2025",
    ),
    (
        "seeds/004",
        "Từ đầu nhiệm kỳ 2020 - 2025 đến nay, Hà Tĩnh đã thu hút 85 dự án đầu tư trên địa bàn; giai "
        "đoạn 2021 - 2023 tăng trưởng GRDP bình quân đạt 5,65%; đến cuối năm 2023, dự kiến có 11/13 "
        "huyện đạt chuẩn nông thôn mới",
        "5,65%",
        "2023-11",
        None,
        "2021-2023",
    ),
    (
        "seeds/004",
        "Từ đầu nhiệm kỳ 2020 - 2025 đến nay, Hà Tĩnh đã thu hút 85 dự án đầu tư trên địa bàn; giai "
        "đoạn 2021 - 2023 tăng trưởng GRDP bình quân đạt 5,65%; đến cuối năm 2023, dự kiến có 11/13 "
        "huyện đạt chuẩn nông thôn mới",
        "11/13",
        "2023-11",
        None,
        "2023",
    ),
    (
        "seeds/004",
        "Trong gần 3 năm, toàn tỉnh đã huy động nguồn lực xã hội hóa trên 600 tỷ đồng xây dựng được "
        "65 nhà văn hóa cộng đồng, kết hợp tránh trú bão lũ; gần 6.000 nhà ở kiên cố",
        "gần 6.000",
        "2023-11",
        None,
        "2021-2023",
    ),
    (
        "seeds/004",
        "Trong gần 3 năm, toàn tỉnh đã huy động nguồn lực xã hội hóa trên 600 tỷ đồng",
        "trên 600",
        None,
        None,
        None,  # "3 năm" needs the article's year
    ),
    (
        "seeds/004",
        "Tỷ lệ hộ nghèo của tỉnh giảm còn 1,75% (đầu nhiệm kỳ là 5,6%).",
        "5,6%",
        "2023-11",
        None,
        "2020",
    ),
    ("seeds/004", "Tỷ lệ hộ nghèo của tỉnh giảm còn 1,75%", "1,75%", "2023-11", None, None),
    # corpora
    (
        "vietnews-test-013900",
        "Từ năm 2016 đến hết tháng 11/2018, Bắc Giang đã thu hút được 515 dự án đầu tư",
        "515",
        None,
        2018,
        "2016-2018",
    ),
    (
        "vietnews-test-013900",
        "Tính đến ngày 31/10/2018, tỉnh đã cấp và điều chỉnh cho 203 dự án",
        "203",
        None,
        2018,
        "2018",
    ),
    (
        "baomoi-21474023",
        "Tổng mức đầu tư toàn xã hội trên địa bàn tỉnh năm ngoái đạt khoảng 41.000 tỷ đồng",
        "khoảng 41.000",
        "2017-02-07",
        None,
        "2016",
    ),
    (
        "baomoi-21470950",
        "đảm bảo vùng phủ sóng 4G rộng khắp vào quý I/2017.",
        ".",
        None,
        None,
        "2017",
    ),
    (
        "baomoi-21471719",
        "Theo báo cáo của Tập đoàn VNPT, từ năm 2013 đến nay, Tập đoàn liên tục bị sụt giảm thuê bao",
        "thuê bao",
        "2017-02-06",
        None,
        "2013-2017",
    ),
    (
        "baomoi-21474023",
        "Sự phát triển của doanh nghiệp đã đóng vai trò quan trọng giúp đưa tốc độ tăng trưởng kinh "
        "tế của tỉnh Bà Rịa-Vũng Tàu năm 2016 đạt 5,6%",
        "5,6%",
        None,
        2017,
        "2016",
    ),
    (
        "baomoi-21474023",
        "Tổng mức đầu tư toàn xã hội trên địa bàn tỉnh năm ngoái đạt khoảng 41.000 tỷ đồng, tăng gần "
        "7% so với 2015; trong đó, vốn doanh nghiệp trong và ngoài nước đạt hơn 33.600 tỷ đồng.",
        "hơn 33.600",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("origin", "sentence", "figure", "published", "year", "expected"),
    PERIODS,
    ids=[f"{o}:{f}" for o, _, f, *_ in PERIODS],
)
def test_find_period(
    origin: str,
    sentence: str,
    figure: str,
    published: str | None,
    year: int | None,
    expected: str | None,
) -> None:
    clause = sentence[: sentence.index(figure)]
    assert find_period(clause, published, year) == expected


def test_term_start_from_the_text() -> None:
    assert find_term_start(SEED_004_TEXT) == 2020
    assert find_term_start("Trong giai đoạn 2016 - 2020, tỉnh gặp nhiều khó khăn.") is None
    clause = "Tỷ lệ hộ nghèo của tỉnh giảm còn 1,75% (đầu nhiệm kỳ là "
    assert find_period(clause, None, None, term_start=2020) == "2020"
    assert find_period(clause, None, None) is None


def test_period_at_looks_back_to_the_sentence_start() -> None:
    text = SEED_004_TEXT
    assert period_at(text, text.index("110 dự án"), "2023-11") == "2021-2023"
    assert period_at(text, text.index("85 dự án"), "2023-11") == "2020-2023"
    text = SEED_000_TEXT
    assert period_at(text, text.index("4/10"), None, 2020) == "2020"
    assert period_at(text, text.index("63 triệu"), None, 2020) is None


# ---------------------------------------------------------------------------------------------
# Properties

ISO_VALUE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?|--\d\d(-\d\d)?")
PERIOD_VALUE = re.compile(r"\d{4}(-\d\d|-\d{4})?")

_WORDS = [
    "ngày", "Sáng", "tháng", "năm", "giai đoạn", "nhiệm kỳ", "từ", "đến", "nay", "đầu", "trong",
    "gần", "qua", "hôm", "thứ Hai", "(", ")", "/", "-", "–", ".", ",", ";", "quý", "I", "lũy kế",
    "Trong gần 3 năm", "\n", "SN",
]  # fmt: skip
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(min_value=0, max_value=40).map(str),
    st.integers(min_value=1890, max_value=2110).map(str),
    st.text(alphabet="0123456789/.-", min_size=1, max_size=10),
)
_DATE_TEXT = st.lists(_TOKENS, max_size=25).map(" ".join)
_PUBLISHED = st.one_of(st.none(), st.sampled_from(["2023-11", "2020-11-24", "2017", "x"]))


def _check(text: str, mentions: list[DateMention]) -> None:
    previous_end = 0
    for d in mentions:
        assert 0 <= d.start < d.end <= len(text)
        assert d.start >= previous_end
        previous_end = d.end
        assert ISO_VALUE.fullmatch(d.value), d.value


@settings(max_examples=200)
@given(st.text(), _PUBLISHED)
def test_find_dates_never_raises_on_any_text(text: str, published: str | None) -> None:
    _check(text, find_dates(text, published))


@settings(max_examples=200)
@given(_DATE_TEXT, _PUBLISHED)
def test_find_dates_spans_are_consistent(text: str, published: str | None) -> None:
    _check(text, find_dates(text, published))
    year = resolve_year(text, published)
    assert year is None or 1900 <= year <= 2100


@settings(max_examples=200)
@given(_DATE_TEXT, _PUBLISHED, st.one_of(st.none(), st.integers(min_value=1990, max_value=2030)))
def test_find_period_is_a_period_or_none(
    text: str, published: str | None, year: int | None
) -> None:
    period = find_period(text, published, year)
    assert period is None or PERIOD_VALUE.fullmatch(period), period


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Năm 2017, tỉnh đạt nhiều kết quả. Kế hoạch năm 2017 được giao.", None, 2017),
        ("Sáng 12/6, đoàn đến thăm. Năm 2016 tỉnh đạt 5 tỷ đồng.", None, None),  # named once
        ("Năm 2016 và năm 2017 đều tăng; 2017 cao hơn.", None, None),  # not clearly ahead
        ("Sáng 12/6, đoàn đến thăm.", "2019-06-13", 2019),
        ("Không có năm nào.", None, None),
    ],
)
def test_a_visit_year_is_only_a_year_the_text_makes_clear(
    text: str, published: str | None, expected: int | None
) -> None:
    assert confident_year(text, published) == expected


def test_an_event_is_dated_by_a_day_before_a_headline_year() -> None:
    sentences = [
        "Nửa đầu năm 2018, tỉnh Bình Phước thu hút hơn 310 triệu USD vốn FDI",
        "Ngày 20/8, UBND tỉnh Bình Phước tổ chức Hội nghị xúc tiến đầu tư.",
        "Hội nghị vinh dự được đón Thủ tướng Chính phủ Nguyễn Xuân Phúc.",
    ]
    dates = SentenceDates(sentences, None)
    assert dates.first_up_to(2) == "--08-20"  # a year alone dates no event
    assert dates.day_for(2, lead_end=3) == "--08-20"


def test_a_plans_horizon_does_not_date_a_visit() -> None:
    sentences = [
        "Phó Thủ tướng làm việc tại Hà Giang",
        "Phó Thủ tướng làm việc với tỉnh về quy hoạch đến năm 2030.",
    ]
    dates = SentenceDates(sentences, None)
    assert dates.day_for(1, lead_end=2) is None


def test_a_headline_event_is_dated_by_the_lead() -> None:
    sentences = [
        "Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Lào",
        "Đoàn đại biểu cấp cao Chính phủ Lào thăm Việt Nam từ ngày 02 đến ngày 06 tháng 10 năm 2017.",
        "Trước đó, ngày 20/9, hai bên đã họp trù bị.",
    ]
    dates = SentenceDates(sentences, None)
    assert dates.day_for(0, lead_end=3) == "2017-10-02"
    # the event's own later sentences come before the lead
    assert dates.day_for(0, lead_end=3, also=[2]) == "--09-20"
