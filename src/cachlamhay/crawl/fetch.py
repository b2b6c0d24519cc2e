"""Polite fetching: robots.txt, a per-host rate limit, timeouts, size limits, redirects, retries.

One ``Fetcher`` serves a crawl. Every request it sends, robots.txt, retries and redirect hops
included, waits for its host's turn (``Policy.delay`` seconds apart, or the robots.txt
Crawl-delay when longer), carries a User-Agent naming the crawler, and is cut off at
``Policy.timeout`` seconds of silence and at ``Policy.max_bytes``. Redirects are followed by
hand (at most ``Policy.max_redirects``) so that every hop is checked: http/https only, listed
hosts only (unless ``follow_offsite``), robots.txt, loops. A 5xx, a 429 or a timeout is retried
with exponential backoff; a host whose fetches keep failing is paused (``HostState``), and its
pause outlives the run because the crawl stores it.

httpx2 (the maintained continuation of httpx) does the HTTP; protego (Scrapy's robots.txt
parser: wildcards, Allow/Disallow precedence, Crawl-delay) reads robots.txt.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx2
from protego import Protego

from cachlamhay import __version__

USER_AGENT = (
    f"cachlamhay/{__version__} (news research crawler; polite: robots.txt, 1 request per host"
    " every 2 s; +https://pypi.org/project/cachlamhay/)"
)
ROBOTS_AGENT = "cachlamhay"
ROBOTS_TTL_S = 24 * 3600
MAX_ROBOTS_BYTES = 512 * 1024
MAX_CRAWL_DELAY_S = 60.0
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
_NOT_THE_HOSTS_ANSWER = {"host-paused", "robots", "robots-unreachable", "offsite", "scheme"}


@dataclass(frozen=True, slots=True)
class Policy:
    delay: float = 2.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds without a byte before a request is given up
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2  # after the first attempt, on 5xx/429/timeouts
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    pause_after: int = 3  # consecutive failed fetches before a host is paused
    pause_seconds: float = 3600.0
    follow_offsite: bool = False
    user_agent: str = USER_AGENT


class FetchError(Exception):
    """A URL that could not be fetched, with a stable code (``http-404``, ``timeout``,
    ``robots``, ``offsite``, ``too-large``, ``redirect-loop``, ``host-paused``…)."""

    def __init__(
        self, url: str, reason: str, code: str, *, status: int | None = None, transient: bool
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.code = code
        self.status = status
        self.transient = transient  # worth trying again in a later run


@dataclass(slots=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200-299, or 304 for a conditional request answered "not modified"
    headers: dict[str, str]  # lower-case names
    body: bytes

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class HostState:
    failures: int = 0  # consecutive failed fetches
    paused_until: float | None = None  # wall-clock epoch seconds
    last_error: str | None = None


def host_of(url: str) -> str:
    """The host a rate limit and robots.txt apply to: lower-case host[:port]."""
    return urlsplit(url).netloc.lower()


def same_site(host: str, allowed: set[str]) -> bool:
    """``host`` is one of ``allowed``, "www." aside (sites redirect between the two)."""
    bare = host.removeprefix("www.")
    return any(bare == a.removeprefix("www.") for a in allowed)


@dataclass(slots=True)
class _Robots:
    rules: Protego | None  # None: everything allowed
    deny_all: bool
    fetched: float
    problem: str | None = None  # why everything is denied: robots.txt could not be read

    def allows(self, url: str) -> bool:
        if self.deny_all:
            return False
        return self.rules is None or bool(self.rules.can_fetch(url, ROBOTS_AGENT))

    def crawl_delay(self) -> float:
        if self.rules is None:
            return 0.0
        delay = self.rules.crawl_delay(ROBOTS_AGENT)
        return min(float(delay), MAX_CRAWL_DELAY_S) if delay else 0.0


@dataclass(slots=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Fetcher:
    policy: Policy
    allowed_hosts: set[str]
    hosts: dict[str, HostState] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    requests: Counter[str] = field(default_factory=Counter)  # per host, every request sent
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _next: dict[str, float] = field(default_factory=dict)
    _client: httpx2.Client | None = None

    def __post_init__(self) -> None:
        self._client = httpx2.Client(
            headers={"User-Agent": self.policy.user_agent},
            timeout=httpx2.Timeout(self.policy.timeout),
            follow_redirects=False,
        )

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- scheduling ---------------------------------------------------------------------------

    def ready_at(self, host: str) -> float:
        """When ``host`` may next be asked (``clock`` time)."""
        return float(self._next.get(host, 0.0))

    def paused(self, host: str) -> bool:
        state = self.hosts.get(host)
        return bool(state and state.paused_until and state.paused_until > self.wall())

    def _wait_turn(self, host: str, robots: _Robots | None = None) -> None:
        wait = self._next.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)
        delay = max(self.policy.delay, robots.crawl_delay() if robots else 0.0)
        self._next[host] = self.clock() + delay

    def _hold_off(self, host: str, seconds: float) -> None:
        self._next[host] = max(self._next.get(host, 0.0), self.clock() + seconds)

    # -- fetching ---------------------------------------------------------------------------

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """``url`` after at most ``max_redirects`` checked redirects; 2xx or 304, else raises
        ``FetchError``. Conditional headers are sent to the first URL only."""
        host = host_of(url)
        try:
            fetched = self._follow(url, etag, last_modified)
        except FetchError as error:
            if error.code in _NOT_THE_HOSTS_ANSWER:
                pass  # counted where it happened (robots.txt), or no request was sent
            elif error.transient:
                self._failed(host, error)
            else:
                self._succeeded(host)  # the host answered; the page is the problem
            raise
        self._succeeded(host)
        return fetched

    def _follow(self, url: str, etag: str | None, last_modified: str | None) -> Fetched:
        chain = [url]
        current = url
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        for _ in range(self.policy.max_redirects + 1):
            self._check(current, first=current == url)
            answer = self._attempts(current, conditional, self._robots_for(current))
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUSES and location:
                following = urljoin(current, location.strip())
                following = urlsplit(following)._replace(fragment="").geturl()
                if following in chain:
                    raise FetchError(url, "redirect loop", "redirect-loop", transient=False)
                chain.append(following)
                current = following
                conditional = {}
                continue
            if answer.status == 304 or 200 <= answer.status < 300:
                return Fetched(url, current, answer.status, answer.headers, answer.body)
            transient = answer.status in RETRY_STATUSES
            raise FetchError(
                url,
                f"HTTP {answer.status}",
                f"http-{answer.status}",
                status=answer.status,
                transient=transient,
            )
        raise FetchError(
            url,
            f"more than {self.policy.max_redirects} redirects",
            "too-many-redirects",
            transient=False,
        )

    def _check(self, url: str, *, first: bool) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "only http and https URLs are fetched", "scheme", transient=False)
        host = host_of(url)
        if not self.policy.follow_offsite and not same_site(host, self.allowed_hosts):
            what = "not a listed host" if first else "redirect to a host that is not listed"
            raise FetchError(
                url, f"{what} (--follow-offsite allows it)", "offsite", transient=False
            )
        if self.paused(host):
            raise FetchError(
                url, f"host {host} is paused after repeated failures", "host-paused", transient=True
            )
        robots = self._robots_for(url)
        if robots.problem:  # RFC 9309: an unreadable robots.txt disallows everything, for now
            raise FetchError(url, robots.problem, "robots-unreachable", transient=True)
        if not robots.allows(url):
            raise FetchError(url, "disallowed by robots.txt", "robots", transient=False)

    def _robots_for(self, url: str) -> _Robots:
        host = host_of(url)
        cached = self._robots.get(host)
        if cached is not None:
            ttl = ROBOTS_TTL_S if cached.problem is None else self.policy.pause_seconds
            if self.clock() - cached.fetched < ttl:
                return cached
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        robots = _Robots(None, False, self.clock())
        try:
            answer = self._robots_answer(robots_url)
        except FetchError as error:
            # RFC 9309 §2.3.1.4: robots.txt unreachable → assume everything is disallowed
            robots.deny_all = True
            robots.problem = f"robots.txt unreachable ({error.reason})"
            self._failed(host, error)
        else:
            if 200 <= answer.status < 300:
                text = answer.body.decode("utf-8", errors="replace")
                robots.rules = Protego.parse(text)
                self._hold_off(host, robots.crawl_delay())
            elif answer.status >= 500:
                robots.deny_all = True
                robots.problem = f"robots.txt answered HTTP {answer.status}"
            # 4xx: no robots.txt, everything allowed
        self._robots[host] = robots
        return robots

    def _robots_answer(self, robots_url: str) -> _Answer:
        current = robots_url
        for _ in range(self.policy.max_redirects + 1):
            answer = self._attempts(current, {}, None, max_bytes=MAX_ROBOTS_BYTES, cut=True)
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                if urlsplit(current).scheme not in ("http", "https"):
                    break
                continue
            return answer
        return _Answer(404, {}, b"")  # RFC 9309: too many redirects → as if unavailable (4xx)

    def _attempts(
        self,
        url: str,
        headers: dict[str, str],
        robots: _Robots | None,
        *,
        max_bytes: int | None = None,
        cut: bool = False,
    ) -> _Answer:
        host = host_of(url)
        tries = self.policy.retries + 1
        for attempt in range(tries):
            self._wait_turn(host, robots)
            last = attempt == tries - 1
            try:
                answer = self._once(url, headers, max_bytes or self.policy.max_bytes, cut)
            except FetchError as error:
                if not error.transient or last:
                    raise
                self._hold_off(host, self.policy.backoff * 2.0**attempt)
                continue
            if answer.status in RETRY_STATUSES and not last:
                self._hold_off(host, self._retry_after(answer, attempt))
                continue
            return answer
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def _retry_after(self, answer: _Answer, attempt: int) -> float:
        backoff = self.policy.backoff * 2.0**attempt
        given = answer.headers.get("retry-after", "")
        if given.isdigit():
            return min(max(backoff, float(given)), MAX_CRAWL_DELAY_S)
        return backoff

    def _once(self, url: str, headers: dict[str, str], max_bytes: int, cut: bool) -> _Answer:
        assert self._client is not None, "fetcher closed"
        self.requests[host_of(url)] += 1
        started = self.clock()
        deadline = started + 3 * self.policy.timeout  # a server dripping bytes forever
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes and not cut:
                    raise self._too_large(url, max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        if cut:
                            chunks.append(chunk[: max_bytes - (size - len(chunk))])
                            break
                        raise self._too_large(url, max_bytes)
                    chunks.append(chunk)
                    if self.clock() > deadline:
                        raise FetchError(url, "too slow", "timeout", transient=True)
                return _Answer(
                    response.status_code,
                    {k.lower(): v for k, v in response.headers.items()},
                    b"".join(chunks),
                )
        except httpx2.TimeoutException:
            raise FetchError(
                url, f"no answer within {self.policy.timeout:g} s", "timeout", transient=True
            ) from None
        except httpx2.DecodingError as error:
            raise FetchError(
                url, f"bad content encoding ({error})", "bad-encoding", transient=False
            ) from None
        except (httpx2.TransportError, httpx2.InvalidURL) as error:
            raise FetchError(
                url, f"network error ({type(error).__name__})", "network", transient=True
            ) from None

    def _too_large(self, url: str, max_bytes: int) -> FetchError:
        return FetchError(
            url,
            f"page larger than {max_bytes / (1024 * 1024):g} MB: cut off",
            "too-large",
            transient=False,
        )

    # -- host health ------------------------------------------------------------------------

    def _failed(self, host: str, error: FetchError) -> None:
        state = self.hosts.setdefault(host, HostState())
        state.failures += 1
        state.last_error = error.reason
        if state.failures >= self.policy.pause_after:
            state.paused_until = self.wall() + self.policy.pause_seconds

    def _succeeded(self, host: str) -> None:
        state = self.hosts.get(host)
        if state is not None and (state.failures or state.paused_until):
            state.failures = 0
            state.paused_until = None
            state.last_error = None
