"""Province indicators (SPEC table) from the figures of a sentence.

Hand-written: Vietnamese reports name an indicator either before its figure ("tăng trưởng kinh
tế … đạt gần 6%", "tổng thu ngân sách … ước đạt 57.700 tỷ đồng") or after it ("13 đơn vị hành
chính", "gần 99.000 đảng viên", "169/182 xã đạt chuẩn NTM"). A figure goes to the province the
clause names, else to the province the text is about at that point; a figure about a district,
commune, company or industrial park keeps that as ``scope`` and is never the province's.
indicators.v24: projects begun, funded, signed, recognised or running are not projects drawn in
("9 dự án khởi công", "bố trí … cho 36 dự án chống ngập", "ký 19 dự án"), and a clause opening
with one project or its capital gives no province's capital ("Với số vốn đầu tư 30 tỷ đồng, …",
"tổng vốn đầu tư của hai dự án trên"). indicators.v25: a country's tourists or market ("lượng
khách du lịch Hàn Quốc … đạt 2 triệu lượt", "khách du lịch Trung Quốc chiếm hơn 1,4 triệu lượt")
are a share of some total, not a province's count. indicators.v26: "tăng/giảm 1 đơn vị" is a
change in some measure, and administrative units are counted whole. indicators.v27: households
short of water in a drought or salt intrusion are affected ("khoảng 10.000 hộ dân … bị thiếu
nước sinh hoạt do nắng hạn").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from cachlamhay.extract.context import DocContext
from cachlamhay.extract.dates import ArticleYear, find_period
from cachlamhay.extract.gazetteer import canonical_province, district_names, is_city
from cachlamhay.extract.model import Candidate, Features
from cachlamhay.extract.numbers import Quantity, find_quantities, qualified
from cachlamhay.vntext import UPPER, fold

VERSION = "indicators.v27"

# (indicator, words before the figure in its clause, accepted units)
_BEFORE: list[tuple[str, str, tuple[str | None, ...]]] = [
    ("income_per_capita", r"thu nhap binh quan(?: dau nguoi)?", ("VND", "USD")),
    ("grdp_per_capita", r"(?:grdp|gdp) binh quan dau nguoi|binh quan dau nguoi", ("VND", "USD")),
    (
        "grdp_growth",
        r"tang truong kinh te|toc do tang truong(?: kinh te| grdp| gdp| binh quan)"
        r"|tang truong grdp|tang truong gdp|grdp tang|kinh te tang truong"
        # "chỉ tiêu tăng trưởng cả năm của Hà Nội từ 8,5 - 9%", "mục tiêu tăng trưởng từ 8,4%":
        # the target right before its figure (not "mục tiêu tăng trưởng mạnh về dịch vụ …",
        # "chỉ tiêu tăng trưởng điện"), and not the country's (see _NATIONAL_TARGET)
        r"|(?:chi tieu|muc tieu) tang truong(?: kinh te)?(?: ca nam| nam \d{4}| \d{4})?"
        r"(?: cua (?:ha noi|tp|thanh pho|tinh)[^,;]{0,20}?)?(?: tu| la| dat)?$"
        r"|tang truong tong san pham(?: noi dia| quoc noi)?(?: tren dia ban)?(?: thanh pho| tinh)?"
        r"(?: \((?:grdp|gdp)\))?"
        # "Trong đó tăng trưởng đạt 8,3%": growth alone opening the clause is the economy's;
        # "tốc độ tăng trưởng" of something named ("ôtô con", "dư nợ", "về kim ngạch") is not
        r"|(?:(?:^|[.?!] )[\"“ ]*|trong do |theo do |nam \d{4},? )(?:toc do )?"
        r"tang truong(?= dat| o muc| la| uoc|$)"
        # "kinh tế tỉnh vẫn tiếp tục tăng trưởng … với mức 5,6%", "GRDP TP. HCM quý I tăng 7,64%"
        # (not "mức tăng trưởng" alone: a company's or a bank's as often as the province's)
        # "Tổng sản phẩm nội địa (GRDP) tăng 7,76%"
        # "tổng sản phẩm quốc nội trên địa bàn vẫn đạt mức tăng trưởng 7,26%"
        # "tổng sản phẩm trên địa bàn ước tăng 7,37%", "Tổng sản phẩm nội địa (GDP) tăng bình quân"
        r"|tong san pham(?: noi dia| quoc noi)?(?: tren dia ban)?(?: \((?:grdp|gdp)\))?"
        r"(?: van| da| uoc)?(?: dat)?(?: muc)? tang|\(grdp\) tang"
        r"|kinh te (?!(?:trong nuoc|dat nuoc|ca nuoc|nuoc|the gioi|toan cau|viet nam)(?![a-z]))"
        r"(?:[^ ,;.]+ ){1,6}tang truong|grdp (?:[^ ,;]+ ){1,6}tang",
        ("%",),
    ),
    (
        "grdp_total",
        r"quy mo grdp|quy mo nen kinh te|tong san pham|grdp dat|grdp uoc",
        ("VND", "USD"),
    ),
    (
        "budget_revenue",
        # not "bội thu ngân sách" (a surplus) nor revenue lost ("thất thoát nguồn thu ngân sách")
        r"(?<!boi )(?<!that thoat nguon )thu ngan sach|thu noi dia",
        ("VND",),
    ),
    # "gần 52.000 hộ nghèo (tỷ lệ 5,54%)", "… hộ nghèo, chiếm 3,2%"
    (
        "poverty_rate",
        r"ty le ho ngheo|ho ngheo (?:giam )?con|ho ngheo,? \(?(?:ty le|chiem(?: ty le)?)$",
        ("%",),
    ),
    ("fdi_capital", r"von fdi|von dau tu truc tiep nuoc ngoai", ("USD", "VND")),
    (
        "investment_capital",
        r"tong von dang ky|tong von dau tu|tong so von|von dang ky|tong von"
        r"|von dau tu",
        ("VND", "USD"),
    ),
    ("export_value", r"kim ngach xuat khau|xuat khau dat", ("USD", "VND")),
    # not "bồi thường thiệt hại": compensation a court or a company pays
    ("disaster_damage", r"(?<!boi thuong )thiet hai", ("VND",)),
    (
        "tourism",
        # "doanh thu xã hội từ du lịch", "tổng doanh thu kinh doanh du lịch xã hội", "doanh thu
        # từ ngành du lịch", "tổng thu từ khách du lịch" (not a company's: "doanh thu của công ty")
        r"(?:doanh thu|tong thu)(?: (?:xa hoi|tu|nganh|hoat dong|kinh doanh|khach|toan)){0,3}"
        r" du lich",
        ("VND",),
    ),
    ("population", r"dan so", ("người", None)),
    # "tổng lượt khách du lịch đến Đà Nẵng ước đạt hơn 5 triệu": the count, its noun before it
    (
        "tourism",
        r"(?:tong (?:so )?|so )?luot khach(?: du lich)?(?: (?:den|toi) [^ ,]+(?: [^ ,]+)?)?"
        r"(?: (?:uoc|dat|la|khoang|hon|gan|tren|co|nam \d{4})){0,4}$",
        (None,),
    ),
    ("area", r"dien tich tu nhien", ("ha", "km2")),
    ("area", r"dien tich", ("km2",)),  # a farm's or a project's is in hectares or m²
]
# (indicator, unit nouns right after the figure, words required after it in the sentence,
#  words required right before it, words forbidden before it in the clause, SPEC unit)
_AFTER: list[tuple[str, str, str | None, str | None, str | None, str]] = [
    ("ntm_model_communes", r"xa", r"kieu mau", None, None, "commune"),
    ("ntm_advanced_communes", r"xa", r"nang cao", None, None, "commune"),
    ("ntm_communes", r"xa", r"nong thon moi|ntm", None, None, "commune"),
    ("ntm_districts", r"huyen|don vi cap huyen", r"nong thon moi|ntm", None, None, "district"),
    # not "đơn vị sự nghiệp": public service units
    (  # not "tăng/giảm 1 đơn vị": a change in some measure
        "admin_units_reduced",
        r"dvhc|don vi hanh chinh|don vi(?! su nghiep)",
        None,
        r"(?<!tang/)giam",
        None,
        "unit",
    ),
    (
        "admin_units",
        r"don vi hanh chinh|dvhc",
        None,
        None,
        r"sap nhap|sap xep|giam|thanh lap",
        "unit",
    ),
    ("staff_reduced", r"can bo|cong chuc|bien che", None, r"giam|tinh gian", None, "person"),
    # "thu hút được 2,15 tỷ USD vốn đầu tư nước ngoài (FDI)": the money, its kind after it
    (
        "fdi_capital",
        r"usd (?:von (?:dau tu )?(?:truc tiep )?nuoc ngoai|von fdi)",
        None,
        None,
        None,
        "USD",
    ),
    ("party_members", r"dang vien", None, None, r"ket nap|moi", "person"),
    ("party_organizations", r"to chuc co so dang|chi bo|dang bo", None, None, None, "organization"),
    (
        "fdi_projects",
        r"du an fdi|du an co von dau tu nuoc ngoai|du an von fdi"
        r"|du an dau tu nuoc ngoai|du an dau tu truc tiep nuoc ngoai|du an co von nuoc ngoai",
        None,
        None,
        None,
        "project",
    ),
    (
        "investment_projects",
        r"du an",
        r"(?<!chu )dau tu|von|thu hut|cap phep|cap moi|cap va|dieu chinh|hieu luc|luy ke"
        r"|tong so du an",
        None,
        r"cho vay",  # projects a bank lends to
        "project",
    ),
    (
        "households_affected",
        r"ho dan|ho",
        r"\b(?:ngap|bi anh huong|thiet hai|mat nha|sap do|do sap|bi sap|toc mai|di doi"
        r"|thieu nuoc)\b",  # "10.000 hộ dân … bị thiếu nước sinh hoạt do nắng hạn"
        None,
        None,
        "household",
    ),
    ("households_affected", r"ngoi nha|can nha|nha|can", None, None, r"sap$", "household"),
    ("population", r"dan|nguoi dan|nhan khau", None, None, r"nguoi", "person"),
    (
        "houses_built",
        r"nha o|nha(?! van hoa)|can nha",
        r"nguoi co cong|ho ngheo|kien co|kho khan",
        None,
        None,
        "house",
    ),
    (
        "tourism",
        r"luot khach|luot|khach du lich|khach quoc te",
        r"khach|du lich",
        None,
        None,
        "visit",
    ),
]
# Households count as affected only where a disaster is written nearby (not "321 hộ dân trong
# khu vực bị ảnh hưởng" by a project, not "13.000 hộ di dời" for urban renewal).
# On the cleaned text (tones kept, one tone style): folded, "bao" is also "báo", "bao gồm", and
# "loc" "Phước Lộc"
_DISASTER = re.compile(
    r"(?<!\w)(?:bão|lũ|lụt|ngập|sạt lở|thiên tai|mưa lớn|lũ quét|lốc|triều cường|hạn hán"
    r"|xâm nhập mặn|động đất|cháy rừng|hỏa hoạn|mưa đá|giông|nắng hạn|khô hạn)(?!\w)",
    re.IGNORECASE,
)
_LOOK_AHEAD = {"households_affected", "ntm_communes", "ntm_districts"}
# A sentence that hands money over ("trao số tiền 10 tỷ đồng …", "ủng hộ 500 triệu đồng"): its
# amounts are transfers, whatever indicator words stand near them.
_HANDOVER = re.compile(
    r"(?<![a-z])(?:trao|ung ho|quyen gop|trich|trao tang|gui tang)"
    r"(?: tang| so tien| kinh phi| tien| ho tro)?\s+(?:tong cong |hon |gan |khoang )?\d"
)
# "với số tiền ủng hộ là 12 tỷ đồng": the sum given, not a damage or a budget
_DONATED_SUM = re.compile(
    r"(?<![a-z])(?:so tien|tong so tien) (?:ung ho|quyen gop|tang)(?: la)?\s*$"
)
_NOT_ECONOMY = re.compile(  # goods ("hàng"), not "bình quân hàng năm" (a yearly average)
    r"(?<![a-z])(?:hang(?! nam)|doanh thu|xuat khau|san luong|tin dung|khach|von|thu ngan sach)"
    r"(?![a-z])"
)
# a growth target is the country's where its clause, before the figure, names the country's GDP,
# Government or Assembly ("để GDP năm 2017 đạt được mục tiêu tăng trưởng 6,7%")
_TARGET_WORDS = re.compile(r"(?:chi tieu|muc tieu) tang truong")
_NATIONAL_TARGET = re.compile(r"(?<![a-z])(?:gdp|chinh phu|quoc hoi|ca nuoc|nen kinh te)(?![a-z])")
_GRDP_AFTER = re.compile(r"^\s*(?:%\s*)?(?:grdp|gdp)")
_GROWTH_WORD = re.compile(r"(?<![a-z])tang(?![a-z])")
_BREAKDOWN = re.compile(r"(?<![a-z])trong do(?![a-z])")
_LEADING_NUMBER = re.compile(r"^[\d.,/\s–-]+(?:(?:ty|ti|trieu|nghin|ngan|van|tram)\s+)*")
_SCOPE = re.compile(
    r"(?:^|[\s,;(])((?:[Kk]hu công nghiệp|KCN|[Cc]ụm công nghiệp|[Hh]uyện|[Tt]hị xã|[Xx]ã|[Pp]hường"
    r"|[Qq]uận|[Cc]ông ty|[Tt]ập đoàn|[Nn]hà máy|[Dd]ự án(?! FDI| ODA)|[Bb]ệnh viện|[Tt]hành phố"
    # not "thị trường Mỹ", "nhu cầu NƠXH", "trực tuyến"
    r"|(?<![Tt]hị )(?<![Mm]ôi )(?<![Hh]iện )(?<![Cc]hiến )(?<![Qq]uảng )[Tt]rường"
    r"|[Cc]ảng|(?<![Nn]hu )(?<![Yy]êu )[Cc]ầu|(?<![Tt]rực )[Tt]uyến"
    r"|[Cc]ông trình|[Kk]hu đô thị|[Kk]hu du lịch|[Kk]hu kinh tế)"
    rf"(?:\s+(?:[{UPPER}0-9][\w&.-]*|TNHH|CP))+)"
)
# Parks named by kind alone ("Khu CNTT tập trung TP. Đà Nẵng")
_SCOPE_PARK = re.compile(
    r"(?:^|[\s,;(])([Kk]hu (?:CNTT|công nghệ cao|công nghệ thông tin)(?: tập trung)?)(?![\w])"
)
# "7 dự án đầu tư vào khu công nghiệp Becamex": the park's count, named after the figure
_PARK_AFTER = re.compile(
    r"[^,;]{0,25}?(?<![a-z])(?:vao|tai|o|trong) (?:cac )?(?:khu cong nghiep|kcn|cum cong nghiep"
    r"|khu kinh te|khu che xuat|khu cntt|khu cong nghe)"
)
_PROJECT_FDI = re.compile(r"fdi|von dau tu (?:truc tiep )?nuoc ngoai|von nuoc ngoai")
_FOREIGN = re.compile(r"fdi|nuoc ngoai")
# "nâng tổng dự án nước ngoài lên 301 dự án": the foreign count named before the figure
_FDI_TOTAL_BEFORE = re.compile(  # … "dự án FDI còn hiệu lực trên địa bàn tỉnh là 58 dự án"
    r"du an (?:dau tu )?(?:nuoc ngoai|fdi)(?: [a-z]+){0,8} (?:len|la|dat)(?: hon| gan)?$"
)
# "cấp giấy chứng nhận đăng ký đầu tư điều chỉnh cho 6 dự án": projects amended, not a count of
# the province's projects ("cấp và điều chỉnh cho 203 dự án" counts both, so it stays)
_AMENDED_BEFORE = re.compile(r"(?<!cap va )(?<!cap moi va )dieu chinh(?: von)?(?: cho)?$")
# "TPHCM sẽ triển khai 6 dự án", "bố trí đủ vốn cho 2 dự án": works carried out or funded, not
# investment drawn in
# ("ký 19 dự án với tổng vốn 12 tỉ USD": deals signed; "bố trí 9.963 tỷ đồng … cho 36 dự án")
_WORKS_BEFORE = re.compile(
    r"(?<![a-z])(?:trien khai|thi cong|von cho|(?<!dang )ky(?: ket)?"
    r"|(?:bo tri|phan bo|giai ngan)(?: [^,;]+){0,10} cho)(?: (?:gan|hon|khoang))?$"
)
_NOT_INVESTMENT_PROJECT = re.compile(
    r"du an (?:noxh|nha o|nha xa hoi|giao thong|bot|thuy dien|thuy loi|dau tu cong|chuyen tiep"
    r"|thuoc de an|cham tien do|treo|thi cong"
    # works begun, flood works, a bridge, developers recognised, projects running (not drawn in)
    r"|khoi cong|chong ngap|cau [a-z]|cong nhan chu dau tu|di vao hoat dong"
    r"|(?:dang hoat dong )?dieu chinh)"  # "91 dự án điều chỉnh tăng vốn": amended, as before
)


@dataclass(slots=True)
class Indicator:
    province: str
    indicator: str
    value: float
    unit: str
    period: str | None
    qualifier: str
    of: float | None
    scope: str | None
    start: int  # evidence: the clause
    end: int
    alt: list[str] | None = None


def extract_indicators(ctx: DocContext, year: ArticleYear) -> list[Indicator]:
    if ctx.home is None:
        # No province named anywhere: every figure's owner (named after it, in focus, else the
        # home province) would be None. Half of the news names none; this spares their numbers.
        return []
    found: list[Indicator] = []
    for index, sentence in enumerate(ctx.sentences):
        if sentence.caption:
            continue
        quantities = find_quantities(sentence.text, qualify=False)
        if not quantities:
            continue
        folded = ctx.folded_sentence(index)
        last_figure: tuple[str, str, Quantity] | None = None
        money_end = 0
        for quantity in quantities:
            clause_start = _clause_start(sentence.text, quantity.start)
            clause_end = _clause_end(sentence.text, quantity.end)
            matched = _classify(folded, quantity, clause_start, clause_end, money_end)
            if quantity.unit in ("VND", "USD"):
                money_end = quantity.end
            if matched is None and last_figure is not None:
                with_qualifier = qualified(sentence.text, quantity)  # where "gần 3.000" starts
                matched = _elliptic(ctx, index, sentence.start, with_qualifier, last_figure)
            if matched is None:
                continue
            indicator, unit = matched
            last_figure = (indicator, unit, quantity)
            if indicator in ("households_affected", "disaster_damage") and not _near_disaster(
                ctx, index
            ):
                continue  # "tàu tôi thiệt hại hơn 1 tỉ đồng": a loss, not a disaster's toll
            province = _owner_after(ctx, index, sentence.start + quantity.end) or (
                ctx.paragraph_focus(index, sentence.start + quantity.start)
            )
            if province is None:
                continue
            named = any(m.name == province for m in ctx.provinces_in(index))
            if not named and not _established(ctx, index, province):
                continue
            if _foreign_owner(ctx, index, clause_start, quantity.start, indicator == "tourism"):
                continue  # "khách quốc tế đến Singapore đạt 17 triệu lượt"
            scope = _scope(sentence.text, clause_start, quantity.start)
            if scope or _PARK_AFTER.match(folded, quantity.end, clause_end):
                continue  # a district's, company's or park's figure: never the province's
            if _someone_elses(
                folded, (clause_start, clause_end), quantity, indicator, named, ctx.title
            ):
                continue
            quantity = qualified(sentence.text, quantity)
            period = find_period(sentence.text[: quantity.start], ctx.published, year.value)
            if period is None and index > 0:
                previous = ctx.sentences[index - 1]
                if previous.paragraph == sentence.paragraph or previous.caption is False:
                    period = find_period(previous.text.rstrip(".!?… "), ctx.published, year.value)
            found.append(
                Indicator(
                    province,
                    indicator,
                    quantity.value,
                    unit,
                    period,
                    quantity.qualifier,
                    quantity.of,
                    scope,
                    sentence.start + clause_start,
                    sentence.start + clause_end,
                )
            )
    return _dedupe(found)


# "khách quốc tế đến Singapore …", "Hàn Quốc đứng thứ hai …, còn Trung Quốc đứng thứ ba …"
_TOURIST_MARKET = re.compile(r"(?<!\w)(?:khách(?: du lịch)?|du khách|thị trường) $")
_FOREIGN_OWNER_CUE = re.compile(r"(?:(?<!\w)(?:đến|tới|tại|của|ở) |[,;]\s*(?:còn |và )?)$")


def _foreign_owner(
    ctx: DocContext, index: int, clause_start: int, at: int, tourists: bool = False
) -> bool:
    """Whether the figure's clause gives it to a foreign country named after "đến/tại/của/ở"
    before it, or opening the sentence or a part of it as its subject ("Hàn Quốc đứng thứ hai
    với …", ", còn Trung Quốc đứng thứ ba với …"), with no province of ours named after it.
    ``tourists``: also a country's tourists or market ("lượng khách du lịch Hàn Quốc … đạt 2
    triệu lượt"), a share of some total, never a province's count."""
    sentence = ctx.sentences[index]
    named = [
        (m.start - sentence.start, m)
        for m in ctx.sentence_mentions(index)
        if clause_start <= m.start - sentence.start < at
    ]
    if not named or named[-1][1].kind != "foreign":
        return False
    offset = named[-1][0]
    if tourists and _TOURIST_MARKET.search(sentence.text, max(0, offset - 20), offset):
        return True
    return offset == 0 or bool(_FOREIGN_OWNER_CUE.search(sentence.text, max(0, offset - 8), offset))


# What a figure's sentence says about whose figure it is (the model weighs these: the rules above
# give every figure of a sentence to the province in focus).
_NATIONAL = re.compile(r"cả nước|toàn quốc|[Vv]iệt Nam|nước ta|[Cc]hính phủ|[Bb]ộ [A-ZĐ]")
_LOCAL_UNIT = re.compile(rf"(?:huyện|quận|thị xã|xã|phường|thị trấn|TX\.?|H\.) ?[{UPPER}0-9]")
_BUSINESS = re.compile(
    r"[Cc]ông ty|[Dd]oanh nghiệp|[Tt]ập đoàn|[Nn]gân hàng|dự án|[Kk]hu (?:công nghiệp|kinh tế)|KCN"
    r"|[Nn]hà máy|[Tt]rường|[Bb]ệnh viện|[Cc]ục|[Cc]hi cục"
)


def indicator_candidates(
    ctx: DocContext, year: ArticleYear, *, rules_only: bool = False
) -> list[Candidate]:
    """The rules' figures as candidates with what their sentence says about them: the model
    keeps those that are really the province's (``extract.model``). ``rules_only`` (no model
    to decide): without the features."""
    starts = [s.start for s in ctx.sentences]
    candidates = []
    for item in extract_indicators(ctx, year):
        index = max(0, bisect.bisect_right(starts, item.start) - 1)
        probe: dict[str, object] = {
            "province": item.province,
            "indicator": item.indicator,
            "value": item.value,
            "unit": item.unit,
        }
        features = {} if rules_only else _indicator_features(ctx, index, item)
        candidates.append(Candidate(probe, features, payload=item, rule=True))
    return candidates


def _indicator_features(ctx: DocContext, index: int, item: Indicator) -> dict[str, float]:
    sentence = ctx.sentences[index]
    text = sentence.text
    before = text[: max(0, item.start - sentence.start)]
    clause = ctx.text[item.start : item.end]
    provinces = {m.name for m in ctx.sentence_mentions(index) if m.kind == "province"}
    f = Features()
    f.add("indicator", item.indicator)
    f.add("unit", item.unit)
    f.add("qualifier", item.qualifier)
    f.add("named_in_sentence", item.province in provinces)
    f.add("home", item.province == ctx.home)
    f.add("provinces_in_sentence", min(len(provinces), 3))
    f.add("national", bool(_NATIONAL.search(text)))
    f.add("national_in_clause", bool(_NATIONAL.search(clause)))
    f.add("local_unit_before", bool(_LOCAL_UNIT.search(before)))
    f.add("local_unit_in_clause", bool(_LOCAL_UNIT.search(clause)))
    f.add("business", bool(_BUSINESS.search(text)))
    f.add("business_in_clause", bool(_BUSINESS.search(clause)))
    f.add("title", index == 0)
    f.add("lead", index < 4)
    f.add("period", item.period is not None)
    f.add("of", item.of is not None)
    f.add("ind_named", f"{item.indicator}:{item.province in provinces}")
    return f.values


# Whose figure it is when the clause names no place (folded text): a project's ("vốn đầu tư của
# dự án", "giai đoạn 1 … tổng vốn"), the country's ("của Việt Nam", "cả nước"), a rate per day,
# passengers of public transport counted like tourists.
_PROJECT_FIGURE = re.compile(
    r"(?<![a-z])(?<!\d )(?<!cac )(?<!nhung )(?<!nhieu )"  # "8 dự án có tổng vốn …": a count's
    r"(?:cua du an|du an (?:co|nay|duoc|se|dat|dau tu)|giai doan (?:\d|mot|hai|ba)"
    # "Đây là dự án … với tổng vốn", "vốn đầu tư dự án lên đến", a company's "vốn đầu tư ban đầu"
    r"|day la du an|von dau tu du an|von dau tu ban dau|ham duong bo|duong ham"
    # "tổng vốn đầu tư của hai dự án trên", a clause opening with one project or its capital
    # ("Dự án xử lý nước thải … có vốn đầu tư", "Với tổng số vốn 869 tỷ đồng")
    r"|cua (?:hai|ba|bon|nam|\d+) du an|^du an (?!fdi|nuoc ngoai|dau tu nuoc ngoai)"
    r"|^voi (?:tong )?(?:so )?von"
    r"|cong trinh|nha may|tuyen duong|cua cong ty|cong ty (?:co|nay|da)"
    # one named work or plan: "cảng hàng không Quảng Ninh có tổng vốn đầu tư", "khu phức hợp …
    # với vốn đầu tư", "Đề án … tổng vốn đầu tư", "tổng vốn đầu tư 3 gói thầu"
    r"|cang hang khong|san bay|khu phuc hop|khu nghi duong|khu do thi|toa nha|to hop|nha ga"
    r"|de an|goi thau|cao toc|quoc lo|khoi cong|nhiet dien|thuy dien|tram bien ap"
    # "chủ đầu tư … đề xuất khởi động dự án với công suất 5 triệu tấn, tổng vốn 2,2 tỷ USD"
    r"|chu dau tu|(?<!chuc )(?<!tram )du an voi"
    r"|trien khai (?:\d[\d.,]* )?du an)(?![a-z])"  # works carried out, not investment drawn in
)
# "tăng gần 50.000 tỷ đồng so với năm 2016": how much a figure grew, not the figure
# ("đăng ký mới và điều chỉnh tăng thêm 12.000 tỷ đồng" is capital registered, kept)
_INCREASE = re.compile(
    r"(?<![a-z])(?<!dieu chinh )(?:tang|giam|tang them)(?: (?:gan|hon|khoang|tren))?\s*$"
)
_NATIONAL_FIGURE = re.compile(
    r"(?<![a-z])(?:ca nuoc|toan quoc|nuoc ta|(?:cua|vao|tai|voi|den|toi) (?:viet nam|vn)"
    r"|viet nam (?:co|dat|da|du kien|se|don|thu hut|la)"
    r"|nganh [a-z ]{2,20} viet nam|tong cuc thong ke|chinh phu|bo (?:giao thong|tai chinh"
    r"|ke hoach|cong thuong|xay dung|nong nghiep))(?![a-z])"
)
# The country's economy named in the figure's own clause, whatever province the sentence names;
# a figure over many provinces ("rót vốn vào 37 tỉnh thành phố với tổng vốn …")
_BEYOND_THE_PROVINCE = re.compile(
    r"(?<![a-z])(?:(?:kinh te|tang truong(?: kinh te)?|gdp|xuat khau|kim ngach xuat khau)"
    r" (?:cua )?(?:viet nam|vn|nuoc ta|ca nuoc)|(?:vao|tai|o|cua) \d+ tinh)(?![a-z])"
)
# "ngành da giày đặt mục tiêu …": an industry's figure, unless the sentence names the province
_INDUSTRY_FIGURE = re.compile(r"(?<![a-z])nganh [a-z]+(?: [a-z]+)?(?![a-z])")
# "tổng thu ngân sách của huyện", "toàn huyện đạt": the district's figure
_LOCAL_FIGURE = re.compile(  # … "thu nhập bình quân của người dân thôn Trung Thanh": a village's
    r"(?<![a-z])(?:cua|toan|tren dia ban|trong)(?: nguoi dan)?(?: \d+)?"
    r" (?:huyen|quan|thi xa|xa|phuong|thon|ap)(?![a-z])"
)
# "thu nhập bình quân của CNLĐ": a trade's or a workforce's income, not the province's per head
_INCOME_OF_A_GROUP = re.compile(
    r"(?<![a-z])(?:cua|cho) (?:cnld|cong nhan|nguoi lao dong|lao dong|giao vien|can bo|doan vien"
    r"|nong dan|ngu dan|hoi vien)(?![a-z])"
)
# Visitors of one site, not of the province: "Khu Du lịch Buôn Đôn", "làng chài", "phố đi bộ"
_SITES = r"khu du lich|kdl|diem du lich|khu di tich|vuon quoc gia|bao tang"  # named after too
_TOURIST_SITE = re.compile(
    rf"(?<![a-z])(?:{_SITES}|lang chai|pho di bo|khu vui choi|thang canh|danh thang|duong sach"
    r"|duong hoa)(?![a-z])"
    # "các điểm du lịch trên địa bàn tỉnh": every site of the province, the province's figure
    r"(?! tren dia ban (?:tinh|thanh pho|tp)(?![a-z]))"
)
_RATE = re.compile(
    r"[^,;.]{0,20}?(?<![a-z])(?:moi ngay|mot ngay|hang ngay|moi tuan|hang tuan|moi thang"
    r"|cuoi tuan|ngay thu bay|chu nhat)(?![a-z])"
    r"|\s*(?:luot\s*(?:khach)?\s*)?/\s*(?:ngay|tuan|thang)"
)
# Investment a province attracts is told as such: licensed, registered, drawn in, on its soil
_ATTRACTED = re.compile(
    r"(?<![a-z])(?:thu hut|cap moi|cap phep|giay chung nhan|dang ky|tren dia ban|toan tinh"
    r"|toan thanh pho|xuc tien|luy ke|tinh|thanh pho)(?![a-z])"
)
_EVENT_VISITORS = re.compile(
    r"(?<![a-z])(?:le hoi|hoi xuan|ban to chuc|su kien|chuong trinh|giai dau|festival)(?![a-z])"
)
# "30.000 lượt khách đến du Xuân ở Khu Du lịch Buôn Đôn": the site named after the count
_SITE_AFTER = re.compile(
    rf"[^,;]{{0,40}}?(?<![a-z])(?:o|tai|den|toi|ve) (?:cac )?(?:{_SITES})(?![a-z])(?! tren dia ban)"
)
_SHARE = re.compile(r"(?<![a-z])(?:dong gop|chiem)(?![a-z])")
_PER_TIME = ("/ngày", "/tuần", "/tháng")  # units of a rate: "12.000 lượt khách/ngày"
_PER_DAY = re.compile(r"\s*(?:/\s*ngay|moi ngay|mot ngay|/\s*thang|moi thang)(?![a-z])")
# money per kilometre, hectare, tonne, car …: a price or a unit cost ("suất vốn đầu tư 110 triệu
# USD/km", "giá 40.000 đồng/kg"), never a province's total
_PER_UNIT = re.compile(r"\s*/\s*(?:km|ha|m2|m²|m3|tan|kg|lit|can|xe|con|cay|kwh|mw)(?![a-z0-9])")
# "khu vực có vốn đầu tư nước ngoài đạt 53 nghìn tỷ": one sector's share of the province's figure
_SECTOR = re.compile(
    r"(?<![a-z])khu vuc (?:co von dau tu nuoc ngoai|ngoai nha nuoc|nha nuoc|kinh te)(?![a-z])"
)
# a share told before the money: "chiếm 20,7% với vốn đăng ký …", "nhiều nhất (33,1%) với …",
# "tương ứng 6.599 doanh nghiệp với vốn đăng ký …"
_SECTOR_SHARE = re.compile(r"(?<![a-z])(?:chiem|tuong ung)(?![a-z])|%\s*\)")
# a region of several provinces: "vùng Tây Nam bộ", "đồng bằng sông Cửu Long", "Đông Bắc Á"
_REGION = re.compile(
    r"(?<![a-z])(?:vung (?:tay nam bo|dong nam bo|tay bac|dong bac|bac trung bo|nam trung bo"
    r"|trung du)|dbscl|dong bang song (?:cuu long|hong)|tay nguyen"
    r"|khu vuc (?:dong nam a|dong bac a|asean|chau a))(?![a-z])"
)
# revenue the customs collect, or the central budget's, is not the province's budget revenue
_NOT_PROVINCE_BUDGET = re.compile(r"(?<![a-z])(?:hai quan|ngan sach trung uong)(?![a-z])")
# "6,5 triệu dân thuộc khu vực bờ hữu", "500 triệu dân ở các quốc gia ASEAN"
_POPULATION_ELSEWHERE = re.compile(
    r"(?:[^,;.]{0,12}?(?<![a-z])dan)?\s*(?:thuoc|o|tai|cua|trong|nhu) (?!tinh|thanh pho|tp)"
)
_PART_OF_PEOPLE = re.compile(r"(?<![a-z])trong do(?: co)?(?: (?:gan|hon|khoang|tren))?\s*$")
# Vietnamese provinces had from about 300,000 to 14 million people
_PROVINCE_POPULATION = (300_000, 14_000_000)
_PLANNED_POPULATION = re.compile(
    r"quy mo dan so|quy hoach|toan vung|ca vung|dan so khu vuc|noi do|noi thanh"
)
# "diện tích lưu vực 344 km2", "vùng diện tích 570 km2", "xây dựng trên diện tích …"
_NOT_PROVINCE_AREA = re.compile(
    r"(?<![a-z])(?:luu vuc|vung|xay dung tren|rung|ho|dao|vinh|lang|du an|cong trinh|giao"
    r"|toan vung)(?: [a-z]+){0,2} dien tich"
    r"|dien tich (?:luu vuc|rung|dat|mat nuoc|ho|xay dung)(?![a-z])"
)
_LOCAL_TITLE = re.compile(rf"(?:^|[\s:,])(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường) [{UPPER}]")
_PASSENGERS = re.compile(
    r"hanh khach|buyt|van tai cong cong|van chuyen|chuyen cho|luot xe|tau cao toc|tuyen tau"
)
# Counts below these are a street's, a site's or a cell's, never a province's (every such count
# in the gold is optional or scoped)
_SMALLEST = {"tourism": 1_000, "households_affected": 1_000, "party_members": 1_000}
# visitors an airport, a port, a company or a hotel counts: "Cảng đón trên 2,5 triệu lượt khách"
_VISITORS_OF_A_BUSINESS = re.compile(
    r"(?<![a-z])(?:cang|san bay|cong ty|tong cong ty|saigontourist|vietravel|suc chua"
    r"|khach san|resort|cong suat|phuc vu)(?![a-z])"
)


def _someone_elses(
    folded: str,
    clause: tuple[int, int],
    quantity: Quantity,
    indicator: str,
    named: bool,
    title: str | None,
) -> bool:
    """Whether a figure the clause (start, end) gives to no place belongs to a project, the
    country, a day or bus passengers rather than to the province in focus (``named``: its
    sentence names that province)."""
    clause_start, clause_end = clause
    before = folded[clause_start : quantity.start]
    if indicator in ("investment_capital", "fdi_capital") and _PROJECT_FIGURE.search(before):
        return True
    if indicator == "population" and (
        not _PROVINCE_POPULATION[0] <= quantity.value <= _PROVINCE_POPULATION[1]
        or _PLANNED_POPULATION.search(before)
    ):
        return True  # a ward's or a region's people, or a plan's "quy mô dân số"
    if indicator == "area" and "dien tich tu nhien" not in before:
        if quantity.unit != "km2" or not 800 <= quantity.value <= 17_000:
            return True  # no province is smaller than 800 km² or larger than 17,000 km²
        if _NOT_PROVINCE_AREA.search(before):
            return True
    if indicator == "investment_capital" and not named and not _ATTRACTED.search(folded):
        return True  # "tổng vốn đầu tư 9 tỉ USD" alone: one work's cost, a loan, a budget line
    if _PER_DAY.match(folded, quantity.end) or (quantity.unit or "").endswith(_PER_TIME):
        return True  # "12.000 lượt khách/ngày"
    if quantity.unit in ("VND", "USD") and (
        _INCREASE.search(folded, 0, quantity.start) or _PER_UNIT.match(folded, quantity.end)
    ):
        return True
    if indicator == "tourism" and (
        _PASSENGERS.search(folded) or _VISITORS_OF_A_BUSINESS.search(before)
    ):
        return True
    if indicator == "tourism" and quantity.unit in ("khách", None) and quantity.value < 100_000:
        return True  # "1.300 khách du lịch" on an island, a tour's guests: not visits counted
    if quantity.unit not in ("VND", "USD") and quantity.value < _SMALLEST.get(indicator, 0):
        return True  # "522 lượt" at a bus station, "8 hộ dân" relocated, "6 đảng viên" disciplined
    if _LOCAL_FIGURE.search(folded[: quantity.start]):
        return True
    if indicator == "tourism" and (
        _EVENT_VISITORS.search(before)
        or _TOURIST_SITE.search(folded[: quantity.start])
        or _SITE_AFTER.match(folded, quantity.end, clause_end)
        or _RATE.search(before)
        or _RATE.match(folded, quantity.end)
    ):
        return True  # a site's visitors, or visitors a day/week/month
    if indicator == "income_per_capita" and _INCOME_OF_A_GROUP.search(before):
        return True
    if indicator == "grdp_growth" and _SHARE.search(before):
        return True
    if indicator in ("investment_capital", "fdi_capital") and _SECTOR_SHARE.search(before):
        return True  # "… chiếm 20,7% với vốn đăng ký 40.095 tỷ đồng": one sector's part
    if _SECTOR.search(before) or _NOT_PROVINCE_BUDGET.search(before):
        return True
    if _REGION.search(before):
        return True  # "tốc độ tăng trưởng GDP của vùng Tây Nam bộ đạt 6,45%": a region's
    if indicator == "population" and (
        _POPULATION_ELSEWHERE.match(folded, quantity.end) or _PART_OF_PEOPLE.search(before)
    ):
        return True  # "… 13 triệu người, trong đó có gần 3 triệu người dân nhập cư": a part
    if _BEYOND_THE_PROVINCE.search(before):
        return True  # "Tăng trưởng kinh tế Việt Nam … (6,8%)" in a sentence naming TP. HCM
    if named:
        return False
    if title and _LOCAL_TITLE.search(title):
        return True  # "Huyện Đức Thọ phấn đấu …": the article's figures are the district's
    # what the sentence says after the figure's clause is about something else ("…, thu ngân
    # sách của tỉnh đứng thứ tư … trong cả nước")
    told = folded[:clause_end]
    return bool(_NATIONAL_FIGURE.search(told) or _INDUSTRY_FIGURE.search(before))


# "một đô thị 13 triệu dân như TPHCM", "dân số 9 triệu người của TP.HCM": the owner after
_OWNER_AFTER = re.compile(r"\s*(?:dân|người|dân số)?\s*(?:như|của)\s+(?:tỉnh |thành phố )?$")


def _owner_after(ctx: DocContext, index: int, end: int) -> str | None:
    """The province a figure is given to right after it ("… như TPHCM", "… của tỉnh X")."""
    for mention in ctx.provinces_in(index):
        if 0 <= mention.start - end <= 25 and _OWNER_AFTER.fullmatch(ctx.text, end, mention.start):
            return mention.name
    return None


def _established(ctx: DocContext, index: int, province: str) -> bool:
    """Whether a figure can be the province's when its sentence does not name it: the article is
    about that province (named in its title or lead, or three times or more), or its paragraph names
    it. A province named once in passing ("… như Bắc Ninh") does not own the national or
    regional figures that follow."""
    mentions = [m for m in ctx.mentions if m.kind == "province" and m.name == province]
    if len(mentions) >= 3:
        return True
    lead_end = ctx.sentences[min(2, len(ctx.sentences) - 1)].end
    if any(m.start < lead_end for m in mentions):
        return True
    paragraph = ctx.sentences[index].paragraph
    for k in range(index - 1, -1, -1):  # a paragraph's sentences are consecutive
        if ctx.sentences[k].paragraph != paragraph:
            return False
        if any(m.name == province for m in ctx.provinces_in(k)):
            return True
    return False


def _near_disaster(ctx: DocContext, index: int) -> bool:
    texts = [ctx.sentences[k].text for k in (index - 1, index) if k >= 0]
    return bool(_DISASTER.search(" ".join(texts)))


def _elliptic(
    ctx: DocContext,
    index: int,
    offset: int,
    quantity: Quantity,
    previous: tuple[str, str, Quantity] | None,
) -> tuple[str, str] | None:
    """ "Quảng Bình … 93.000 ngôi nhà bị ngập, tiếp đó là Hà Tĩnh với 25.000 căn và Nghệ An gần
    3.000": a figure right after another province in the same list counts the same thing."""
    if previous is None:
        return None
    indicator, unit, earlier = previous
    at = offset + (quantity.qualifier_start or quantity.start)
    if (
        indicator == "grdp_total"
        and quantity.unit == "%"
        and _GROWTH_OF_TOTAL.fullmatch(fold(ctx.text[offset + earlier.end : at]))
    ):
        return "grdp_growth", "%"  # "GRDP đạt hơn 1,33 triệu tỷ đồng - tăng 8,3%"
    if quantity.unit not in (None, earlier.unit) and not _same_noun(quantity, earlier):
        return None
    if quantity.unit == earlier.unit and _NEXT_YEAR.fullmatch(
        fold(ctx.text[offset + earlier.end : at])
    ):
        return indicator, unit
    named = [m for m in ctx.provinces_in(index) if offset + earlier.end <= m.start and m.end <= at]
    if not named:
        return None
    gap = fold(ctx.text[named[-1].end : at])
    if not re.fullmatch(r"\s*(?:voi|la|co|:|-|–)?\s*", gap):
        return None
    return indicator, unit


_GROWTH_OF_TOTAL = re.compile(r"\s*(?:,|-|–)?\s*(?:tang|tang truong)\s*(?:hon|gan|khoang|tren)?\s*")
# "kim ngạch xuất khẩu năm 2020 đạt 1,25 tỷ USD; năm 2025 là 2,6 tỷ USD và năm 2030 là 5,2 tỷ
# USD": the same figure for another year
_NEXT_YEAR = re.compile(
    r"\s*[;,]?\s*(?:va\s+)?(?:den\s+)?nam\s+\d{4}\s*(?:la|dat|se dat|uoc dat|tang len|:)?\s*"
)


def _same_noun(quantity: Quantity, earlier: Quantity) -> bool:
    nouns = {"can", "ngoi", "nha", "ho"}
    word = fold(quantity.raw).split()[-1]
    return word in nouns and fold(earlier.raw).split()[-1] in nouns | {"nha"}


def _clause_start(text: str, at: int) -> int:
    cut = max(text.rfind(";", 0, at), text.rfind(":", 0, at))
    return cut + 1 if cut >= 0 else 0


def _clause_end(text: str, at: int) -> int:
    ends = [k for k in (text.find(";", at), text.find(",", at)) if k >= 0]
    return min(ends) if ends else len(text)


_Compiled = tuple[
    str,
    re.Pattern[str],
    re.Pattern[str] | None,
    re.Pattern[str] | None,
    re.Pattern[str] | None,
    str,
]


@functools.cache
def _after_patterns() -> list[_Compiled]:
    """``_AFTER`` with its patterns compiled once."""

    def optional(pattern: str | None) -> re.Pattern[str] | None:
        return re.compile(pattern) if pattern else None

    return [
        (
            indicator,
            re.compile(rf"(?:{nouns})(?![a-z])"),
            optional(required),
            optional(
                rf"(?:{right_before})(?: (?:hon|gan|khoang|duoc))?$" if right_before else None
            ),
            optional(forbidden),
            spec_unit,
        )
        for indicator, nouns, required, right_before, forbidden, spec_unit in _AFTER
    ]


@functools.cache
def _any_noun_after() -> re.Pattern[str]:
    """Matches where one of ``_after_patterns()``'s nouns does."""
    return re.compile("|".join(f"(?:{nouns.pattern})" for _, nouns, *_ in _after_patterns()))


_SPACE_RUN = re.compile(r"\s+")


@functools.cache
def _before_patterns() -> list[tuple[str, re.Pattern[str], tuple[str | None, ...]]]:
    """``_BEFORE`` with its patterns compiled once."""
    return [(indicator, re.compile(words), units) for indicator, words, units in _BEFORE]


def _classify(
    folded: str, quantity: Quantity, clause_start: int, clause_end: int, money_end: int = 0
) -> tuple[str, str] | None:
    """``money_end``: where the previous sum of money in the sentence ends. Words before it
    describe that sum ("10 dự án nước ngoài với 315 triệu USD và 14 dự án trong nước với 818
    triệu USD": the second sum is not foreign)."""
    before = folded[clause_start : quantity.start].rstrip()
    if before.endswith("giai doan") and not before[-10:-9].isalpha():
        return None  # "đầu tư giai đoạn 2 dự án lọc hóa dầu": a phase, not two projects
    own_words = folded[max(clause_start, money_end) : quantity.start]
    unit_words = _LEADING_NUMBER.sub("", folded[quantity.start : quantity.end])
    tail = _SPACE_RUN.sub(" ", f"{unit_words} {folded[quantity.end : clause_end]}").strip()
    # most figures are followed by no indicator's noun: one match for all of them says so
    after = _after_patterns() if _any_noun_after().match(tail) else []
    rest = (
        _SPACE_RUN.sub(" ", f"{unit_words} {folded[quantity.end : quantity.end + 120]}")
        if after
        else ""
    )
    for indicator, nouns, required, right_before, forbidden, spec_unit in after:
        if not nouns.match(tail):
            continue
        if indicator == "households_affected":
            context = f"{before[-30:]} | {rest[:60]}"
        elif indicator in _LOOK_AHEAD:
            context = f"{before[-60:]} | {rest}"
        else:
            context = f"{before[-40:]} | {tail}"
        if required and not required.search(context):
            continue
        if right_before and not right_before.search(before):
            continue
        if forbidden and forbidden.search(before[-40:]):
            continue
        if indicator in ("ntm_communes", "ntm_districts") and not re.search(
            r"dat chuan|ve dich|cong nhan|hoan thanh", f"{before[-60:]} {rest[:40]}"
        ):
            continue  # "9 huyện miền núi … xây dựng nông thôn mới là rất khó": not a result
        if indicator == "population" and quantity.value < 300_000:  # a district's or ward's
            continue
        if indicator.startswith("admin_units") and not float(quantity.value).is_integer():
            continue  # "tăng/giảm 0,107 đơn vị": units are counted whole
        if (
            indicator == "households_affected"
            and nouns.pattern.startswith("(?:ngoi")
            and not re.search(r"ngap", rest[:24])
            and not re.search(r"ngap(?: (?:hon|gan|khoang))?$", before)
        ):
            continue
        if indicator == "investment_projects":
            if (
                _AMENDED_BEFORE.search(before)
                or _NOT_INVESTMENT_PROJECT.match(tail)
                or _WORKS_BEFORE.search(before)
            ):
                continue  # projects amended; social housing, roads, dams: public works
            if _PROJECT_FDI.search(tail[:40]) or _FDI_TOTAL_BEFORE.search(before[-80:]):
                return "fdi_projects", spec_unit
        return indicator, spec_unit
    if (
        quantity.unit == "%"
        and _GRDP_AFTER.match(folded[quantity.end : quantity.end + 12])
        and _GROWTH_WORD.search(before[-25:])
    ):
        return "grdp_growth", "%"  # "tăng 8,5% GRDP"; "1,5% GDP" alone is a share of GDP
    if quantity.unit in ("VND", "USD") and (
        _HANDOVER.search(folded[: quantity.start])
        or "ho tro" in before[-60:]
        or _DONATED_SUM.search(before[-30:])
    ):
        return None  # money handed over: a transfer, not an indicator
    best: tuple[int, str, str] | None = None
    for indicator, words, units in _before_patterns():
        if quantity.unit not in units:
            continue
        for match in words.finditer(before):
            if indicator == "grdp_growth" and (
                _NOT_ECONOMY.search(before[match.end() :])
                or _BREAKDOWN.search(before[match.end() :])
                or (_TARGET_WORDS.match(match.group(0)) and _NATIONAL_TARGET.search(before))
            ):
                continue  # "tăng trưởng kinh tế đạt 6,2%, trong đó bất động sản tăng 4%"
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, indicator, quantity.unit or "")
    if best is None:
        return None
    if best[1] == "investment_capital" and quantity.unit == "USD" and _FOREIGN.search(own_words):
        return "fdi_capital", "USD"
    if best[1] == "tourism" and quantity.unit is None:
        return "tourism", "visit"
    return best[1], best[2] or "person"


