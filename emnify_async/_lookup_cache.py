"""The lookup cache of a client: each list fetched once, shared by every view, refreshable.

Lookups (countries, currencies, RAT types...) rarely change and scripts ask for them in loops,
so `client.lookups` keeps each answer for the client's life. The cache hangs off the client's
transport, which `with_options()` views share, so a view reads and refreshes the same cache.
Concurrent first calls share one request (single-flight); a failed request caches nothing.
The executor (`resources/_base.py`) keeps each accepted answer and decodes it into a new list
for every caller, so a caller changing its list cannot change what the next caller gets.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

__all__ = ["LookupCache", "cache_for"]

T = TypeVar("T")


class _Entry:
    """One cached answer, the lock its loads take turns on, how often it was loaded and
    cleared."""

    __slots__ = ("_lock", "clears", "loads", "value")

    def __init__(self) -> None:
        self.value: tuple[Any, ...] | None = None
        self.loads = 0
        self.clears = 0
        self._lock: asyncio.Lock | None = None

    @property
    def lock(self) -> asyncio.Lock:
        # Created on first use, on the client's loop.
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock


class LookupCache:
    """Answers keyed by operation and query; see the module docstring."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, _Entry] = {}

    async def get(
        self,
        key: Hashable,
        load: Callable[[], Awaitable[Sequence[T]]],
        *,
        refresh: bool = False,
    ) -> tuple[T, ...]:
        """The cached answer for `key`, or what `load()` answers (then cached).

        With `refresh`, an answer loaded after this call began is returned (this call loads
        one unless a concurrent call just did).
        """
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries.setdefault(key, _Entry())
        if entry.value is not None and not refresh:
            return entry.value
        asked = entry.loads
        async with entry.lock:
            # Another call loaded while this one waited for the lock: share its answer.
            if entry.value is not None and (not refresh or entry.loads > asked):
                return entry.value
            clears = entry.clears
            value = tuple(await load())
            # Not kept when a clear() came while it loaded: it may predate what was cleared.
            if entry.clears == clears:
                entry.value = value
            entry.loads += 1
            return value

    def clear(self) -> None:
        """Forget every answer: the next call of each lookup fetches it again."""
        for entry in self._entries.values():
            entry.value = None
            entry.clears += 1


_caches: weakref.WeakKeyDictionary[object, LookupCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def cache_for(owner: object) -> LookupCache:
    """The lookup cache of `owner` (a client's transport), created on first use."""
    with _caches_lock:
        cache = _caches.get(owner)
        if cache is None:
            cache = _caches[owner] = LookupCache()
        return cache
