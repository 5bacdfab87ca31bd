"""emnify's documented per-organisation, per-path rate limits as token buckets."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from emnify_async.testing._errors import TOO_MANY_REQUESTS, ApiError, error_body


@dataclass(frozen=True)
class Limit:
    """``rate`` tokens per second, at most ``burst`` stored."""

    rate: float
    burst: float


RouteKey = tuple[str, str]
"""``(method, route template)``, e.g. ``("GET", "/api/v1/sim/{sim_id}")``."""


class RateLimiter:
    """Token buckets keyed by (caller, method, route template).

    Buckets refill on a monotonic clock: they pace intervals between real requests, which is
    not the emulator's "now" (``EmulatorConfig.clock``), so a pinned clock does not freeze them.
    """

    def __init__(
        self,
        limits: dict[RouteKey, Limit],
        retry_after: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits
        self.retry_after = retry_after
        self.clock = clock
        self._buckets: dict[tuple[object, str, str], tuple[float, float]] = {}

    def check(self, caller: object, method: str, route: str) -> None:
        """Take one token or raise 429 TooManyRequests."""
        limit = self.limits.get((method, route))
        if limit is None:
            return
        key = (caller, method, route)
        now = self.clock()
        tokens, last = self._buckets.get(key, (limit.burst, now))
        tokens = min(limit.burst, tokens + (now - last) * limit.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            headers = {} if self.retry_after is None else {"Retry-After": f"{self.retry_after:g}"}
            raise ApiError(
                429, error_body(TOO_MANY_REQUESTS, "Rate limit exceeded"), headers=headers
            )
        self._buckets[key] = (tokens - 1.0, now)