# The clause counts the whole province, whatever company or park the sentence opened with
_WHOLE_PROVINCE = re.compile(r"(?<!\w)(?:trên địa bàn (?:tỉnh|thành phố|TP)|toàn tỉnh)(?!\w)")


def _scope(text: str, clause_start: int, at: int) -> str | None:
    window = text[clause_start:at]
    whole = _WHOLE_PROVINCE.search(window)
    if whole and all(m.end() <= whole.start() for m in _SCOPE.finditer(window)):
        # "Hai dự án của Công ty … đạt 20 triệu USD, nâng tổng số dự án FDI còn hiệu lực trên địa
        # bàn tỉnh là 58 dự án": the company comes before, the count is the province's
        return None
    city = _provincial_city(window)
    if city:
        return city
    head_end = min(at, 80)
    while head_end < at and text[head_end].isalnum():
        head_end += 1  # whole words: "dự án F" is not "dự án FDI"
    for candidate in (window, text[:head_end]):
        match = _SCOPE.search(candidate) or _SCOPE_PARK.search(candidate)
        if match:
            scope = match.group(1).strip()
            if re.match(r"[Tt]hành phố", scope) and not _district_city(scope):
                continue  # "thành phố Hà Nội", "Thành phố Hồ Chí Minh": the province itself
            return re.sub(r"^KCN\b", "Khu công nghiệp", scope)
    return None


