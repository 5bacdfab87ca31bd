"""Users: `/api/v1/user` and `/api/v2/user`, their roles and events, passwords and activation,
and invitations (`/api/v2/user/invitation`, `/activation`: newer docs)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, lookup, password, require_any, secret_text, text
from .._constants import EVENT_MAX_PER_PAGE, USER_MAX_PER_PAGE
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_lookup_id, ref_id
from .._types import NotGiven
from ..models import Event, Role, RolePermissions, Secret, Status, SupportToken, User
from ._params import FILTER, SORT

__all__ = [
    "ACCEPT_INVITATION",
    "ACTIVATE",
    "ADD_ROLE",
    "CHANGE_PASSWORD",
    "CREATE",
    "DELETE",
    "DELETE_V1",
    "EVENTS",
    "GET",
    "INVITE",
    "LIST",
    "REMOVE_ROLE",
    "RESEND_ACTIVATION",
    "ROLES",
    "ROLE_PERMISSIONS",
    "STATUSES",
    "SUPPORT_TOKEN",
    "UPDATE",
    "USER",
    "USER_OR_USERNAME",
    "ActivationResend",
    "InvitationAcceptance",
    "PasswordChange",
    "SupportTokenCreate",
    "UserActivation",
    "UserCreate",
    "UserUpdate",
]

_PATH = "/api/v1/user"
_ONE = f"{_PATH}/{{user_id}}"
# One `@` between a local part and a domain, no spaces or control characters.
_EMAIL = re.compile(r"[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+")
_SUPPORT_ROLES = (1, 3)


def USER(value: Any, name: str) -> int | str:
    """A user: a positive id, a model with an `id`, or `"my"` for the caller's own user."""
    if type(value) is str and value == "my":
        return "my"
    if isinstance(value, str):
        raise InputError(f"{name} must be a positive user id or 'my', got {value!r}")
    return ref_id(value, name)


def USER_OR_USERNAME(value: Any, name: str) -> int | str:
    """A user: a positive id, a model with an `id`, or the username (an e-mail address)."""
    if isinstance(value, str):
        return _username(value, name)
    return ref_id(value, name)


def _username(value: Any, name: str) -> str:
    if not isinstance(value, str) or len(value) > 254 or not _EMAIL.fullmatch(value):
        raise InputError(f"{name} must be an e-mail address, got {value!r}")
    return value


def _roles(value: Any, name: str) -> list[Ref]:
    items = [value] if isinstance(value, int) or hasattr(value, "id") else value
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InputError(f"{name} must be role ids or Role models, got {value!r}")
    refs = [Ref(ref_id(item, f"{name}[{index}]")) for index, item in enumerate(items)]
    if not refs:
        raise InputError(f"{name} needs at least one role (leave it out for the default role)")
    return refs


