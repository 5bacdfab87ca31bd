"""Connectivity of an endpoint: status, reset, network information and USSD dialogs."""

from __future__ import annotations

import uuid
from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import FieldErrors, json_object
from emnify_async.testing._device_routing import ENDPOINT_PATH, endpoint_missing, own_endpoint
from emnify_async.testing._errors import (
    BAD_REQUEST,
    FORBIDDEN,
    INVALID_FORMAT,
    OUT_OF_RANGE,
    REQUIRED,
    UNKNOWN_LOCATION,
    UNKNOWN_SUBSCRIBER,
    ApiError,
)
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, caller, no_content, ok, path_id, state
from emnify_async.testing._stores.connectivity import OFFLINE

RESET_ERROR = "Reset endpoint connectivity validation error"
USSD_ERROR = "USSD dialog validation error"
USSD_LIMITS = {"default": 164, "ucs2": 72}


def _resettable(request: web.Request) -> int:
    """The path's endpoint if the caller may reset it: its own, or (for a non-enterprise
    caller) one of a direct child; an enterprise addressing its family's endpoints: 403."""
    endpoint_id = path_id(request, "endpoint_id")
    emu = state(request)
    endpoint = emu.endpoints.get(endpoint_id)
    org = caller(request)
    if endpoint is None:
        raise endpoint_missing(endpoint_id)
    if endpoint.org_id == org.id:
        return endpoint_id
    owner = emu.organisations[endpoint.org_id]
    if not org.is_enterprise and owner.parent_id == org.id:
        return endpoint_id
    if org.is_enterprise and org.parent_id in (owner.id, owner.parent_id):
        raise ApiError.of(FORBIDDEN, "Calling organisation is not of correct type.")
    raise endpoint_missing(endpoint_id)


def _registered(request: web.Request, endpoint_id: int) -> None:
    """404 ``UnknownSubscriber`` unless the network serves the endpoint, ``UnknownLocation``
    while it is not registered."""
    connectivity = state(request).connectivity
    if connectivity.reachable(endpoint_id) is None:
        raise ApiError.of(
            UNKNOWN_SUBSCRIBER, f"Unknown Subscriber for Endpoint with id {endpoint_id}"
        )
    if connectivity.state(endpoint_id).status == OFFLINE:
        raise ApiError.of(UNKNOWN_LOCATION, f"Unknown Location for Endpoint with id {endpoint_id}")


def _flag(request: web.Request, name: str, default: bool) -> bool:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() not in ("true", "false"):
        raise ApiError.of(BAD_REQUEST, f"Invalid value '{raw}' for parameter '{name}'")
    return raw.lower() == "true"


async def get_connectivity(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    return ok(state(request).connectivity.render(endpoint_id))


async def reset_connectivity(request: web.Request) -> web.Response:
    """``{"location": null}`` cancels the registration, ``{"pdp_context": null}`` the data
    session; either or both."""
    endpoint_id = _resettable(request)
    body = await json_object(request, RESET_ERROR)
    check = FieldErrors(RESET_ERROR)
    for key, value in body.items():
        if key not in ("location", "pdp_context"):
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
        elif value is not None:
            check.add(INVALID_FORMAT, f"{key} must be null to reset it")
    if not body:
        check.add(REQUIRED, "location or pdp_context is required")
    check.raise_if_any()
    state(request).connectivity.reset(endpoint_id, "location" in body, "pdp_context" in body)
    return no_content()


async def connectivity_info(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    subscriber = _flag(request, "subscriber", True)
    ussd = _flag(request, "ussd", False)
    _registered(request, endpoint_id)
    return ok(state(request).connectivity.info(endpoint_id, subscriber, ussd))


def _check_ussd(body: dict[str, Any]) -> None:
    check = FieldErrors(USSD_ERROR)
    begin = body.get("ussd-begin")
    if not isinstance(begin, dict):
        check.add(REQUIRED, "ussd-begin is required")
        check.raise_if_any()
        return
    if begin.get("type") not in ("request", "notification"):
        check.add(INVALID_FORMAT, "ussd-begin.type must be 'request' or 'notification'")
    message = begin.get("message")
    text = message.get("body") if isinstance(message, dict) else None
    encoding = message.get("encoding", "default") if isinstance(message, dict) else "default"
    if not isinstance(text, str) or not text:
        check.add(REQUIRED, "ussd-begin.message.body is required")
    elif encoding not in USSD_LIMITS:
        check.add(INVALID_FORMAT, "ussd-begin.message.encoding must be 'default' or 'ucs2'")
    elif len(text) > USSD_LIMITS[encoding]:
        check.add(OUT_OF_RANGE, f"The message body is longer than {USSD_LIMITS[encoding]}.")
    check.raise_if_any()


async def start_ussd(request: web.Request) -> web.Response:
    """Starts a network-initiated USSD dialog: ``{"session-id": ...}``."""
    endpoint_id = own_endpoint(request)
    _check_ussd(await json_object(request, USSD_ERROR))
    _registered(request, endpoint_id)
    emu = state(request)
    salt = int(emu.clock() * 1000)
    bits = d.mix(emu.seed, endpoint_id, 80) << 64 | d.mix(emu.seed, salt, 81)
    return ok({"session-id": str(uuid.UUID(int=bits, version=4))})


ROUTES = [
    Route("GET", ENDPOINT_PATH + "/connectivity", get_connectivity, limit=Limit(50, 25)),
    Route("PATCH", ENDPOINT_PATH + "/connectivity", reset_connectivity),
    Route("GET", ENDPOINT_PATH + "/connectivity_info", connectivity_info, limit=Limit(10, 5)),
    Route("POST", ENDPOINT_PATH + "/ussd", start_ussd),
]
