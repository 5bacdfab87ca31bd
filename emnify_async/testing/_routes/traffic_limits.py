"""Traffic limit extension routes of an endpoint (newer docs): list, add, remove all."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._body import is_int, json_body
from emnify_async.testing._device_routing import ENDPOINT_PATH, own_endpoint
from emnify_async.testing._errors import BAD_REQUEST, ApiError
from emnify_async.testing._routing import Route, no_content, ok, state
from emnify_async.testing._stores.traffic_limits import DEFAULT_TRAFFIC_LIMIT, TRAFFIC_LIMITS

PATH = ENDPOINT_PATH + "/traffic_limit_extension"


async def list_extensions(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    return ok([e.render() for e in state(request).traffic_limits.active(endpoint_id)])


async def add_extension(request: web.Request) -> web.Response:
    """``volume`` (> 0) required; ``traffic_limit_id`` one of the known limits (default 234)."""
    endpoint_id = own_endpoint(request)
    body = await json_body(request)
    if not isinstance(body, dict) or set(body) - {"volume", "traffic_limit_id"}:
        raise ApiError.of(BAD_REQUEST, "The body must be {volume, traffic_limit_id?}")
    volume = body.get("volume")
    if isinstance(volume, bool) or not isinstance(volume, int | float) or volume <= 0:
        raise ApiError.of(BAD_REQUEST, "volume must be a positive number")
    limit = body.get("traffic_limit_id", DEFAULT_TRAFFIC_LIMIT)
    if not is_int(limit) or limit not in TRAFFIC_LIMITS:
        raise ApiError.of(BAD_REQUEST, f"Traffic limit with Id '{limit}' not found.")
    extension = state(request).traffic_limits.add(endpoint_id, limit, volume)
    return ok(extension.render(), status=201)


async def remove_extensions(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    state(request).traffic_limits.remove_all(endpoint_id)
    return no_content()


ROUTES = [
    Route("GET", PATH, list_extensions),
    Route("POST", PATH, add_extension),
    Route("DELETE", PATH, remove_extensions),
]
