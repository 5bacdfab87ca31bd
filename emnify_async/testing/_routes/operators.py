"""``GET /api/v1/operator``: every operator, not paged (no pagination headers, as recorded)."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._operators import OPERATORS, operator_json
from emnify_async.testing._routing import Route, ok


async def list_operators(request: web.Request) -> web.Response:
    return ok([operator_json(operator) for operator in OPERATORS.values()])


ROUTES = [Route("GET", "/api/v1/operator", list_operators)]
