"""Sentences, clauses and place mentions over the cleaned text, all as offsets into it.

Hand-written because Vietnamese news needs its own rules: abbreviations with dots ("TP.HCM",
"PGS.TS", "Q.1") do not end sentences, and provinces are written many ways ("TP.HCM", "tỉnh
Hà Tĩnh", "Thừa Thiên - Huế").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import EllipsisType

import ahocorasick

from cachlamhay.extract import gazetteer
from cachlamhay.extract.automata import lowered_slices
from cachlamhay.extract.names import COMMON_SURNAMES
from cachlamhay.spans import Span
from cachlamhay.vntext import UPPER


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    caption: bool


# A match starts at the closing mark, and the sentence ends right after it: opening with the
# mark itself (not a look-behind for it) lets ``re`` skip from mark to mark.
_SENTENCE_END = re.compile(rf"[.!?…][\"”’)]*\s+(?=[\"“‘(]?[{UPPER}0-9])")
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|BS|Q|P|Mr|Mrs|St|No)\.|\b[A-ZĐ]\.)$")


def sentences(text: str, captions: list[Span] | None = None) -> list[Sentence]:
    """Sentences of every line (paragraph), with absolute offsets; a sentence lying mostly
    inside a caption span is flagged (an inline "Ảnh: …" credit does not flag its paragraph)."""
    spans = [(c.start, c.end) for c in captions or []]
    found: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        for start, end in _split_line(line):
            chunk = line[start:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                begin = offset + start + lead
                finish = begin + len(stripped)
                caption = False
                if spans:
                    covered = sum(max(0, min(finish, e) - max(begin, s)) for s, e in spans)
                    caption = covered * 2 >= finish - begin
                found.append(Sentence(begin, finish, stripped, paragraph, caption))
        offset += len(line) + 1
    return found


MAX_SENTENCE = 2000  # characters; the longest sentence in 3,000 baomoi articles has 1,837


def _split_line(line: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(line):
        end = match.start() + 1  # after the mark
        # "PGS." and "Mrs." are the longest abbreviations: the last few characters decide
        if _NO_BREAK_BEFORE.search(line, max(start, end - 8), end):
            continue
        if end - start > MAX_SENTENCE:
            yield from _bounded(line, start, end)
        else:
            yield start, end
        start = match.end()
    yield from _bounded(line, start, len(line))


def _bounded(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``line[start:end]`` in pieces of at most ``MAX_SENTENCE`` characters, cut at a space.

    Extractors look around each cue within its sentence, so their work grows faster than the
    sentence: a page of text without full stops (a scrape gone wrong, a 10 MB line) would take
    hours as one sentence."""
    while end - start > MAX_SENTENCE:
        cut = line.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


# -- place mentions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # "province" | "central" | "foreign"
    name: str  # canonical name
    cue: str  # the word before it: "tỉnh", "thành phố", "huyện", ... or ""


_BLOCKING_CUES = {
    "huyện",
    "xã",
    "phường",
    "quận",
    "thị xã",
    "thị trấn",
    "đường",
    "phố",
    "sông",
    "cầu",
    "báo",
    "Báo",
    "đèo",
    "núi",
    "chợ",
    "bến",
    "làng",
    "thôn",
    "ấp",
    "bản",
    "khu",
    "Khu",
    "hồ",
    "người",  # "người Trung Quốc": a nationality, not the country acting
    "CLB",  # "CLB bóng đá HCM": a football club
    "nút giao",  # "nút giao Điện Biên Phủ": a street
    "BOT",  # "Công ty TNHH BOT Sóc Trăng": a toll-road company
}
# Cues that introduce a province or a country without blocking it
_PLACE_CUES = {
    "tỉnh", "Tỉnh", "thành phố", "Thành phố", "TP.", "TP", "Tp.", "Tp",
    "nước", "bạn", "Đại sứ quán",
}  # fmt: skip
# The word before a name: only the one ending where the name starts can match, so the order
# of the alternatives does not matter
_CUE = re.compile(
    "(" + "|".join(re.escape(c) for c in sorted(_BLOCKING_CUES | _PLACE_CUES)) + r")\s*$"
)


