"""The crawler against sites served on 127.0.0.1 (``crawl_site``): never the outside network."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cachlamhay.crawl import CrawlOptions, Policy, crawl, doc_id_for
from cachlamhay.crawl.discover import ListingError, parse_listing
from cachlamhay.store import Store, open_store
from cachlamhay.store import crawl as crawl_state
from tests.crawl_site import (
    INDICATOR_2026,
    OLD_2024,
    SUPPORT_2026,
    VISIT_2026,
    Reply,
    Request,
    Site,
    page,
    rss,
    serve,
    sitemap_index,
    urlset,
    xml,
)

FAST = Policy(delay=0.05, timeout=1.0, retries=2, backoff=0.05, pause_after=3)


def options(**changes: object) -> CrawlOptions:
    policy = changes.pop("policy", FAST)
    return CrawlOptions(policy=policy, **changes)  # type: ignore[arg-type]


def news_site(site: Site) -> Site:
    """A provincial paper: robots.txt, an RSS feed, a sitemap index with a plain and a gzip
    sitemap, articles (one under two URLs), a private section and an offsite link."""
    base = site.base
    site.routes.update(
        {
            "/robots.txt": Reply(200, b"User-agent: *\nDisallow: /private/\n"),
            "/feed.rss": rss(
                base,
                [
                    (
                        "/news/visit.html",
                        "Tuyên Quang học tập Hà Tĩnh",
                        "Tue, 03 Mar 2026 20:00:00 +0700",
                    ),
                    (
                        "/news/support.html",
                        "Hà Tĩnh hỗ trợ Tuyên Quang",
                        "Tue, 10 Feb 2026 07:30:00 +0700",
                    ),
                    ("/private/draft.html", "Bản nháp", None),
                    (f"http://localhost:{site.port}/news/elsewhere.html", "Tin khác", None),
                ],
            ),
            "/sitemap_index.xml": xml(
                sitemap_index(
                    base,
                    [("/sitemaps/news.xml", "2026-03-04"), ("/sitemaps/2024.xml.gz", "2024-06-01")],
                )
            ),
            "/sitemaps/news.xml": xml(
                urlset(
                    base,
                    [
                        ("/news/economy.html", "2026-01-15T09:00:00+07:00"),
                        ("/amp/visit.html", None),
                    ],
                    news=True,
                )
            ),
            "/sitemaps/2024.xml.gz": xml(
                urlset(base, [("/news/2024/old-visit.html", "2024-05-06")]), gzipped=True
            ),
            # the page states its own date; the feed's (3 March, 20:00 +07:00) agrees
            "/news/visit.html": page(
                "Tuyên Quang học tập kinh nghiệm của Hà Tĩnh",
                VISIT_2026,
                published="2026-03-03T20:00:00+07:00",
            ),
            # no date on the page: the feed entry's date is used
            "/news/support.html": page("Hà Tĩnh hỗ trợ Tuyên Quang 5 tỷ đồng", SUPPORT_2026),
            # no date on the page: the news sitemap's date is used
            "/news/economy.html": page("Kinh tế Tuyên Quang năm 2025", INDICATOR_2026),
            "/news/2024/old-visit.html": page("Hà Giang thăm Lào Cai", OLD_2024),
            # the same article as /news/visit.html under another URL, naming its canonical URL
            "/amp/visit.html": page(
                "Tuyên Quang học tập kinh nghiệm của Hà Tĩnh",
                VISIT_2026,
                published="2026-03-03T20:00:00+07:00",
                canonical=base + "/news/visit.html",
            ),
            "/private/draft.html": page("Bản nháp", ["Không được thu thập trang này."]),
        }
    )
    return site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site()) as served:
        yield news_site(served)


def stored(store: Store) -> dict[str, dict[str, str | None]]:
    rows = store.conn.execute("SELECT id, url, published, title FROM documents").fetchall()
    return {row["url"]: dict(row) for row in rows}


def test_feed_and_sitemaps_store_the_articles_with_their_dates(site: Site, store: Store) -> None:
    sources = [site.url("/feed.rss"), site.url("/sitemap_index.xml")]
    summary = crawl(store, sources, options())
    docs = stored(store)
    assert set(docs) == {
        site.url("/news/visit.html"),
        site.url("/news/support.html"),
        site.url("/news/economy.html"),
        site.url("/news/2024/old-visit.html"),
    }
    assert docs[site.url("/news/visit.html")]["published"] == "2026-03-03"  # the page's
    assert docs[site.url("/news/support.html")]["published"] == "2026-02-10"  # the feed's
    assert docs[site.url("/news/economy.html")]["published"] == "2026-01-15"  # news sitemap
    assert docs[site.url("/news/2024/old-visit.html")]["published"] == "2024-05-06"  # lastmod
    assert docs[site.url("/news/visit.html")]["id"] == doc_id_for(site.url("/news/visit.html"))
    assert summary.new == 4 and summary.duplicate == 1
    assert summary.source_errors == 0 and summary.failed == 0 and summary.rejected == 0
    # robots.txt Disallow and the offsite link: never asked
    assert "/private/draft.html" not in site.paths()
    assert all(r.host.startswith("127.0.0.1") for r in site.log)
    assert all("cachlamhay/" in r.headers["user-agent"] for r in site.log)
    assert site.asked("/robots.txt") == 1


def test_a_second_run_fetches_nothing_new(site: Site, store: Store) -> None:
    sources = [site.url("/feed.rss"), site.url("/sitemap_index.xml")]
    crawl(store, sources, options())
    site.clear()
    again = crawl(store, sources, options())
    assert again.new == 0 and again.pages == 0 and again.queued == 0
    listings = [r for r in site.log if r.path != "/robots.txt"]
    # both sources asked conditionally, answered 304; the index's sitemaps, whose lastmod
    # is older than our last look, not asked at all
    assert {r.path for r in listings} == {"/feed.rss", "/sitemap_index.xml"}
    assert all(r.status == 304 and "if-none-match" in r.headers for r in listings)
    assert again.not_modified == 2
    # a sitemap the index says changed (lastmod today) is asked again, conditionally
    today = datetime.now(UTC).date().isoformat()
    site.routes["/sitemap_index.xml"] = xml(
        sitemap_index(
            site.base, [("/sitemaps/news.xml", today), ("/sitemaps/2024.xml.gz", "2024-06-01")]
        )
    )
    site.clear()
    third = crawl(store, sources, options())
    asked = {r.path: r.status for r in site.log if r.path != "/robots.txt"}
    assert asked == {"/feed.rss": 304, "/sitemap_index.xml": 200, "/sitemaps/news.xml": 304}
    assert third.new == 0 and third.pages == 0


def test_new_entries_are_fetched_on_the_next_run(site: Site, store: Store) -> None:
    source = site.url("/feed.rss")
    crawl(store, [source], options())
    site.routes["/feed.rss"] = rss(
        site.base, [("/news/visit.html", "cũ", None), ("/news/new.html", "mới", None)]
    )
    site.routes["/news/new.html"] = page("Tin mới", SUPPORT_2026, published="2026-03-05")
    site.clear()
    summary = crawl(store, [source], options())
    assert summary.new == 1
    assert [p for p in site.paths() if p.startswith("/news/")] == ["/news/new.html"]


def test_rate_limit_measured_from_the_server_log(site: Site, store: Store) -> None:
    delay = 0.3
    crawl(
        store,
        [site.url("/feed.rss"), site.url("/sitemap_index.xml")],
        options(policy=Policy(delay=delay, timeout=2.0)),
    )
    arrivals = [r.at for r in site.log]
    assert len(arrivals) >= 8
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert min(gaps) >= delay - 0.02, gaps


def test_robots_crawl_delay_is_honoured_when_longer(store: Store) -> None:
    with serve(Site()) as site:
        site.routes["/robots.txt"] = Reply(200, b"User-agent: *\nCrawl-delay: 0.4\n")
        site.routes["/feed.rss"] = rss(site.base, [("/a.html", "a", None), ("/b.html", "b", None)])
        site.routes["/a.html"] = page("A", SUPPORT_2026)
        site.routes["/b.html"] = page("B", VISIT_2026)
        crawl(store, [site.url("/feed.rss")], options())
        arrivals = [r.at for r in site.log]
        assert min(b - a for a, b in itertools.pairwise(arrivals)) >= 0.38


# -- error cases --------------------------------------------------------------------------


def flaky(request: Request) -> Reply:
    if request.count == 1:
        return Reply(500, b"<html><body>try again</body></html>")
    return page("Tin sau khi máy chủ hồi phục", SUPPORT_2026, published="2026-02-11")


@pytest.fixture
def bad_site() -> Iterator[Site]:
    with serve(Site()) as site:
        base = site.base
        site.routes.update(
            {
                "/errors.rss": rss(
                    base,
                    [
                        ("/missing.html", "404", None),
                        ("/flaky.html", "500 rồi 200", None),
                        ("/slow.html", "chậm", None),
                        ("/loop/a", "vòng lặp", None),
                        ("/huge.html", "50 MB", None),
                        ("/report.pdf", "không phải HTML", None),
                        ("/empty.html", "không có nội dung", None),
                    ],
                ),
                "/flaky.html": flaky,
                "/slow.html": Reply(200, b"<html></html>", {"Content-Type": "text/html"}, delay=3),
                "/loop/a": Reply(302, b"", {"Location": "/loop/b"}),
                "/loop/b": Reply(302, b"", {"Location": "/loop/a"}),
                "/huge.html": Reply(
                    200, b"", {"Content-Type": "text/html"}, stream_bytes=50 * 1024 * 1024
                ),
                "/report.pdf": Reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}),
                "/empty.html": Reply(
                    200, b"<html><body></body></html>", {"Content-Type": "text/html"}
                ),
                "/fake.rss": page("Không phải RSS", ["Đây là một trang web."]),
                "/broken.rss": Reply(
                    200,
                    b'<?xml version="1.0"?><urlset><url><loc>' + base.encode() + b"/x</loc>",
                    {"Content-Type": "application/xml"},
                ),
            }
        )
        yield site


def by_url(store: Store) -> dict[str, dict[str, object]]:
    rows = store.conn.execute("SELECT url, state, code, status, attempts FROM crawl_urls")
    return {row["url"]: dict(row) for row in rows}


def test_error_cases(bad_site: Site, store: Store) -> None:
    site = bad_site
    policy = Policy(delay=0.05, timeout=0.5, retries=1, backoff=0.05, pause_after=10)
    summary = crawl(
        store,
        [site.url("/errors.rss"), site.url("/fake.rss"), site.url("/broken.rss")],
        options(policy=policy),
    )
    urls = by_url(store)
    outcome = {u.removeprefix(site.base): (r["state"], r["code"]) for u, r in urls.items()}
    assert outcome == {
        "/missing.html": ("rejected", "http-404"),
        "/flaky.html": ("stored", None),  # 500, then 200 on the retry
        "/slow.html": ("failed", "timeout"),  # retried on the next run
        "/loop/a": ("rejected", "redirect-loop"),
        "/huge.html": ("rejected", "too-large"),
        "/report.pdf": ("rejected", "not-html"),
        "/empty.html": ("rejected", "no-text"),
    }
    assert site.asked("/flaky.html") == 2
    assert site.asked("/slow.html") == 2  # one retry
    assert summary.new == 1
    codes = {e["url"].removeprefix(site.base): e["code"] for e in summary.errors}
    assert codes["/fake.rss"] == "not-a-feed"
    assert codes["/broken.rss"] == "bad-xml"
    assert summary.source_errors == 2
    sources = {r["url"].removeprefix(site.base): r for r in crawl_state.sources_overview(store)}
    assert sources["/fake.rss"]["last_status"] == "error"
    assert "HTML page" in sources["/fake.rss"]["last_error"]


def test_a_failed_page_is_retried_on_the_next_run_up_to_a_limit(
    bad_site: Site, store: Store
) -> None:
    site = bad_site
    site.routes["/errors.rss"] = rss(site.base, [("/slow.html", "chậm", None)])
    policy = Policy(delay=0.05, timeout=0.3, retries=0, backoff=0.05, pause_after=10)
    for _ in range(4):
        crawl(store, [site.url("/errors.rss")], options(policy=policy, max_attempts=3))
    assert site.asked("/slow.html") == 3
    assert by_url(store)[site.url("/slow.html")]["attempts"] == 3


def test_a_failing_host_is_paused_not_hammered(store: Store) -> None:
    with serve(Site()) as site:
        items = [(f"/down/{i}.html", str(i), None) for i in range(8)]
        site.routes["/feed.rss"] = rss(site.base, items)
        for path, _, _ in items:
            site.routes[path] = Reply(503, b"down")
        policy = Policy(delay=0.02, timeout=0.5, retries=1, backoff=0.02, pause_after=3)
        summary = crawl(store, [site.url("/feed.rss")], options(policy=policy))
        pages = [p for p in site.paths() if p.startswith("/down/")]
        assert len(pages) == 3 * 2  # three pages, each tried twice; then the host is paused
        assert summary.hosts[f"127.0.0.1:{site.port}"].errors["host-paused"] == 5
        (host,) = store.conn.execute("SELECT * FROM crawl_hosts").fetchall()
        assert host["paused_until"] > time.time() + 3000
        site.clear()
        crawl(store, [site.url("/feed.rss")], options(policy=policy))
        assert site.log == []  # still paused on the next run: not even robots.txt


def test_redirects_are_followed_up_to_five(store: Store) -> None:
    with serve(Site()) as site:
        for i in range(7):
            site.routes[f"/r{i}"] = Reply(301, b"", {"Location": f"/r{i + 1}"})
        site.routes["/r7"] = page("Đích", SUPPORT_2026)
        site.routes["/r2-end"] = page("Đích", VISIT_2026)
        site.routes["/feed.rss"] = rss(
            site.base, [("/r2", "5 redirects", None), ("/r0", "7", None)]
        )
        crawl(store, [site.url("/feed.rss")], options())
        urls = by_url(store)
        assert urls[site.url("/r2")]["state"] == "stored"  # r2 → … → r7: five redirects
        assert urls[site.url("/r0")]["code"] == "too-many-redirects"


def test_offsite_redirects_and_entries_need_follow_offsite(store: Store) -> None:
    with serve(Site()) as site:
        other = f"http://localhost:{site.port}"
        site.routes["/feed.rss"] = rss(
            site.base, [("/go", "redirect", None), (other + "/b", "off", None)]
        )
        site.routes["/go"] = Reply(302, b"", {"Location": other + "/a"})
        site.routes["/a"] = page("A", SUPPORT_2026)
        site.routes["/b"] = page("B", VISIT_2026)
        summary = crawl(store, [site.url("/feed.rss")], options())
        assert by_url(store)[site.url("/go")]["code"] == "offsite"
        assert summary.listed == 2 and summary.queued == 1  # the offsite entry: not queued
        assert not any(r.host.startswith("localhost") for r in site.log)
        site.routes["/feed.rss"] = rss(site.base, [(other + "/b", "off", None)])
        crawl(
            store, [site.url("/feed.rss")], options(policy=Policy(delay=0.05, follow_offsite=True))
        )
        assert store.has_document(doc_id_for(other + "/b"))


def test_only_http_urls_are_followed(store: Store) -> None:
    with serve(Site()) as site:
        site.routes["/feed.rss"] = rss(site.base, [("/ftp", "ftp", None)])
        site.routes["/ftp"] = Reply(302, b"", {"Location": "ftp://127.0.0.1/file"})
        crawl(store, [site.url("/feed.rss")], options())
        assert by_url(store)[site.url("/ftp")]["code"] == "scheme"


# -- archive and replay -------------------------------------------------------------------


def test_warc_archive_replays_into_the_same_documents(site: Site, tmp_path: Path) -> None:
    from cachlamhay.pipeline import ingest

    with open_store(tmp_path / "crawled.db") as crawled:
        summary = crawl(
            crawled,
            [site.url("/feed.rss"), site.url("/sitemap_index.xml")],
            options(warc_dir=tmp_path / "warc"),
        )
        crawled_ids = {row[0] for row in crawled.conn.execute("SELECT id FROM documents")}
    assert summary.warc and Path(summary.warc).exists()
    with open_store(tmp_path / "replayed.db") as replayed:
        result = ingest(replayed, [tmp_path / "warc"])
        replayed_ids = {row[0] for row in replayed.conn.execute("SELECT id FROM documents")}
    assert crawled_ids <= replayed_ids
    # the duplicate (/amp/visit.html) is archived too, under a record id of its own
    assert len(replayed_ids - crawled_ids) == 1 and result.rejected == 0


# -- crash safety -------------------------------------------------------------------------


def test_sigkill_mid_crawl_then_rerun_stores_each_article_once(tmp_path: Path) -> None:
    db = tmp_path / "crawl.db"
    with serve(Site()) as site:
        items = [(f"/news/{i}.html", f"Tin {i}", None) for i in range(12)]
        site.routes["/feed.rss"] = rss(site.base, items)
        for i, (path, _, _) in enumerate(items):
            site.routes[path] = page(
                f"Tin số {i}", [f"Bài số {i}: " + SUPPORT_2026[0], SUPPORT_2026[1]]
            )
        sources = tmp_path / "sources.txt"
        sources.write_text(site.url("/feed.rss") + "\n")
        command = [
            sys.executable, "-m", "cachlamhay.cli", "--db", str(db), "crawl",
            "--sources", str(sources), "--delay", "0.25",
        ]  # fmt: skip
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if db.exists() and _count(db) >= 4:
                    break
                time.sleep(0.05)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(30)
        first = _count(db)
        assert 4 <= first < 12, "killed mid-crawl"
        before = list(site.paths())
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr
        with open_store(db, readonly=True) as store:
            urls = [row[0] for row in store.conn.execute("SELECT url FROM documents")]
        assert sorted(urls) == sorted(site.url(p) for p, _, _ in items)  # each once
        fetched_again = [p for p in site.paths()[len(before) :] if p.startswith("/news/")]
        # nothing stored before the kill is fetched again; only the page in flight may be
        assert len(fetched_again) <= 12 - first + 1


def _count(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


# -- discovery ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"<!DOCTYPE html><html><body>tin</body></html>", "not-a-feed"),
        (b"<html><head><title>x</title></head></html>", "not-a-feed"),
        (b"<?xml version='1.0'?><note>x</note>", "not-a-feed"),
        (b"", "not-a-feed"),
        (b"<?xml version='1.0'?><rss><channel><item><title>x</tit", "bad-xml"),
        (gzip.compress(bytes(range(256)) * 64)[:200], "bad-gzip"),
    ],
)
def test_listings_that_are_not_feeds(body: bytes, code: str) -> None:
    with pytest.raises(ListingError) as caught:
        parse_listing(body, "http://127.0.0.1/feed")
    assert caught.value.code == code


def test_a_gzip_bomb_sitemap_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (80 * 1024 * 1024))
    with pytest.raises(ListingError) as caught:
        parse_listing(bomb, "http://127.0.0.1/s.xml.gz")
    assert caught.value.code == "too-large"


def test_a_feed_with_an_unescaped_ampersand_still_lists_its_entries() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>A & B</title>'
        b"<item><title>Tin</title><link>http://127.0.0.1/a.html</link>"
        b"<pubDate>Tue, 03 Mar 2026 06:00:00 +0700</pubDate></item></channel></rss>"
    )
    listing = parse_listing(body, "http://127.0.0.1/feed")
    assert [(e.url, e.published) for e in listing.entries] == [
        ("http://127.0.0.1/a.html", "2026-03-03")
    ]
    assert listing.warning and "broken XML" in listing.warning


def test_feed_dates_keep_the_local_day() -> None:
    body = rss("http://127.0.0.1", [("/a", "a", "Wed, 04 Mar 2026 06:30:00 +0700")]).body
    (entry,) = parse_listing(body, "http://127.0.0.1/feed").entries
    assert entry.published == "2026-03-04"  # 23:30 on the 3rd in UTC


def test_atom_feeds_are_read() -> None:
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>T</title><entry><title>E</title><link href='/tin/1.html'/>"
        b"<updated>2026-02-01T10:00:00+07:00</updated><id>1</id></entry></feed>"
    )
    listing = parse_listing(body, "http://127.0.0.1/atom.xml")
    assert listing.kind == "feed"
    assert [(e.url, e.published) for e in listing.entries] == [
        ("http://127.0.0.1/tin/1.html", "2026-02-01")
    ]


def test_crawl_state_json_summary_is_stored(site: Site, store: Store) -> None:
    summary = crawl(store, [site.url("/feed.rss")], options())
    (run,) = crawl_state.last_runs(store)
    assert run["summary"]["new"] == summary.new == 2
    assert json.dumps(run["summary"])  # plain JSON


# -- command line, stats, admin API ---------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cachlamhay.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_cli_crawl_json_summary_and_stats(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    sources = tmp_path / "sources.txt"
    sources.write_text(f"# test site\n{site.url('/feed.rss')}  # RSS\n\n")
    done = run_cli("--db", db, "crawl", "--sources", str(sources), "--delay", "0.1", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["new"] == 2 and summary["skipped"] == {"robots": 1}
    assert summary["hosts"][f"127.0.0.1:{site.port}"]["requests"] == 4  # robots, feed, 2 pages
    stats = json.loads(run_cli("--db", db, "stats", "--json").stdout)
    (source,) = stats["crawl"]["sources"]
    assert source["url"] == site.url("/feed.rss") and source["last_status"] == "ok"
    assert source["stored"] == 2 and source["kind"] == "feed"
    assert source["errors"] == 0  # the page robots.txt disallows is skipped, not an error
    assert stats["crawl"]["last_run"]["summary"]["new"] == 2
    table = run_cli("--db", db, "stats")
    assert "newest entry" in table.stdout and "2026-03-03" in table.stdout


def test_cli_crawl_exits_1_when_a_source_fails(bad_site: Site, tmp_path: Path) -> None:
    sources = tmp_path / "sources.txt"
    sources.write_text(bad_site.url("/fake.rss") + "\n")
    done = run_cli(
        "--db", str(tmp_path / "x.db"), "crawl", "--sources", str(sources), "--delay", "0.1"
    )
    assert done.returncode == 1
    assert f"{bad_site.url('/fake.rss')}: an HTML page, not a feed or sitemap" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sources", "/nonexistent/sources.txt"], "no such sources file"),
        (["--every", "soon"], "not an interval"),
        (["--every", "10s"], "at least 1m"),
        (["--delay", "0"], "--delay must be at least 0.1"),
        (["--max-pages", "-1"], "--max-pages must be 0 or more"),
        (["--once", "--every", "30m"], "not allowed with argument"),
    ],
)
def test_cli_crawl_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    done = run_cli("--db", str(tmp_path / "x.db"), "crawl", *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_crawl_rejects_a_bad_line_in_the_sources_file(tmp_path: Path) -> None:
    sources = tmp_path / "sources.txt"
    sources.write_text("http://127.0.0.1:1/feed.rss\nftp://example.vn/feed\n")
    done = run_cli("--db", str(tmp_path / "x.db"), "crawl", "--sources", str(sources))
    assert done.returncode == 1
    assert f"{sources}:2: not an http(s) URL" in done.stderr


def test_the_shipped_source_list() -> None:
    from cachlamhay.crawl import default_sources

    sources = default_sources()
    assert len(sources) >= 60
    assert "https://baohatinh.vn/sitemap.xml" in sources
    assert all(s.startswith("https://") for s in sources)
    printed = run_cli("crawl", "--print-sources")
    assert printed.stdout.split() == sources


def test_admin_crawl(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from cachlamhay.web import admin
    from cachlamhay.web.app import create_app

    token = "crawl-token-0123456789abcdef"
    monkeypatch.setenv(admin.TOKEN_ENV, token)
    db = tmp_path / "admin.db"
    open_store(db).close()
    client = TestClient(create_app(db))
    auth = {"Authorization": f"Bearer {token}"}
    body = {"sources": [site.url("/feed.rss")], "delay": 0.1, "max_pages": 1}
    assert client.post("/admin/crawl", json=body).status_code == 401
    bad = client.post("/admin/crawl", json={"sources": ["file:///etc/passwd"]}, headers=auth)
    assert bad.status_code == 400 and bad.json()["error"] == "bad-source"
    assert client.post("/admin/crawl", json={"pages": 1}, headers=auth).status_code == 400
    done = client.post("/admin/crawl?wait=true", json=body, headers=auth)
    assert done.status_code == 200, done.text
    assert done.json()["summary"]["new"] == 1 and done.json()["summary"]["left"] == 2
    started = client.post("/admin/crawl", json=body | {"max_pages": 5}, headers=auth)
    assert started.status_code == 202 and started.json()["running"]
    deadline = time.monotonic() + 30
    while (report := client.get("/admin/crawl", headers=auth).json())["running"]:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert report["error"] is None and report["summary"]["new"] == 1
    with open_store(db, readonly=True) as store:
        assert store.count("documents") == 2


def test_crawled_articles_resolve_units_by_their_publication_date(site: Site, store: Store) -> None:
    crawl(store, [site.url("/feed.rss"), site.url("/sitemap_index.xml")], options())
    rows = store.conn.execute(
        "SELECT d.url, f.type, u.role, u.name, u.code, u.era FROM fact_units u"
        " JOIN facts f ON f.id = u.fact_id JOIN documents d ON d.rowid = f.doc_rowid"
        " WHERE f.type IN ('visit', 'transfer')"
    ).fetchall()
    found = {
        (r["url"].removeprefix(site.base), r["type"], r["role"]): (r["name"], r["era"])
        for r in rows
    }
    assert found[("/news/visit.html", "visit", "visitor")] == ("Tuyên Quang", "34")
    assert found[("/news/support.html", "transfer", "to")] == ("Tuyên Quang", "34")
    assert found[("/news/2024/old-visit.html", "visit", "visitor")] == ("Hà Giang", "63")


def test_crawl_every_runs_passes_until_sigterm(site: Site, tmp_path: Path) -> None:
    sources = tmp_path / "sources.txt"
    sources.write_text(site.url("/feed.rss") + "\n")
    command = [
        sys.executable, "-m", "cachlamhay.cli", "--db", str(tmp_path / "every.db"), "crawl",
        "--sources", str(sources), "--every", "1m", "--delay", "0.1", "--json",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = json.loads(process.stdout.readline())  # the first pass, then it waits
        assert first["new"] == 2
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 0  # stops while waiting, without a traceback
    finally:
        process.kill()
        process.wait()


def test_progress_on_a_terminal_and_quiet_elsewhere(site: Site, tmp_path: Path) -> None:
    import pty

    sources = tmp_path / "sources.txt"
    sources.write_text(site.url("/feed.rss") + "\n")
    command = [
        sys.executable, "-m", "cachlamhay.cli", "--db", str(tmp_path / "tty.db"), "crawl",
        "--sources", str(sources), "--delay", "0.3",
    ]  # fmt: skip
    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    process.wait(60)
    os.close(master)
    assert b"pages" in seen and b"new" in seen  # the status line, drawn on the terminal
    quiet = run_cli(
        "--db", str(tmp_path / "quiet.db"), "crawl", "--sources", str(sources), "--delay", "0.1"
    )
    assert quiet.returncode == 0 and quiet.stderr == ""
