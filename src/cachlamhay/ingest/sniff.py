"""Which reader a file needs: decided by its first bytes, then by its name."""

from __future__ import annotations

import zlib
from enum import Enum
from pathlib import Path

from cachlamhay.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
_TEXT_EXTENSIONS = {".txt", ".text", ".md", ""}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL_EXTENSIONS = {".jsonl", ".ndjson", ".json"}
_WARC_EXTENSIONS = {".warc", ".arc"}
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"SQLite format 3",
)


class Format(Enum):
    TEXT = "text"
    JSONL = "jsonl"
    HTML = "html"
    WARC = "warc"


def inner_suffix(path: Path) -> str:
    """The extension that tells the format: "a.jsonl.gz" → ".jsonl"."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a file, decompressed when it is gzip.

    A truncated gzip still shows its first bytes (the reader then keeps the records before the
    break); only a gzip whose very start cannot be decompressed is rejected here.
    """
    with path.open("rb") as handle:
        head = handle.read(size)
        if not head.startswith(GZIP_MAGIC):
            return head
        compressed = head + handle.read(64 * size)
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inflated = decompressor.decompress(compressed, size)
    except zlib.error as error:
        raise InputError(str(path), f"corrupt gzip ({error})", code="bad-gzip") from None
    if not inflated:
        if decompressor.eof and not decompressor.unused_data:  # complete, and empty
            raise InputError(str(path), "empty file (empty gzip)", code="empty")
        raise InputError(str(path), "truncated gzip (no data)", code="bad-gzip")
    return inflated


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with a BOM
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return b"\x00" in head or controls > len(head) * 0.05


def sniff(path: Path) -> Format:
    where = str(path)
    if path.stat().st_size == 0:
        raise InputError(where, "empty file", code="empty")
    head = read_head(path)
    if not head.strip():
        raise InputError(where, "empty file (only white space)", code="empty")
    if head.startswith(_BINARY_MAGIC):
        raise InputError(
            where, "binary file (PDF, image, archive or database), not an article", code="binary"
        )
    suffix = inner_suffix(path)
    if head.startswith(b"WARC/") or suffix in _WARC_EXTENSIONS:
        return Format.WARC
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in _JSONL_EXTENSIONS and stripped.startswith(b"{"):
        # JSON Lines judged line by line: a line of NUL bytes (a crash's padding) costs that
        # line, not the good records around it.
        return Format.JSONL
    if _looks_binary(head):
        raise InputError(where, "binary file (control bytes), not text", code="binary")
    if suffix in _JSONL_EXTENSIONS or (suffix in _TEXT_EXTENSIONS and stripped.startswith(b"{")):
        return Format.JSONL
    if suffix in _HTML_EXTENSIONS or stripped.startswith((b"<!doctype html", b"<html")):
        return Format.HTML
    if suffix in _TEXT_EXTENSIONS:
        return Format.TEXT
    raise InputError(where, f"unknown format (extension {suffix!r})", code="unknown-format")
