"""Quantities in Vietnamese news prose: numbers with their multiplier, unit and qualifier.

Hand-written because no library finds and reads quantities in Vietnamese prose: ``.`` groups
thousands and ``,`` is the decimal mark (``float("57.700")`` is 57.7), though news also writes
"12.5" and "9,990,000"; amounts are spelled with word multipliers ("57.700 tỷ đồng", "37,7 vạn
tấn", "566 tỷ 384 triệu đồng", "nửa tỉ đồng"); and what matters for a statistic is the hedge
word before the number ("gần", "hơn", "dưới", "ước đạt", "dự kiến"). Locale number parsing
(babel) reads one clean token at a time, and price/number parsers guess the separators; none
knows the multipliers, the counted nouns or the hedges, nor which digits in a sentence are
dates, codes or labels.

``find_quantities`` scans one sentence (or any text) and returns ``Quantity`` objects whose
offsets point into the string passed in. It deliberately skips what is not a quantity: years
("năm 2020", "2016 - 2020"), dates ("24/11", "10/2020", "15.3.2017"), times ("8h30"), phone
and ID numbers, ordinals and labels ("lần thứ 5", "quốc lộ 14", "Điều 79"), codes
("BP 12-04-02", "31-KH/TU") and numbers glued to letters ("Covid-19", "G6", "6x36", "4G").

Everything here is pure; the regular expressions are compiled once at import.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

__all__ = [
    "QUALIFIERS",
    "Quantity",
    "clause_qualifier",
    "find_quantities",
    "parse_number",
    "qualified",
    "sentence_start",
]

QUALIFIERS = ("exact", "approx", "over", "under", "estimate", "target")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text, with offsets into that text.

    ``start``/``end`` cover the number, its multiplier and unit words (and a range's upper
    bound), not the qualifier; ``raw`` is ``text[start:end]``. ``value`` is in base units
    (đồng, USD, percent points, counted things); for a range ("8,5 - 9%", "từ 86 đến 88 triệu
    đồng") it is the lower bound and ``high`` the upper one. ``of`` is the denominator of a
    ratio ("169/182 xã" → 169 of 182).
    """

    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str
    of: float | None
    qualifier_start: int | None
    raw: str
    high: float | None = None


# --------------------------------------------------------------------------------------------
# parse_number

_DIGITS = re.compile(r"\d+")
_GROUPED = re.compile(r"\d+(?:[.,]\d+)*")
_SEPARATOR = re.compile(r"[.,]")


def _parse_decimal(token: str) -> Decimal | None:
    """The exact value of one written number, or None when it is not a number at all."""
    if not _GROUPED.fullmatch(token):
        return None
    if _DIGITS.fullmatch(token):
        return Decimal(token)
    groups = _SEPARATOR.split(token)
    seps = _SEPARATOR.findall(token)
    head, rest = groups[0], groups[1:]
    try:
        if len(seps) == 1:
            tail = rest[0]
            if seps[0] == ",":
                # Decimal comma; "23,000" is the English thousands style, not 23.000.
                if tail == "000" and head != "0" and len(head) <= 3:
                    return Decimal(head + tail)
                return Decimal(f"{head}.{tail}")
            # A single dot: a thousands group when followed by exactly three digits, else the
            # occasional decimal point ("12.5", "6.23"); "1.2017" (month.year) is no number.
            if len(tail) == 3 and head != "0":
                return Decimal(head + tail) if len(head) <= 3 else None
            return Decimal(f"{head}.{tail}") if len(tail) <= 2 else None
        if len(head) > 3 or head == "0":
            return None
        if all(len(g) == 3 for g in rest) and (len(set(seps)) == 1 or seps[-1] == "."):
            # "1.234.567", "9,990,000", and the typo "33,448.222": all thousands groups
            # ("1.000,001" is 1000.001: a comma written last is the decimal mark).
            return Decimal(head + "".join(rest))
        # Mixed marks: the last one is the decimal mark ("2.600,7", "1,234.56").
        one_mark = all(s == seps[0] for s in seps[:-1]) and seps[-1] != seps[0]
        if one_mark and all(len(g) == 3 for g in rest[:-1]):
            return Decimal(head + "".join(rest[:-1]) + "." + rest[-1])
        return None
    except InvalidOperation:  # pragma: no cover - the regex admits digits only
        return None


def parse_number(token: str) -> float | None:
    """A number written the Vietnamese way → float; None when ``token`` is not one number.

    "57.700" → 57700, "7,92" → 7.92, "1.234.567" → 1234567, "2.600,7" → 2600.7, "12.5" → 12.5
    (a dot followed by one or two digits is a decimal point), "15.3.2017" / "1.2017" → None.
    """
    value = _parse_decimal(token.strip())
    return None if value is None else float(value)


# --------------------------------------------------------------------------------------------
# Vocabulary


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_LETTER = r"[^\W\d_]"
_END = rf"(?!{_LETTER})"

_MULTIPLIERS: dict[str, int] = {
    "tỷ": 10**9,
    "tỉ": 10**9,
    "triệu": 10**6,
    "vạn": 10**4,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "trăm": 100,
}
# A multiplier word, unless it starts another word: "tỷ lệ", "tỉ số", "triệu chứng", "vạn vật".
_MULTIPLIER = re.compile(
    r"\s*(tỷ|tỉ|triệu|vạn|nghìn|ngàn|trăm)"
    rf"{_END}(?!\s+(?:lệ|số|trọng|giá|chứng|tập|phú|vật|sự){_END})",
    re.IGNORECASE,
)
# "566 tỷ 384 triệu đồng": a smaller amount added after a multiplier.
_ADDEND = re.compile(r"\s+(\d{1,3})\s+(triệu|nghìn|ngàn|trăm)" + _END, re.IGNORECASE)
_HALF = re.compile(rf"(?<!{_LETTER})nửa\s+(tỷ|tỉ|triệu|nghìn|ngàn|vạn){_END}", re.IGNORECASE)

