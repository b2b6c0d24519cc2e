"""Dates and reporting periods in Vietnamese news prose.

Hand-written because no library reads how Vietnamese news writes time: day-first dates with
no year ("Sáng 24/11", "ngày 5-2", "chiều 5.2"), months written "tháng 10/2020" or
"tháng 1.2017", periods ("giai đoạn 2016 - 2020", "từ đầu nhiệm kỳ 2020 - 2025 đến nay",
"trong gần 3 năm", "quý I/2017") whose meaning depends on the publication year. General date
parsers (dateparser and the like) turn one given string into one datetime: they do not find
"24/11" in running prose while leaving the ratio "169/182" alone, do not leave the year open
when the article does not give it, and know nothing of periods. Here the year comes only from
the publication date or the text (SPEC "Conventions": ``date``, ``period``), and a date whose
year cannot be known is written ``--MM-DD``.

- ``find_dates``: every date mention with its ISO value ("2020-11-24", "2020-10", "2020",
  "--11-24", "--10").
- ``resolve_year``: the year an article is about (publication year, else the text).
- ``find_period``: the period a figure refers to, from the text before it.

Everything here is pure; the regular expressions are compiled once at import.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "ArticleYear",
    "DateMention",
    "confident_year",
    "find_dates",
    "find_period",
    "find_term_start",
    "period_at",
    "published_year",
    "resolve_year",
    "year_scores",
]

_ANY_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in a text: ``text[start:end]`` and its ISO value.

    The span covers the date proper and a leading "ngày"/"tháng"/"năm" that belongs to it
    ("ngày 24/11", "tháng 10/2020", "năm 2020"), not a time of day ("Sáng" in "Sáng 24/11").
    """

    start: int
    end: int
    value: str


_LETTER = r"[^\W\d_]"
_END = rf"(?!{_LETTER})"
_YEAR = r"(?:19|20)\d\d"
_PUBLISHED = re.compile(rf"\s*({_YEAR})(?:-(\d\d))?")

# One pass over the digit runs of a text; each run is tried against the few patterns its
# preceding word allows (digit-led patterns are several times faster than letter-led ones).
_DIGIT_RUN = re.compile(r"\d+")
_WORDS_BEFORE = re.compile(
    rf"(?={_LETTER})(?<!{_LETTER})(?:({_LETTER}+)\s+)?({_LETTER}+)\s*,?\s*(\()?\s*$"
)
# "2-12/8/2019" (a run of days) is dated by its first day.
_DAYS = r"(\d{1,2})(?:\s*[-–]\s*\d{1,2}(?=[/.]))?"
_AT_FULL = re.compile(rf"{_DAYS}([/.-])(\d{{1,2}})\2((?:19|20)\d\d)(?![\d/.,-]\d|\d)")
_AT_DAY_MONTH = re.compile(rf"{_DAYS}([/.-])(\d{{1,2}})(?![\d/.,-]\d|\d|{_LETTER})")
_AT_WORDS = re.compile(
    rf"(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s*(?:năm|,)\s*({_YEAR}))?(?!\d)", re.IGNORECASE
)
# "ngày 02 đến ngày 06 tháng 10 năm 2017", "ngày 2 đến 6/10": a stay, dated by its first day
_AT_WORD_SPAN = re.compile(
    r"(\d{1,2})\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})(?:\s+tháng\s+|\s*[/.-]\s*)"
    rf"(\d{{1,2}})(?:(?:\s*(?:năm|,)\s*|[/.-])({_YEAR}))?(?![\d/])",
    re.IGNORECASE,
)
_AT_SPAN = re.compile(r"(\d{1,2})/(\d{1,2})\s*(?:đến|tới|-|–)\s*(\d{1,2})/(\d{1,2})(?![\d/])")
_AT_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:\s*[/.-]\s*|\s+năm\s+)({_YEAR})(?!\d)", re.IGNORECASE)
_AT_MONTH = re.compile(
    rf"(\d{{1,2}})(?![\d/.,-]|\s*năm\s+\d|\s+(?:tuổi|năm|ngày|tháng){_END})", re.IGNORECASE
)
_AT_YEAR = re.compile(rf"({_YEAR})(?!\d|\s*[-–—]\s*\d|\s+(?:đến|tới)\s+(?:năm\s+)?\d)")
_RANGE_YEARS = re.compile(rf"(?=[12])(?<!\d)({_YEAR})\s*[-–—]\s*({_YEAR})(?!\d)")

