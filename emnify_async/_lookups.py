"""Answers of lookups (lists that rarely change), kept per client until refreshed.

Scripts call lookups such as `client.services.list()` in loops; the first call asks the API and
later ones answer from the client's cache, until a call passes `refresh=True`. The cache belongs
to the client's transport, so views made with `with_options()` share it, and it goes with the
client.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

from ._transport import Response, Transport

__all__ = ["LookupCache", "LookupKey", "lookup_cache"]

LookupKey = tuple[str, str, tuple[tuple[str, str], ...]]


class LookupCache:
    """The last answer of each lookup call (operation, path and query)."""

    def __init__(self) -> None:
        self._answers: dict[LookupKey, Response] = {}

    @staticmethod
    def key(op_id: str, path: str, params: Mapping[str, str]) -> LookupKey:
        return (op_id, path, tuple(sorted(params.items())))

    def get(self, key: LookupKey) -> Response | None:
        return self._answers.get(key)

    def put(self, key: LookupKey, response: Response) -> None:
        self._answers[key] = response


_CACHES: weakref.WeakKeyDictionary[Transport, LookupCache] = weakref.WeakKeyDictionary()


def lookup_cache(transport: Transport) -> LookupCache:
    """The lookup cache of the client that owns `transport`."""
    cache = _CACHES.get(transport)
    if cache is None:
        cache = _CACHES[transport] = LookupCache()
    return cache