_NOT_MONEY_DONG = (
    "chí|bào|hồ|nghiệp|đội|minh|hương|môn|ruộng|lúa|bằng|thời|loại|phục|ca|tác|sáng|cỏ|"
    "tâm|thuận|ý|lòng|hành|tình|bộ|nát|cảm|đều|thanh|nai"
)
_CURRENCY = re.compile(
    r"\s*(?:"
    rf"(?P<vnd>(?:việt\s+nam\s+)?đồng(?!\s+(?:{_NOT_MONEY_DONG}){_END})|vnđ|vnd|đ)"
    r"|(?P<usd>usd|đô\s*-?\s*la(?:\s+mỹ)?|đô\s+mỹ|us\$|đô(?!\s+thị))"
    r"|(?P<eur>euro|eur|€)"
    r"|(?P<jpy>yên(?:\s+nhật)?|jpy)"
    r"|(?P<cny>nhân\s+dân\s+tệ|ndt|cny)"
    r"|(?P<krw>won|krw)"
    r"|(?P<gbp>bảng\s+anh|gbp)"
    rf"){_END}",
    re.IGNORECASE,
)
_CURRENCY_CODE = {
    "vnd": "VND",
    "usd": "USD",
    "eur": "EUR",
    "jpy": "JPY",
    "cny": "CNY",
    "krw": "KRW",
    "gbp": "GBP",
}
_PERCENT = re.compile(rf"\s*(?:%|phần\s+trăm{_END})", re.IGNORECASE)
_DOLLAR_PREFIX = re.compile(r"(?:US)?\$\s*$")

