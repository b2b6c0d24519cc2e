"""What readers yield, and the helpers they share (ids, decoding)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError

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


def doc_id_from_path(path: Path) -> str:
    """seeds/000_c376ad1e370c138e.txt → "000_c376ad1e370c138e" (also for .html.gz and such)."""
    name = path.name
    for suffix in _COMPRESSED:
        name = name.removesuffix(suffix)
    stem = Path(name).stem
    return stem or name


def decode_text(data: bytes, where: str) -> str:
    """Bytes → str: UTF-8 (with or without BOM) or UTF-16 with a BOM; else a clear rejection."""
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
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _looks_binary(data):
            raise InputError(where, "binary file, not text", code="binary") from None
        raise InputError(
            where, f"invalid UTF-8 at byte {error.start}", code="bad-encoding"
        ) from None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05
