"""``POST /api/v1/authenticate``."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._body import json_body
from emnify_async.testing._keys import AUTH
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, ok


async def authenticate(request: web.Request) -> web.Response:
    return ok(request.app[AUTH].authenticate(await json_body(request), request.remote))


ROUTES = [
    Route("POST", "/api/v1/authenticate", authenticate, limit=Limit(100 / 300, 100), public=True),
]
