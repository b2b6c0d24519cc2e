"""WARC archives (plain or gzip): each HTML response record is one document, id = record id."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from cachlamhay.errors import InputError
from cachlamhay.ingest.base import Item, Rejection
from cachlamhay.ingest.html import html_to_document
from cachlamhay.ingest.sniff import GZIP_MAGIC

MAX_RECORD_BYTES = 32 * 1024 * 1024


def record_id(raw: str | None) -> str | None:
    """ "<urn:uuid:0a1b…>" → "0a1b…"."""
    if not raw:
        return None
    return raw.strip("<>").removeprefix("urn:uuid:") or None


def _cut_short(record: ArcWarcRecord) -> bool:
    """True when the archive ends before the record's declared length (warcio says nothing)."""
    stream = record.raw_stream
    while getattr(stream, "limit", 0) > 0:
        if not stream.read(min(stream.limit, 1 << 20)):
            return True
    return False


def _gzip_cut_short(path: Path) -> bool:
    """True when a .warc.gz ends inside a gzip member: warcio then stops without a word.

    Costs one more decompression pass over the file, which is cheap next to HTML extraction.
    """
    with path.open("rb") as handle:
        if handle.read(2) != GZIP_MAGIC:
            return False
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, gzip.BadGzipFile, zlib.error):
        return True
    return False


def read_warc(path: Path) -> Iterator[Item]:
    count = 0  # HTML responses
    seen = 0  # records of any kind
    with path.open("rb") as handle:
        try:
            records = ArchiveIterator(handle)
            # warcio writes this warning (with the bytes that follow) to stderr itself and
            # counts it in err_count: silenced here, reported below as one rejection.
            records.INC_RECORD = ""
            for record in records:
                seen += 1
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
                if _cut_short(record):
                    raise EOFError("record shorter than its Content-Length")
                try:
                    yield html_to_document(body, rid, where, url=url)
                except InputError as error:
                    yield Rejection(error.where, error.reason, error.code)
            if _gzip_cut_short(path):
                raise EOFError("gzip member cut short")
            if records.err_count:
                reason = (
                    f"corrupt WARC: {records.err_count} record(s) not followed by a blank line"
                    " (wrong Content-Length?), records may be missing or cut"
                )
                yield Rejection(str(path), reason, "bad-warc")
            elif not count:  # say so rather than yield nothing at all
                if seen:
                    yield Rejection(str(path), "no HTML response record in the WARC", "no-text")
                else:
                    yield Rejection(str(path), "not a readable WARC file (no record)", "bad-warc")
        # warcio raises many types on a cut record (ArchiveLoadFailed, EOFError, ValueError,
        # even AttributeError on a cut header block); any of them ends this archive only.
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as error:
            reason = "truncated or corrupt WARC" if count else "not a readable WARC file"
            yield Rejection(
                str(path), f"{reason} after {count} records ({type(error).__name__})", "bad-warc"
            )
