"""Gazetteer: provinces (63 before 1 July 2025, 34 after), central bodies, foreign countries.

Provinces, codes, coordinates and the 2025 successor of every old unit come from
vietnamadminunits (its bundled dataset and ``convert_address``). What it does not carry is
written here: the spellings news uses ("TP.HCM", "Sài Gòn", "BR-VT", "Thừa Thiên - Huế"), the
pre-2025 name "Thừa Thiên Huế" (the dataset already calls it "Huế"), the central bodies of the
Party and State, and country names in Vietnamese.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import vietnamadminunits
from vietnamadminunits import convert_address

from cachlamhay.vntext import fold, normalize_unicode


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # short official name as SPEC wants it: "Hà Tĩnh", "Hồ Chí Minh", "Thừa Thiên Huế"
    full_name: str  # "Tỉnh Hà Tĩnh", "Thành phố Hồ Chí Minh"
    code: str
    latitude: float
    longitude: float
    successor: str  # the 2025 unit it belongs to (itself when unchanged)
    current: bool  # one of the 34 units since 1 July 2025


_LEGACY_RENAMES = {"Huế": "Thừa Thiên Huế"}
_FULL_RENAMES = {"Thành phố Huế": "Tỉnh Thừa Thiên Huế"}

# Spellings in news beyond the official short name (already tone-normalised).
_EXTRA_ALIASES: dict[str, list[str]] = {
    "Hồ Chí Minh": [
        "TP.HCM",
        "TP. HCM",
        "TP HCM",
        "TPHCM",
        "Tp.HCM",
        "Tp HCM",
        "TP.Hồ Chí Minh",
        "TP. Hồ Chí Minh",
        "TP Hồ Chí Minh",
        "Thành phố Hồ Chí Minh",
        "HCM",
        "Sài Gòn",
        "TP.HCM.",
    ],
    "Thừa Thiên Huế": ["Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế", "TT - Huế", "Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "BR-VT", "BR - VT", "Vũng Tàu"],
    "Đắk Lắk": ["Đắc Lắc", "Daklak", "Dak Lak", "Đăk Lăk", "Đắk Lăk"],
    "Đắk Nông": ["Đăk Nông", "Dak Nong", "Đắc Nông"],
    "Hà Nội": ["Thủ đô Hà Nội", "TP.Hà Nội", "TP. Hà Nội"],
    "Đà Nẵng": ["TP.Đà Nẵng", "TP. Đà Nẵng"],
    "Cần Thơ": ["TP.Cần Thơ", "TP. Cần Thơ"],
    "Hải Phòng": ["TP.Hải Phòng", "TP. Hải Phòng"],
    "Kon Tum": ["Kontum"],
}
# Names that are also something else ("Hồ Chí Minh" alone is the President, his ideology, the
# Youth Union's name; "Vũng Tàu" a city inside a province): a province only after a cue such
# as "thành phố"/"TP".
AMBIGUOUS = {"Huế", "HCM", "Vũng Tàu", "Sài Gòn", "Hồ Chí Minh"}


def _dataset() -> Path:
    return Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"


def _dataset_connection() -> contextlib.closing[sqlite3.Connection]:
    """A read-only connection to vietnamadminunits' dataset, closed when the block ends."""
    return contextlib.closing(sqlite3.connect(f"file:{_dataset()}?mode=ro", uri=True))


@functools.cache
def district_names() -> frozenset[str]:
    """The short names of every district-level unit before the 2025 merger ("Đồng Hới")."""
    return _legacy_short_names("districtShort")


@functools.cache
def local_unit_names() -> frozenset[str]:
    """The short names of every district and commune before the 2025 merger ("Trần Văn Thời",
    "Ba Đình"): a run of capitalised words after "huyện"/"xã" that is one is a place, not a
    person."""
    return district_names() | _legacy_short_names("wardShort")


