"""Ways of starting the emulator, determinism, the request log, and scale."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable

import aiohttp
import pytest

from emnify_async.testing import Emulator, EmulatorConfig, create_app

from .conftest import connect, login

Factory = Callable[..., Awaitable[Emulator]]


async def test_context_manager_and_kwargs_shortcut() -> None:
    emu = Emulator(EmulatorConfig(seed=3), sims=7)
    assert emu.config.sims == 7 and emu.config.seed == 3
    with pytest.raises(RuntimeError):
        _ = emu.base_url
    async with emu:
        assert emu.base_url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession(emu.base_url) as session:
            await login(session, emu)
    await emu.close()  # idempotent


async def test_fixture(emnify_emulator: Emulator) -> None:
    assert emnify_emulator.config.sims == 250
    assert len(emnify_emulator.state.sim_ids()) == 250


def test_create_app_is_an_aiohttp_application() -> None:
    from aiohttp import web

    assert isinstance(create_app(EmulatorConfig(sims=3)), web.Application)


async def _page(emu: Emulator) -> bytes:
    api = await connect(emu)
    async with api.session, api.get("/api/v1/sim", params={"per_page": "2500"}) as resp:
        body: bytes = await resp.read()
        return body


async def test_deterministic_from_seed(emnify_emulator_factory: Factory) -> None:
    first = await emnify_emulator_factory(seed=11, sims=300)
    second = await emnify_emulator_factory(seed=11, sims=300)
    other = await emnify_emulator_factory(seed=12, sims=300)
    strip = first.base_url.encode(), second.base_url.encode()
    assert (await _page(first)).replace(strip[0], b"") == (await _page(second)).replace(
        strip[1], b""
    )
    assert first.application_token == second.application_token
    assert first.requests[0].request_id == second.requests[0].request_id
    assert await _page(first) != await _page(other)
    # A SIM's data does not depend on how many SIMs were generated.
    bigger = Emulator(seed=11, sims=600)
    assert bigger.state.sim(42) == first.state.sim(42)


async def test_request_log(api_emu: tuple[Emulator, aiohttp.ClientSession]) -> None:
    emu, session = api_emu
    async with session.get("/api/v1/sim", params={"per_page": "3"}, headers={"X-Test": "1"}):
        pass
    record = emu.requests[-1]
    assert (record.method, record.path, record.query) == ("GET", "/api/v1/sim", {"per_page": "3"})
    assert record.headers["X-Test"] == "1" and record.status == 401 and record.body == b""
    first = emu.requests[0]
    assert first.method == "POST" and b"application_token" in first.body and first.status == 200


@pytest.fixture
async def api_emu(emnify_emulator: Emulator) -> object:
    async with aiohttp.ClientSession(emnify_emulator.base_url) as session:
        await login(session, emnify_emulator)
        yield emnify_emulator, session


def test_large_start_is_fast() -> None:
    started = time.perf_counter()
    emu = Emulator(sims=200_000)
    assert time.perf_counter() - started < 10
    assert len(emu.state.sim_ids()) == 200_000
    assert emu.state.sim(200_000)["iccid"] == "8988303000000200000"  # type: ignore[index]


async def test_cli_subprocess() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "emnify_async.testing",
        "--port",
        "0",
        "--sims",
        "50",
        "--seed",
        "4",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    try:
        assert proc.stdout is not None
        lines: dict[str, str] = {}
        while "password" not in lines:
            line = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()
            assert line, "CLI exited early"
            if line.startswith("emnify emulator listening on "):
                lines["url"] = line.rsplit(" ", 1)[1].strip()
            key, sep, value = line.partition(": ")
            if sep:
                lines[key] = value.strip()
        async with aiohttp.ClientSession(lines["url"]) as session:
            async with session.post(
                "/api/v1/authenticate", json={"application_token": lines["application_token"]}
            ) as resp:
                token = (await resp.json())["auth_token"]
            async with session.get(
                "/api/v1/sim", headers={"Authorization": f"Bearer {token}"}
            ) as resp:
                assert resp.headers["X-Total-Count"] == "50"
    finally:
        proc.terminate()
        await proc.communicate()
    assert proc.returncode is not None
