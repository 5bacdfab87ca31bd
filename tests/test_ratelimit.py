"""Client-side pacing to emnify's documented limits, and backing off when 429s appear."""

from __future__ import annotations

import time

import pytest

from emnify_async import AsyncEmnify, PathLimit, RateLimitError, RateLimits, RetryPolicy
from emnify_async._ratelimit import RateLimiter

SIMS = "/api/v1/sim"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TestBuckets:
    def test_burst_then_documented_rate(self) -> None:
        """GET /api/v1/sim without margin: 5 at once, then one every 100 ms (10 per second)."""
        limiter = RateLimiter(RateLimits(margin=0, headroom=0), clock=FakeClock())

        waits = [limiter.reserve("GET", SIMS) for _ in range(8)]

        assert waits == pytest.approx([0, 0, 0, 0, 0, 0.1, 0.2, 0.3])

    def test_default_pace(self) -> None:
        """By default the whole burst goes at once, then 1 % under the documented rate, each
        request that waits 20 ms after its turn (the margins do not add up)."""
        limiter = RateLimiter(RateLimits(), clock=FakeClock())

        waits = [limiter.reserve("GET", SIMS) for _ in range(8)]

        assert waits == pytest.approx([0, 0, 0, 0, 0, *(k / 9.9 + 0.02 for k in (1, 2, 3))])

    def test_headroom_paces_under_the_documented_rate(self) -> None:
        """headroom=0.05 paces 5 % under the documented rate."""
        limiter = RateLimiter(RateLimits(headroom=0.05, margin=0), clock=FakeClock())

        waits = [limiter.reserve("GET", SIMS) for _ in range(7)]

        assert waits == pytest.approx([0, 0, 0, 0, 0, 1 / 9.5, 2 / 9.5])

    def test_tokens_refill_over_time(self) -> None:
        """After a pause the burst is available again."""
        clock = FakeClock()
        limiter = RateLimiter(RateLimits(margin=0, headroom=0), clock=clock)
        for _ in range(5):
            limiter.reserve("GET", SIMS)

        clock.now += 0.5

        assert [limiter.reserve("GET", SIMS) for _ in range(6)] == pytest.approx(
            [0, 0, 0, 0, 0, 0.1]
        )

    @pytest.mark.parametrize(
        ("method", "path", "rate"),
        [
            ("GET", "/api/v1/sim", 10),
            ("GET", "/api/v1/sim/", 10),
            ("GET", "/api/v1/sim/42", 100),
            ("GET", "/api/v1/sim/42/stats", 10),
            ("GET", "/api/v1/organisation/my/stats/daily", 10),
            ("PATCH", "/api/v1/sim/42", None),
            ("GET", "/api/v1/sim/status", None),  # a lookup, not a SIM id
        ],
    )
    def test_paths_match_the_documented_table(
        self, method: str, path: str, rate: float | None
    ) -> None:
        """Each path gets the limit emnify documents for it; undocumented ones none."""
        limiter = RateLimiter(RateLimits(headroom=0), clock=FakeClock())

        assert limiter.current_rate(method, path) == rate

    def test_window_per_ip(self) -> None:
        """At most `window_requests` in any `window_seconds`, whatever the path."""
        limits = RateLimits(paths=(), window_requests=3, window_seconds=10)
        limiter = RateLimiter(limits, clock=FakeClock())

        assert [limiter.reserve("PATCH", "/api/v1/sim/1") for _ in range(5)] == [0, 0, 0, 10, 10]

    def test_429_halves_the_rate_and_successes_restore_it(self) -> None:
        """Adaptive pacing: slower after a 429, back to nominal after successes."""
        limiter = RateLimiter(RateLimits(headroom=0), clock=FakeClock())

        limiter.observe("GET", SIMS, 429)
        halved = limiter.current_rate("GET", SIMS)
        limiter.observe("GET", SIMS, 429)
        quartered = limiter.current_rate("GET", SIMS)
        for _ in range(20):
            limiter.observe("GET", SIMS, 200)

        assert (halved, quartered) == (5, 2.5)
        assert limiter.current_rate("GET", SIMS) == 10

    def test_invalid_limit(self) -> None:
        """A zero rate, a negative margin and a full headroom are refused."""
        from emnify_async import InputError

        with pytest.raises(InputError):
            PathLimit("GET", SIMS, 0, 5)
        with pytest.raises(InputError):
            RateLimits(margin=-0.01)
        with pytest.raises(InputError):
            RateLimits(headroom=1)


class TestAgainstTheEmulator:
    async def test_paced_listing_meets_no_429(self, emnify_emulator_factory: object) -> None:
        """With emnify's limits enforced, the default client lists 25 pages with zero 429s."""
        emulator = await emnify_emulator_factory(sims=250, rate_limits=True)  # type: ignore[operator]
        async with AsyncEmnify(emulator.application_token, base_url=emulator.base_url) as client:
            started = time.monotonic()
            count = sum([1 async for _ in client.sims.list(per_page=10)])
            elapsed = time.monotonic() - started

        statuses = [r.status for r in emulator.requests if r.path == SIMS]
        assert count == 250
        assert statuses == [200] * 25
        assert elapsed >= (25 - 5) / 10 * 0.95
        assert elapsed <= (25 - 4) / 9.5 + 1.5

    async def test_unpaced_client_is_refused(self, emnify_emulator_factory: object) -> None:
        """The same listing without pacing (and no retries) runs into 429."""
        emulator = await emnify_emulator_factory(sims=250, rate_limits=True)  # type: ignore[operator]
        async with AsyncEmnify(
            emulator.application_token,
            base_url=emulator.base_url,
            rate_limits=False,
            max_retries=0,
        ) as client:
            with pytest.raises(RateLimitError):
                await client.sims.list(per_page=10).to_list()

    async def test_too_generous_limits_adapt_down(self, emnify_emulator_factory: object) -> None:
        """Configured above the server's real limit, the client meets 429s, slows, loses nothing."""
        emulator = await emnify_emulator_factory(sims=250, rate_limits=True)  # type: ignore[operator]
        generous = RateLimits(paths=(PathLimit("GET", SIMS, 40, 5),), headroom=0)
        retry = RetryPolicy(max_retries=8, initial_delay=0.05, max_delay=0.5, jitter=0.05)
        async with AsyncEmnify(
            emulator.application_token,
            base_url=emulator.base_url,
            rate_limits=generous,
            retry=retry,
            page_prefetch=1,
        ) as client:
            limiter = client._transport.limiter
            assert limiter is not None
            rates: list[float | None] = []
            observe = limiter.observe

            def spy(method: str, path: str, status: int) -> None:
                observe(method, path, status)
                rates.append(limiter.current_rate(method, path))

            limiter.observe = spy  # type: ignore[method-assign]
            ids = [sim.id async for sim in client.sims.list(per_page=10)]

        statuses = [r.status for r in emulator.requests if r.path == SIMS]
        assert len(ids) == len(set(ids)) == 250
        assert 429 in statuses
        assert min(rate for rate in rates if rate is not None) <= 20
