"""Extraction: the seeds against their gold, and pattern tables of real sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cachlamhay import evaluate
from cachlamhay.clean import clean_document
from cachlamhay.document import RawDocument
from cachlamhay.extract import extract_document, extractor_names
from cachlamhay.extract.context import build_context
from cachlamhay.extract.people import extract_people, untitled_people
from cachlamhay.extract.topics import topics_in
from tests.conftest import EXAMPLES, SHARED


def extract_text(text: str, doc_id: str = "t", published: str | None = None) -> dict:  # type: ignore[type-arg]
    doc = clean_document(RawDocument(id=doc_id, text=text, origin=doc_id, published=published))
    return extract_document(doc)


def test_seeds_match_their_gold_on_every_required_fact() -> None:
    gold = evaluate.load_gold(SHARED / "gold-examples")
    predicted = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = clean_document(
            RawDocument(id=path.stem, text=path.read_text("utf-8"), origin=str(path))
        )
        predicted[path.stem] = extract_document(doc)
    report = evaluate.score(gold, predicted)
    for kind, field in report.fields.items():
        assert field.fn == 0, (kind, [e for e in report.errors if e.type == kind])
        assert field.fp == 0, (kind, [e for e in report.errors if e.type == kind])


def test_every_fact_names_its_extractor() -> None:
    out = extract_text((EXAMPLES / "000_c376ad1e370c138e.txt").read_text("utf-8"))
    for kind in ("visits", "people", "indicators", "transfers", "practices"):
        assert out[kind]
        assert {fact["extractor"] for fact in out[kind]} == {extractor_names()[kind]}
    assert out["doc"]["extractors"] == extractor_names()


# (sentence from the corpus or the seeds, expected name → titles)
PEOPLE = [
    (  # an organisation written in lower case up to its province (people.v33)
        "Về phương thức đấu giá xuống, Giám đốc Trung tâm Dịch vụ đấu giá tài sản tỉnh Hải Dương "
        "Nguyễn Đại Dân lý giải. Chi cục trưởng Chi cục kiểm lâm tỉnh Lâm Đồng Nguyễn Khang Thiên "
        "cho biết thêm.",
        {
            "Nguyễn Đại Dân": ["Giám đốc Trung tâm Dịch vụ đấu giá tài sản tỉnh Hải Dương"],
            "Nguyễn Khang Thiên": ["Chi cục trưởng Chi cục kiểm lâm tỉnh Lâm Đồng"],
        },
    ),
    (  # but not through a second office ("và chủ tịch UBND tỉnh …")
        "Dự lễ có Thượng tướng Bế Xuân Trường, Thứ trưởng Bộ Quốc phòng và chủ tịch UBND tỉnh "
        "Khánh Hòa Lê Đức Vinh.",
        {"Lê Đức Vinh": ["Chủ tịch UBND tỉnh Khánh Hòa"]},
    ),
    (  # the ministry in brackets after a department's office completes it (people.v32)
        "Liên quan đến thông tin 100% bệnh viện ở Cà Mau vi phạm về môi trường, Cục trưởng Cục "
        "Quản lý môi trường (Bộ Y tế) Nguyễn Thị Liên Hương vừa làm việc với Sở Y tế Cà Mau.",
        {"Nguyễn Thị Liên Hương": ["Cục trưởng Cục Quản lý môi trường, Bộ Y tế"]},
    ),
    (  # every name listed after a plural office holds it (people.v31)
        "Các Thượng nghị sĩ John McCain III, Christopher Coons và John Barrasso đứng trước súng "
        "pháo hải quân.",
        {
            "John McCain": ["Thượng nghị sĩ"],
            "Christopher Coons": ["Thượng nghị sĩ"],
            "John Barrasso": ["Thượng nghị sĩ"],
        },
    ),
    (
        "Chủ tịch Quốc hội cho biết, các Phó Thủ tướng Trịnh Đình Dũng, Vũ Đức Đam, Vương Đình "
        "Huệ, Bộ trưởng các Bộ Công thương, GT-VT sẽ trả lời thêm.",
        {"Trịnh Đình Dũng": ["Phó Thủ tướng"], "Vũ Đức Đam": ["Phó Thủ tướng"]},
    ),
    (  # a foreign holder named after the term or the host country (people.v31)
        "Đây là một trụ cột của chính sách của Tổng thống Mỹ vừa mãn nhiệm Barack Obama.",
        {"Barack Obama": ["Tổng thống Mỹ"]},
    ),
    (
        "Ông cáo buộc tổng thống Colombia lúc đó là Juan Manuel Santos đứng sau vụ tấn công.",
        {"Juan Manuel Santos": ["Tổng thống Colombia"]},
    ),
    (
        "Tổng thống Donald Trump lần lượt hội đàm với Tổng thống nước chủ nhà Reuven Rivlin và "
        "Thủ tướng Benjamin Netanyahu.",
        {"Reuven Rivlin": ["Tổng thống nước chủ nhà"]},
    ),
    (  # a German state's parliament is foreign (people.v31)
        "Thủ tướng gặp Chủ tịch Quốc hội bang Hessen Norbert Kartmann và gặp Thủ hiến bang Hessen "
        "Volker Bouffler.",
        {"Norbert Kartmann": ["Chủ tịch Quốc hội bang Hessen"]},
    ),
    (  # a heading run into the next sentence's verb (people.v31)
        "Phó Thống đốc NHNN Đào Minh Tú Chia sẻ tại Họp báo về Lễ hội cà phê Buôn Ma Thuột.",
        {"Đào Minh Tú": ["Phó Thống đốc NHNN"]},
    ),
    (  # a head of state named by surname is not the next name's office (people.v28)
        "Trong cuộc gặp Tổng thống Putin, Chủ tịch nước Trần Đại Quang cảm ơn nhà lãnh đạo Nga.",
        {"Trần Đại Quang": ["Chủ tịch nước"]},
    ),
    (  # a province written with a dash inside the office
        "Chủ tịch UBND tỉnh Thừa Thiên - Huế Nguyễn Văn Cao cho biết, biện pháp của tỉnh là tăng "
        "cường kiểm tra.",
        {"Nguyễn Văn Cao": ["Chủ tịch UBND tỉnh Thừa Thiên - Huế"]},
    ),
    (  # a province ending the office is no person's name
        "Bà Nguyễn Thị Diên, Giám đốc Ngân hàng Agribank Hà Tĩnh cho biết: Năm 2017 là năm thứ 5.",
        {"Nguyễn Thị Diên": ["Giám đốc Ngân hàng Agribank Hà Tĩnh"]},
    ),
    (  # offices of a hamlet and of a department
        "Ông Vi Văn Đòa, trưởng bản Pủng, cho hay ngày 9-4 bản Pủng được cấp 4 con bò.",
        {"Vi Văn Đòa": ["Trưởng bản Pủng"]},
    ),
    (
        "Ông Phạm Tấn Dũng xác nhận ông Phạm Quang Hùng, Phó phòng Thanh tra 1 (Thanh tra Đà Nẵng) "
        "tử vong khi đang làm việc.",
        {"Phạm Quang Hùng": ["Phó phòng Thanh tra"]},
    ),
    (  # a foreign ministry's portfolio written short, and Chinese names read the Vietnamese way
        "Bộ trưởng Văn hóa Trung Quốc Lác Thụ Cương, Đại sứ Trung Quốc tại Việt Nam Hồng Tiểu "
        "Dũng đón đoàn.",
        {"Lác Thụ Cương": ["Bộ trưởng Văn hóa Trung Quốc"]},
    ),
    (
        "Chủ tịch nước Trần Đại Quang đã có buổi tiếp Bộ trưởng Thương mại Indonesia Enggartiasto "
        "Lukita đang ở thăm Việt Nam.",
        {"Enggartiasto Lukita": ["Bộ trưởng Thương mại Indonesia"]},
    ),
    (  # "thứ nhất" inside the office; "Trung ương Đoàn" is no family name
        "Bí thư thứ nhất Trung ương Đoàn Lê Quốc Phong cho biết phong trào sẽ mở rộng.",
        {"Lê Quốc Phong": ["Bí thư thứ nhất Trung ương Đoàn"]},
    ),
    (
        "Chủ nhiệm Ủy ban tài chính – Ngân sách Nguyễn Đức Hải cho biết, dự thảo Luật quy định rõ.",
        {"Nguyễn Đức Hải": ["Chủ nhiệm Ủy ban tài chính – Ngân sách"]},
    ),
    (  # a general without his grade, as foreign news writes him (people.v7)
        "Lực lượng phòng vệ Israel cho biết đoàn quan chức quân đội có cả Tướng Aharon Haliva.",
        {"Aharon Haliva": ["Tướng"]},
    ),
    (  # … but a veteran player or a champion is no general
        "Trong khi đó, lão tướng Michael Carrick vừa trải qua 1 tuần nghỉ ngơi.",
        {},
    ),
    (
        "Biết tin, kiện tướng Dancesport Khánh Thi đã bay từ TP HCM ra Hà Nội để gặp bạn.",
        {},
    ),
    (  # an organisation's field left in lower case ("Đường sắt đô thị") is still its name
        "Tại buổi làm việc, Phó ban quản lý Đường sắt đô thị Hoàng Như Cương cho biết, kinh phí "
        "để thi công tuyến metro số 1 năm nay cần thêm.",
        {"Hoàng Như Cương": ["Phó ban quản lý Đường sắt đô thị"]},
    ),
    (  # … and "Name - office, Name - office": the office is the name's before the dash
        "Trong số này có các ông bà Nguyễn Quang Việt - cục trưởng Cục Thuế tỉnh, Dương Đức Toàn - "
        "giám đốc BQL dự án đầu tư xây dựng TP Sơn La, Bùi Minh Hải - hạt phó Hạt Kiểm lâm.",
        {
            "Nguyễn Quang Việt": ["Cục trưởng Cục Thuế tỉnh Sơn La"],
            "Dương Đức Toàn": ["Giám đốc BQL dự án đầu tư xây dựng TP Sơn La"],
        },
    ),
    (  # a city's name after "thành phố" is no person (a two-word district of ours)
        "Ông Lương Tất Thắng, Chủ tịch UBND thành phố Sầm Sơn cho biết thành phố sẽ xử lý.",
        {"Lương Tất Thắng": ["Chủ tịch UBND thành phố Sầm Sơn"]},
    ),
    (  # … but China's spokesman shares his name with a district of Hòa Bình
        "Người phát ngôn Bộ Thương mại Trung Quốc Cao Phong cho biết hai bên sẽ đàm phán.",
        {"Cao Phong": ["Người phát ngôn Bộ Thương mại Trung Quốc"]},
    ),
    (  # a foreign name a corpus hyphenated with spaces
        "Thủ tướng Thái Lan Prayuth Chan - ocha cho biết Bangkok ủng hộ kế hoạch này.",
        {"Prayuth Chan - ocha": ["Thủ tướng Thái Lan"]},
    ),
    (  # … not a dash before the sentence goes on, nor the other side of a summit
        "Ngoại trưởng Mỹ Rex Tillerson - trong chuyến thăm châu Á - đã gặp Tổng thống Donald "
        "Trump - Kim Jong Un.",
        {"Rex Tillerson": ["Ngoại trưởng Mỹ"], "Donald Trump": ["Tổng thống"]},
    ),
    (  # a doubled comma, and a nickname in brackets, between the name and its office
        "Phát biểu tại hội nghị, ông Lương Thanh Nghị,, phó Chủ nhiệm Ủy ban Nhà nước về Người Việt "
        "Nam ở nước ngoài cho biết.",
        {"Lương Thanh Nghị": ["Phó Chủ nhiệm Ủy ban Nhà nước"]},
    ),
    (
        "Trên Zing, ông Huỳnh Thành Hiệp (còn gọi là Tư Hiệp, nguyên Chủ tịch UBND tỉnh Sóc Trăng) "
        "thừa nhận có đi nước ngoài.",
        {"Huỳnh Thành Hiệp": ["nguyên Chủ tịch UBND tỉnh Sóc Trăng"]},
    ),
    (  # a dash inside an office's name, its field in lower case
        "Trả lời câu hỏi của báo chí, phó vụ trưởng Vụ Công chức - viên chức Lê Minh Hương trả "
        "lời: qua nghiên cứu báo cáo.",
        {"Lê Minh Hương": ["Phó Vụ trưởng Vụ Công chức - viên chức"]},
    ),
    (  # the office then, and its holder (people.v11)
        "Năm 2005, Chủ tịch Trung Quốc khi đó là ông Hồ Cẩm Đào đã đến thăm Bình Nhưỡng.",
        {"Hồ Cẩm Đào": ["Chủ tịch Trung Quốc"]},
    ),
    (  # … but not "hiện nay là" after candidates for the office
        "Hai ứng viên hàng đầu cho chiếc ghế Tổng thống Pháp hiện nay là bà Le Pen và ông Fillon.",
        {},
    ),
    (  # "nghị sỹ" spelled with ỹ
        "Sau cuộc họp, nghị sỹ Nga Dmitry Sablin cho biết Tổng thống Assad sẵn sàng đối thoại.",
        {"Dmitry Sablin": ["Nghị sỹ Nga"]},
    ),
    (  # "nhà lãnh đạo" is an office a foreign name follows…
        "Tổng thống Mỹ Donald Trump (trái) và nhà lãnh đạo Triều Tiên Kim Jong Un tại Singapore.",
        {"Kim Jong Un": ["Nhà lãnh đạo Triều Tiên"], "Donald Trump": ["Tổng thống Mỹ"]},
    ),
    (  # … but not when leaders are counted
        "Hai nhà lãnh đạo Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình gặp nhau.",
        {"Donald Trump": ["Tổng thống Mỹ"], "Tập Cận Bình": ["Chủ tịch Trung Quốc"]},
    ),
    (  # particles inside foreign names
        "Tổng thống Syria Bashar al-Assad tuyên bố sẵn sàng đàm phán trực tiếp với phe đối lập.",
        {"Bashar al-Assad": ["Tổng thống Syria"]},
    ),
    (
        "Về phía Bộ Xây dựng Cuba, Thứ trưởng Angel Vilaragut Montes de Oca cũng nhấn mạnh Cuba "
        "luôn sẵn sàng.",
        {"Angel Vilaragut Montes de Oca": ["Thứ trưởng"]},
    ),
    (  # … and the next office after such a name is someone else's
        "Chúng tôi đã họp với Tổng thống Bashar al-Assad và Ngoại trưởng Walid Muallem.",
        {"Bashar al-Assad": ["Tổng thống"], "Walid Muallem": ["Ngoại trưởng"]},
    ),
    (  # "giữ chức (vụ)" between the name and the office
        "Theo đó, Chủ tịch HĐQT là ông Nguyễn Tuấn Dương, ông Mai Văn Hà giữ chức vụ Giám đốc.",
        {"Mai Văn Hà": ["Giám đốc"], "Nguyễn Tuấn Dương": ["Chủ tịch HĐQT"]},
    ),
    (  # an office named after another office ("Văn phòng Chủ tịch nước")
        "Các Ủy viên Trung ương Đảng: Chủ nhiệm Văn phòng Chủ tịch nước Đào Việt Trung, Bộ trưởng "
        "Bộ Tài chính Đinh Tiến Dũng.",
        {"Đào Việt Trung": ["Chủ nhiệm Văn phòng Chủ tịch nước"]},
    ),
    (
        "Ông Nguyễn Đức Thuấn, CEO Thái Bình Shoes Group, cho biết doanh nghiệp đã chuyển đổi số.",
        {"Nguyễn Đức Thuấn": ["CEO Thái Bình Shoes Group"]},
    ),
    (  # a hospital department's name before its head's
        "Trưởng Khoa Tiết Niệu Nguyễn Văn Bình cho biết bệnh nhân đã ổn định.",
        {"Nguyễn Văn Bình": ["Trưởng Khoa Tiết Niệu"]},
    ),
    (  # "Chính phủ" after the head; "TP." with its full stop; older tone placement "uỷ"
        "Ngày 9/5, Tổng Công ty điện lực miền Trung cho biết, Thủ tướng Chính phủ Nguyễn Xuân Phúc đã có quyết định số 601/QĐ-Ttg trao tặng Bằng khen.",
        {"Nguyễn Xuân Phúc": ["Thủ tướng Chính phủ"]},
    ),
    (
        "Phát biểu tại hội nghị, Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân cho biết lãnh đạo TP đã chủ động gặp nhiều doanh nghiệp.",
        {"Nguyễn Thiện Nhân": ["Bí thư Thành uỷ TP. HCM"]},
    ),
    (  # a district's name before the person's
        "Bí thư Huyện uỷ Nho Quan Lã Trường Sinh cho hay, năm 2013, Công ty công nghiệp Hạ Long đầu tư xây dựng một nhà máy.",
        {"Lã Trường Sinh": ["Bí thư Huyện uỷ Nho Quan"]},
    ),
    (  # rarer family names
        "Trong khi đó, thượng tá Giản Bá Huỳnh - chỉ huy trưởng Ban Chỉ huy quân sự thị xã Gò Công - cho biết.",
        {"Giản Bá Huỳnh": ["Thượng tá"]},
    ),
    (  # an association after the title is not a person ("Hội Mỹ")
        "Ông Nguyễn Quốc Khanh, chủ tịch Hội Mỹ nghệ và chế biến gỗ TP. HCM (HAWA), cho biết có rất nhiều.",
        {"Nguyễn Quốc Khanh": ["Chủ tịch Hội Mỹ"]},
    ),
    (
        "Ông Lê Xuân Trung - phó tổng biên tập báo Tuổi Trẻ - bày tỏ lòng cảm ơn đối với tấm lòng của bạn đọc.",
        {"Lê Xuân Trung": ["Phó Tổng Biên tập"]},
    ),
    (  # the name after "- ông" / "là ông"
        "Tới dự lễ khai trương, Phó Chủ tịch UBND tỉnh Thanh Hóa - ông Lê Anh Tuấn đã chúc mừng chi nhánh mới.",
        {"Lê Anh Tuấn": ["Phó Chủ tịch UBND tỉnh Thanh Hóa"]},
    ),
    (
        "Trước đó, Trưởng đoàn đại biểu Quốc hội Thành phố Hồ Chí Minh là ông Đinh La Thăng.",
        {"Đinh La Thăng": ["Trưởng đoàn đại biểu Quốc hội Thành phố Hồ Chí Minh"]},
    ),
    (  # delegates in a debate
        'Đừng như con lươn con chạch mà luồn lách làm buồn lòng dân", đại biểu Nguyễn Anh Trí (Hà Nội) nói về đội ngũ phòng chống tội phạm.',
        {"Nguyễn Anh Trí": ["Đại biểu"]},
    ),
    (  # a hyphen inside a ministry's name, lower-case "bộ", "Q." and "thành phố" before a name
        "Cùng ngày, Bộ trưởng Tài nguyên - Môi trường Trần Hồng Hà dẫn đầu đoàn công tác.",
        {"Trần Hồng Hà": ["Bộ trưởng Tài nguyên - Môi trường"]},
    ),
    (
        "Ngày 29/3, Thứ trưởng bộ Thông tin và Truyền thông Phạm Hồng Hải đã đến tham dự.",
        {"Phạm Hồng Hải": ["Thứ trưởng bộ Thông tin và Truyền thông"]},
    ),
    (
        "Đoàn gồm Phó bí thư Quận ủy Q. Bình Thạnh Lâm Đình Thắng và các đại biểu.",
        {"Lâm Đình Thắng": ["Phó bí thư Quận ủy Q. Bình Thạnh"]},
    ),
    (
        "Cũng tại buổi làm việc, Chủ tịch Liên đoàn Lao động thành phố Trần Kim Yến cho biết.",
        {"Trần Kim Yến": ["Chủ tịch Liên đoàn Lao động thành phố"]},
    ),
    (
        "Về phía Việt Nam có Đại sứ Việt Nam tại Liên bang Nga Nguyễn Thanh Sơn và các cán bộ.",
        {"Nguyễn Thanh Sơn": ["Đại sứ Việt Nam tại Liên bang Nga"]},
    ),
    (
        "Một dự án được ĐBQH Nguyễn Thanh Sơn (đoàn Cần Thơ) gửi câu hỏi đến Phó Thủ tướng.",
        {"Nguyễn Thanh Sơn": ["Đại biểu Quốc hội"]},
    ),
    (
        "Chủ tịch Quốc hội tiếp ông Edano Yukio, Phó Tổng Thư ký Đảng Dân tiến Nhật Bản.",
        {"Edano Yukio": []},  # the title stops at "tiến" (lower case): names are what count here
    ),
    (  # lower-case second syllables of organisations
        "Theo Chủ nhiệm Ủy ban Pháp luật Nguyễn Khắc Định, trong dự thảo Luật trên Chính phủ đề nghị.",
        {"Nguyễn Khắc Định": ["Chủ nhiệm Ủy ban Pháp luật"]},
    ),
    (
        "Nguyên Giám đốc Sở Thủy sản Sóc Trăng Phạm Minh Tiền cũng xác nhận chuyến đi Nhật Bản.",
        {"Phạm Minh Tiền": ["Nguyên Giám đốc Sở Thủy sản Sóc Trăng"]},
    ),
    (  # a title after "ông X," is X's, not the next person's
        "Tham dự có ông Lê Thanh Hải, nguyên Bí thư Thành ủy TP. HCM, ông Phạm Chánh Trực, nguyên Phó bí thư Thành ủy.",
        {
            "Lê Thanh Hải": ["nguyên Bí thư Thành ủy TP. HCM"],
            "Phạm Chánh Trực": ["nguyên Phó bí thư Thành ủy Hồ Chí Minh"],
        },
    ),
    (  # foreign names after "đồng chí", "ngài" or a foreign chamber
        "Tổng Bí thư Nguyễn Phú Trọng đã tiếp đồng chí Jose Ramon Balaguer Cabrera, Bí thư Trung ương Đảng Cuba.",
        {"Jose Ramon Balaguer Cabrera": ["Bí thư Trung ương Đảng Cuba"]},
    ),
    (
        "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã có buổi tiếp ngài Bruno Angelet Đại sứ Liên minh Châu Âu (EU) tại Việt Nam.",
        {"Bruno Angelet": []},
    ),
    (
        "Phó Chủ tịch Quốc hội đã hội kiến Chủ tịch Hạ viện Nhật Bản - ông Tadamori Oshima, Phó Chủ tịch Hạ viện Tatsuo Kawabata và Phó Chủ tịch Thượng viện Gunji Akira.",
        {
            "Tadamori Oshima": ["Chủ tịch Hạ viện Nhật Bản"],
            "Tatsuo Kawabata": ["Phó Chủ tịch Hạ viện"],
            "Gunji Akira": ["Phó Chủ tịch Thượng viện"],
        },
    ),
    (  # a commune's name before the person's (a common family name opens the name)
        "Trưởng Công an xã Tân Minh Nguyễn Văn Hồng xác nhận vụ tai nạn đường sắt.",
        {"Nguyễn Văn Hồng": ["Trưởng Công an xã Tân Minh"]},
    ),
    (  # the parent body after a comma; a colon list of names sharing one office
        "Cục trưởng Cục Quản lý giá, Bộ Tài chính Nguyễn Anh Tuấn cho biết, theo diễn biến chỉ số giá.",
        {"Nguyễn Anh Tuấn": ["Cục trưởng Cục Quản lý giá", "Bộ Tài chính"]},
    ),
    (
        "Dự có các đồng chí Phó Chủ tịch UBND tỉnh: Lê Xuân Đại, Đinh Viết Hồng, Lê Minh Thông cùng đại diện các sở.",
        {
            "Lê Xuân Đại": ["Phó Chủ tịch UBND tỉnh"],
            "Đinh Viết Hồng": ["Phó Chủ tịch UBND tỉnh"],
            "Lê Minh Thông": ["Phó Chủ tịch UBND tỉnh"],
        },
    ),
    (  # after "Công ty" a capitalised run is the company's name
        "Ông Nguyễn Liêm (tổng giám đốc Công ty Lâm Việt, Bình Dương) cũng cho rằng.",
        {"Nguyễn Liêm": ["Tổng Giám đốc Công ty Lâm Việt"]},
    ),
    (
        "Sáng 24/11, đoàn công tác tỉnh Hậu Giang do Bí thư Tỉnh ủy Lê Tiến Châu làm trưởng đoàn đã đến thăm và làm việc với tỉnh Hà Tĩnh.",
        {"Lê Tiến Châu": ["Bí thư Tỉnh ủy Hậu Giang"]},
    ),
    (
        "Tham gia đoàn công tác Hà Tĩnh có Trưởng ban Tổ chức Tỉnh ủy Võ Hồng Hải, Đại tá Nguyễn Xuân Thắng - Ủy viên BTV Tỉnh ủy, Chỉ huy trưởng Bộ CHQS tỉnh.",
        {
            "Võ Hồng Hải": ["Trưởng ban Tổ chức Tỉnh ủy Hà Tĩnh"],
            "Nguyễn Xuân Thắng": [
                "Đại tá",
                "Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh",
                "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",
            ],
        },
    ),
    (  # vietnews writes titles in lower case after the name
        "Sáng 21-12, ông Nguyễn Chí Dũng - bộ trưởng Bộ Kế hoạch và đầu tư - làm việc với thường trực Tỉnh uỷ, UBND tỉnh An Giang.",
        {"Nguyễn Chí Dũng": ["Bộ trưởng Bộ Kế hoạch và đầu tư"]},
    ),
    (  # title, then ", ông NAME,"
        "Bí thư Tỉnh ủy Hải Dương, ông Nguyễn Mạnh Hiển, cho rằng, rõ ràng là trong công tác thu hút đầu tư vẫn còn hạn chế.",
        {"Nguyễn Mạnh Hiển": ["Bí thư Tỉnh ủy Hải Dương"]},
    ),
    (  # a foreign name after "ông"
        "Tại buổi lễ, ông Choi Young Gyo, Chủ tịch ngành hóa chất của Tập đoàn Hyosung Corporation, cho biết.",
        {"Choi Young Gyo": ["Chủ tịch"]},
    ),
    (  # a foreign holder of an office foreign news names without the country (people.v2)
        "Chuyến thăm theo lời mời của Tổng thống Donald Trump là một minh chứng sinh động.",
        {"Donald Trump": ["Tổng thống"]},
    ),
    (
        "Bộ trưởng Quốc phòng Ngô Xuân Lịch tiếp Thượng nghị sĩ John McCain tại Hà Nội.",
        {"John McCain": ["Thượng nghị sĩ"], "Ngô Xuân Lịch": ["Bộ trưởng Quốc phòng"]},
    ),
    (
        "Trưởng ban Kinh tế Trung ương tiếp nguyên Ngoại trưởng Mỹ John Kerry tại Hà Nội.",
        {"John Kerry": ["nguyên Ngoại trưởng Mỹ"]},
    ),
    (
        "Người phát ngôn Lầu Năm Góc Jeff Davis khẳng định, quân đội Mỹ không nhận thấy động thái nào.",
        {"Jeff Davis": ["Người phát ngôn Lầu Năm Góc"]},
    ),
    (  # the name after the office and a comma, without "ông"
        "Chủ tịch UBND tỉnh Đồng Tháp, Nguyễn Văn Dương chủ trì cuộc họp báo.",
        {"Nguyễn Văn Dương": ["Chủ tịch UBND tỉnh Đồng Tháp"]},
    ),
    (
        "Quyết định này do ông Nguyễn Đức Hạnh, Phó Tổng thanh tra Chính phủ ký.",
        {"Nguyễn Đức Hạnh": ["Phó Tổng thanh tra Chính phủ"]},
    ),
    (
        "Phó Trưởng đoàn ĐB Quốc hội TP Ngọ Duy Hiểu cho biết, đoàn đã đổi mới cách tiếp xúc cử tri.",
        {"Ngọ Duy Hiểu": []},
    ),
    (  # "TP. <city>" is the city's name; "TP <name>" the city in focus, then the person
        "Ông Điệp tố cáo ông Phan Văn Thương (Chủ tịch UBND TP. Cao Lãnh) và ông Đặng Văn Nang "
        "(Phó Chủ tịch UBND TP. Cao Lãnh) vì cho rằng hai ông sai phạm.",
        {"Phan Văn Thương": ["Chủ tịch UBND TP. Cao Lãnh"], "Đặng Văn Nang": []},
    ),
    (
        "Giải trình thêm, Phó Chủ tịch UBND TP Lê Văn Khoa khẳng định chúng ta không đẩy đuổi.",
        {"Lê Văn Khoa": []},
    ),
    (  # lower-case words inside foreign offices; an acting office; the city before the name
        "Về phía Nga có Đại sứ đặc mệnh toàn quyền Nga tại Việt Nam Konstantin Vnukov cùng nhiều "
        "cán bộ. Tổng thống đắc cử Mỹ Donald Trump gặp quyền Thống đốc St Petersburg Alexander "
        "Beglov.",
        {"Konstantin Vnukov": [], "Donald Trump": [], "Alexander Beglov": []},
    ),
    (  # a district by its number; a newly elected office; a state before a foreign name
        "Bí thư Quận 2 Nguyễn Hoài Nam cho biết. Ông Nguyễn Nho Trung - tân Chủ tịch HĐND TP Đà "
        "Nẵng đề nghị Sở Nội vụ. Thủ tướng gặp Thủ hiến bang Hessen Volker Bouffler.",
        {"Nguyễn Hoài Nam": ["Bí thư Quận 2"], "Nguyễn Nho Trung": [], "Volker Bouffler": []},
    ),
    (  # a district committee left unnamed, then its secretary's name (people.v13)
        "Tại quận 2, báo cáo với đoàn công tác, Bí thư Quận ủy Nguyễn Hoài Nam cho biết. Bí thư "
        "Huyện ủy Trần Tới đã chỉ đạo lực lượng công an huyện. Bí thư Huyện ủy Đông Anh dự.",
        {"Nguyễn Hoài Nam": ["Bí thư Quận ủy"], "Trần Tới": ["Bí thư Huyện ủy"]},
    ),
    (  # an international body before a foreign name, capitalised or not (people.v13)
        "Thủ tướng sẽ gặp Tổng Thư ký Liên Hợp Quốc Antonio Guterres, dự lễ kỷ niệm. Đại sứ "
        "Nikki Haley gặp Phó Tổng thư ký Liên hợp quốc Amina Mohammed tại New York.",
        {"Antonio Guterres": ["Tổng Thư ký Liên Hợp Quốc"], "Amina Mohammed": []},
    ),
    (  # "Bản" of "Nhật Bản" is no village before a name (people.v13)
        "Nhận lời mời của Thủ tướng Nhật Bản Shinzo Abe, Thủ tướng Nguyễn Xuân Phúc sẽ thăm Nhật "
        "Bản. Bộ trưởng Quốc phòng Nhật Bản Tomomi Inada cũng có mặt.",
        {
            "Shinzo Abe": ["Thủ tướng Nhật Bản"],
            "Nguyễn Xuân Phúc": ["Thủ tướng"],
            "Tomomi Inada": ["Bộ trưởng Quốc phòng Nhật Bản"],
        },
    ),
    (  # "former/current" between the office and the name
        "Bàn giao giữa Tổng giám đốc cũ – ông Nguyễn Duy Kiên và Tổng giám đốc đương nhiệm – ông "
        "Nguyễn Xuân Bình, hồ sơ bị thiếu.",
        {"Nguyễn Duy Kiên": ["Tổng giám đốc"], "Nguyễn Xuân Bình": ["Tổng giám đốc"]},
    ),
    (  # a romanised name's hyphenated syllables (people.v4)
        "Chủ tịch nước Trần Đại Quang đã tiếp ngài Park Won-soon, Đặc phái viên của Tổng thống "
        "Hàn Quốc. Bộ trưởng Ngoại giao Hàn Quốc Yun Byung-se cũng có mặt.",
        {"Park Won-soon": [], "Yun Byung-se": ["Bộ trưởng Ngoại giao Hàn Quốc"]},
    ),
    (  # a name glued to its office by a hyphen
        "Tại buổi gặp mặt, ông Huỳnh Đức Thơ-Chủ tịch UBND thành phố Đà Nẵng cũng thừa nhận.",
        {"Huỳnh Đức Thơ": ["Chủ tịch UBND thành phố Đà Nẵng"]},
    ),
    (  # "Kho bạc Nhà nước": lower-case syllables of a body's name
        "Giám đốc Kho bạc Nhà nước Vũ Hoài Nam cho biết, dự án còn được bố trí 1.000 tỷ đồng.",
        {"Vũ Hoài Nam": ["Giám đốc Kho bạc Nhà nước"]},
    ),
    (  # the district in focus left unnamed, then a name no district has
        "Đoàn gồm Phó Chủ tịch UBND huyện Cao Văn Tín, Trưởng phòng GD & ĐT Hoàng Văn Phúc.",
        {"Cao Văn Tín": ["Phó Chủ tịch UBND huyện"], "Hoàng Văn Phúc": ["Trưởng phòng GD & ĐT"]},
    ),
    (  # an international body names a foreign office as a country does (people.v12)
        "Bảng danh vị do Chủ tịch FIFA Gianni Infantino ký được trao cho HLV Hoàng Anh Tuấn.",
        {"Gianni Infantino": ["Chủ tịch FIFA"]},
    ),
    (  # "sở" left in lower case inside the office (people.v12)
        "Riêng về xây dựng không phép, Giám đốc sở Xây dựng Trần Trọng Tuấn báo cáo.",
        {"Trần Trọng Tuấn": ["Giám đốc sở Xây dựng"]},
    ),
    (  # "ông/bà" right after the office, no comma (people.v12)
        "Thủ tướng đã gặp Thủ hiến bang Rheinland-Pfalz bà Malu Dreyer tại Mainz.",
        {"Malu Dreyer": ["Thủ hiến bang Rheinland-Pfalz"]},
    ),
    (  # a foreign province or city of one word, then the governor's name (people.v22)
        "Sau đó, Thủ tướng Nguyễn Xuân Phúc đã tiếp Thống đốc tỉnh Kanagawa Kuroiwa Yuji. Ông "
        "Sadiq Khan cùng Thị trưởng thành phố Bogota Enrique Penalosa dự lễ.",
        {
            "Nguyễn Xuân Phúc": ["Thủ tướng"],
            "Kuroiwa Yuji": ["Thống đốc tỉnh Kanagawa"],
            "Enrique Penalosa": ["Thị trưởng thành phố Bogota"],
        },
    ),
    (  # "Tỉnh trưởng" is a foreign office; a place of two words leaves the name unknown
        "Tỉnh trưởng Phuket Noraphat Plodthong cho biết. Thống đốc tỉnh Chiang Rai Narongsak "
        "Osottanakorn chỉ đạo cứu hộ.",
        {"Noraphat Plodthong": ["Tỉnh trưởng Phuket"]},
    ),
    (
        "Chủ tịch UBND tỉnh Hà Tĩnh ông Đặng Quốc Khánh cho biết tỉnh sẽ hỗ trợ ngư dân.",
        {"Đặng Quốc Khánh": ["Chủ tịch UBND tỉnh Hà Tĩnh"]},
    ),
    (  # the office in brackets after a birth year (people.v14)
        "Cơ quan điều tra đề nghị truy tố ông Vũ Văn Đảo (SN 1970, Giám đốc công ty cổ phần công "
        "nghệ Việt Séc) và ông Đinh Văn Quyết (SN 1982, Giám đốc công ty cổ phần Vũng Tàu Marina).",
        {"Vũ Văn Đảo": ["Giám đốc công ty"], "Đinh Văn Quyết": ["Giám đốc công ty"]},
    ),
    (  # a name after a dash, without "ông" (people.v14)
        "Ngày 26/3, Bí thư Tỉnh ủy Sóc Trăng – Phan Văn Sáu ra công văn số 926 chấp thuận.",
        {"Phan Văn Sáu": ["Bí thư Tỉnh ủy Sóc Trăng"]},
    ),
    (  # a party's name, then the holder after "- Ngài" (people.v14)
        "Thủ tướng Nguyễn Xuân Phúc tiếp Chủ tịch Đảng Công Minh - Ngài Natsuo Yamaguchi.",
        {"Natsuo Yamaguchi": ["Chủ tịch Đảng Công Minh"]},
    ),
    (  # a school named after a person, then its head (people.v14)
        "Hiệu trưởng Trường THCS Nguyễn Du Trần Văn Bình cho biết nhà trường đã họp.",
        {"Trần Văn Bình": ["Hiệu trưởng Trường THCS Nguyễn Du"]},
    ),
    (  # the US Trade Representative; "quân đội" inside an office (people.v14)
        "Thủ tướng tiếp Đại diện Thương mại Hoa Kỳ Robert Lighthizer. Trưởng Ban Thanh niên quân "
        "đội Đinh Quốc Hùng đánh giá các hoạt động phối hợp.",
        {
            "Robert Lighthizer": ["Đại diện Thương mại Hoa Kỳ"],
            "Đinh Quốc Hùng": ["Trưởng Ban Thanh niên quân đội"],
        },
    ),
    (  # the office's abbreviation in brackets, then the name (people.v15)
        "Tổng giám đốc Tổng công ty đầu tư phát triển đường cao tốc Việt Nam (VEC) Mai Tuấn Anh "
        "cho biết. Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn (NN-PTNT) Vũ Văn Tám đánh giá "
        "cao con tôm.",
        {
            "Mai Tuấn Anh": ["Tổng giám đốc Tổng công ty đầu tư phát triển đường cao tốc Việt Nam"],
            "Vũ Văn Tám": ["Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn"],
        },
    ),
    (  # a foreign office's abbreviation, then a romanised name; an abbreviation inside the
        # office, its place after it (people.v25)
        "Thủ tướng sẽ gặp Tổng Thư ký Liên hợp quốc (LHQ) Antonio Guterres. Giám đốc Cục Điều tra "
        "Liên bang Mỹ (FBI) James Comey bị cách chức. Phó Chủ tịch Ủy ban nhân dân (UBND) tỉnh "
        "Nghệ An Lê Xuân Đại cho biết.",
        {
            "Antonio Guterres": ["Tổng Thư ký Liên hợp quốc"],
            "James Comey": ["Giám đốc Cục Điều tra Liên bang Mỹ"],
            "Lê Xuân Đại": ["Phó Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"],
        },
    ),
    (  # more international bodies by their acronym (people.v27)
        "Tổng Giám đốc Tổ chức Sở hữu trí tuệ thế giới (WIPO) Francis Gurry thăm Việt Nam. Giám "
        "đốc Cơ quan Năng lượng Nguyên tử Quốc tế (IAEA) Yukiya Amano cho biết.",
        {
            "Francis Gurry": ["Tổng Giám đốc Tổ chức Sở hữu trí tuệ thế giới"],
            "Yukiya Amano": ["Giám đốc Cơ quan Năng lượng Nguyên tử Quốc tế"],
        },
    ),
    (  # a city's own name after "TP." is no name (people.v15)
        "Sáng 30/6, Đại tá Nguyễn Văn Bôn, Trưởng Công an TP. Buôn Ma Thuột, tỉnh Đắk Lắk cho biết.",
        {"Nguyễn Văn Bôn": ["Đại tá", "Trưởng Công an TP. Buôn Ma Thuột"]},
    ),
    (  # a deputy whose given name is a country's (people.v14)
        "Đại biểu Dương Trung Quốc phát biểu tại hội trường.",
        {"Dương Trung Quốc": ["Đại biểu"]},
    ),
    (  # the office's ministry in brackets, then the name (people.v16)
        "Cục trưởng Cục Quản lý môi trường (Bộ Y tế) Nguyễn Thị Liên Hương vừa làm việc với Sở Y "
        "tế Cà Mau. Cục trưởng Cục Kiểm lâm (Bộ Nông nghiệp và Phát triển nông thôn) Đỗ Quang Tùng "
        "cho biết.",
        {
            "Nguyễn Thị Liên Hương": ["Cục trưởng Cục Quản lý môi trường, Bộ Y tế"],
            "Đỗ Quang Tùng": ["Cục trưởng Cục Kiểm lâm, Bộ Nông nghiệp và Phát triển nông thôn"],
        },
    ),
    (  # a foreign name's middle initials (people.v16)
        "Thủ tướng Nguyễn Xuân Phúc tiếp ông Robert H. McCooey Jr, Phó Chủ Tịch Cấp cao của Sàn "
        "chứng khoán NASDAQ. Ngày 29/12/2006, Tổng thống Mỹ George W. Bush ký thông qua. Cuộc gặp "
        "giữa Ngoại trưởng Bangladesh A. H. Mahmood Ali và nhà lãnh đạo.",
        {
            "Robert H. McCooey Jr": ["Phó Chủ Tịch Cấp cao của Sàn"],
            "George W. Bush": ["Tổng thống Mỹ"],
            "A. H. Mahmood Ali": ["Ngoại trưởng Bangladesh"],
        },
    ),
    (  # an office the chain cannot read, ending in a country, then a romanised name (people.v17)
        "Chánh án Tòa án Nhân dân Tối cao Nguyễn Hòa Bình và Chánh án Tòa án Tối cao Italy Giovanni "
        "Canzio. Bí thư Ban chấp hành Trung ương Đoàn Thanh niên Nhân dân cách mạng Lào Alounxai "
        "Sounnalath cũng thông tin về các hoạt động. Chiều 21/5, trong buổi tiếp Bộ trưởng Thương "
        "mại quốc tế Canada Francois-Philippe Champagne đang ở thăm Việt Nam, Chủ tịch nước Trần "
        "Đại Quang nhấn mạnh. Chủ tịch Ủy ban Tình báo Hạ viện Mỹ Mike Rogers Là người đầu tiên.",
        {
            "Giovanni Canzio": ["Chánh án Tòa án Tối cao Italy"],
            "Alounxai Sounnalath": [
                "Bí thư Ban chấp hành Trung ương Đoàn Thanh niên Nhân dân cách mạng Lào"
            ],
            "Francois-Philippe Champagne": ["Bộ trưởng Thương mại quốc tế Canada"],
            "Trần Đại Quang": ["Chủ tịch nước"],
            "Mike Rogers": ["Chủ tịch Ủy ban Tình báo Hạ viện Mỹ"],
        },
    ),
    (  # no "Bình Dương Mỹ …" (people.v14); the romanised name after the country (people.v17)
        "Tư lệnh Hạm đội Thái Bình Dương Mỹ Harry Harris vừa tuyên bố.",
        {"Harry Harris": ["Tư lệnh Hạm đội Thái Bình Dương Mỹ"]},
    ),
    (  # a hospital named after the office is no person; its head is named before (people.v19)
        "Ông Trần Bình Giang, Giám đốc Bệnh viện Việt Đức cho biết. Theo Giám đốc Bệnh viện Bạch "
        "Mai, các bệnh nhân đã ổn định.",
        {"Trần Bình Giang": ["Giám đốc Bệnh viện Việt Đức"]},
    ),
    (  # "Arab Saudi", the corpora's most frequent spelling of the country, is no name (people.v20)
        "Thái tử Arab Saudi Mohammed bin Salman đã tới Washington.",
        {"Mohammed bin Salman": ["Thái tử Arab Saudi"]},
    ),
    (  # the office's last Vietnamese words go back to it, not to the foreign name (people.v21)
        "Tổng Thống Mỹ Donald Trump cho biết. Người phát ngôn Bộ tư lệnh Thái Bình Dương Mỹ Rob "
        "Shuford nói. Nhà lãnh đạo Liên Xô Nikita Khrushchev khi đó đã đồng ý.",
        {
            "Donald Trump": ["Tổng Thống Mỹ"],
            "Rob Shuford": ["Người phát ngôn Bộ tư lệnh Thái Bình Dương Mỹ"],
            "Nikita Khrushchev": ["Nhà lãnh đạo Liên Xô"],
        },
    ),
    (  # a country in a foreign spelling after the name goes back to the office (people.v34)
        "Tổng thống Rodrigo Duterte Philippines đang cần vũ khí hiện đại.",
        {"Rodrigo Duterte": ["Tổng thống Philippines"]},
    ),
    (  # a German state written "Bang" with a capital (people.v17)
        "Thủ hiến Bang Rheinland-Pfalz Malu Dreyer cho biết.",
        {"Malu Dreyer": ["Thủ hiến Bang Rheinland-Pfalz"]},
    ),
    (  # a ministry written with an unspaced dash or an en dash (people.v35)
        "Bộ trưởng Bộ Lao động-Thương binh và Xã hội Đào Ngọc Dung; Thứ trưởng Bộ Lao động – "
        "Thương binh và Xã hội Lê Quân.",
        {
            "Đào Ngọc Dung": ["Bộ trưởng Bộ Lao động-Thương binh và Xã hội"],
            "Lê Quân": ["Thứ trưởng Bộ Lao động – Thương binh và Xã hội"],
        },
    ),
    (  # a Governor-General with the realm, a warship's captain, a press secretary (people.v35)
        "Sáng 25-5, chủ tịch UBND TP. HCM Nguyễn Thành Phong đã tiếp Toàn quyền Úc Peter Cosgrove."
        " Hạm trưởng Doug Verissimo của tàu USS Carl Vinson nói. Thư ký báo chí Nhà Trắng Sarah "
        "Sanders cho biết.",
        {
            "Peter Cosgrove": ["Toàn quyền Úc"],
            "Doug Verissimo": ["Hạm trưởng"],
            "Sarah Sanders": ["Thư ký báo chí Nhà Trắng"],
        },
    ),
    (  # the press secretary "of the President": the president keeps his office (people.v35)
        "Ông Dmitry Peskov, thư ký báo chí của Tổng thống Nga Vladimir Putin, lý giải. Ông Ari "
        "Fleischer, cựu Thư ký báo chí của Tổng thống George W. Bush cũng nhận định.",
        {"Vladimir Putin": ["Tổng thống Nga"], "George W. Bush": ["Tổng thống"]},
    ),
    (  # ministries by initials with spaces; a Korean syllable set off; "lãnh đạo Triều Tiên"
        # (people.v36)
        "Thứ trưởng Bộ NN & PTNT Hà Công Tuấn nói. Tân Tổng thống Hàn Quốc Moon Jae- in nhậm "
        "chức. Trong khi đó, cố lãnh đạo Triều Tiên Kim Jong Il đã thăm Trung Quốc 4 lần.",
        {
            "Hà Công Tuấn": ["Thứ trưởng Bộ NN & PTNT"],
            "Moon Jae- in": ["Tổng thống Hàn Quốc"],
            "Kim Jong Il": ["Lãnh đạo Triều Tiên"],
        },
    ),
    (  # a newly elected foreign head: "tân Tổng thống" (people.v16)
        "Tuy nhiên, ngay sau lễ nhậm chức của tân Tổng thống Donald Trump ngày 20/1 vừa qua, Chính "
        "phủ mới của Mỹ thông báo nước này sẽ rút khỏi TPP.",
        {"Donald Trump": ["tân Tổng thống"]},
    ),
]


def test_arriving_in_a_foreign_city_visits_its_country() -> None:
    out = extract_text(
        "Thủ tướng Nguyễn Xuân Phúc đến Thủ đô Washington, Hoa Kỳ\nSáng sớm 31/5, giờ Hà Nội, "
        "Thủ tướng Nguyễn Xuân Phúc và đoàn đại biểu cấp cao Việt Nam đã đến sân bay quân sự St. "
        "Andews, Washington, Hoa Kỳ. Theo chương trình tại Washington, Thủ tướng Nguyễn Xuân Phúc "
        "sẽ có cuộc hội đàm với Tổng thống Donald Trump; tiếp một số quan chức, tập đoàn của Hoa "
        "Kỳ; dự tọa đàm với Phòng Thương mại Hoa Kỳ và dự lễ trao các văn bản thỏa thuận."
    )
    pairs = {(v["visitor"]["name"], v["host"]["name"]) for v in out["visits"]}
    assert pairs == {("Chính phủ", "Hoa Kỳ")}  # the schedule makes no visit of its own


def test_a_central_team_that_came_to_a_province_visits_it() -> None:
    out = extract_text(
        "Thanh tra tài sản\nSáng nay, đoàn công tác của Thanh tra Chính phủ đã về Yên Bái làm "
        "việc về vấn đề trên. Ông Son cùng vợ cũng vào TP. HCM thăm con gái."
    )
    pairs = {(v["visitor"]["name"], v["host"]["name"]) for v in out["visits"]}
    assert pairs == {("Thanh tra Chính phủ", "Yên Bái")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Thống đốc tỉnh Chiang Rai Narongsak Osottanakorn chỉ đạo cứu hộ.",
        "Tỉnh trưởng Chiang Rai Narongsak Osottanakorn chỉ đạo cứu hộ.",
        "Thị trưởng thành phố Cảng Rotterdam Aboutaleb phát biểu.",
    ],
)
def test_a_place_of_unknown_length_before_a_foreign_name_gives_no_person(sentence: str) -> None:
    # where the place ends and the name begins is unknown: no person rather than "Rai Narongsak"
    ctx = build_context("t", "Tiêu đề\n" + sentence)
    assert extract_people(ctx) == []


def test_a_foreign_provincial_secretary_is_no_official_of_our_province() -> None:
    ctx = build_context(
        "t",
        "Chủ tịch nước thăm tỉnh Phúc Kiến\nTỉnh Quảng Ninh hợp tác với Phúc Kiến.\nChủ tịch nước "
        "Trần Đại Quang đã tiếp đồng chí Vưu Quyền, Ủy viên Trung ương Đảng Cộng sản Trung Quốc, "
        "Bí thư Tỉnh ủy Phúc Kiến.",
    )
    found = {p.name: p.province for p in extract_people(ctx)}
    assert found["Vưu Quyền"] is None


def test_a_district_named_like_a_person_is_no_person() -> None:
    ctx = build_context("t", "Tiêu đề\nChủ tịch UBND huyện Trần Văn Thời cho biết.")
    assert [p.name for p in extract_people(ctx)] == []


def test_the_next_sentence_is_not_part_of_a_romanised_name() -> None:
    ctx = build_context(
        "t",
        "Tiêu đề\nTân Tổng thống Hàn Quốc Moon Jae-in Tân Tổng thống Hàn Quốc Moon Jae-in mới đây "
        "đã thực hiện những bổ nhiệm. Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdoğan phát biểu.",
    )
    names = {p.name for p in extract_people(ctx)}
    assert "Moon Jae-in Tân" not in names
    assert "Recep Tayyip Erdoğan" in names


def test_titles_after_a_name_and_its_comma_are_that_persons() -> None:
    ctx = build_context(
        "t",
        "Tiêu đề\nNhận lời mời của Đại tướng Ngô Xuân Lịch, Ủy viên Bộ Chính trị, Phó Bí thư Quân "
        "ủy Trung ương, Bộ trưởng Bộ Quốc phòng Việt Nam, Thượng tướng Phạm Trường Long, Ủy viên "
        "Bộ Chính trị, Phó Chủ tịch Quân ủy Trung ương Trung Quốc thăm hữu nghị chính thức Việt Nam.",
    )
    found = {p.name: p.titles for p in extract_people(ctx)}
    assert found["Ngô Xuân Lịch"][-1] == "Bộ trưởng Bộ Quốc phòng Việt Nam"
    assert found["Phạm Trường Long"][0] == "Thượng tướng"
    assert "Bộ trưởng Bộ Quốc phòng Việt Nam" not in found["Phạm Trường Long"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Phát ngôn viên của bà Melania Trump cho biết bà sẽ không chuyển tới Washington.",
        "Đoàn do Trưởng đoàn và bà Janet Kennerley dẫn đầu đã tới Hà Nội.",
    ],
)
def test_an_office_of_someone_is_not_the_name_after_it(sentence: str) -> None:
    ctx = build_context("t", "Tiêu đề\n" + sentence)
    assert not any(p.name in ("Melania Trump", "Janet Kennerley") for p in extract_people(ctx))


def test_a_schools_youth_union_is_no_name() -> None:
    ctx = build_context("t", "Tiêu đề\nBí thư Đoàn Trường ĐH Y dược TP. HCM cho biết như vậy.")
    assert [p.name for p in extract_people(ctx)] == []


def test_the_tail_of_an_international_body_is_no_name() -> None:
    ctx = build_context("t", "Tiêu đề\nĐặc phái viên của Liên Hợp Quốc đã tới Myanmar.")
    assert [p.name for p in extract_people(ctx)] == []


def test_one_person_however_the_article_shortens_the_name() -> None:
    """ "Donald J. Trump" and "Donald Trump", "Nguyễn Xuân Anh" and "Bí thư Xuân Anh" (people.v18);
    a full name of its own is never folded into a longer run."""
    ctx = build_context(
        "t",
        "Tiêu đề\nTổng thống Donald J. Trump cho biết. Tổng thống Donald Trump nói thêm. Ông "
        "Nguyễn Xuân Anh, Bí thư Thành ủy Đà Nẵng phát biểu. Bí thư Xuân Anh nói thêm.",
    )
    assert sorted(p.name for p in extract_people(ctx)) == ["Donald Trump", "Nguyễn Xuân Anh"]


def test_a_country_ends_the_office_before_a_foreign_name() -> None:
    ctx = build_context(
        "t", "Tiêu đề\nTư lệnh Hạm đội Thái Bình Dương Mỹ Harry Harris vừa tuyên bố."
    )
    assert [p.name for p in extract_people(ctx)] == ["Harry Harris"]


@pytest.mark.parametrize(("sentence", "expected"), PEOPLE)
def test_people_patterns(sentence: str, expected: dict[str, list[str]]) -> None:
    ctx = build_context("t", "Tiêu đề\n" + sentence)
    found = {p.name: p.titles for p in extract_people(ctx)}
    for name, titles in expected.items():
        assert name in found
        assert found[name][: len(titles)] == titles or set(titles) <= set(found[name])


@pytest.mark.parametrize(
    "sentence",
    [
        "Bài, Ảnh: Thu Hà",
        "Tổng thiệt hại lên đến gần 5.500 tỷ đồng.",
        "Nhiều người đã bị lừa đảo với tổng số tiền 3,2 tỷ đồng.",
        # places, companies and newspapers after an office are not people (people.v2)
        "Thủ tướng sẽ gặp Thống đốc bang Hạ Áo; dự và phát biểu tại diễn đàn doanh nghiệp.",
        "Phát ngôn viên của Daily Mail hiện vẫn chưa đưa ra bình luận với báo chí.",
        "Chủ tịch nước gặp Thống đốc Saint Petersburg tại Điện Smolny.",
        "Giám đốc Samsung Electronics cho biết doanh thu tăng.",
        # a school named after a person, a king, a nickname after the name (people.v14)
        "Mới đây, Hiệu trưởng Trường THPT Chu Văn An, tỉnh An Giang đã thẳng thắn phản ánh.",
        "Thủ tướng và Phu nhân đã hội kiến với Nhà vua Nhật Bản và Hoàng hậu.",
        "Quốc vương Arab Saudi đã tiếp đoàn.",
        # a hospital's name after its head's office (people.v19)
        "Theo Giám đốc Bệnh viện Bạch Mai, các bệnh nhân đã ổn định.",
        # the spokesman of a president is not the president (people.v17)
        "Người phát ngôn của Tổng thống Nga Dmitry Peskov cho biết.",
        # "là" alone does not name the holder: the president's son (people.v31)
        "Con trai của Tổng thống Mỹ là Donald Trump Jr đã gặp luật sư Nga.",
    ],
)
def test_no_people_without_a_titled_name(sentence: str) -> None:
    assert extract_people(build_context("t", "Tiêu đề\n" + sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        (
            "Đại biểu 2 tỉnh đã chia sẻ kinh nghiệm trên các lĩnh vực thu hút đầu tư; cải cách hành chính, cải thiện môi trường đầu tư kinh doanh; giáo dục; văn hóa; tôn giáo...",
            ["investment", "admin_reform", "education", "culture_heritage", "religion"],
        ),
        (
            "Riêng trong năm 2020, tỉnh đã tiến hành sáp nhập 80 đơn vị hành chính (ĐVHC) cấp xã",
            ["admin_merger"],
        ),
        ("tạo môi trường thu hút đầu tư trên địa bàn", ["investment"]),
        (  # corpus sentences whose praise named its topic in other words
            "Phó thủ tướng Trịnh Đình Dũng đánh giá cao công tác chủ động phòng chống bão số 3 tỉnh Quảng Ninh",
            ["disaster"],
        ),
        (
            "Phó thủ tướng Nguyễn Xuân Phúc đánh giá cao công tác chống buôn lậu của thành phố Hà Nội",
            ["security"],
        ),
        ("nhân rộng được cơ bản mô hình rau sạch ra toàn tỉnh", ["agriculture"]),
        ("khánh thành dự án khu Công nghệ thông tin (CNTT) tập trung", ["digital"]),
    ],
)
def test_topics(sentence: str, topics: list[str]) -> None:
    assert topics_in(sentence) == topics


# (title + lead from the corpus, expected (visitor, host) names)
VISITS = [
    (  # a central body however its later words are capitalised (visits.v32)
        "Công bố quyết định cảnh cáo ông Trần Văn Truyền\nChiều 14/1, đoàn công tác của Ủy ban "
        "kiểm tra Trung ương đã đến Bến Tre công bố quyết định kỷ luật ông Trần Văn Truyền.",
        {("Ủy ban Kiểm tra Trung ương", "Bến Tre")},
    ),
    (  # "tiếp Thủ tướng …" receives, folded it is not "tiếp thu" (visits.v29)
        "Chủ tịch nước tiếp Thủ tướng Lào\nChiều cùng ngày, Chủ tịch nước Trần Đại Quang tiếp "
        "Thủ tướng Lào Thongloun Sisoulith. Bộ trưởng cho biết sẽ tiếp thu ý kiến của Lào.",
        {("Lào", "Chủ tịch nước")},
    ),
    (  # "Mỹ" after "cấp cao", "Ngoại trưởng": the country, not the word (visits.v28)
        "Trưởng ban Kinh tế Trung ương tiếp nguyên Ngoại trưởng Mỹ John Kerry\n"
        "Ngày 20/6, Trưởng ban Kinh tế Trung ương Nguyễn Văn Bình đã tiếp đoàn công tác cấp cao "
        "Mỹ do ông John Kerry, nguyên Ngoại trưởng Mỹ, dẫn đầu.",
        {("Hoa Kỳ", "Ban Kinh tế Trung ương")},
    ),
    (  # an unnamed "Thành ủy" is the city's, not the province last named
        "TP.HCM học tập xây dựng mô hình nhà ở xã hội như Bình Dương\n"
        "“TP.HCM muốn học tập những kinh nghiệm của Bình Dương để thực hiện các dự án nhà ở xã "
        "hội” - đây là những chia sẻ của Bí thư Thành ủy Đinh La Thăng khi tìm hiểu mô hình nhà "
        "ở xã hội tại tỉnh Bình Dương ngày 5/2.",
        {("Hồ Chí Minh", "Bình Dương")},
    ),
    (  # the ministry in brackets after the title; the province at the end of an address
        "Tình hình sạt lở bờ sông Tiền tại Đồng Tháp\n"
        "Ngày 11/5, ông Trần Quang Hoài, Phó Tổng cục trưởng Tổng cục Thủy lợi (Bộ Nông nghiệp "
        "và Phát triển nông thôn) dẫn đầu Đoàn khảo sát liên ngành đến khảo sát thực địa, kiểm "
        "tra tình hình xử lý sạt lở bờ sông Tiền khu vực xã Bình Thành, huyện Thanh Bình, tỉnh "
        "Đồng Tháp.",
        {("Bộ Nông nghiệp và Phát triển nông thôn", "Đồng Tháp")},
    ),
    (  # the first of the listed officials leads; the event attended is the city's
        "Phó Thủ tướng Vũ Đức Đam đánh giá cao “Thung lũng Silicon” tại Đà Nẵng\n"
        "Ngày 29/3, Phó Thủ tướng Chính phủ Vũ Đức Đam, Thứ trưởng Bộ Thông tin và Truyền thông "
        "Phạm Hồng Hải đã đến tham dự khánh thành dự án khu Công nghệ thông tin (CNTT) tập trung "
        "TP. Đà Nẵng (Danang IT Park).",
        {("Chính phủ", "Đà Nẵng")},
    ),
    (  # "được đón" + an office: the article's province receives the guest
        "Bình Phước thu hút hơn 310 triệu USD vốn FDI\n"
        "Ngày 20/8, UBND tỉnh Bình Phước tổ chức Hội nghị xúc tiến đầu tư. Hội nghị vinh dự được "
        "đón Thủ tướng Chính phủ Nguyễn Xuân Phúc, lãnh đạo các bộ, ngành.",
        {("Chính phủ", "Bình Phước")},
    ),
    (  # "đón Tết" receives nobody
        "Hà Tĩnh đón Tết\nNgười dân tỉnh Hà Tĩnh đón Tết trong niềm vui.",
        set(),
    ),
    (  # "<official of Y> đã tiếp <guest>": the guest's side visits Y
        "Tổng Bí thư tiếp đoàn Cuba\nChiều 24/5, tại Trụ sở Trung ương Đảng, Tổng Bí thư Nguyễn "
        "Phú Trọng đã tiếp đồng chí Jose Ramon Balaguer Cabrera, Bí thư Trung ương Đảng Cuba.",
        # the headline's office alone receives as its body, the guest's country an alternative
        {("Trung ương Đảng Cuba", "Trung ương Đảng"), ("Cuba", "Trung ương Đảng")},
    ),
    (  # "tiếp tục" receives nobody
        "Hợp tác Việt - Nhật\nTỉnh Hà Tĩnh tiếp tục thu hút đầu tư của Nhật Bản.",
        set(),
    ),
    (  # a province name inside a person's name is not the province
        "Phó Thủ tướng tiếp doanh nghiệp Australia\nPhó Thủ tướng Trương Hòa Bình tiếp đoàn doanh "
        "nghiệp Australia.",
        {("Australia", "Chính phủ")},
    ),
    (  # a central delegation in the article's province, the province not repeated
        "An Giang xuất hiện điểm sạt lở mới\nNgày 26/4, tuyến đường liên xã ở huyện Chợ Mới xuất "
        "hiện vết nứt dài hơn 200 m.\nChính quyền địa phương đã phong toả tuyến đường.\n"
        "Bốn nhà dân được di dời.\nCùng ngày, Bộ trưởng Tài nguyên - Môi trường Trần Hồng Hà dẫn "
        "đầu đoàn công tác đến khảo sát hiện trường vụ sạt lở.",
        {("Bộ Tài nguyên và Môi trường", "An Giang")},
    ),
    (  # a state visit to "Cộng hòa X" (visits.v5)
        "Thủ tướng đến Áo, bắt đầu chuyến thăm, làm việc tại châu Âu\nChiều 4/10, giờ địa "
        "phương, Thủ tướng Nguyễn Xuân Phúc và Phu nhân cùng đoàn cấp cao Việt Nam đã đến sân bay "
        "quốc tế Vienna, bắt đầu chuyến thăm chính thức Cộng hòa Áo.",
        {("Chính phủ", "Áo")},
    ),
    (  # "TQ" is Trung Quốc
        "Hình ảnh ngày đầu tiên thăm Trung Quốc của Chủ tịch nước\nTrưa nay, Chủ tịch nước Trần "
        "Đại Quang và đoàn đại biểu cấp cao VN đã đến Bắc Kinh bắt đầu chuyến thăm cấp nhà nước "
        "tới TQ và dự Diễn đàn cấp cao hợp tác quốc tế từ ngày 11 - 15/5.",
        {("Chủ tịch nước", "Trung Quốc")},
    ),
    (  # the sentence opens with the meeting, the official comes after it
        "Đề nghị ứng thêm cho dự án cao tốc Trung Lương - Mỹ Thuận\nTại cuộc làm việc với UBND "
        "tỉnh Tiền Giang ngày 27-8, Phó thủ tướng Vương Đình Huệ đề nghị nhà đầu tư ứng thêm.",
        {("Chính phủ", "Tiền Giang")},
    ),
    (  # no visit verb: a minister at the province's ceremony works with the province
        "Bộ trưởng Tô Lâm: Không chấp nhận TP. HCM phức tạp như thế về ma túy\nTại buổi lễ khen "
        "thưởng thành tích bắt giữ 895 bánh heroin của Công an TP. HCM tổ chức chiều nay 29-3, bộ "
        "trưởng Bộ Công an Tô Lâm chia sẻ những lo lắng của ông về ma túy ở TP. HCM.",
        {("Bộ Công an", "Hồ Chí Minh")},
    ),
    (  # a deputy in the province that elected them is no visit
        "Cử tri TP.HCM kiến nghị\nTại buổi tiếp xúc cử tri quận 1, Đại biểu Quốc hội Trần Văn "
        "Nam (đoàn TP.HCM) cho biết sẽ chuyển kiến nghị của cử tri TP.HCM.",
        set(),
    ),
    (  # a foreign ministry is its country; received "tại trụ sở", so it is the guest (v6)
        "Thứ trưởng Lê Quang Hùng tiếp Thứ trưởng thứ nhất Bộ Xây dựng Cuba\nNgày 7/2, tại trụ "
        "sở Bộ Xây dựng, Thứ trưởng Lê Quang Hùng có buổi làm việc với Thứ trưởng thứ nhất Bộ Xây "
        "dựng Cuba.",
        {("Cuba", "Bộ Xây dựng")},
    ),
    (  # the army's offices are the Ministry of Defence's; Hà Nội is only where it happened
        "Phó Tổng Tham mưu trưởng QĐND tiếp Đoàn đại biểu Myanmar\nChiều 30/5, tại Hà Nội, Trung "
        "tướng Phạm Hồng Hương, Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam đã tiếp Đoàn "
        "đại biểu Cục Thông tin, Quân đội Myanmar đang có chuyến thăm, làm việc tại Việt Nam.",
        {("Myanmar", "Bộ Quốc phòng")},
    ),
    (  # a programme of stops after "Trong chuyến thăm": one visit per body met (visits.v8)
        "Chủ tịch Thượng viện CH Haiti kết thúc tốt đẹp chuyến thăm Việt Nam\nTối 20/6, Chủ tịch "
        "Thượng viện Cộng hòa Haiti Youri Latortue rời Hà Nội, kết thúc chuyến thăm chính thức Việt "
        "Nam.\nHai bên đã ký kết nhiều văn kiện.\nQuan hệ hai nước tốt đẹp.\nHai bên nhất trí tăng "
        "cường hợp tác.\nTrong chuyến thăm, Chủ tịch Thượng viện Haiti đã hội đàm với Chủ tịch Quốc "
        "hội Nguyễn Thị Kim Ngân; chào xã giao Tổng Bí Thư Nguyễn Phú Trọng, Chủ tịch nước Trần Đại "
        "Quang; hội kiến Thủ tướng Chính phủ Nguyễn Xuân Phúc; làm việc với Bộ Nông nghiệp và Phát "
        "triển Nông thôn.",
        {
            ("Thượng viện Haiti", "Quốc hội"),
            ("Thượng viện Haiti", "Trung ương Đảng"),
            ("Thượng viện Haiti", "Chủ tịch nước"),
            ("Thượng viện Haiti", "Chính phủ"),
            ("Thượng viện Haiti", "Bộ Nông nghiệp và Phát triển nông thôn"),
        },
    ),
    (  # a foreign parliament meets ours: "Quốc hội" inside "Quốc hội Myanmar" is still a host
        "Chủ tịch Thượng viện Myanmar thăm Việt Nam\nTrong khuôn khổ chuyến thăm, Chủ tịch Thượng "
        "viện kiêm Chủ tịch Quốc hội Myanmar đã hội đàm với Chủ tịch Quốc hội Nguyễn Thị Kim Ngân; "
        "gặp Bí thư Thành ủy Thành phố Hồ Chí Minh Nguyễn Thiện Nhân.",
        {("Quốc hội Myanmar", "Quốc hội"), ("Quốc hội Myanmar", "Hồ Chí Minh")},
    ),
    (  # the place visited, then its address in brackets
        "Chủ tịch Hương Khê nói về xả lũ\nNgày 17/10, đoàn công tác Bộ Công thương do ông Đỗ Đức "
        "Quân làm Trưởng đoàn đã đến nhà máy thủy điện Hố Hô (huyện Hương Khê, Hà Tĩnh) làm việc.",
        {("Bộ Công Thương", "Hà Tĩnh")},
    ),
    (  # the meeting on the trip is a visit of the same side too
        "Phó Chủ tịch Quốc hội thăm Nhật Bản\nTiếp tục chuyến thăm Nhật Bản, chiều nay (4/7), Phó "
        "Chủ tịch Quốc hội Uông Chu Lưu cùng đoàn đại biểu Quốc hội Việt Nam đã hội kiến với Chủ "
        "tịch Hạ viện Nhật Bản - ông Tadamori Oshima.",
        {("Quốc hội", "Nhật Bản"), ("Quốc hội", "Hạ viện Nhật Bản")},
    ),
    (  # the official met, named after the verb, stands for his country (visits.v8)
        "Chủ tịch Cuba Raul Castro đón Tổng Bí thư Nguyễn Phú Trọng\nNgay sau lễ đón chính thức, "
        "tại Cung Cách mạng ở La "
        "Habana, Tổng Bí thư Nguyễn Phú Trọng đã hội đàm với đồng chí Raul Castro Ruz, Bí thư thứ "
        "nhất Ban Chấp hành Trung ương Đảng Cộng sản Cuba.",
        {("Trung ương Đảng", "Cuba")},
    ),
    (  # talks abroad: ours travelled, whoever the sentence names first
        "Thủ tướng Nhật cảm ơn Việt Nam\nThủ tướng Nguyễn Xuân Phúc đang thăm Nhật Bản sau khi dự "
        "Thượng đỉnh G20.\nThủ tướng Nhật Bản Shinzo Abe hội đàm với Thủ tướng Việt Nam Nguyễn "
        "Xuân Phúc hôm nay.",
        {("Chính phủ", "Nhật Bản")},
    ),
    (  # talks at home: the lead has the guest "thăm hữu nghị chính thức Việt Nam"
        "Đại tướng Ngô Xuân Lịch hội đàm với Phó Chủ tịch Quân ủy Trung ương Trung Quốc\nNhận lời "
        "mời của Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc phòng Việt Nam, Thượng tướng Phạm "
        "Trường Long, Phó Chủ tịch Quân ủy Trung ương Trung Quốc thăm hữu nghị chính thức Việt Nam "
        "từ ngày 18 - 19/6.",
        {("Trung Quốc", "Bộ Quốc phòng")},
    ),
    (  # "Trong chuyến thăm …, <official>": the official after the opening clause visits
        "Cận cảnh căn hộ 100 triệu Bí thư Thăng muốn TPHCM học tập\nTrong chuyến thăm tại các dự "
        "án nhà ở xã hội của tỉnh Bình Dương mới đây, Bí thư Thành ủy TP.HCM Đinh La Thăng bày tỏ "
        "mong muốn được học tập kinh nghiệm xây dựng nhà ở xã hội tại đây.",
        {("Hồ Chí Minh", "Bình Dương")},
    ),
    (  # … not one named further on: the guest right after the comma visits, and a guest's stay
        # in the capital is no visit to the city (visits.v16)
        "Báo Mỹ: Việt Nam mua tàu ngầm Kilo\nTrong chuyến thăm Hà Nội, thủ tướng Nhật Bản Shinzo Abe "
        "đã nhất trí với thủ tướng Việt Nam Nguyễn Xuân Phúc về việc cung cấp 6 tàu tuần tra.",
        set(),
    ),
    (  # a romanised name's office without its country is not our ministry's
        "Trung Quốc trả đũa Hàn Quốc\nBộ trưởng Tài chính Yoo Il-ho hồi tháng trước cho biết những "
        "bất ổn liên quan đến Trung Quốc sẽ ảnh hưởng.",
        set(),
    ),
    (  # "tiếp đến là" is "next in the list", nobody goes anywhere
        "Bạo lực làm Mỹ Latinh thiệt hại 3,5% GDP\nHonduras và El Salvador là hai quốc gia bị ảnh "
        "hưởng nặng nề nhất, tiếp đến là Bahamas với 4,8% GDP.",
        set(),
    ),
    (  # a phone call is no visit
        "Chủ tịch nước điện đàm với Tổng thống Putin\nChiều 5/2, Chủ tịch nước Trần Đại Quang đã "
        "điện đàm với Tổng thống Nga Vladimir Putin.",
        set(),
    ),
    (  # every official of the list the guest calls on is a host (visits.v11)
        "Phó Chủ tịch Quân ủy Trung ương Trung Quốc thăm Việt Nam\nChiều cùng ngày, Thượng tướng "
        "Phạm Trường Long, Phó Chủ tịch Quân ủy Trung ương Trung Quốc đang thăm Việt Nam đến chào "
        "xã giao Tổng bí thư Nguyễn Phú Trọng, Chủ tịch nước Trần Đại Quang, Thủ tướng Nguyễn "
        "Xuân Phúc.",
        {
            ("Trung Quốc", "Trung ương Đảng"),
            ("Trung Quốc", "Chủ tịch nước"),
            ("Trung Quốc", "Chính phủ"),
        },
    ),
    (  # the office alone after the opening clause is the visitor (visits.v12)
        "Thủ tướng thăm ' thủ đô phương bắc ' nước Nga\nTrong khuôn khổ chuyến thăm chính thức "
        "Liên bang Nga, ngày 21-5, Thủ tướng và đoàn đại biểu cấp cao Việt Nam thăm TP Saint "
        "Petersburg - ' thủ đô phương bắc ' của nước Nga.",
        {("Chính phủ", "Nga")},
    ),
    (  # a province of the country visited, written as the gold writes one (visits.v13)
        "Chủ tịch nước thăm nhà máy của Nhật\nNgay sau khi đặt chân xuống sân bay quốc tế Haneda "
        "(Tokyo, Nhật Bản), chiều 29-5, Chủ tịch nước Trần Đại Quang đã tới thăm tỉnh Gunma, cách "
        "thủ đô Tokyo khoảng 120km.",
        {("Chủ tịch nước", "tỉnh Gunma (Nhật Bản)"), ("Chủ tịch nước", "Nhật Bản")},
    ),
    (  # the capital named last is the venue of talks with an official named first (visits.v34)
        "Việt - Pháp ký kết các thỏa thuận trị giá 10 tỷ USD\nThủ tướng Pháp Edouard Philippe "
        "thông báo các thỏa thuận có giá trị lên tới 10 tỷ USD. Ông Philippe nói trong cuộc họp "
        "báo chung sau hội đàm với Thủ tướng Việt Nam Nguyễn Xuân Phúc tại Hà Nội.",
        {("Pháp", "Chính phủ")},
    ),
    (  # a visit to a country's city is a visit to the country (visits.v33)
        "Chủ tịch nước Trần Đại Quang đi thăm thành phố Saint Petersburg\nChiều 30/6, Chủ tịch "
        "nước Trần Đại Quang và Phu nhân, cùng Đoàn đại biểu cấp cao Việt Nam rời Thủ đô Moskva "
        "đi thăm thành phố Saint Petersburg, tiếp tục các hoạt động trong khuôn khổ chuyến thăm "
        "chính thức Liên bang Nga.",
        {("Chủ tịch nước", "thành phố Saint Petersburg (Nga)"), ("Chủ tịch nước", "Nga")},
    ),
    (  # an official who says something is not the subject of what he reports
        "Đoàn tàu đầu tiên tuyến Cát Linh - Hà Đông về Hà Nội\nNgày 19/2, ông Lê Kim Thành, Tổng "
        "Giám đốc Ban Quản lý dự án Đường sắt (Bộ Giao thông Vận tải) cho biết, đoàn tàu đầu tiên "
        "của dự án đã về đến Hà Nội.",
        set(),
    ),
    (  # a foreign official named again by the surname is the subject; the capital is the venue
        "Bộ trưởng Sergei Shoigu thăm Việt Nam\nTrong chuyến thăm chính thức đến Việt Nam từ 22-23/1,"
        " Bộ trưởng Quốc phòng Nga Sergei Shoigu cho biết hai nước chuẩn bị tập trận chung.\n"
        '" Hợp tác giữa hai nước mang tính chiến lược", ông Shoigu cho biết trong cuộc hội đàm '
        "tại Hà Nội với Chủ tịch nước Trần Đại Quang.\nSau cuộc hội đàm với Bộ trưởng Ngô Xuân "
        "Lịch, Bộ trưởng Quốc phòng Shoigu đã đến chào xã giao Tổng Bí thư Nguyễn Phú Trọng.",
        # the minister's official visit to the country is to his counterpart (visits.v35)
        {("Nga", "Chủ tịch nước"), ("Nga", "Trung ương Đảng"), ("Nga", "Bộ Quốc phòng")},
    ),
    (  # the guest named after "chuyến thăm Việt Nam của" visits his counterpart (visits.v35)
        "Tàu sân bay Mỹ sẽ đến Đà Nẵng\nViệc tàu sân bay Mỹ thăm Việt Nam được lãnh đạo Bộ Quốc "
        "phòng hai nước trình lãnh đạo cấp cao phê duyệt trong chuyến thăm Việt Nam của Bộ trưởng "
        "Quốc phòng Mỹ James Mattis vào cuối tháng một.",
        {("Hoa Kỳ", "Bộ Quốc phòng")},
    ),
    (  # another's trip recalled, an intention, a postponed trip: no counterpart (visits.v35)
        "Ngoại trưởng Mỹ gửi lời chúc\nNgoại trưởng Pompeo cũng nhắc lại chuyến thăm Việt Nam lần "
        "thứ hai của Tổng thống Mỹ Donald Trump hồi tháng 2-2019. Ngoại trưởng Tillerson cũng thông"
        " báo ý định thăm chính thức Việt Nam vào một thời điểm phù hợp. Trưa 20-3, Đại sứ quán Nga"
        " cho biết chuyến thăm Việt Nam của Ngoại trưởng Nga Sergei Lavrov sẽ chuyển sang các ngày"
        " 22 và 23-3.",
        set(),
    ),
    (  # a trip named as a noun: its host after "thăm", its visitor after "của" (visits.v36)
        "Quan hệ Việt - Úc\nQuan hệ được nâng cấp vào tháng 3-2018 nhân chuyến thăm Australia của "
        "Thủ tướng Nguyễn Xuân Phúc. Chủ tịch Chính hiệp Du Chính Thanh đánh giá cao ý nghĩa quan "
        "trọng của chuyến thăm Trung Quốc của Chủ tịch nước Trần Đại Quang.",
        {("Chính phủ", "Australia"), ("Chủ tịch nước", "Trung Quốc")},
    ),
    (  # ... but not one ahead, prepared for or called off (visits.v36)
        "Quan hệ Việt - Nhật\nTrước thềm chuyến thăm Nhật Bản của Thủ tướng Nguyễn Xuân Phúc, hai "
        "bên đã họp. Đây là bước chuẩn bị cho chuyến thăm Nga sắp tới của Chủ tịch nước Trần Đại "
        "Quang.",
        set(),
    ),
    (  # ministries by their initials with spaces are visitors (extract.gazetteer, visits.v37)
        "Cá chết\nTrước đó, Bộ trưởng Bộ TN - MT Trần Hồng Hà trong chuyến làm việc với UBND tỉnh "
        "Hà Tĩnh cũng đã trực tiếp chỉ đạo phải giải quyết ngay.",
        {("Bộ Tài nguyên và Môi trường", "Hà Tĩnh")},
    ),
    (  # the speaker comments on a trip; workers sent abroad; the Prime Minister whose
        # instruction a ministry carries out is no visitor (visits.v37)
        "Lễ hội\nQuán triệt thực hiện Chỉ thị của Thủ tướng Chính phủ về công tác quản lý lễ hội,"
        " lãnh đạo Bộ Văn hóa, Thể thao & Du lịch cùng các đơn vị chức năng tổ chức kiểm tra công"
        " tác chuẩn bị lễ hội tại Đền Trần Thương (Hà Nam). Bà Lê Thị Thu Hằng, người phát ngôn Bộ"
        " Ngoại giao Việt Nam chiều nay trả lời câu hỏi về chuyến thăm Nga của lãnh đạo Triều "
        "Tiên. Đây là mục tiêu mà Bộ LĐTBXH hướng tới khi xây dựng dự thảo Đề án “Đưa lao động có"
        " trình độ chuyên môn kỹ thuật đi làm việc ở nước ngoài” sang làm việc tại Nhật Bản.",
        set(),
    ),
    (  # ... but the official after "của" made the trip commented on (visits.v37)
        "Dư luận quốc tế\nTrang mạng Asia Sentinel cùng ngày cũng đăng bài bình luận về chuyến "
        "thăm Hoa Kỳ của Thủ tướng Nguyễn Xuân Phúc do tác giả David Brow thực hiện.",
        {("Chính phủ", "Hoa Kỳ")},
    ),
    (  # the inviter is not where the guest goes; a foreign province's head receives abroad
        # (visits.v38)
        "Chủ tịch nước đến thăm Phúc Kiến\nTỉnh trưởng Tỉnh Phúc Kiến Vũ Vi Quốc đón Chủ tịch nước"
        " Trần Đại Quang tại chân cầu thang máy bay. Ông Tập sẽ dự hội nghị cấp cao APEC tại thành"
        " phố Đà Nẵng vào ngày 10 và 11/11, theo lời mời của Chủ tịch nước Trần Đại Quang.",
        set(),
    ),
    (  # workers going abroad to work visit nobody (visits.v35)
        "Nhiều cơ hội việc làm\nTheo Giám đốc Sở Lao động – Thương binh và Xã hội Hà Nội Khuất "
        "Văn Thành, đến nay TP. Hà Nội có 5.082 lao động sang Hàn Quốc làm việc.",
        set(),
    ),
    (  # a foreign youth union is a body of its own; ours is named as the gold names it
        "Lãnh đạo TP. HCM tiếp đoàn đại biểu cấp cao Trung ương Đoàn TNCS Cuba\nChiều 21-5, Chủ "
        "tịch UBND TP. HCM Nguyễn Thành Phong đã có buổi gặp gỡ đoàn đại biểu cấp cao Trung ương "
        "Đoàn TNCS Cuba do bà Susely Morfa González dẫn đầu.",
        {("Trung ương Đoàn TNCS Cuba", "Hồ Chí Minh")},
    ),
    (
        "Đoàn đại biểu Trung ương Đoàn thăm Trung Quốc\nNgày 22-5, đoàn đại biểu Trung ương Đoàn "
        "TNCS Hồ Chí Minh do Bí thư thứ nhất Lê Quốc Phong dẫn đầu đã thăm Trung Quốc.",
        {("Trung ương Đoàn TNCS Hồ Chí Minh", "Trung Quốc")},
    ),
    (  # several bodies crossed with several places: an inspection's scope (visits.v14)
        "Thanh tra đất quốc phòng\nVụ II Thanh tra Chính phủ được giao thanh tra tại Bộ Quốc phòng"
        ", Bộ Công an trong việc chuyển đổi đất quốc phòng ở Hà Nội, TPHCM, Cần Thơ, Đà Nẵng.",
        set(),
    ),
    (  # a football club, a street and a nationality are no actors (visits.v14)
        "FLC Thanh Hóa đón tin vui\nĐội bóng xứ Thanh sẽ đón tiếp CLB bóng đá HCM vào 16h ngày 11/2 "
        "trên sân nhà. Chủ tịch UBND TP Đà Nẵng kiểm tra công trình hầm chui nút giao Điện Biên "
        "Phủ. Quán chỉ tiếp người Trung Quốc.",
        set(),
    ),
    (  # an official who orders an inspection does not make it (visits.v14)
        "Yêu cầu làm rõ vụ bạo hành trẻ\nThứ trưởng Bộ GD&ĐT Nguyễn Thị Nghĩa vừa ký văn bản gửi Sở "
        "GD&ĐT Hà Nội chỉ đạo, kiểm tra thông tin vụ bạo hành trẻ tại quận Hai Bà Trưng, Hà Nội.",
        set(),
    ),
    (  # two foreign sides are out of scope (visits.v14)
        "Biển người Triều Tiên chào đón Tập Cận Bình\nNgày 20-6, Chủ tịch Trung Quốc Tập Cận Bình "
        "đã tới thăm Triều Tiên.",
        set(),
    ),
    (  # a committee of a foreign chamber is a body of its own (visits.v14)
        "Bộ trưởng Bộ Quốc phòng tiếp Đoàn Ủy ban Quân lực Thượng viện Hoa Kỳ\nChiều 31/5, tại Hà "
        "Nội, Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc phòng đã tiếp Đoàn Ủy ban Quân lực Thượng "
        "viện Hoa Kỳ do Thượng nghị sỹ John McCain dẫn đầu đang thăm, làm việc tại Việt Nam.",
        {("Ủy ban Quân lực Thượng viện Hoa Kỳ", "Bộ Quốc phòng")},
    ),
    (  # "liên tiếp" (in a row) is not "tiếp" (receive) (visits.v15)
        "Giá vàng tăng phiên thứ 8 liên tiếp\nĐây là phiên thứ 2 liên tiếp vàng thế giới tăng mạnh, "
        "nhà đầu tư đang phân tích những yếu tố ảnh hưởng đến kinh tế và chính sách điều hành của "
        "Tổng thống Mỹ Donald Trump. Giá vàng SJC tại TP.HCM tăng 50.000 đồng.",
        set(),
    ),
    (  # a match is no visit (visits.v15)
        "U23 Việt Nam diện đồ trắng\nU23 Việt Nam mặc áo trắng tiếp Malaysia trên sân Chi Lăng, "
        "TP Đà Nẵng. Đến 8/3 Than Quảng Ninh sẽ tiếp đón đối thủ đến từ Myanmar.",
        set(),
    ),
    (  # a minister who writes to a province from afar is not there (visits.v15)
        "Bộ trưởng gửi thư khen nhân viên\nHôm nay (6/2), Bộ trưởng Bộ GTVT Trương Quang Nghĩa gửi "
        "thư khen cán bộ, nhân viên Đội An ninh hàng không thuộc Cảng Hàng không Thọ Xuân, Thanh "
        "Hóa đã nhiều lần phát hiện và trả lại tài sản cho hành khách.",
        set(),
    ),
    (  # a late or former official acts for no body (visits.v15)
        "Lễ viếng tại TP. HCM\nSáng 21-3, nhiều phái đoàn tại TP. HCM đến viếng cố Thủ tướng Phan "
        "Văn Khải tại Hội trường Thống Nhất. Đó là chia sẻ của bà Trương Mỹ Hoa, nguyên Phó Chủ "
        "tịch nước tại buổi lễ diễn ra tại TP. HCM.",
        set(),
    ),
    (  # an official named at an event in the province is there (visits.v15 keeps it)
        "Thủ tướng dự hội nghị ngành tôm\nNgày 6/2, tại tỉnh Cà Mau, Thủ tướng Chính phủ Nguyễn "
        "Xuân Phúc chủ trì Hội nghị ngành tôm Việt Nam.",
        {("Chính phủ", "Cà Mau")},
    ),
    (  # a complaint sent to a ministry, an appointment: nobody travels (visits.v15)
        "Phục chức nguyên phó chánh thanh tra\nÔng Lê Khả Đoàn, nguyên Phó Chánh Thanh tra tỉnh "
        "Hậu Giang, đã khiếu nại. Ông Đoàn khiếu nại đến Bộ Nội vụ. Thứ trưởng Đỗ Đức Duy nhận "
        "nhiệm vụ mới tại Yên Bái.",
        set(),
    ),
    (  # a province's own deputies at work in it are no visit by the Assembly (visits.v15)
        "TP. HCM: khó xử lý các vụ bắt trẻ ăn xin\nSáng 16-8, Đoàn đại biểu Quốc hội TP. HCM đã "
        "có buổi làm việc với UBND quận 12 giám sát về việc thực hiện Luật trẻ em.",
        set(),
    ),
    (  # "Công ty TNHH BOT Sóc Trăng" is a company, not the province (visits.v15)
        "Sẽ miễn giảm phí BOT\nÔng Nguyễn Văn Phương - chủ tịch HĐQT Công ty TNHH BOT Sóc Trăng "
        "khẳng định như vậy sau khi làm việc với Bộ Giao thông vận tải chiều 8-1.",
        set(),
    ),
    (  # "về những nội dung" (about), "dự án" and "đưa đón" put no official anywhere (v15)
        "Kiểm điểm lãnh đạo Phú Yên\nÔng Hoàng Văn Trà - chủ tịch UBND tỉnh Phú Yên - vừa ký kế "
        "hoạch kiểm điểm về những nội dung liên quan kết luận của Phó thủ tướng Trương Hòa Bình về "
        "một số dự án. Các cán bộ đưa đón bộ trưởng Bộ Công thương Trần Tuấn Anh đã có thẻ.",
        set(),
    ),
    (  # a verb may open the sentence; its hosts stand before the subject's comma (v15)
        "Thủ tướng tin sẽ có sự bùng nổ đầu tư của Canada\nHội kiến với Toàn quyền Canada Julie "
        "Payette trước đó, Thủ tướng Nguyễn Xuân Phúc đề nghị Canada tiếp tục thúc đẩy phong trào "
        "Pháp ngữ. Làm việc tại Q.2 sáng 7.2, Ủy viên Bộ Chính trị, Bí thư Thành ủy TP.HCM Đinh La "
        "Thăng yêu cầu chính quyền quận phải kéo giảm tai nạn giao thông.",
        {("Chính phủ", "Canada")},
    ),
    (  # the delegation met is the side that came, unless the subject leads one (visits.v15)
        "Ông Nguyễn Thiện Nhân: TP HCM thu ngân sách nhiều\nLàm việc với đoàn công tác của Thủ "
        "tướng Nguyễn Xuân Phúc chiều 12/4, Bí thư Thành ủy TP HCM Nguyễn Thiện Nhân cho biết, dân "
        "số thành phố chiếm 9,5%.",
        {("Chính phủ", "Hồ Chí Minh")},
    ),
    (
        "Cứu hộ tàu mắc cạn trên biển Bình Thuận\nSáng 1/7, UBND tỉnh Bình Thuận làm việc với đoàn "
        "công tác của Ủy ban Quốc gia Tìm kiếm Cứu nạn về việc hỗ trợ công tác cứu hộ tàu.",
        {("Ủy ban Quốc gia Tìm kiếm Cứu nạn", "Bình Thuận")},
    ),
    (  # workers employed abroad make no visit (visits.v15)
        "Lao động Việt Nam ở Qatar vẫn đang làm việc bình thường\nCục Quản lý lao động ngoài nước "
        "(Bộ Lao động - Thương binh và Xã hội) vừa thông tin về tình hình lao động của Việt Nam "
        "đang làm việc tại Qatar.",
        set(),
    ),
    (  # a capital stands for its country; "Czech" is the Czech Republic (gazetteer)
        "Thủ tướng thăm Czech và Úc\nNgày 14-3, tại Canberra, Thủ tướng Nguyễn Xuân Phúc đã hội đàm "
        "với Thủ tướng Malcolm Turnbull. Ngày 17-4, Thủ tướng Nguyễn Xuân Phúc thăm Czech.",
        {("Chính phủ", "Australia"), ("Chính phủ", "Cộng hòa Séc")},
    ),
    (  # an international organisation is a foreign side (visits.v26)
        "Interpol thăm Việt Nam\nChiều 6/7, đoàn đại biểu cấp cao Interpol do Tổng Thư ký Jurgen "
        "Stock dẫn đầu đã thăm và làm việc tại Bộ Công an.",
        {("Interpol", "Bộ Công an")},
    ),
    (  # a ministry's "bộ" in lower case; "nơi làm việc" is a workplace, not working (v16)
        "Đà Nẵng khát nước\nNgày 15/11, đoàn công tác của bộ Tài nguyên Môi trường do ông Châu Trần "
        "Vĩnh dẫn đầu đã có buổi làm việc với các nhà máy nước tại TP. Đà Nẵng. Cơ quan CSĐT bộ "
        "Công an đã khám xét nơi làm việc đối với ông Đào Tấn Bằng ở Đà Nẵng.",
        {("Bộ Tài nguyên và Môi trường", "Đà Nẵng")},
    ),
    (  # a foreign ministry's name ends with its country; its romanised minister is not ours
        "Tăng cường hợp tác Việt-Lào\nNgày 21/6, tại Hà Nội, Phó Thủ tướng Trịnh Đình Dũng đã tiếp "
        "Đoàn cán bộ cao cấp của Bộ Bưu chính và Viễn thông Lào do Bộ trưởng Thansamay Kommasith "
        "dẫn đầu sang thăm và làm việc tại Việt Nam. Bộ Thông tin và Truyền thông có mặt.",
        {("Lào", "Chính phủ")},
    ),
    (  # every place a stop lists after "; thăm và làm việc tại" (visits.v16)
        "Chủ tịch Quốc hội Cuba kết thúc chuyến thăm\nĐoàn đại biểu cấp cao Quốc hội Cuba đã thăm "
        "Học viện Chính trị; thăm và làm việc tại Thành phố Hồ Chí Minh, tỉnh Bến Tre, tỉnh Sơn La.",
        {
            ("Quốc hội Cuba", "Hồ Chí Minh"),
            ("Quốc hội Cuba", "Bến Tre"),
            ("Quốc hội Cuba", "Sơn La"),
        },
    ),
    (  # a parliament's chair acts for it, not for their party's country (people.v13)
        "Việt Nam nhất quán lập trường ủng hộ Cuba\nChiều 12/6, tại Trụ sở Chính phủ, Thủ tướng "
        "Nguyễn Xuân Phúc tiếp ông Esteban Lazo Hernandez, Ủy viên Bộ Chính trị Đảng Cộng sản "
        "Cuba, Chủ tịch Quốc hội Cuba đang thăm Việt Nam.",
        {("Quốc hội Cuba", "Chính phủ")},
    ),
    (  # a central body in Hà Nội, where it sits, visits the city only by meeting its government
        "APEC: Mọi kế hoạch sẽ không thành nếu thiếu lòng tin\nSáng 20-5, Thủ tướng Nguyễn Xuân "
        "Phúc đã tham dự và có bài phát biểu tại hội nghị các Bộ trưởng phụ trách Thương mại APEC "
        "tại Hà Nội. Chiều 21-5, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến làm việc với UBND TP Hà Nội.",
        {("Bộ Y tế", "Hà Nội")},
    ),
    (  # … and so does a foreign guest: arriving in the capital is no visit to the city
        "Bộ trưởng Quốc phòng Mỹ James Mattis đến Hà Nội\nChiều 24/1, Bộ trưởng Quốc phòng Mỹ James "
        "Mattis đã tới Hà Nội, bắt đầu chuyến thăm Việt Nam.",
        set(),
    ),
    (  # an official who approves from afar is not in the province (visits.v16)
        "Sắp có tuyến đường bộ ven biển tỉnh Nam Định\nThủ tướng Nguyễn Xuân Phúc đã đồng ý cho "
        "UBND tỉnh Nam Định chủ trì triển khai các thủ tục đầu tư xây dựng tuyến đường bộ ven biển.",
        set(),
    ),
    (  # the visit told after a leader's praise is the praised leader's (visits.v16)
        "Tổng bí thư tiếp Phó Chủ tịch Quân ủy trung ương TQ\nChủ tịch nước Trần Đại Quang đánh giá "
        "cao việc Tổng bí thư, Chủ tịch TQ Tập Cận Bình đã sớm nhận lời thăm cấp nhà nước tới VN và "
        "tham dự Tuần lễ cấp cao APEC lần thứ 25, tại TP Đà Nẵng.",
        {("Trung Quốc", "Đà Nẵng")},
    ),
    (  # the news agency's spelling of a country (gazetteer, visits.v17)
        "Chủ tịch nước thăm chính thức Cộng hòa Bê-la-rút\nChiều 26-6, Chủ tịch nước Trần Đại "
        "Quang đã tới thủ đô Min-xcơ, bắt đầu chuyến thăm chính thức Cộng hòa Bê-la-rút.",
        {("Chủ tịch nước", "Belarus")},
    ),
    (  # where the leader has just arrived is the host (visits.v17)
        "Thủ tướng thăm Tổng Lãnh sự quán Việt Nam tại Frankfurt\nNgay sau khi đến thành phố "
        "Frankfurt, bang Hessen, Cộng hòa Liên bang Đức, chiều 5/7, Thủ tướng Nguyễn Xuân Phúc đã "
        "tới thăm cán bộ, nhân viên Tổng lãnh sự quán Việt Nam tại thành phố Frankfurt.",
        {("Chính phủ", "Đức")},
    ),
    (  # the venue of talks is not the delegation met there (visits.v17); the delegation is
        # Interpol's (visits.v26)
        "Tăng cường hợp tác giữa Bộ Công an Việt Nam và Interpol\nChiều 6/7, tại Hà Nội, Thượng "
        "tướng Tô Lâm, Bộ trưởng Bộ Công an đã hội đàm với Đoàn đại biểu cấp cao Ban Tổng Thư ký "
        "Tổ chức Cảnh sát Hình sự Quốc tế (Interpol) do ông Jurgen Stock dẫn đầu.",
        {("Interpol", "Bộ Công an")},
    ),
    (  # a receiving verb opening the sentence: the host is after the comma (visits.v17)
        "Thủ tướng tiếp lãnh đạo các đảng\nTiếp Thống đốc tỉnh Aichi - ông Hideaki Omura, Thủ "
        "tướng Chính phủ Nguyễn Xuân Phúc bày tỏ hài lòng về quan hệ giữa TPHCM và tỉnh Aichi.",
        set(),
    ),
    (  # the office alone receives as its body (visits.v17)
        "Thủ tướng tiếp Phó Chủ tịch Quân ủy Trung ương Trung Quốc\nThủ tướng tiếp Thượng tướng "
        "Phạm Trường Long, Phó Chủ tịch Quân ủy Trung ương Trung Quốc.",
        {("Trung Quốc", "Chính phủ")},
    ),
    (  # "sự đón tiếp … của X": X received (visits.v17)
        "Tăng cường hợp tác thương mại Việt Nam - Hoa Kỳ\nBộ trưởng Công Thương Trần Tuấn Anh cám "
        "ơn sự đón tiếp nồng hậu của Đại diện Thương mại Hoa Kỳ Robert Lighthizer cho chuyến thăm.",
        {("Bộ Công Thương", "Hoa Kỳ")},
    ),
    (  # the Secretariat's team; its member acts for his own department (visits.v19)
        "Đoàn kiểm tra của Ban Bí thư Trung ương Đảng làm việc tại Hưng Yên\nNgày 5/7, Đoàn kiểm "
        "tra của Ban Bí thư Trung ương Đảng do đồng chí Võ Văn Thưởng, Bí thư Trung ương Đảng, "
        "Trưởng Ban Tuyên giáo Trung ương làm Trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy "
        "Hưng Yên.",
        {("Ban Bí thư", "Hưng Yên"), ("Ban Tuyên giáo Trung ương", "Hưng Yên")},
    ),
    (  # a royal's country (visits.v20)
        "Phó Thủ tướng Vương Đình Huệ tiếp Hoàng hậu Hà Lan Maxima\nChiều 1/6, tại Trụ sở Chính "
        "phủ, Phó Thủ tướng Vương Đình Huệ đã thân mật tiếp Hoàng hậu Hà Lan Maxima.",
        {("Hà Lan", "Chính phủ")},
    ),
    (  # our Prime Minister abroad receiving that country's guests: the trip is the visit
        "Thủ tướng tiếp Thống đốc tỉnh Ibaraki\nChiều 4/6, tại Tokyo, trong khuôn khổ chuyến thăm "
        "chính thức Nhật Bản, Thủ tướng Chính phủ Nguyễn Xuân Phúc đã tiếp ông Masaru Hashimoto, "
        "Thống đốc tỉnh Ibaraki (Nhật Bản). Thống đốc hoan nghênh Thủ tướng Nguyễn Xuân Phúc dẫn "
        "đầu đoàn đại biểu Chính phủ có chuyến thăm quan trọng tới Nhật Bản.",
        {("Chính phủ", "Nhật Bản")},
    ),
]


def test_a_second_verb_after_a_future_visit_is_future() -> None:
    """ "sẽ thăm VN và tham dự … tại Đà Nẵng": no visit to Đà Nẵng yet (visits.v21)."""
    text = (
        "Tổng thống Mỹ khẳng định sẽ thăm VN\nTại cuộc gặp giữa Thủ tướng Nguyễn Xuân Phúc và Tổng "
        "thống Hợp chúng quốc Hoa Kỳ Donald Trump, ông Trump khẳng định sẽ thăm VN và tham dự hội "
        "nghị Cấp cao APEC tại Đà Nẵng tháng 11 tới."
    )
    found = {(v["visitor"]["name"], v["host"]["name"]) for v in extract_text(text)["visits"]}
    assert ("Hoa Kỳ", "Đà Nẵng") not in found


def test_a_companion_of_a_future_trip_has_not_travelled() -> None:
    """ "sẽ tháp tùng ông Barack Obama đến Hà Nội": a plan, as the leader's trip is (visits.v31)."""
    text = (
        "Ông Kerry sẽ tháp tùng Tổng thống Obama thăm Việt Nam\nNgoại trưởng Mỹ John Kerry theo "
        "lịch trình sẽ tháp tùng ông Barack Obama đến Hà Nội và TP HCM từ ngày 22 đến 25/5."
    )
    assert extract_text(text)["visits"] == []


