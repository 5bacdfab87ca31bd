"""Client-side pacing to emnify's documented rate limits, backing off further on 429s.

emnify limits requests per organisation and path (e.g. GET /api/v1/sim: 10 per second, burst
5) and per IP (2000 per 5 minutes). Requests beyond those are answered 429; pacing them here
instead turns a storm of retries into a steady stream that never trips the limit.
"""

from __future__ import annotations

import asyncio
import collections
import re
import time
from collections.abc import Callable, Sequence

import attrs

from ._exceptions import InputError

__all__ = ["DOCUMENTED_LIMITS", "PathLimit", "RateLimiter", "RateLimits"]

_ID = r"\d+"  # ids only: a literal segment such as `status` is another path
_ORG = r"(?:\d+|my)"


@attrs.frozen
class PathLimit:
    """A documented limit: `rate` requests per second with bursts of `burst`, for one path."""

    method: str
    pattern: str
    """A regular expression matched against the whole path (trailing slash optional)."""
    rate: float
    burst: float

    def __attrs_post_init__(self) -> None:
        if self.rate <= 0 or self.burst < 1:
            raise InputError("a rate limit needs a positive rate and a burst of at least 1")


# From emnify's rate-limit documentation (per organisation).
DOCUMENTED_LIMITS: tuple[PathLimit, ...] = (
    PathLimit("GET", r"/api/v1/sim", 10, 5),
    PathLimit("GET", rf"/api/v1/sim/{_ID}/stats", 10, 5),
    PathLimit("GET", rf"/api/v1/sim/{_ID}", 100, 50),
    PathLimit("GET", r"/api/v1/endpoint", 10, 5),
    PathLimit("GET", r"/api/v1/endpoint/stats", 100, 50),
    PathLimit("GET", rf"/api/v1/endpoint/{_ID}/connectivity_info", 10, 5),
    PathLimit("GET", rf"/api/v1/endpoint/{_ID}/connectivity", 50, 25),
    PathLimit("GET", rf"/api/v1/endpoint/{_ID}/stats(/.*)?", 100, 50),
    PathLimit("GET", rf"/api/v1/endpoint/{_ID}", 50, 25),
    PathLimit("GET", r"/api/v1/event", 10, 5),
    PathLimit("GET", r"/api/v1/stats(/.*)?", 10, 5),
    PathLimit("GET", rf"/api/v1/organisation/{_ORG}/stats(/.*)?", 10, 5),
    PathLimit("GET", rf"/api/v1/organisation/{_ORG}/billing(/.*)?", 10, 5),
    PathLimit("GET", r"/api/v1/service_profile", 100, 50),
    PathLimit("GET", r"/api/v1/tariff_profile", 100, 50),
    PathLimit("POST", r"/api/v1/authenticate", 100 / 300, 100),
)


@attrs.frozen(kw_only=True)
class RateLimits:
    """What the client paces itself to. `AsyncEmnify(rate_limits=RateLimits(...))`."""

    paths: Sequence[PathLimit] = DOCUMENTED_LIMITS
    """Per-path limits; the first match wins."""
    window_requests: int = 2000
    """Requests allowed per IP in any `window_seconds`; 0 disables the window."""
    window_seconds: float = 300.0
    adaptive: bool = True
    """Halve a path's rate on each 429 and let it recover on successes."""
    margin: float = 0.02
    """Seconds each request that waited for its turn is held back beyond it. It absorbs the
    jitter of the network and of emnify's gateway: a request that travels faster than the
    ones before it still arrives after emnify's bucket has refilled. It does not add up:
    the requests keep the documented pace, each a little late."""
    headroom: float = 0.01
    """Pace this share below each documented rate: the slack it leaves in emnify's bucket
    grows with every request (0.01 gives a token, 100 ms at 10/s, per 100 requests), for
    long runs whose delays vary by more than `margin`."""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.headroom < 1:
            raise InputError("headroom is a share from 0 up to (not including) 1")
        if not 0 <= self.margin < 1:
            raise InputError("margin is a number of seconds from 0 up to (not including) 1")


class _Bucket:
    """A token bucket whose rate drops on 429s and climbs back on successes."""

    def __init__(
        self, rate: float, burst: float, margin: float, clock: Callable[[], float]
    ) -> None:
        self.nominal = rate
        self.rate = rate
        self.burst = burst
        self._margin = margin
        self._tokens = burst
        self._clock = clock
        self._stamp = clock()

    def delay(self) -> float:
        """Take a token; return how long to wait before using it."""
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now
        self._tokens -= 1
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate + self._margin

    def slow_down(self) -> None:
        self.rate = max(self.rate / 2, self.nominal / 16)
        self._tokens = min(self._tokens, 0.0)

    def recover(self) -> None:
        if self.rate < self.nominal:
            self.rate = min(self.nominal, self.rate + self.nominal / 20)


class _Window:
    """At most `requests` in any `seconds`, as emnify counts per IP."""

    def __init__(self, requests: int, seconds: float, clock: Callable[[], float]) -> None:
        self._requests = requests
        self._seconds = seconds
        self._clock = clock
        self._sent: collections.deque[float] = collections.deque()

    def delay(self) -> float:
        now = self._clock()
        while self._sent and self._sent[0] <= now - self._seconds:
            self._sent.popleft()
        start = now
        if len(self._sent) >= self._requests:
            start = self._sent[len(self._sent) - self._requests] + self._seconds
        self._sent.append(start)
        return max(0.0, start - now)


class RateLimiter:
    """Hands out send times so requests stay within the configured limits."""

    def __init__(self, limits: RateLimits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._rules = [
            (limit.method.upper(), re.compile(limit.pattern + "/?"), limit)
            for limit in limits.paths
        ]
        self._clock = clock
        self._buckets: dict[PathLimit, _Bucket] = {}
        self._window = (
            _Window(limits.window_requests, limits.window_seconds, clock)
            if limits.window_requests > 0
            else None
        )

    def _bucket(self, method: str, path: str) -> _Bucket | None:
        for rule_method, pattern, limit in self._rules:
            if rule_method == method and pattern.fullmatch(path):
                bucket = self._buckets.get(limit)
                if bucket is None:
                    rate = limit.rate * (1 - self.limits.headroom)
                    bucket = self._buckets[limit] = _Bucket(
                        rate, limit.burst, self.limits.margin, self._clock
                    )
                return bucket
        return None

    def reserve(self, method: str, path: str) -> float:
        """Reserve a slot for a request; return the seconds to wait before sending it."""
        bucket = self._bucket(method, path)
        wait = bucket.delay() if bucket is not None else 0.0
        if self._window is not None:
            wait = max(wait, self._window.delay())
        return wait

    async def acquire(self, method: str, path: str) -> None:
        """Wait until a request to `path` may be sent."""
        wait = self.reserve(method, path)
        if wait > 0:
            await asyncio.sleep(wait)

    def observe(self, method: str, path: str, status: int) -> None:
        """Adapt to a response: slow a path down after a 429, recover after successes."""
        if not self.limits.adaptive:
            return
        bucket = self._bucket(method, path)
        if bucket is None:
            return
        if status == 429:
            bucket.slow_down()
        elif status < 400:
            bucket.recover()

    def current_rate(self, method: str, path: str) -> float | None:
        """The rate (requests per second) now applied to `path`, None when unlimited."""
        bucket = self._bucket(method, path)
        return bucket.rate if bucket is not None else None
