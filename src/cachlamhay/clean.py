"""Cleaning for Vietnamese news text: one named function per rule.

Written here because the noise is specific to Vietnamese news sites (tone-mark styles, source
tags such as "(Baohatinh.vn) -", image captions that repeat the title, "Chủ đề …" footers) and
no general boilerplate remover sees plain text that way. ``clean_document`` applies the rules in
order; the text it returns is what every later fact's offsets point into, so nothing after it
may change the text, only mark spans in it (captions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cachlamhay.document import CleanDocument, RawDocument
from cachlamhay.spans import Span, trimmed_span
from cachlamhay.vntext import UPPER, fold, normalize_unicode

_HEADER_KEYS = ("date", "published", "source", "url", "author", "title", "id")
_INLINE_HEADER = re.compile(rf"^\s*({'|'.join(_HEADER_KEYS)})\s+(\S+)(?:\s+|$)", re.IGNORECASE)
_HASH_HEADER = re.compile(r"^\s*#\s*([A-Za-z_][\w-]*)\s*[=:]\s*(.*?)\s*$")

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def normalize_date(value: object) -> str | None:
    """ "2023-11", "2020-11-24T08:00:00+07:00", "24/11/2020" → ISO "YYYY[-MM[-DD]]"; else None."""
    if value is None:
        return None
    text = str(value).strip()
    vn = _VN_DATE.match(text)
    if vn:
        day, month, year = (int(g) for g in vn.groups())
        return _iso(year, month, day)
    iso = _ISO_DATE.match(text)
    if not iso:
        return None
    iso_month, iso_day = iso.group(2), iso.group(3)
    return _iso(
        int(iso.group(1)),
        int(iso_month) if iso_month else None,
        int(iso_day) if iso_day else None,
    )


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Metadata lines at the top (`` date 2023-11 Title…`` or ``# key = value``) → fields, rest.

    seeds/004 starts with `` date 2023-11 `` on the same line as the title, so a known key and
    its value are taken off the front of the line and the remainder stays as the title.
    """
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        hashed = _HASH_HEADER.match(line)
        if hashed:
            fields[hashed.group(1).lower()] = hashed.group(2)
            index += 1
            continue
        inline = _INLINE_HEADER.match(line)
        if inline and _plausible_header_value(inline.group(1).lower(), inline.group(2)):
            fields[inline.group(1).lower()] = inline.group(2)
            lines[index] = line[inline.end() :]
            if not lines[index].strip():
                index += 1
            continue
        if not line.strip() and not fields:
            index += 1
            continue
        break
    return fields, "\n".join(lines[index:])


def _plausible_header_value(key: str, value: str) -> bool:
    if key in ("date", "published"):
        return normalize_date(value) is not None
    if key == "url":
        return value.startswith(("http://", "https://"))
    return key in ("source", "id")


def tidy_lines(text: str) -> list[str]:
    """Lines with single inner spaces and no trailing white space."""
    return [
        (_SPACE_RUN.sub(" ", line) if "  " in line else line).strip() for line in text.split("\n")
    ]


def drop_repeated_title(lines: list[str], title: str) -> tuple[list[str], set[int]]:
    """Keep the first line equal to the title; drop the others (image alt text on news sites).

    Returns the new lines and the indices (in them) of lines that followed a dropped title line:
    those are the image captions.
    """
    key = fold(title).strip(" .")
    kept: list[str] = []
    after_dropped: set[int] = set()
    seen = False
    pending = False
    for line in lines:
        # folding keeps lengths, so only lines as long as the title need folding
        if key and len(line.strip(" .")) == len(key) and fold(line).strip(" .") == key:
            if seen:
                pending = True
                continue
            seen = True
        elif pending and line:
            after_dropped.add(len(kept))
            pending = False
        kept.append(line)
    return kept, after_dropped


_FOOTER_LINE = re.compile(
    r"^(?:Chủ đề\s+[^.!?]{0,80}|Đọc thêm|Xem thêm|Tin liên quan|Tin cùng chuyên mục|Tin mới.*"
    r"|Thông tin bạn đọc|Bình luận|Ý kiến bạn đọc|Chia sẻ|Từ khóa\s*:.*|Tags?\s*:.*"
    r"|Bấm vào ảnh để xem đầy đủ\.?|Emagazine|Truyền hình|Podcast)$",
    re.IGNORECASE,
)