@functools.cache
def _mention_pattern() -> re.Pattern[str]:
    """The names as one regex: the specification ``_name_matches`` implements faster (tests
    check they agree). A central body's name is matched whatever the case of its letters after
    the first ("Ban chấp hành Trung ương", "Bộ quốc phòng", "Ủy ban Quốc gia tìm kiếm cứu nạn":
    papers capitalise them as they please); provinces and countries as written."""
    provinces = list(gazetteer.province_aliases())
    countries = list(gazetteer.country_aliases())
    any_case = set(_central_by_key().values())
    central = "|".join(
        re.escape(alias[0]) + "(?i:" + re.escape(alias[1:]) + ")"
        if alias in any_case
        else re.escape(alias)
        for alias in sorted(gazetteer.central_aliases(), key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w.])(?:(?P<central>{central})|(?P<province>{gazetteer.alternation(provinces)})"
        rf"|(?P<foreign>{gazetteer.alternation(countries)}))(?![\w])"
    )


def _any_case(alias: str) -> bool:
    """Whether a central body is matched whatever the case of its later letters: those written
    with a capital after their first letter ("Bộ Quốc phòng") or of three words or more.
    "Chính phủ", "Quốc hội" are matched as written: in lower case they are common words, and
    trying each occurrence would cost more than the rare "Chính Phủ" gives."""
    return any(ch.isupper() for ch in alias[1:]) or alias.count(" ") >= 2


@functools.cache
def _central_by_key() -> dict[str, str]:
    """The central aliases matched in any case (``_any_case``), by their first letter as written
    and the rest lower-cased ("Bộ quốc phòng" finds "Bộ Quốc phòng"; "bộ Quốc phòng", a spelling
    of its own, keeps its lower-case b). The others are matched as written."""
    found: dict[str, str] = {}
    for alias in gazetteer.central_aliases():
        if _any_case(alias):
            found.setdefault(alias[0] + alias[1:].lower(), alias)
    return found


def _central_spelling(surface: str) -> str:
    """The gazetteer's spelling of a central body ``_mention_pattern()`` matched as ``surface``."""
    aliases = gazetteer.central_aliases()
    return surface if surface in aliases else _central_by_key()[surface[0] + surface[1:].lower()]


@dataclass(frozen=True, slots=True)
class _NameMatch:
    """One name found in the text, as ``_mention_pattern()`` would match it."""

    begin: int
    finish: int
    kind: str  # the pattern's group: central | province | foreign
    surface: str  # the gazetteer's spelling (a central body's case may differ from the text's)

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


_GROUPS = ("central", "province", "foreign")  # the pattern's alternation order


@functools.cache
def _name_automaton() -> ahocorasick.Automaton:
    """Provinces, countries and the central bodies not matched in any case, as written."""
    automaton = ahocorasick.Automaton()
    any_case = set(_central_by_key().values())
    exact_central = [alias for alias in gazetteer.central_aliases() if alias not in any_case]
    names = (exact_central, gazetteer.province_aliases(), gazetteer.country_aliases())
    for rank, aliases in reversed(list(enumerate(names))):  # the earlier wins a tie
        for surface in aliases:
            automaton.add_word(surface, (rank, len(surface), False))
    automaton.make_automaton()
    return automaton


@functools.cache
def _central_automaton() -> ahocorasick.Automaton:
    """Central bodies matched in any case, lower-cased, run over the lower-cased text (see
    ``_central_by_key``)."""
    automaton = ahocorasick.Automaton()
    for key in _central_by_key():
        automaton.add_word(key.lower(), (0, len(key), True))
    automaton.make_automaton()
    return automaton


