"""People and their offices, from the patterns Vietnamese news uses.

Hand-written: no bundled model knows Vietnamese office titles, and the shapes are regular:
  - title before name: "Bí thư Tỉnh ủy Hậu Giang Lê Tiến Châu", "Phó Chủ tịch UBND tỉnh Đặng Ngọc
    Sơn", "Trưởng ban Dân vận Tỉnh ủy - Chủ tịch Ủy ban MTTQ tỉnh Bình Phước Lê Thị Xuân Trang",
    also with "ông/bà" between ("Thủ hiến bang Rheinland-Pfalz bà Malu Dreyer");
  - name before title: "ông Lê Văn Hùng - Phó Chánh Thanh tra TP.HCM", "đồng chí Lê Phước Thái -
    Giám đốc Sở Tài chính tỉnh Hậu Giang", "Đại tá Nguyễn Xuân Thắng - Ủy viên BTV Tỉnh ủy, Chỉ huy
    trưởng Bộ CHQS tỉnh".
A name is 2-5 capitalised syllables starting with a Vietnamese family name (or, after a title
naming a country or an international body such as FIFA, a foreign name). Titles are completed
with the province the sentence is about ("Phó Chủ tịch UBND tỉnh" → "Phó Chủ tịch UBND tỉnh Hà
Tĩnh") and abbreviations expanded (BTV → Ban Thường vụ, CHQS → Chỉ huy Quân sự, ĐBQH → Đại biểu
Quốc hội).

people.v23: a full name after "ông/bà", "đồng chí" or a degree whose office these patterns cannot
read ("ông Nguyễn Vũ Hùng (50 tuổi), Giám đốc Công ty …") is listed too, without titles
(``untitled_people``); the other extractors see only the titled people.
people.v24: a country written with its later words in lower case ("Thủ tướng Nhật bản Shinzo
Abe") or in English ("Philippine") ends the office before the name (gazetteer).
people.v25: a romanised name after the abbreviation of a foreign or international office
("Tổng Thư ký Liên hợp quốc (LHQ) Antonio Guterres"); an abbreviation inside an office, its
place after it ("Ủy ban nhân dân (UBND) tỉnh Nghệ An"), and left out of the title.
people.v26: the United Nations and Interpol are foreign bodies (gazetteer), so their officers'
romanised names are read after them and "Hội đồng Bảo an Liên Hợp Quốc" is no one's name.
people.v27: more international bodies by their acronym ("Tổng Giám đốc Tổ chức Sở hữu trí tuệ thế
giới (WIPO) Francis Gurry", "Giám đốc ILO Việt Nam Chang-Hee Lee").
people.v28: a head of state or government named by surname ("Trong cuộc gặp Tổng thống Putin,
Chủ tịch nước Trần Đại Quang …", "Tổng thống Trump") is another person, not a title of the name
that follows.
people.v29: after an honorific, the Korean family name Kim before a romanised name is a foreign
name ("ông Kim Jong Un"), though Kim is a Vietnamese family name too.
people.v30: a counterpart named with their country is a person, untitled like those after an
honorific ("Tổng thống Mỹ Donald Trump và người đồng cấp Nga Vladimir Putin").
people.v31: every name listed after a plural office holds it ("Các Thượng nghị sĩ John McCain,
Christopher Coons và John Barrasso"); a foreign holder is named after the words of their term or
host country ("Tổng thống Mỹ vừa mãn nhiệm Barack Obama", "tổng thống Colombia lúc đó là Juan
Manuel Santos", "Tổng thống nước chủ nhà Reuven Rivlin"); an office of a state ("bang Hessen")
is foreign; a name stops before a verb a lost line break ran into it ("Đào Minh Tú Chia sẻ").
people.v32: the ministry in brackets after a department's office completes it when the name
follows the brackets ("Cục trưởng Cục Quản lý môi trường (Bộ Y tế) Nguyễn Thị Liên Hương").
people.v33: an organisation written in lower case up to its province ends the office when a
Vietnamese name follows the province ("Giám đốc Trung tâm Dịch vụ đấu giá tài sản tỉnh Hải
Dương Nguyễn Đại Dân"), not through a second office ("… và chủ tịch UBND tỉnh Khánh Hòa").
people.v34: a country in a foreign spelling that a foreign name ran into goes back to the office
("Tổng thống Rodrigo Duterte Philippines đang cần …"); "Anh", "Nga" and the like stay names.
people.v35: an office written with an unspaced dash or an en dash ("Bộ trưởng Bộ Lao
động-Thương binh và Xã hội Đào Ngọc Dung"); a Governor-General with the realm ("Toàn quyền Úc"),
a warship's captain ("Hạm trưởng"), a press secretary with the house ("Thư ký báo chí Nhà
Trắng"; bare, "thư ký báo chí của Tổng thống Nga Vladimir Putin" is the president's).
people.v36: ministries by their initials joined with spaces ("Bộ NN & PTNT", "Bộ TN - MT",
"Bộ LĐ - TB & XH", "Bộ VH-TT-DL"; extract.gazetteer); "lãnh đạo Triều Tiên" as a foreign office;
a Korean name's last syllable set off by stray spaces ("Moon Jae - in", once "Moon Jae"), a
caption's next sentence cut from a foreign name ("Kim Jong-un Một nguồn tin …"), and the
spellings of one romanised name that differ in case, spaces or hyphens given as one person
("Moon Jae-in", "Moon Jae-In": ``one_per_spelling``).
people.v37: a foreign province written "Tỉnh" with a capital is no province of ours ("Tỉnh
trưởng Tỉnh Phúc Kiến Vũ Vi Quốc" acts for none)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from cachlamhay.extract import gazetteer
from cachlamhay.extract.automata import StartsAt, WordAlternation, leftmost
from cachlamhay.extract.context import DocContext
from cachlamhay.extract.names import COMMON_SURNAMES, SURNAMES
from cachlamhay.extract.text import Sentence, mentions
from cachlamhay.vntext import UPPER, fold

VERSION = "people.v37"

RANKS = [
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "Đô đốc",
    "Phó Đô đốc",
    "Chuẩn Đô đốc",
    "Tướng",  # "Tướng Aharon Haliva", "tướng Carlos Egido": foreign news leaves the grade out
]
# Offices only foreign news gives, so a foreign name may follow them (in _HEADS and _FOREIGN_HEADS)
_FOREIGN_OFFICES = (
    "Nhà lãnh đạo",  # "nhà lãnh đạo Triều Tiên Kim Jong-un", the gold's "Nhà lãnh đạo Triều Tiên"
    # "lãnh đạo Triều Tiên Kim Jong-un" (the corpora write it so 995 times); bare "lãnh đạo" is
    # anyone's leadership ("lãnh đạo tỉnh"), so only with the country
    "Lãnh đạo Triều Tiên",
    "Cao ủy",
    "Đại diện Thương mại",  # "Đại diện Thương mại Hoa Kỳ Robert Lighthizer"
    # "Toàn quyền Úc Peter Cosgrove": a Commonwealth realm's Governor-General, with the realm
    # (bare, "toàn quyền" is also the ambassador's "đặc mệnh toàn quyền", "đặc vụ toàn quyền")
    "Toàn quyền Úc",
    "Toàn quyền Australia",
    "Toàn quyền Canada",
    "Toàn quyền New Zealand",
    # "Thư ký báo chí Nhà Trắng Sarah Sanders"; with its house only: in "thư ký báo chí của Tổng
    # thống Nga Vladimir Putin" the office after "của" is the president's
    "Thư ký báo chí Nhà Trắng",
    "Thư ký báo chí Lầu Năm Góc",
    "Thư ký báo chí Điện Kremlin",
    "Hạm trưởng",  # "Hạm trưởng Doug Verissimo của tàu USS Carl Vinson": a warship's captain
)
_HEADS = [
    "Tổng Bí thư",
    "Thủ tướng",
    "Phó Thủ tướng Thường trực",
    "Phó Thủ tướng",
    "Chủ tịch nước",
    "Phó Chủ tịch nước",
    "Chủ tịch Quốc hội",
    "Phó Chủ tịch Quốc hội",
    "Thường trực Ban Bí thư",
    "Ủy viên Bộ Chính trị",
    "Ủy viên dự khuyết Trung ương Đảng",
    "Ủy viên Trung ương Đảng",
    "Bí thư Trung ương Đảng",
    "Ủy viên Ban Thường vụ",
    "Ủy viên BTV",
    "Ủy viên Ban Chấp hành",
    "Ủy viên",
    "Phó Bí thư Thường trực",
    "Phó Bí thư",
    "Bí thư",
    "Phó Chủ tịch Thường trực",
    "Phó Chủ tịch",
    "Chủ tịch",
    "Phó Tổng Giám đốc",
    "Phó Tổng Biên tập",
    "Tổng Biên tập",
    "Tổng Giám đốc",
    "Phó Giám đốc",
    "Giám đốc",
    "Phó Trưởng ban Thường trực",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Phó Trưởng Ban",
    "Trưởng Ban",
    "Phó Chánh Văn phòng",
    "Chánh Văn phòng",
    "Phó Chánh Thanh tra",
    "Chánh Thanh tra",
    "Phó Chánh án",
    "Chánh án",
    "Phó Viện trưởng",
    "Viện trưởng",
    "Phó Chỉ huy trưởng",
    "Chỉ huy trưởng",
    "Chính ủy",
    "Phó Tư lệnh",
    "Tư lệnh",
    "Bộ trưởng",
    "Thứ trưởng",
    "Phó Chủ nhiệm",
    "Chủ nhiệm",
    "Phó Trưởng Đoàn",
    "Trưởng Đoàn",
    "Phó Trưởng đoàn",
    "Trưởng đoàn",
    "Đại biểu Quốc hội",
    "Đại biểu",  # "đại biểu Nguyễn Anh Trí (Hà Nội)", "ĐB Diệp Hồng Di"
    "ĐBQH",
    "ĐB",
    "Phó Tổng Thư ký",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Phó Cục trưởng",
    "Cục trưởng",
    "Phó Vụ trưởng",
    "Vụ trưởng",
    "Phó Tổng cục trưởng",
    "Tổng cục trưởng",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Đại sứ",
    "Tổng Lãnh sự",
    "Lãnh sự",
    "Phó Tổng thống",
    "Tổng thống",
    "Quốc vương",
    "Nhà vua",
    "Thị trưởng",
    "Thống đốc",
    "Phó Thống đốc",
    "Tổng Kiểm toán Nhà nước",
    "Tổng Thanh tra Chính phủ",
    "Tổng thư ký",
    "Tổng Thư ký",
    "Người phát ngôn",
    "Trưởng Công an",
    "Phó Trưởng Công an",
    "Thủ trưởng",
    "Tỉnh trưởng",
    "Phó Tỉnh trưởng",
    "Chủ tịch HĐQT",
    "Chủ tịch Hội đồng quản trị",
    "Trưởng Ban Chỉ đạo",
    "Chủ tịch Hội",
    "Chủ tịch Ủy ban",
    "Chánh văn phòng",
    "Trưởng Văn phòng",
    "Giám đốc Công an",
    "Phó Giám đốc Công an",
    "Bí thư Đảng ủy",
    "Phó Bí thư Đảng ủy",
    "TGĐ",
    "GĐ",
    "PGĐ",
    "PCT",
    "Phó CT",
    "Phó ban",
    "Phó trưởng ban",
    "Tham tán Công sứ",
    "Tham tán",
    "Đặc phái viên",
    "Chủ tịch Thượng viện",
    "Quyền Chủ tịch",
    "Quyền Giám đốc",
    "Trưởng ban Quản trị",
    "Chi cục trưởng",
    "Phó Chi cục trưởng",
    "Bí thư Tỉnh đoàn",
    "Bí thư Thành đoàn",
    "Phó Bí thư Tỉnh đoàn",
    "Trợ lý",
    "Phát ngôn viên",
    "Chủ tịch Hội đồng",
    "Phó Thủ trưởng",
    "Phó TGĐ",
    "Phó GĐ",
    "Ngoại trưởng",
    "Phó Tổng Thanh tra Chính phủ",
    "Phó Tổng Thanh tra",
    "Thượng nghị sĩ",
    "Hạ nghị sĩ",
    "Nghị sĩ",
    "Thượng nghị sỹ",
    "Hạ nghị sỹ",
    "Nghị sỹ",
    "Thủ hiến",
    "Tổng Tham mưu trưởng",
    "Phó Tổng Tham mưu trưởng",
    "Hoàng tử",
    "Thái tử",
    # offices of a village, a hamlet, a ward's team, a hospital's department, a border post
    "Phó phòng",
    "Trưởng thôn",
    "Phó trưởng thôn",
    "Trưởng bản",
    "Trưởng ấp",
    "Trưởng khóm",
    "Trưởng khu phố",
    "Tổ trưởng",
    "Trưởng khoa",
    "Phó khoa",
    "Phó trưởng khoa",
    "Trưởng trạm",
    "Trạm trưởng",
    "Đồn trưởng",
    "Phó đồn trưởng",
    "CEO",
    "Bí thư thứ nhất",
    "Thứ trưởng thứ nhất",
    "Phó Thủ tướng thứ nhất",
    "Phó Chủ tịch thứ nhất",
    *_FOREIGN_OFFICES,
]
# Offices foreign news gives a foreign holder without naming the country ("Tổng thống Donald
# Trump", "Thượng nghị sĩ John McCain"): a name that is not Vietnamese may follow them. Company
# offices are left out: "Giám đốc Samsung Electronics" names a company, not a person.
_FOREIGN_HEADS = {
    h.lower()
    for h in (
        "Tổng thống",
        "Phó Tổng thống",
        "Thủ tướng",
        "Ngoại trưởng",
        "Bộ trưởng",
        "Thứ trưởng",
        "Thượng nghị sĩ",
        "Hạ nghị sĩ",
        "Nghị sĩ",
        "Thượng nghị sỹ",
        "Hạ nghị sỹ",
        "Nghị sỹ",
        "Đại sứ",
        "Quốc vương",
        "Nhà vua",
        "Thủ hiến",
        "Thị trưởng",
        "Thống đốc",
        "Phó Thống đốc",
        "Phó Thị trưởng",
        "Tỉnh trưởng",
        "Phó Tỉnh trưởng",
        "Tổng thư ký",
        "Người phát ngôn",
        "Phát ngôn viên",
        "Hoàng tử",
        "Thái tử",
        "Tư lệnh",
        "Tổng Lãnh sự",
        *_FOREIGN_OFFICES,
    )
} | {rank.lower() for rank in RANKS}
_ABBREVIATIONS = [
    (re.compile(r"\bBTV\b"), "Ban Thường vụ"),
    (re.compile(r"\bBCH\b"), "Ban Chấp hành"),
    (re.compile(r"\bCHQS\b"), "Chỉ huy Quân sự"),
    (re.compile(r"\bBĐBP\b"), "Bộ đội Biên phòng"),
    (re.compile(r"\bĐBQH\b"), "Đại biểu Quốc hội"),
    (re.compile(r"^ĐB\b"), "Đại biểu"),
    (re.compile(r"\bUBDN\b"), "UBND"),
    (re.compile(r"\bUB MTTQ\b"), "Ủy ban MTTQ"),
    (re.compile(r"\bT\.Ư\b|\bTƯ\b|\bTW\b"), "Trung ương"),
    (re.compile(r"^TGĐ\b"), "Tổng Giám đốc"),
    (re.compile(r"^PGĐ\b"), "Phó Giám đốc"),
    (re.compile(r"^GĐ\b"), "Giám đốc"),
    (re.compile(r"^PCT\b|^Phó CT\b"), "Phó Chủ tịch"),
    (re.compile(r"\bCty\b"), "Công ty"),
]
_CANONICAL_HEAD: dict[str, str] = {}
# District-level and smaller: after these a capitalised run is a place. (After "tỉnh" and
# "thành phố" news puts the person: "Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn".)
_PLACE_WORDS = {
    "quận",
    "huyện",
    "xã",
    "phường",
    "thị",
    "trấn",
    "thôn",
    "ấp",
    "bản",
    "làng",
    "đường",
    "phố",
}
_HONORIFICS = {"ông", "bà", "ngài", "Ông", "Bà", "Ngài"}
# Lowercase words that occur inside office and organisation names.
_ORG_LOWER = {
    "và",
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "quận",
    "thị",
    "xã",
    "phường",
    "trấn",
    "nhân",
    "dân",
    "nông",
    "thôn",
    "vận",
    "tải",
    "tối",
    "cao",
    "quốc",
    "tế",
    "trung",
    "ương",
    "tổ",
    "ủy",
    "uỷ",  # the older tone placement ("Thành uỷ"), common in vietnews
    "phủ",  # "Thủ tướng Chính phủ", "Văn phòng Chính phủ"
    "bộ",  # "Thứ trưởng bộ Thông tin và Truyền thông"
    "sở",  # "Giám đốc sở Xây dựng Trần Trọng Tuấn"
    "bang",  # "Đại sứ Việt Nam tại Liên bang Nga"
    # second syllables that organisation names leave in lower case ("Ủy ban Pháp luật",
    # "Sở Thủy sản", "Bộ tư lệnh", "Viện Kiểm sát")
    "ban",
    "luật",
    "sản",
    "lệnh",
    "nghiệp",
    "dục",
    "tạo",
    "tra",
    "vụ",
    "sát",
    "hoạch",
    "binh",
    "thông",
    "truyền",
    "lợi",
    "thuế",
    "lý",  # "Ban Quản lý", "Cục Quản lý giá"
    "bạc",  # "Kho bạc Nhà nước"
    "thực",  # "Ban Quản lý An toàn thực phẩm" ("toàn" only after "An": see is_org_word)
    "phẩm",
    "nước",
    "viện",  # "Hạ viện", "Thượng viện", "Học viện"
    "thường",
    "trực",
    "đầu",
    "tư",
    "khóa",
    "lâm",
    "thời",
    "hội",
    "đồng",
    "quản",
    "trị",
    "của",
    "tại",
    "ở",  # "Thống đốc bang Karnataka ở Ấn Độ Vajubhai Vala"
    "đắc",  # "Tổng thống đắc cử Mỹ Donald Trump"
    "cử",
}
# A hyphen inside a word ("Jae-in", "Bà Rịa-Vũng Tàu"), except before an office: "ông Huỳnh
# Đức Thơ-Chủ tịch UBND thành phố" is a name, then its office
_WORD = re.compile(
    r"[\w][\w.&'’]*(?:-(?!(?:Chủ|Phó|Bí|Giám|Trưởng|Tổng|Thứ|Bộ|Chánh|Ủy|Uỷ)\b)[\w.&'’]*)*[\w&]"
    r"|[\w]"
    r"|[-–—,();:!?\"“”.*…]"
)
_PROVINCE_CUE_END = re.compile(
    r"(?:\b(?:tỉnh|Tỉnh ủy|Thành ủy|UBND tỉnh|HĐND tỉnh|thành phố|UBND thành phố|HĐND thành phố"
    r"|UBND TP|HĐND TP|Công an tỉnh|MTTQ tỉnh|CHQS tỉnh|Chỉ huy Quân sự tỉnh|Đoàn ĐBQH tỉnh"
    r"|Đoàn Đại biểu Quốc hội tỉnh|Biên phòng tỉnh|TP))$"
)
_PROVINCE_LEVEL_ORG = re.compile(
    r"^(?:Sở|Ban \w+ Tỉnh ủy|Văn phòng UBND|Văn phòng Tỉnh ủy|Văn phòng HĐND)\b"
)


@dataclass(slots=True)
class PersonMention:
    name: str
    titles: list[str]
    province: str | None
    start: int  # name span
    end: int
    sentence: Sentence | None = None


@dataclass(slots=True)
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    province: str | None = None
    mentions: list[PersonMention] = field(default_factory=list)


_HEAD_PATTERN = re.compile(
    r"(?<![\w])(?:(?-i:nguyên|quyền|Nguyên|Quyền)\s+)?(?:"
    + "|".join(re.escape(h) for h in sorted(set(_HEADS + RANKS), key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
# The first spelling in _HEADS wins; list order, not set order, so every process agrees.
for _head in sorted(dict.fromkeys(_HEADS + RANKS), key=len):
    _CANONICAL_HEAD.setdefault(_head.lower(), _head)


def has_title_head(text: str) -> bool:
    """Whether ``_HEAD_PATTERN`` would find an office in ``text``, from one Aho-Corasick pass
    (about 25 times faster than the case-insensitive alternation)."""
    return _HEADS_ALTERNATION.found_in(text)


_HEADS_ALTERNATION = WordAlternation(_HEADS + RANKS)
_ACTING_OR_FORMER = ("nguyên", "quyền", "Nguyên", "Quyền", "tân")  # "tân Chủ tịch": newly elected


def head_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _HEAD_PATTERN.finditer(text)]``, from one automaton pass."""
    lowered = _HEADS_ALTERNATION.exact_for(text)
    if lowered is None:
        return [m.span() for m in _HEAD_PATTERN.finditer(text)]
    candidates = _HEADS_ALTERNATION.longest_at(lowered)
    for start, end in list(candidates.items()):
        prefixed = _acting_or_former_before(text, start)
        if prefixed is not None:  # the pattern's optional "nguyên " is tried first
            candidates[prefixed] = end
    return leftmost(candidates)


