"""A news site on 127.0.0.1 for the crawler's tests: feeds, sitemaps, articles and bad pages.

Every request is logged (arrival time, path, headers, status), which is what the tests measure
the crawler by: the rate limit, robots.txt, conditional requests, retries. Nothing here, and
nothing the crawler does in the tests, reaches beyond the loopback interface.

The articles are written for these tests in the style of provincial news; none is copied from
a real paper.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[["Request"], "Reply"]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    stream_bytes: int = 0  # instead of body: this many bytes, chunked, no Content-Length


@dataclass
class Request:
    at: float  # time.monotonic() on arrival
    path: str
    headers: dict[str, str]
    host: str
    status: int = 0
    count: int = 0  # how many times this path was asked, this one included


@dataclass
class Site:
    routes: dict[str, Reply | Handler] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    port: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [r.path for r in self.log]

    def asked(self, path: str) -> int:
        return sum(r.path == path for r in self.log)

    def clear(self) -> None:
        with self._lock:
            self.log.clear()

    def answer(self, request: Request) -> Reply:
        with self._lock:
            request.count = sum(r.path == request.path for r in self.log) + 1
            self.log.append(request)
        route = self.routes.get(request.path)
        if route is None:
            return Reply(404, b"<html><body>not found</body></html>")
        reply = route(request) if callable(route) else route
        etag = reply.headers.get("ETag")
        if reply.status == 200 and etag and request.headers.get("if-none-match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return reply


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        request = Request(
            time.monotonic(),
            self.path,
            {k.lower(): v for k, v in self.headers.items()},
            self.headers.get("Host", ""),
        )
        reply = self.site.answer(request)
        request.status = reply.status
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.stream_bytes:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
                sent = 0
                while sent < reply.stream_bytes:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler hung up (size limit, timeout): what some tests want


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# -- content ------------------------------------------------------------------------------


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def page(
    title: str,
    paragraphs: list[str],
    *,
    published: str | None = None,
    canonical: str | None = None,
) -> Reply:
    head = [f"<title>{title}</title>", '<meta charset="utf-8">']
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<!DOCTYPE html><html lang='vi'><head>{''.join(head)}</head><body>"
        f"<header><nav><a href='/'>Trang chủ</a></nav></header>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Báo điện tử tỉnh – mọi quyền được bảo lưu</footer></body></html>"
    ).encode()
    return Reply(200, html, {"Content-Type": "text/html; charset=utf-8", "ETag": etag_of(html)})


def xml(body: str, *, gzipped: bool = False, content_type: str = "application/xml") -> Reply:
    data = body.encode()
    if gzipped:
        data = gzip.compress(data, mtime=0)
        content_type = "application/x-gzip"
    return Reply(200, data, {"Content-Type": content_type, "ETag": etag_of(data)})


def rss(base: str, items: list[tuple[str, str, str | None]]) -> Reply:
    """items: (path or absolute URL, title, RFC 822 date or None)."""
    parts = []
    for link, title, date in items:
        url = link if link.startswith("http") else base + link
        when = f"<pubDate>{date}</pubDate>" if date else ""
        parts.append(f"<item><title>{title}</title><link>{url}</link>{when}</item>")
    return xml(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Tin thời sự</title><link>{base}/</link><description>Thời sự</description>"
        + "".join(parts)
        + "</channel></rss>",
        content_type="application/rss+xml",
    )


def urlset(base: str, items: list[tuple[str, str | None]], *, news: bool = False) -> str:
    """items: (path, date or None); ``news``: Google News sitemap dates, else lastmod."""
    rows = []
    for path, date in items:
        if date and news:
            extra = (
                "<news:news><news:publication><news:name>Báo</news:name>"
                "<news:language>vi</news:language></news:publication>"
                f"<news:publication_date>{date}</news:publication_date>"
                "<news:title>Tin</news:title></news:news>"
            )
        else:
            extra = f"<lastmod>{date}</lastmod>" if date else ""
        rows.append(f"<url><loc>{base}{path}</loc>{extra}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + "".join(rows)
        + "</urlset>"
    )


def sitemap_index(base: str, paths: list[tuple[str, str | None]]) -> str:
    rows = "".join(
        f"<sitemap><loc>{base}{p}</loc>{f'<lastmod>{d}</lastmod>' if d else ''}</sitemap>"
        for p, d in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>'
    )


# Articles in the style of 2025–2026 provincial news, written for these tests.
VISIT_2026 = [
    "Ngày 3/3/2026, đoàn công tác tỉnh Tuyên Quang do đồng chí Nguyễn Văn Minh, Phó Chủ tịch "
    "UBND tỉnh làm trưởng đoàn đã đến thăm và làm việc tại tỉnh Hà Tĩnh.",
    "Tại buổi làm việc, hai bên đã trao đổi kinh nghiệm về sắp xếp đơn vị hành chính cấp xã và "
    "vận hành chính quyền địa phương hai cấp.",
    "Trước sáp nhập, tỉnh Hà Giang (cũ) đã có nhiều cách làm hay trong phát triển du lịch cộng "
    "đồng.",
]
INDICATOR_2026 = [
    "Năm 2025, tổng sản phẩm trên địa bàn (GRDP) tỉnh Tuyên Quang tăng 8,12% so với năm trước.",
    "Thu ngân sách nhà nước trên địa bàn tỉnh ước đạt 6.500 tỷ đồng.",
]
SUPPORT_2026 = [
    "Ngày 10/2/2026, UBND tỉnh Hà Tĩnh đã trao 5 tỷ đồng hỗ trợ tỉnh Tuyên Quang khắc phục "
    "hậu quả bão lũ.",
    "Số tiền hỗ trợ được dùng để sửa chữa trường học và nhà ở cho người dân vùng bị ảnh hưởng.",
]
OLD_2024 = [
    "Ngày 5/5/2024, đoàn công tác tỉnh Hà Giang đã đến thăm và làm việc tại tỉnh Lào Cai.",
    "Hai bên trao đổi kinh nghiệm phát triển du lịch và xây dựng nông thôn mới.",
]
