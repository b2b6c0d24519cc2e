"""Enterprises named in a document, for actors of kind ``enterprise`` (donors, sponsors).

Hand-written because no bundled Vietnamese model tags organisations: news names a company by
its legal form and a capitalised name ("Công ty TNHH Sơn Trường", "công ty NutiFood", "Ngân
hàng NN&PTNT", "Công ty CP Tập đoàn Phúc Lộc") and later by the bare name ("NutiFood").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cachlamhay.extract.gazetteer import province_aliases
from cachlamhay.vntext import UPPER

_FORM = r"(?:[Tt]ổng [Cc]ông ty|[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng)"
_QUALIFIER = (
    r"(?i:TNHH|CP|TMCP|MTV|cổ phần|một thành viên|tập đoàn|đầu tư|xây dựng|thương mại|dịch vụ"
    r"|sản xuất|phát triển|xuất nhập khẩu|vận tải|xe khách|du lịch|bảo hiểm|môi trường|đô thị"
    r"|công nghệ|kinh doanh|bất động sản|thực phẩm|khoáng sản|năng lượng|dược phẩm|thủy sản"
    r"|cơ khí|xăng dầu|và|&)"
)
# "Cổ" of "Cổ phần" is a legal form, not the name: "Công ty Cổ phần vận tải TP. HCM"
_PROPER = rf"(?!Cổ phần)[{UPPER}0-9][\w&.'-]*"
_ENTERPRISE = re.compile(
    rf"(?<![\w]){_FORM}((?: {_QUALIFIER})*(?: {_PROPER})+)"
    # "NN&PTNT", "VN": stop before a word that starts the next clause
)
# Public bodies that share the legal-form words
_NOT_ENTERPRISE = re.compile(r"Ngân hàng (?:Nhà nước|Thế giới|Phát triển Châu Á)", re.I)
# a short form in brackets right after the full name: "(BIDV)", "(KOSPO)", "(Thaco)"
_ABBREVIATION = re.compile(rf"\s*\(([{UPPER}][\w&.-]{{1,15}})\)")
_GENERIC = {"TNHH", "CP", "TMCP", "MTV", "Việt", "Nam", "VN", "Việt Nam"}


@dataclass(frozen=True, slots=True)
class Enterprise:
    name: str  # as written, first letter capitalised: "Công ty NutiFood"
    alias: str | None  # the bare name news uses later: "NutiFood"


def enterprises_in(text: str) -> list[Enterprise]:
    """Every enterprise the text names, once, in order of first mention: a later short form
    of the same company ("Công ty Nam Triệu" after "Công ty TNHH một thành viên Nam Triệu") is
    the same enterprise, named as first written."""
    found: dict[str, Enterprise] = {}
    for match in _ENTERPRISE.finditer(text):
        name = match.group(0).strip().rstrip(".")
        name = name[0].upper() + name[1:]
        if _NOT_ENTERPRISE.match(text, match.start()) or name in found:
            continue
        bare = _bare(name)
        alias = bare if bare and bare not in _GENERIC and bare not in _places() else None
        short = _ABBREVIATION.match(text, match.end())
        if short and not name.endswith(")"):
            # "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)": named with its short form,
            # which the article uses later
            name = f"{name} ({short.group(1)})"
            alias = short.group(1)
        if alias and any(e.alias == alias and _form(e.name) == _form(name) for e in found.values()):
            continue
        found[name] = Enterprise(name, alias)
    return list(found.values())


@functools.cache
def _places() -> frozenset[str]:
    """Province names and their short forms: "Công ty Cổ phần vận tải TP. HCM" is not named
    "TP. HCM" later, the city is."""
    return frozenset(province_aliases()) | frozenset(f"TP. {a}" for a in province_aliases())


def full_name(name: str, known: list[Enterprise]) -> str:
    """The name a company was first written with in full, for a later short form of it or for
    the start of its name ("Ngân hàng TMCP Đầu" cut at a lower-case word)."""
    bare = _bare(name)
    for enterprise in known:
        if enterprise.alias and enterprise.alias == bare and _form(enterprise.name) == _form(name):
            return enterprise.name
    for enterprise in known:
        if enterprise.name.startswith(name + " ") and _form(name):
            return enterprise.name
    return name


def _bare(name: str) -> str:
    """A company's name without its legal form and qualifiers ("Công ty TNHH Sơn Trường" →
    "Sơn Trường")."""
    return re.sub(rf"^{_FORM}(?: {_QUALIFIER})*\s*", "", name).strip()


def _form(name: str) -> str:
    """The legal form a name opens with, lower-cased ("công ty", "tập đoàn", "ngân hàng")."""
    found = re.match(_FORM, name)
    return found.group(0).lower() if found else ""


def last_named(text: str, known: list[Enterprise]) -> tuple[int, Enterprise] | None:
    """The known enterprise named last in ``text``, by full name or alias, with its offset."""
    best: tuple[int, Enterprise] | None = None
    for enterprise in known:
        for spelling in filter(None, (enterprise.name, enterprise.alias)):
            for match in re.finditer(rf"(?<![\w]){re.escape(spelling)}(?![\w])", text, re.I):
                if best is None or match.start() > best[0]:
                    best = (match.start(), enterprise)
    return best