def _recaptcha(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be the non-empty token of a reCAPTCHA form")
    return value


def _support_role(value: Any, name: str) -> int:
    role = check_lookup_id(value, name)
    if role not in _SUPPORT_ROLES:
        raise InputError(f"{name} must be 1 (Administrator) or 3 (Observer), got {value!r}")
    return role


@attrs.frozen(kw_only=True)
class UserCreate:
    """The body of POST /api/v1/user."""

    username: str | NotGiven = checked(_username)
    name: str | NotGiven = text(non_empty=True)
    organisation: Ref | NotGiven = checked(lambda v, n: Ref(ref_id(v, n)), shown_as="org")
    roles: list[Ref] | NotGiven = checked(_roles)


@attrs.frozen(kw_only=True)
class UserUpdate:
    """The body of PATCH /api/v1/user/{user_id}: only the fields given are sent."""

    username: str | NotGiven = checked(_username)
    name: str | NotGiven = text(non_empty=True)
    status: Ref | NotGiven = lookup()

    def __attrs_post_init__(self) -> None:
        require_any(self, "a user update")


@attrs.frozen(kw_only=True)
class SupportTokenCreate:
    """The body of POST /api/v2/user/{user_id}/support_token."""

    role: int | NotGiven = checked(_support_role)


@attrs.frozen(kw_only=True)
class UserActivation:
    """The body of POST /api/v1/user/activation."""

    activation_key: Secret | NotGiven = secret_text(key="activationKey")
    password: Secret | NotGiven = password()


@attrs.frozen(kw_only=True)
class ActivationResend:
    """The body of POST /api/v1/user/activation_resend."""

    username: str | NotGiven = checked(_username)
    recaptcha_response: str | NotGiven = checked(_recaptcha, key="g-recaptcha-response")


@attrs.frozen(kw_only=True)
class PasswordChange:
    """The body of PATCH /api/v1/user/password."""

    old_password: Secret | NotGiven = password()
    new_password: Secret | NotGiven = password()


@attrs.frozen(kw_only=True)
class InvitationAcceptance:
    """The body of POST /api/v2/user/activation."""

    activation_key: Secret | NotGiven = secret_text(key="activationKey")
    password: Secret | NotGiven = password()
    name: str | NotGiven = text(non_empty=True)


LIST = Operation(
    "UserPerPageSortByQAndPageGet",
    "GET",
    _PATH,
    Returns.PAGE,
    User,
    query={"q": FILTER, "sort": SORT},
    max_per_page=USER_MAX_PER_PAGE,
)
CREATE: Operation[None] = Operation(
    "UserPerPageSortByQAndPagePost", "POST", _PATH, Returns.CREATED_ID, body=UserCreate
)
STATUSES = Operation("UserStatusGet", "GET", f"{_PATH}/status", Returns.ARRAY, Status)
ROLES = Operation("UserRoleGet", "GET", f"{_PATH}/role", Returns.ARRAY, Role)
GET = Operation(
    "UserByIdGet", "GET", _ONE, Returns.OBJECT, User, path_params={"user_id": USER_OR_USERNAME}
)
UPDATE: Operation[None] = Operation(
    "UserByIdPatch", "PATCH", _ONE, Returns.NOTHING, body=UserUpdate
)
DELETE_V1: Operation[None] = Operation("UserByIdDelete", "DELETE", _ONE, Returns.NOTHING)
DELETE: Operation[None] = Operation(
    "UserByIdDeleteV2", "DELETE", "/api/v2/user/{user_id}", Returns.NOTHING
)
EVENTS = Operation(
    "UserEventPagePerPageSortByUserIdAndQGet",
    "GET",
    f"{_ONE}/event",
    Returns.PAGE,
    Event,
    path_params={"user_id": USER},
    query={"q": FILTER, "sort": SORT},
    max_per_page=EVENT_MAX_PER_PAGE,
)
# S1 declares an object; its example (and the emulator) answer a list, one entry per role.
ROLE_PERMISSIONS = Operation(
    "UserRolePermissionByIdGet",
    "GET",
    f"{_ONE}/role/permission",
    Returns.ARRAY,
    RolePermissions,
    path_params={"user_id": USER},
)
ADD_ROLE: Operation[None] = Operation(
    "UserRoleByIdAndRoleIdPut", "PUT", f"{_ONE}/role/{{role_id}}", Returns.NOTHING
)
REMOVE_ROLE: Operation[None] = Operation(
    "UserRoleByIdAndRoleIdDelete", "DELETE", f"{_ONE}/role/{{role_id}}", Returns.NOTHING
)
# Each call mints another token: not repeated. The answer holds it.
SUPPORT_TOKEN = Operation(
    "UserByIdV2CreateSupportToken",
    "POST",
    "/api/v2/user/{user_id}/support_token",
    Returns.OBJECT,
    SupportToken,
    body=SupportTokenCreate,
    success=frozenset({201}),
    sensitive=True,
)
# Public operations (emnify ignores the token). Activating sets the password once: repeating
# it after a lost answer would fail on the used key, so it is not repeated.
ACTIVATE: Operation[None] = Operation(
    "UserActivationPost",
    "POST",
    f"{_PATH}/activation",
    Returns.NOTHING,
    body=UserActivation,
    public=True,
)
RESEND_ACTIVATION: Operation[None] = Operation(
    "UserActivationResendPost",
    "POST",
    f"{_PATH}/activation_resend",
    Returns.NOTHING,
    body=ActivationResend,
    public=True,
)
# Repeating it after a lost answer would be refused (the old password is no longer it).
CHANGE_PASSWORD: Operation[None] = Operation(
    "UserPasswordPatch",
    "PATCH",
    f"{_PATH}/password",
    Returns.NOTHING,
    body=PasswordChange,
    safe=False,
)
# Creates a user (or a membership) and records an event: not repeated.
INVITE = Operation(
    "user-v-2-invitation",
    "POST",
    "/api/v2/user/invitation",
    Returns.OBJECT,
    User,
    body=UserCreate,
    success=frozenset({201}),
    source="newer-docs",
)
# Uses the key once: repeating it after a lost answer would be refused, so it is not repeated.
ACCEPT_INVITATION: Operation[None] = Operation(
    "accept-user-invitation",
    "POST",
    "/api/v2/user/activation",
    Returns.NOTHING,
    body=InvitationAcceptance,
    sensitive=True,
    source="newer-docs",
)
