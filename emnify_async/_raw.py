"""The raw escape hatch: `client.request()` and `client.request_pages()` for any operation."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from ._constants import AUTHENTICATE_PATH
from ._exceptions import InputError
from ._json import dumps
from ._operation import Operation, Returns
from ._pagination import AsyncPager
from ._query import check_per_page
from ._transport import CallOptions, Response, Transport
from ._types import QueryValue

__all__ = ["raw_pages", "raw_request"]

_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
# A path of the API: segments of URL-safe characters, no query, no fragment, no `..`.
_PATH = re.compile(r"/api/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+/?)+")
_LARGEST_PAGE = 100_000


def _check_path(path: object) -> str:
    if not isinstance(path, str) or not _PATH.fullmatch(path):
        raise InputError(
            f"path must be an API path such as '/api/v1/endpoint/5' (no host, no query), "
            f"got {path!r}"
        )
    if any(segment in (".", "..") for segment in path.split("/")):
        raise InputError(f"path must not hold '.' or '..' segments, got {path!r}")
    if path.rstrip("/") == AUTHENTICATE_PATH:
        raise InputError(
            "the client logs in by itself; POST /api/v1/authenticate is not for request()"
        )
    return path


def _query_text(name: str, value: QueryValue) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, int):
        return str(int.__index__(value))
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, str):
        return value
    raise InputError(f"query parameter {name!r} must be text, a number, a date or a boolean")


def _params(params: Mapping[str, QueryValue] | None) -> dict[str, str]:
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise InputError(f"params must be a mapping, got {params!r}")
    encoded = {}
    for name, value in params.items():
        if not isinstance(name, str) or not name:
            raise InputError(f"query parameter names are strings, got {name!r}")
        text = _query_text(name, value)
        if text is not None:
            encoded[name] = text
    return encoded


def _answer(response: Response) -> Any:
    created = response.created_id if response.status == 201 else None
    return created if created is not None else response.data


async def raw_request(
    transport: Transport,
    options: CallOptions | None,
    method: str,
    path: str,
    *,
    params: Mapping[str, QueryValue] | None,
    json: Any,
) -> Any:
    """Call `method path` with the client's authentication, pacing, retries and checks."""
    verb = method.upper() if isinstance(method, str) else method
    if verb not in _METHODS:
        raise InputError(f"method must be one of {sorted(_METHODS)}, got {method!r}")
    checked = _check_path(path)
    query = _params(params)
    if json is not None:
        try:
            dumps(json)
        except TypeError as exc:
            raise InputError(f"json is not serialisable as JSON: {exc}") from None
    op: Operation[Any] = Operation("request", verb, checked, Returns.ANY)
    return await transport.call(
        op, checked, _answer, params=query or None, json=json, options=options
    )


def raw_pages(
    transport: Transport,
    options: CallOptions | None,
    path: str,
    *,
    params: Mapping[str, QueryValue] | None,
    per_page: int | None,
    prefetch: int,
) -> AsyncPager[Any]:
    """A pager over any paged list, yielding its items as decoded JSON."""
    checked = _check_path(path)
    query = _params(params)
    for reserved in ("page", "per_page"):
        if reserved in query:
            raise InputError(f"{reserved} is the pager's; pass per_page= instead of params")
    size = None if per_page is None else check_per_page(per_page, _LARGEST_PAGE)
    op: Operation[Any] = Operation(
        "request_pages", "GET", checked, Returns.PAGE, max_per_page=_LARGEST_PAGE
    )

    async def fetch(page: int, decode: Callable[[Response], Any]) -> Any:
        paging = {"page": str(page)} if size is None else {"page": str(page), "per_page": str(size)}
        return await transport.call(
            op, checked, decode, params={**query, **paging}, options=options
        )

    return AsyncPager(fetch, list, prefetch=prefetch, per_page=size, path=checked)