def _acting_or_former_before(text: str, at: int) -> int | None:
    """Where "nguyên"/"quyền" + white space right before ``at`` starts, if it does."""
    k = at
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == at:
        return None
    for word in _ACTING_OR_FORMER:
        begin = k - len(word)
        if begin >= 0 and text.startswith(word, begin) and not _word_char_at(text, begin - 1):
            return begin
    return None


def _word_char_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def starts_with_title(text: str) -> bool:
    """ "Phó Thủ tướng Chính phủ Vũ Đức Đam …": ``text`` opens with an office."""
    return bool(_HEAD_PATTERN.match(text))


def canonical_head(title: str) -> str:
    """ "phó bí thư thường trực Tỉnh ủy" → "Phó Bí thư Thường trực Tỉnh ủy" (news that writes
    titles in lower case, as vietnews does)."""
    match = _HEAD_PATTERN.match(title)
    if not match or not match.group(0)[0].islower():
        return title
    head = _CANONICAL_HEAD.get(match.group(0).lower(), match.group(0))
    return head + title[match.end() :]


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    piece = text[start:end]
    tokens = []
    at = 0
    # The words as strings, each placed by ``find`` (faster than a match object per word): only
    # characters no word can start with lie between two words, so the first place a word is
    # written after the previous one is where it was found.
    for word in _WORD.findall(piece):
        at = piece.find(word, at)
        tokens.append(_Token(word, start + at, start + at + len(word)))
        at += len(word)
    if _INITIAL.search(text, start, end):
        return _with_initials(tokens)
    return tokens


# "Robert H. McCooey", "George W. Bush": a middle initial inside a foreign name
_INITIAL = re.compile(r"(?<![\w.])[A-Z]\. [A-Z]")


def _initial(word: str) -> bool:
    """A middle initial as ``_with_initials`` joins it: "H."."""
    return len(word) == 2 and word[1] == "." and "A" <= word[0] <= "Z"


def _with_initials(tokens: list[_Token]) -> list[_Token]:
    """Join a middle initial and its full stop into one token ("H.") when a foreign given name
    or another initial is written right before it and a capitalised word right after: not
    "huyện H. Long Thành"."""
    joined: list[_Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            0 < i < len(tokens) - 2
            and len(token.text) == 1
            and "A" <= token.text <= "Z"
            and tokens[i + 1].text == "."
            and tokens[i + 1].start == token.end
            and tokens[i + 2].start == token.end + 2
            and tokens[i + 2].text[0].isupper()
            and joined[-1].end + 1 == token.start
            and (
                _initial(joined[-1].text)  # "A. H. Mahmood Ali"
                or (_title_cased(joined[-1].text) and romanised(joined[-1].text))
            )
        ):
            joined.append(_Token(token.text + ".", token.start, tokens[i + 1].end))
            i += 2
            continue
        joined.append(token)
        i += 1
    return joined


# A Vietnamese syllable, folded: initial consonant, one to three vowels, final consonant.
_VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def _vietnamese_syllable(word: str) -> bool:
    return bool(_VIETNAMESE_SYLLABLE.fullmatch(fold(word)))


def _foreign_looking(c: _Classified, begin: int, end: int) -> bool:
    """Whether a run of capitalised words is a foreign name: one of its words cannot be a
    Vietnamese syllable ("Donald", "Trump", "McCain"; not "Dong", "Kim")."""
    return romanised(" ".join(c.word(k) for k in range(begin, end)))


# Capitalised Vietnamese words that open a sentence or a clause, never part of a foreign name
_SENTENCE_OPENERS = {
    "Ngày",
    "Sau",
    "Theo",
    "Trong",
    "Tại",
    "Khi",
    "Với",
    "Chính",
    "Hôm",
    "Sáng",
    "Chiều",
    "Tối",
    "Đây",
    "Ông",
    "Bà",
    "Năm",
    "Tháng",
    "Trước",
    "Nữ",
}
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "O'")


def _title_cased(word: str) -> bool:
    """ "Trump", "McCain", "DeVos"; not "GTVTPhó" or "NATO"."""
    for prefix in _NAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) and word[len(prefix)].isupper():
            word = word[len(prefix) :]
            break
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower() or "-" in word)


def _spaced_words(c: _Classified, begin: int, end: int) -> bool:
    """Whether tokens [begin, end) are words separated by single spaces (no "]" or line)."""
    text = c.sentence.text
    return all(text[c.tokens[k].end : c.tokens[k + 1].start] == " " for k in range(begin, end - 1))


_HYPHENATED_SYLLABLES = re.compile(r"[^\W\d_][^\W\d_A-ZĐ]*(?:-[^\W\d_A-ZĐ]+)+")
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")  # "Francois-Philippe"


def _is_name_syllable(token: _Token) -> bool:
    text = token.text
    return (
        (text[0].isupper() and text.isalpha() and not text.isupper())
        or (len(text) == 1 and text.isupper() and text.isalpha())
        or _initial(text)
        # a transliteration's syllables joined by hyphens: "Moon Jae-in", "Park Won-soon"
        or (text[0].isupper() and bool(_HYPHENATED_SYLLABLES.fullmatch(text)))
        or bool(_HYPHENATED_GIVEN_NAME.fullmatch(text))
        or bool(_ARABIC_PARTICLE.fullmatch(text))  # "Bashar al-Assad"
    )


# Lower-case particles inside foreign names ("Carel de Groot", "Montes de Oca"); never a
# Vietnamese word written lower-case between two capitalised ones ("do" and "da" are left out).
_NAME_PARTICLES = {"de", "del", "della", "van", "von", "der", "den", "dos", "du", "bin", "ibn"}
_ARABIC_PARTICLE = re.compile(r"(?:al|el|bin|ibn|abu)-[A-Z][a-z]+")


def expand_title(title: str) -> str:
    for pattern, replacement in _ABBREVIATIONS:
        title = pattern.sub(replacement, title)
    return re.sub(r"\s+", " ", title).strip(" ,-–")


def complete_title(title: str, province: str | None) -> str:
    """Add the province to a provincial office that names none ("Bí thư Tỉnh ủy" + Hà Tĩnh)."""
    if not province or gazetteer.canonical_province(title.split()[-1]) or _names_province(title):
        return title
    if _PROVINCE_CUE_END.search(title):
        return f"{title} {province}"
    org = _organisation(title)
    if org and _PROVINCE_LEVEL_ORG.match(org) and "tỉnh" not in org and "Trung ương" not in org:
        kind = (
            "thành phố" if gazetteer.provinces()[province].full_name.startswith("Thành") else "tỉnh"
        )
        return f"{title} {kind} {province}"
    return title


def _names_province(title: str) -> bool:
    """Any province spelling inside the title, even glued to the next word."""
    return bool(gazetteer.province_substring_pattern().search(title))


def _organisation(title: str) -> str | None:
    match = _HEAD_PATTERN.match(title)
    return title[match.end() :].strip() if match else None


def province_of_title(title: str) -> str | None:
    """The province a title names (the longest name when it names several spellings)."""
    found = [m.group(0) for m in gazetteer.province_in_title_pattern().finditer(title)]
    if not found:
        return None
    return gazetteer.province_aliases()[max(found, key=len)]


def central_body_of(titles: list[str]) -> str | None:
    """The central body a set of titles belongs to (SPEC actor for central visitors)."""
    for title in titles:
        body = _central_body_named_in(title)
        if body:
            return body
    for title in titles:
        if title.startswith("Ủy viên Bộ Chính trị"):
            return "Bộ Chính trị"
    if any(_SECRETARIAT_MEMBER.match(title) for title in titles):
        return "Ban Bí thư"
    return None


