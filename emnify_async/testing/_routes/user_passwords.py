"""Passwords and activation: ``/api/v1/user/activation``, ``/activation_resend`` (public) and
``/api/v1/user/password``.

Every password is the SHA-1 hex digest that ``POST /api/v1/authenticate`` takes (the
activation example of the spec is one): what activation or a change stores is what a login
must send.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, json_object
from emnify_async.testing._errors import (
    BAD_REQUEST,
    INPUT_VALIDATION,
    REQUIRED,
    ApiError,
    error_body,
)
from emnify_async.testing._routing import Route, no_content
from emnify_async.testing._user_routing import FAILED, require_user, users

PATH = "/api/v1/user"


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ApiError.of(BAD_REQUEST, f"'{key}' is required")
    return value


async def activate(request: web.Request) -> web.Response:
    """Sets the password of the pending user the key was e-mailed to; a used, replaced or
    unknown key is 400."""
    body = await json_object(request, "Activation", status=400)
    key, password = _text(body, "activationKey"), _text(body, "password")
    if not users(request).activate(key, password):
        raise ApiError.of(BAD_REQUEST, "Invalid or expired activation key")
    return no_content()


async def resend_activation(request: web.Request) -> web.Response:
    """E-mails a pending user a new key; for any other username nothing happens (the answer
    is the same, so that it tells nobody which accounts exist)."""
    body = await json_object(request, "Activation mail", status=400)
    username = _text(body, "username")
    _text(body, "g-recaptcha-response")  # any token passes: there is no reCAPTCHA here
    users(request).resend_activation(username)
    return no_content()


async def change_password(request: web.Request) -> web.Response:
    user = require_user(request, "change a password")
    what = "Change password validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    for key in ("old_password", "new_password"):
        value = body.get(key)
        if not isinstance(value, str) or not value:
            check.add(REQUIRED, f"{key} is required")
    check.raise_if_any()
    store = users(request)
    if not store.password_matches(user, body["old_password"]):
        raise ApiError(
            FAILED[0],
            error_body(
                FAILED,
                "Invalid old password",
                [error_body(INPUT_VALIDATION, f"Wrong Password for User '{user.username}'")],
            ),
        )
    store.set_password(user, body["new_password"])
    return no_content()


ROUTES = [
    Route("POST", PATH + "/activation", activate, public=True),
    Route("POST", PATH + "/activation_resend", resend_activation, public=True),
    Route("PATCH", PATH + "/password", change_password),
]
