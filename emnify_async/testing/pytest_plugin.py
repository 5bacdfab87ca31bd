"""pytest plugin with fixtures that start an in-process emnify API emulator.

Enable it with ``pytest_plugins = ["emnify_async.testing.pytest_plugin"]``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest_asyncio

from emnify_async.testing import Emulator, EmulatorConfig

EmulatorFactory = Callable[..., Awaitable[Emulator]]

DEFAULT_FIXTURE_SIMS = 250


@pytest_asyncio.fixture
async def emnify_emulator() -> AsyncIterator[Emulator]:
    """A started emulator with 250 SIMs and seed 0, closed after the test."""
    async with Emulator(EmulatorConfig(seed=0, sims=DEFAULT_FIXTURE_SIMS)) as emu:
        yield emu


@pytest_asyncio.fixture
async def emnify_emulator_factory() -> AsyncIterator[EmulatorFactory]:
    """An async factory ``await factory(**config_kwargs)``; all emulators close at teardown."""
    started: list[Emulator] = []

    async def factory(**kwargs: Any) -> Emulator:
        emu = Emulator(EmulatorConfig(**kwargs))
        await emu.start()
        started.append(emu)
        return emu

    try:
        yield factory
    finally:
        for emu in reversed(started):
            await emu.close()
