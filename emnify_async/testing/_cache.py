"""A least-recently-used cache bounded by the total size of its byte values."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class SizedLRU(Generic[V]):
    """LRU mapping whose entries each declare a size; evicts oldest beyond ``max_size``."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self.size = 0
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> V | None:
        entry = self._items.get(key)
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return entry[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        if size > self.max_size:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= old[1]
        self._items[key] = (value, size)
        self.size += size
        while self.size > self.max_size:
            _, (_, evicted) = self._items.popitem(last=False)
            self.size -= evicted

    def clear(self) -> None:
        self._items.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._items)