_DATE_MARKS = frozenset("/.-–")
_MONTH_OR_YEAR_BEFORE = re.compile(r"(?:tháng|năm|ngày)\s+$", re.IGNORECASE)
# Words that make a following day/month a date: "Sáng 24/11", "ngày 5-2", "hôm 3/2".
_DAY_WORDS = frozenset("ngày sáng chiều tối trưa đêm hôm khuya mùng mồng nay qua mai nhật".split())
_WEEKDAYS = frozenset("hai ba tư năm sáu bảy".split())


def published_year(published: str | None) -> int | None:
    """The year of an ISO (possibly partial) publication date: "2023-11" → 2023."""
    if not published:
        return None
    m = _PUBLISHED.match(published)
    return int(m.group(1)) if m else None


def _published_month(published: str | None) -> int | None:
    if not published:
        return None
    m = _PUBLISHED.match(published)
    return int(m.group(2)) if m and m.group(2) else None


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def _year_for(month: int, year: int | None, pub_month: int | None) -> int | None:
    """The year of a day/month written without one: the article's year, moved back (or
    forward) one year when the month is more than six months after (before) publication."""
    if year is None or pub_month is None:
        return year
    if month - pub_month > 6:
        return year - 1
    if pub_month - month > 6:
        return year + 1
    return year


