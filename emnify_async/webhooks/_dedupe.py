"""Remembering the records already handled, to drop repeated deliveries."""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["RecentKeys"]


class RecentKeys:
    """The last `maxsize` dedupe keys seen, in memory (one process; use a database's unique
    key to dedupe across processes or restarts).

    >>> seen = RecentKeys(maxsize=2)
    >>> [seen.first_time(k) for k in ("event:1", "event:2", "event:1", "event:3", "event:1")]
    [True, True, False, True, False]
    """

    def __init__(self, maxsize: int = 100_000) -> None:
        if type(maxsize) is not int or maxsize < 1:
            raise ValueError("maxsize must be a positive integer")
        self.maxsize = maxsize
        """How many keys are remembered; the oldest are forgotten first."""
        self._keys: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: str | None) -> bool:
        """Whether `key` is new (then it is remembered); None (no key) always counts as new."""
        if key is None:
            return True
        if key in self._keys:
            self._keys.move_to_end(key)
            return False
        self._keys[key] = None
        if len(self._keys) > self.maxsize:
            self._keys.popitem(last=False)
        return True

    def __len__(self) -> int:
        return len(self._keys)
