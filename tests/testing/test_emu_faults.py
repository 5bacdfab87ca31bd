"""Scripted and random fault injection, and the rate limits."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable

import aiohttp
import pytest

from emnify_async.testing import Emulator, Faults, ManualClock
from emnify_async.testing._keys import RATE_LIMITER

from .conftest import Api, connect

Factory = Callable[..., Awaitable[Emulator]]


async def test_scripted_respond_fifo(api: Api) -> None:
    api.emu.inject(
        method="GET", path="/api/v1/sim/5", status=503, times=2, headers={"Retry-After": "1"}
    )
    api.emu.inject(path=re.compile(r"/api/v1/sim/\d+"), status=500, body=b"boom")
    statuses = []
    for _ in range(4):
        async with api.get("/api/v1/sim/5") as resp:
            statuses.append((resp.status, resp.headers.get("Retry-After"), await resp.read()))
    assert statuses[0] == (503, "1", b'{"message":"Service Unavailable"}')
    assert statuses[1][0] == 503
    assert statuses[2] == (500, None, b"boom")
    assert statuses[3][0] == 200
    assert [r.status for r in api.emu.requests[-4:]] == [503, 503, 500, 200]


async def test_scripted_json_body_and_auth_path(api: Api) -> None:
    api.emu.inject(method="POST", path="/api/v1/authenticate", status=429)
    async with api.session.post(
        "/api/v1/authenticate", json={"application_token": api.emu.application_token}
    ) as resp:
        assert resp.status == 429
        assert (await resp.json())["error_token"] == "TooManyRequests"
    api.emu.inject(path="/api/v1/sim", status=418, body={"hello": "world"})
    async with api.get("/api/v1/sim") as resp:
        assert resp.status == 418 and await resp.json() == {"hello": "world"}


async def test_scripted_reset(api: Api) -> None:
    # aiohttp silently retries once when a reused keep-alive connection drops, hence times=2.
    api.emu.inject(path="/api/v1/sim/1", action="reset", times=2)
    with pytest.raises(aiohttp.ClientError):
        async with api.get("/api/v1/sim/1") as resp:
            await resp.read()
    assert api.emu.requests[-1].status == 0
    async with api.get("/api/v1/sim/1") as resp:
        assert resp.status == 200


async def test_scripted_truncate(api: Api) -> None:
    api.emu.inject(path="/api/v1/sim", action="truncate")
    async with api.get("/api/v1/sim") as resp:
        assert resp.status == 200
        with pytest.raises(aiohttp.ClientPayloadError):
            await resp.read()
    async with api.get("/api/v1/sim") as resp:
        assert len(await resp.json()) == 250


async def test_scripted_delay_and_slow(api: Api) -> None:
    api.emu.inject(path="/api/v1/sim/1", action="delay", delay=0.3)
    api.emu.inject(path="/api/v1/sim/2", action="slow", delay=0.3)
    for path in ("/api/v1/sim/1", "/api/v1/sim/2"):
        started = time.perf_counter()
        async with api.get(path) as resp:
            body = await resp.json()
        assert time.perf_counter() - started >= 0.25
        assert resp.status == 200 and body["id"] == int(path[-1])


async def _statuses(emu: Emulator, count: int, path: str = "/api/v1/sim/1") -> list[int]:
    api = await connect(emu)
    statuses = []
    async with api.session:
        for _ in range(count):
            try:
                async with api.get(path) as resp:
                    await resp.read()
                    statuses.append(resp.status)
            except aiohttp.ClientError:
                statuses.append(0)
    return statuses


async def test_random_errors_are_seeded(emnify_emulator_factory: Factory) -> None:
    faults = Faults(error_rate=0.3, rate_limit_rate=0.2, retry_after=2)
    first = await emnify_emulator_factory(sims=10, faults=faults)
    second = await emnify_emulator_factory(sims=10, faults=faults)
    a, b = await _statuses(first, 40), await _statuses(second, 40)
    assert a == b
    assert {500, 502, 503, 429, 200} >= set(a) and 200 in a and 429 in a
    assert len([s for s in a if s >= 500]) > 3


async def test_random_rate_limit_retry_after(emnify_emulator_factory: Factory) -> None:
    emu = await emnify_emulator_factory(sims=5, faults=Faults(rate_limit_rate=1.0, retry_after=1.5))
    api = await connect(emu)  # authenticate is exempt by default
    async with api.session, api.get("/api/v1/sim/1") as resp:
        assert resp.status == 429 and resp.headers["Retry-After"] == "1.5"
        assert (await resp.json())["error_code"] == 1105


async def test_random_reset_truncate_slow(emnify_emulator_factory: Factory) -> None:
    resets = await emnify_emulator_factory(sims=5, faults=Faults(reset_rate=1.0))
    assert await _statuses(resets, 2) == [0, 0]
    truncates = await emnify_emulator_factory(sims=5, faults=Faults(truncate_rate=1.0))
    assert await _statuses(truncates, 2) == [0, 0]
    slow = await emnify_emulator_factory(
        sims=5, faults=Faults(slow_body_rate=1.0, slow_body_seconds=0.2)
    )
    started = time.perf_counter()
    assert await _statuses(slow, 2) == [200, 200]
    assert time.perf_counter() - started >= 0.4


async def test_latency(emnify_emulator_factory: Factory) -> None:
    emu = await emnify_emulator_factory(sims=5, faults=Faults(latency=0.1, page_latency=0.2))
    api = await connect(emu)
    async with api.session:
        started = time.perf_counter()
        async with api.get("/api/v1/sim/1") as resp:
            await resp.read()
        single = time.perf_counter() - started
        started = time.perf_counter()
        async with api.get("/api/v1/sim") as resp:
            await resp.read()
        paged = time.perf_counter() - started
    assert 0.1 <= single < 0.3 and paged >= 0.3


async def test_authenticate_exemption_configurable(emnify_emulator_factory: Factory) -> None:
    emu = await emnify_emulator_factory(
        sims=5, faults=Faults(error_rate=1.0, exempt_authenticate=False)
    )
    async with (
        aiohttp.ClientSession(emu.base_url) as session,
        session.post(
            "/api/v1/authenticate", json={"application_token": emu.application_token}
        ) as resp,
    ):
        assert resp.status >= 500


async def test_rate_limits(emnify_emulator_factory: Factory) -> None:
    emu = await emnify_emulator_factory(sims=5, rate_limits=True, rate_limit_retry_after=1)
    pacing = ManualClock(0)  # the limiter measures intervals, on a monotonic clock of its own
    emu.app[RATE_LIMITER].clock = pacing  # type: ignore[union-attr]
    api = await connect(emu)
    async with api.session:
        statuses = []
        for _ in range(12):
            async with api.get("/api/v1/sim") as resp:
                statuses.append(resp.status)
                if resp.status == 429:
                    assert (await resp.json())["error_token"] == "TooManyRequests"
                    assert resp.headers["Retry-After"] == "1"
        assert statuses[:5] == [200] * 5 and 429 in statuses
        # Other paths have their own buckets.
        async with api.get("/api/v1/sim/1") as resp:
            assert resp.status == 200
        pacing.advance(0.25)  # 10 req/s refills two tokens
        async with api.get("/api/v1/sim") as resp:
            assert resp.status == 200


async def test_rate_limits_off_by_default(api: Api) -> None:
    for _ in range(20):
        async with api.get("/api/v1/sim", params={"per_page": "1"}) as resp:
            assert resp.status == 200
