"""JSON Lines (optionally gzip): one article a line, ``text`` required.

Streams line by line; a broken line is rejected alone (``file:line: reason``) and the rest are
still read. A gzip that ends early keeps what was read before the break. UTF-8 is expected; a
file that starts with a UTF-16 byte order mark is read as UTF-16.
"""

from __future__ import annotations

import codecs
import itertools
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cachlamhay.document import RawDocument
from cachlamhay.errors import InputError
from cachlamhay.ingest import legacy
from cachlamhay.ingest.base import (
    Item,
    Rejection,
    decode_text,
    doc_id_from_path,
    iter_gzip_lines,
)
from cachlamhay.ingest.sniff import GZIP_MAGIC

_FIELDS = ("title", "url", "source", "published", "author")


def read_jsonl(path: Path) -> Iterator[Item]:
    stem = doc_id_from_path(path)
    lineno = 0
    records = 0  # lines that are not blank
    with path.open("rb") as handle:
        compressed = handle.read(2) == GZIP_MAGIC
        handle.seek(0)
        lines: Iterable[bytes] = iter_gzip_lines(handle) if compressed else handle
        try:
            for lineno, line in enumerate(_utf8_lines(lines), start=1):
                if line.strip():
                    records += 1
                    yield parse_record(line, f"{path}:{lineno}", f"{stem}:{lineno}")
            if not records:  # only blank lines (after a BOM, say): not silently nothing
                yield Rejection(str(path), "empty file (no JSON line)", "empty")
        except (EOFError, zlib.error) as error:
            reason = f"truncated or corrupt gzip after line {lineno} ({error})"
            yield Rejection(str(path), reason, "bad-gzip")
        except UnicodeDecodeError as error:
            reason = f"invalid UTF-16 after line {lineno} ({error.reason})"
            yield Rejection(str(path), reason, "bad-encoding")


def _utf8_lines(lines: Iterable[bytes]) -> Iterator[bytes]:
    """``lines`` as they are, unless the file starts with a UTF-16 byte order mark: then split
    again after decoding (a split on the byte 0x0A cuts UTF-16 text inside characters) and
    re-encoded as UTF-8. Raises ``UnicodeDecodeError`` where the UTF-16 text is invalid."""
    rest = iter(lines)
    first = next(rest, b"")
    if not first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield first
        yield from rest
        return
    decoder = codecs.getincrementaldecoder("utf-16")()
    parts: list[str] = []  # the current line so far
    for chunk in itertools.chain([first], rest):
        decoded = decoder.decode(chunk)
        while (cut := decoded.find("\n")) >= 0:
            parts.append(decoded[: cut + 1])
            yield "".join(parts).encode("utf-8")
            parts = []
            decoded = decoded[cut + 1 :]
        parts.append(decoded)
    parts.append(decoder.decode(b"", final=True))
    if tail := "".join(parts):
        yield tail.encode("utf-8")


def parse_record(line: bytes, where: str, fallback_id: str) -> Item:
    try:
        record = json.loads(decode_text(line, where, repair=False))
    except InputError as error:
        return Rejection(error.where, error.reason, error.code)
    except json.JSONDecodeError as error:
        return Rejection(where, f"invalid JSON ({error.msg} at column {error.colno})", "bad-json")
    if not isinstance(record, dict):
        return Rejection(where, "a JSON line must be an object", "bad-json")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, "no 'text' field with article text", "no-text")
    fields = {name: _as_str(record.get(name)) for name in _FIELDS}
    # Legacy Vietnamese read as cp1252, repaired on the parsed text: JSON escapes ("Vie\u00e4t")
    # would hide it on the raw line.
    if (repaired := legacy.repair_mojibake(text)) is not None:
        text = repaired.text
        title = fields.get("title")
        if title and (repaired_title := legacy.repair_mojibake(title)) is not None:
            fields["title"] = repaired_title.text
    return RawDocument(
        id=_as_id(record.get("id")) or fallback_id,
        text=text,
        origin=where,
        **fields,
        meta={k: v for k, v in record.items() if k not in ("id", "text", *_FIELDS) and _scalar(v)},
    )


def _as_id(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


def _as_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None
