"""WARC archives (plain or gzip): each HTML response record is one document, id = record id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from cachlamhay.errors import InputError
from cachlamhay.ingest.base import Item, Rejection
from cachlamhay.ingest.html import html_to_document

MAX_RECORD_BYTES = 32 * 1024 * 1024


def record_id(raw: str | None) -> str | None:
    """ "<urn:uuid:0a1b…>" → "0a1b…"."""
    if not raw:
        return None
    return raw.strip("<>").removeprefix("urn:uuid:") or None


def read_warc(path: Path) -> Iterator[Item]:
    count = 0
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                content_type = (
                    record.http_headers.get_header("Content-Type", "")
                    if record.http_headers
                    else ""
                )
                if "html" not in content_type.lower():
                    continue
                count += 1
                rid = (
                    record_id(record.rec_headers.get_header("WARC-Record-ID"))
                    or f"{path.stem}:{count}"
                )
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{rid}"
                body = record.content_stream().read(MAX_RECORD_BYTES)
                try:
                    yield html_to_document(body, rid, where, url=url)
                except InputError as error:
                    yield Rejection(error.where, error.reason, error.code)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            reason = "truncated or corrupt WARC" if count else "not a readable WARC file"
            yield Rejection(
                str(path), f"{reason} after {count} records ({type(error).__name__})", "bad-warc"
            )
