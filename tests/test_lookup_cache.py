"""The lookup cache's single-flight and refresh rules, with loads the test controls."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from emnify_async._lookup_cache import LookupCache, cache_for


class Loads:
    """A load function that answers its n-th call with `[n]` once released."""

    def __init__(self) -> None:
        self.calls = 0
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    def __call__(self) -> Coroutine[Any, Any, list[int]]:
        self.calls += 1
        number = self.calls

        async def load() -> list[int]:
            self.started.set()
            await self.release.wait()
            return [number]

        return load()


class Owner:
    """Stands in for a transport (anything weakly referenceable)."""


def _task(get: Callable[[], Coroutine[Any, Any, tuple[int, ...]]]) -> asyncio.Task[Any]:
    return asyncio.ensure_future(get())


class TestLookupCache:
    async def test_waiters_share_the_load_in_flight(self) -> None:
        """Callers arriving during a load get its answer; one load in all."""
        cache, load = LookupCache(), Loads()
        first = _task(lambda: cache.get("k", load))
        await load.started.wait()
        others = [_task(lambda: cache.get("k", load)) for _ in range(3)]
        load.release.set()

        answers = await asyncio.gather(first, *others)

        assert answers == [(1,)] * 4
        assert load.calls == 1

    async def test_refresh_shares_a_load_that_began_after_it_asked(self) -> None:
        """Two refreshes at once: the second waits for the first's fresh answer, no third."""
        cache, load = LookupCache(), Loads()
        load.release.set()
        await cache.get("k", load)

        load.release.clear()
        load.started.clear()
        first = _task(lambda: cache.get("k", load, refresh=True))
        await load.started.wait()
        second = _task(lambda: cache.get("k", load, refresh=True))
        load.release.set()

        assert await asyncio.gather(first, second) == [(2,), (2,)]
        assert load.calls == 2

    async def test_a_load_overtaken_by_clear_is_not_kept(self) -> None:
        """`clear()` during a load: its caller gets the answer, the next call loads anew."""
        cache, load = LookupCache(), Loads()
        first = _task(lambda: cache.get("k", load))
        await load.started.wait()
        cache.clear()
        load.release.set()

        assert await first == (1,)
        assert await cache.get("k", load) == (2,)
        assert await cache.get("k", load) == (2,)

    def test_one_cache_per_owner(self) -> None:
        """Owners (a client's transport) each have their own cache, for their whole life."""
        one, two = Owner(), Owner()

        assert cache_for(one) is cache_for(one)
        assert cache_for(one) is not cache_for(two)