def _name_matches(text: str, lowered: str | None) -> list[_NameMatch]:
    """The matches of ``_mention_pattern()`` (same boundaries, same choice at each position:
    the first group, then the longest name; matches do not overlap), found with Aho-Corasick
    passes instead of trying every name at every position. ``lowered``: ``lowered_slices(text)``."""
    if lowered is None:  # letters whose lower case the automaton cannot stand in for
        return [
            _NameMatch(
                m.start(),
                m.end(),
                str(m.lastgroup),
                _central_spelling(m.group(0)) if m.lastgroup == "central" else m.group(0),
            )
            for m in _mention_pattern().finditer(text)
        ]
    keys = _central_by_key()
    best: dict[int, tuple[int, int, bool, str]] = {}
    hits = itertools.chain(_central_automaton().iter(lowered), _name_automaton().iter(text))
    for last, (rank, length, any_case) in hits:
        end = last + 1
        start = end - length
        if start > 0 and (text[start - 1] == "." or _is_word(text[start - 1])):
            continue
        if end < len(text) and _is_word(text[end]):
            continue
        if any_case:
            surface = keys.get(text[start] + lowered[start + 1 : end], "")
            if not surface:
                continue  # its first letter is not the name's
        else:
            surface = text[start:end]
        key = (rank, -length, any_case, surface)  # as written wins over any case
        if start not in best or key < best[start]:
            best[start] = key
    found: list[_NameMatch] = []
    position = 0
    for start in sorted(best):
        if start < position:
            continue
        rank, _, _, surface = best[start]
        found.append(_NameMatch(start, start + len(surface), _GROUPS[rank], surface))
        position = start + len(surface)
    return found


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def mentions(text: str, lowered: str | EllipsisType | None = ...) -> list[Mention]:
    """Provinces, central bodies and countries named in ``text``, left to right.

    A province name after "huyện", "xã", "đường", "Báo"… names a district, street or newspaper,
    not the province, and is left out. Country names that are ordinary words ("Anh", "Đức",
    "Nhật", "Mỹ", "Ý", "Áo", "Bỉ") need a cue such as "nước" or a title to count.
    """
    found: list[Mention] = []
    countries = gazetteer.country_aliases()
    foreign_units = [
        Mention(
            m.start(),
            m.end(),
            "foreign",
            f"{m.group(1).lower()} {m.group(2)} ({countries[m.group(3)]})",
            "",
        )
        for m in (
            _foreign_unit_pattern().finditer(text) if _country_in_brackets().search(text) else ()
        )
    ]
    foreign_units += [
        Mention(m.start(), m.end(), "foreign", f"{m.group(1)} {countries[m.group(2)]}", "")
        for m in (_foreign_body_pattern().finditer(text) if _FOREIGN_BODY_CUE.search(text) else ())
    ]
    taken = [(m.start, m.end) for m in foreign_units]
    found.extend(foreign_units)
    covered_until = -1
    if lowered is ...:
        lowered = lowered_slices(text)
    for match in _name_matches(text, lowered):
        if match.start() < covered_until or any(s <= match.start() < e for s, e in taken):
            continue
        before = text[max(0, match.start() - 14) : match.start()]
        cue_match = _CUE.search(before)
        cue = cue_match.group(1) if cue_match else ""
        if cue in _BLOCKING_CUES:
            continue
        surface = match.surface
        if _FALSE_CONTINUATION.get(surface) and text.startswith(
            _FALSE_CONTINUATION[surface], match.end()
        ):
            continue  # "Thái Bình Dương" is the Pacific, not Thái Bình
        if match.kind == "central" and surface in _FOREIGNABLE:
            follower = _country_after(text, match.end())
            if follower:
                name, end = follower
                # a foreign government or ministry is its country (CONVENTIONS); its parliament
                # stays a body of its own
                label = (
                    name
                    if surface in _GOVERNMENT or surface.startswith("Bộ ")
                    else f"{surface} {name}"
                )
                found.append(Mention(match.start(), end, "foreign", label, cue))
                covered_until = end
                continue
        if match.kind == "central" and surface.startswith("bộ ") and _PART_OF_NOUN.search(before):
            continue  # "cán bộ Công an xã", "toàn bộ Tài chính": not the ministry
        if match.kind == "central":
            found.append(
                Mention(
                    match.start(), match.end(), "central", gazetteer.central_aliases()[surface], cue
                )
            )
        elif match.kind == "province":
            if surface in gazetteer.AMBIGUOUS and not cue and surface not in ("HCM", "Huế"):
                continue
            if not cue and _after_family_name(text, match.start()):
                continue  # "Phó Thủ tướng Trương Hòa Bình": a person's name
            found.append(
                Mention(
                    match.start(),
                    match.end(),
                    "province",
                    gazetteer.province_aliases()[surface],
                    cue,
                )
            )
        else:
            name = countries[surface]
            if surface in _COMMON_WORD_COUNTRIES and not _country_context(text, match.start()):
                continue
            found.append(Mention(match.start(), match.end(), "foreign", name, cue))
    return sorted(found, key=lambda m: m.start)


