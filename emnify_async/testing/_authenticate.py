"""Route of ``POST /api/v1/authenticate``."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._errors import json_response
from emnify_async.testing._keys import AUTH
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, json_body


async def authenticate(request: web.Request) -> web.Response:
    body = await json_body(request)
    return json_response(200, request.app[AUTH].authenticate(body))


ROUTES = [
    Route("POST", "/api/v1/authenticate", authenticate, limit=Limit(100 / 300, 100), public=True),
]