@pytest.mark.parametrize(("text", "expected"), VISITS)
def test_visit_patterns(text: str, expected: set[tuple[str, str]]) -> None:
    found = {(v["visitor"]["name"], v["host"]["name"]) for v in extract_text(text)["visits"]}
    assert found == expected


PRACTICES = [
    (  # praise that names a way of working may close the sentence
        "Quảng Ninh tập huấn trực tuyến\nĐánh giá về cách làm này của Quảng Ninh, ông Mai Văn "
        "Trinh, Cục trưởng Cục quản lý chất lượng giáo dục, Bộ GD&ĐT đánh giá đây là cách làm "
        "sáng tạo.",
        {("Quảng Ninh", "education")},
    ),
    (  # "ấn tượng" praises what follows it, not a topic named before
        "Cuộc săn lùng đối tượng truy nã\nVị khách du lịch đặc biệt: chúng tôi được Thượng tá Đào "
        "Anh Tuấn, Phó Trưởng phòng Cảnh sát truy nã tội phạm, CATP Hà Nội kể chiến công ấn tượng "
        "mà đơn vị lập vào giữa năm 2016.",
        set(),
    ),
    (  # a province told to learn from another "trong việc" (practices.v5)
        "Quảng Nam: chống xói lở Cửa Đại\nPhó Chủ tịch Quốc hội Phùng Quốc Hiển cho rằng chính quyền "
        "tỉnh Quảng Nam có thể học tập tỉnh Cà Mau trong việc xây dựng công trình 2 lớp đê ngầm "
        "chắn sóng chống xói lở.",
        {("Cà Mau", "disaster")},
    ),
    (  # "gây ấn tượng" with tourists praises no practice (practices.v4)
        "Đắk Lắk - Vùng đất di sản\nĐắk Lắk gây ấn tượng mạnh mẽ với du khách bởi những sắc màu "
        "văn hóa độc đáo, những sản phẩm làng nghề truyền thống.",
        set(),
    ),
    (  # learning from a province named right after the cue: the headline's one topic
        # (practices.v6); "nhà giá rẻ" is housing
        "Đến năm 2020, TP.HCM ra mắt 30.000 nhà ở giá rẻ\nÔng Lê Văn Khoa, Phó chủ tịch UBND TP, "
        "đề nghị Sở Xây dựng học hỏi kinh nghiệm của tỉnh Bình Dương để áp dụng theo tình hình "
        "thực tế ở TP.HCM. Hà Nội sẽ học tập kinh nghiệm phát triển từ các đô thị EU.",
        {("Bình Dương", "housing")},
    ),
    (  # a locality leading the way in something (practices.v7)
        "Xây dựng thành phố môi trường\nTrong những năm qua, Đà Nẵng luôn là địa phương đi tiên "
        "phong trong lĩnh vực bảo vệ, giữ gìn môi trường.",
        {("Đà Nẵng", "environment")},
    ),
    (  # a model fit to be spread (practices.v7)
        "Làng chài giữ biển sạch\nNgười dân làng chài thực hiện bảo vệ môi trường biển một cách "
        "chủ động, là mô hình có thể nhân rộng đến các làng chài trên địa bàn tỉnh Quảng Ninh.",
        {("Quảng Ninh", "environment")},
    ),
    (  # a way other provinces are to learn (practices.v8)
        "Nhân rộng mô hình camera giám sát khu dân cư\nThứ trưởng đề nghị Công an TP HCM báo cáo "
        "mô hình camera an ninh giám sát khu dân cư để các tỉnh thành khác nếu có điều kiện sẽ "
        "học tập, triển khai theo.",
        {("Hồ Chí Minh", "security")},
    ),
    (  # leading a ranking is no practice (practices.v7)
        "Đà Nẵng dẫn đầu PCI\nThành phố Đà Nẵng 3 năm liền dẫn đầu về chỉ số năng lực cạnh tranh "
        "cấp tỉnh, phản ánh sự hài lòng của doanh nghiệp với cải cách hành chính của thành phố.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRACTICES)
def test_practice_patterns(text: str, expected: set[tuple[str, str]]) -> None:
    found = {(p["province"], p["topic"]) for p in extract_text(text)["practices"]}
    assert found == expected


# (title + sentence from the corpus, expected (province, indicator, value))
INDICATORS = [
    (  # "tăng/giảm 1 đơn vị" is a change in a measure, not units merged away (indicators.v26)
        "Hệ số P/E ở TP HCM\nTại TP HCM, kết quả mô hình hồi quy cho thấy, tốc độ Egrowth "
        "tăng/giảm 1 đơn vị thì tỷ lệ P/E tăng/giảm 0,107 đơn vị.\nRiêng trong năm 2020, tỉnh Hà "
        "Tĩnh đã sáp nhập 80 đơn vị hành chính (ĐVHC) cấp xã, giảm 46 ĐVHC cấp xã.",
        {("Hà Tĩnh", "admin_units_reduced", 46.0)},
    ),
    (  # a country's tourists are a share of the province's (indicators.v25)
        "Du lịch Khánh Hòa\nNăm nay, Khánh Hòa đón hơn 2 triệu lượt khách quốc tế, trong đó khách "
        "du lịch Trung Quốc chiếm hơn 1,4 triệu lượt, tăng hơn 34%, khách Nga đạt 289.000 lượt.",
        {("Khánh Hòa", "tourism", 2_000_000.0)},
    ),
    (  # projects begun, funded, signed or running, and one project's capital (indicators.v24)
        "TP HCM phát triển nhà ở xã hội\nĐến nay TP HCM đã có 9 dự án khởi công và 16 dự án công "
        "nhận chủ đầu tư. Trong giai đoạn 2016 – 2020 TP HCM mong được bố trí 9.963 tỷ đồng từ "
        "nguồn vốn của SCIC cho 36 dự án chống ngập cấp bách. Ông Nguyễn Vĩnh Ninh, Giám đốc Khu "
        "QLGT đô thị số 1 TP.HCM cho biết, tổng vốn đầu tư của hai dự án trên là 746 tỷ đồng.",
        set(),
    ),
    (
        "Thương hiệu Volkswagen trở lại Hà Nội\nVới số vốn đầu tư 30 tỷ đồng, Volkswagen Long Biên "
        "được xây dựng tại Hà Nội. Tỉnh Bình Phước đến nay đã có 125 dự án đi vào hoạt động.",
        set(),
    ),
    (  # a growth target right before its figure; "bình quân hàng năm" is no goods (indicators.v22)
        "Hà Nội họp giao ban\n“Để hoàn thành chỉ tiêu tăng trưởng cả năm của Hà Nội từ 8,5 - 9%, "
        "UBND TP Hà Nội sẽ quyết liệt chỉ đạo.\nTốc độ tăng trưởng tổng sản phẩm nội địa trên "
        "địa bàn tỉnh Nghệ An (GRDP) bình quân hàng năm từ 8% -8,5%.",
        {("Hà Nội", "grdp_growth", 8.5), ("Nghệ An", "grdp_growth", 8.0)},
    ),
    (  # foreign investment named after its money (indicators.v23)
        "Bình Phước thu hút FDI\nNửa đầu năm 2018, tỉnh Bình Phước thu hút hơn 310 triệu USD vốn "
        "FDI, tăng mạnh so với cùng kỳ.",
        {("Bình Phước", "fdi_capital", 310_000_000.0)},
    ),
    (  # a target the sentence gives the country's GDP (indicators.v22)
        "Kinh tế Đồng Nai\nĐại biểu tỉnh Đồng Nai cho rằng để GDP năm 2017 đạt được mục tiêu "
        "tăng trưởng 6,7%, cần tháo gỡ khó khăn.",
        set(),
    ),
    (  # a site named after the count, a city inside the province, a boat line (indicators.v18)
        "Vắt kiệt sức voi\nTrong khoảng 30.000 lượt khách đến du Xuân 2017 ở Khu Du lịch (KDL) Buôn "
        "Đôn (huyện Buôn Đôn, tỉnh Đắk Lắk), phần lớn đều thử cảm giác lạ trên lưng voi.\nNhờ vậy, "
        "thành phố Sa Đéc của tỉnh Đồng Tháp đã thu hút trên 272.000 lượt khách đến tham quan và du "
        "xuân.\nTuyến tàu cao tốc Sài Gòn - Cần Giờ Vũng Tàu của TP HCM đạt trên 184.000 lượt khách.",
        set(),
    ),
    (  # tourism revenue however it is worded; every site "trên địa bàn tỉnh" is the province's
        "Du lịch Huế đạt doanh thu trên 265 tỷ đồng trong tháng 1\nTheo UBND tỉnh Thừa Thiên - "
        "Huế, tháng đầu tiên của năm 2017, toàn tỉnh đón 229.600 lượt khách, tăng 5% so với cùng kỳ "
        "năm 2016; trong đó có 81.300 lượt khách quốc tế, tăng 4%; doanh thu xã hội từ du lịch đạt "
        "trên 265,21 tỷ đồng, tăng 7,8%.\nRiêng dịp Tết Nguyên đán Đinh Dậu 2017, tổng lượng khách "
        "đến vui xuân tại các điểm du lịch trên địa bàn tỉnh Vĩnh Long ước đạt 35.000 lượt khách; "
        "doanh thu từ ngành du lịch dịp Tết đạt khoảng 21 tỷ đồng. (indicators.v17)",
        {
            ("Thừa Thiên Huế", "tourism", 229600.0),
            ("Thừa Thiên Huế", "tourism", 81300.0),
            ("Thừa Thiên Huế", "tourism", 265210000000.0),
            ("Vĩnh Long", "tourism", 35000.0),
            ("Vĩnh Long", "tourism", 21000000000.0),
        },
    ),
    (  # money per kilometre is a unit cost, not a province's capital (indicators.v16)
        "Siêu dự án metro TP. HCM\nSuất vốn đầu tư tuyến metro số 3a khoảng hơn 110 triệu USD / km, "
        "trong khi suất vốn đầu tư dự án tuyến metro số 1 TP. HCM khoảng 97 triệu USD / km; tuyến "
        "metro 2 TP. Hà Nội khoảng 101 triệu USD / km.",
        set(),
    ),
    (  # a foreign country's figure: "đến/của <country>" right before it (indicators.v12)
        "Quảng Ninh ngậm ngùi nhìn khách quốc tế\nTrong năm 2017, khách quốc tế đến Singapore đạt "
        "17 triệu lượt. Tổng vốn vay của Trung Quốc cho tuyến đường sắt Hà Nội là 669,62 triệu USD.",
        set(),
    ),
    (  # a village's people's income is not the province's (indicators.v12)
        "Độc đáo Con đường nghệ thuật Tam Thanh, Quảng Nam\nNăm 2015, thu nhập bình quân của người "
        "dân thôn Trung Thanh là 24 triệu đồng/người/năm.",
        set(),
    ),
    (  # the country's growth named in the figure's clause, in a sentence naming a province
        "Nhà đầu tư ngoại đổ bộ vào TP. HCM\nTS Nguyễn Văn Bình, trường đại học Kinh tế TP. HCM "
        "phân tích: tăng trưởng kinh tế Việt Nam trong năm 2017 tốt (6,8%).",
        set(),
    ),
    (  # one project's or company's capital is not the province's investment (indicators.v12)
        "Đà Nẵng: Cấp chứng nhận đầu tư cho dự án logistics\nĐây là dự án dịch vụ logistics đầu "
        "tiên được đầu tư trong Khu CNC Đà Nẵng với tổng vốn đầu tư đăng ký hơn 316 tỷ đồng. Dự án "
        "đầu tư phát triển chăn nuôi lợn tại Vĩnh Phúc với số vốn đăng ký 200 triệu USD.",
        set(),
    ),
    (  # "số tiền ủng hộ là 12 tỷ đồng": a sum given, not a damage (indicators.v12)
        "Hà Nội không bắn pháo hoa\nThành phố lập 3 đoàn công tác đi thăm, tặng quà đồng bào các "
        "tỉnh miền Trung bị thiệt hại do lũ lụt gây ra, với số tiền ủng hộ là 12 tỷ đồng.",
        set(),
    ),
    (  # "tổng sản phẩm quốc nội trên địa bàn … tăng trưởng" is GRDP growth (indicators.v12)
        "Chuẩn bị xây dựng sân bay Long Thành\nTại kỳ họp HĐND tỉnh Đồng Nai, ông Thái cho biết, "
        "trong 6 tháng đầu năm 2017, tổng sản phẩm quốc nội trên địa bàn vẫn đạt mức tăng trưởng "
        "7,26% so với cùng kỳ.",
        {("Đồng Nai", "grdp_growth", 7.26)},
    ),
    (  # the province's FDI count after a company's projects; projects amended are no count
        "Trên 47 triệu USD đầu tư vào Quảng Ninh\nTỉnh Quảng Ninh cấp giấy chứng nhận đăng ký đầu "
        "tư điều chỉnh cho 6 dự án có vốn đầu tư trực tiếp nước ngoài. Hai dự án cấp mới của Công "
        "ty TNHH Texhong Việt Nam với tổng số vốn đăng ký đạt trên 20 triệu USD, nâng tổng số dự "
        "án FDI còn hiệu lực trên địa bàn tỉnh là 58 dự án.",
        {("Quảng Ninh", "fdi_projects", 58.0)},
    ),
    (  # "(GRDP)" between the product and its growth (indicators.v9)
        "TP.HCM: kinh tế 6 tháng tăng trưởng cao\nTrong 6 tháng đầu năm nay, kinh tế TP.HCM tiếp "
        "tục tăng trưởng. Tổng sản phẩm nội địa (GRDP) tăng 7,76%, chuyển dịch cơ cấu kinh tế theo "
        "hướng tích cực.",
        {("Hồ Chí Minh", "grdp_growth", 7.76)},
    ),
    (  # visitors counted with their noun before the figure …
        "Đà Nẵng: quản lý khách du lịch quốc tế\nTrong 7 tháng đầu năm 2019, tổng lượt khách du lịch "
        "đến Đà Nẵng ước đạt hơn 5 triệu, tăng 8.5% so với cùng kỳ.",
        {("Đà Nẵng", "tourism", 5e6)},
    ),
    (  # … not a bare figure further on, whose noun is only in an earlier clause
        "Bến Tre đón khách Trung Quốc\nBa tháng đầu năm 2017, Bến Tre đã đón gần 1 triệu lượt khách "
        "Trung Quốc, dự báo cả năm sẽ đạt con số 4 triệu.",
        {("Bến Tre", "tourism", 1e6)},
    ),
    (  # the same figure for later years, in one list
        "Thừa Thiên - Huế đầu tư khoảng 8.940 tỷ đồng phát triển thương mại\nTheo quy hoạch, kim "
        "ngạch xuất khẩu của tỉnh Thừa Thiên - Huế năm 2020 đạt 1,25 tỷ USD; năm 2025 là 2,6 tỷ USD "
        "và năm 2030 là 5,2 tỷ USD.",
        {
            ("Thừa Thiên Huế", "export_value", 1.25e9),
            ("Thừa Thiên Huế", "export_value", 2.6e9),
            ("Thừa Thiên Huế", "export_value", 5.2e9),
        },
    ),
    (  # visitors counted as people ("khách du lịch")
        "Quảng Ninh ký kết hợp tác truyền thông\nSáu tháng đầu năm, tỉnh Quảng Ninh thu hút gần "
        "6,1 triệu khách du lịch.",
        {("Quảng Ninh", "tourism", 6.1e6)},
    ),
    (  # "trong cả nước" after the figure's clause is about another figure
        "Hợp tác truyền thông giữa tỉnh Quảng Ninh với bốn cơ quan báo chí\nHợp tác nhằm nâng cao "
        "chất lượng dịch vụ. Sáu tháng đầu năm, tỉnh thu hút gần 6,1 triệu khách du lịch, thu ngân "
        "sách của tỉnh đứng thứ tư các tỉnh, thành phố trong cả nước.",
        {("Quảng Ninh", "tourism", 6.1e6)},
    ),
    (  # … but not a stranded tour's guests
        "Bão số 4 gây mưa dông ở Quảng Trị\nHơn 1.300 khách du lịch bị mắc kẹt trên đảo Cồn Cỏ "
        "của tỉnh Quảng Trị.",
        set(),
    ),
    (  # "nhu cầu NƠXH" is a need, not a bridge ("cầu") scoping the figure away
        "TP.HCM học tập Bình Dương\nNhu cầu NƠXH cho người lao động TP.HCM rất lớn. TP.HCM là đô "
        "thị đặc biệt với dân số khoảng 13 triệu người nên nhu cầu về nhà ở rất lớn.",
        {("Hồ Chí Minh", "population", 13_000_000)},
    ),
    (  # households relocated for urban renewal are not disaster-affected
        "TP.HCM học tập Bình Dương\nTP.HCM có 13.000 hộ di dời trong dự án chỉnh trang đô thị.",
        set(),
    ),
    (  # households short of water in a drought are affected (indicators.v27)
        "Hạn hán\nTheo Sở NN & PTNT Phú Yên, đến nay đã có khoảng 10.000 hộ dân ở 6 huyện, thị xã "
        "ở tỉnh này bị thiếu nước sinh hoạt do nắng hạn kéo dài.",
        {("Phú Yên", "households_affected", 10_000)},
    ),
    (  # growth alone opening the clause
        "Đà Nẵng tổng kết năm\nNăm 2016, kinh tế Đà Nẵng khởi sắc. Trong đó tăng trưởng đạt 8,3%, "
        "thu ngân sách được giao ở mức cao.",
        {("Đà Nẵng", "grdp_growth", 8.3)},
    ),
    (  # the same count continued for the next provinces of the list
        "Mưa lũ miền Trung\nDo mưa lũ, Quảng Bình thiệt hại nặng nhất với 93.000 ngôi nhà bị "
        "ngập, tiếp đó là Hà Tĩnh với 25.000 căn và Nghệ An gần 3.000.",
        {
            ("Quảng Bình", "households_affected", 93_000),
            ("Hà Tĩnh", "households_affected", 25_000),
            ("Nghệ An", "households_affected", 3_000),
        },
    ),
    (  # each sum takes the words since the previous sum: the second is domestic
        "Bình Phước xúc tiến đầu tư\nTại hội nghị, UBND tỉnh Bình Phước đã trao giấy chứng nhận "
        "đăng ký đầu tư cho 10 dự án đầu tư nước ngoài với tổng vốn đầu tư hơn 315 triệu USD và "
        "14 dự án đầu tư trong nước với tổng vốn đầu tư 818 triệu USD.",
        {
            ("Bình Phước", "fdi_projects", 10),
            ("Bình Phước", "fdi_capital", 315e6),
            ("Bình Phước", "investment_projects", 14),
            ("Bình Phước", "investment_capital", 818e6),
        },
    ),
    (  # "X dự án nước ngoài và Y dự án trong nước với … USD và … đồng": respectively
        "Bà Rịa - Vũng Tàu thu hút đầu tư\nTỉnh Bà Rịa-Vũng Tàu đã thu hút thêm được 19 dự án "
        "đầu tư nước ngoài và 22 dự án đầu tư trong nước với tổng vốn đầu tư đăng ký là 546 "
        "triệu USD và 4.523 tỉ đồng.",
        {
            ("Bà Rịa - Vũng Tàu", "fdi_projects", 19),
            ("Bà Rịa - Vũng Tàu", "investment_projects", 22),
            ("Bà Rịa - Vũng Tàu", "fdi_capital", 546e6),
            ("Bà Rịa - Vũng Tàu", "investment_capital", 4523e9),
        },
    ),
    (  # projects amended after the count, as before it, are no investment drawn in (v19)
        "TP.HCM thu hút đầu tư\nTheo UBND TP.HCM, có 340 dự án được cấp mới. Mặt khác, có 91 dự án "
        "điều chỉnh tăng vốn với tổng vốn đầu tư hơn 346 triệu USD.",
        {("Hồ Chí Minh", "investment_projects", 340)},
    ),
    (  # figures of a park, named before or after them, are not the province's
        "Bình Phước thu hút FDI\nTrong năm 2018, tỉnh Bình Phước có 7 dự án đầu tư vào khu công "
        "nghiệp Becamex Bình Phước. Khu CNTT tập trung TP. Đà Nẵng có tổng vốn đầu tư hơn 120 "
        "triệu USD.",
        set(),
    ),
    (  # a project's capital, a district's revenue, a count's total (kept), corpus sentences
        "Quảng Ngãi khởi động dự án thép\nTỉnh Quảng Ngãi đón dự án thép. Tổng vốn đầu tư của "
        "dự án khoảng 60.000 tỉ đồng. Tổng thu ngân sách của huyện trong năm đạt 609 tỷ đồng. "
        "Tỉnh Quảng Ngãi trao giấy chứng nhận cho 8 dự án có tổng vốn 311 triệu USD.",
        {("Quảng Ngãi", "investment_capital", 311e6), ("Quảng Ngãi", "investment_projects", 8)},
    ),
    (  # the country's, an industry's and a festival's figures are not the province's
        "Đồ gỗ TP.HCM\nTheo Tổng cục Thống kê, vốn FDI đăng ký đạt 1.423 triệu USD. Năm 2018, "
        "ngành da giày đặt mục tiêu đạt kim ngạch xuất khẩu đạt 20 tỷ USD. Lễ hội ở TP.HCM "
        "thường thu hút trên 10.000 lượt khách tham dự.",
        set(),
    ),
    (  # growth of the "Tổng sản phẩm trên địa bàn (GRDP)"; tourism revenue as "tổng thu du lịch"
        "TP.HCM tăng tốc\nTP. HCM đặt chỉ tiêu tăng trưởng Tổng sản phẩm trên địa bàn (GRDP) năm "
        "nay là 8,4 - 8,7%. Đà Nẵng có tổng thu du lịch ước đạt gần 17.500 tỷ đồng.",
        {("Hồ Chí Minh", "grdp_growth", 8.4), ("Đà Nẵng", "tourism", 17_500e9)},
    ),
    (  # a rate per day, bus passengers
        "Thu ngân sách TP.HCM\nCục Thuế TP.HCM phải thu ngân sách bình quân 1.046 tỉ đồng / "
        "ngày. Năm 2018, hành khách xe buýt TP.HCM chỉ đạt 571 triệu lượt khách.",
        set(),
    ),
    (  # the economy grows with words between (indicators.v5); the country's does not count
        "Bà Rịa - Vũng Tàu thu hút đầu tư\nNăm 2016, kinh tế tỉnh vẫn tiếp tục tăng trưởng tích "
        "cực với mức 5,6%. Năm 2018, kinh tế cả nước tăng trưởng 7,08%.",
        {("Bà Rịa - Vũng Tàu", "grdp_growth", 5.6)},
    ),
    (
        "GRDP TP. HCM quý I / 2018 tăng kỷ lục 7,64%\nThông tin từ cục Thống kê TP. HCM.",
        {("Hồ Chí Minh", "grdp_growth", 7.64)},
    ),
    (  # a share of GDP, a breakdown after "trong đó", a province named once in passing
        "Thiên tai gây thiệt hại lớn\nThiệt hại về kinh tế lên tới 1,5% GDP mỗi năm. Năm 2016, "
        "tăng trưởng kinh tế của Hà Nội đạt 8,2%, trong đó bất động sản tăng trưởng 4%.",
        {("Hà Nội", "grdp_growth", 8.2)},
    ),
    (  # a site's visitors, visitors a month, one work's cost (indicators.v6)
        "Du lịch Quảng Ninh\nDu khách đến làng chài ngày càng tăng, với khoảng 15.000 lượt "
        "khách/tháng. Tuyến cao tốc qua tỉnh Quảng Ninh được khởi công với tổng vốn đầu tư gần "
        "18.000 tỷ đồng. Năm 2016, Quảng Ninh thu hút 1,2 triệu lượt khách quốc tế.",
        {("Quảng Ninh", "tourism", 1.2e6)},
    ),
    (  # "dân số 1,3 triệu" is a count, not a label "số 1"; area in km² without "tự nhiên"
        "Quảng Ngãi thu hút đầu tư\nTheo Chủ tịch UBND tỉnh Quảng Ngãi, tỉnh Quảng Ngãi có vị trí "
        "chiến lược trong vùng kinh tế trọng điểm miền Trung với diện tích hơn 5.000 km2, dân số "
        "1,3 triệu người.",
        {("Quảng Ngãi", "area", 5000), ("Quảng Ngãi", "population", 1.3e6)},
    ),
    (  # the owner named right after the figure, not the province in focus
        "Nhiều lo ngại về nhà giá 100 triệu đồng\nTrong buổi làm việc với lãnh đạo tỉnh Bình "
        "Dương, Bí thư Thành ủy Đinh La Thăng cho rằng, một đô thị 13 triệu dân như TPHCM thì nên "
        "học tập kinh nghiệm Bình Dương.",
        {("Hồ Chí Minh", "population", 13e6)},
    ),
    (  # "dự án FDI" is no project scoping the capital away; a catchment and a region are no
        # province's area or people
        "Quảng Nam - địa chỉ đỏ trên bản đồ đầu tư\nTỉnh Quảng Nam đã thu hút được 126 dự án FDI "
        "với tổng vốn đăng ký gần 5,5 tỷ USD. Thủy điện ở Quảng Nam có diện tích lưu vực 1.344 "
        "km2. ASEAN có dân số trên 600 triệu người.",
        {("Quảng Nam", "fdi_projects", 126), ("Quảng Nam", "fdi_capital", 5.5e9)},
    ),
    (  # "tốc độ tăng trưởng" of something named is not the economy's; alone it is (indicators.v10)
        "Hà Nội hạn chế xe máy\nTheo Sở GTVT Hà Nội, mỗi năm tốc độ tăng trưởng ôtô con là 13%. "
        "Xuất khẩu rau quả của Hà Nội tăng liên tục với tốc độ tăng trưởng hơn 30%.\n"
        "Ông Sửu cho biết năm 2017 kinh tế thủ đô Hà Nội phát triển khá toàn diện.\n"
        '" Tốc độ tăng trưởng đạt 8,5% là hoàn thành kế hoạch đề ra ", ông nói.',
        {("Hà Nội", "grdp_growth", 8.5)},
    ),
    (  # a region's figure is none of its provinces' (indicators.v10)
        "Cần Thơ đăng cai hội nghị\nPhát biểu tại hội nghị ở Cần Thơ, Phó Thủ tướng cho biết trong "
        "6 tháng đầu năm, tốc độ tăng trưởng GDP của vùng Tây Nam bộ đạt 6,45%.",
        set(),
    ),
    (  # an airport's visitors and the country's are not the province's (indicators.v10)
        "Đà Nẵng quá tải sân bay\nSân bay quốc tế Đà Nẵng được thiết kế với công suất phục vụ đến "
        "năm 2020 là 6 triệu lượt khách/năm. Trong 6 tháng đầu năm 2017, tổng lượng khách quốc tế "
        "đến Việt Nam ước đạt 6.206.336 lượt.",
        set(),
    ),
    (  # the poverty rate in brackets after the count of poor households (indicators.v10)
        "Nghệ An giảm nghèo\nNghệ An hiện có trên 936.970 hộ. Trong đó có gần 52.000 hộ nghèo "
        "(tỷ lệ 5,54%), hơn 81.000 hộ cận nghèo (8,7%).",
        {("Nghệ An", "poverty_rate", 5.54)},
    ),
    (  # a phase is no count, a surplus no revenue; FDI spelt out is FDI (indicators.v10)
        "Quảng Ngãi thu hút đầu tư\nNăm 2016, toàn tỉnh Quảng Ngãi đã có 43 dự án được cấp phép "
        "đầu tư, trong đó có 8 dự án có vốn đầu tư trực tiếp nước ngoài (FDI) được cấp mới. Tỉnh "
        "kiến nghị đầu tư giai đoạn 2 dự án lọc hóa dầu Dung Quất. Tỉnh phấn đấu bội thu ngân sách "
        "496.000 triệu đồng.",
        {("Quảng Ngãi", "investment_projects", 43), ("Quảng Ngãi", "fdi_projects", 8)},
    ),
    (  # counts too small to be a province's (indicators.v10)
        "Sạt lở ở TP.HCM\nTrong đêm 26-6, chính quyền TP.HCM đã di dời khẩn cấp 8 hộ dân bị sạt "
        "lở. Bến xe Kim Mã ở Hà Nội là điểm có nhiều khách du lịch đi nhất với 522 lượt khách.",
        set(),
    ),
    (  # service units, compensation, loans and the inner city are not these (indicators.v10)
        "Hà Nội sắp xếp bộ máy\nNăm 2016, Hà Nội giảm 130 đơn vị sự nghiệp. Tòa buộc công ty "
        "bồi thường thiệt hại 2,3 tỷ đồng cho người dân Hà Nội. Ngân hàng ở Hà Nội đã cho vay 11 "
        "dự án. Hà Nội sẽ tăng dân số khu vực nội đô từ 800.000 người lên 824.000 người.",
        set(),
    ),
    (  # "bao gồm", "Phước Lộc" are no storm: a fraud's or a theft's loss (indicators.v10)
        "Xét xử vụ án tại DAB ở TP.HCM\nÔng Bình đã chiếm đoạt tài sản gây thiệt hại cho ngân hàng "
        "hơn 3.608 tỉ đồng, bao gồm 1.160 tỉ đồng mua cổ phần. Tại thôn Phước Lộc, kẻ gian cắt "
        "dây cáp, gây thiệt hại khoảng 15 triệu đồng.",
        set(),
    ),
    (  # "tháng" holds "hang" (goods): growth "6 tháng đầu năm" is still the economy's
        "Hà Nội phát triển\nTăng trưởng kinh tế 6 tháng đầu năm của Hà Nội đạt 6,2%.",
        {("Hà Nội", "grdp_growth", 6.2)},
    ),
    (  # the foreign count named before the figure (indicators.v10)
        "Bà Rịa - Vũng Tàu thu hút đầu tư\nTrong năm qua, tỉnh Bà Rịa-Vũng Tàu nâng tổng dự án "
        "nước ngoài lên 301 dự án với tổng vốn đăng ký 26.679 triệu USD.",
        {
            ("Bà Rịa - Vũng Tàu", "fdi_projects", 301),
            ("Bà Rịa - Vũng Tàu", "fdi_capital", 26.679e9),
        },
    ),
    (  # a bus line's passengers, a rate per day, a festival's or a capacity (indicators.v11)
        "Buýt nhanh BRT của Hà Nội\nTuyến buýt BRT 01 của Hà Nội đã vận chuyển được 440.000 lượt "
        "khách, trung bình khoảng 12.000 lượt khách/ngày. Hội xuân Yên Tử năm 2017 của tỉnh "
        "Quảng Ninh sẽ đón khoảng 2 triệu lượt khách. Đền thờ ở Bến Tre có công suất thiết kế: "
        "phục vụ từ 250.000 khách du lịch trở lên.",
        set(),
    ),
    (  # a site's visitors, a railway's passengers (indicators.v11)
        "Phú Yên giải tỏa lồng bè\nĐược biết, hàng năm thắng cảnh quốc gia gành Đá Đĩa của tỉnh "
        "Phú Yên thu hút khoảng 200.000 lượt khách. Tổng lượng khách mà VNR chuyên chở qua Hà Nội "
        "trong tháng 5/2017 lên tới 873.000 lượt khách.",
        set(),
    ),
    (  # growth told right after the total it grew (indicators.v11)
        "TP HCM năm 2018\nNăm qua, kinh tế TP HCM đạt kết quả quan trọng. Tổng sản phẩm (GRDP) "
        "đạt hơn 1,33 triệu tỷ đồng - tăng 8,3%.",
        {("Hồ Chí Minh", "grdp_total", 1.33e15), ("Hồ Chí Minh", "grdp_growth", 8.3)},
    ),
    (  # workers' income is not the province's per head (indicators.v11)
        "LĐLĐ tỉnh Hưng Yên: Đẩy mạnh hoạt động\nTheo khảo sát của LĐLĐ tỉnh, việc làm và thu nhập "
        "của người lao động được cải thiện, thu nhập bình quân của CNLĐ từ 3,5 - 3,7 triệu đồng.",
        set(),
    ),
    (  # trips of a bus line are no visitors (indicators.v11)
        "Buýt nhanh BRT đông khách\nNgười sử dụng vé tháng vẫn có thể dùng để đi buýt nhanh ở Hà "
        "Nội. Từ ngày 1.1 đến 31.1, buýt nhanh BRT đã thực hiện hơn 9.300 lượt xe và đón hơn "
        "376.000 lượt khách đi xe.",
        set(),
    ),
    (  # the people of 9 districts are not the city's (indicators.v11)
        "Bộ Công an hoàn thành cơ sở dữ liệu dân cư TP. HCM\nBộ công an sẽ triển khai cơ sở dữ "
        "liệu quốc gia về dân cư tại TP. HCM. Bộ đã gửi mẫu Phiếu thu thập thông tin dân cư của 9 "
        "quận huyện, với khoảng 6,3 triệu nhân khẩu.",
        set(),
    ),
    (  # a province's own city named like it (indicators.v13)
        "Thanh Hóa xây trung tâm hành chính 650 tỷ\nNgoài ra, TP Thanh Hóa đã được công nhận là đô "
        "thị loại I, trực thuộc tỉnh, mở rộng lên 20 phường, 17 xã với dân số khoảng 400.000 người.",
        set(),
    ),
    (  # the city as the venue, the province acting (indicators.v13)
        "Bà Rịa - Vũng Tàu: 8 dự án xông đất\nSáng 6-2, tại TP. Vũng Tàu, lãnh đạo tỉnh Bà Rịa - "
        "Vũng Tàu đã trao giấy chứng nhận đầu tư cho 8 dự án đầu tư trong nước và nước ngoài với "
        "tổng vốn đăng ký 311 triệu USD.",
        {
            ("Bà Rịa - Vũng Tàu", "investment_projects", 8.0),
            ("Bà Rịa - Vũng Tàu", "fdi_capital", 311000000.0),
        },
    ),
    (  # an investor's project, works carried out (indicators.v13)
        "Hòa Phát làm thép ở Dung Quất\nTrong lúc tỉnh Quảng Ngãi thanh tra dự án, chủ đầu tư "
        "tiếp tục đề xuất khởi động dự án với công suất 5 triệu tấn mỗi năm, tổng vốn 2,2 tỷ USD. "
        "Theo Sở GTVT, TPHCM sẽ triển khai 6 dự án với tổng vốn gần 1.400 tỷ đồng trong năm 2017.",
        set(),
    ),
    (  # foreign countries ranked, a sum over many provinces, a part of the people (indicators.v14)
        "Bình Dương dẫn đầu cả nước về thu hút FDI\nTrong tháng Một, Bình Dương thu hút nhiều vốn "
        "FDI nhất cả nước, với tổng số vốn đăng ký là 696,3 triệu USD. Nhà đầu tư nước ngoài đã rót "
        "vốn vào 37 tỉnh thành phố với tổng vốn đăng ký là 1,58 tỷ USD. Hàn Quốc đứng thứ hai với "
        "tổng vốn đầu tư đăng ký là 471,2 triệu USD, còn Trung Quốc đứng thứ ba với 338,3 triệu "
        "USD. Dân số tỉnh Bình Dương lên đến gần 2 triệu người, trong đó có gần 900.000 người dân "
        "nhập cư.",
        {
            ("Bình Dương", "fdi_capital", 696300000.0),
            ("Bình Dương", "population", 2000000.0),
        },
    ),
    (  # a sector's share of the money, told before it, is no total (indicators.v20)
        "TP.HCM thu hút đầu tư\nTrong 5 tháng, TP.HCM thu hút các dự án FDI với tổng vốn đăng ký "
        "1,2 tỷ USD. Công nghiệp chế biến có vốn đầu tư nhiều nhất (33,1%) với 124 triệu USD, "
        "tiếp theo bán lẻ chiếm 20,7% với vốn đăng ký 40.095,2 tỷ đồng.",
        {("Hồ Chí Minh", "fdi_capital", 1.2e9)},
    ),
    (  # the product's long name, with "ước" or "(GDP)" before the rise (indicators.v21)
        "An Giang 6 tháng\nKinh tế của tỉnh An Giang phát triển tích cực, tổng sản phẩm trên địa bàn "
        "(GRDP) ước tăng 5,29%.",
        {("An Giang", "grdp_growth", 5.29)},
    ),
    (
        "TP.HCM nhiệm kỳ IX\nKinh tế TP.HCM trong nhiệm kỳ IX tăng trưởng khá cao. Tổng sản phẩm "
        "nội địa (GDP) tăng bình quân 9,6% mỗi năm, gấp 1,66 lần mức tăng bình quân cả nước.",
        {("Hồ Chí Minh", "grdp_growth", 9.6)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDICATORS)
def test_indicator_patterns(text: str, expected: set[tuple[str, str, float]]) -> None:
    out = extract_text(text)
    assert {(i["province"], i["indicator"], i["value"]) for i in out["indicators"]} == expected


def test_a_foreign_government_gives_as_its_country() -> None:
    out = extract_text(
        "Mỹ tài trợ bảo vệ rừng Trường Sơn\n"
        "Trước đó, Chính phủ Mỹ hỗ trợ 14 triệu USD cho tỉnh Quảng Nam thực hiện dự án."
    )
    assert {(t["from"]["name"], t["to"]["name"]) for t in out["transfers"]} == {
        ("Hoa Kỳ", "Quảng Nam")
    }


def test_a_central_sum_shared_out_among_provinces() -> None:
    out = extract_text(
        "Hỗ trợ các tỉnh khắc phục hậu quả mưa lũ\nCụ thể, 165 tỷ đồng được trích từ nguồn dự "
        "phòng ngân sách trung ương năm 2016 dành hỗ trợ 8 địa phương (Thanh Hoá 10 tỷ đồng, Nghệ "
        "An 45 tỷ đồng, Hà Tĩnh 30 tỷ đồng)."
    )
    assert {(t["from"]["name"], t["to"]["name"], t["amount"]) for t in out["transfers"]} == {
        ("Chính phủ", "Thanh Hóa", 10e9),
        ("Chính phủ", "Nghệ An", 45e9),
        ("Chính phủ", "Hà Tĩnh", 30e9),
    }


def test_provinces_advancing_money_are_no_receivers() -> None:
    out = extract_text(
        "Cao tốc Bến Lức - Long Thành\nBộ Giao thông vận tải họp về dự án.\nCIPM Cửu Long đưa "
        "ra giải pháp: các địa phương hỗ trợ ứng trước (TP HCM 2.939 tỷ đồng, Bình Dương 2.055 "
        "tỷ, Long An 639 tỷ)."
    )
    assert out["transfers"] == []


@pytest.mark.parametrize(
    "text",
    [
        # a credit package, nobody's gift (transfers.v8)
        "Nhà ở xã hội\nĐại diện Công ty Hoàng Quân cho biết công ty dựa trên nguồn vốn hỗ trợ từ "
        "gói 30.000 tỉ đồng của Chính phủ cho chương trình phát triển nhà ở xã hội.",
        # a reward offered to whoever helps, not given
        "Trộm kim cương\nTập đoàn bảo hiểm Lloyds of London đã công bố trao thưởng 1 triệu USD cho "
        "người nào cung cấp các thông tin giúp truy tìm hung thủ.",
        # the city where it happened is no giver
        "Quà tặng\nTrong cuộc gặp tại tòa nhà Trump Tower ở thành phố New York, ông Abe còn tặng "
        "ông Trump một cây gậy đánh golf mạ vàng trị giá 3.000 USD.",
        # a foreign sponsor of a person's contract funds no project (transfers.v12)
        "Người đẹp và hợp đồng\nVõ Hoàng Yến cho biết hợp đồng tài trợ thẩm mỹ trị giá 1 tỷ này là "
        "hợp đồng ba bên, do bệnh viện thẩm mỹ bên Hàn Quốc tài trợ, ở TP.HCM.",
    ],
)
def test_no_transfer(text: str) -> None:
    assert extract_text(text)["transfers"] == []


def test_a_receiver_ends_before_the_thing_given() -> None:
    out = extract_text(
        "Nhật mời ca sĩ đón tiếp ông Trump\nThủ tướng Nhật Shinzo Abe sẽ đón ông Trump. Trong cuộc "
        "gặp tại tòa nhà Trump Tower, ông Abe còn tặng ông Trump một cây gậy đánh golf mạ vàng trị "
        "giá 3.000 USD."
    )
    assert {(t["from"]["name"], t["to"]["name"]) for t in out["transfers"]} == {
        ("Nhật Bản", "ông Trump")
    }


# (title + sentence from the corpus, expected (giver, receiver, amount))
ENTERPRISE_TRANSFERS = [
    (  # "Cổ phần" is the legal form, the sector words belong to the name (transfers.v10)
        "Thưởng tài xế xe buýt\nCông ty Cổ phần vận tải TP. HCM quyết định khen thưởng tài xế Lê "
        "Xuân Huy. Công ty Cổ phần vận tải TP. HCM đã thưởng anh Lê Xuân Huy 2 triệu đồng.",
        {("Công ty Cổ phần vận tải TP. HCM", "Lê Xuân Huy", 2e6)},
    ),
    (  # a bank named in full with its short form in brackets, though a lower-case word
        "BIDV dành 20 tỷ đồng tặng quà tết người nghèo\nNgày 10/01/2019, Ngân hàng TMCP Đầu tư và "
        "Phát triển Việt Nam (BIDV) đã công bố chương trình Quà tết tặng đồng bào nghèo với tổng "
        "trị giá lên tới 20 tỷ đồng.",
        {("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)", "đồng bào nghèo", 20e9)},
    ),
    (  # a short form of a company named in full before is named in full
        "Chủ tàu vỏ thép nhận hỗ trợ\nCông ty TNHH một thành viên Nam Triệu (Bộ Công an) đã hoàn "
        "tất việc chi trả tiền hỗ trợ tại Bình Định. Cụ thể, Công ty Nam Triệu đã chi hỗ trợ tổng "
        "cộng gần 3,6 tỉ đồng cho 14 chủ tàu vỏ thép.",
        {("Công ty TNHH một thành viên Nam Triệu", "14 chủ tàu vỏ thép", 3.6e9)},
    ),
    (
        "Khánh thành cầu Tam Bạc\nCầu do Công ty TNHH Sơn Trường xây tặng thành phố Hải Phòng "
        "với tổng kinh phí đầu tư 78 tỷ đồng.",
        {("Công ty TNHH Sơn Trường", "Hải Phòng", 78e9)},
    ),
    (  # the bare name stands for the company named earlier; bare billions are đồng
        "NutiFood tài trợ 10 tỉ xây dựng trường tiểu học ở Bình Dương\n"
        "Ngày 18/12, công ty NutiFood đã phối hợp với UBND Thành phố Thủ Dầu Một tiến hành lễ "
        "động thổ.",
        {("Công ty NutiFood", "Bình Dương", 10e9)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENTERPRISE_TRANSFERS)
def test_enterprise_givers(text: str, expected: set[tuple[str, str, float]]) -> None:
    out = extract_text(text)
    assert {(t["from"]["name"], t["to"]["name"], t["amount"]) for t in out["transfers"]} == (
        expected
    )
    assert {t["from"]["kind"] for t in out["transfers"]} == {"enterprise"}


# (title + sentences, expected (giver, receiver, amount)) — transfers.v4's receivers
RECEIVERS = [
    (  # a passenger by name
        "Nhà xe hỗ trợ hành khách\nCông ty Phương Trang đã hỗ trợ hành khách Hồ Xuân Dũng 8,5 "
        "triệu đồng.",
        {("Công ty Phương Trang", "Hồ Xuân Dũng", 8.5e6)},
    ),
    (  # one person by name after a role word
        "Nam sinh được thưởng nửa tỉ đồng\nUBND TP Hải Phòng vừa biểu dương và trao thưởng 500 "
        "triệu đồng cho nam sinh Nguyễn Thuận Hưng vừa đoạt huy chương vàng.",
        {("Hải Phòng", "Nguyễn Thuận Hưng", 500e6)},
    ),
    (  # "gia đình nạn nhân" is the family of the one victim the article names
        "Cây đổ đè chết người\nNgười nhà đến nhận thi thể ông Nguyễn Văn Tân (58 tuổi, quê Đồng "
        "Tháp), nạn nhân bị cây đè. Ông Lê Văn Thành, phó chủ tịch UBND quận 7, đã đến bệnh viện "
        "thăm hỏi và hỗ trợ gia đình nạn nhân 10 triệu đồng.",
        {("quận 7", "gia đình ông Nguyễn Văn Tân", 10e6)},
    ),
    (  # the name ends in a label word ("Quý" is no quarter before money; transfers.v11)
        "Nhà xe hỗ trợ hành khách\nCông ty Phương Trang đã hỗ trợ hành khách Hồ Xuân Quý 8,5 "
        "triệu đồng.",
        {("Công ty Phương Trang", "Hồ Xuân Quý", 8.5e6)},
    ),
    (  # a list of amounts shares its giver and verb; which victims is part of the group
        "Tai nạn xe khách\nBan An toàn giao thông tỉnh hỗ trợ mỗi nạn nhân tử vong 5 triệu đồng, "
        "mỗi nạn nhân bị thương 2 triệu đồng. Ngoài ra, huyện Tam Đảo đã tiến hành thăm hỏi và hỗ "
        "trợ mỗi trường hợp bị thương 1 triệu đồng, mỗi nạn nhân tử vong 3 triệu đồng.",
        {
            ("huyện Tam Đảo", "nạn nhân tử vong", 3e6),
        },
    ),
    (
        "Hỗ trợ chủ tàu\nCông ty Đại Nguyên Dương hỗ trợ cho chủ tàu Nguyễn Văn Mạnh 136 triệu "
        "đồng, Trần Minh Vương 208 triệu đồng, Võ Tuân 225 triệu đồng.",
        {
            ("Công ty Đại Nguyên Dương", "Trần Minh Vương", 208e6),
            ("Công ty Đại Nguyên Dương", "Võ Tuân", 225e6),
        },
    ),
    (  # a police force rewarded, "Công an tỉnh" completed by the province (transfers.v13)
        "Đồng Tháp thưởng nóng\nChủ tịch UBND tỉnh Đồng Tháp cũng quyết định hỗ trợ cho Công an "
        "tỉnh 500 triệu đồng để thực hiện việc mua sắm trang thiết bị. Tại buổi trao thưởng, thay "
        "mặt lãnh đạo UBND tỉnh Hưng Yên, ông Quang trao thưởng cho phòng CSHS Công an tỉnh Hưng "
        "Yên 10 triệu đồng, Công an huyện Yên Mỹ 10 triệu đồng.",
        {
            ("Đồng Tháp", "Công an tỉnh Đồng Tháp", 500e6),
            ("Hưng Yên", "Công an huyện Yên Mỹ", 10e6),
        },
    ),
    (  # a reward list: each named police unit, not the force they belong to (transfers.v14)
        "Hải Phòng khen thưởng\nThay mặt lãnh đạo bộ Công an, Thượng tướng Lê Quý Vương - Thứ "
        "trưởng bộ Công an cũng đã gửi thư khen và ký quyết định khen thưởng các đơn vị: phòng "
        "Cảnh sát Hình sự, phòng Kỹ thuật Hình sự, Công an quận Kiến An và Công an huyện An Lão "
        "thuộc Công an TP. Hải Phòng, mỗi đơn vị 10 triệu đồng về thành tích nhanh chóng điều tra "
        "vụ án. Trước 2 chiến công xuất sắc này, Thượng tướng Tô Lâm, Ủy viên bộ Chính trị, Bộ "
        "trưởng bộ Công an đã gửi thư khen và quyết định trích quỹ phòng, chống tội phạm tặng 3 đơn"
        " vị tham gia chuyên án, mỗi đơn vị 10 triệu đồng gồm: Công an quận Bắc Từ Liêm; đội CSĐT "
        "tội phạm về ma túy và Công an phường Đức Thắng, quận Bắc Từ Liêm.",
        {
            ("Bộ Công an", "Công an quận Kiến An", 10e6),
            ("Bộ Công an", "Công an huyện An Lão", 10e6),
            ("Bộ Công an", "Công an quận Bắc Từ Liêm", 10e6),
            ("Bộ Công an", "Công an phường Đức Thắng, quận Bắc Từ Liêm", 10e6),
        },
    ),
    (  # a province opening the clause gives; each victim's family receives (transfers.v15)
        "Tai nạn\nTrước mắt, tỉnh Thái Bình hỗ trợ gia đình mỗi nạn nhân 5 triệu đồng. Tỉnh "
        "Quảng Ninh hỗ trợ gia đình công nhân 6 triệu đồng. Ban An toàn giao thông tỉnh Vĩnh Phúc"
        " hỗ trợ 2 triệu đồng.",
        {
            ("Thái Bình", "gia đình nạn nhân", 5e6),
            ("Quảng Ninh", "gia đình công nhân", 6e6),
        },
    ),
    (  # a district opening the sentence, a commune's UBND, "… tỉnh" completed, an adverb and a
        # mistyped verb passed over (transfers.v16)
        "Hỗ trợ\nHuyện Bù Gia Mập hỗ trợ mỗi gia đình có người bị nạn 3 triệu đồng; UBND xã Bình "
        "Thắng hỗ trợ 2 triệu đồng/hộ. Lãnh đạo Tỉnh ủy, UBND tỉnh Hòa Bình đã đến thăm, hỗ trợ "
        "gia đình mỗi bệnh nhân tử vong 5 triệu đồng, Bệnh viện Đa khoa tỉnh hỗ trợ 10 triệu "
        "đồng. Chủ tịch UBND tỉnh Cà Mau hỗ trợ khẩn cấp hộ ông Trà Thái Hoàng 25 triệu đồng. "
        "Huyện Tam Đảo hỗ trợ mỗi trường hợp bị thương 1 triệu đồng, hộ trợ gia đình mỗi nạn "
        "nhân tử vong 3 triệu đồng.",
        {
            ("huyện Bù Gia Mập", "gia đình có người bị nạn", 3e6),
            ("UBND xã Bình Thắng", "gia đình có người bị nạn", 2e6),
            ("Hòa Bình", "gia đình bệnh nhân tử vong", 5e6),
            ("Bệnh viện Đa khoa tỉnh Hòa Bình", "gia đình bệnh nhân tử vong", 10e6),
            ("Cà Mau", "hộ ông Trà Thái Hoàng", 25e6),
            ("huyện Tam Đảo", "gia đình nạn nhân tử vong", 3e6),
        },
    ),
    (  # a project's money and the foreign side that funds it (transfers.v12)
        "TP.HCM làm tàu điện một ray số 2\nKinh phí cho việc này là 2,04 triệu USD, do cơ quan "
        "hợp tác quốc tế Hàn Quốc tài trợ không hoàn lại. Ngày 12/4, UBND tỉnh Thừa Thiên Huế khởi "
        "động dự án Trường Sơn Xanh do Chính phủ Mỹ tài trợ với kinh phí gần 10 triệu USD.",
        {("Hàn Quốc", "Hồ Chí Minh", 2.04e6), ("Hoa Kỳ", "Thừa Thiên Huế", 10e6)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RECEIVERS)
def test_transfer_receivers(text: str, expected: set[tuple[str, str, float]]) -> None:
    out = extract_text(text)
    found = {(t["from"]["name"], t["to"]["name"], t["amount"]) for t in out["transfers"]}
    assert expected <= found


def test_transfer_list_with_amounts_per_province() -> None:
    out = extract_text(
        "TP HCM hỗ trợ miền Trung\n"
        "Hai đoàn công tác của lãnh đạo Thành ủy TP HCM đã lên đường đến các tỉnh miền Trung. "
        "Các đoàn trao số tiền 10 tỷ đồng hỗ trợ khẩn cấp các địa phương khắc phục thiệt hại do "
        "thiên tai gây ra (tỉnh Quảng Bình 3 tỷ đồng, Hà Tĩnh 2 tỷ đồng)."
    )
    found = {(t["from"]["name"], t["to"]["name"], t["amount"]) for t in out["transfers"]}
    assert found == {
        ("Hồ Chí Minh", "Quảng Bình", 3e9),
        ("Hồ Chí Minh", "Hà Tĩnh", 2e9),
    }
    assert {t["purpose"] for t in out["transfers"]} == {"disaster_relief"}


def test_districts_named_before_their_amount_receive_it() -> None:
    out = extract_text(
        "Bộ trưởng Trần Hồng Hà thăm vùng lũ Thanh Hóa\n"
        "Bộ trưởng Tài nguyên và Môi trường Trần Hồng Hà đến thăm tỉnh Thanh Hóa. Bộ trưởng Trần "
        "Hồng Hà đã trao tặng mỗi xã 50 triệu đồng, trao tặng 2 huyện Yên Định và Thạch Thành "
        "mỗi huyện 100 triệu đồng để giúp đồng bào bị thiệt hại."
    )
    found = {
        (t["from"]["name"], t["to"]["kind"], t["to"]["name"], t["amount"]) for t in out["transfers"]
    }
    assert found == {
        ("Bộ Tài nguyên và Môi trường", "district", "huyện Yên Định", 1e8),
        ("Bộ Tài nguyên và Môi trường", "district", "huyện Thạch Thành", 1e8),
    }


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # an office the title rules cannot read, after an age or a dash (people.v23)
        (
            "Theo đó, ông Nguyễn Vũ Hùng (50 tuổi), Giám đốc Công ty Việt Thái, bị tố giác.",
            "Nguyễn Vũ Hùng",
        ),
        (
            "Còn bà Mandhu Raghunath - Trưởng nhóm phát triển bền vững Ngân hàng thế giới cho biết.",
            "Mandhu Raghunath",
        ),
        ("Cùng dự có ông Hans Peter Neeb - đại diện Công ty Clavigo Partners.", "Hans Peter Neeb"),
        ("Ông Sébastien Crepel, phụ trách tòa soạn báo L'Humanité cho biết.", "Sébastien Crepel"),
        # "đồng chí" and degrees introduce a person too
        (
            "Đồng chí Ngô Thị Thanh Hằng, Phí Bí thư Thường trực Thành ủy Hà Nội phát biểu.",
            "Ngô Thị Thanh Hằng",
        ),
        (
            "Giáo sư Nguyễn Minh Thuyết, Tổng Chủ biên chương trình giáo dục phổ thông mới nêu rõ.",
            "Nguyễn Minh Thuyết",
        ),
        # a given name that is also a country's, a foreign name's particle
        (
            "Cơ quan Cảnh sát điều tra bắt tạm giam ông Bùi Đức Trọn - cán bộ địa chính thị trấn.",
            "Bùi Đức Trọn",
        ),
        ("Ông Carel de Groot - cán bộ Đại sứ quán Hà Lan tại Indonesia chia sẻ.", "Carel de Groot"),
        (
            "Theo ông Franz Klintsevich Phó Chủ tịch Ủy ban Quốc phòng, Nga sẽ đáp trả.",
            "Franz Klintsevich",
        ),
        # a foreign name keeps its hyphenated tail and loses the next clause's word
        (
            "Bộ trưởng hội đàm với bà Nosiviwe Noluthando Mapisa - Nqakula, Bộ trưởng Quốc phòng.",
            "Nosiviwe Noluthando Mapisa - Nqakula",
        ),
        (
            "Chủ tịch UBND TP đã có buổi tiếp ngài Bruno Angelet Đại sứ Liên minh Châu Âu tại Việt Nam.",
            "Bruno Angelet",
        ),
    ],
)
def test_a_full_name_after_an_honorific_is_a_person(sentence: str, name: str) -> None:
    people = extract_text("Tiêu đề\n" + sentence)["people"]
    assert name in [p["name"] for p in people]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 6/2, UBND tỉnh Bà Rịa-Vũng Tàu tổ chức ngày hội đầu tư.",  # a province
        "Đền Bà Chúa Kho là ngôi đền thờ mẫu tại Bắc Ninh.",  # a place
        "Thủ tướng tiếp ông Robert H. McCooey Jr tại trụ sở Chính phủ.",  # an initial
        "Ông Andreas Dittrich ITM và GVIP đảm bảo sẽ hướng dẫn.",  # an abbreviation
        '"Dẹp vỉa hè trong 1 tháng là ảo tưởng", bà Phong Lan nói.',  # a given name only
        "Sau khi hết hạn nhiệm kỳ, ông Tám nói.",
        "Ông tốt nghiệp tại trường đào tạo kỹ sư Ecole Centrale Paris của Pháp.",  # no degree
        "Cửa hàng của bà Tiên Cookie bán bánh quy tự làm.",  # a Vietnamese and a foreign word
    ],
)
def test_no_person_after_an_honorific_without_a_full_name(sentence: str) -> None:
    names = [p["name"] for p in extract_text("Tiêu đề\n" + sentence)["people"]]
    assert not [
        n
        for n in names
        if n.startswith(("Rịa", "Chúa", "Robert", "Andreas", "Phong", "Tám", "Ecole", "Tiên"))
    ]


def test_an_untitled_person_found_again_with_an_office_is_one_person() -> None:
    people = extract_text(
        "Tiêu đề\nGiám đốc Sở Tài chính Lê Văn Hùng phát biểu. Sau đó ông Lê Văn Hùng trả lời."
    )["people"]
    assert [(p["name"], bool(p["titles"])) for p in people] == [("Lê Văn Hùng", True)]


def test_negative_article_has_no_facts_but_titled_people() -> None:
    out = extract_text(
        "Bản án cho đối tượng giả danh công an để lừa đảo\n"
        "Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy (SN 1994), ngụ quận Hải Châu, 12 năm "
        "tù về tội Lừa đảo chiếm đoạt tài sản. Chỉ với lời nổ này, từ tháng 10/2016 đến 9/2017, "
        "nhiều người đã bị lừa đảo với tổng số tiền 3,2 tỷ đồng."
    )
    assert out["visits"] == out["indicators"] == out["transfers"] == out["practices"] == []


def test_extract_cli_prints_one_json_line_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from cachlamhay.cli import main

    assert main(["extract", str(EXAMPLES)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert {json.loads(line)["doc"]["id"] for line in lines} == {
        "000_c376ad1e370c138e",
        "004_64df843035bf8b4e",
    }


_HEAD_WORDS = ["Bí thư", "bí thư", "Chủ tịch", "PHÓ CHỦ TỊCH", "Giám đốc", "Thủ tướng", "ông"]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_HEAD_WORDS),
            st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÁàẢ_0 ,.-\n", max_size=6),
        ),
        max_size=8,
    )
)
def test_the_title_automaton_agrees_with_the_title_pattern(parts: list[str]) -> None:
    from cachlamhay.extract.people import _HEAD_PATTERN, has_title_head

    text = "".join(parts)
    assert has_title_head(text) == bool(_HEAD_PATTERN.search(text))


_HEAD_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *_HEAD_WORDS,
                "Quyền Chủ tịch",
                "nguyên ",
                "Quyền ",
                "quyền",
                "NGUYÊN ",
                "Phó",
                "ı",
                "ſ",
            ]
        ),
        st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÁàẢ_0 ,.-\n\t", max_size=6),
    ),
    max_size=10,
).map("".join)