def _legacy_short_names(column: str) -> frozenset[str]:
    with _dataset_connection() as conn:
        rows = conn.execute(f"SELECT DISTINCT {column} FROM admin_units_legacy").fetchall()
    return frozenset(re.sub(r"\s*\(.*\)$", "", name) for (name,) in rows if name)


@functools.cache
def provinces() -> dict[str, Province]:
    """Every province by its SPEC name, the 63 pre-2025 units and the 34 current ones."""
    with _dataset_connection() as conn:
        legacy = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon,"
            " min(ward), min(district) FROM admin_units_legacy GROUP BY province"
        ).fetchall()
        current = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon"
            " FROM admin_units GROUP BY province"
        ).fetchall()
    current_short = {full: short for full, short, *_ in current}
    found: dict[str, Province] = {}
    for full, short, code, lat, lon, ward, district in legacy:
        successor_full = convert_address(f"{ward}, {district}, {full}").province
        successor = current_short.get(successor_full, short)
        name = _LEGACY_RENAMES.get(short, short)
        found[name] = Province(
            name,
            _FULL_RENAMES.get(full, full),
            code,
            lat,
            lon,
            successor,
            current=short in current_short.values() and name == short,
        )
    for full, short, code, lat, lon in current:
        if short not in found:
            found[short] = Province(short, full, code, lat, lon, short, current=True)
    return found


@functools.cache
def current_units() -> dict[str, tuple[str, str]]:
    """The 34 units since 1 July 2025: short name → (full name, code)."""
    with _dataset_connection() as conn:
        rows = conn.execute(
            "SELECT provinceShort, province, provinceCode FROM admin_units GROUP BY province"
        ).fetchall()
    return {short: (full, code) for short, full, code in rows}


def successor_of(name: str) -> str:
    return provinces()[name].successor


def is_city(name: str) -> bool:
    """A centrally-run city ("Thành phố Hồ Chí Minh"), as opposed to a province ("Tỉnh …")."""
    province = provinces().get(name)
    return bool(province and province.full_name.startswith("Thành phố"))


def predecessors_of(name: str) -> list[str]:
    """Old units that became (part of) ``name`` on 1 July 2025, itself excluded."""
    return sorted(p.name for p in provinces().values() if p.successor == name and p.name != name)


@functools.cache
def province_aliases() -> dict[str, str]:
    """Surface form (as written, tone-normalised) → SPEC province name."""
    aliases: dict[str, str] = {}
    for province in provinces().values():
        aliases[province.name] = province.name
    for name, extra in _EXTRA_ALIASES.items():
        for alias in extra:
            aliases[normalize_unicode(alias)] = name
    return aliases


@functools.cache
def province_by_fold() -> dict[str, str]:
    return {fold(alias): name for alias, name in province_aliases().items()}


def canonical_province(text: str) -> str | None:
    """ "tỉnh Hà Tĩnh", "TP.HCM", "ha tinh" → SPEC name; None if not a province."""
    cleaned = re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", normalize_unicode(text).strip(), flags=re.I)
    return province_by_fold().get(fold(cleaned))


# -- central bodies ------------------------------------------------------------------------------

