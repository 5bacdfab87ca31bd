"""Paging of list routes, with the real API's quirks: one :func:`paged` call per list route.

A page past the end returns the last page again and a page below 1 the first one; an empty
result has one (empty) page. ``per_page`` below 1 or missing gives the route's default, above
its maximum is clamped (both declared on the route: ``Route(..., paging=Paging(...))``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar
from urllib.parse import urlencode

from aiohttp import web

from emnify_async.testing._errors import BAD_REQUEST, ApiError
from emnify_async.testing._json import dumps
from emnify_async.testing._keys import STATE
from emnify_async.testing._query import Filters, SortKeys, parse_filter, parse_sort
from emnify_async.testing._routing import ROUTE, Paging, base_url

T = TypeVar("T")


class ListQuery(NamedTuple):
    """The paging, filter and sort parameters of one list request, checked."""

    page: int
    per_page: int
    q: str | None
    sort: str | None
    filters: Filters
    keys: SortKeys


@dataclass(frozen=True)
class Page:
    """The page actually served."""

    number: int
    per_page: int
    total_count: int
    total_pages: int

    @property
    def start(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def stop(self) -> int:
        return min(self.start + self.per_page, self.total_count)


def list_query(
    request: web.Request,
    filter_fields: Collection[str] = (),
    sort_fields: Collection[str] = (),
) -> ListQuery:
    """``page``/``per_page`` (400 when not numbers), then ``q`` (422 1301) and ``sort`` (422
    1302) against the allowed fields, with the route's paging defaults."""
    query = request.query
    page, per_page = requested_page(query, _paging(request))
    q, sort = query.get("q"), query.get("sort")
    filters = parse_filter(q, filter_fields)
    keys = parse_sort(sort, sort_fields)
    return ListQuery(page, per_page, q, sort, filters, keys)


def paged(
    request: web.Request,
    query: ListQuery,
    items: Sequence[T],
    render: Callable[[T], Any] | None = None,
    cache_key: Hashable | None = None,
) -> web.Response:
    """The requested page of ``items`` (each passed through ``render``) with the headers.

    With ``cache_key`` (which must identify the caller's view of ``items``, e.g.
    ``("sims", org_id)``) the serialized page is kept in the state's page cache until the
    next write.
    """
    page = paginate(len(items), query.page, query.per_page)
    base = base_url(request)
    pages = request.app[STATE].pages
    key = None
    if cache_key is not None:
        key = (cache_key, query.q, query.sort, page.number, page.per_page, base)
        cached = pages.get(key)
        if cached is not None:
            return web.Response(body=cached[0], headers=cached[1], content_type="application/json")
    chunk = items[page.start : page.stop]  # a list when items is one: JSON as it stands
    body = dumps([render(item) for item in chunk] if render is not None else chunk)
    headers = page_headers(page, base, request.path, query.q, query.sort, _paging(request))
    if key is not None:
        pages.put(key, (body, headers), len(body) + 512)
    return web.Response(body=body, headers=headers, content_type="application/json")


def _paging(request: web.Request) -> Paging:
    paging = request[ROUTE].paging
    if paging is None:
        raise TypeError(f"{request[ROUTE].path} is not declared with paging=Paging(...)")
    return paging


def _int_param(query: Mapping[str, str], name: str) -> int | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise ApiError.of(BAD_REQUEST, f"Invalid paging parameter '{name}={raw}'") from None


def requested_page(query: Mapping[str, str], paging: Paging) -> tuple[int, int]:
    """``(page, per_page)`` from the query, with per_page defaulted and clamped."""
    page = _int_param(query, "page") or 1
    per_page = _int_param(query, "per_page")
    if per_page is None or per_page < 1:
        per_page = paging.default
    return page, min(per_page, paging.maximum)


def paginate(total: int, page: int, per_page: int) -> Page:
    total_pages = max(1, -(-total // per_page))
    return Page(min(max(page, 1), total_pages), per_page, total, total_pages)


_PLAIN = Paging(default=0, maximum=0)


def page_headers(
    page: Page,
    base_url: str,
    path: str,
    q: str | None,
    sort: str | None,
    paging: Paging = _PLAIN,
) -> dict[str, str]:
    """The ``Link`` and ``X-*`` headers, with the route's quirks (see :class:`Paging`)."""
    extra = [(name, value) for name, value in (("q", q), ("sort", sort)) if value]

    def url(number: int) -> str:
        params = urlencode([("page", number), ("per_page", page.per_page), *extra])
        return f"<{base_url}{path}?{params}>"

    links = [f'{url(1)}; rel="first"']
    if page.number > 1:
        links.append(f'{url(page.number - 1)}; rel="prev"')
    if page.number < page.total_pages:
        links.append(f'{url(page.number + 1)}; rel="next"')
    links.append(f'{url(page.total_pages)}; rel="last"')
    headers = {
        "Link": ", ".join(links) if paging.link != "empty" else "",
        "X-Count-Per-Page": str(page.per_page),
        "X-Current-Page": str(page.number),
        "X-Total-Count": str(page.total_count),
        "X-Total-Pages": str(page.total_pages),
        "X-Filter": q or "",
        "X-Sort": sort or paging.default_sort,
    }
    if paging.link == "paged" and page.total_pages == 1:
        del headers["Link"]
    if paging.filter_when_given and not q:
        del headers["X-Filter"]
    if paging.lower_case:
        return {name.lower(): value for name, value in headers.items()}
    return headers
