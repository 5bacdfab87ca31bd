"""SMS of an endpoint: list, send, details, cancel."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._catalog import SMS_BUFFERED, SMS_STATUSES, SOURCE_ADDRESS_TYPES
from emnify_async.testing._dates import parse_timestamp
from emnify_async.testing._device_routing import ENDPOINT_PATH, own_endpoint
from emnify_async.testing._errors import (
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._routing import Route, created_at, ok, path_id, state
from emnify_async.testing._stores.sms import Sms

SEND_ERROR = "Send SMS validation error"
MAX_PAYLOAD = 160
DEFAULT_SOURCE = "EMnify"
FIELDS = frozenset(
    {"payload", "source_address", "source_address_type", "expiry_date", "udh", "dcs"}
)


def _sms(request: web.Request) -> tuple[int, Sms]:
    endpoint_id = own_endpoint(request)
    sms_id = path_id(request, "sms_id")
    sms = state(request).sms.get(endpoint_id, sms_id)
    if sms is None:
        raise not_found("SMS", sms_id)
    return endpoint_id, sms


def _source(body: dict[str, Any], check: FieldErrors) -> tuple[str, int]:
    """The sender and its type; numbers may be sent as JSON numbers (as emnify's examples do)."""
    raw = body.get("source_address", DEFAULT_SOURCE)
    if is_int(raw):
        raw = str(raw)
    if not isinstance(raw, str) or not raw:
        check.add(INVALID_FORMAT, "source_address must be a string")
        raw = DEFAULT_SOURCE
    kind = body.get("source_address_type")
    if kind is None:
        return raw, 145 if raw.isdigit() else 208
    type_id = kind.get("id") if isinstance(kind, dict) else None
    if not is_int(type_id) or type_id not in SOURCE_ADDRESS_TYPES:
        check.add(INVALID_REFERENCE, f"Source address type with Id '{type_id}' not found.")
        return raw, 208
    return raw, type_id


async def list_sms(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    store = state(request).sms
    return ok([store.render(sms) for sms in store.of_endpoint(endpoint_id)])


async def send_sms(request: web.Request) -> web.Response:
    """Submits an MT SMS; ``payload`` is required, the rest optional (emnify's docs)."""
    endpoint_id = own_endpoint(request)
    emu = state(request)
    body = await json_object(request, SEND_ERROR)
    check = FieldErrors(SEND_ERROR)
    for key in body:
        if key not in FIELDS:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    payload = body.get("payload")
    if not isinstance(payload, str) or not payload:
        check.add(REQUIRED, "payload is required")
    elif len(payload) > MAX_PAYLOAD:
        check.add(OUT_OF_RANGE, f"payload must not be longer than {MAX_PAYLOAD} characters")
    source = _source(body, check)
    expiry = None
    if body.get("expiry_date") is not None:
        expiry = parse_timestamp(body["expiry_date"])
        if expiry is None:
            check.add(INVALID_FORMAT, "expiry_date must be a timestamp")
        elif expiry <= emu.clock():
            check.add(OUT_OF_RANGE, "expiry_date must be in the future")
    udh = body.get("udh", "")
    if not isinstance(udh, str) or (udh and not _is_hex(udh)):
        check.add(INVALID_FORMAT, "udh must be a hex string")
    dcs = body.get("dcs", 0)
    if not is_int(dcs) or not 0 <= dcs <= 255:
        check.add(INVALID_FORMAT, "dcs must be an integer from 0 to 255")
    check.raise_if_any()
    if emu.endpoints.sim_of(endpoint_id) is None:
        raise ApiError.of(NOT_ALLOWED, f"Endpoint with Id '{endpoint_id}' has no SIM assigned.")
    sms = emu.sms.send(endpoint_id, str(payload), source, expiry, udh, dcs)
    return created_at(request, f"/api/v1/endpoint/{endpoint_id}/sms/{sms.id}")


def _is_hex(text: str) -> bool:
    return len(text) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in text)


async def get_sms(request: web.Request) -> web.Response:
    _, sms = _sms(request)
    return ok(state(request).sms.render(sms))


async def cancel_sms(request: web.Request) -> web.Response:
    """Cancels a BUFFERED SMS: 200 with an empty body (emnify documents 200 "Success")."""
    _, sms = _sms(request)
    store = state(request).sms
    status = store.status(sms)
    if status != SMS_BUFFERED:
        raise ApiError.of(
            NOT_ALLOWED, f"SMS with Id '{sms.id}' is {SMS_STATUSES[status]} and cannot be canceled."
        )
    store.cancel(sms)
    return web.Response(status=200)


ROUTES = [
    Route("GET", ENDPOINT_PATH + "/sms", list_sms),
    Route("POST", ENDPOINT_PATH + "/sms", send_sms),
    Route("GET", ENDPOINT_PATH + "/sms/{sms_id}", get_sms),
    Route("DELETE", ENDPOINT_PATH + "/sms/{sms_id}", cancel_sms),
]
