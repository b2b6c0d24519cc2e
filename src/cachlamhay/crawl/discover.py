"""Discovery: what a feed (RSS/Atom, through feedparser) or a sitemap lists.

``parse_listing`` takes the bytes a source URL answered and returns its entries (article URLs
with the date the listing gives them) or, for a sitemap index, the sitemaps it points to. A
gzip sitemap is unpacked (to ``MAX_UNPACKED_BYTES``: a small file can unpack to gigabytes).
Sitemaps are read with lxml, never resolving entities or touching the network; a page that is
HTML, or XML that is neither a feed nor a sitemap, raises ``ListingError`` with a stable code.
"""

from __future__ import annotations

import calendar
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree  # type: ignore[import-untyped]

from cachlamhay.clean import normalize_date

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
_HTML_STARTS = (b"<!doctype html", b"<html")
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}


class ListingError(Exception):
    """A source's answer is not a usable feed or sitemap."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    published: str | None = None  # ISO date the listing gives (feed entry, news sitemap, lastmod)
    title: str | None = None


@dataclass(slots=True)
class Listing:
    kind: str  # feed | sitemap | sitemapindex
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[Entry] = field(default_factory=list)  # children of a sitemap index
    warning: str | None = None

    def newest(self) -> str | None:
        dates = [e.published for e in (*self.entries, *self.sitemaps) if e.published]
        return max(dates) if dates else None


def parse_listing(body: bytes, url: str) -> Listing:
    """The entries of one feed or sitemap answer (``url`` resolves relative links)."""
    data = _unpacked(body)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head:
        raise ListingError("empty answer, not a feed or sitemap", "not-a-feed")
    if head.startswith(_HTML_STARTS):
        raise ListingError("an HTML page, not a feed or sitemap", "not-a-feed")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        return _broken_feed(data, url, str(error))
    tag = etree.QName(root).localname.lower()
    if tag == "urlset":
        return Listing("sitemap", entries=_sitemap_entries(root, url))
    if tag == "sitemapindex":
        return Listing("sitemapindex", sitemaps=_sitemap_entries(root, url))
    if tag in _FEED_ROOTS:
        return _feed(data, url)
    if tag == "html":
        raise ListingError("an HTML page, not a feed or sitemap", "not-a-feed")
    raise ListingError(f"XML <{tag}> is neither a feed nor a sitemap", "not-a-feed")


def _unpacked(body: bytes) -> bytes:
    if not body.startswith(GZIP_MAGIC):
        return body
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = unpacker.decompress(body, MAX_UNPACKED_BYTES)
    except zlib.error as error:
        raise ListingError(f"corrupt gzip ({error})", "bad-gzip") from None
    if unpacker.unconsumed_tail:
        raise ListingError(
            f"gzip unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB", "too-large"
        )
    if not unpacker.eof:
        raise ListingError("gzip cut short", "bad-gzip")
    return data


def _broken_feed(data: bytes, url: str, problem: str) -> Listing:
    """XML that does not parse: feedparser's lenient parser may still recover a feed's entries
    (unescaped "&" is common in real feeds); anything else is an error."""
    if b"<rss" in data[:4096] or b"<feed" in data[:4096]:
        listing = _feed(data, url)
        if listing.entries:
            listing.warning = f"broken XML ({problem}); {len(listing.entries)} entries recovered"
            return listing
    raise ListingError(f"broken XML: {problem}", "bad-xml")


def _feed(data: bytes, url: str) -> Listing:
    parsed: Any = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in parsed.entries:
        link = _absolute(item.get("link") or "", url)
        if link and link not in seen:
            seen.add(link)
            entries.append(Entry(link, _feed_date(item), (item.get("title") or "").strip() or None))
    if not entries and parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise ListingError(f"broken feed ({problem})", "bad-xml")
    return Listing("feed", entries=entries)


def _feed_date(item: Any) -> str | None:
    """The entry's date as the feed wrote it (the local date, not feedparser's UTC one: an
    article at 06:00 +07:00 on the 5th is from the 5th, not the 4th)."""
    for key in ("published", "updated", "dc_date"):
        raw = item.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        if (iso := normalize_date(raw)) is not None:
            return iso
    for key in ("published_parsed", "updated_parsed"):
        parsed = item.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date().isoformat()
    return None


def _sitemap_entries(root: Any, url: str) -> list[Entry]:
    entries: list[Entry] = []
    seen: set[str] = set()
    for node in root:
        if not isinstance(node.tag, str):
            continue  # comments, processing instructions
        fields = _children_text(node)
        link = _absolute(fields.get("loc", ""), url)
        if not link or link in seen:
            continue
        seen.add(link)
        published = normalize_date(fields.get("publication_date") or fields.get("lastmod") or None)
        entries.append(Entry(link, published, fields.get("title") or None))
    return entries


def _children_text(node: Any) -> dict[str, str]:
    """Text of every element below ``node`` by local name (``news:publication_date`` sits two
    levels down in a Google News sitemap)."""
    found: dict[str, str] = {}
    for child in node.iter():
        if child is node or not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname.lower()
        if name not in found and child.text and child.text.strip():
            found[name] = child.text.strip()
    return found


def _absolute(link: str, base: str) -> str | None:
    """An http(s) URL without its fragment, or None (mailto:, javascript:, ftp:…)."""
    link = link.strip()
    if not link:
        return None
    absolute = urljoin(base, link)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return parts._replace(fragment="").geturl()