# Titles repeat across articles ("Thủ tướng", "Bộ trưởng Bộ Công Thương"), and finding the body
# tries every central alias: each title's answer is kept.
@functools.lru_cache(maxsize=4096)
def _central_body_named_in(title: str) -> str | None:
    """The central body one title names, if it names one and is not a foreign office's."""
    if _foreign_title(title):
        return None
    if re.match(r"(?:Phó )?Thủ tướng", title, re.IGNORECASE):
        return "Chính phủ"
    if title.lower().startswith("tổng bí thư"):
        return "Trung ương Đảng"
    if re.match(r"(?:Phó )?Chủ tịch nước", title, re.IGNORECASE):
        return "Chủ tịch nước"
    if re.match(r"(?:Phó )?Chủ tịch Quốc hội", title, re.IGNORECASE):
        return "Quốc hội"
    if title.startswith("Ủy viên") or _SECRETARIAT_MEMBER.match(title):
        return None  # a member acts for their own office, named in another title
    folded = fold(title)
    minister = re.match(r"(?:bo truong|thu truong) (?!bo )", folded)
    if minister:  # "Bộ trưởng Giao thông Vận tải" names the ministry without "Bộ"
        folded = "bo " + folded[minister.end() :]
    for alias, body in _central_by_fold():
        if alias in folded:
            return body
    return None


# "Bí thư Trung ương Đảng": a member of the Secretariat, not the Central Committee itself
_SECRETARIAT_MEMBER = re.compile(r"Bí thư Trung ương(?: Đảng)?$")


def _foreign_title(title: str) -> bool:
    return "Việt Nam" not in title and bool(gazetteer.country_in_title_pattern().search(title))


@functools.cache
def _central_by_fold() -> list[tuple[str, str]]:
    pairs = [(fold(alias), body) for alias, body in gazetteer.central_aliases().items()]
    pairs += [(fold(a), b) for a, b in _EXTRA_CENTRAL.items()]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


_EXTRA_CENTRAL = {
    "Bộ Tài nguyên - Môi trường": "Bộ Tài nguyên và Môi trường",
    "Bộ Kế hoạch - Đầu tư": "Bộ Kế hoạch và Đầu tư",
    "Bộ NN-PTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Văn hóa Thể thao và Du lịch": "Bộ Văn hóa, Thể thao và Du lịch",
    "Tổng cục Thủy lợi": "Bộ Nông nghiệp và Phát triển nông thôn",
    "Tổng cục Du lịch": "Bộ Văn hóa, Thể thao và Du lịch",
    "Tổng cục Thuế": "Bộ Tài chính",
    "Tổng cục Hải quan": "Bộ Tài chính",
    # the army's offices answer to the Ministry of Defence ("Phó Tổng Tham mưu trưởng Quân đội
    # nhân dân Việt Nam đã tiếp …": the gold names Bộ Quốc phòng as the host)
    "Tổng Tham mưu trưởng": "Bộ Quốc phòng",
    "Quân đội nhân dân Việt Nam": "Bộ Quốc phòng",
    "QĐND Việt Nam": "Bộ Quốc phòng",
    "Tổng cục Chính trị Quân đội": "Bộ Quốc phòng",
}


# Official names with lowercase words inside: their tokens count as organisation, never as names.
ORG_NAMES = [
    "đặc mệnh toàn quyền",
    "Đặc mệnh toàn quyền",
    "Thi hành án dân sự",
    "Thi hành án Dân sự",
    "Nhà Trắng",
    "Điện Kremlin",
    "Lầu Năm Góc",
    "Kế hoạch và Đầu tư",
    "Kế hoạch - Đầu tư",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và PTNT",
    "Tài nguyên và Môi trường",
    "Giao thông vận tải",
    "Giao thông Vận tải",
    "Lao động - Thương binh và Xã hội",
    "Lao động, Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa - Thể thao và Du lịch",
    "Thông tin và Truyền thông",
    "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Tòa án nhân dân",
    "Viện Kiểm sát nhân dân",
    "Viện kiểm sát nhân dân",
    "Mặt trận Tổ quốc",
    "Bộ Chỉ huy Quân sự",
    "Bộ Chỉ huy quân sự",
    "Bộ đội Biên phòng",
    "Bộ Chỉ huy Bộ đội Biên phòng",
    "Đoàn Thanh niên",
    "Đoàn TNCS Hồ Chí Minh",
    "Hội Liên hiệp Phụ nữ",
    "Liên đoàn Lao động",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Quản lý thị trường",
    "Ban Quản lý",
    "Công an nhân dân",
    "Quân đội nhân dân",
    "Đảng ủy Khối",
    "Ủy ban Kiểm tra",
    "Hội đồng quản trị",
    "Ban Chỉ đạo",
    "Phát triển nông thôn",
    "Xây dựng",
    "Tài chính",
    "Công Thương",
    "Ngoại vụ",
    "Nội vụ",
    "Tư pháp",
    "Y tế",
    "Thanh tra",
    "Tổ chức",
    "Tuyên giáo",
    "Dân vận",
    "Nội chính",
    "Kinh tế",
    "Đối ngoại",
    "Thường vụ",
    "Chấp hành",
    "Quốc phòng",
    "Công an",
    "Ngoại giao",
    "Quân sự",
    "Thi đua - Khen thưởng",
    "Văn phòng",
    "Đoàn đại biểu Quốc hội",
    "Đoàn Đại biểu Quốc hội",
    "Ủy ban nhân dân tỉnh",
    "Hội đồng Nhân dân",
    "Ủy ban Nhân dân",
    "Cảnh sát giao thông",
    "Cảnh sát điều tra",
    "Phòng cháy chữa cháy",
    "Cảnh sát Phòng cháy chữa cháy",
    "Trung tâm",
    "Thủy lợi",
    "Giao thông Vận tải",
    "Giao thông vận tải",
    "Bệnh viện",
    "Công ty",
    "Tổng công ty",
    "Tập đoàn",
    "Ngân hàng",
    "Học viện",
    "Đại học",
    "Hợp tác xã",
    "Chi cục",
    "Tổng cục",
    "Cảnh sát",
    "Văn phòng",
    "Cộng hòa Liên bang",
    "Văn hóa Thể thao và Du lịch",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa Thể thao",
    "Tài nguyên - Môi trường",
    "Tài nguyên - môi trường",
    "Kế hoạch và đầu tư",
    "Cộng hòa Dân chủ Nhân dân",
    "Cộng hòa Xã hội chủ nghĩa",
    "Cộng hòa",
    "Văn phòng Chủ tịch nước",
    "Trung ương Đoàn",
    "Ủy ban Tài chính - Ngân sách",
    "Ủy ban Tài chính – Ngân sách",
    "Ủy ban tài chính - Ngân sách",
    "Ủy ban tài chính – Ngân sách",
    # provinces written with a dash, inside an office: "Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu X"
    "Bà Rịa - Vũng Tàu",
    "Bà Rịa – Vũng Tàu",
    "Thừa Thiên - Huế",
    "Thừa Thiên – Huế",
]


_DASHES = ("-", " -", "- ", " – ", "–", " –", "– ")


def _dash_spellings(names: list[str]) -> list[str]:
    """Each name written with " - " also as papers write the dash: unspaced, half spaced, or an
    en dash ("Bộ Lao động-Thương binh và Xã hội", "Lao động –Thương binh")."""
    spelled = list(names)
    for name in names:
        if " - " in name:
            spelled += [name.replace(" - ", dash) for dash in _DASHES]
    return spelled


_ORG_NAMES = WordAlternation(_dash_spellings(ORG_NAMES))
# A ministry's portfolio written short, capitalised as a name is ("Bộ trưởng Thương mại Indonesia
# Enggartiasto Lukita"); matched with its case, unlike ORG_NAMES: "thương mại" inside a company's
# name ("Công ty đầu tư thương mại vận tải Thế Anh") opens no office.
_PORTFOLIOS = re.compile(
    r"(?<![\w])(?:Văn hóa|Thương mại|Công nghiệp|Nông nghiệp|Giáo dục|Du lịch|Môi trường"
    r"|Năng lượng|Giao thông|Lao động|Khoa học|Thông tin|Truyền thông|Ngân sách|Tài nguyên"
    r"|Hải quan)(?![\w])"
)


# Lower-case words of a field that organisation names in one outlet's style leave in lower
# case after a capitalised word ("Ban quản lý Đường sắt đô thị", "Công ty TNHH đầu tư và phát
# triển Thanh Châu", "Ban điều phối Dự án"): the pair, never either word alone ("phát biểu")
_FIELD_PAIRS = WordAlternation(
    [
        "phát triển",
        "đô thị",
        "điều phối",
        "đường sắt",
        "y dược",
        "kế toán",
        "địa chính",
        "môi trường",
        "tài nguyên",
        "xây dựng",
        "văn hóa",
        "thể thao",
        "du lịch",
        "lao động",
        "kinh tế",
        "công nghệ",
        "khoa học",
        "an ninh",
        "quân sự",
        "thanh niên",
        "phụ nữ",
        "cựu chiến",
        "thương mại",
        "dịch vụ",
        "xuất nhập khẩu",
        "hạ tầng",
        "giao thông",
        "công thương",
        "ngoại vụ",
        "tài chính",
        "nội vụ",
        "tư pháp",
        "dân số",
        "điện lực",
        "ngân hàng",
        "bảo hiểm",
        "sản xuất",
        "kinh doanh",
        "chăn nuôi",
        "thủy sản",
        "hàng không",
        "nông dân",
        "thường vụ",
        "chấp hành",
        "kiểm tra",
        "tuyên giáo",
        "dân vận",
        "tổ chức",
        "đối ngoại",
        "thi đua",
        "khen thưởng",
        "viễn thông",
        "bưu chính",
        "truyền hình",
        "phát thanh",
        "môi giới",
        "bất động sản",
        "dự án",
        "viên chức",
        "công chức",
    ]
)


# Verbs opening a sentence, by their capitalised first syllable: the second syllable
_VERB_SECOND_SYLLABLE = {
    "Chia": "sẻ",
    "Trao": "đổi",
    "Trả": "lời",
    "Phát": "biểu",
    "Khẳng": "định",
    "Yêu": "cầu",
    "Đề": "nghị",
    "Cho": "biết",
    "Nhấn": "mạnh",
}
# … and funds and schools, named after people ("Quỹ văn hóa Phan Châu Trinh")
_COMPANY_WORDS = {"ty", "cty", "tnhh", "cp", "hđqt", "phần", "quỹ", "trường"}


# Words that count an office plural ("Các Thượng nghị sĩ …", "hai nhà lãnh đạo …")
_PLURAL_WORDS = frozenset({"các", "hai", "ba", "bốn", "những"})


def _plural_leaders(tokens: list[_Token], i: int) -> bool:
    """ "Hai nhà lãnh đạo Tổng thống Mỹ Donald Trump và …": leaders counted, no one's office."""
    if i == 0 or tokens[i].text.lower() != "nhà":
        return False
    counted = tokens[i - 1].text.lower()
    return counted in _PLURAL_WORDS or counted == "nhiều"  # "nhiều nhà lãnh đạo" too


_DASH = re.compile("[-–]")
# "VEC", "KH&ĐT": a body's abbreviation; "(UBND)": one in brackets, inside an office or closing it
_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ&.-]+")
_BRACKETED_ABBREVIATION = re.compile(rf"\s*\(({_ABBREVIATION.pattern})\)")
# what follows an abbreviation that does not close the office: the body's place
_PLACE_AFTER_ABBREVIATION = {"tỉnh", "thành", "TP", "TP.", "huyện", "quận", "thị", "xã", "phường"}


class _Classified:
    """Tokens of one sentence with what each can be: head start, organisation word, name part."""

    def __init__(self, sentence: Sentence) -> None:
        text = sentence.text
        self.sentence = sentence
        self.tokens = _tokens(text, 0, len(text))
        self.head_at: dict[int, int] = {}  # token index → token index after the head
        self.org: set[int] = set()
        starts = {t.start: i for i, t in enumerate(self.tokens)}
        ends = {t.end: i for i, t in enumerate(self.tokens)}
        for start, end in head_spans(text):
            if start in starts and end in ends and not _plural_leaders(self.tokens, starts[start]):
                self.head_at[starts[start]] = ends[end] + 1
        for start, end in _ORG_NAMES.spans(text):
            if start in starts and end in ends:
                self.org.update(range(starts[start], ends[end] + 1))
        for match in _PORTFOLIOS.finditer(text):
            if match.start() in starts and match.end() in ends:
                self.org.update(range(starts[match.start()], ends[match.end()] + 1))
        for start, end in _FIELD_PAIRS.spans(text):
            first = starts.get(start)
            lower_field = text[start:end].rsplit(" ", 1)[-1].islower()  # not "Lê Văn Hóa"
            if (
                first
                and end in ends
                and lower_field
                and (self.is_org_word(first - 1) or self._dash_in_name(first - 1))
                and not self._in_company(first)
            ):
                self.org.update(range(first, ends[end] + 1))
        for dash in _DASH.finditer(text):
            # "Vụ Công chức - viên chức", "Sở Tài nguyên - môi trường": a dash inside the name
            k = starts.get(dash.start())
            if k and k + 1 in self.org and self.tokens[k + 1].text.islower():
                self.org.add(k)
        for bracket in _BRACKETED_ABBREVIATION.finditer(text) if "(" in text else ():
            # "Phó Chủ tịch Ủy ban nhân dân (UBND) tỉnh Nghệ An Lê Xuân Đại": a body's
            # abbreviation inside the office, its place after it
            k = starts.get(bracket.start(1) - 1)  # the "(" token
            if (
                k is not None
                and 0 < k < len(self.tokens) - 3
                and self.tokens[k + 2].text == ")"  # the abbreviation is one word
                and self.tokens[k + 3].text in _PLACE_AFTER_ABBREVIATION
                and self.is_org_word(k - 1)
                and self.tokens[k - 1].text not in _CHAIN_STOPS
            ):
                self.org.update((k, k + 1, k + 2))

    def _dash_in_name(self, k: int) -> bool:
        return self.tokens[k].text in ("-", "–") and k > 0 and self.is_org_word(k - 1)

    def _in_company(self, i: int) -> bool:
        """Whether token ``i`` is inside a company's name, which ends with a proper name that
        would pass for a person's ("Công ty cổ phần đầu tư phát triển Thái Sơn")."""
        return any(self.tokens[k].text.lower() in _COMPANY_WORDS for k in range(max(0, i - 8), i))

    def word(self, i: int) -> str:
        return self.tokens[i].text

    def is_org_word(self, i: int) -> bool:
        token = self.tokens[i].text
        if i in self.org:
            return True
        if token in _VERB_FIRST_SYLLABLES and self._next_word(i) in _VERB_FIRST_SYLLABLES[token]:
            return (
                False  # "… tỉnh Hà Tĩnh thông tin về …": the verb after the title, not "Giao thông"
            )
        if token in _ORG_LOWER or token == "&" or self.is_particle(i):
            return True
        if _ARABIC_PARTICLE.fullmatch(token):
            return True
        if token == "toàn":  # "Cục An toàn thực phẩm", not "Giám đốc toàn cầu"
            return i > 0 and self.tokens[i - 1].text == "An"
        if token == "quân":  # "Trưởng Ban Thanh niên quân đội Đinh Quốc Hùng", not "Hạm đội"
            return self._next_word(i) == "đội"
        if token == "đội":
            return i > 0 and self.tokens[i - 1].text == "quân"
        if token == "hợp":  # "Tổng Thư ký Liên hợp quốc"
            return i > 0 and self.tokens[i - 1].text == "Liên"
        if token == "." and i > 0 and self.tokens[i - 1].text in ("TP", "Tp", "Q", "TX", "H"):
            return self.tokens[i - 1].end == self.tokens[i].start  # "UBND TP. HCM", "Q. 1"
        if token[0].isdigit():  # "Bí thư Quận 2 Nguyễn Hoài Nam", "Phường 12"
            return i > 0 and self.tokens[i - 1].text.lower() in ("quận", "phường", "q", "p")
        return token[0].isupper()

    def _next_word(self, i: int) -> str | None:
        return self.tokens[i + 1].text if i + 1 < len(self.tokens) else None

    def is_name_part(self, i: int) -> bool:
        return (
            i not in self.org
            and i not in self.head_at
            and self.tokens[i].text not in _HONORIFICS  # "… Trương Minh Hoàng. Ông Hoàng …"
            and (_is_name_syllable(self.tokens[i]) or self.is_particle(i))
            and not (self.tokens[i].text in _VERB_SECOND_SYLLABLE and self._opens_a_verb(i))
        )

    def _opens_a_verb(self, i: int) -> bool:
        """ "Phó Thống đốc NHNN Đào Minh Tú Chia sẻ tại …": a heading's line break lost, the
        next sentence opens with a verb whose first syllable looks like a name's."""
        second = _VERB_SECOND_SYLLABLE[self.tokens[i].text]
        return i + 1 < len(self.tokens) and self.tokens[i + 1].text == second

    def is_particle(self, i: int) -> bool:
        """A foreign name's particle between two capitalised words ("Carel de Groot")."""
        return (
            self.tokens[i].text in _NAME_PARTICLES
            and 0 < i < len(self.tokens) - 1
            and _is_name_syllable(self.tokens[i - 1])
            and _is_name_syllable(self.tokens[i + 1])
        )