@functools.cache
def _country_in_brackets() -> re.Pattern[str]:
    """What every ``_foreign_unit_pattern`` match ends with, " (Nhật Bản)": one search for it
    (from bracket to bracket) rules out most articles before the slower pattern runs."""
    return re.compile(rf" \(({gazetteer.country_alternation()})\)")


@functools.cache
def _foreign_unit_pattern() -> re.Pattern[str]:
    """ "tỉnh Ishikawa (Nhật Bản)", "thành phố Saint Petersburg (Nga)", "bang Hessen (Đức)"."""
    countries = gazetteer.country_alternation()
    return re.compile(  # the look-ahead lets ``re`` skip to candidate letters
        rf"(?=[TtBbVv])(?<![\w])([Tt]ỉnh|[Tt]hành phố|[Bb]ang|[Vv]ùng|[Tt]ỉnh trưởng tỉnh)"
        rf" ((?:[{UPPER}][\w'-]*)(?: [{UPPER}][\w'-]*){{0,3}}) \(({countries})\)"
    )


# A foreign party, parliamentary chamber or committee, or youth union named with its country
# ("Đảng Cộng sản Cuba", "Đảng Dân tiến Nhật Bản", "Hạ viện Nhật Bản", "Ủy ban Quân lực Thượng
# viện Hoa Kỳ", "Trung ương Đoàn TNCS Cuba", "Đoàn Thanh niên Nhân dân cách mạng Lào"): an actor
# of its own, as the gold names it.
_FOREIGN_BODY_CUE = re.compile(
    r"Đảng|Hạ viện|Thượng viện|Nghị viện|Trung ương Đoàn|Đoàn Thanh niên"
)
_PARTY_WORDS = "sản|tiến|chủ|do|động|mạng|hội|dân|thủ|xã|nhân|cách|tự|lao|bảo|công|quốc"


@functools.cache
def _foreign_body_pattern() -> re.Pattern[str]:
    countries = gazetteer.country_alternation()
    return re.compile(
        rf"(?=[ỦĐHTN])(?<![\w])((?:Ủy ban(?: [{UPPER}][\w'-]*(?: [\w'-]+)?) (?=[HTN]\w+ viện))?"
        rf"(?:Đảng|Hạ viện|Thượng viện|Nghị viện|Trung ương Đoàn|Đoàn Thanh niên)"
        rf"(?: (?:[{UPPER}][\w'-]*|(?:{_PARTY_WORDS})(?![\w]))){{0,4}}?) ({countries})(?![\w])"
    )


def _after_family_name(text: str, start: int) -> bool:
    word = text[max(0, start - 8) : start]
    if not word.endswith(" "):
        return False
    return word.rstrip().rsplit(" ", 1)[-1] in COMMON_SURNAMES


