"""What readers yield, and the helpers they share (ids, decoding)."""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError
from cachlamhay.ingest import legacy

_COMPRESSED = (".gz",)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not ingested: where it is, why, and a stable code."""

    where: str
    reason: str
    code: str

    def line(self) -> str:
        return f"{self.where}: {self.reason}"

    def as_dict(self) -> dict[str, str]:
        return {"where": self.where, "reason": self.reason, "code": self.code}


Item = RawDocument | Rejection


def iter_gzip_lines(handle: IO[bytes], chunk_size: int = 1 << 16) -> Iterator[bytes]:
    """Complete lines of a (multi-member) gzip stream, streaming.

    Unlike ``gzip.open``, a stream cut short still yields every line before the break and then
    raises ``EOFError``; ``gzip`` loses the lines of the chunk in which the break falls.
    """
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    fed = False  # has the current member received any input?
    pending = b""
    while chunk := handle.read(chunk_size):
        while chunk:
            fed = True
            pending += decompressor.decompress(chunk)
            chunk = b""
            if decompressor.eof:  # the next gzip member, if any, starts in unused_data
                chunk = decompressor.unused_data
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                fed = False
        *lines, pending = pending.split(b"\n")
        for line in lines:
            yield line + b"\n"
    if fed and not decompressor.eof:  # the cut line is incomplete: drop it
        raise EOFError("compressed stream ended before the end-of-stream marker")
    if pending:
        yield pending


def doc_id_from_path(path: Path) -> str:
    """seeds/000_c376ad1e370c138e.txt → "000_c376ad1e370c138e" (also for .html.gz and such)."""
    name = path.name
    for suffix in _COMPRESSED:
        name = name.removesuffix(suffix)
    stem = Path(name).stem
    return stem or name


def decode_text(data: bytes, where: str, *, repair: bool = True) -> str:
    """Bytes → str: UTF-8 (with or without BOM) or UTF-16 with a BOM; else a clear rejection.
    ``repair=False`` leaves Windows-1252 mojibake to the caller (the JSONL reader repairs the
    parsed text instead, where JSON escapes no longer hide it).

    Legacy Vietnamese (TCVN3 or VNI bytes, or such bytes once read as Windows-1252 and saved as
    UTF-8) is converted to Unicode when the converted text is unmistakably Vietnamese
    (``ingest.legacy``); anything else that is not UTF-8 is rejected as before.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(
                where, f"invalid UTF-16 at byte {error.start}", code="bad-encoding"
            ) from None
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (NUL bytes), not text", code="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _looks_binary(data):
            raise InputError(where, "binary file, not text", code="binary") from None
        reading = legacy.read_legacy(data)
        if reading.confident():
            return reading.text
        reason = f"invalid UTF-8 at byte {error.start}{_legacy_hint(reading)}"
        raise InputError(where, reason, code="bad-encoding") from None
    repaired = legacy.repair_mojibake(text) if repair else None
    return text if repaired is None else repaired.text


def _legacy_hint(reading: legacy.Reading) -> str:
    """Why bytes that partly read as legacy Vietnamese were not converted ("" if they do not)."""
    if reading.distinct < 2 or reading.share() < 0.6:
        return ""
    if reading.share() >= legacy.MIN_SHARE:
        why = f"only {reading.distinct} different Vietnamese words, too few to be sure"
    else:
        checked = reading.words + reading.stray
        why = f"only {reading.vietnamese} of {checked} accented words read as Vietnamese"
    return f"; legacy Vietnamese ({reading.encoding}?) not converted: {why}"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
