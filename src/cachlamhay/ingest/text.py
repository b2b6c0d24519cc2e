"""Plain-text articles: one file, one document; the cleaner reads any metadata header."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError
from cachlamhay.ingest.base import decode_text, doc_id_from_path
from cachlamhay.ingest.sniff import GZIP_MAGIC

MAX_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed when gzip, refusing files too big to be one article."""
    with path.open("rb") as handle:
        compressed = handle.read(2) == GZIP_MAGIC
    try:
        opener = gzip.open if compressed else open
        with opener(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise InputError(
            str(path), f"truncated or corrupt gzip ({error})", code="bad-gzip"
        ) from None
    if len(data) > MAX_BYTES:
        raise InputError(str(path), f"larger than {MAX_BYTES // 2**20} MB", code="too-large")
    return data


def read_text(path: Path) -> Iterator[RawDocument]:
    text = decode_text(read_bytes(path), str(path))
    if not text.strip():
        raise InputError(str(path), "empty file (only white space)", code="empty")
    yield RawDocument(id=doc_id_from_path(path), text=text, origin=str(path))