_NEVER_FIRST_NAME_WORD = {"Hội", "Hiệp", "Liên", "Tổng", "Câu", "Đảng", "Bang"}
# "Đoàn" before these is a youth union ("Bí thư Đoàn Trường …"), when nothing follows them
_YOUTH_UNION_OF = {"Trường", "Khối", "TNCS", "Phường", "Xã", "Huyện", "Tỉnh"}
# A unit's own name follows these ("Trưởng Khoa Tiết Niệu Nguyễn Văn A"): the person's name
# starts at the next common family name.
_UNIT_WORDS = {"Khoa", "Tổ", "Trạm"}


def _name_run_ending_at(
    c: _Classified, end: int, lo: int, foreign_ok: bool, foreign_head: bool = False
) -> tuple[int, int] | None:
    """A person name made of tokens [begin, end) with begin ≥ lo, or None."""
    first = end
    while first > lo and c.is_name_part(first - 1):
        first -= 1
    first = _after_international_body(c, first, end)
    while first < end and c.word(first) in _NEVER_FIRST_NAME_WORD:
        first += 1  # "Chủ tịch Hội Mỹ nghệ": an association, not Mr "Hội Mỹ"
    if end - first == 2 and c.word(first) == "Đoàn" and c.word(first + 1) in _YOUTH_UNION_OF:
        return None  # "Bí thư Đoàn Trường ĐH Y dược": a school's youth union, not Mr "Đoàn Trường"
    if first < end and c.word(first) in _UNIT_WORDS:
        first = next((k for k in range(first + 1, end - 1) if c.word(k) in COMMON_SURNAMES), end)
    if end - first < 2:
        return None
    begin = first
    aliases = gazetteer.province_aliases()
    countries = gazetteer.country_aliases()
    # skip a province or country written before the name ("Hậu Giang Lê Tiến Châu")
    while (
        place_end := _place_end(
            c, begin, end, lambda w: w in aliases or w in countries or w == "Việt Nam"
        )
    ) is not None:
        begin = place_end
    opened_by_place = begin > first
    company_end = begin
    while (
        company_end > 0
        and c.word(company_end - 1).isupper()
        and c.word(company_end - 1)
        not in (
            "TNHH",
            "CP",
        )
    ):
        company_end -= 1  # "Công ty TNHH TM XNK Hoàng Gia Phát": trade abbreviations
    if company_end > 0 and c.word(company_end - 1) in ("ty", "Cty", "CTy", "TNHH", "CP"):
        return None  # "Công ty Lâm Việt", "Cty TNHH Kim Chính": a company
    after_city = begin > 1 and c.word(begin - 2).lower() == "thành" and c.word(begin - 1) == "phố"
    # "UBND quận Ngũ Hành Sơn", "Bí thư Quận ủy Sơn Trà": the run opens with a place's name, so
    # a person's name can only start after it ("Trưởng Công an xã Tân Minh Nguyễn Văn Hồng",
    # "Bí thư Huyện uỷ Nho Quan Lã Trường Sinh")
    local_committee = (
        begin > 1
        and c.word(begin - 1) in ("ủy", "uỷ")
        and c.word(begin - 2).lower() in ("quận", "huyện", "thị", "đảng", "xã", "phường")
    )
    city_abbreviation = (begin > 0 and c.word(begin - 1) in ("TP", "Tp", "TX")) or (
        begin > 1 and c.word(begin - 1) == "." and c.word(begin - 2) in ("TP", "Tp", "TX", "H", "Q")
    )
    if city_abbreviation:
        # "UBND TP Lê Văn Khoa" (the city in focus, then the name) or "UBND TP. Cao Lãnh" (the
        # city's own name, no person)
        if " ".join(c.word(k) for k in range(begin, end)) in gazetteer.district_names():
            return None  # "Trưởng Công an TP. Buôn Ma Thuột": no "Ma Thuột"
        if (c.word(begin) in COMMON_SURNAMES and 2 <= end - begin <= 4) or (
            c.word(begin) in SURNAMES and 3 <= end - begin <= 4
        ):
            return begin, end
        for start in range(begin + 1, end - 1):
            if c.word(start) in SURNAMES and 2 <= end - start <= 4:
                return start, end
        return None
    urban = begin > 1 and c.word(begin - 1) == "thị" and c.word(begin - 2).lower() == "đô"
    if (
        begin > 0
        and _place_word_before(c, begin, opened_by_place) in _PLACE_WORDS
        and not after_city
        and not urban
    ):
        if _unnamed_unit_then_name(c, begin, end):
            return begin, end
        # only a common family name opens the person's name here: place names are made of
        # syllables that are also rarer family names ("xã Văn Đồng", "huyện Trà My")
        for start in range(begin + 1, end - 1):
            if c.word(start) in COMMON_SURNAMES and 2 <= end - start <= 4:
                return start, end
        return None
    if local_committee:
        for length in (3, 4, 2):  # most names have three syllables
            start = end - length
            if start > begin and c.word(start) in SURNAMES:
                return start, end
        if _unnamed_committee_then_name(c, begin, end):
            return begin, end  # "Bí thư Huyện ủy Trần Tới": the district in focus left unnamed
        return None
    for start in range(begin, end - 1):
        if c.word(start) in SURNAMES and 2 <= end - start <= 5:
            return start, end
    while end - begin > 2 and _vietnamese_after_foreign(c, begin, end):
        end -= 1  # "Tổng thống Hàn Quốc Moon Jae-in Tân Tổng thống …": a headline run on
    if (
        foreign_ok
        and end - begin >= 2
        and not any(c.word(k) in SURNAMES for k in range(begin, end))
        and _place_word_before(c, begin, opened_by_place) not in _FOREIGN_PLACE_WORDS
        and _spaced_words(c, begin, end)
    ):
        first_word, counted = end, 0
        while first_word > begin and counted < 4:  # four words, particles ("de") not counted
            first_word -= 1
            counted += 0 if c.is_particle(first_word) else 1
        return first_word, end
    if foreign_head and end - begin >= 4 and c.word(begin) in _PLACE_FIRST_WORDS:
        begin += 2  # "Thống đốc St Petersburg Alexander Beglov": the city, then the name
    if foreign_head and end - begin >= 3 and c.word(begin - 1).lower() == "bang":
        begin += 1  # "Thủ hiến bang Hessen Volker Bouffler": the state, then the name
    elif foreign_head and _a_governor(c, begin):
        if _prefecture_then_name(c, begin, end):
            begin += 1  # "Thống đốc tỉnh Kanagawa Kuroiwa Yuji", "Tỉnh trưởng Phuket X Y"
        elif end - begin >= 4:
            return None  # "Tỉnh trưởng Chiang Rai Narongsak …": where the place ends is unknown
    while end - begin > 2 and c.word(end - 1) in _SENTENCE_OPENERS:
        end -= 1  # "Tổng thống Trump Ngày 5/2 …": a headline run into the next sentence
    if (
        foreign_head
        and 2 <= end - begin - sum(c.is_particle(k) for k in range(begin, end)) <= 4
        # "Thống đốc bang Hạ Áo"
        and _place_word_before(c, begin, opened_by_place) not in _FOREIGN_PLACE_WORDS
        and c.word(begin) not in _SENTENCE_OPENERS
        and c.word(end - 1) not in _SENTENCE_OPENERS
        and len(c.word(end - 1)) > 1  # "George W. Bush" is cut at the initial
        and all(
            _title_cased(c.word(k))
            or c.is_particle(k)
            or _ARABIC_PARTICLE.fullmatch(c.word(k))
            or _initial(c.word(k))
            for k in range(begin, end)
        )
        and _foreign_looking(c, begin, end)
        and _spaced_words(c, begin, end)
    ):
        return begin, end  # "Tổng thống Donald Trump", "Thượng nghị sĩ John McCain"
    return None


def _a_governor(c: _Classified, begin: int) -> bool:
    """Whether the run follows a governor's or mayor's "tỉnh/thành phố", or a provincial
    governor's office that names no place word ("Tỉnh trưởng Phuket …")."""
    before = c.word(begin - 1).lower() if begin > 0 else ""
    if before == "trưởng":
        return begin > 1 and c.word(begin - 2).lower() == "tỉnh"
    head_end = {"tỉnh": begin - 2, "phố": begin - 3}.get(before, -1)
    # "Thống đốc tỉnh", "Thị trưởng thành phố", "Tỉnh trưởng tỉnh"; not "Người phát ngôn của
    # sở cảnh sát thành phố Palm Beach Gardens"
    return head_end >= 0 and c.word(head_end).lower() in ("đốc", "trưởng")


def _prefecture_then_name(c: _Classified, begin: int, end: int) -> bool:
    """After a governor's office (``_a_governor``): a foreign province or city of one word,
    then a name of two ("tỉnh Gunma Omoto Masaaki"). Longer runs are ambiguous ("tỉnh Chiang
    Rai Narongsak …"), and so is a place that opens with "San"/"Saint" or a Vietnamese word
    ("thành phố Cảng Rotterdam …")."""
    return (
        end - begin == 3
        and c.word(begin) not in _PLACE_FIRST_WORDS
        and not _vietnamese_syllable(c.word(begin))
    )


def _after_international_body(c: _Classified, first: int, end: int) -> int:
    """Past an international body opening the run ("Tổng Thư ký Liên Hợp Quốc Antonio
    Guterres": the name starts at "Antonio", not at "Hợp")."""
    for body in _INTERNATIONAL_BODY_WORDS.get(c.word(first), ()) if first < end else ():
        stop = first + len(body)
        if stop < end and tuple(c.word(k) for k in range(first, stop)) == body:
            return stop
    return first


def _place_word_before(c: _Classified, begin: int, opened_by_place: bool) -> str:
    """The word a place's name follows ("xã Văn Đồng", "bang Hạ Áo"), lower-cased; none when a
    province or country opened the run: "Bản" ends "Nhật Bản", it is no village ("Thủ tướng
    Nhật Bản Shinzo Abe")."""
    return "" if opened_by_place else c.word(begin - 1).lower()


def _vietnamese_after_foreign(c: _Classified, begin: int, end: int) -> bool:
    """Whether the run's last word has Vietnamese diacritics and the words before it none: a
    romanised name followed by the next sentence's first word ("Moon Jae-in Tân …")."""
    last = c.word(end - 1)
    return (
        not last.isascii()
        and _vietnamese_syllable(last)  # not "Erdoğan"
        and all(c.word(k).isascii() for k in range(begin, end - 1))
    )


def _unnamed_committee_then_name(c: _Classified, begin: int, end: int) -> bool:
    """ "Bí thư Huyện ủy Trần Tới": a common family name right after the committee, and no
    district or commune called by the run's words."""
    if not (2 <= end - begin <= 4 and c.word(begin) in COMMON_SURNAMES):
        return False
    return not _opens_with_local_unit(c, begin, end)


def _unnamed_unit_then_name(c: _Classified, begin: int, end: int) -> bool:
    """ "Phó Chủ tịch UBND huyện Cao Văn Tín": the district in focus left unnamed, then a
    person's full name, which no district or commune is called."""
    if not (3 <= end - begin <= 4 and c.word(begin) in SURNAMES):
        return False
    if begin < 2 or c.word(begin - 2) not in ("UBND", "HĐND"):
        return False
    if c.word(begin - 1).lower() not in ("huyện", "quận"):
        return False  # wards and communes are often named after people ("phường Trần Đại Nghĩa")
    return not _opens_with_local_unit(c, begin, end)


def _opens_with_local_unit(c: _Classified, begin: int, end: int) -> bool:
    """Whether tokens from ``begin`` on (up to ``end``) start with a district's or commune's
    name."""
    places = gazetteer.local_unit_names()
    return any(
        " ".join(c.word(k) for k in range(begin, stop)) in places
        for stop in range(begin + 1, end + 1)
    )


_CHAIN_STOPS = ("-", "–", ",", "(", ")")
# Lower-case syllables of organisation names that, with the next word, are a verb ending the
# title instead: "thông tin" (informs), "thông báo" (announces), "thông qua" (passes).
_VERB_FIRST_SYLLABLES = {"thông": {"tin", "báo", "qua"}}
_PARENT_BODIES = {
    "Bộ",
    "Sở",
    "UBND",
    "Tổng",
    "Ban",
    "Viện",
    "Học",
}  # unless inside a known name ("Tài nguyên - Môi trường")


