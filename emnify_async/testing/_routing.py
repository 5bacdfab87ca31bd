"""Route declarations shared by the route modules and the application wiring."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from emnify_async.testing._auth import Principal
from emnify_async.testing._errors import BAD_REQUEST, ApiError
from emnify_async.testing._json import loads
from emnify_async.testing._keys import PRINCIPAL
from emnify_async.testing._ratelimit import Limit

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    """One operation: where it lives, who may call it, how it is limited."""

    method: str
    path: str
    handler: Handler
    limit: Limit | None = None
    paged: bool = False
    public: bool = False
    """Served without a bearer token."""


def principal(request: web.Request) -> Principal:
    return request[PRINCIPAL]


async def json_body(request: web.Request) -> object:
    """The parsed request body, or 400 BadRequest when it is not JSON."""
    raw = await request.read()
    try:
        return loads(raw) if raw else None
    except ValueError:
        raise ApiError.of(BAD_REQUEST, "Request body is not valid JSON") from None


def int_path_param(request: web.Request, name: str) -> int:
    """An integer path parameter, or 400 BadRequest."""
    raw = request.match_info[name]
    try:
        return int(raw)
    except ValueError:
        raise ApiError.of(BAD_REQUEST, f"Invalid {name} '{raw}'") from None


def base_url(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"
