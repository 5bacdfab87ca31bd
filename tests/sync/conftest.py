"""An emulator on its own loop thread, so blocking tests (and subprocesses) can call it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from emnify_async.testing import Emulator, EmulatorConfig


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