MINISTRIES = [
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Ngoại giao",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Tài chính",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Công Thương",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Giao thông vận tải",
    "Bộ Xây dựng",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Thông tin và Truyền thông",
    "Bộ Lao động, Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế",
    "Bộ Dân tộc và Tôn giáo",
    "Ngân hàng Nhà nước Việt Nam",
    "Thanh tra Chính phủ",
    "Văn phòng Chính phủ",
    "Ủy ban Dân tộc",
]
PARTY_AND_STATE = [
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành Trung ương",
    "Trung ương Đảng",
    "Ban Tổ chức Trung ương",
    "Ban Tuyên giáo Trung ương",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban Dân vận Trung ương",
    "Ban Kinh tế Trung ương",
    "Ban Nội chính Trung ương",
    "Ban Đối ngoại Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Văn phòng Trung ương Đảng",
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "Chính phủ",
    "Chủ tịch nước",
    "Ủy ban Trung ương MTTQ Việt Nam",
    "Tòa án nhân dân tối cao",
    "Viện Kiểm sát nhân dân tối cao",
    "Kiểm toán Nhà nước",
    "Trung ương Đoàn",
]
# Commands of the army and national committees and agencies: they send delegations to the
# provinces like a ministry does ("Quân chủng Hải quân", "Ủy ban Quốc gia Tìm kiếm Cứu nạn").
# Only full names: the same words with "tỉnh" after ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh …") are a
# province's.
COMMANDS_AND_AGENCIES = [
    "Bộ Tổng Tham mưu",
    "Quân chủng Hải quân",
    "Quân chủng Phòng không - Không quân",
    "Bộ Tư lệnh Bộ đội Biên phòng",
    "Bộ Tư lệnh Cảnh sát biển",
    "Bộ Tư lệnh Thủ đô Hà Nội",
    "Quân khu 1",
    "Quân khu 2",
    "Quân khu 3",
    "Quân khu 4",
    "Quân khu 5",
    "Quân khu 7",
    "Quân khu 9",
    "Ủy ban Quốc gia Tìm kiếm Cứu nạn",
    "Ban Chỉ đạo Trung ương về phòng chống thiên tai",
    "Ủy ban An toàn giao thông Quốc gia",
    "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
    "Ban Chỉ đạo Tây Bắc",
    "Ban Chỉ đạo Tây Nguyên",
    "Ban Chỉ đạo Tây Nam Bộ",
]
CENTRAL_BODIES = MINISTRIES + PARTY_AND_STATE + COMMANDS_AND_AGENCIES

# Ministries news names by the initials of their words, joined in several ways: "Bộ NN&PTNT",
# "Bộ NN & PTNT", "Bộ NN-PTNT", "Bộ TN - MT", "Bộ GD và ĐT", "Bộ LĐ - TB & XH", "Bộ VH-TT-DL"
# (each of these is written at least 15 times in the corpora).
_INITIALS = {
    ("NN", "PTNT"): "Bộ Nông nghiệp và Phát triển nông thôn",
    ("GD", "ĐT"): "Bộ Giáo dục và Đào tạo",
    ("KH", "ĐT"): "Bộ Kế hoạch và Đầu tư",
    ("TN", "MT"): "Bộ Tài nguyên và Môi trường",
    ("TT", "TT"): "Bộ Thông tin và Truyền thông",
    ("GT", "VT"): "Bộ Giao thông vận tải",
    ("KH", "CN"): "Bộ Khoa học và Công nghệ",
    ("LĐ", "TB", "XH"): "Bộ Lao động, Thương binh và Xã hội",
    ("VH", "TT", "DL"): "Bộ Văn hóa, Thể thao và Du lịch",
}
_LAST_JOINS = ("&", " & ", "-", " - ", "–", " – ", " và ", " ", "")
_INNER_JOINS = ("-", " - ", "–", " – ", "")


def _initialisms() -> dict[str, str]:
    """Every joining of ``_INITIALS``: the last two initials by "&", a dash, "và", a space or
    nothing; the ones before by a dash or nothing ("VHTT&DL", "LĐ-TB-XH"). And each ministry's
    full name with "&" for "và" ("Bộ Kế hoạch & Đầu tư")."""
    spelled = {name.replace(" và ", " & "): name for name in MINISTRIES if " và " in name}
    for initials, body in _INITIALS.items():
        *first, before_last, last = initials
        heads = [before_last]
        for initial in reversed(first):
            heads = [initial + join + head for head in heads for join in _INNER_JOINS]
        for head in heads:
            for join in _LAST_JOINS:
                spelled[f"Bộ {head}{join}{last}"] = body
    return spelled