def is_footer_line(line: str) -> bool:
    return bool(_FOOTER_LINE.match(line))


def strip_footer(lines: list[str]) -> list[str]:
    """Remove the navigation residue at the end ("Chủ đề …", "Đọc thêm", "Tin mới Emagazine…")."""
    end = len(lines)
    while end > 0 and (not lines[end - 1] or is_footer_line(lines[end - 1])):
        end -= 1
    return lines[:end]


_NAME_WORD = rf"[{UPPER}][\w'.-]*"
_BYLINE = re.compile(
    rf"^(?P<author>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
    r"(?:\s*\((?P<note>[^()]{1,60})\))?\s*\.?$"
)
_VIA = re.compile(r"^(?:Theo|Nguồn)\s*:?\s+(?P<via>[^.!?]{2,60}?)\s*\.?$")
_SPACE_RUN = re.compile(r" {2,}")
_SENTENCE_END = re.compile(r"(?:[.!?…:;\"”’)]|/\.)\s+(?=[^\s]+(?:\s+[^\s]+){0,7}\s*$)")


@dataclass(slots=True)
class Byline:
    author: str | None = None
    via: str | None = None


def _parse_byline(fragment: str) -> Byline | None:
    fragment = fragment.strip()
    via = _VIA.match(fragment)
    if via:
        return Byline(via=via.group("via").strip())
    match = _BYLINE.match(fragment)
    if not match or any(ch.isdigit() for ch in match.group("author")):
        return None
    return Byline(author=match.group("author").strip())


def extract_byline(lines: list[str]) -> tuple[Byline, list[str]]:
    """Take the author ("Thu Hà", "Kim Thanh (T/h)") or credit ("Theo VTC14") off the end.

    The byline is either the whole last line or, in one-paragraph bodies (baomoi), the few
    capitalized words after the last sentence. A last line of ordinary words is left alone.
    """
    if len(lines) < 2 or not lines[-1]:
        return Byline(), lines
    last = lines[-1]
    whole = _parse_byline(last) if len(last.split(None, 8)) <= 8 else None  # ≤ 8 words
    if whole:
        return whole, _strip_trailing_empty(lines[:-1])
    tail = _SENTENCE_END.search(last, _start_of_last_words(last, 9))
    if tail:
        inline = _parse_byline(last[tail.end() :])
        if inline:
            return inline, [*lines[:-1], last[: tail.end()].rstrip()]
    return Byline(), lines


def _start_of_last_words(line: str, count: int) -> int:
    """Where the last ``count`` words of ``line`` begin: ``_SENTENCE_END`` needs at most 8 words
    after its match, so searching from here finds the same match without scanning the whole
    one-paragraph body."""
    pieces = line.rsplit(None, count)
    if len(pieces) <= count:
        return 0
    head = len(pieces[0])  # the text before them, leading spaces kept, trailing ones not
    return len(line) - len(line[head:].lstrip())


