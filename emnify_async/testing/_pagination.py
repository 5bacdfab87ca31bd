"""``page``/``per_page`` handling and the pagination headers, with the real API's quirks.

A page past the end returns the last page again and a page below 1 the first one; an empty
result has one (empty) page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from emnify_async.testing._errors import BAD_REQUEST, ApiError

HEADER_NAMES = (
    "Link",
    "X-Count-Per-Page",
    "X-Current-Page",
    "X-Total-Count",
    "X-Total-Pages",
    "X-Filter",
    "X-Sort",
)


@dataclass(frozen=True)
class Paging:
    """Limits of one paged route."""

    default: int
    maximum: int


SIM_PAGING = Paging(default=2000, maximum=2500)
EVENT_PAGING = Paging(default=100, maximum=1000)


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


def page_headers(
    page: Page,
    base_url: str,
    path: str,
    q: str | None,
    sort: str | None,
    lower_case: bool = False,
) -> dict[str, str]:
    """The ``Link`` and ``X-*`` headers; ``lower_case`` for routes that send them that way."""
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
    values = (
        ", ".join(links),
        str(page.per_page),
        str(page.number),
        str(page.total_count),
        str(page.total_pages),
        q or "",
        sort or "",
    )
    names = [name.lower() for name in HEADER_NAMES] if lower_case else HEADER_NAMES
    return dict(zip(names, values, strict=True))
