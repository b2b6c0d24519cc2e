"""``crawl --warc DIR``: every page fetched (HTTP 200) archived as a WARC response record.

One gzip file per run (``crawl-<UTC time>-<pid>.warc.gz``), one gzip member per record, written
and flushed record by record: a crawl killed mid-write leaves every earlier record readable.
``cachlamhay ingest DIR`` replays the archive. An article stored by the crawl is archived with
the record id ``urn:uuid:<its document id>``, so a replay into another store gives the same ids.
The body is stored decoded (httpx2 undoes Content-Encoding), so the headers that described the
encoding on the wire are dropped and Content-Length is set to what is stored.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cachlamhay.crawl.fetch import Fetched

_WIRE_ONLY = {"content-encoding", "transfer-encoding", "content-length", "connection"}
_REASONS = {200: "OK"}


class WarcArchive:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self.path = directory / f"crawl-{stamp}-{os.getpid()}.warc.gz"
        self._handle: BinaryIO = self.path.open("ab")
        self._writer = WARCWriter(self._handle, gzip=True)
        self.records = 0

    def write(self, fetched: Fetched, record_id: str | None = None) -> None:
        headers = [(k, v) for k, v in fetched.headers.items() if k not in _WIRE_ONLY]
        headers.append(("content-length", str(len(fetched.body))))
        status = f"{fetched.status} {_REASONS.get(fetched.status, '')}".strip()
        http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-Record-ID": f"<urn:uuid:{record_id}>"} if record_id else {}
        record = self._writer.create_warc_record(
            fetched.final_url,
            "response",
            payload=io.BytesIO(fetched.body),
            length=len(fetched.body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        self._writer.write_record(record)
        self._handle.flush()
        self.records += 1

    def close(self) -> None:
        self._handle.close()