# Counted nouns and measures, as written → the short head noun reported as ``unit``.
_UNIT_WORDS: dict[str, str] = {
    # administration
    "xã": "xã",
    "xã, phường": "xã",
    "xã, phường, thị trấn": "xã",
    "phường": "phường",
    "thị trấn": "thị trấn",
    "huyện": "huyện",
    "huyện, thị xã": "huyện",
    "huyện, thị xã, thành phố": "huyện",
    "thị xã": "thị xã",
    "quận": "quận",
    "quận, huyện": "huyện",
    "tỉnh": "tỉnh",
    "tỉnh, thành": "tỉnh",
    "tỉnh, thành phố": "tỉnh",
    "thành phố": "thành phố",
    "thôn": "thôn",
    "thôn, xóm": "thôn",
    "bản": "bản",
    "ấp": "ấp",
    "xóm": "xóm",
    "làng": "làng",
    "tổ dân phố": "tổ dân phố",
    "khu dân cư": "khu dân cư",
    "đơn vị": "đơn vị",
    "đơn vị hành chính": "đơn vị",
    "đvhc": "đơn vị",
    "cơ quan": "cơ quan",
    "sở, ngành": "sở",
    "sở": "sở",
    # party and people
    "đảng viên": "đảng viên",
    "chi bộ": "chi bộ",
    "đảng bộ": "đảng bộ",
    "tổ chức": "tổ chức",
    "tổ chức cơ sở đảng": "tổ chức",
    "tổ chức đảng": "tổ chức",
    "cán bộ": "cán bộ",
    "cán bộ, công chức": "cán bộ",
    "cán bộ, công chức, viên chức": "cán bộ",
    "công chức": "công chức",
    "viên chức": "viên chức",
    "người": "người",
    "người dân": "người",
    "người lao động": "người",
    "nhân khẩu": "nhân khẩu",
    "khẩu": "nhân khẩu",
    "lao động": "lao động",
    "việc làm": "việc làm",
    "hộ": "hộ",
    "hộ dân": "hộ",
    "hộ gia đình": "hộ",
    "hộ nghèo": "hộ",
    "hộ cận nghèo": "hộ",
    "gia đình": "gia đình",
    "đại biểu": "đại biểu",
    "thành viên": "thành viên",
    "hội viên": "hội viên",
    "đoàn viên": "đoàn viên",
    "học sinh": "học sinh",
    "sinh viên": "sinh viên",
    "giáo viên": "giáo viên",
    "thí sinh": "thí sinh",
    "bệnh nhân": "bệnh nhân",
    "ca": "ca",
    "ca bệnh": "ca",
    "ca mắc": "ca",
    "trường hợp": "trường hợp",
    "nạn nhân": "nạn nhân",
    "đối tượng": "đối tượng",
    "bị cáo": "bị cáo",
    "bị can": "bị can",
    "bị hại": "bị hại",
    "công nhân": "công nhân",
    "ngư dân": "ngư dân",
    "du khách": "khách",
    "khách": "khách",
    "khách du lịch": "khách",
    "lượt": "lượt",
    "lượt khách": "lượt",
    "lượt người": "lượt",
    "lượt du khách": "lượt",
    "chiến sĩ": "chiến sĩ",
    "cán bộ, chiến sĩ": "chiến sĩ",
    "binh sĩ": "binh sĩ",
    # economy
    "dự án": "dự án",
    "doanh nghiệp": "doanh nghiệp",
    "dn": "doanh nghiệp",
    "công ty": "công ty",
    "hợp tác xã": "hợp tác xã",
    "htx": "hợp tác xã",
    "cơ sở": "cơ sở",
    "mô hình": "mô hình",
    "sản phẩm": "sản phẩm",
    "công trình": "công trình",
    "khu công nghiệp": "khu công nghiệp",
    "kcn": "khu công nghiệp",
    "cụm công nghiệp": "cụm công nghiệp",
    "cửa khẩu": "cửa khẩu",
    "tiêu chí": "tiêu chí",
    "chỉ tiêu": "chỉ tiêu",
    "giấy chứng nhận": "giấy chứng nhận",
    "hợp đồng": "hợp đồng",
    "cổ phiếu": "cổ phiếu",
    "suất": "suất",
    "suất quà": "suất",
    "phần quà": "suất",
    "nhà": "nhà",
    "nhà ở": "nhà",
    "căn nhà": "nhà",
    "ngôi nhà": "nhà",
    "nhà văn hóa": "nhà",
    "căn": "căn",
    "căn hộ": "căn hộ",
    "trường": "trường",
    "trường học": "trường",
    "phòng học": "phòng học",
    "lớp": "lớp",
    "bệnh viện": "bệnh viện",
    "trạm y tế": "trạm y tế",
    "giường bệnh": "giường bệnh",
    "xe": "xe",
    "chiếc": "chiếc",
    "tàu": "tàu",
    "tàu cá": "tàu",
    "phương tiện": "phương tiện",
    "máy": "máy",
    "con": "con",
    "cây": "cây",
    "vụ": "vụ",
    "vụ việc": "vụ",
    "lần": "lần",
    "mã": "mã",
    "tiếng": "tiếng",
    "địa phương": "địa phương",
    "quốc gia": "quốc gia",
    "nước": "nước",
    "lĩnh vực": "lĩnh vực",
    "mục tiêu": "mục tiêu",
    "thiết bị": "thiết bị",
    "ngành": "ngành",
    "điểm": "điểm",
    "chuyến": "chuyến",
    "đoàn": "đoàn",
    # time
    "năm": "năm",
    "tháng": "tháng",
    "tuần": "tuần",
    "ngày": "ngày",
    "giờ": "giờ",
    "phút": "phút",
    "giây": "giây",
    "tuổi": "tuổi",
    # measures
    "ha": "ha",
    "hécta": "ha",
    "héc-ta": "ha",
    "hecta": "ha",
    "hec-ta": "ha",
    "km2": "km2",
    "km²": "km2",
    "km vuông": "km2",
    "ki-lô-mét vuông": "km2",
    "m2": "m2",
    "m²": "m2",
    "mét vuông": "m2",
    "m3": "m3",
    "m 2": "m2",
    "m 3": "m3",
    "km 2": "km2",
    "m³": "m3",
    "mét khối": "m3",
    "km": "km",
    "ki-lô-mét": "km",
    "cây số": "km",
    "m": "m",
    "mét": "m",
    "cm": "cm",
    "mm": "mm",
    "tấn": "tấn",
    "tạ": "tạ",
    "yến": "yến",
    "kg": "kg",
    "ki-lô-gam": "kg",
    "gam": "g",
    "lít": "lít",
    "ml": "ml",
    "mw": "MW",
    "kw": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "độ": "độ",
    "độ c": "độ C",
}
_GLUED_UNITS = {"ha", "km2", "km²", "m2", "m²", "m3", "m³", "km", "m", "cm", "mm", "kg", "ml"}


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(",", r",\s*") for w in ordered)


_UNIT = re.compile(rf"\s*({_alternation(list(_UNIT_WORDS))}){_END}", re.IGNORECASE)
_GLUED_UNIT = re.compile(rf"({_alternation(sorted(_GLUED_UNITS))}){_END}", re.IGNORECASE)
_PER_UNIT = re.compile(rf"/(?:1\s*)?({_LETTER}+(?:\s+(?:vuông|khối))?){_END}")
_SPACE_INSIDE = re.compile(r"\s+")

# Words that never start a counted noun (for the fallback: first syllable after the number).
_NOT_A_NOUN = _words(
    """là và với của trong ngoài đến tới so khi thì mà để cho được bị có đã sẽ đang này đó kia
    nào theo từ tại trên dưới hơn gần vào ra về qua sau trước nữa lên xuống tăng giảm đạt
    chiếm bằng như nhưng hoặc hay cũng vẫn còn rồi thêm mới đều nên vì do nếu tuy cùng chỉ mỗi
    các những một hai ba bốn sáu bảy tám chín mười trở gồm thuộc ở tính khoảng xấp chừng
    lần lượt ước dự phấn mục kế nay qua tới trên đây kể sang thành
    tương tức hoặc hết đầu cuối giữa bên nhau cả toàn riêng tổng"""
)
_FALLBACK_UNIT = re.compile(rf"\s+({_LETTER}+)(?:\s+({_LETTER}+))?{_END}")

# --------------------------------------------------------------------------------------------
# Qualifiers

