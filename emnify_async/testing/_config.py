"""Configuration objects of the emulator."""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass, field

from emnify_async.testing._clock import Clock


@dataclass
class Faults:
    """Random faults, drawn from a generator seeded with ``EmulatorConfig.seed``.

    Rates are shares of requests in ``[0, 1]``; they are checked in the order error, rate
    limit, reset, truncate, slow body, so their sum should stay at or below 1.
    """

    error_rate: float = 0.0
    """Share of requests answered with 500, 502 or 503."""
    rate_limit_rate: float = 0.0
    """Share of requests answered with 429 TooManyRequests."""
    retry_after: float | None = None
    """``Retry-After`` seconds sent with random 429 and 503 answers; ``None`` sends none."""
    latency: float = 0.0
    """Seconds added to every faulted-route request."""
    page_latency: float = 0.0
    """Extra seconds added to each request of a paged list route."""
    reset_rate: float = 0.0
    """Share of requests whose connection is closed before any response is sent."""
    truncate_rate: float = 0.0
    """Share of responses whose body is cut in half (Content-Length announces the full size)."""
    slow_body_rate: float = 0.0
    """Share of responses whose body is trickled out in chunks over ``slow_body_seconds``."""
    slow_body_seconds: float = 0.5
    exempt_authenticate: bool = True
    """Keep ``POST /api/v1/authenticate`` free of random faults."""


@dataclass
class EmulatorConfig:
    """Settings of one emulator instance; every field has a usable default."""

    seed: int = 0
    sims: int = 250
    """Number of SIMs seeded into the parent organisation (1,000,000 is fine)."""
    host: str = "127.0.0.1"
    port: int = 0
    """0 picks a free ephemeral port."""
    ssl_context: ssl.SSLContext | None = None
    """Serve HTTPS with this server context (its certificate must name ``host``)."""
    token_lifetime: float = 14400.0
    """Seconds an ``auth_token`` is valid (rounded up to whole seconds in ``exp``)."""
    refresh_token_lifetime: float = 7 * 24 * 3600.0
    rate_limits: bool = False
    """Enforce emnify's documented per-organisation, per-path rate limits."""
    rate_limit_retry_after: float | None = None
    """If set, rate-limit 429s carry this ``Retry-After`` value."""
    faults: Faults = field(default_factory=Faults)
    lockout_seconds: float = 300.0
    """How long a username stays locked after 3 consecutive failed logins."""
    page_cache_bytes: int = 256 * 1024 * 1024
    """Upper bound of the serialized-page cache."""
    clock: Clock = field(default=time.time)
    """The emulator's "now" in epoch seconds: token ``iat``/``exp``, login lockouts, event
    times, the statistics' current month and hour, billing periods. Pass a
    :class:`~emnify_async.testing.ManualClock` to pin or move it in tests."""
