"""Request helpers shared by the device-area route modules (endpoints and their parts)."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._errors import INVALID_REFERENCE, ApiError
from emnify_async.testing._routing import path_id, principal, state

ENDPOINT = "/api/v1/endpoint"
ENDPOINT_PATH = ENDPOINT + "/{endpoint_id}"


def endpoint_missing(endpoint_id: object) -> ApiError:
    """emnify's answer for an unknown endpoint: 404 with ``1401 InvalidReference`` (recorded)."""
    return ApiError.of(
        INVALID_REFERENCE, f"Endpoint with Id '{endpoint_id}' not found.", status=404
    )


def own_endpoint(request: web.Request) -> int:
    """The path's endpoint id if the caller owns it; others' endpoints are reported missing,
    a non-numeric id is a 400."""
    endpoint_id = path_id(request, "endpoint_id")
    if not state(request).endpoints.owns(principal(request).org_id, endpoint_id):
        raise endpoint_missing(endpoint_id)
    return endpoint_id
