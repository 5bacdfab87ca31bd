"""What the user-area route modules share: who the calling user is, the path's user, and
who may see or manage whom.

A path's ``{user_id}`` is a number, ``my`` (the calling user, where emnify documents it) or,
for the details, a username; users outside the caller's organisation and its direct children
are answered like unknown ones, with emnify's ``404 1401 InvalidReference``.
"""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._errors import (
    BAD_REQUEST,
    FORBIDDEN,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    ApiError,
)
from emnify_async.testing._routing import principal, state
from emnify_async.testing._stores.users import UserStore
from emnify_async.testing._user_data import ADMINISTRATOR, OBSERVER, UserRecord

USER_PATH = "/api/v1/user/{user_id}"
FAILED = (422, 1002, "Failed")
"""emnify's answer to a wrong password where one is re-entered (``PATCH .../password``)."""


def users(request: web.Request) -> UserStore:
    return state(request).users


def missing(what: str, ident: object) -> ApiError:
    """404 with emnify's ``1401 InvalidReference`` (as the user area's examples answer)."""
    return ApiError.of(INVALID_REFERENCE, f"{what} with Id '{ident}' not found.", status=404)


def calling_user(request: web.Request) -> UserRecord | None:
    """The user a user's (or a support) token acts as; ``None`` for application tokens."""
    user_id = principal(request).user_id
    return None if user_id is None else users(request).get(user_id)


def require_user(request: web.Request, doing: str) -> UserRecord:
    """The calling user; an application token gets 422 NotAllowed (it has no password or
    MFA keys)."""
    user = calling_user(request)
    if user is None:
        raise ApiError.of(NOT_ALLOWED, f"Only a user can {doing}; an application token cannot.")
    return user


def path_user(
    request: web.Request, *, allow_my: bool = False, allow_username: bool = False
) -> UserRecord:
    """The path's user as the caller may see it, or 404; a malformed id is 400."""
    found = path_user_or_none(request, allow_my=allow_my, allow_username=allow_username)
    if found is None:
        raise missing("User", request.match_info["user_id"])
    return found


def path_user_or_none(
    request: web.Request, *, allow_my: bool = False, allow_username: bool = False
) -> UserRecord | None:
    raw = request.match_info["user_id"]
    store = users(request)
    caller_org = principal(request).org_id
    if raw == "my" and allow_my:
        return calling_user(request)
    if raw.isascii() and raw.isdigit():
        return store.visible(caller_org, int(raw))
    if allow_username and "@" in raw:
        user = store.by_username(raw)
        return None if user is None else store.visible(caller_org, user.id)
    raise ApiError.of(BAD_REQUEST, f"Invalid user_id '{raw}'")


def may_watch(request: web.Request, user: UserRecord) -> bool:
    """Whether the caller may see ``user``'s events and permissions: its own, or as an
    administrator or observer (an application token acts for its organisation)."""
    me = calling_user(request)
    if me is None:
        return principal(request).user_id is None
    return me.id == user.id or bool({ADMINISTRATOR, OBSERVER} & set(me.roles))


def may_manage(request: web.Request, user: UserRecord) -> bool:
    """Whether the caller may change ``user``'s MFA keys and devices: its own, as an
    administrator, or with an application token."""
    me = calling_user(request)
    if me is None:
        return principal(request).user_id is None
    return me.id == user.id or ADMINISTRATOR in me.roles


def forbidden(message: str) -> ApiError:
    return ApiError.of(FORBIDDEN, message)