@given(st.text(alphabet="aΣσςİıſKAă Đđ.\n", max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_a_slice_of_a_text_lowered_once_is_the_slice_lowered(text: str, a: int, b: int) -> None:
    from cachlamhay.extract.automata import WordAlternation, lowered_slices

    lowered = lowered_slices(text)
    if lowered is not None:
        assert lowered[a:b] == WordAlternation(["x"]).exact_for(text[a:b])


@given(_HEAD_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_title_heads_in_a_slice_of_a_text_lowered_once(text: str, a: int, b: int) -> None:
    from cachlamhay.extract.automata import lowered_slices
    from cachlamhay.extract.people import _HEADS_ALTERNATION, has_title_head

    lowered = lowered_slices(text)
    if lowered is not None:
        assert _HEADS_ALTERNATION.found_in_lowered(lowered[a:b]) == has_title_head(text[a:b])


@given(_HEAD_TEXT)
def test_the_title_spans_agree_with_the_title_pattern(text: str) -> None:
    from cachlamhay.extract.people import _HEAD_PATTERN, head_spans

    assert head_spans(text) == [m.span() for m in _HEAD_PATTERN.finditer(text)]


_ORG_WORDS = ["Kế hoạch và Đầu tư", "Kế hoạch", "Cộng hòa", "CỘNG HÒA Xã hội chủ nghĩa", "Đầu"]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_ORG_WORDS),
            st.text(alphabet="aăâbcdđeêhkoôơtưxyÁ_0 ,.-\n", max_size=5),
        ),
        max_size=10,
    ).map("".join)
)
def test_the_organisation_spans_agree_with_their_pattern(text: str) -> None:
    from cachlamhay.extract.people import _ORG_NAMES

    assert _ORG_NAMES.spans(text) == [m.span() for m in _ORG_NAMES.pattern.finditer(text)]