def _chain(c: _Classified, i: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None, int]:
    """Titles from head token ``i`` on; stops at a name that ends them, or where they end."""
    titles: list[tuple[int, int]] = []
    segment_start = i
    foreign_head = _foreign_head(c, segment_start)
    j = c.head_at[i]
    n = len(c.tokens)
    while True:
        while j < n and c.is_org_word(j) and (j in c.org or c.word(j) not in _CHAIN_STOPS):
            if c.word(j) == "bang" and j + 1 < n and c.word(j + 1)[:1].isupper():
                foreign_head = True  # "Chủ tịch Quốc hội bang Hessen Norbert Kartmann"
            if not c.is_name_part(j) or j + 1 >= n or c.is_name_part(j + 1):
                j += 1
                continue
            j += 1
            name = _name_after_office(c, segment_start, j, foreign_head)
            if name:
                titles.append((segment_start, name[0]))
                return titles, name, j
        name = _name_after_office(c, segment_start, j, foreign_head)
        if name:
            titles.append((segment_start, name[0]))
            return titles, name, j
        titles.append((segment_start, j))
        if j + 1 < n and c.word(j) in ("-", "–", ",") and j + 1 in c.head_at:
            segment_start = j + 1
            foreign_head = _foreign_head(c, segment_start)
            j = c.head_at[j + 1]
            continue
        if j + 1 < n and c.word(j) == "kiêm" and j + 1 in c.head_at:
            segment_start = j + 1
            foreign_head = _foreign_head(c, segment_start)
            j = c.head_at[j + 1]
            continue
        comma = j + 1 if j + 1 < n and c.word(j) != "," and c.word(j).islower() else j
        if comma + 2 < n and c.word(comma) == "," and c.word(comma + 1) in _PARENT_BODIES:
            # "Cục trưởng Cục Quản lý giá, Bộ Tài chính Nguyễn Anh Tuấn": the parent body
            titles[-1] = (segment_start, comma)
            segment_start = comma + 1
            foreign_head = False  # a parent body, no office of its own
            j = comma + 2
            continue
        return titles, None, j


def _name_after_office(
    c: _Classified, segment_start: int, end: int, foreign_head: bool
) -> tuple[int, int] | None:
    """The name ending at token ``end`` that closes the office opened at ``segment_start``."""
    name = _name_run_ending_at(
        c,
        end,
        segment_start + 1,
        foreign_ok=_names_country(c, segment_start, end),
        foreign_head=foreign_head,
    )
    if not name or name[0] <= segment_start:
        return None
    text = c.sentence.text[c.tokens[name[0]].start : c.tokens[name[1] - 1].end]
    # "Giám đốc Ngân hàng Agribank Hà Tĩnh": the province ends the office, nobody is named yet
    if _a_place(text) or (_our_district(text) and not _names_country(c, segment_start, name[0])):
        return None
    if any(text in body for body in _INTERNATIONAL_BODIES):
        return None  # "Đặc phái viên của Liên Hợp Quốc": the body's tail, not a name
    return name


# "nguyên/quyền/tân/cựu Tổng thống": the office itself, whoever holds it now
_BEFORE_HEAD = re.compile(
    "^(?:{}) ".format("|".join(sorted({w.lower() for w in _ACTING_OR_FORMER} | {"cựu"})))
)


def _foreign_head(c: _Classified, i: int) -> bool:
    """Whether the office opening at token ``i`` is one a foreign holder is named with."""
    end = c.head_at.get(i)
    if end is None:
        return False
    head = " ".join(c.sentence.text[c.tokens[i].start : c.tokens[end - 1].end].lower().split())
    return _BEFORE_HEAD.sub("", head) in _FOREIGN_HEADS


def _listed_names(c: _Classified, k: int) -> list[tuple[int, int]]:
    """ "Phó Chủ tịch UBND tỉnh: Lê Xuân Đại, Đinh Viết Hồng và Lê Minh Thông": the names
    listed from token ``k`` on, each opening with a family name."""
    names: list[tuple[int, int]] = []
    n = len(c.tokens)
    aliases = gazetteer.province_aliases()
    while k < n and c.word(k) in SURNAMES:
        end = k
        while end < n and c.is_name_part(end) and end - k < 4:
            end += 1
        if end - k < 2 or " ".join(c.word(t) for t in range(k, end)) in aliases:
            break  # "Bí thư Tỉnh ủy Hậu Giang: Hà Tĩnh có nhiều cách làm hay"
        names.append((k, end))
        if end < n and c.word(end) in (",", "và"):
            k = end + 1
            continue
        break
    return names


_REGNAL_NUMBERS = {"II", "III", "IV", "Jr", "Jr."}


def _more_holders(
    c: _Classified, head: int, name: tuple[int, int], j: int
) -> list[tuple[int, int]]:
    """ "Các Thượng nghị sĩ John McCain III, Christopher Coons và John Barrasso": the names
    listed after the first one when the office opening at token ``head`` is counted plural."""
    if head == 0 or c.word(head - 1).lower() not in _PLURAL_WORDS or name[1] != j:
        return []
    names: list[tuple[int, int]] = []
    n = len(c.tokens)
    k = _past_regnal_number(c, j)
    while k + 1 < n and c.word(k) in (",", "và"):
        vietnamese = _listed_names(c, k + 1)
        holder = vietnamese[0] if vietnamese else _romanised_run(c, k + 1)
        if holder is None:
            break
        names.append(holder)
        k = _past_regnal_number(c, holder[1])
    return names


def _past_regnal_number(c: _Classified, k: int) -> int:
    """Past "III" or "Jr" at token ``k`` ("John McCain III"), which no name run takes."""
    return k + 1 if k < len(c.tokens) and c.word(k) in _REGNAL_NUMBERS else k


_FOREIGN_CHAMBERS = ("Hạ viện", "Thượng viện", "Nghị viện")
# International bodies name a foreign office as a country does: "Chủ tịch FIFA Gianni Infantino".
_INTERNATIONAL_BODIES = {
    "FIFA", "IOC", "AFC", "UNESCO", "UNICEF", "UNDP", "WHO", "IMF", "WTO", "ADB", "NATO",
    "OPEC", "Interpol", "EU", "LHQ", "Liên Hợp Quốc", "Liên hợp quốc", "Ngân hàng Thế giới",
    "Ngân hàng thế giới", "Liên minh châu Âu", "Liên minh Châu Âu",
    "WIPO", "IAEA", "OECD", "APEC", "ASEAN", "IFC", "ILO", "FAO", "UNHCR", "UNFPA", "IOM",
    "WWF", "JICA", "KOICA", "USAID", "ICAO", "ITU", "WMO", "UNIDO", "WEF", "Liên Hiệp Quốc",
}  # fmt: skip
# by their first word, longest first
_INTERNATIONAL_BODY_WORDS: dict[str, list[tuple[str, ...]]] = {}
for _body in sorted((tuple(b.split()) for b in _INTERNATIONAL_BODIES), key=len, reverse=True):
    _INTERNATIONAL_BODY_WORDS.setdefault(_body[0], []).append(_body)
_FOREIGN_OFFICE_WORDS = re.compile(
    "|".join(re.escape(w) for w in (*_FOREIGN_CHAMBERS, *sorted(_INTERNATIONAL_BODIES)))
)


def _names_country(c: _Classified, lo: int, hi: int) -> bool:
    """Whether the office names a country, a foreign chamber or an international body (its
    holder's name may then be foreign: "Phó Chủ tịch Hạ viện Tatsuo Kawabata")."""
    countries = gazetteer.country_aliases()
    words = [c.word(k) for k in range(lo, hi)]
    if _FOREIGN_OFFICE_WORDS.search(" ".join(words)):
        return True
    return any(
        " ".join(words[a:b]) in countries
        for a in range(len(words))
        for b in range(a + 1, min(a + 4, len(words) + 1))
    )


def _name_before(c: _Classified, i: int) -> tuple[int, int] | None:
    """ "NAME - Title" / "NAME, Title" / "NAME (Title": the name just before head token ``i``.

    A name without a Vietnamese family name counts when "ông/bà/ngài" stands before it
    ("ông Choi Young Gyo, Chủ tịch …")."""
    if i >= 4 and _holds_office_before(c, i):
        # "ông Mai Văn Hà giữ chức (vụ) Giám đốc": the name before the verb
        verb = i - 3 if c.word(i - 1) == "vụ" else i - 2
        return _name_run_ending_at(c, verb, 0, foreign_ok=False) or _honorific_name(c, verb)
    if i >= 3 and c.word(i - 1) not in ("-", "–", ",", "("):
        # "tiếp ngài Bruno Angelet Đại sứ Liên minh châu Âu": only after an honorific
        return _honorific_name(c, i) if c.is_name_part(i - 1) else None
    if i < 3:
        return None
    end = i - 1
    if c.word(end) == "," and c.word(end - 1) == ",":
        end -= 1  # "ông Lương Thanh Nghị,, phó Chủ nhiệm …": a doubled comma
    alias = _alias_opening(c, end)
    if alias is None:
        alias = _birth_opening(c, end)
    if alias is not None:
        # "ông Huỳnh Thành Hiệp (còn gọi là Tư Hiệp, nguyên Chủ tịch …)", "ông Vũ Văn Đảo (SN
        # 1970, Giám đốc công ty …)"
        end = alias
    found = _name_run_ending_at(c, end, 0, foreign_ok=False)
    if found:
        return found
    return _honorific_name(c, end)


def _alias_opening(c: _Classified, comma: int) -> int | None:
    """The "(" of "(còn gọi là <alias>," that ends at token ``comma``, or None."""
    for k in range(comma - 1, max(0, comma - 8), -1):
        if c.word(k) == "(":
            said = " ".join(c.word(t) for t in range(k + 1, min(k + 4, comma))).lower()
            return k if said.startswith(("còn gọi là", "tức")) else None
    return None


def _birth_opening(c: _Classified, comma: int) -> int | None:
    """The "(" of "(SN 1970," or "(sinh năm 1970," that ends at token ``comma``, or None."""
    if comma < 3 or c.word(comma) != "," or not c.word(comma - 1).isdigit():
        return None
    if c.word(comma - 2) == "SN" and c.word(comma - 3) == "(":
        return comma - 3
    if comma >= 4 and [c.word(k).lower() for k in range(comma - 4, comma - 1)] == [
        "(",
        "sinh",
        "năm",
    ]:
        return comma - 4
    return None


def _holds_office_before(c: _Classified, i: int) -> bool:
    """Whether "giữ chức" or "giữ chức vụ" stands right before head token ``i``."""
    words = [c.word(k) for k in range(max(0, i - 3), i)]
    return words[-2:] == ["giữ", "chức"] or words[-3:] == ["giữ", "chức", "vụ"]


_RANKS_LOWER = {rank.lower() for rank in RANKS}


def _honorific_name(c: _Classified, end: int) -> tuple[int, int] | None:
    """A name of 2-5 words right after "ông/bà/ngài", "đồng chí" or a military rank ("Đại tướng
    Chaichan Changmongkol"), whatever its family name."""
    first = end
    while first > 0 and c.is_name_part(first - 1) and c.word(first - 1) not in _HONORIFICS:
        first -= 1
    if not (2 <= end - first <= 5 and first > 0):
        return None
    if c.word(first - 1) in _HONORIFICS:
        return first, end
    if first > 1 and c.word(first - 2).lower() == "đồng" and c.word(first - 1) == "chí":
        return first, end
    for length in (3, 2):
        words = " ".join(c.word(k) for k in range(max(0, first - length), first)).lower()
        if first - length >= 0 and words in _RANKS_LOWER:
            return first, end
    return None


def _skip_parenthetical(c: _Classified, j: int) -> int:
    """Index after "( … )" when one starts at ``j`` (" … tỉnh Ishikawa (Nhật Bản), ông …")."""
    if j < len(c.tokens) and c.word(j) == "(":
        for k in range(j + 1, min(len(c.tokens), j + 12)):
            if c.word(k) == ")":
                return k + 1
    return j


def _parenthetical_body(c: _Classified, j: int) -> str | None:
    """The central body named alone in "( … )" starting at token ``j``."""
    end = _skip_parenthetical(c, j)
    if end == j:
        return None
    inside = c.sentence.text[c.tokens[j].end : c.tokens[end - 1].start].strip()
    body = central_body_of([inside])
    return inside if body and fold(inside) in {fold(a) for a, b in _central_by_fold()} else None


def _possessive_before(c: _Classified, i: int) -> bool:
    """ "… của Chủ tịch X, ông Y": the title is someone else's."""
    return i > 0 and c.word(i - 1).lower() in ("của", "cùng", "với")


_THEN = (("lúc", "đó"), ("khi", "đó"), ("lúc", "ấy"), ("khi", "ấy"))


def _skip_then(c: _Classified, j: int) -> int:
    """Past "lúc đó/khi ấy" when "là" follows: the office then, and its holder."""
    n = len(c.tokens)
    if j + 2 < n and (c.word(j), c.word(j + 1)) in _THEN and c.word(j + 2) == "là":
        return j + 2
    return j


# Words between a foreign office and its holder's name: the holder's term, the host country
_TERM_WORDS = (
    ("vừa", "mãn", "nhiệm"),
    ("sắp", "mãn", "nhiệm"),
    ("mãn", "nhiệm"),
    ("vừa", "đắc", "cử"),
    ("mới", "đắc", "cử"),
    ("đắc", "cử"),
    ("nước", "chủ", "nhà"),  # "Tổng thống nước chủ nhà Reuven Rivlin": the host country's
    ("chủ", "nhà"),  # the same when the office took "nước"
)


_TERM_FIRST_WORDS = frozenset({words[0] for words in _TERM_WORDS} | {then for then, _ in _THEN})


def _name_after_term(c: _Classified, j: int) -> tuple[int, int] | None:
    """ "Tổng thống Colombia lúc đó là Juan Manuel Santos", "Tổng thống Mỹ vừa mãn nhiệm Barack
    Obama": the foreign name right after the term words opening at token ``j`` (also after "của
    Tổng thống …", where the office is the name's)."""
    if j >= len(c.tokens) or c.word(j) not in _TERM_FIRST_WORDS:
        return None  # most offices: no term word after them
    then = _skip_then(c, j)
    if then > j:
        return _romanised_run(c, then + 1)  # past "lúc đó là"
    for words in _TERM_WORDS:
        end = j + len(words)
        if end < len(c.tokens) and all(c.word(j + k) == w for k, w in enumerate(words)):
            return _romanised_run(c, end)
    return None


# "Phát ngôn viên của bà Melania Trump", "Trưởng đoàn và bà X": the office is not the name's
_NOT_OFFICE_END = {"của", "và", "với", "cùng", "tại", "ở", "cho"}


