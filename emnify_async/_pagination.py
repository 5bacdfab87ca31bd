"""Auto-pagination over emnify's `page`/`per_page` list endpoints."""

from __future__ import annotations

import asyncio
import collections
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Generic, TypeVar

import attrs
from multidict import CIMultiDictProxy
from yarl import URL

from ._exceptions import APIResponseValidationError
from ._transport import Response

__all__ = ["AsyncPager", "Page", "PageInfo", "read_page_info"]

T = TypeVar("T")

_LINK_PART = re.compile(r'<([^>]*)>\s*;\s*rel="?([^";,]+)"?')


def _header_int(headers: CIMultiDictProxy[str], *names: str) -> int | None:
    # CIMultiDictProxy lookups ignore case, so `x-total-pages` and `X-Total-Pages` both match.
    for name in names:
        value = headers.get(name)
        if value is not None:
            try:
                return int(value.strip())
            except ValueError:
                continue
    return None


def _next_link_page(headers: CIMultiDictProxy[str]) -> int | None:
    for url, rel in _LINK_PART.findall(headers.get("Link", "")):
        if rel.strip().lower() == "next":
            page = URL(url.strip()).query.get("page")
            return int(page) if page is not None and page.isdigit() else None
    return None


@attrs.frozen
class PageInfo:
    """What the pagination headers of one response say."""

    current_page: int | None
    total_pages: int | None
    total_count: int | None
    per_page: int | None
    next_page: int | None


def read_page_info(headers: CIMultiDictProxy[str]) -> PageInfo:
    """Read `X-Current-Page`, `X-Total-Pages`, `X-Total-Count`, `X-Count-Per-Page` and `Link`."""
    return PageInfo(
        current_page=_header_int(headers, "X-Current-Page", "X-Page"),
        total_pages=_header_int(headers, "X-Total-Pages", "X-Pages"),
        total_count=_header_int(headers, "X-Total-Count", "X-Count"),
        per_page=_header_int(headers, "X-Count-Per-Page", "X-Per-Page"),
        next_page=_next_link_page(headers),
    )


@attrs.frozen
class Page(Generic[T]):
    """One page of a list call."""

    items: list[T]
    """The items on this page, in the API's order."""
    page: int
    """The 1-based page number."""
    per_page: int | None
    """Items per page as the server applied it."""
    total_pages: int | None
    """Pages in the whole listing, when the server said."""
    total_count: int | None
    """Items in the whole listing, when the server said."""

    @property
    def has_next(self) -> bool:
        """Whether the server reported pages after this one."""
        return self.total_pages is not None and self.page < self.total_pages


class AsyncPager(Generic[T]):
    """The result of a list call: iterate it for items, or use the page-level methods.

    `async for sim in client.sims.list():` yields every item across pages. Once the first page
    reports the total, up to `prefetch` following pages are fetched concurrently; items still
    come out in order, each page exactly once, and the listing stops at the last page the server
    reports (emnify answers a page past the end with the last page again).
    """

    def __init__(
        self,
        fetch: Callable[[int], Awaitable[Response]],
        parse: Callable[[list[Any]], list[T]],
        *,
        prefetch: int,
    ) -> None:
        self._fetch = fetch
        self._parse = parse
        self._prefetch = max(prefetch, 1)
        self.total_count: int | None = None
        """Items in the whole listing, as the latest page reported (None before the first)."""
        self.total_pages: int | None = None
        """Pages in the whole listing, as the latest page reported (None before the first)."""

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    async def first_page(self) -> Page[T]:
        """Fetch only the first page."""
        response = await self._fetch(1)
        return self._page(1, response, read_page_info(response.headers))

    async def iter_pages(self) -> AsyncIterator[Page[T]]:
        """Yield each page in order, with its number and the totals the server reported."""
        async for number, response, info in self._responses():
            yield self._page(number, response, info)

    async def iter_raw_pages(self) -> AsyncIterator[list[Any]]:
        """Yield each page's items as decoded JSON (dicts), skipping model construction."""
        async for number, response, _ in self._responses():
            yield self._items_of(number, response)

    async def to_list(self) -> list[T]:
        """Fetch every page and return all items in one list."""
        result: list[T] = []
        async for page in self.iter_pages():
            result.extend(page.items)
        return result

    def _page(self, number: int, response: Response, info: PageInfo) -> Page[T]:
        return Page(
            items=self._parse(self._items_of(number, response)),
            page=number,
            per_page=info.per_page,
            total_pages=info.total_pages,
            total_count=info.total_count,
        )

    @staticmethod
    def _items_of(number: int, response: Response) -> list[Any]:
        if not isinstance(response.data, list):
            if response.data is None:
                return []
            raise APIResponseValidationError(
                f"page {number} of a list call was a {type(response.data).__name__}, not a list",
                method="GET",
                path="",
                status=response.status,
                body=b"",
                request_id=response.request_id,
            )
        return response.data

    async def _responses(self) -> AsyncIterator[tuple[int, Response, PageInfo]]:
        first = await self._fetch(1)
        info = read_page_info(first.headers)
        self._note(info)
        yield 1, first, info
        later = (
            self._by_total(info.total_pages)
            if info.total_pages is not None
            else self._by_link(info.next_page)
        )
        async for item in later:
            self._note(item[2])
            yield item

    def _note(self, info: PageInfo) -> None:
        if info.total_count is not None:
            self.total_count = info.total_count
        if info.total_pages is not None:
            self.total_pages = info.total_pages

    async def _by_total(self, last: int) -> AsyncIterator[tuple[int, Response, PageInfo]]:
        pending: collections.deque[tuple[int, asyncio.Task[Response]]] = collections.deque()
        next_number = 2
        try:
            while True:
                while len(pending) < self._prefetch and next_number <= last:
                    pending.append((next_number, asyncio.ensure_future(self._fetch(next_number))))
                    next_number += 1
                if not pending:
                    return
                number, task = pending.popleft()
                response = await task
                info = read_page_info(response.headers)
                if info.current_page is not None and info.current_page != number:
                    # Past the end: the server repeated another page (its last) instead.
                    return
                yield number, response, info
                if info.total_pages is not None and info.total_pages != last:
                    # The listing shrank or grew while we paged; follow the newest count.
                    last = info.total_pages
                    beyond = []
                    while pending and pending[-1][0] > last:
                        beyond.append(pending.pop()[1])
                    next_number = min(next_number, last + 1)
                    await _cancel_all(beyond)
        finally:
            await _cancel_all(task for _, task in pending)

    async def _by_link(
        self, next_page: int | None
    ) -> AsyncIterator[tuple[int, Response, PageInfo]]:
        # No X-Total-Pages: follow `Link rel="next"` one page at a time, never backwards.
        current = 1
        while next_page is not None and next_page > current:
            response = await self._fetch(next_page)
            info = read_page_info(response.headers)
            if info.current_page is not None and info.current_page != next_page:
                return
            yield next_page, response, info
            current, next_page = next_page, info.next_page


async def _cancel_all(tasks: Any) -> None:
    waiting = list(tasks)
    for task in waiting:
        task.cancel()
    if waiting:
        await asyncio.gather(*waiting, return_exceptions=True)