# Short forms news uses for the same bodies.
CENTRAL_ALIASES = {
    **_initialisms(),
    "Bộ KH&ĐT": "Bộ Kế hoạch và Đầu tư",
    "Bộ KHĐT": "Bộ Kế hoạch và Đầu tư",
    "Bộ NN&PTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ NN-PTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ GTVT": "Bộ Giao thông vận tải",
    "Bộ TN&MT": "Bộ Tài nguyên và Môi trường",
    "Bộ TNMT": "Bộ Tài nguyên và Môi trường",
    "Bộ TT&TT": "Bộ Thông tin và Truyền thông",
    "Bộ LĐ-TB&XH": "Bộ Lao động, Thương binh và Xã hội",
    "Bộ LĐTB&XH": "Bộ Lao động, Thương binh và Xã hội",
    "Bộ VH-TT&DL": "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ VHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Văn hóa - Thể thao và Du lịch": "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ KH&CN": "Bộ Khoa học và Công nghệ",
    "Bộ GD&ĐT": "Bộ Giáo dục và Đào tạo",
    "Bộ GD-ĐT": "Bộ Giáo dục và Đào tạo",
    "Bộ Nông nghiệp": "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Lao động": "Bộ Lao động, Thương binh và Xã hội",
    "Bộ Giáo dục": "Bộ Giáo dục và Đào tạo",
    "Bộ Giao thông": "Bộ Giao thông vận tải",
    "Bộ Công thương": "Bộ Công Thương",
    "Ban Tổ chức T.Ư": "Ban Tổ chức Trung ương",
    "Ban Tuyên giáo T.Ư": "Ban Tuyên giáo Trung ương",
    "Ban Kinh tế T.Ư": "Ban Kinh tế Trung ương",
    "Ban Dân vận T.Ư": "Ban Dân vận Trung ương",
    "Ban Nội chính T.Ư": "Ban Nội chính Trung ương",
    "UBKT Trung ương": "Ủy ban Kiểm tra Trung ương",
    "Ban Bí thư Trung ương Đảng": "Ban Bí thư",  # "Đoàn kiểm tra của Ban Bí thư Trung ương Đảng"
    "Ban Bí thư Trung ương": "Ban Bí thư",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": "Ủy ban Trung ương MTTQ Việt Nam",
    "Mặt trận Tổ quốc Việt Nam": "Ủy ban Trung ương MTTQ Việt Nam",
    "Chính Phủ": "Chính phủ",
    "Ngân hàng Nhà nước": "Ngân hàng Nhà nước Việt Nam",  # the body's official name
    # the army's political department acts for the ministry (tests/gold/CONVENTIONS.md, round 7)
    "Tổng cục Chính trị": "Bộ Quốc phòng",
    "Bộ Tài nguyên - Môi trường": "Bộ Tài nguyên và Môi trường",
    "Bộ Tài nguyên - môi trường": "Bộ Tài nguyên và Môi trường",
    "Bộ Tài nguyên Môi trường": "Bộ Tài nguyên và Môi trường",
    "Bộ Kế hoạch và đầu tư": "Bộ Kế hoạch và Đầu tư",
    "Bộ Kế hoạch - Đầu tư": "Bộ Kế hoạch và Đầu tư",
    "Ủy ban Quốc gia Tìm kiếm cứu nạn": "Ủy ban Quốc gia Tìm kiếm Cứu nạn",
    "Ủy ban Quốc gia TKCN": "Ủy ban Quốc gia Tìm kiếm Cứu nạn",
    **{
        f"Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm {rescue}": (
            "Ủy ban Quốc gia Tìm kiếm Cứu nạn"
        )
        for rescue in ("Cứu nạn", "cứu nạn")
    },
    "Quân chủng PK-KQ": "Quân chủng Phòng không - Không quân",
    "Bộ Tư lệnh BĐBP": "Bộ Tư lệnh Bộ đội Biên phòng",
    "Bộ Tư lệnh Quân khu 1": "Quân khu 1",
    "Bộ Tư lệnh Quân khu 2": "Quân khu 2",
    "Bộ Tư lệnh Quân khu 3": "Quân khu 3",
    "Bộ Tư lệnh Quân khu 4": "Quân khu 4",
    "Bộ Tư lệnh Quân khu 5": "Quân khu 5",
    "Bộ Tư lệnh Quân khu 7": "Quân khu 7",
    "Bộ Tư lệnh Quân khu 9": "Quân khu 9",
    "Ban Chỉ đạo Trung ương về Phòng chống thiên tai": (
        "Ban Chỉ đạo Trung ương về phòng chống thiên tai"
    ),
}