_NAMES = [
    *("Hà Nội", "Hà Nội Mới", "Quốc hội", "Lào", "Nam", "Bình Dương", "Thái Bình", "TP.HCM"),
    # a central body whatever the case after its first letter, not before it
    *("Quốc Hội", "QUỐC HỘI", "quốc hội", "Bộ quốc phòng", "bộ Quốc phòng", "bộ quốc phòng"),
]


@given(
    st.lists(
        st.one_of(st.sampled_from(_NAMES), st.text(alphabet="aBcđ Ưx_.,0-\n😀\ud800", max_size=5)),
        max_size=10,
    )
)
def test_the_name_automaton_matches_like_the_name_pattern(parts: list[str]) -> None:
    from cachlamhay.extract.automata import lowered_slices
    from cachlamhay.extract.text import _mention_pattern, _name_matches

    text = "".join(parts)
    expected = [(m.start(), m.end(), m.lastgroup) for m in _mention_pattern().finditer(text)]
    found = _name_matches(text, lowered_slices(text))
    assert [(m.begin, m.finish, m.kind) for m in found] == expected


def _split_line_by_slices(line: str) -> list[tuple[int, int]]:
    """``text._split_line`` as first written (each abbreviation check on a slice, the sentence
    end found by a look-behind for its mark)."""
    from cachlamhay.extract.text import _NO_BREAK_BEFORE
    from cachlamhay.vntext import UPPER

    first_sentence_end = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[{UPPER}0-9])")
    found, start = [], 0
    for match in first_sentence_end.finditer(line):
        if _NO_BREAK_BEFORE.search(line[start : match.start()]):
            continue
        found.append((start, match.start()))
        start = match.end()
    return [*found, (start, len(line))]