def _district_city(scope: str) -> bool:
    """ "thành phố Sa Đéc": a city inside a province, named like no province."""
    name = scope.split(" ", 2)[-1]
    return canonical_province(name) is None and name in district_names()


# "TP Thanh Hóa … dân số khoảng 400.000 người": a province's own city, named like the province
_CITY_NAMED = re.compile(rf"(?<!\w)(?:[Tt]hành phố|TP\.?)\s*([{UPPER}]\w*(?: [{UPPER}]\w*){{0,3}})")


def _provincial_city(window: str) -> str | None:
    """ "thành phố X" when X is a province that is not a centrally-run city: the city, not the
    province ("thành phố Hà Nội" is the province itself)."""
    for match in _CITY_NAMED.finditer(window):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            province = canonical_province(" ".join(words[:size]))
            if province:
                if not is_city(province) and not _province_named_after(window, match, province):
                    return f"thành phố {' '.join(words[:size])}"
                break
    return None


def _province_named_after(window: str, city: re.Match[str], province: str) -> bool:
    """ "tại TP. Vũng Tàu, lãnh đạo tỉnh Bà Rịa - Vũng Tàu … trao": the city is the venue, the
    province named after it acts."""
    return any(
        canonical_province(m.group(0)) == province
        for m in _PROVINCE_NAMED.finditer(window, city.end())
    )


_PROVINCE_NAMED = re.compile(rf"(?<!\w)tỉnh [{UPPER}]\w*(?:(?: -)? [{UPPER}]\w*){{0,3}}")


def _dedupe(found: list[Indicator]) -> list[Indicator]:
    seen: set[tuple[str, str, float, str | None]] = set()
    unique = []
    for item in found:
        key = (item.province, item.indicator, item.value, item.scope)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
