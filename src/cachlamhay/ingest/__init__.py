"""Readers: from paths on disk to ``RawDocument``s, streaming, one reader per format.

``read_paths`` walks files and directories, picks a reader by content first and extension
second (``sniff``), and yields either a ``RawDocument`` or a ``Rejection`` naming the file (and
record) and the reason. A bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cachlamhay.errors import InputError
from cachlamhay.ingest.base import Item, Rejection
from cachlamhay.ingest.html import read_html
from cachlamhay.ingest.jsonl import read_jsonl
from cachlamhay.ingest.sniff import Format, sniff
from cachlamhay.ingest.text import read_text
from cachlamhay.ingest.warc import read_warc

__all__ = ["Item", "Rejection", "iter_files", "read_file", "read_paths"]

_READERS = {
    Format.TEXT: read_text,
    Format.JSONL: read_jsonl,
    Format.HTML: read_html,
    Format.WARC: read_warc,
}


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path | Rejection]:
    """Files named, and files below directories named (sorted, hidden ones skipped)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield Rejection(str(path), "not a regular file", "not-a-file")
        else:
            yield Rejection(str(path), "no such file or directory", "not-found")


def read_file(path: Path) -> Iterator[Item]:
    """Every document in one file, or rejections explaining why not."""
    try:
        fmt = sniff(path)
        yield from _READERS[fmt](path)
    except InputError as error:
        yield Rejection(error.where, error.reason, error.code)
    except OSError as error:
        yield Rejection(str(path), f"cannot read: {error.strerror or error}", "unreadable")
    except Exception as error:  # a reader bug must cost one file, not the whole ingest
        yield Rejection(
            str(path), f"reader failed ({type(error).__name__}: {error})", "reader-error"
        )


def read_paths(paths: Iterable[Path | str]) -> Iterator[Item]:
    for entry in iter_files(paths):
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from read_file(entry)