# -- foreign countries ---------------------------------------------------------------------------

# canonical Vietnamese name → other spellings, with the transliterations the news agency writes
# ("Bê-la-rút", "U-crai-na") the corpora use at least three times, and "Phi-líp-pin" beside
# "Phi-li-pin"
COUNTRIES: dict[str, list[str]] = {
    "Lào": [],
    "Campuchia": ["Cam-pu-chia"],
    "Trung Quốc": ["TQ", "CHND Trung Hoa", "Trung Hoa"],
    "Nhật Bản": ["Nhật"],
    "Hàn Quốc": [],
    "Triều Tiên": ["CHDCND Triều Tiên"],
    "Hoa Kỳ": ["Mỹ", "Mĩ"],
    "Liên minh châu Âu": ["Liên minh Châu Âu", "EU"],
    # international organisations are foreign actors by their usual name (CONVENTIONS)
    "Liên Hợp Quốc": ["Liên hợp quốc", "Liên Hiệp Quốc", "Liên hiệp quốc", "LHQ"],
    "Interpol": ["INTERPOL", "Tổ chức Cảnh sát Hình sự Quốc tế"],
    "Nga": ["Liên bang Nga"],
    "Pháp": [],
    "Đức": ["CHLB Đức", "Cộng hòa Liên bang Đức"],
    "Anh": ["Vương quốc Anh"],
    "Italy": ["Ý", "Italia", "I-ta-li-a"],
    "Tây Ban Nha": [],
    "Bồ Đào Nha": [],
    "Hà Lan": [],
    "Bỉ": [],
    "Thụy Điển": [],
    "Na Uy": [],
    "Phần Lan": [],
    "Đan Mạch": [],
    "Thụy Sĩ": [],
    "Áo": [],
    "Ba Lan": [],
    # the gold names it by its state form, as the Czech Republic names itself
    "Cộng hòa Séc": ["Séc", "CH Séc", "Czech", "Cộng hòa Czech"],
    "Hungary": ["Hung-ga-ri"],
    "Ukraine": ["Ucraina", "Ukraina", "U-crai-na"],
    "Belarus": ["Bê-la-rút"],
    "Cuba": ["Cộng hòa Cuba", "Cu-ba"],
    "Venezuela": [],
    "Brazil": ["Bra-xin", "Braxin"],
    "Argentina": ["Ác-hen-ti-na"],
    "Chile": ["Chi-lê"],
    "Mexico": ["Mê-hi-cô"],
    "Canada": [],
    "Australia": ["Úc", "Ô-xtrây-li-a"],
    "New Zealand": ["Niu Di-lân"],
    "Ấn Độ": [],
    "Indonesia": ["In-đô-nê-xi-a"],
    "Malaysia": ["Ma-lai-xi-a"],
    "Singapore": ["Xin-ga-po"],
    "Thái Lan": [],
    "Philippines": ["Phi-li-pin", "Phi-líp-pin", "Philippine"],
    "Myanmar": ["Cộng hòa Liên bang Myanmar", "Mi-an-ma"],
    "Brunei": [],
    "Đông Timor": ["Timor-Leste"],
    "Mông Cổ": [],
    "Israel": ["I-xra-en"],
    "Iran": ["I-ran"],
    "Iraq": ["I-rắc"],
    "Thổ Nhĩ Kỳ": [],
    "Ai Cập": [],
    "Nam Phi": [],
    "Nigeria": [],
    "Mozambique": [],
    "Angola": [],
    "Algeria": ["An-giê-ri"],
    "Kazakhstan": [],
    "Uzbekistan": ["U-dơ-bê-ki-xtan"],
    "Ả Rập Xê Út": [
        "Saudi Arabia",
        "A-rập Xê-út",
        "Ả-rập Xê-út",
        "Ả Rập Saudi",
        "Arab Saudi",  # 761 times in the corpora
        "Ả rập Xê út",
    ],
    "UAE": [
        "Các Tiểu vương quốc Ả Rập Thống nhất",
        "Tiểu vương quốc Ả Rập Thống nhất",
        "Tiểu vương quốc Ả Rập thống nhất",
    ],
    "Qatar": ["Ca-ta"],
    "Kuwait": ["Cô-oét"],
    "Palestine": [],
    "Đài Loan": [],
    "Hồng Kông": [],
    "Slovakia": ["Cộng hòa Slovakia", "Cộng hòa Slovak"],
    "Bulgaria": ["Bungari"],
    "Romania": ["Rumani"],
    "Serbia": ["Xéc-bi-a"],
    "Hy Lạp": [],
    "Ireland": [],
    "Luxembourg": [],
    "Peru": ["Pê-ru"],
    "Colombia": [],
    "Bangladesh": [],
    "Pakistan": ["Pa-ki-xtan"],
    "Sri Lanka": [],
    "Nepal": [],
    "Slovenia": [],
    "Croatia": [],
    "Estonia": [],
    "Latvia": [],
    "Lithuania": ["Litva"],
    "Ai-len": [],
    "Madagascar": [],
    "Tanzania": [],
    "Kenya": [],
    "Ethiopia": [],
    "Maroc": ["Ma-rốc"],
    "Tunisia": ["Tuy-ni-di"],
    "Lebanon": ["Liban", "Li-băng"],
    "Syria": ["Xy-ri"],
    "Jordan": [],
    "Afghanistan": ["Áp-ga-ni-xtan"],
    "Yemen": [],
    "Libya": [],
    "Oman": [],
    "Bahrain": [],
    "Bolivia": [],
    "Ecuador": [],
    "Uruguay": [],
    "Nicaragua": [],
    "Panama": [],
    "Ghana": [],
    "Zimbabwe": [],
    "Uganda": [],
    "Haiti": [],
    "Armenia": [],
    "Azerbaijan": [],
    "Gruzia": [],
    "Moldova": [],
    "Montenegro": [],
    "Albania": [],
    "Bosnia và Herzegovina": [],
    "Macedonia": ["Bắc Macedonia"],
    "Iceland": [],
    "Malta": [],
    "Kyrgyzstan": [],
    "Tajikistan": [],
    "Turkmenistan": [],
    "Bhutan": [],
    "Maldives": [],
    "Senegal": [],
    "Cameroon": [],
    "Bờ Biển Ngà": [],
    "Congo": [],
    "Zambia": [],
    "Namibia": [],
    "Botswana": [],
    "Rwanda": [],
    "Sudan": [],
    "Nam Sudan": [],
    "Somalia": [],
    "Mauritius": [],
    "Sierra Leone": [],
    "Liberia": [],
    "Malawi": [],
    "Burundi": [],
    "Mauritania": [],
    "Mali": [],
    "Niger": [],
    "Guinea": [],
    "Gabon": [],
    "Benin": [],
    "Togo": [],
    "Burkina Faso": [],
    "Eritrea": [],
    "Djibouti": [],
    "Seychelles": [],
    "Costa Rica": [],
    "Guatemala": [],
    "Honduras": [],
    "El Salvador": [],
    "Cộng hòa Dominica": [],
    "Jamaica": [],
    "Trinidad và Tobago": [],
    "Bahamas": [],
    "Barbados": [],
    "Paraguay": [],
    "Guyana": [],
    "Suriname": [],
    "Fiji": [],
    "Papua New Guinea": [],
    "Samoa": [],
    "Tonga": [],
    "Vanuatu": [],
    "Vatican": ["Tòa thánh Vatican", "Tòa Thánh Vatican"],
    "Monaco": [],
    "Liechtenstein": [],
    "Andorra": [],
    "San Marino": [],
    "Síp": ["Cyprus"],
}


