"""Shared fixtures: the emulator (from the shipped pytest plugin), clients, a scriptable fake."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emnify_async import AsyncEmnify, RetryPolicy
from emnify_async.testing import Emulator

from .fakes import FakeAPI

pytest_plugins = ["emnify_async.testing.pytest_plugin"]

# Fast retries for tests: real waits, but short ones.
FAST_RETRY = RetryPolicy(
    max_retries=3, initial_delay=0.01, max_delay=0.05, jitter=0.0, deadline=10.0
)


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's EMNIFY_* variables out of the tests."""
    for name in (
        "EMNIFY_APPLICATION_TOKEN",
        "EMNIFY_BASE_URL",
        "EMNIFY_USERNAME",
        "EMNIFY_PASSWORD",
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