def _day_value(day: int, month: int, year: int | None) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _scan(text: str, year: int | None, pub_month: int | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken = 0
    for run in _DIGIT_RUN.finditer(text):
        pos = run.start()
        if pos < taken or len(run.group()) > 4:
            continue
        after = text[run.end() : run.end() + 1]
        if after not in _DATE_MARKS and not _MONTH_OR_YEAR_BEFORE.search(
            text, max(0, pos - 8), pos
        ):
            continue  # the common case, an amount: no need to look at the words before it
        before = text[pos - 1 : pos]
        words = _WORDS_BEFORE.search(text, max(0, pos - 30), pos)
        prev2 = words.group(1).lower() if words and words.group(1) else ""
        prev = words.group(2).lower() if words else ""
        word_start = words.start(2) if words else pos
        new: list[DateMention] = []
        y: int | None
        if before not in ("/", ".", ",", "-"):
            m = _AT_FULL.match(text, pos)
            if m:
                d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
                if _valid(d, mo, y):
                    begin = word_start if prev == "ngày" else pos
                    new = [DateMention(begin, m.end(), _day_value(d, mo, y))]
            elif prev == "ngày" and (m := _AT_WORDS.match(text, pos)):
                d, mo = int(m.group(1)), int(m.group(2))
                y = int(m.group(3)) if m.group(3) else _year_for(mo, year, pub_month)
                if _valid(d, mo, y):
                    new = [DateMention(word_start, m.end(), _day_value(d, mo, y))]
            elif prev == "ngày" and (m := _AT_WORD_SPAN.match(text, pos)):
                mo = int(m.group(3))
                y = int(m.group(4)) if m.group(4) else _year_for(mo, year, pub_month)
                for d, begin, end in ((1, word_start, m.end(1)), (2, m.start(2), m.end())):
                    if _valid(int(m.group(d)), mo, y):
                        new.append(DateMention(begin, end, _day_value(int(m.group(d)), mo, y)))
            elif prev == "từ" and (m := _AT_SPAN.match(text, pos)):
                for dg, mg in ((1, 2), (3, 4)):
                    d, mo = int(m.group(dg)), int(m.group(mg))
                    y = _year_for(mo, year, pub_month)
                    if _valid(d, mo, y):
                        new.append(DateMention(m.start(dg), m.end(mg), _day_value(d, mo, y)))
            elif (
                prev in _DAY_WORDS
                or (prev in _WEEKDAYS and prev2 == "thứ")
                or (prev == "sáng" and prev2 == "rạng")
            ) and (m := _AT_DAY_MONTH.match(text, pos)):
                d, mo = int(m.group(1)), int(m.group(3))
                y = _year_for(mo, year, pub_month)
                paren = words is not None and words.group(3) is not None
                if _valid(d, mo, y):
                    begin = word_start if prev == "ngày" and not paren else pos
                    new = [DateMention(begin, m.end(), _day_value(d, mo, y))]
            elif prev == "tháng":
                m = _AT_MONTH_YEAR.match(text, pos)
                if m and 1 <= int(m.group(1)) <= 12:
                    new = [DateMention(word_start, m.end(), f"{m.group(2)}-{int(m.group(1)):02d}")]
                elif (m := _AT_MONTH.match(text, pos)) and 1 <= int(m.group(1)) <= 12:
                    mo = int(m.group(1))
                    y = _year_for(mo, year, pub_month)
                    value = f"{y:04d}-{mo:02d}" if y else f"--{mo:02d}"
                    new = [DateMention(word_start, m.end(), value)]
            elif (
                prev == "năm"
                and (m := _AT_YEAR.match(text, pos))
                and not _RANGE_YEARS.search(text, max(0, pos - 8), pos + 4)
            ):
                new = [DateMention(word_start, m.end(), m.group(1))]
        if new:
            found.extend(new)
            taken = new[-1].end
    return found


def find_dates(
    text: str, published: str | None = None, *, year: int | None = None
) -> list[DateMention]:
    """Every date mention in ``text``, in order, without overlaps.

    Recognised: "24/11/2020", "25-1-2017", "15.3.2017"; "ngày 24 tháng 11 (năm 2020)"; a day
    and month after a word that makes them a date ("Sáng 24/11", "ngày 5-2", "chiều 5.2",
    "hôm 3/2", "Hôm nay (6/2)", "thứ Hai (24/11)", "từ 20/5 đến 11/6"); "tháng 10/2020",
    "tháng 1.2017", "tháng 10 năm 2020"; "tháng 10"; "năm 2020" (not "năm 2016 - 2020").
    A bare "24/11" or "24.11" is too ambiguous (a ratio, a score, a decimal) and is left alone.

    A date written without its year takes ``year`` if given, else the year of ``published``
    (moved by one when the month is more than six months away from the publication month);
    pass ``year=resolve_year(text, None)`` to use the year the text is about. When no year is
    known the value is ``--MM-DD`` (``--MM`` for a month). Impossible dates (31/11) are skipped.
    """
    if not _ANY_DIGIT.search(text):
        return []
    known = year if year is not None else published_year(published)
    pub_month = _published_month(published) if year is None else None
    return _scan(text, known, pub_month)


# --------------------------------------------------------------------------------------------
# The article's year

_BIRTH = re.compile(r"(?:\bSN|sinh)\s*(?:năm\s*)?$", re.IGNORECASE)
# A horizon ("đến năm 2030", "tầm nhìn đến năm 2050", "trước năm 2025") is not what the article
# is about.
_DOCUMENT = re.compile(
    r"(?:/[A-ZĐ]{2,}[-A-ZĐ]*|Nghị\s+định|Quyết\s+định|Thông\s+tư|Nghị\s+quyết|Chỉ\s+thị"
    r"|Công\s+văn|Luật)[^.;\n]{0,30}$",
    re.IGNORECASE,
)
_AHEAD = re.compile(r"(?:đến|tới|trước|vào|tầm\s+nhìn(?:\s+đến)?)\s+năm\s+$", re.IGNORECASE)


def year_scores(text: str) -> dict[int, float]:
    """How strongly the text names each year (see ``resolve_year``)."""
    score: dict[int, float] = {}
    for mention in _scan(text, None, None):
        if mention.value.startswith("-"):
            continue
        before = max(0, mention.start - 40)
        if _BIRTH.search(text, max(0, mention.start - 12), mention.start + 4):
            continue
        if _DOCUMENT.search(text, before, mention.start) or _AHEAD.search(
            text, before, mention.start + 4
        ):
            weight = 0.25
        else:
            weight = 1.0
        y = int(mention.value[:4])
        score[y] = score.get(y, 0.0) + weight
    for m in _RANGE_YEARS.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if first < last <= first + 50:
            score[first] = score.get(first, 0.0) + 0.5
            score[last] = score.get(last, 0.0) + 0.5
    return score


def resolve_year(text: str, published: str | None) -> int | None:
    """The year the article is about: the publication year when ``published`` has one, else
    the year the text names most. Each date, month ("tháng 10/2020") or year ("năm 2020")
    counts 1 and each end of a range ("2016 - 2020") 0.5; the date of a cited document
    ("Nghị định số 43/2014/NĐ-CP ngày 15/5/2014") and a horizon ("đến năm 2050") count 0.25;
    birth years ("SN 1994", "sinh năm 1990") do not count. Ties go to the later year; None when
    the text names no year."""
    year = published_year(published)
    if year is not None:
        return year
    return _best_year(year_scores(text))


def _best_year(score: dict[int, float]) -> int | None:
    """The year named most; ties go to the later year."""
    return max(score, key=lambda y: (score[y], y)) if score else None


def confident_year(text: str, published: str | None) -> int | None:
    """The year an event of the article can be dated with: the publication year, else the year
    the text names clearly more than any other (at least twice, and twice as often as the
    next). A year the text names once or among others is a guess: a visit then keeps
    ``--MM-DD`` (the gold convention: the year only when the text gives it)."""
    year = published_year(published)
    if year is not None:
        return year
    score = year_scores(text)
    best = _best_year(score)
    if best is None:
        return None
    ranked = sorted(score.values(), reverse=True)
    runner_up = ranked[1] if len(ranked) > 1 else 0.0
    return best if ranked[0] >= MIN_YEAR_SCORE and ranked[0] >= 2 * runner_up else None


# --------------------------------------------------------------------------------------------
# Periods

_NUMBER_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_COUNT = r"\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
_DASH = r"\s*[-–—]\s*"
_TERM = re.compile(rf"nhiệm\s+kỳ\s+({_YEAR}){_DASH}({_YEAR})(?!\d)", re.IGNORECASE)

_P_TERM_SO_FAR = re.compile(
    rf"(?<!{_LETTER})(?:từ\s+)?(?:đầu\s+)?nhiệm\s+kỳ\s+(?P<a>{_YEAR}){_DASH}(?P<b>{_YEAR})"
    rf"\s+(?:đến|tới)\s+nay{_END}",
    re.IGNORECASE,
)
_P_SINCE = re.compile(
    rf"(?<!{_LETTER})từ\s+(?:năm\s+)?(?P<a>{_YEAR})\s+(?:đến|tới)\s+nay{_END}", re.IGNORECASE
)
_P_RANGE = re.compile(
    rf"(?:(?<!{_LETTER})(?:từ\s+)?(?:năm\s+))?(?<!\d)(?P<a>{_YEAR})"
    rf"(?:{_DASH}|\s+(?:đến|tới)\s+(?:hết\s+)?(?:(?:tháng\s+\d{{1,2}}\s*[/.-]\s*)|năm\s+)?)"
    rf"(?P<b>{_YEAR})(?!\d)",
    re.IGNORECASE,
)
_P_FULL_DATE = re.compile(
    rf"(?<![\d/.])(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>{_YEAR})(?!\d)"
)
_P_UNTIL = re.compile(r"(?:đến|tới|tính\s+đến|hết)\s+(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)
_P_MONTH_YEAR = re.compile(
    rf"(?<!{_LETTER})tháng\s+(?P<m>\d{{1,2}})\s*(?:[/.-]\s*|\s+năm\s+)(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)
_P_QUARTER = re.compile(
    rf"(?<!{_LETTER})quý\s+(?:[IV]+|[1-4])\s*(?:[/.-]\s*|\s+năm\s+)(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)
_P_YEAR = re.compile(
    rf"(?<!{_LETTER})(?:năm|trong|hết|cuối|đầu)\s+(?P<y>{_YEAR})(?!\d|{_DASH}\d)", re.IGNORECASE
)
_P_COMPARED = re.compile(r"so\s+với\s+(?:cùng\s+kỳ\s+)?$", re.IGNORECASE)
_P_LAST_YEARS = re.compile(
    rf"(?<!{_LETTER})(?P<lead>(?:trong|qua|sau)\s+)?(?:(?:gần|hơn|khoảng|trên|chưa\s+đầy)\s+)?"
    rf"(?P<n>{_COUNT})\s+năm(?P<tail>\s+(?:qua|vừa\s+qua|gần\s+đây|trở\s+lại\s+đây))?"
    rf"(?!\s*(?:tới|nữa|sau|tù|tuổi|trước|đầu|học)(?!{_LETTER}))(?!{_LETTER})",
    re.IGNORECASE,
)
_P_TERM_START = re.compile(
    rf"(?<!{_LETTER})đầu\s+nhiệm\s+kỳ(?!\s+(?:{_YEAR}|này\s+đến))", re.IGNORECASE
)
_P_THIS_YEAR = re.compile(
    rf"(?<!{_LETTER})(?:năm\s+nay|từ\s+đầu\s+năm|đầu\s+năm\s+đến\s+nay|tháng\s+đầu\s+năm"
    rf"|cuối\s+năm|trong\s+năm)(?!\s+(?:{_YEAR}|\d|ngoái|trước|qua|sau)){_END}",
    re.IGNORECASE,
)
_P_LAST_YEAR = re.compile(rf"(?<!{_LETTER})(?<!\d\s)năm\s+(?:ngoái|trước){_END}", re.IGNORECASE)
_P_MONTH = re.compile(
    rf"(?<!{_LETTER})tháng\s+(?P<m>\d{{1,2}})(?![\d/.,-]|\s*năm\s+\d|\s+tuổi)", re.IGNORECASE
)

_RESET = re.compile(rf"(?<!{_LETTER})lũy\s+kế{_END}", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\n|[!?…]|\.(?!\d)(?=\s|$)")


def find_term_start(text: str) -> int | None:
    """The start year of the first term written "nhiệm kỳ 2020 - 2025" in ``text``."""
    m = _TERM.search(text)
    return int(m.group(1)) if m else None


def _candidates(
    clause: str, year: int | None, term_start: int | None
) -> list[tuple[int, int, str]]:
    """Every period mention in ``clause`` as (start, end, SPEC period)."""
    out: list[tuple[int, int, str]] = []
    for m in _P_TERM_SO_FAR.finditer(clause):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b:
            last = b if year is None else max(a, min(year, b))
            out.append((m.start(), m.end(), f"{a}-{last}" if last > a else str(a)))
    for m in _P_SINCE.finditer(clause):
        a = int(m.group("a"))
        if year is not None and year >= a:
            out.append((m.start(), m.end(), f"{a}-{year}" if year > a else str(a)))
    for m in _P_RANGE.finditer(clause):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= a + 50:
            out.append((m.start(), m.end(), f"{a}-{b}"))
    for m in _P_FULL_DATE.finditer(clause):
        mo, y = int(m.group("m")), int(m.group("y"))
        if _valid(int(m.group("d")), mo, y):
            until = _P_UNTIL.search(clause, max(0, m.start() - 20), m.start())
            out.append((m.start(), m.end(), str(y) if until else f"{y}-{mo:02d}"))
    for m in _P_MONTH_YEAR.finditer(clause):
        mo = int(m.group("m"))
        if 1 <= mo <= 12:
            out.append((m.start(), m.end(), f"{m.group('y')}-{mo:02d}"))
    for m in _P_QUARTER.finditer(clause):
        out.append((m.start(), m.end(), m.group("y")))
    for m in _P_YEAR.finditer(clause):
        if not _P_COMPARED.search(clause, max(0, m.start() - 20), m.start()):
            out.append((m.start(), m.end(), m.group("y")))
    if year is not None:
        for m in _P_LAST_YEARS.finditer(clause):
            if not (m.group("lead") or m.group("tail")):
                continue
            word = m.group("n").lower()
            n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
            if 1 <= n <= 30:
                out.append((m.start(), m.end(), f"{year - n + 1}-{year}" if n > 1 else str(year)))
        for m in _P_THIS_YEAR.finditer(clause):
            out.append((m.start(), m.end(), str(year)))
        for m in _P_LAST_YEAR.finditer(clause):
            out.append((m.start(), m.end(), str(year - 1)))
        for m in _P_MONTH.finditer(clause):
            mo = int(m.group("m"))
            if 1 <= mo <= 12:
                out.append((m.start(), m.end(), f"{year}-{mo:02d}"))
    for m in _P_TERM_START.finditer(clause):
        start = term_start
        if start is None and year is not None:
            # Party congress terms run 2015-2020, 2020-2025, ...: the term under way in `year`.
            start = year - 5 if year % 5 == 0 else year - year % 5
        if start is not None:
            out.append((m.start(), m.end(), str(start)))
    return out


def _closest(clause: str, year: int | None, term_start: int | None) -> str | None:
    found = _candidates(clause, year, term_start)
    if not found:
        return None
    return max(found, key=lambda c: (c[1], -c[0]))[2]


def find_period(
    clause: str,
    published: str | None = None,
    year: int | None = None,
    *,
    term_start: int | None = None,
) -> str | None:
    """The period (SPEC ``period``) a figure refers to, from ``clause``: the text of its sentence
    *up to the figure* (pass ``sentence[:quantity.start]``; a shorter clause works too).

    The mention closest before the figure wins, looking first in the figure's own ``;`` clause
    and, failing that, in an introductory phrase that opens the sentence and governs all of it
    ("Dự kiến đến cuối năm 2020, toàn tỉnh có 169/182 xã ...; 4/10 huyện ..." → "2020").
    "lũy kế" (cumulative) between the mention and the figure cancels it.

    Relative periods need the article's year: the year of ``published``, else ``year`` (e.g.
    from ``resolve_year``). "từ đầu nhiệm kỳ 2020 - 2025 đến nay" → "2020-<year>" (the whole
    term "2020-2025" without a year); "trong gần 3 năm", "3 năm qua" → "<year-2>-<year>" (None
    without a year); "đầu nhiệm kỳ" → ``term_start`` (see ``find_term_start``), else the Party
    term under way in the article's year. "quý I/2017" → "2017"; "tháng 10/2020" → "2020-10";
    "tính đến ngày 31/10/2018" → "2018". None when the text gives no period.
    """
    known = published_year(published)
    if known is None:
        known = year
    sentence_from = 0
    for m in _SENTENCE_END.finditer(clause):
        sentence_from = m.end()
    sentence = clause[sentence_from:]
    cut = sentence.rfind(";")
    own = sentence[cut + 1 :]
    reset = None
    for m in _RESET.finditer(own):
        reset = m
    if reset is not None:
        return _closest(own[reset.end() :], known, term_start)
    period = _closest(own, known, term_start)
    if period is not None or cut < 0:
        return period
    # An introductory phrase: the sentence opens with the period, then a comma, before any
    # other figure ("Riêng trong năm 2020, tỉnh ...", "Trong gần 3 năm, toàn tỉnh ...").
    head = sentence[: sentence.find(";")]
    comma = head.find(",")
    while comma >= 0:
        intro = head[:comma]
        found = _candidates(intro, known, term_start)
        if found:
            last = max(found, key=lambda c: (c[1], -c[0]))
            tail = intro[last[1] :]
            if not any(ch.isdigit() for ch in tail) and len(tail.split()) <= 3:
                return last[2]
            return None
        if any(ch.isdigit() for ch in intro):
            return None
        comma = head.find(",", comma + 1)
    return None


def period_at(
    text: str,
    start: int,
    published: str | None = None,
    year: int | None = None,
    *,
    term_start: int | None = None,
) -> str | None:
    """``find_period`` for the figure at ``text[start]``, looking back to its sentence start."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        begin = m.end()
    return find_period(text[begin:start], published, year, term_start=term_start)


MIN_YEAR_SCORE = 2.0


class ArticleYear:
    """``resolve_year(text, published)`` (``confident_year`` with ``confident=True``), computed
    on first use: most articles report no visit and no indicator, and then never need it."""

    def __init__(self, text: str, published: str | None, *, confident: bool = False) -> None:
        self._text = text
        self._published = published
        self._resolve = confident_year if confident else resolve_year
        self._value: int | None = None
        self._known = False

    @property
    def value(self) -> int | None:
        if not self._known:
            self._value = self._resolve(self._text, self._published)
            self._known = True
        return self._value


_DAY_VALUE = re.compile(r"-\d\d-\d\d$")
# A year alone: in a visit's sentences it is a plan's horizon ("đến năm 2030") or the year of
# something recalled.
_YEAR_ONLY = re.compile(r"\d{4}$")


class SentenceDates:
    """The first date written in each sentence, found only for the sentences asked about (few
    sentences report a visit). Dates without a year take the publication date's, else
    ``year``'s."""

    def __init__(
        self, sentences: list[str], published: str | None, year: ArticleYear | None = None
    ) -> None:
        self._sentences = sentences
        self._published = published
        self._year = year
        self._found: dict[int, str | None] = {}

    def _reference(self) -> str | None:
        if self._published or self._year is None:
            return self._published
        year = self._year.value
        return str(year) if year else None

    def get(self, index: int) -> str | None:
        if index not in self._found:
            mentions = find_dates(self._sentences[index], self._reference())
            self._found[index] = mentions[0].value if mentions else None
        return self._found[index]

    def day_for(self, index: int, lead_end: int, also: Sequence[int] = ()) -> str | None:
        """The date of an event told in sentence ``index`` (and in the sentences ``also``): its
        own date, else the first date with a day written up to it (a headline's "Nửa đầu năm
        2018" does not date the visit of "Ngày 20/8, …"), else the date of a sentence of
        ``also``, else, for a headline or lead sentence (``index`` < ``lead_end``), the first
        day in the lead after it, else ``first_up_to``."""
        own = self._event_date(index)
        if own:
            return own
        for k in range(min(index, len(self._sentences) - 1) + 1):
            found = self.get(k)
            if found and _DAY_VALUE.search(found):
                return found
        for k in also:
            found = self._event_date(k)
            if found:
                return found
        for k in range(index + 1, min(lead_end, len(self._sentences))):
            found = self.get(k)
            if found and _DAY_VALUE.search(found):
                return found
        return self.first_up_to(index + 1)

    def first_up_to(self, last: int) -> str | None:
        """The first date of the text, when it is written in sentence ``last`` or before."""
        for index in range(min(last, len(self._sentences) - 1) + 1):
            found = self._event_date(index)
            if found:
                return found
        return None

    def _event_date(self, index: int) -> str | None:
        """The sentence's first date, unless it is a year alone: that dates no event."""
        found = self.get(index)
        return None if found is None or _YEAR_ONLY.match(found) else found
