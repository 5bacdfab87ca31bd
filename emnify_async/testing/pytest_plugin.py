"""pytest plugin with fixtures that start an in-process emnify API emulator.

Enable it with ``pytest_plugins = ["emnify_async.testing.pytest_plugin"]``. Async tests that use
the fixtures run under pytest-asyncio without ``@pytest.mark.asyncio``, in its strict mode too.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any

import pytest
import pytest_asyncio

from emnify_async.testing import Emulator, EmulatorConfig

EmulatorFactory = Callable[..., Awaitable[Emulator]]

DEFAULT_FIXTURE_SIMS = 250
_FIXTURES = frozenset({"emnify_emulator", "emnify_emulator_factory"})


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_pycollect_makeitem(
    collector: pytest.Module | pytest.Class, name: str, obj: object
) -> Generator[None, Any, Any]:
    """Mark async tests that use the emulator fixtures with ``pytest.mark.asyncio``.

    In pytest-asyncio's strict mode an unmarked ``async def`` test is not run. ``trylast``
    puts this wrapper inside pytest-asyncio's own, so the mark is there when it looks.
    """
    result = yield
    for item in result if isinstance(result, list) else [result]:
        if (
            isinstance(item, pytest.Function)
            and inspect.iscoroutinefunction(item.obj)
            and _FIXTURES.intersection(item.fixturenames)
            and item.get_closest_marker("asyncio") is None
        ):
            item.add_marker(pytest.mark.asyncio)
    return result


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