_APPROX = ["gần", "khoảng", "xấp xỉ", "chừng", "tầm", "cỡ", "trên dưới", "gần như", "độ chừng"]
_OVER = ["hơn", "trên", "ít nhất", "tối thiểu", "không dưới", "không ít hơn", "hơn nữa"]
_UNDER = ["dưới", "chưa đến", "chưa tới", "chưa đầy", "không quá", "không đến", "tối đa"]
_ESTIMATE = ["ước", "ước tính", "ước đạt", "ước khoảng", "ước chừng", "ước thực hiện", "ước lượng"]
_TARGET_LOCAL = ["dự kiến", "phấn đấu", "mục tiêu", "kế hoạch", "chỉ tiêu", "sẽ", "dự định"]
# Cues that may stand a few words before their figure ("ước tính thiệt hại 51,4 tỷ"); "kế hoạch"
# counts only right before it ("kế hoạch ngừng bắn 30 ngày" is a plan, not a target figure).
_LOOSE_CUES = _ESTIMATE + [w for w in _TARGET_LOCAL if w != "kế hoạch"]
_QUALIFIER_OF: dict[str, str] = {
    word: kind
    for kind, words in (
        ("approx", _APPROX),
        ("over", _OVER),
        ("under", _UNDER),
        ("estimate", _ESTIMATE),
        ("target", _TARGET_LOCAL),
    )
    for word in words
}

# Words allowed between a qualifier and its number: "đạt gần 6%", "còn dưới 3%", "dự kiến có".
_LINKERS = (
    "đạt|là|còn|có|chỉ|lên|tới|đến|ở|mức|được|thêm|với|vào|tăng|giảm|xuống|bằng|chiếm|tổng|"
    "số|cộng|lại|đã|sẽ|khoảng|đạt\\s+mức|ở\\s+mức|lên\\s+tới|lên\\s+đến|tổng\\s+số|có\\s+tới"
)
# "Sở Kế hoạch và Đầu tư", "Kế hoạch số 31", "chương trình mục tiêu quốc gia": names, not cues.
_NOT_A_PLAN = re.compile(rf"\s*(?:(?:và\s+)?đầu\s+tư|&|số|quốc\s+gia|KH|ĐT){_END}", re.IGNORECASE)
_QUALIFIER_WORDS = _alternation(list(_QUALIFIER_OF))


def _lead(words: list[str]) -> str:
    """A look-ahead on the first letters of ``words``: it lets ``re`` skip to candidates."""
    firsts = sorted({w[0].lower() for w in words} | {w[0].upper() for w in words})
    return f"(?=[{''.join(firsts)}])"


_TIGHT = re.compile(
    rf"{_lead(list(_QUALIFIER_OF))}(?:^|(?<=[\s(]))(?P<q>{_QUALIFIER_WORDS})(?:\s+(?:{_LINKERS}))*\s*$",
    re.IGNORECASE,
)
_LOOSE = re.compile(
    rf"{_lead(_LOOSE_CUES)}(?:^|(?<=[\s(]))(?P<q>{_alternation(_LOOSE_CUES)}){_END}",
    re.IGNORECASE,
)
# Target words whose scope is the rest of the sentence ("Dự kiến đến cuối năm 2020, toàn tỉnh
# có 169/182 xã ...; 4/10 huyện ..."), and estimate words whose scope is their ``;`` clause.
_SENTENCE_TARGET = re.compile(
    rf"(?=[dDpPmMđĐ])(?:^|(?<=[\s(\"“]))(?P<q>dự\s+kiến|phấn\s+đấu|mục\s+tiêu|dự\s+định|đặt\s+mục\s+tiêu)"
    rf"{_END}",
    re.IGNORECASE,
)
_CLAUSE_ESTIMATE = re.compile(
    rf"(?=[ưƯ])(?:^|(?<=[\s(\"“]))(?P<q>ước\s+tính|ước\s+đạt|ước\s+khoảng|ước\s+chừng|ước){_END}",
    re.IGNORECASE,
)
_CUE_NEGATED = re.compile(
    r"(?:vượt|đạt|hoàn\s+thành|so\s+với|theo\s+đúng|chương\s+trình|\d)\s*$", re.IGNORECASE
)
# A sentence-wide target stops where the sentence reports what is done: "... đã sơ tán 5 hộ".
_DONE = re.compile(rf"(?<!{_LETTER})(?:đã|hiện\s+nay|đến\s+nay){_END}", re.IGNORECASE)
# "ước" is also a syllable of "hiệp ước", "mong ước", "ước mơ": not an estimate there.
_UOC_COMPOUND_BEFORE = re.compile(
    r"(?:hiệp|công|quy|điều|mong|giao|khế|cam|thề|ao|nguyện|mơ)\s+$", re.IGNORECASE
)
_UOC_COMPOUND_AFTER = re.compile(
    rf"\s+(?:mơ|muốn|nguyện|vọng|ao|lệ|định|gì|chi|vậy){_END}", re.IGNORECASE
)
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ANY_DIGIT = re.compile(r"\d")

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\n!?…“”\"]|\.(?!\d)|\s[-–—]\s")
_SENTENCE_BREAK = re.compile(r"\n|[!?…]|\.(?!\d)(?=\s|$|[\"”)\]])")
_ABBREVIATION = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|BS|Mr|Mrs|St|Q|P|TT|ông|bà)|\b\w)$")
_LOOKBACK = 600


def _sentence_breaks(text: str, floor: int, pos: int) -> list[int]:
    breaks = []
    for m in _SENTENCE_BREAK.finditer(text, floor, pos):
        if m.group() == "." and _ABBREVIATION.search(text, max(0, m.start() - 4), m.start()):
            continue
        breaks.append(m.end())
    return breaks