# A capital stands for its country as a visit's host ("tham quan hệ thống xe buýt nhanh của thủ
# đô Jakarta"). Left out: capitals that also name treaties, newspapers or people ("Hiệp định
# Paris", "Washington Post").
CAPITALS: dict[str, str] = {
    "Bắc Kinh": "Trung Quốc",
    "Viêng Chăn": "Lào",
    "Vientiane": "Lào",
    "Phnom Penh": "Campuchia",
    "Phnôm Pênh": "Campuchia",
    "Tokyo": "Nhật Bản",
    "Seoul": "Hàn Quốc",
    "Bình Nhưỡng": "Triều Tiên",
    "Moskva": "Nga",
    "Moscow": "Nga",
    "Mát-xcơ-va": "Nga",
    "Jakarta": "Indonesia",
    "Bangkok": "Thái Lan",
    "Kuala Lumpur": "Malaysia",
    "Manila": "Philippines",
    "Canberra": "Australia",
    "Berlin": "Đức",
    "La Habana": "Cuba",
    "Havana": "Cuba",
    "New Delhi": "Ấn Độ",
    "Praha": "Cộng hòa Séc",
    "Budapest": "Hungary",
}


@functools.cache
def country_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for name, extra in COUNTRIES.items():
        aliases[name] = name
        for alias in extra:
            aliases[alias] = name
        first, *rest = name.split(" ")
        if rest:  # "Nhật bản", "Trung quốc": some papers write a country's later words lower
            aliases.setdefault(" ".join([first, *(word.lower() for word in rest)]), name)
    for capital, country in CAPITALS.items():
        if country in COUNTRIES:
            aliases[capital] = country
    return aliases