def _strip_trailing_empty(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines = lines[:-1]
    return lines


_SOURCE_TAG = re.compile(r"^\((?P<tag>[^()\d,]{2,40}?)\)\s*[-–—]+\s*")


def extract_source_tag(lines: list[str]) -> tuple[str | None, list[str]]:
    """ "(Baohatinh.vn) - Chia sẻ …" in the lead → source "baohatinh.vn", tag removed."""
    for index, line in enumerate(lines[:6]):
        match = _SOURCE_TAG.match(line)
        if match:
            tag = match.group("tag").strip()
            source = tag.lower() if "." in tag else tag
            return source, [*lines[:index], line[match.end() :], *lines[index + 1 :]]
    return None, lines


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """No leading or trailing blank line, never two blank lines in a row."""
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return _strip_trailing_empty(out)


_CAPTION_LINE = re.compile(
    r"^\(?(?:Ảnh|Hình|Nguồn ảnh|Đồ họa|Video|Clip)(?: minh họa)?\s*(?::|\)|\.|$)",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(r"[(\[]?\s*(?:Ảnh|Nguồn ảnh|Đồ họa)\s*:\s*[^.()\[\]]{1,60}[)\]]?\.?$")


def is_caption_line(line: str) -> bool:
    """A photo caption or credit: "Ảnh: Thu Hà", "(Ảnh minh họa)", "… hội nghị. Ảnh: TTXVN"."""
    if _CAPTION_LINE.match(line):
        return True
    return len(line.split(None, 40)) <= 40 and bool(_CREDIT_TAIL.search(line))  # ≤ 40 words


_LEADING_CREDIT = re.compile(r"^\((?:Ảnh|Nguồn ảnh|Nguồn|Đồ họa|Video)[^()]{0,80}\)\s*")
# "Ảnh minh họa. (Nguồn: TTXVN) Liên quan đến …", "Ảnh minh họa. Nguồn: internet Theo đó, …":
# an illustration's credit with the paragraph run on after it (baomoi lost the line break)
_LEADING_ILLUSTRATION = re.compile(
    r"^(?:Ảnh|Hình) minh họa\s*(?:[.:]\s*[Ii]nternet\.?|\.)\s*"
    r"(?:\((?:Nguồn|Ảnh)\s*:?[^()]{0,40}\)\.?\s*|Nguồn\s*:?\s*[Ii]nternet\.?\s*)?"
)


def caption_spans(text: str, lines: list[str], after_title: set[int]) -> list[Span]:
    """Spans of caption lines in ``text`` (which is ``"\\n".join(lines)``).

    A body that starts with a credit ("(Ảnh minh họa. Thái Hùng/TTXVN) Ngày 6/2, …", "Ảnh minh
    họa. (Nguồn: TTXVN) Liên quan đến …", common in baomoi) has only the credit marked, not the
    paragraph.
    """
    spans: list[Span] = []
    offset = 0
    for index, line in enumerate(lines):
        credit = _LEADING_CREDIT.match(line) or _LEADING_ILLUSTRATION.match(line)
        if credit and len(line[credit.end() :].split()) > 15:
            spans.append(trimmed_span(text, offset, offset + credit.end()))
        elif line and (index in after_title or is_caption_line(line)):
            spans.append(trimmed_span(text, offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def clean_document(raw: RawDocument) -> CleanDocument:
    """Apply every rule, in order, and return the document whose text facts point into."""
    fields, body = parse_header(normalize_unicode(raw.text))
    lines = tidy_lines(body)
    title = _clean_title(raw.title or fields.get("title")) or next((ln for ln in lines if ln), None)
    if title and not any(fold(ln).strip(" .") == fold(title).strip(" .") for ln in lines[:5]):
        lines = [title, "", *lines]
    lines = collapse_blank_lines(lines)
    after_title: set[int] = set()
    if title:
        lines, after_title = drop_repeated_title(lines, title)
    lines = strip_footer(lines)
    byline, lines = extract_byline(lines)
    tag_source, lines = extract_source_tag(lines)
    lines, after_title = _collapse_keeping_marks(lines, after_title)
    text = "\n".join(lines)
    meta = dict(raw.meta)
    if byline.via:
        meta["via"] = byline.via
    if tag_source and raw.source and raw.source != tag_source:
        meta["aggregator"] = raw.source
    return CleanDocument(
        id=raw.id,
        text=text,
        raw_text=raw.text,
        origin=raw.origin,
        title=title,
        url=raw.url or fields.get("url"),
        source=tag_source or raw.source or fields.get("source"),
        published=normalize_date(raw.published or fields.get("published") or fields.get("date")),
        author=raw.author or byline.author or fields.get("author"),
        captions=caption_spans(text, lines, after_title),
        meta=meta,
    )


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return re.sub(r"\s+", " ", normalize_unicode(title)).strip() or None


def _collapse_keeping_marks(lines: list[str], marks: set[int]) -> tuple[list[str], set[int]]:
    out: list[str] = []
    moved: set[int] = set()
    for index, line in enumerate(lines):
        if not line and (not out or not out[-1]):
            continue
        if index in marks:
            moved.add(len(out))
        out.append(line)
    return _strip_trailing_empty(out), moved