def _skip_space(text: str, start: int, pos: int) -> int:
    while start < pos and text[start].isspace():
        start += 1
    return start


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``text[pos]`` starts (its first non-space character), looking
    back at most 600 characters; "TP. HCM" and initials do not end a sentence."""
    floor = max(0, pos - _LOOKBACK)
    breaks = _sentence_breaks(text, floor, pos)
    return _skip_space(text, breaks[-1] if breaks else floor, pos)


def _start_from(text: str, breaks: list[int], pos: int) -> int:
    """``sentence_start`` from the precomputed sentence breaks of the whole text."""
    k = bisect_right(breaks, pos) - 1
    floor = max(0, pos - _LOOKBACK)
    return _skip_space(text, max(breaks[k], floor) if k >= 0 else floor, pos)


def _clause_start(text: str, pos: int) -> int:
    floor = max(0, pos - 120)
    start = floor
    for m in _CLAUSE_BREAK.finditer(text, floor, pos):
        start = m.end()
    return start


def _is_cue(text: str, m: re.Match[str]) -> bool:
    """False for the "ước" of "hiệp ước", "mong ước", "ước mơ", and for names that contain
    "kế hoạch" or "mục tiêu" ("Sở Kế hoạch và Đầu tư")."""
    word = _SPACE_INSIDE.sub(" ", m.group("q").lower())
    if word in ("kế hoạch", "mục tiêu"):
        return not _NOT_A_PLAN.match(text, m.end("q"))
    if word != "ước":
        return True
    return not (
        _UOC_COMPOUND_BEFORE.search(text, max(0, m.start("q") - 10), m.start("q"))
        or _UOC_COMPOUND_AFTER.match(text, m.end("q"))
    )


def _sentence_cue(text: str, pos: int, begin: int | None = None) -> tuple[str, int] | None:
    """A target/estimate word earlier in the sentence (from ``begin``) whose scope reaches
    ``pos``."""
    if begin is None:
        begin = sentence_start(text, pos)
    found: tuple[str, int] | None = None
    for m in _SENTENCE_TARGET.finditer(text, begin, pos):
        if _is_cue(text, m) and not _CUE_NEGATED.search(
            text, max(begin, m.start() - 15), m.start()
        ):
            found = None if _DONE.search(text, m.end(), pos) else ("target", m.start())
    for m in _CLAUSE_ESTIMATE.finditer(text, begin, pos):
        if not _is_cue(text, m):
            continue
        between = text[m.end() : pos]
        if ";" in between or _ANY_DIGIT.search(_YEAR_DIGITS.sub("", between)):
            continue
        if found is None or m.start() > found[1]:
            found = ("estimate", m.start())
    return found


def clause_qualifier(text: str, start: int) -> str | None:
    """ "target" or "estimate" when a planning/estimating word earlier in the sentence governs
    the figure at ``start``; else None.

    "Dự kiến", "phấn đấu", "mục tiêu", "dự định" reach to the end of their sentence (across
    commas and semicolons), unless negated by what precedes them ("vượt mục tiêu", "chương
    trình mục tiêu quốc gia", "Sở Kế hoạch và Đầu tư" is never a cue). "ước"/"ước tính"/"ước đạt"
    reach only the first figure after them in their ``;`` clause.
    """
    cue = _sentence_cue(text, start)
    return cue[0] if cue else None


def _local_qualifier(text: str, start: int) -> tuple[str, int] | None:
    begin = _clause_start(text, start)
    # A tight qualifier is at most a few words before the number: "ước đạt", "còn dưới".
    tight = _TIGHT.search(text, max(begin, start - 40), start)
    if tight and tight.start() >= begin and _is_cue(text, tight):
        word = _SPACE_INSIDE.sub(" ", tight.group("q").lower())
        return _QUALIFIER_OF[word], tight.start("q")
    loose = None
    for m in _LOOSE.finditer(text, begin, start):
        if _is_cue(text, m):
            loose = m
    if loose and len(text[loose.end() : start].split()) <= 4:
        word = _SPACE_INSIDE.sub(" ", loose.group("q").lower())
        return _QUALIFIER_OF[word], loose.start("q")
    return None


def _qualifier(text: str, start: int, begin: int) -> tuple[str, int | None]:
    found = _local_qualifier(text, start) or _sentence_cue(text, start, begin)
    return found if found else ("exact", None)


# --------------------------------------------------------------------------------------------
# What is not a quantity

# The leading look-aheads let ``re`` skip quickly to candidate characters.
_NUMBER = re.compile(r"(?=\d)(?<![\w.,/:@#+-])(\d+(?:[.,]\d+)*)((?:/\d+(?:[.,]\d+)*)*)")
_PHONE = re.compile(
    r"(?=[\d+(])(?<![\w.,])(?:\+84|\(0\d{1,3}\)|0\d{1,3})(?:[ .-]?\d{2,4}){2,4}(?![\w])"
)
_PREV_WORDS = re.compile(rf"(?<!{_LETTER})(?:({_LETTER}+)\s+)?({_LETTER}+)[\s(]*$")
_YEAR_RANGE_AFTER = re.compile(r"\s*[-–—]\s*(?:19|20)\d\d(?!\d)")
_YEAR_RANGE_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—]\s*$")
_RANGE = re.compile(
    r"(?P<pct>\s*%)?(?P<sep>\s*[-–—]\s*|\s+(?:đến|tới)\s+)(?P<num>\d+(?:[.,]\d+)*)(?![/.,]\d)"
)
# "BKS 34M - 3698", "51C- 638.30": the number of a licence plate.
_PLATE_BEFORE = re.compile(r"\d{2}[A-Z]{1,2}\d?\s*[-–.]\s*$")
# "Q. 10", "P. 5": abbreviated district and ward names.
_ABBREVIATED_LABEL = re.compile(rf"(?<!{_LETTER})(?:Q|P|F|KP|KV|Tp|TP)\.\s*$")
# "41 trên 73 người", "64 trong tổng số 120": a ratio in words.
_RATIO_WORDS = re.compile(
    r"\s+(?:trên(?:\s+tổng\s+số)?|trong\s+(?:tổng\s+)?số)\s+(\d+(?:[.,]\d+)*)(?![\w/]|[.,]\d)"
)
# "1. Cảm giác dễ chịu": a list item number at the start of a line or sentence.
_LIST_BEFORE = re.compile(r"(?:^|\n|[.!?:]\s)\s*$")
_LIST_AFTER = re.compile(r"[.)]\s+[^\W\d_]")
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# "Vĩnh Tân 3", "Euro 2016": a number right after a capitalised word inside a sentence.
_CAPITALISED_BEFORE = re.compile(rf"(?:(?<={_LETTER}\s)|(?<=,\s))[{_UPPER}]{_LETTER}*\s+$")
_CODE_AFTER = re.compile(rf"[-/]{_LETTER}|:\d|/")
_TIME_AFTER = re.compile(r"\s*giờ\s*\d", re.IGNORECASE)

# A number right after one of these words is a label, an ordinal or part of a date or time.
_LABEL_BEFORE = _words(
    """thứ số khóa khoá kỳ tháng ngày mùng mồng năm lúc giờ quận phường đường lộ ql đt tl dt km lô
    tổ ấp khoản điều chương mục hiệp phút vòng hẻm ngõ ngách kiệt seri lần đợt phiên quý tuần
    model sn iphone galaxy windows kiot block biển bks sbd cmnd cccd stk hotline tel fax"""
)
# ... and after these only when no unit follows: "cấp 12" but "cấp 200 triệu euro", "Thông tư
# 04" but "đầu tư 1,2 tỷ USD", "tầng 4" but "khu 3 hộ".
_WEAK_LABEL_BEFORE = _words(
    """cấp lớp khối phòng bảng top hạng kênh sân bến cổng tuyến khu trạm tàu mã định quyết tư thị
    văn đoạn hệ mùa nhóm đội euro tập chặng trận câu bài tòa toà tầng"""
)
# "tổng số 85 dự án", "trong số 1.000 lính", "con số 5.000", "dân số 1,3 triệu người": "số"
# after these is a count.
_COUNT_BEFORE_SO = frozenset({"tổng", "trong", "con", "với", "có", "dân"})
_DATE_BEFORE = _words(
    """ngày sáng chiều tối trưa đêm hôm khuya mùng mồng tháng nay qua mai từ đến hết trước sau
    đầu cuối giữa vào"""
)
_DAY_BEFORE = _words("ngày sáng chiều tối trưa đêm hôm khuya mùng mồng nay qua")
_STRONG_YEAR_BEFORE = _words(
    """năm niên khóa khoá đoạn kỳ sn sinh mùa euro world cup từ đến tới hết cuối đầu"""
)


def _previous_words(text: str, start: int) -> tuple[str, str, str]:
    """The second-to-last and last words right before ``start`` (lower case), separated from it
    by spaces or an opening parenthesis only, and the last one as written.

    What ``_PREV_WORDS.search(text, max(0, start - 40), start)`` finds, read backwards by hand:
    it runs for every number, and the regex tried each of the 40 positions (tests compare)."""
    floor = max(0, start - 40)
    end = start
    while end > floor and (text[end - 1].isspace() or text[end - 1] == "("):
        end -= 1
    begin = _letters_before(text, end, floor)
    if begin == end or (begin > 0 and _is_letter(text[begin - 1])):
        return "", "", ""
    last = text[begin:end]
    gap = begin
    while gap > floor and text[gap - 1].isspace():
        gap -= 1
    first = _letters_before(text, gap, floor)
    if gap == begin or first == gap or (first > 0 and _is_letter(text[first - 1])):
        return "", last.lower(), last
    return text[first:gap].lower(), last.lower(), last


def _is_letter(ch: str) -> bool:
    return ch.isalnum() and not ch.isdecimal()  # the regex's [^\W\d_]


def _letters_before(text: str, end: int, floor: int) -> int:
    begin = end
    while begin > floor and _is_letter(text[begin - 1]):
        begin -= 1
    return begin


def _is_label(prev2: str, prev: str) -> bool:
    if prev == "số":
        return prev2 not in _COUNT_BEFORE_SO
    return prev in _LABEL_BEFORE


# Label words that are also the last syllable of names: "Hoa Kỳ 138 triệu USD", "hỗ trợ hành
# khách Hồ Xuân Quý 8,5 triệu đồng" are amounts, not a period or a quarter.
_NAME_SYLLABLE_LABELS = frozenset({"quý", "kỳ", "hiệp", "kiệt", "tuần"})
_NAME_BEFORE = re.compile(
    rf"(?:[{_UPPER}]{_LETTER}*|(?<!{_LETTER})(?:ông|bà|anh|chị|em|cháu))\s+[{_UPPER}]{_LETTER}*\s*$"
)
_MONEY_AFTER = re.compile(
    r"\s*(?:(?:tỷ|tỉ|triệu|nghìn|ngàn)\s*)?(?:đồng|USD)(?!\w)|\s*(?:tỷ|tỉ|triệu)(?!\w)(?!\s+(?:lệ|trọng))"
)


def _name_then_money(text: str, start: int, end: int, prev: str) -> bool:
    return (
        prev in _NAME_SYLLABLE_LABELS
        and _NAME_BEFORE.search(text, max(0, start - 30), start) is not None
        and _MONEY_AFTER.match(text, end) is not None
    )


def _is_plain_year(token: str, value: Decimal) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= value <= 2100


# --------------------------------------------------------------------------------------------
# find_quantities


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    value: Decimal
    high: Decimal | None = None
    of: Decimal | None = None
    unit: str | None = None
    noun: bool = False  # unit is a currency, percent or known noun (not a fallback word)


def _multiply(text: str, draft: _Draft) -> None:
    factor = 1
    last = 0
    pos = draft.end
    while True:
        m = _MULTIPLIER.match(text, pos)
        if not m:
            break
        factor *= _MULTIPLIERS[m.group(1).lower()]
        last = _MULTIPLIERS[m.group(1).lower()]
        pos = m.end()
    if factor == 1:
        return
    draft.value *= factor
    if draft.high is not None:
        draft.high *= factor
    draft.end = pos
    draft.noun = True
    # "566 tỷ 384 triệu (đồng)", "2 triệu 500 nghìn"
    while draft.high is None:
        add = _ADDEND.match(text, pos)
        if not add:
            break
        size = _MULTIPLIERS[add.group(2).lower()]
        if size >= last:
            break
        draft.value += Decimal(add.group(1)) * size
        last = size
        pos = add.end()
        draft.end = pos


def _attach_unit(text: str, draft: _Draft) -> None:
    pos = draft.end
    cur = _CURRENCY.match(text, pos)
    if cur and cur.lastgroup:
        draft.unit = _CURRENCY_CODE[cur.lastgroup]
        draft.end = cur.end()
        draft.noun = True
        return
    pct = _PERCENT.match(text, pos)
    if pct:
        draft.unit = "%"
        draft.end = pct.end()
        draft.noun = True
        return
    unit = _UNIT.match(text, pos)
    if unit:
        written = _SPACE_INSIDE.sub(" ", unit.group(1).lower())
        written = written.replace(", ", ",").replace(",", ", ")
        draft.unit = _UNIT_WORDS.get(written, written)
        draft.end = unit.end()
        draft.noun = True
    else:
        word = _FALLBACK_UNIT.match(text, pos)
        if not word or not word.group(1).islower() or word.group(1) in _NOT_A_NOUN:
            return
        # The noun as written: one syllable, or two when the second is not a function word
        # ("3 cuộc chiến", "2 trợ lý", "4 địa điểm").
        second = word.group(2)
        if second and second.islower() and second not in _NOT_A_NOUN:
            draft.unit = f"{word.group(1)} {second}"
            draft.end = word.end()
        else:
            draft.unit = word.group(1)
            draft.end = word.end(1)
    per = _PER_UNIT.match(text, draft.end)
    if per:
        draft.unit = f"{draft.unit}/{_SPACE_INSIDE.sub(' ', per.group(1).lower())}"
        draft.end = per.end()


def _draft_at(text: str, m: re.Match[str], phones: list[tuple[int, int]]) -> _Draft | None:
    token, chain = m.group(1), m.group(2)
    start, end = m.start(), m.end()
    if any(a <= start < b for a, b in phones):
        return None
    if chain.count("/") >= 2 or _CODE_AFTER.match(text, end):
        return None  # "24/11/2020", "43/2014/NĐ-CP", "18-NQ", "8:30"
    if len(token) >= 8 and token.isdigit():
        return None  # phone, ID, account numbers
    value = _parse_decimal(token)
    if value is None:
        return None
    prev2, prev, written = _previous_words(text, start)
    if (
        (_is_label(prev2, prev) and not _name_then_money(text, start, end, prev))
        or _PLATE_BEFORE.search(text, max(0, start - 10), start)
        or _ABBREVIATED_LABEL.search(text, max(0, start - 5), start)
    ):
        return None
    if _LIST_AFTER.match(text, end) and _LIST_BEFORE.search(text, max(0, start - 3), start):
        return None
    draft = _Draft(start, end, value)
    if chain:
        denominator = _parse_decimal(chain[1:])
        if (
            denominator is None
            or denominator == 0
            or value > denominator
            or prev in _DATE_BEFORE
            or (1900 <= denominator <= 2100 and value <= 12)
            or (text[start - 1 : start] == "(" and text[end : end + 1] == ")")
        ):
            return None
        draft.of = denominator
    elif _is_plain_year(token, value) and (
        prev in _STRONG_YEAR_BEFORE
        or _YEAR_RANGE_AFTER.match(text, end)
        or _YEAR_RANGE_BEFORE.search(text, max(0, start - 8), start)
    ):
        return None
    if text[end : end + 1].isalpha():
        glued = _GLUED_UNIT.match(text, end) or _CURRENCY.match(text, end)
        if not glued or glued.start() != end:
            return None
    date_like = False
    if not chain:
        rng = _RANGE.match(text, end)
        ratio = None if rng else _RATIO_WORDS.match(text, end)
        if ratio:
            denominator = _parse_decimal(ratio.group(1))
            if denominator is not None and 0 < value <= denominator:
                draft.of = denominator
                draft.end = ratio.end()
        if rng:
            high = _parse_decimal(rng.group("num"))
            tight = rng.group("sep") in ("-", "–", "—")
            after = rng.end()
            if text[after : after + 1].isalpha() and not (
                _GLUED_UNIT.match(text, after) or _CURRENCY.match(text, after)
            ):
                high = None  # "12-04-02B", "2-3G": a code, not a range
            if high is not None and high > value:
                if _is_plain_year(token, value) and _is_plain_year(rng.group("num"), high):
                    return None
                if tight and value <= 12 and 1900 <= high <= 2100:
                    return None  # "3-2019": a month
                # "Sáng 1-11", "30-11 và 1-12": a day and month, unless a unit follows.
                date_like = tight and value >= 1 and high <= 12 and value == int(value)
                if date_like and prev in _DAY_BEFORE:
                    return None
                draft.high = high
                draft.end = rng.end()
            elif tight:
                return None  # "3-0", "12-04-02", "24-11": scores, codes, dates
    _multiply(text, draft)
    multiplied_end = draft.end
    _attach_unit(text, draft)
    if _BILLIONS_END.search(text, draft.start, multiplied_end) and not _known_unit_at(
        text, multiplied_end
    ):
        # "tài trợ 10 tỉ xây dựng trường": bare billions in news are đồng
        draft.unit, draft.end, draft.noun = "VND", multiplied_end, True
    if draft.unit == "giờ" and draft.high is None and _TIME_AFTER.match(text, end):
        return None  # "8 giờ 30": a time of day
    if draft.of is None and draft.high is None and _is_plain_year(token, value) and not draft.noun:
        return None
    if draft.unit is None and (
        date_like
        or prev in _WEAK_LABEL_BEFORE
        or (written.isupper() and not draft.noun)
        or _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    ):
        return None  # "1-12"; "SBD 442", "A 92"; "Vĩnh Tân 3", "Euro 2016": names and dates
    if draft.unit is None or draft.unit == "USD":
        dollar = _DOLLAR_PREFIX.search(text, max(0, start - 4), start)
        if dollar:
            draft.start = dollar.start()
            draft.unit = "USD"
    return draft


_BILLIONS_END = re.compile(r"(?<![\w])(?:tỷ|tỉ)$", re.IGNORECASE)


def _known_unit_at(text: str, pos: int) -> bool:
    return bool(_CURRENCY.match(text, pos) or _PERCENT.match(text, pos) or _UNIT.match(text, pos))


def _half_drafts(text: str) -> list[_Draft]:
    drafts = []
    for m in _HALF.finditer(text):
        draft = _Draft(m.start(), m.end(), Decimal("0.5") * _MULTIPLIERS[m.group(1).lower()])
        draft.noun = True
        _attach_unit(text, draft)
        drafts.append(draft)
    return drafts


def qualified(text: str, quantity: Quantity) -> Quantity:
    """``quantity`` (from ``find_quantities(text, qualify=False)``) with its qualifier, exactly
    as ``find_quantities(text)`` gives it."""
    if quantity.qualifier:
        return quantity
    breaks = _sentence_breaks(text, 0, len(text))
    qualifier, start = _qualifier(text, quantity.start, _start_from(text, breaks, quantity.start))
    return replace(quantity, qualifier=qualifier, qualifier_start=start)


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if 9 <= digits <= 12:
            spans.append((m.start(), m.end()))
    return spans


def _to_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def find_quantities(text: str, *, qualify: bool = True) -> list[Quantity]:
    """Every quantity in ``text``, in order, with offsets into ``text``.

    Qualifier: the nearest hedge word before the number in its clause ("gần", "hơn", "dưới",
    "ước đạt", "dự kiến có" ...; see ``QUALIFIERS``), else a planning/estimating word earlier in
    the sentence (``clause_qualifier``), else "exact". With ``qualify=False`` the qualifier is
    left empty (and ``qualifier_start`` None) for ``qualified`` to fill in for the few
    quantities a caller keeps: finding it is a good part of the work.
    """
    has_half = "nửa" in text or "Nửa" in text
    if not _ANY_DIGIT.search(text) and not has_half:
        return []
    phones = _phone_spans(text) if "0" in text or "+" in text else []
    drafts: list[_Draft] = []
    consumed = 0
    for m in _NUMBER.finditer(text):
        if m.start() < consumed:
            continue
        draft = _draft_at(text, m, phones)
        if draft is not None:
            drafts.append(draft)
            consumed = draft.end
    if has_half:
        taken = [(d.start, d.end) for d in drafts]
        drafts.extend(
            h for h in _half_drafts(text) if not any(a < h.end and h.start < b for a, b in taken)
        )
        drafts.sort(key=lambda d: d.start)
    breaks = _sentence_breaks(text, 0, len(text)) if drafts and qualify else []
    found = []
    for d in drafts:
        qualifier, qualifier_start = "", None
        if qualify:
            qualifier, qualifier_start = _qualifier(
                text, d.start, _start_from(text, breaks, d.start)
            )
        found.append(
            Quantity(
                start=d.start,
                end=d.end,
                value=float(d.value),
                unit=d.unit,
                qualifier=qualifier,
                of=_to_float(d.of),
                qualifier_start=qualifier_start,
                raw=text[d.start : d.end],
                high=_to_float(d.high),
            )
        )
    return found