@functools.cache
def central_aliases() -> dict[str, str]:
    """Every spelling of a central body, with a ministry's "bộ" also in lower case ("đoàn công
    tác của bộ Tài nguyên Môi trường", as some papers write it)."""
    aliases = {name: name for name in CENTRAL_BODIES}
    aliases.update({normalize_unicode(k): v for k, v in CENTRAL_ALIASES.items()})
    aliases.update(
        {"bộ" + alias[2:]: body for alias, body in aliases.items() if _MINISTRY.match(alias)}
    )
    return aliases


_MINISTRY = re.compile(r"Bộ [A-ZĐ]")


# -- compiled look-ups ---------------------------------------------------------------------------


def alternation(names: list[str]) -> str:
    """A regex alternation of literal names, longest first (so "Hà Nội" never wins over a
    longer name starting the same way)."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@functools.cache
def country_alternation() -> str:
    """``alternation`` of every country alias, built once for the patterns that end in one."""
    return alternation(list(country_aliases()))


@functools.cache
def province_in_title_pattern() -> re.Pattern[str]:
    """Province names of more than three characters, as whole words."""
    names = [alias for alias in province_aliases() if len(alias) > 3]
    return re.compile(rf"(?<![\w])(?:{alternation(names)})(?![\w])")


@functools.cache
def province_substring_pattern() -> re.Pattern[str]:
    """The same names anywhere, even glued to the next word ("Quảng Ngãikiêm" in a typo)."""
    return re.compile(alternation([alias for alias in province_aliases() if len(alias) > 3]))


@functools.cache
def country_in_title_pattern() -> re.Pattern[str]:
    """Country names that, inside an office title, make it a foreign office."""
    short = ("Lào", "Nga", "Mỹ", "Anh", "Pháp", "Đức", "Úc")
    names = [alias for alias in country_aliases() if len(alias) > 3 or alias in short]
    return re.compile(rf"(?<![\w])(?:{alternation(names)})(?![\w])")


@functools.cache
def country_after_pattern() -> re.Pattern[str]:
    """A country right after a body's name, maybe through its party: " Đảng Cộng sản Cuba"."""
    return re.compile(rf" (?:Đảng [^,.;]{{0,30}}? )?({country_alternation()})(?![\w])")
