"""Auto-pagination over emnify's `page`/`per_page` list endpoints."""

from __future__ import annotations

import asyncio
import collections
import re
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar

import attrs
from multidict import CIMultiDictProxy
from yarl import URL

from ._exceptions import APIResponseValidationError
from ._status_errors import REQUEST_ID_HEADER
from ._transport import Response

__all__ = ["AsyncPager", "Page", "PageInfo", "read_page_info"]

T = TypeVar("T")
R = TypeVar("R")

_LINK_PART = re.compile(r'<([^>]*)>\s*;\s*rel="?([^";,]+)"?')


def _header_int(headers: CIMultiDictProxy[str], *names: str) -> int | None:
    # CIMultiDictProxy lookups ignore case, so `x-total-pages` and `X-Total-Pages` both match.
    for name in names:
        value = headers.get(name)
        if value is not None:
            text = value.strip()
            if text.isascii() and text.isdigit():
                return int(text)
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
    """Read `X-Current-Page`, `X-Total-Pages`, `X-Total-Count`, `X-Count-Per-Page` and `Link`.

    Without `X-Total-Pages`, the page count follows from the total and the page size.
    """
    total_count = _header_int(headers, "X-Total-Count", "X-Count")
    per_page = _header_int(headers, "X-Count-Per-Page", "X-Per-Page")
    total_pages = _header_int(headers, "X-Total-Pages", "X-Pages")
    if total_pages is None and total_count is not None and per_page:
        total_pages = max(1, -(-total_count // per_page))
    return PageInfo(
        current_page=_header_int(headers, "X-Current-Page", "X-Page"),
        total_pages=total_pages,
        total_count=total_count,
        per_page=per_page,
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


# Fetches page `number` and returns `decode(answer)`; `decode` runs inside the request's
# attempt, so a page it rejects is fetched again like any other garbled answer.
PageFetch = Callable[[int, Callable[[Response], Any]], Awaitable[Any]]


@attrs.frozen
class _Fetched(Generic[R]):
    number: int
    info: PageInfo
    items: R
    past_end: bool = False


class AsyncPager(Generic[T]):
    """The result of a list call: iterate it for items, or use the page-level methods.

    `async for sim in client.sims.list():` yields every item across pages, and
    `await client.sims.list()` returns them all in one list. Once the first page
    reports the total, up to `prefetch` following pages are fetched concurrently; items still
    come out in order, each page exactly once, and the listing stops at the last page the server
    reports (emnify answers a page past the end with the last page again).

    A page counts only when it is what the API documents: a JSON array with pagination headers,
    the page asked for, holding as many items as its own headers announce. Anything else (a
    blank or garbled body, a short page) is fetched again, and if it stays wrong the listing
    raises `APIResponseValidationError`: it never ends early or skips a page silently.
    """

    def __init__(
        self,
        fetch: PageFetch,
        parse: Callable[[list[Any]], list[T]],
        *,
        prefetch: int,
        per_page: int | None,
        path: str = "",
        paged: bool = True,
    ) -> None:
        self._fetch = fetch
        self._path = path
        self._parse = parse
        self._prefetch = max(prefetch, 1)
        self._per_page = per_page
        self._paged = paged
        self.total_count: int | None = None
        """Items in the whole listing, as the latest page reported (None before the first)."""
        self.total_pages: int | None = None
        """Pages in the whole listing, as the latest page reported (None before the first)."""

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    def __await__(self) -> Generator[Any, None, list[T]]:
        """`await pager` is `await pager.to_list()`: every item, in one list."""
        return self.to_list().__await__()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    async def first_page(self) -> Page[T]:
        """Fetch only the first page."""
        fetched = await self._get(1, self._parse)
        return self._page(fetched)

    async def iter_pages(self) -> AsyncGenerator[Page[T], None]:
        """Yield each page in order, with its number and the totals the server reported."""
        async for fetched in self._pages(self._parse):
            yield self._page(fetched)

    async def iter_raw_pages(self) -> AsyncGenerator[list[Any], None]:
        """Yield each page's items as decoded JSON (dicts), skipping model construction."""
        async for fetched in self._pages(_as_is):
            yield fetched.items

    async def to_list(self) -> list[T]:
        """Fetch every page and return all items in one list."""
        result: list[T] = []
        async for page in self.iter_pages():
            result.extend(page.items)
        return result

    @staticmethod
    def _page(fetched: _Fetched[list[T]]) -> Page[T]:
        info = fetched.info
        return Page(
            items=fetched.items,
            page=fetched.number,
            per_page=info.per_page,
            total_pages=info.total_pages,
            total_count=info.total_count,
        )

    async def _get(self, number: int, parse: Callable[[list[Any]], R]) -> _Fetched[R]:
        fetched: _Fetched[R] = await self._fetch(
            number, lambda response: self._decode(number, response, parse)
        )
        return fetched

    def _decode(
        self, number: int, response: Response, parse: Callable[[list[Any]], R]
    ) -> _Fetched[R]:
        """Check one page against its own headers, then parse its items."""
        items: list[Any] = response.data
        if not self._paged:
            # An un-paged list: the whole array is the one page.
            whole = PageInfo(1, 1, len(items), len(items) or None, None)
            return _Fetched(number, whole, parse(items))
        info = read_page_info(response.headers)
        if info.total_pages is None and "Link" not in response.headers:
            raise self._page_error(response, number, "no pagination headers")
        if info.current_page is not None and info.current_page != number:
            if number > 1 and info.current_page < number and (info.total_pages or 0) < number:
                # Past the end (the listing shrank): the server repeated its last page.
                return _Fetched(number, info, parse([]), past_end=True)
            raise self._page_error(response, number, f"page {info.current_page} instead")
        per_page = info.per_page or self._per_page
        expected = None if per_page is None else _expected_count(number, per_page, info)
        if expected is not None and len(items) != expected:
            raise self._page_error(
                response,
                number,
                f"{len(items)} items where its headers announce {expected} "
                f"(page {number} of {info.total_pages}, {info.total_count} in all)",
            )
        return _Fetched(number, info, parse(items))

    def _page_error(self, response: Response, number: int, what: str) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"GET {self._path} page {number} answered with {what}",
            method="GET",
            path=self._path,
            status=response.status,
            request_id=response.headers.get(REQUEST_ID_HEADER),
        )

    async def _pages(self, parse: Callable[[list[Any]], R]) -> AsyncIterator[_Fetched[R]]:
        first = await self._get(1, parse)
        self._note(first.info)
        yield first
        if not self._paged:
            return
        info = first.info
        later = (
            self._by_total(info.total_pages, parse)
            if info.total_pages is not None
            else self._by_link(info.next_page, parse)
        )
        async for fetched in later:
            self._note(fetched.info)
            yield fetched

    def _note(self, info: PageInfo) -> None:
        if info.total_count is not None:
            self.total_count = info.total_count
        if info.total_pages is not None:
            self.total_pages = info.total_pages

    async def _by_total(
        self, last: int, parse: Callable[[list[Any]], R]
    ) -> AsyncIterator[_Fetched[R]]:
        pending: collections.deque[tuple[int, asyncio.Task[_Fetched[R]]]] = collections.deque()
        next_number = 2
        try:
            while True:
                while len(pending) < self._prefetch and next_number <= last:
                    task = asyncio.ensure_future(self._get(next_number, parse))
                    pending.append((next_number, task))
                    next_number += 1
                if not pending:
                    return
                _, task = pending.popleft()
                fetched = await task
                if fetched.past_end:
                    return
                yield fetched
                total = fetched.info.total_pages
                if total is not None and total != last:
                    # The listing shrank or grew while we paged; follow the newest count.
                    last = total
                    beyond = []
                    while pending and pending[-1][0] > last:
                        beyond.append(pending.pop()[1])
                    next_number = min(next_number, last + 1)
                    await _cancel_all(beyond)
        finally:
            await _cancel_all(task for _, task in pending)

    async def _by_link(
        self, next_page: int | None, parse: Callable[[list[Any]], R]
    ) -> AsyncIterator[_Fetched[R]]:
        # No X-Total-Pages: follow `Link rel="next"` one page at a time, never backwards.
        current = 1
        while next_page is not None and next_page > current:
            fetched = await self._get(next_page, parse)
            if fetched.past_end:
                return
            yield fetched
            current, next_page = next_page, fetched.info.next_page


def _as_is(items: list[Any]) -> list[Any]:
    return items


def _expected_count(number: int, per_page: int, info: PageInfo) -> int | None:
    """How many items page `number` must hold by its own headers; None when they don't say.

    Offset paging fills every page but the last, even while the listing changes, and the
    last holds the rest of `X-Total-Count`.
    """
    if info.total_count is not None:
        return max(0, min(per_page, info.total_count - (number - 1) * per_page))
    if info.total_pages is not None and number < info.total_pages:
        return per_page
    return None


async def _cancel_all(tasks: Any) -> None:
    waiting = list(tasks)
    for task in waiting:
        task.cancel()
    if waiting:
        await asyncio.gather(*waiting, return_exceptions=True)
