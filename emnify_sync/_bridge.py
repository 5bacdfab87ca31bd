"""What the generated facade calls: a handle on the async client, and the sync pager."""

from __future__ import annotations

import os
import warnings
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar, overload

from emnify_async import AsyncEmnify, AsyncPager, Page

from ._portal import portal

__all__ = ["ClientHandle", "Pager"]

T = TypeVar("T")
R = TypeVar("R")


class ClientHandle:
    """Owns the `AsyncEmnify` a sync client drives, on the private loop.

    After `os.fork()` the child builds a fresh async client (and so a fresh session) on first
    use; the parent's is dropped without being touched.
    """

    def __init__(self, factory: Callable[[], AsyncEmnify], *, owner: bool = True) -> None:
        self._factory = factory
        self._owner = owner
        self._pid = os.getpid()
        self._client = factory()
        self._closed = False
        if owner:
            portal.adopt(self._client)

    def derive(self, view: Callable[[AsyncEmnify], AsyncEmnify]) -> ClientHandle:
        """A handle on `view(client)` (a `with_options()` view), sharing this one's client.

        Closing the derived handle does nothing: the pool belongs to this handle's client.
        """
        return ClientHandle(lambda: view(self.client), owner=False)

    @property
    def client(self) -> AsyncEmnify:
        """The async client of this process."""
        if self._pid != os.getpid():
            # The portal keeps the parent's client alive in the child (see Portal.forget).
            self._pid = os.getpid()
            self._client = self._factory()
            if self._owner:
                portal.adopt(self._client)
        return self._client

    def run(self, call: Callable[[AsyncEmnify], Coroutine[Any, Any, R]]) -> R:
        """Run `call(async_client)` on the private loop and return its result."""
        client = self.client
        return portal.run(lambda: call(client))

    def close(self) -> None:
        if not self._closed and self._owner:
            self._closed = True
            portal.close(self.client)

    def release_on_collect(self, owner: object) -> None:
        """Close the async client in the background once `owner` is garbage collected."""
        finalizer = weakref.finalize(owner, _release, self)
        # At interpreter exit the portal closes every open client itself, and waits for it.
        finalizer.atexit = False


def _release(handle: ClientHandle) -> None:
    if not handle._closed:
        handle._closed = True
        portal.close_later(handle._client)


async def _next(iterator: AsyncIterator[T]) -> T:
    return await iterator.__anext__()


class Pager(Generic[T]):
    """The result of a sync list call: iterate it for items, or use the page-level methods.

    Each page crosses from the private loop in one hop; items are then yielded in your
    thread. Leaving a `for` loop early, `close()`, or `with pager:` releases the page stream.
    """

    def __init__(self, handle: ClientHandle, pager: AsyncPager[T]) -> None:
        self._handle = handle
        self._pager = pager
        self._streams: list[AsyncIterator[Any]] = []

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items

    def iter_pages(self) -> Iterator[Page[T]]:
        """Yield each page in order, with its number and the totals the server reported."""
        return self._drain(self._pager.iter_pages())

    def iter_raw_pages(self) -> Iterator[list[Any]]:
        """Yield each page's items as decoded JSON (dicts), skipping model construction."""
        return self._drain(self._pager.iter_raw_pages())

    def first_page(self) -> Page[T]:
        """Fetch only the first page."""
        return portal.run(self._pager.first_page)

    def to_list(self) -> list[T]:
        """Fetch every page and return all items in one list."""
        return portal.run(self._pager.to_list)

    # Calls such as `statuses()` and `tariffs.list()` returned a plain list before every list
    # call returned a pager; indexing keeps working for one release, with a warning. (No
    # `__len__`: `list(pager)` would call it as a length hint and fetch everything twice.)

    def _legacy_list(self) -> list[T]:
        warnings.warn(
            "list calls return a Pager: use .to_list() (or iterate it); indexing it stops "
            "working in the next release",
            DeprecationWarning,
            3,
        )
        cached: list[T] | None = getattr(self, "_materialised", None)
        if cached is None:
            cached = self._materialised = self.to_list()
        return cached

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._legacy_list()[index]

    def close(self) -> None:
        """Stop any iteration in progress and release its pages."""
        streams, self._streams = self._streams, []
        for stream in streams:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                portal.run(aclose)

    def __enter__(self) -> Pager[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _drain(self, stream: AsyncIterator[R]) -> Iterator[R]:
        self._streams.append(stream)
        try:
            while True:
                try:
                    item = portal.run(lambda: _next(stream))
                except StopAsyncIteration:
                    self._streams.remove(stream)  # exhausted: nothing left to release
                    return
                yield item
        finally:
            if stream in self._streams:
                self._streams.remove(stream)
                aclose = getattr(stream, "aclose", None)
                if aclose is not None and not (portal.in_loop_thread() or portal.stopped):
                    portal.run(aclose)