# a foreign government or head of state is its country: "Chủ tịch nước Trung Quốc Tập Cận Bình"
_GOVERNMENT = {"Chính phủ", "Nhà nước", "Chủ tịch nước"}
# "Thái Bình Dương" is the Pacific; "Điện Biên Phủ" a street, a battle or the provincial town
_FALSE_CONTINUATION = {"Thái Bình": " Dương", "Bình Dương": " Châu", "Điện Biên": " Phủ"}
_FOREIGNABLE = set(gazetteer.CENTRAL_BODIES) | {"Bộ Quốc phòng", "Bộ Ngoại giao"}


def _country_after(text: str, end: int) -> tuple[str, int] | None:
    """ "Quốc hội Cuba", "Quốc hội Cộng hòa Liên bang Myanmar": the country right after."""
    found = gazetteer.country_after_pattern().match(text[end : end + 70])
    if found is None:
        return None
    return gazetteer.country_aliases()[found.group(1)], end + found.end()


# Words "bộ" ends without being a ministry ("cán bộ", "toàn bộ", "nội bộ", "đồng bộ"), or a
# capitalised word before it: a company's name ("công ty Cổ phần Thái Sơn bộ Quốc phòng")
_PART_OF_NOUN = re.compile(r"(?:(?:cán|toàn|nội|đồng|thiết|trang|bản|sơ)|[A-ZĐ]\w*)\s*$")

_COMMON_WORD_COUNTRIES = {
    "Anh",
    "Đức",
    "Nhật",
    "Mỹ",
    "Ý",
    "Áo",
    "Bỉ",
    "Nga",
    "Pháp",
    "Úc",
    "Séc",
    "Lào",
    "Iran",
    "Ba Lan",
    "Hà Lan",
    "Thái Lan",
}
_COUNTRY_CONTEXT = re.compile(
    r"(?:nước|quốc gia|Đại sứ|Tổng thống|Thủ tướng|Chính phủ|Quốc hội|Đại sứ quán|Bộ trưởng"
    r"|(?<![Tt]ập )đoàn|Đoàn|bạn|phía|của|với|tại|sang|từ|các|và|,"  # not "Tập đoàn Đức Bình"
    # "thăm chính thức Nga", "thăm cấp nhà nước Nhật Bản"
    r"|thăm|chính thức|cấp nhà nước|hữu nghị|Cộng hòa|Cộng hoà|Liên bang|Vương quốc"
    # "Bộ trưởng Quốc phòng Nga", "Hải quân Mỹ": a portfolio or a force of that country
    r"|Quốc phòng|Ngoại giao|Quân đội|Hải quân|Không quân"
    # "Ngoại trưởng Mỹ John Kerry", "Thượng nghị sĩ Mỹ", "đoàn công tác cấp cao Mỹ"
    r"|Ngoại trưởng|[Nn]ghị sĩ|cấp cao"
    # "Hoàng hậu Hà Lan Maxima", "Nhà vua Thái Lan": a royal of that country
    r"|Hoàng hậu|Nhà vua|Quốc vương|Nữ hoàng|Hoàng gia|Hoàng tử|Công chúa|Thái tử"
    r"|Toàn quyền)\s*$"  # "Toàn quyền Úc Peter Cosgrove": the Governor-General of that country
)


# "Bộ Bưu chính và Viễn thông Lào": a ministry's name, its last word in lower case (not a
# person's given name as in "Bộ trưởng Bộ Công Thương Trần Tuấn Anh"), then its country
_MINISTRY_BEFORE = re.compile(r"(?<!\w)Bộ(?: [^\W\d_]+){0,5} [^\W\d_A-ZĐ][^\W\d_]* $")


def _country_context(text: str, start: int) -> bool:
    return bool(
        _COUNTRY_CONTEXT.search(text[max(0, start - 16) : start])
        or _MINISTRY_BEFORE.search(text[max(0, start - 60) : start])
    )
