"""Shared fixtures: the emulator (from the shipped pytest plugin), clients, a scriptable fake."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator

import pytest

from emnify_async import AsyncEmnify, RetryPolicy
from emnify_async.testing import Emulator, EmulatorConfig

from .fakes import FakeAPI

pytest_plugins = ["emnify_async.testing.pytest_plugin"]

# Fast retries for tests: real waits, but short ones.
FAST_RETRY = RetryPolicy(
    max_retries=3, initial_delay=0.01, max_delay=0.05, jitter=0.0, deadline=10.0
)


PROXY_VARIABLES = tuple(
    name
    for base in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
    for name in (base, base.upper())
)


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's EMNIFY_* and proxy variables out of the tests."""
    for name in (
        "EMNIFY_APPLICATION_TOKEN",
        "EMNIFY_BASE_URL",
        "EMNIFY_USERNAME",
        "EMNIFY_PASSWORD",
        *PROXY_VARIABLES,
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def fake() -> AsyncIterator[FakeAPI]:
    """A scriptable loopback server for narrow transport tests."""
    async with FakeAPI() as api:
        yield api


@pytest.fixture
async def fake_client(fake: FakeAPI) -> AsyncIterator[AsyncEmnify]:
    """A client of the fake server with fast retries."""
    async with AsyncEmnify(
        fake.token, base_url=fake.url, retry=FAST_RETRY, rate_limits=False
    ) as client:
        yield client


@pytest.fixture
async def client(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client of the emulator, authenticated with its application token."""
    async with AsyncEmnify(
        emnify_emulator.application_token,
        base_url=emnify_emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,  # the pacing itself is tested in tests/test_ratelimit.py
    ) as api:
        yield api


class ThreadedEmulator:
    """Runs an Emulator on a private loop in a daemon thread."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.emulator = Emulator(config)

    def __enter__(self) -> Emulator:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.emulator.start(), self.loop).result(30)
        return self.emulator

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.emulator.close(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def threaded_emulator() -> Iterator[Emulator]:
    """A 3000-SIM emulator serving from a background thread."""
    with ThreadedEmulator(EmulatorConfig(seed=0, sims=3000)) as emulator:
        yield emulator