def _name_after_comma(c: _Classified, j: int) -> tuple[int, int] | None:
    """ "Bí thư Tỉnh ủy Hải Dương, ông Nguyễn Mạnh Hiển, …": the name after ", ông" (also
    "- ông", "là ông" and "ông" alone: "Tổng Giám đốc TPBank – ông Nguyễn Hưng", "Trưởng đoàn … là
    ông X", "Thủ hiến bang Rheinland-Pfalz bà Malu Dreyer")."""
    n = len(c.tokens)
    if j + 1 < n and c.word(j) in ("cũ", "mới"):
        j += 1  # "Tổng giám đốc cũ – ông Nguyễn Duy Kiên"
    elif j + 2 < n and c.word(j) == "đương" and c.word(j + 1) == "nhiệm":
        j += 2
    j = _skip_then(c, j)  # "Chủ tịch UBND huyện lúc đó là ông Nguyễn Văn Hùng"
    if j + 2 < n and c.word(j) in (",", "-", "–") and c.word(j + 1) in COMMON_SURNAMES:
        # "Chủ tịch UBND tỉnh Đồng Tháp, Nguyễn Văn Dương chủ trì", "Bí thư Tỉnh ủy Sóc Trăng –
        # Phan Văn Sáu ra công văn": the name without "ông"
        return _surname_run(c, j + 1)
    if (
        0 < j < n - 1
        and c.word(j) in ("ông", "bà", "ngài")
        and c.word(j - 1) not in _NOT_OFFICE_END
    ):
        first = j + 1  # "Chủ tịch UBND tỉnh Hà Tĩnh ông Đặng Quốc Khánh": no separator
    elif j + 2 < n and c.word(j) in (",", "-", "–", "là") and c.word(j + 1) in _HONORIFICS:
        first = j + 2
    else:
        return None
    end = _name_parts_end(c, first)
    if 2 <= end - first <= 5:
        return first, end
    return None


# Schools are named after people: the name run right after these is the school's
_SCHOOL_KINDS = {"THPT", "THCS", "PTTH", "PTCS", "PTDTNT", "PTDTBT", "học", "non"}


def _hospital_name(c: _Classified, name: tuple[int, int]) -> bool:
    """Whether the two-word name right after "Bệnh viện" names the hospital: it opens with no
    common family name ("Bạch Mai", "Việt Đức", "Từ Dũ")."""
    first, end = name
    return (
        end - first == 2
        and first >= 2
        and c.word(first - 1) == "viện"
        and c.word(first - 2).lower() == "bệnh"
        and c.word(first) not in COMMON_SURNAMES
    )


def _name_after_school_name(c: _Classified, run: tuple[int, int]) -> tuple[int, int] | None:
    """In "Trường THCS Nguyễn Du Trần Văn Bình", the holder's name after the school's: the last
    3-4 words from a common family name, after at least two words of the school's."""
    if c.word(run[0] - 1) in ("học", "non") and c.word(run[0] - 2) not in ("Tiểu", "Mầm"):
        return run  # "Trường Đại học" and the like are left as they were
    for k in range(run[1] - 3, run[0] + 1, -1):
        if c.word(k) in COMMON_SURNAMES and run[1] - k <= 4:
            return k, run[1]
    return None


# Lower-case words that open another office ("và chủ tịch UBND tỉnh …"), not an organisation
_OFFICE_OPENERS = frozenset({"chủ", "phó", "giám", "bí", "tổng", "thứ", "trưởng"})
_LOWER_ORG_WORDS = 8  # lower-case words an office's organisation may run on before its province
_NOT_IN_AN_OFFICE = {"của", "với", "cùng", "tại", "ở", "cho", "đã", "đang", "sẽ", "là", "được"}


def _name_after_lower_case_office(c: _Classified, j: int) -> tuple[int, int] | None:
    """ "… Trung tâm Dịch vụ đấu giá tài sản tỉnh Hải Dương Nguyễn Đại Dân": an organisation
    written in lower case from token ``j`` on, then its province, then a Vietnamese name."""
    n = len(c.tokens)
    aliases = gazetteer.province_aliases()
    for k in range(j, min(n, j + _LOWER_ORG_WORDS)):
        word = c.word(k)
        if word in ("tỉnh", "thành", "TP", "TP."):
            start = k + 2 if word == "thành" and k + 1 < n and c.word(k + 1) == "phố" else k + 1
            end = _place_end(c, start, n - 1, aliases.__contains__)
            if end is None:
                return None
            run = _surname_run(c, end)
            if run and run[1] - run[0] == 4 and c.word(run[1] - 1) in _SENTENCE_OPENERS:
                run = (run[0], run[1] - 1)  # "Phạm Sỹ Quý Theo …": the next sentence
            return run
        if word in _OFFICE_OPENERS and (k == j or c.word(k - 1) == "và"):
            return None  # "Thứ trưởng Bộ Quốc phòng và chủ tịch UBND tỉnh …": two offices
        if word in _NOT_IN_AN_OFFICE or not (
            (word.isalpha() and word.islower()) or _ABBREVIATION.fullmatch(word)  # "ĐGTS"
        ):
            return None
    return None


def _place_end(
    c: _Classified, start: int, limit: int, is_place: Callable[[str], bool]
) -> int | None:
    """Where the longest place of one to four words opening at token ``start`` ends, not past
    token ``limit``; None when none opens there."""
    for length in (4, 3, 2, 1):
        end = start + length
        if end <= limit and is_place(" ".join(c.word(k) for k in range(start, end))):
            return end
    return None


def _surname_run(
    c: _Classified, first: int, surnames: frozenset[str] | set[str] = COMMON_SURNAMES
) -> tuple[int, int] | None:
    """A Vietnamese name of 3-4 words opening at token ``first`` with a (common) family name,
    and no capitalised word right after it."""
    if first >= len(c.tokens) or c.word(first) not in surnames:
        return None
    end = _name_parts_end(c, first)
    if 3 <= end - first <= 4 and (end == len(c.tokens) or not c.word(end)[0].isupper()):
        return first, end
    return None


def _name_parts_end(c: _Classified, first: int) -> int:
    """The end of the run of name words opening at token ``first``."""
    end = first
    while end < len(c.tokens) and c.is_name_part(end):
        end += 1
    return end


def _after_abbreviation(c: _Classified, office: int, j: int, k: int) -> tuple[int, int] | None:
    """ "Tổng giám đốc Tổng công ty … (VEC) Mai Tuấn Anh", "Cục trưởng Cục Kiểm lâm (Bộ Nông
    nghiệp và Phát triển nông thôn) Đỗ Quang Tùng": the name right after the office's
    abbreviation or its ministry in brackets, tokens [j, k); a romanised name when the office,
    opened at token ``office``, names a country or an international body ("Tổng Thư ký Liên
    hợp quốc (LHQ) Antonio Guterres", "Giám đốc Cục Điều tra Liên bang Mỹ (FBI) James Comey")."""
    inside = [c.word(t) for t in range(j + 1, k - 1)]
    if k - j < 3:
        return None
    if not all(_ABBREVIATION.fullmatch(word) for word in inside) and not _parenthetical_body(c, j):
        return None
    found = _surname_run(c, k, SURNAMES)
    if found is None and _names_country(c, office, k):
        found = _romanised_run(c, k)
    return found


def _bracket_ahead(c: _Classified, j: int) -> int | None:
    """The "(" at token ``j`` or within eight words after it, only words between: an office
    described in lower case up to its abbreviation."""
    for k in range(j, min(len(c.tokens), j + 8)):
        word = c.word(k)
        if word == "(":
            return k
        if not word[0].isalpha() or k in c.head_at:
            return None
    return None


def _honoured_after_dash(c: _Classified, j: int) -> tuple[int, int] | None:
    """The name in " - ông/bà/Ngài NAME" starting at token ``j`` (``_name_after_comma``'s, the
    separator a dash)."""
    if not (j + 1 < len(c.tokens) and c.word(j) in ("-", "–") and c.word(j + 1) in _HONORIFICS):
        return None
    return _name_after_comma(c, j)


def sentence_people(
    sentence: Sentence, *, headed: bool = False
) -> list[tuple[tuple[int, int], list[str]]]:
    """(name span in sentence offsets, raw titles) for every titled person in one sentence;
    ``headed``: the caller has seen it name an office."""
    if not headed and not has_title_head(sentence.text):
        return []
    c = _Classified(sentence)
    found: list[tuple[tuple[int, int], list[str]]] = []
    i = 0
    n = len(c.tokens)
    last_name: tuple[int, int] | None = None  # token indices of the last person found
    while i < n:
        if i not in c.head_at or _figurative_general(c, i):
            i += 1
            continue
        titles, name, j = _chain(c, i)
        text_titles = [_span_text(c, a, b) for a, b in titles]
        listed = _listed_names(c, j + 1) if name is None and j + 2 < n and c.word(j) == ":" else []
        if listed:
            for first, end in listed:
                found.append(((c.tokens[first].start, c.tokens[end - 1].end), list(text_titles)))
            last_name = listed[-1]
            i = listed[-1][1]
            continue
        body = _parenthetical_body(c, j)
        if body and text_titles:
            # "Phó Tổng cục trưởng Tổng cục Thủy lợi (Bộ NN&PTNT)": the ministry it belongs to
            text_titles[-1] = f"{text_titles[-1]}, {body}"
        if name and c.word(name[0] - 1) in _SCHOOL_KINDS:
            # "Hiệu trưởng Trường THPT Chu Văn An, tỉnh An Giang": the school's name
            person = _name_after_school_name(c, name)
            text_titles[-1] = _span_text(c, titles[-1][0], person[0] if person else name[1])
            name = person
        elif name and _hospital_name(c, name):
            # "Giám đốc Bệnh viện Bạch Mai", "Bệnh viện Việt Đức": the hospital, nobody named
            text_titles[-1] = _span_text(c, titles[-1][0], name[1])
            name = None
        elif (
            name
            and c.word(name[0]) not in COMMON_SURNAMES
            and (honoured := _honoured_after_dash(c, j))
        ):
            # "Chủ tịch Đảng Công Minh - Ngài Natsuo Yamaguchi": the office ends before the dash
            text_titles[-1] = _span_text(c, titles[-1][0], name[1])
            name, j = honoured, honoured[1]
        if name:
            owner = _name_before(c, i) if len(titles) > 1 else None
            if owner and owner == last_name and found:
                # "Đại tướng A, Bộ trưởng Bộ Quốc phòng, Thượng tướng B": the titles after A's
                # comma are A's, only the one right before B is B's
                found[-1][1].extend(text_titles[:-1])
                text_titles = text_titles[-1:]
            found.append(((c.tokens[name[0]].start, c.tokens[name[1] - 1].end), text_titles))
            last_name = name
            for other in _more_holders(c, i, name, j):
                span = (c.tokens[other[0]].start, c.tokens[other[1] - 1].end)
                found.append((span, list(text_titles)))
                last_name, j = other, other[1]
            # "Đại tá NAME - Title, Title": titles after the name belong to the same person
            if j + 1 < n and c.word(j) in ("-", "–", "(") and j + 1 in c.head_at:
                more, next_name, k = _chain(c, j + 1)
                if next_name is None:
                    found[-1][1].extend(_span_text(c, a, b) for a, b in more)
                    i = k
                    continue
            i = j
            continue
        k = _skip_parenthetical(c, j)
        before = _name_before(c, i)
        # "ông X, nguyên Bí thư …, ông Y, …": the title is X's, the one it follows
        honorific_before = (
            before is not None
            and before != last_name
            and before[0] > 0
            and c.word(before[0] - 1) in _HONORIFICS
        )
        # "Dương Đức Toàn - giám đốc BQL …, Bùi Minh Hải - hạt phó …": the name before the dash
        dashed_before = before is not None and before[1] == i - 1 and c.word(i - 1) in ("-", "–")
        after = _name_after_term(c, k)
        placed = None if after else _name_after_lower_case_office(c, j)
        if placed and text_titles:
            # "Giám đốc Trung tâm Dịch vụ đấu giá tài sản tỉnh Hải Dương Nguyễn Đại Dân"
            text_titles[-1] = _span_text(c, titles[-1][0], placed[0])
            after = placed
        if after and text_titles and c.word(after[0] - 1) == "nhà":
            text_titles[-1] = _span_text(c, titles[-1][0], after[0])  # "… nước chủ nhà"
        if (
            after is None
            and not _possessive_before(c, i)
            and not honorific_before
            and not dashed_before
        ):
            after = _name_after_comma(c, k)
            bracket = None if after else _bracket_ahead(c, j)
            if bracket is not None:
                after = _after_abbreviation(c, i, bracket, _skip_parenthetical(c, bracket))
                if after and text_titles and bracket > j:
                    # "Tổng giám đốc Tổng công ty đầu tư phát triển … (VEC) Mai Tuấn Anh"
                    text_titles[-1] = _span_text(c, titles[-1][0], bracket)
                    if parent := _parenthetical_body(c, bracket):
                        # "Cục trưởng Cục Quản lý môi trường (Bộ Y tế) Nguyễn Thị Liên Hương"
                        text_titles[-1] = f"{text_titles[-1]}, {parent}"
        if after:
            found.append(((c.tokens[after[0]].start, c.tokens[after[1] - 1].end), text_titles))
            last_name = after
            i = after[1]
            continue
        if before and before != last_name:
            found.append(((c.tokens[before[0]].start, c.tokens[before[1] - 1].end), text_titles))
            last_name = before
        elif before and before == last_name and found:
            found[-1][1].extend(text_titles)
        i = max(j, i + 1)
    found += _foreign_names_after_countries(c, found)
    people = []
    for (start, end), offices in found:
        if _place_for_name(sentence.text[start:end], offices):
            continue
        name_start = _foreign_name_start(sentence.text, start, end)
        if name_start > start and offices:  # the office's words the run took go back to it
            offices[-1] = f"{offices[-1]} {sentence.text[start:name_start].strip()}"
        name_end = _foreign_name_end(sentence.text, name_start, end)
        if name_end < end and offices:  # "Tổng thống Rodrigo Duterte Philippines"
            offices[-1] = f"{offices[-1]} {sentence.text[name_end:end].strip()}"
        people.append(((name_start, _dashed_tail(sentence.text, name_start, name_end)), offices))
    return people


def _foreign_name_start(text: str, start: int, end: int) -> int:
    """Past a Vietnamese word that the run took from the office before a foreign name ("Tổng
    Thống Mỹ Donald Trump", "Thái Bình Dương Harry Harris", "Trung Quốc Antonio Guterres")."""
    words = text[start:end].split(" ")
    skipped = 0
    while len(words) - skipped >= 3 and (
        (not words[skipped].isascii() and _vietnamese_syllable(words[skipped]))
        or words[skipped] in gazetteer.country_aliases()
    ):
        skipped += 1
    if skipped and words[skipped].isascii() and romanised(words[skipped]):
        return start + sum(len(word) + 1 for word in words[:skipped])
    return start