@given(
    st.lists(
        st.sampled_from(
            [
                "TP. ",
                "PGS. ",
                "Mrs. ",
                "A. ",
                "xTS. ",
                "Hà",
                "Nội. ",
                "1. ",
                "? ",
                " ",
                "?!",
                "…",
                '." ',
                "”",
                "(",
                "“Bà",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_sentence_split_checks_abbreviations_like_the_slices_did(line: str) -> None:
    from cachlamhay.extract.text import _split_line

    assert list(_split_line(line)) == _split_line_by_slices(line)


@pytest.mark.parametrize("word", ["Hà Tĩnh thăm Nghệ An", "x" * 50, "a"])
def test_a_line_without_full_stops_becomes_bounded_sentences(word: str) -> None:
    from cachlamhay.extract.text import MAX_SENTENCE, sentences

    line = " ".join([word] * (3 * MAX_SENTENCE // len(word)))
    found = sentences(line)
    assert len(found) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in found)
    assert " ".join(s.text for s in found).split() == line.split()  # nothing lost


def test_spellings_of_one_romanised_name_are_one_person() -> None:
    out = extract_text(
        "Ông Moon Jae-In nhậm chức\nSáng 10/5, Tổng thống Hàn Quốc Moon Jae-in tuyên thệ. Tân "
        "Tổng thống Moon Jae- in phát biểu. Ông Moon Jae-in cảm ơn cử tri."
    )
    people = [(p["name"], p["titles"]) for p in out["people"]]
    assert people == [("Moon Jae-in", ["Tổng thống Hàn Quốc"])]
    (moon,) = out["people"]
    assert len(moon["evidence"]) == 3  # the three sentences that name him, in order
    assert [e["start"] for e in moon["evidence"]] == sorted(e["start"] for e in moon["evidence"])


def test_company_and_country_words_are_not_people() -> None:
    out = extract_text(
        "Tin tức\nÔng Nguyễn Liêm (tổng giám đốc Công ty Lâm Việt, Bình Dương) cũng cho rằng. "
        "Bí thư Trung ương Đảng Cuba đã tiếp đồng chí Jose Ramon Balaguer Cabrera."
    )
    names = {p["name"] for p in out["people"]}
    assert "Lâm Việt" not in names and "Đảng Cuba" not in names
    listed = extract_text(
        "Hậu Giang học Hà Tĩnh\nBí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay."
    )
    assert "Hà Tĩnh" not in {p["name"] for p in listed["people"]}


def test_a_visit_without_do_dan_dau_is_led_by_the_visitors_first_official() -> None:
    out = extract_text(
        "Tổng Bí thư tiếp đoàn Cuba\n"
        "Chiều 24/5, tại Trụ sở Trung ương Đảng, Tổng Bí thư Nguyễn Phú Trọng đã tiếp đồng chí "
        "Jose Ramon Balaguer Cabrera, Bí thư Trung ương Đảng Cuba."
    )
    leaders = {(v["leader"] or {}).get("name") for v in out["visits"]}
    assert leaders == {"Jose Ramon Balaguer Cabrera"}


@pytest.mark.parametrize(
    ("sentence", "purpose"),
    [
        ("nghe báo cáo về công tác bảo vệ rừng của tỉnh", "inspection"),
        ("thăm hỏi, hỗ trợ người dân bị thiệt hại do bão số 10", "relief"),
    ],
)
def test_a_storm_makes_a_relief_visit_a_report_does_not(sentence: str, purpose: str) -> None:
    text = (
        "Phó Thủ tướng làm việc tại Hà Tĩnh\nNgày 12-5, Phó Thủ tướng Trịnh Đình Dũng đã có "
        f"chuyến thăm và làm việc tại tỉnh Hà Tĩnh, {sentence}."
    )
    visits = extract_text(text)["visits"]
    assert [v["purpose"] for v in visits] == [purpose]


def test_a_report_is_no_storm_for_a_gifts_purpose() -> None:
    text = (
        "Trao quà cho học sinh nghèo\nTheo báo cáo, Công ty Hòa Phát đã trao 200 triệu đồng "
        "học bổng cho học sinh nghèo tỉnh Hà Tĩnh."
    )
    assert [t["purpose"] for t in extract_text(text)["transfers"]] == ["education"]


def _opening_literals(items: list[tuple[object, object]]) -> list[str]:
    """The literal texts a parsed pattern (``re._parser``) can open with, as far as they are
    literal: look-arounds at the start skipped, alternations and groups expanded, stopping at
    anything else."""
    from re import _constants as c  # type: ignore[attr-defined]

    prefixes = [""]
    for op, value in items:
        if op in (c.ASSERT, c.ASSERT_NOT) and prefixes == [""]:
            continue
        if op is c.LITERAL:
            prefixes = [p + chr(value) for p in prefixes]  # type: ignore[arg-type]
            continue
        if op is c.BRANCH:
            alternatives = [q for alt in value[1] for q in _opening_literals(alt)]  # type: ignore[index]
            return [p + q for p in prefixes for q in alternatives]
        if op is c.SUBPATTERN:
            inner = _opening_literals(value[3])  # type: ignore[index]
            return [p + q for p in prefixes for q in inner]
        break
    return prefixes


@pytest.mark.parametrize(
    ("where", "branches"),
    [
        ("visits._VISIT_VERBS", 9),
        ("transfers._GIVES", 9),
        ("transfers._CLAUSE_GIVES", 9),
        ("practices._PRAISES", 9),
        ("people._HONOURED_NAME", 6),
    ],
)
def test_every_branch_of_a_pattern_tried_at_starts_opens_with_a_start(
    where: str, branches: int
) -> None:
    import importlib

    module, name = where.split(".")
    starts_at = getattr(importlib.import_module(f"cachlamhay.extract.{module}"), name)
    from re import _parser  # type: ignore[attr-defined]

    literals = _opening_literals(list(_parser.parse(starts_at.pattern.pattern)))
    assert len(literals) >= branches
    assert all(literal.startswith(starts_at.starts) for literal in literals), literals


_VERB_PIECES = [
    "thăm", "thăm và làm việc", "nơi làm việc", "làm việc", "đến thăm", "Tiếp đến", "tiếp đến",
    "tiếp đoàn", "tiếp Đại sứ", "tiếp tục", "tiếp", "hội đàm", "có buổi", "tới", "sang", "dự lễ",
    "tham quan", "tham dự", "kiểm tra", "chào xã giao", "thị sát", "đến", "x", " ", "Đ", ", ",
    "😀", "\ud800",  # offsets past the BMP; a lone surrogate
]  # fmt: skip


@given(st.lists(st.sampled_from(_VERB_PIECES), max_size=12).map("".join), st.integers(0, 40))
def test_visit_verbs_are_found_where_the_pattern_finds_them(text: str, pos: int) -> None:
    from cachlamhay.extract.visits import _VISIT_VERBS

    expected = [m.span() for m in _VISIT_VERBS.pattern.finditer(text)]
    assert [m.span() for m in _VISIT_VERBS.finditer(text)] == expected
    expected = [m.span() for m in _VISIT_VERBS.pattern.finditer(text, pos)]
    assert [m.span() for m in _VISIT_VERBS.finditer(text, pos)] == expected


_HONORIFIC_PIECES = [
    "ông ", "bà ", "Ông ", "Bà ", "ngài ", "không ", "đồng chí ", "TS ", "GS", "\n", "“", "(", "(", '"', "Nguyễn ", "Văn", " Hùng", "Rịa",
    "-Vũng", " Tàu", "H.", "Mapisa", " - ", " de ", "Groot", "x", " ", ", ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_HONORIFIC_PIECES), max_size=12).map("".join))
@example("ông Ông Nguyễn Văn")  # a name opening the text takes the honorific after it
def test_honoured_names_are_found_where_the_pattern_finds_them(text: str) -> None:
    from cachlamhay.extract.people import _HONORIFIC_WORDS, _HONOURED, _honoured_names

    # the plain reading: an honorific after a space, a bracket, a quote or nothing
    words = "|".join(f"{word} " for word in _HONORIFIC_WORDS)
    reference = re.compile(rf"(?<![^ \n\t(\"“])({words}){_HONOURED}")
    expected = [(m.start(), m.group(1).strip(), *m.span(2)) for m in reference.finditer(text)]
    assert list(_honoured_names(text)) == expected


_GIVING_PIECES = [
    "trao tặng", "trao", "tiền ", "giải ", "khen ", "thưởng", "trao thưởng", "hỗ trợ", "gửi tặng",
    "gửi hỗ trợ", "xây tặng", "tặng", " đổi", " lại", "ủng hộ", "trích", "giúp đỡ", "cứu trợ",
    "x", " ", ", ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_GIVING_PIECES), max_size=12).map("".join))
def test_giving_verbs_are_found_where_the_patterns_find_them(text: str) -> None:
    from cachlamhay.extract.transfers import _CLAUSE_GIVES, _GIVES

    for starts_at in (_GIVES, _CLAUSE_GIVES):
        expected = [m.span() for m in starts_at.pattern.finditer(text)]
        assert [m.span() for m in starts_at.finditer(text)] == expected


_PRAISE_PIECES = [
    "co ", "co nhieu ", "cach lam hay", "cach lam", " cua", "danh gia cao", "hoc tap ",
    "hoc hoi kinh nghiem", "tinh ", "ha tinh", " trong viec", "mo hinh", " hay", "nhan rong ",
    "tim hieu", " ve", " ", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PRAISE_PIECES), max_size=12).map("".join))
def test_praise_is_found_where_the_pattern_finds_it(text: str) -> None:
    from cachlamhay.extract.practices import _PRAISES

    found = _PRAISES.search(text)
    expected = _PRAISES.pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


@given(
    st.lists(
        st.sampled_from(
            [
                "Huỳnh",
                "Đức",
                "Thơ-Chủ",
                "Jae-in",
                "U.S.",
                "A&B",
                "H. ",
                "Bush",
                " ",
                ", ",
                "…",
                "$",
                "-",
                "'",
            ]
        ),
        max_size=12,
    ).map("".join),
    st.integers(0, 3),
)
def test_person_tokens_are_the_word_pattern_matches(text: str, start: int) -> None:
    from cachlamhay.extract.people import _INITIAL, _WORD, _Token, _tokens, _with_initials

    assert _WORD.groups == 0  # findall gives whole matches
    expected = [
        _Token(m.group(0), start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:])
    ]
    if _INITIAL.search(text, start, len(text)):
        expected = _with_initials(expected)
    assert _tokens(text, start, len(text)) == expected


def test_a_head_of_state_named_by_surname_is_nobody_elses_title() -> None:
    """ "Tổng thống Putin, Chủ tịch nước Trần Đại Quang": Putin is not one of his offices, but
    "Thủ tướng Singapore" stays a title (people.v28)."""
    ctx = build_context(
        "t",
        "Tiêu đề\nTrong cuộc gặp Tổng thống Putin, Chủ tịch nước Trần Đại Quang cảm ơn nhà lãnh "
        "đạo Nga. Thủ tướng Singapore Lý Hiển Long dự hội nghị.",
    )
    found = {p.name: p.titles for p in extract_people(ctx)}
    assert found["Trần Đại Quang"] == ["Chủ tịch nước"]
    assert found["Lý Hiển Long"] == ["Thủ tướng Singapore"]


def test_a_korean_name_after_an_honorific_is_a_person() -> None:
    """ "ông Kim Jong Un": Kim is a family name ours shares, the rest is romanised (people.v29);
    "ông Kim Thanh" is left to the Vietnamese rules."""
    ctx = build_context(
        "t", "Tiêu đề\nÔng Kim Jong Un đã tới nơi hội đàm sớm hơn 7 phút so với ông Trump."
    )
    found = {p.name for p in untitled_people(ctx, extract_people(ctx))}
    assert "Kim Jong Un" in found


def test_a_foreign_head_of_state_is_the_country() -> None:
    """ "Chủ tịch nước Trung Quốc Tập Cận Bình": the country, as a foreign government is."""
    text = (
        "Chủ tịch nước hội đàm\nChiều 11/5, Chủ tịch nước Trần Đại Quang hội đàm với Chủ tịch nước "
        "Trung Quốc Tập Cận Bình tại Bắc Kinh."
    )
    hosts = {v["host"]["name"] for v in extract_text(text)["visits"]}
    assert "Chủ tịch nước Trung Quốc" not in hosts


def test_a_counterpart_named_with_their_country_is_a_person() -> None:
    """ "người đồng cấp Nga Vladimir Putin" (people.v30); not "người đồng cấp Nga" alone."""
    ctx = build_context(
        "t",
        "Tiêu đề\nTổng thống Mỹ Donald Trump và người đồng cấp Nga Vladimir Putin đã hội đàm. Ông "
        "Trump nói về người đồng cấp Nga với giọng ôn hòa.",
    )
    found = {p.name for p in untitled_people(ctx, extract_people(ctx))}
    assert found == {"Vladimir Putin"}
