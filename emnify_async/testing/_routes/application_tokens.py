"""Application tokens of the caller's organisation: ``/api/v1/application_token``.

A token created here logs in (``POST /api/v1/authenticate``) until it is revoked or expires,
and only from its ``ip`` network when it has one; auth tokens it gave before stay valid until
their own ``exp``, as emnify documents.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._errors import (
    INVALID_FORMAT,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    ApiError,
)
from emnify_async.testing._keys import AUTH
from emnify_async.testing._routing import Route, caller, no_content, ok, path_id, principal, state
from emnify_async.testing._stores.application_tokens import TokenRecord
from emnify_async.testing._user_data import TOKEN_ACTIVATED, TOKEN_REVOKED, TOKEN_STATUSES

PATH = "/api/v1/application_token"


def _expiry(value: Any, now: float) -> int:
    """``expiry_date`` "with optional time + time zone": a date, or a timestamp (UTC if naive)."""
    when = None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if when is None:
        raise ApiError.of(
            INVALID_FORMAT,
            "Application Token - Expiry Date has invalid format: Expecting ISO 8601.",
        )
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    if when.timestamp() <= now:
        raise ApiError.of(OUT_OF_RANGE, "Application Token - Expiry Date must be in the future.")
    return int(when.timestamp())


def _ip(value: Any) -> str:
    try:
        if isinstance(value, str) and "/" in value:
            ipaddress.ip_network(value, strict=False)
            return value
    except ValueError:
        pass
    raise ApiError.of(
        INVALID_FORMAT,
        "Application Token - IP has invalid format: Expecting IP Address in CIDR Notation.",
    )


def _description(value: Any) -> str:
    if not isinstance(value, str):
        raise ApiError.of(INVALID_FORMAT, "Application Token - Description must be a string.")
    return value


def _unknown(body: dict[str, Any], known: set[str], what: str) -> None:
    check = FieldErrors(what)
    for key in sorted(set(body) - known):
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    check.raise_if_any()


async def list_tokens(request: web.Request) -> web.Response:
    tokens = state(request).application_tokens
    return ok([tokens.render(t) for t in tokens.of_org(principal(request).org_id)])


async def create_token(request: web.Request) -> web.Response:
    what = "Application Token validation error"
    body = await json_object(request, what, optional=True)
    _unknown(body, {"description", "expiry_date", "ip"}, what)
    emu = state(request)
    description = _description(body.get("description", ""))
    expiry = None if body.get("expiry_date") is None else _expiry(body["expiry_date"], emu.clock())
    ip = None if body.get("ip") is None else _ip(body["ip"])
    who = principal(request)
    creator = who.user_id
    if creator is None and who.app_id is not None:
        used = emu.application_tokens.get(who.app_id)
        creator = None if used is None else used.creator_id
    org = caller(request)
    token = request.app[AUTH].create_application_token(
        org.id, org.name, description, expiry, ip, creator
    )
    return ok({"application_token": token})


def _own_token(request: web.Request) -> TokenRecord:
    token_id = path_id(request, "app_token_id")
    record = state(request).application_tokens.get(token_id)
    if record is None or record.org_id != principal(request).org_id:
        raise ApiError.of(
            (404, 1201, "NotFound"), f"Application Token with Id '{token_id}' not found."
        )
    return record


async def update_token(request: web.Request) -> web.Response:
    """``description`` and/or ``status`` (1 revokes; a revoked token stays revoked)."""
    record = _own_token(request)
    what = "Application Token validation error"
    body = await json_object(request, what)
    _unknown(body, {"description", "status"}, what)
    description = None if "description" not in body else _description(body["description"])
    status = None
    if "status" in body:
        value = body["status"]
        status = value.get("id") if isinstance(value, dict) else None
        if not is_int(status) or status not in TOKEN_STATUSES:
            raise ApiError.of(INVALID_FORMAT, 'Application Token - status must be {"id": 0 or 1}.')
        if record.status_id == TOKEN_REVOKED and status == TOKEN_ACTIVATED:
            raise ApiError.of(NOT_ALLOWED, "A revoked Application Token cannot be activated again.")
    state(request).application_tokens.update(record, description=description, status=status)
    return no_content()


ROUTES = [
    Route("GET", PATH, list_tokens),
    Route("POST", PATH, create_token),
    Route("PATCH", PATH + "/{app_token_id}", update_token),
]