def _foreign_name_end(text: str, start: int, end: int) -> int:
    """Where a foreign name of two words or more ends when the run took the country written
    after it ("Tổng thống Rodrigo Duterte Philippines đang cần …"): no person's name ends with a
    country's name in a foreign spelling."""
    words = text[start:end].split(" ")
    if (
        len(words) >= 3
        and words[-1] in gazetteer.country_aliases()
        and not _vietnamese_syllable(words[-1])  # "Lê Công Anh": a given name
        and romanised(" ".join(words[:-1]))
    ):
        return end - len(words[-1]) - 1
    return end


_FOREIGN_OFFICE_GAP = 14  # tokens between an office's head and the country that ends it
_OFFICE_BREAKS = {",", ";", ":", "(", ")", '"', "“", "”", ".", "với", "của", "cùng"}


def _foreign_names_after_countries(
    c: _Classified, found: list[tuple[tuple[int, int], list[str]]]
) -> list[tuple[tuple[int, int], list[str]]]:
    """ "Chánh án Tòa án Tối cao Italy Giovanni Canzio", "Bí thư … Đoàn Thanh niên Nhân dân cách
    mạng Lào Alounxai Sounnalath": an office ending in a country, then a romanised name, where
    the office's words are ones the chain does not know. Only names nobody else took."""
    firsts = _country_first_words()
    if not any(token.text in firsts for token in c.tokens):
        return []
    taken = [span for span, _ in found]
    more: list[tuple[tuple[int, int], list[str]]] = []
    starts = [token.start for token in c.tokens]
    named = {
        k
        for a, b in taken
        for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
    }
    for head in sorted(c.head_at):
        if _possessive_before(c, head):
            continue  # "người phát ngôn của Tổng thống Nga Dmitry Peskov": not the president
        hit = _country_then_name(c, head, named, firsts)
        if hit is None:
            continue
        office_end, (first, end) = hit
        start, stop = c.tokens[first].start, c.tokens[end - 1].end
        if any(a < stop and start < b for a, b in taken):
            continue
        taken.append((start, stop))
        more.append(((start, stop), [_span_text(c, head, office_end)]))
    return more


def _country_then_name(
    c: _Classified, head: int, named: set[int], firsts: frozenset[str]
) -> tuple[int, tuple[int, int]] | None:
    """(where the office ends, the name's tokens) for an office opened at ``head`` that ends in
    a country right before a romanised name of two to four words; ``named``: tokens of names
    found, which end any office; ``firsts``: the first words of countries' names."""
    countries = gazetteer.country_aliases()
    n = len(c.tokens)
    for k in range(c.head_at[head], min(n, c.head_at[head] + _FOREIGN_OFFICE_GAP)):
        if c.word(k) in _OFFICE_BREAKS or (k in c.head_at and k != head) or k in named:
            return None
        if c.word(k) not in firsts:
            continue
        for length in (3, 2, 1):
            after = k + length
            if after < n and " ".join(c.word(t) for t in range(k, after)) in countries:
                name = _romanised_run(c, after)
                if name:
                    return after, name
    return None


@functools.cache
def _country_first_words() -> frozenset[str]:
    return frozenset(alias.split()[0] for alias in gazetteer.country_aliases())


def _romanised_run(c: _Classified, first: int) -> tuple[int, int] | None:
    """The foreign name of two to four words opening at token ``first``, or None."""
    end = _name_parts_end(c, first)
    if end - first > 2 and not c.word(end - 1).isascii() and c.word(end - 2).isascii():
        end -= 1  # "Mike Rogers Là …": a Vietnamese word opening the next clause
    words = [c.word(k) for k in range(first, end)]
    if not 2 <= end - first <= 4 or any(w in gazetteer.country_aliases() for w in words):
        return None
    if not all(
        _title_cased(w) or _initial(w) or c.is_particle(k)
        for k, w in zip(range(first, end), words, strict=True)
    ):
        return None
    if not (_foreign_looking(c, first, end) and _spaced_words(c, first, end)):
        return None
    if words[0] in SURNAMES or words[-1] in _SENTENCE_OPENERS:
        return None
    return first, end


def _place_for_name(words: str, titles: list[str]) -> bool:
    """A place taken for a person's name: anywhere, or a district after an office of ours."""
    return (
        _a_place(words)
        or _ends_in_country(words)
        or (_our_district(words) and not any(map(_country_in, titles)))
    )


def _ends_in_country(words: str) -> bool:
    """ "Nhà vua Nhật Bản", "Liên minh nghị sỹ Me Kong Nhật Bản": words ending in a country of
    two or three words are a body's or a title's, not a name, unless they open with a family name
    ("Dương Trung Quốc", a deputy)."""
    parts = words.split()
    return parts[0] not in COMMON_SURNAMES and any(
        len(parts) > length and " ".join(parts[-length:]) in gazetteer.COUNTRIES
        for length in (2, 3)
    )


# " - Nqakula dẫn đầu", " - ocha,": the rest of a hyphenated foreign name that a corpus wrote
# with spaces around the hyphen, when no capitalised word follows ("Donald Trump - Kim Jong Un")
_DASHED_TAIL = re.compile(r" - ([A-Za-z][a-z]+)(?=[,.;:)]|\s+[^\W\d_A-ZĐ]|\s*$)")


def _dashed_tail(text: str, start: int, end: int) -> int:
    """The end of the name at [start, end), with the hyphenated tail of a foreign name."""
    tail = _DASHED_TAIL.match(text, end)
    if tail is None or not romanised(f"{text[start:end]} {tail.group(1)}"):
        return end  # "Lê Văn Hùng - Ban …": a Vietnamese name, then its office
    if tail.group(1).islower() and _vietnamese_syllable(tail.group(1)):
        return end  # "Rex Tillerson - trong …": a dash, then the sentence goes on
    return tail.end()


# "lão tướng Michael Carrick" (a veteran player), "kiện tướng" (a champion), "vị tướng tài",
# "tướng của HAGL": no general
_NOT_A_GENERAL_BEFORE = {"lão", "nữ", "danh", "mãnh", "dũng", "hổ", "vị", "chủ", "viên", "kiện"}


def _figurative_general(c: _Classified, i: int) -> bool:
    if c.word(i).lower() != "tướng" or c.head_at[i] != i + 1:
        return False
    after = c.word(i + 1) if i + 1 < len(c.tokens) else ""
    return (i > 0 and c.word(i - 1).lower() in _NOT_A_GENERAL_BEFORE) or after in ("của", "Ô")


def _our_district(name: str) -> bool:
    """A two-word district's name ("UBND thành phố Phan Thiết", "Cảng hàng không Đồng Hới"): a
    place after an office of ours; callers leave foreign offices out, as China's spokesman Cao
    Phong shares his name with a district of Hòa Bình."""
    return name.count(" ") == 1 and name in gazetteer.district_names()


def _a_place(name: str) -> bool:
    """A "name" that is a province or a country ("… Duy Phong Đồng Tháp", "Saint Petersburg") or
    a continent ("Châu Á Thái Bình Dương")."""
    return (
        name.startswith(("Châu Á", "Châu Âu", "Châu Phi", "Châu Mỹ", "Châu Đại Dương"))
        or name in gazetteer.province_aliases()
        or name in gazetteer.country_aliases()
        or name.split()[0] in _PLACE_FIRST_WORDS
    )


_FOREIGN_PLACE_WORDS = {
    "bang",
    "tỉnh",
    "phố",
    "vùng",
    "hạt",
    "khu",
    "đảo",
    "cảnh",
    "sát",
    "của",
    "tại",
    "ở",
} | _PLACE_WORDS
_PLACE_FIRST_WORDS = {"Saint", "St", "San", "Santa", "New", "Los", "Las"}


def _span_text(c: _Classified, a: int, b: int) -> str:
    text = c.sentence.text[c.tokens[a].start : c.tokens[b - 1].end].strip(" ,-–")
    # "Phó Chủ tịch Ủy ban nhân dân (UBND) tỉnh Nghệ An": the office without its abbreviation
    return canonical_head(_BRACKETED_ABBREVIATION.sub("", text) if "(" in text else text)


def extract_people(ctx: DocContext) -> list[Person]:
    """Every titled person of the document, one entry per name, titles completed."""
    found: list[tuple[int, tuple[int, int], list[str]]] = []
    lowered = ctx.lowered  # once, not once a sentence
    for index, sentence in enumerate(ctx.sentences):
        if lowered is None:
            headed = has_title_head(sentence.text)
        else:
            headed = _HEADS_ALTERNATION.found_in_lowered(lowered[sentence.start : sentence.end])
        if not headed:
            continue
        for (start, end), titles in sentence_people(sentence, headed=True):
            start, end = sentence.start + start, sentence.start + end
            if romanised(ctx.text[start:end]):
                # "Kim Jong-un Một nguồn tin …" (a caption run into the next sentence); not
                # "Ksor Phước Hà", "Y Biêr Niê", whose names mix in Vietnamese letters
                cut = _before_next_clause(ctx.text, start, end)
                end = cut if ctx.text[start:cut].isascii() else end
                end = _korean_given_name_end(ctx.text, start, end, sentence.end)
            found.append((index, (start, end), titles))
    names = {ctx.text[start:end] for _, (start, end), _ in found}
    plain = _without_initials(names) | _short_forms(names)
    # (sentence index, span, titles, the name the person goes by)
    raw = [
        (index, (start, end), titles, plain.get(ctx.text[start:end], ctx.text[start:end]))
        for index, (start, end), titles in found
    ]
    explicit: dict[str, str] = {}
    for _index, _span, titles, name in raw:
        for title in titles:
            province = province_of_title(title)
            if (
                province
                and _PROVINCE_CUE_END.search(title[: title.rfind(province)].rstrip()) is not None
            ):
                explicit.setdefault(name, province)
            elif province and name not in explicit and _is_provincial(title):
                explicit[name] = province
    people: dict[str, Person] = {}
    for index, (start, end), titles, name in raw:
        sentence = ctx.sentences[index]
        # "Tổng thống Putin" before the name is another person, no title of this one
        expanded = [e for e in map(expand_title, titles) if not _leader_named_in(e)]
        chain_province = next((p for t in expanded if (p := province_of_title(t))), None)
        province = (
            chain_province
            or explicit.get(name)
            or _unit_of_kind(ctx, index, start, expanded)
            or ctx.focus_before(index, start)
        )
        if chain_province is None and any(
            _UNKNOWN_UNIT.search(t) or _country_in(t) for t in expanded
        ):
            # "Bí thư Tỉnh ủy Phúc Kiến", "Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư
            # Tỉnh ủy": a province that is not one of ours
            province = None
        completed = [complete_title(t, province) if _is_provincial(t) else t for t in expanded]
        mention = PersonMention(name, completed, province, start, end, sentence)
        person = people.setdefault(name, Person(name))
        person.mentions.append(mention)
        for title in completed:
            _add_title(person, title)
    for person in people.values():
        person.province = next(
            (p for t in person.titles if _is_provincial(t) and (p := province_of_title(t))), None
        )
    return list(people.values())


# "Trong cuộc gặp Tổng thống Putin, Chủ tịch nước Trần Đại Quang …": a head of state or
# government named by surname is another person, not an office of the name after it
_HEAD_AND_SURNAME = re.compile(
    r"(?:Phó )?(?:Tổng thống|Thủ tướng|Quốc vương|Nữ hoàng|Nhà vua) ([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)"
)


def _leader_named_in(title: str) -> bool:
    match = _HEAD_AND_SURNAME.fullmatch(title)
    return bool(
        match and romanised(match.group(1)) and match.group(1) not in gazetteer.country_aliases()
    )


# "Moon Jae- in", "Kim Jong - un": a Korean name's last syllable set off by stray spaces
_SPLIT_SYLLABLE = re.compile(r" ?- ?[a-z]{1,4}(?![\w-])")
_KOREAN_SURNAMES = frozenset(
    """Kim Lee Park Moon Choi Jung Jeong Kang Cho Yoon Youn Jang Lim Han Shin Seo Kwon Hwang Ahn
    Song Ryu Hong Jeon Ko Roh Ri Pak Ja Thae Baik Yoo Oh No Chung""".split()
)


def _korean_given_name_end(text: str, start: int, end: int, limit: int) -> int:
    """The end of a Korean name whose given name's last syllable is set off by stray spaces
    ("Moon Jae - in", as some papers write "Moon Jae-in"), else ``end``: a Korean family name
    and one more word, then the syllable in lower case (not "James Comey - khi …")."""
    words = text[start:end].split()
    if len(words) != 2 or words[0] not in _KOREAN_SURNAMES:
        return end
    syllable = _SPLIT_SYLLABLE.match(text, end, limit)
    return syllable.end() if syllable else end


_STRAY_SPACE = re.compile(r"- | -")  # "Moon Jae- in": a worse spelling than "Moon Jae-in"


def one_per_spelling(found: list[Person]) -> list[Person]:
    """ "Moon Jae-in", "Moon Jae-In", "Moon Jae In": the spellings of one romanised name that
    differ only in case, spaces and hyphens are one person, named as the article writes it most
    often (first, on a tie), with the titles and mentions of all. Done on the output only: the
    extractors find a person by the name as each sentence writes it."""
    by_spelling: dict[str, list[Person]] = {}
    for person in found:
        key = _spelling_key(person.name) if romanised(person.name) else person.name
        by_spelling.setdefault(key, []).append(person)
    merged = []
    for variants in by_spelling.values():
        if len(variants) == 1:
            merged.append(variants[0])
            continue
        first = max(variants, key=lambda p: (len(p.mentions), not _STRAY_SPACE.search(p.name)))
        person = Person(first.name, province=first.province)
        for variant in [first, *(p for p in variants if p is not first)]:
            for title in variant.titles:
                _add_title(person, title)
            person.mentions += variant.mentions
            person.province = person.province or variant.province
        person.mentions.sort(key=lambda mention: mention.start)
        merged.append(person)
    return merged


def _spelling_key(name: str) -> str:
    return _SPACES_AND_HYPHENS.sub("", name.casefold())


_SPACES_AND_HYPHENS = re.compile(r"[\s-]+")


def _short_forms(names: set[str]) -> dict[str, str]:
    """ "Bí thư Xuân Anh" → "Nguyễn Xuân Anh": a two-word Vietnamese name that opens with no
    common family name and ends exactly one longer Vietnamese name the article gives is that
    person, called by the given name."""
    found = {}
    for name in names:
        words = name.split()
        if len(words) != 2 or words[0] in COMMON_SURNAMES or romanised(name):
            continue  # "Hà Văn Thắm", "Donald Trump": a full name of its own
        longer = [
            other
            for other in names
            if other.endswith(" " + name) and other.split()[0] in SURNAMES and not romanised(other)
        ]
        if len(longer) == 1:
            found[name] = longer[0]
    return found


