"""Source lists: one feed (RSS/Atom) or sitemap URL a line; ``#`` starts a comment.

``default_sources()`` is the curated list shipped in ``default_sources.txt``: national outlets
and provincial papers that report working visits, figures and support between provinces.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from cachlamhay.errors import InputError, UsageError

MAX_SOURCES = 10_000


def parse_sources(text: str, where: str) -> list[str]:
    """The URLs of a source list; a line that is not an http(s) URL is an error naming it."""
    urls: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        url = stripped.split()[0]  # "URL  # comment" is fine too
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(
                f"{where}:{number}", f"not an http(s) URL: {url[:80]!r}", code="bad-source"
            )
        if url not in seen:
            seen.add(url)
            urls.append(url)
    if len(urls) > MAX_SOURCES:
        raise InputError(where, f"more than {MAX_SOURCES} sources", code="bad-source")
    return urls


def read_sources(path: Path) -> list[str]:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the sources file ({error})") from None
    urls = parse_sources(text, str(path))
    if not urls:
        raise UsageError(f"{path}: no feed or sitemap URL in the sources file")
    return urls


def default_sources() -> list[str]:
    text = resources.files("cachlamhay.crawl").joinpath("default_sources.txt").read_text("utf-8")
    return parse_sources(text, "default_sources.txt")
