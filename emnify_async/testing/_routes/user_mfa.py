"""Multi-factor authentication: ``/api/v1/user/mfa`` (the calling user's keys), a user's keys
and trusted devices. Keys are TOTP keys (``_totp.py``) checked against the emulator's clock."""

from __future__ import annotations

import urllib.parse

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._errors import (
    DUPLICATED,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    REQUIRED,
    ApiError,
    error_body,
)
from emnify_async.testing._routing import Route, no_content, ok
from emnify_async.testing._user_data import MFA_ACTIVE, MFA_STATUSES, MFA_TYPES
from emnify_async.testing._user_routing import (
    FAILED,
    USER_PATH,
    may_manage,
    missing,
    path_user,
    require_user,
    users,
)

PATH = "/api/v1/user/mfa"
ISSUER = "emnify"


def _key_id(request: web.Request) -> int | None:
    raw = request.match_info["key_id"]
    return int(raw) if raw.isascii() and raw.isdigit() else None


async def create_key(request: web.Request) -> web.Response:
    """A new pending key of the calling user, with its seed (shown only now)."""
    user = require_user(request, "create an MFA key")
    what = "MFA key validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    type_id = None
    value = body.get("type")
    ref = value.get("id") if isinstance(value, dict) else None
    if "type" not in body:
        check.add(REQUIRED, 'type is required as {"id": n}')
    elif not is_int(ref) or ref not in MFA_TYPES:
        check.add(INVALID_REFERENCE, f"MFA key type with Id '{ref}' not found.")
    else:
        type_id = ref
    password = body.get("password")
    if not isinstance(password, str) or not password:
        check.add(REQUIRED, "password is required")
    check.raise_if_any()
    assert type_id is not None and isinstance(password, str)
    store = users(request)
    if not store.password_matches(user, password):
        raise ApiError(
            FAILED[0],
            error_body(
                FAILED,
                "Invalid password",
                [error_body(INPUT_VALIDATION, f"Wrong Password for User '{user.username}'")],
            ),
        )
    if store.mfa_active(user):
        raise ApiError.of(DUPLICATED, "MFA already activated")
    key = store.create_mfa_key(user, type_id)
    org = store.organisation(user)
    label = urllib.parse.quote(f"{org.name}:{user.username}")
    issuer = urllib.parse.quote(ISSUER)
    return ok(
        {
            "id": key.id,
            "status": {"id": key.status_id, "description": MFA_STATUSES[key.status_id]},
            "type": {"id": key.type_id, "description": MFA_TYPES[key.type_id]},
            "secret_key": key.secret,
            "otpauth": f"otpauth://totp/{label}?secret={key.secret}&issuer={issuer}"
            "&digits=6&period=30",
            "creation_date": d.format_ts(key.created_ts, zulu=True),
        }
    )


async def activate_key(request: web.Request) -> web.Response:
    """``{"status": {"id": 1}, "code": "123456"}``: the code of the key's seed, now."""
    user = require_user(request, "activate an MFA key")
    key_id = _key_id(request)
    key = None if key_id is None else user.mfa.get(key_id)
    if key is None:
        raise missing("MFA Key", request.match_info["key_id"])
    if key.status_id == MFA_ACTIVE:
        raise ApiError.of(DUPLICATED, "MFA already activated")
    what = "MFA key validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    status = body.get("status")
    if not isinstance(status, dict) or status.get("id") != MFA_ACTIVE:
        check.add(INVALID_FORMAT, 'status must be {"id": 1}')
    code = body.get("code")
    if is_int(code) and 0 <= code <= 999_999:
        code = f"{code:06d}"  # S1 types the code as a number
    if not isinstance(code, str):
        check.add(REQUIRED, "code is required")
    check.raise_if_any()
    assert isinstance(code, str)
    store = users(request)
    if not store.code_matches(key, code):
        raise ApiError.of(INPUT_VALIDATION, "MFA key validation error: Code did not match!")
    store.activate_mfa_key(user, key)
    return no_content()


async def delete_key(request: web.Request) -> web.Response:
    user = path_user(request, allow_my=True)
    key_id = _key_id(request)
    key = None if key_id is None else user.mfa.get(key_id)
    if key is None or not may_manage(request, user):
        raise missing("MFA Key", request.match_info["key_id"])
    users(request).delete_mfa_key(user, key)
    return no_content()


async def key_statuses(request: web.Request) -> web.Response:
    return ok([{"id": i, "description": text} for i, text in MFA_STATUSES.items()])


async def key_types(request: web.Request) -> web.Response:
    return ok([{"id": i, "description": text} for i, text in MFA_TYPES.items()])


async def trusted_devices(request: web.Request) -> web.Response:
    user = path_user(request, allow_my=True)
    if not may_manage(request, user):
        raise missing("User", request.match_info["user_id"])
    return ok(users(request).devices(user))


async def delete_trusted_device(request: web.Request) -> web.Response:
    user = path_user(request, allow_my=True)
    raw = request.match_info["device_id"]
    device_id = int(raw) if raw.isascii() and raw.isdigit() else 0
    if not may_manage(request, user) or not users(request).forget_device(user, device_id):
        raise missing("Trusted Device", raw)
    return no_content()


ROUTES = [
    Route("POST", PATH, create_key),
    Route("GET", PATH + "/status", key_statuses),
    Route("GET", PATH + "/type", key_types),
    Route("PATCH", PATH + "/{key_id}", activate_key),
    Route("DELETE", USER_PATH + "/mfa/{key_id}", delete_key),
    Route("GET", USER_PATH + "/mfa/trusted_device", trusted_devices),
    Route("DELETE", USER_PATH + "/mfa/trusted_device/{device_id}", delete_trusted_device),
]