def _without_initials(names: set[str]) -> dict[str, str]:
    """ "Donald J. Trump" → "Donald Trump" where the article also writes the name without its
    initials: one person, named as the article mostly names them."""
    found = {}
    for name in names:
        if "." in name:
            short = " ".join(word for word in name.split() if not _initial(word))
            if short != name and short in names:
                found[name] = short
    return found


# A province-level body followed by a name the gazetteer does not know
_UNKNOWN_UNIT = re.compile(  # title-case words only: not "Thành ủy TP"
    rf"(?:Tỉnh ủy|Tỉnh uỷ|[Tt]ỉnh|Thành ủy|Thành uỷ)\s+[{UPPER}][^\W{UPPER}\d_]+"
    rf"(?:\s+[{UPPER}][^\W{UPPER}\d_]+)*$"
)


def _unit_of_kind(ctx: DocContext, index: int, start: int, titles: list[str]) -> str | None:
    """For a title that says which kind of unit it serves but not which one ("Bí thư Thành ủy"),
    the unit of that kind in focus."""
    for title in titles:
        if re.search(r"Thành ủy|HĐND thành phố|UBND thành phố|\bTP\b", title):
            return ctx.focus_of_kind(index, start, city=True)
        if re.search(r"Tỉnh ủy|\btỉnh\b", title):
            return ctx.focus_of_kind(index, start, city=False)
    return None


def _is_provincial(title: str) -> bool:
    if central_body_of([title]) and "tỉnh" not in title and "Tỉnh" not in title:
        return False
    return bool(
        re.search(
            r"Tỉnh ủy|Thành ủy|UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân|\btỉnh\b|\bSở\b"
            r"|MTTQ|Chỉ huy Quân sự|Công an tỉnh|Đoàn Đại biểu Quốc hội tỉnh|thành phố|\bTP\b",
            title,
        )
    )


def _add_title(person: Person, title: str) -> None:
    """``title`` among ``person``'s, unless it is there or a weaker form of one that is; a
    weaker form already there gives way to it."""
    if title not in person.titles and not _weaker_duplicate(title, person.titles):
        person.titles = [t for t in person.titles if not _weaker_duplicate(t, [title])]
        person.titles.append(title)


def _weaker_duplicate(title: str, others: list[str]) -> bool:
    """ "Bí thư Tỉnh ủy" is a weaker copy of "Bí thư Tỉnh ủy Hà Tĩnh"."""
    return any(other != title and other.startswith(title) for other in others)


def mention_of_people(text: str, people: list[Person]) -> Person | None:
    """The known person named first in ``text``: by full name, or by "đồng chí/ông/bà" and the
    given name when exactly one known person has it ("đồng chí Châu", "ông Thăng")."""
    best: tuple[int, Person] | None = None
    given: dict[str, list[Person]] = {}
    for person in people:
        given.setdefault(person.name.split()[-1], []).append(person)
        at = text.find(person.name)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, person)
    for match in _SHORT_REFERENCE.finditer(text):
        owners = given.get(match.group(1), [])
        if len(owners) == 1 and (best is None or match.start() < best[0]):
            best = (match.start(), owners[0])
    return best[1] if best else None


def surname_at(text: str, person: Person, people: list[Person]) -> int | None:
    """Where ``text`` last names a foreign official by the surname alone ("Bộ trưởng Quốc phòng
    Shoigu" after "Sergei Shoigu"); None when it does not, or when another known person shares
    the surname."""
    surname = person.name.rsplit(" ", 1)[-1]
    if surname not in text or len(surname) < 3 or surname == person.name:
        return None
    if not romanised(person.name):
        return None
    given = person.name.split(" ", 1)[0]
    if any(
        other.name.rsplit(" ", 1)[-1] == surname and other.name.split(" ", 1)[0] != given
        for other in people
    ):  # "Sergei Shoigu" and "Sergei Kuzhugetovich Shoigu" are one man, two Kims are not
        return None
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)]
    return found[-1] if found else None


_SHORT_REFERENCE = re.compile(rf"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+([{UPPER}]\w+)(?![\w])")


def person_actor(person: Person) -> tuple[str, str] | None:
    """Whom an official acts for: the province, else a foreign country, else the central body."""
    if person.province:
        return ("province", person.province)
    countries = [country for title in person.titles if (country := _country_in(title))]
    for country in countries:
        if country.startswith(_FOREIGN_CHAMBER_BODIES):
            return ("foreign", country)  # a parliament's chair acts for it, whatever else they are
    if countries:
        return ("foreign", countries[0])
    if romanised(person.name):
        return None  # "Bộ trưởng Tài chính Yoo Il-ho": a foreign minister, no body of ours
    body = central_body_of(person.titles)
    return ("central", body) if body else None


@functools.lru_cache(maxsize=4096)
def romanised(name: str) -> bool:
    """A name with a word that cannot be a Vietnamese syllable ("Lee Hae-chan", "Donald
    Trump")."""
    return not all(_vietnamese_syllable(word) for word in name.split())


# A foreign parliament as a mention names it: "Quốc hội Cuba", "Thượng viện Haiti"
_FOREIGN_CHAMBER_BODIES = tuple(f"{chamber} " for chamber in ("Quốc hội", *_FOREIGN_CHAMBERS))


@functools.lru_cache(maxsize=4096)  # titles repeat across an article's mentions and articles
def _country_in(text: str) -> str | None:
    for mention in mentions(text):
        if mention.kind == "foreign":
            return mention.name
    return None


def people_by_sentence(
    ctx: DocContext, people: list[Person], actor_of: Callable[[Person], tuple[str, str] | None]
) -> dict[int, list[tuple[int, tuple[str, str]]]]:
    """Sentence index → (offset in the sentence, the actor the person speaks for) of every
    mention of a person who acts for someone (``actor_of``: ``person_actor`` or a variant)."""
    starts = {s.start: k for k, s in enumerate(ctx.sentences)}
    found: dict[int, list[tuple[int, tuple[str, str]]]] = {}
    for person in people:
        actor = actor_of(person)
        if actor is None:
            continue
        for mention in person.mentions:
            if mention.sentence is None or mention.sentence.start not in starts:
                continue
            index = starts[mention.sentence.start]
            found.setdefault(index, []).append((mention.start - mention.sentence.start, actor))
    return found


# Bodies the rules treat as central (they send delegations as a ministry does) that the gold
# names as mass organisations (tests/gold/CONVENTIONS.md, round 10).
_AS_WRITTEN = {("central", "Trung ương Đoàn"): ("other", "Trung ương Đoàn TNCS Hồ Chí Minh")}


def actor_dict(actor: tuple[str, str]) -> dict[str, str]:
    """An actor as the SPEC writes it (``{"kind": …, "name": …}``), for facts and candidates
    alike."""
    kind, name = _AS_WRITTEN.get(actor, actor)
    return {"kind": kind, "name": name}


# The actors a sentence can hold for candidate pairs: beyond this, pairs grow quadratically for
# lists of provinces that never visit one another.
MAX_SENTENCE_ACTORS = 6


def actors_in_sentence(
    ctx: DocContext, index: int, people_at: list[tuple[int, tuple[str, str]]]
) -> dict[tuple[str, str], tuple[int, tuple[str, str], str]]:
    """Every actor of sentence ``index`` at its first offset: the places and bodies it names,
    and the actors its officials speak for (``people_at``, from ``people_by_sentence``)."""
    sentence = ctx.sentences[index]
    found: dict[tuple[str, str], tuple[int, tuple[str, str], str]] = {}
    for mention in ctx.sentence_mentions(index):
        actor = (mention.kind, mention.name)
        found.setdefault(actor, (mention.start - sentence.start, actor, "place"))
    for offset, actor in people_at:
        if actor not in found or found[actor][0] > offset:
            found[actor] = (offset, actor, "person")
    return found


# "ông Nguyễn Vũ Hùng (50 tuổi), Giám đốc Công ty …", "bà Mandhu Raghunath - Trưởng nhóm …",
# "Giáo sư Nguyễn Minh Thuyết, Tổng Chủ biên …": a full name after an honorific, "đồng chí" or a
# degree is a person whatever follows it. The gold requires the ones with an office the title
# rules cannot read and leaves the untitled ones optional, so these people go out without titles
# rather than not at all.
_NAME_WORD = rf"[{UPPER}](?:[^\W\d_]|-(?=[^\W\d_]))*"
_PARTICLE_WORDS = "|".join(sorted(_NAME_PARTICLES))  # "Ông Carel de Groot"
# Words that introduce a person by name: honorifics, "đồng chí", degrees and professions. The
# gold leaves a person with nothing more optional (CONVENTIONS), so these cost no precision.
_HONORIFIC_WORDS = (
    "ông", "bà", "Ông", "Bà", "ngài", "Ngài", "đồng chí", "Đồng chí",
    "Giáo sư", "giáo sư", "GS", "PGS", "TS", "ThS", "Thạc sĩ", "Thạc sỹ", "thạc sĩ", "thạc sỹ",
    "Tiến sĩ", "Tiến sỹ", "tiến sĩ", "tiến sỹ", "bác sĩ", "bác sỹ", "Bác sĩ", "Bác sỹ", "BS",
    "luật sư", "Luật sư", "nhà báo", "Nhà báo", "nhà văn", "Nhà văn", "nhạc sĩ", "Nhạc sĩ",
    "họa sĩ", "Họa sĩ", "NSND", "NSƯT", "nghệ sĩ", "Nghệ sĩ",
)  # fmt: skip
_HONOURED = rf"({_NAME_WORD}(?: (?:(?:{_PARTICLE_WORDS}) )?{_NAME_WORD}){{1,4}})(?![.'’]\w)"
# An honorific opens a word: after a space, a line, a bracket or a quote, or the text's start.
# Written with that character in front, it is found where it is a word ("ông" is written inside
# "không", "công", "đông" far more often than alone).
_OPENERS = ' \n\t("“'
_HONOURED_NAME = StartsAt(  # looked for only where an honorific is written (see ``StartsAt``)
    re.compile(
        "("
        + "|".join(re.escape(f"{c}{w} ") for c in _OPENERS for w in _HONORIFIC_WORDS)
        + ")"
        + _HONOURED
    ),
    (f"{c}{w} " for c in _OPENERS for w in _HONORIFIC_WORDS),
)
_HONOURED_NAME_FIRST = re.compile(  # the same, opening the text
    "(" + "|".join(re.escape(f"{w} ") for w in _HONORIFIC_WORDS) + ")" + _HONOURED
)


def _honoured_names(text: str) -> Iterator[tuple[int, str, int, int]]:
    """(honorific's start, honorific, name's start, name's end) of every honoured name, then of
    every counterpart named with their country ("người đồng cấp Nga Vladimir Putin"), read as
    after "ông"."""
    first = _HONOURED_NAME_FIRST.match(text)
    if first:
        yield 0, first.group(1).strip(), first.start(2), first.end(2)
    for match in _HONOURED_NAME.finditer(text, first.end() if first else 0):
        yield match.start() + 1, match.group(1)[1:].strip(), match.start(2), match.end(2)
    if "người đồng cấp" in text:
        for match in _counterpart().finditer(text):
            yield match.start(), "ông", match.start(2), match.end(2)


@functools.cache
def _counterpart() -> re.Pattern[str]:
    """ "người đồng cấp Trung Quốc Vương Nghị", "người đồng cấp Ukraine ông Petr Poroshenko"."""
    return re.compile(
        rf"người đồng cấp ({gazetteer.country_alternation()}) (?:(?:ông|bà|ngài) )?{_HONOURED}"
    )


def untitled_people(ctx: DocContext, found: list[Person]) -> list[Person]:
    """People named in full after an honorific or a degree whom ``extract_people`` found no
    office for."""
    known = {person.name for person in found}
    people: dict[str, Person] = {}
    starts = [sentence.start for sentence in ctx.sentences]
    for at, honorific, start, end in _honoured_names(ctx.text):
        index = bisect.bisect_right(starts, at) - 1
        if index < 0 or end > ctx.sentences[index].end:
            continue
        sentence = ctx.sentences[index]
        end = _before_next_clause(ctx.text, start, end)
        candidate = ctx.text[start:end]
        if not _full_name(honorific, candidate) or any(
            other == candidate or other.endswith(f" {candidate}") for other in known
        ):
            continue  # not a name, or a titled person's (maybe in full: "Nguyễn Văn A" for "Văn A")
        if romanised(ctx.text[start:end]):
            end = _dashed_tail(ctx.text, start, end)
            end = _korean_given_name_end(ctx.text, start, end, sentence.end)
        name = ctx.text[start:end]
        if name in people or name in known:
            continue
        person = people[name] = Person(name)
        person.mentions.append(PersonMention(name, [], None, start, end, sentence))
    return list(people.values())


def _before_next_clause(text: str, start: int, end: int) -> int:
    """The end of a foreign name without the Vietnamese words that open the next clause ("ngài
    Bruno Angelet Đại sứ …", "ông Franz Klintsevich Phó Chủ tịch …")."""
    words = text[start:end].split(" ")
    kept = len(words)
    while (
        kept > 2
        and not words[kept - 1].isascii()
        and _vietnamese_syllable(words[kept - 1])
        and romanised(" ".join(words[: kept - 1]))
    ):
        kept -= 1
    return start + len(" ".join(words[:kept]))


def _full_name(honorific: str, name: str) -> bool:
    """Whether the words after an honorific are somebody's full name: a family name and a given
    name, or a foreign name; not a place ("Bà Rịa"), a title or an initial."""
    words = name.split(" ")
    if f"{honorific.capitalize()} {words[0].split('-')[0]}" in gazetteer.district_names():
        return False
    if len(words[-1]) == 1 or any(len(word) > 1 and word.isupper() for word in words):
        return False  # "ông Robert H. McCooey", "ông Andreas Dittrich ITM"
    if _a_place(name) or _ends_in_country(name) or has_title_head(name):
        return False
    if romanised(name):
        return (
            # "ông Kim Jong Un": the Korean family name ours shares, before a romanised name
            (
                words[0] not in SURNAMES
                or (words[0] == "Kim" and all(word.isascii() for word in words[1:]))
            )
            and all(_title_cased(word.split("-")[0]) or word in _NAME_PARTICLES for word in words)
            and not any(_a_place(word) for word in words)  # "ông Tập" is no "Tập Cận Bình"
            # "Tiên Cookie", "Nà Hills": a Vietnamese word and a foreign one name no one
            and not any(not word.isascii() and _vietnamese_syllable(word) for word in words)
        )
    # a Vietnamese given name may be a place's ("Bùi Đức Trọn", "Nguyễn Thái Bình")
    if words[0] in COMMON_SURNAMES:
        return len(words) <= 4
    return words[0] in SURNAMES and 3 <= len(words) <= 4
