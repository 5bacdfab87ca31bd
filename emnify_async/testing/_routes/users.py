"""User management: ``/api/v1/user`` (accounts, lookups, roles, events) and ``/api/v2/user``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._errors import (
    DUPLICATED,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    REQUIRED,
    ApiError,
)
from emnify_async.testing._event_query import (
    EVENT_PAGING,
    filter_events,
    sort_events,
)
from emnify_async.testing._event_query import (
    FILTER_FIELDS as EVENT_FILTERS,
)
from emnify_async.testing._event_query import (
    SORT_FIELDS as EVENT_SORTS,
)
from emnify_async.testing._keys import AUTH
from emnify_async.testing._pagination import list_query, paged
from emnify_async.testing._query import int_value
from emnify_async.testing._routing import (
    Paging,
    Route,
    caller,
    created_at,
    no_content,
    ok,
    principal,
    state,
)
from emnify_async.testing._stores.users import UserStore
from emnify_async.testing._user_data import (
    ACTIVATION_PENDING,
    ACTIVE,
    ADMINISTRATOR,
    DEFAULT_ROLE,
    ROLES,
    SUSPENDED,
    USER_STATUSES,
    UserRecord,
)
from emnify_async.testing._user_routing import (
    USER_PATH,
    calling_user,
    forbidden,
    may_watch,
    missing,
    path_user,
    path_user_or_none,
    users,
)

PATH = "/api/v1/user"
USER_PAGING = Paging(default=1000, maximum=1000)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
CANNOT_BE_DELETED = (409, 1407, "CannotBeDeleted")
# Status changes a PATCH may make (documented): ACTIVE <-> SUSPENDED, PENDING -> SUSPENDED.
_MOVES = {(ACTIVE, SUSPENDED), (SUSPENDED, ACTIVE), (ACTIVATION_PENDING, SUSPENDED)}
_STATUS_NAMES = {0: "ACTIVATION_PENDING", 1: "ACTIVE", 2: "SUSPENDED", 3: "DELETED"}

_FIELDS: dict[str, Callable[[UserRecord], Any]] = {
    "id": lambda u: u.id,
    "status": lambda u: u.status_id,
    "name": lambda u: u.name.casefold(),
    "username": lambda u: u.username.casefold(),
    "organisation": lambda u: u.org_id,
    "created": lambda u: u.created_ts,
}
FILTER_FIELDS = frozenset(_FIELDS) - {"created"}
SORT_FIELDS = frozenset(_FIELDS)


def _matcher(field: str, value: str) -> Callable[[UserRecord], bool]:
    extract = _FIELDS[field]
    if field in ("name", "username"):
        needle = value.casefold()
        return lambda u: needle in extract(u)
    wanted = int_value(field, value)
    return lambda u: extract(u) == wanted


async def list_users(request: web.Request) -> web.Response:
    """The users of the caller's organisation and its direct children."""
    query = list_query(request, FILTER_FIELDS, SORT_FIELDS)
    store = users(request)
    matchers = [_matcher(field, value) for field, value in query.filters]
    found = [u for u in store.in_scope(principal(request).org_id) if all(m(u) for m in matchers)]
    for field, descending in reversed(query.keys):
        found.sort(key=_FIELDS[field], reverse=descending)
    return paged(request, query, found, lambda u: store.render(u, details=False))


def _username(
    check: FieldErrors, body: dict[str, Any], store: UserStore, user_id: int = 0
) -> str | None:
    value = body.get("username")
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        check.add(INVALID_FORMAT, "username must be an e-mail address")
        return None
    other = store.by_username(value)
    if other is not None and other.id != user_id:
        check.add(DUPLICATED, f"User with username '{value}' already exists.")
    return value


def _name(check: FieldErrors, body: dict[str, Any]) -> str | None:
    value = body.get("name")
    if not isinstance(value, str) or not value.strip():
        check.add(INVALID_FORMAT, "name must be a non-empty string")
        return None
    return value


def _reference(check: FieldErrors, body: dict[str, Any], key: str) -> int | None:
    value = body.get(key)
    ref = value.get("id") if isinstance(value, dict) else None
    if not is_int(ref):
        check.add(INVALID_FORMAT, f'{key} must be {{"id": n}}')
        return None
    return ref


async def create_user(request: web.Request) -> web.Response:
    what = "Create User validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    store = users(request)
    for key in ("username", "name"):
        if key not in body:
            check.add(REQUIRED, f"{key} is required")
    for key in set(body) - {"username", "name", "organisation", "roles"}:
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    username = _username(check, body, store) if "username" in body else None
    name = _name(check, body) if "name" in body else None
    org = caller(request)
    if "organisation" in body:
        org_id = _reference(check, body, "organisation")
        orgs = state(request).organisations
        if org_id is not None and not orgs.in_scope(org.id, org_id):
            check.add(INVALID_REFERENCE, f"Organisation with id '{org_id}' not found.")
        elif org_id is not None:
            org = orgs[org_id]
    roles = [DEFAULT_ROLE]
    if "roles" in body:
        given = body["roles"]
        items = given if isinstance(given, list) else [None]
        refs = [r.get("id") if isinstance(r, dict) else None for r in items]
        ids = [r for r in refs if is_int(r)]
        if not refs or len(ids) != len(refs):
            check.add(INVALID_FORMAT, 'roles must be a non-empty list of {"id": n}')
        else:
            roles = list(dict.fromkeys(ids))
    check.raise_if_any()
    for role in roles:
        if role not in ROLES:
            raise missing("Role", role)
    assert username is not None and name is not None
    user = store.create(org.id, username, name, roles)
    return created_at(request, f"{PATH}/{user.id}")


async def get_user(request: web.Request) -> web.Response:
    user = path_user(request, allow_username=True)
    return ok(users(request).render(user, details=True))


async def patch_user(request: web.Request) -> web.Response:
    user = path_user(request)
    what = "Request validation failed"
    body = await json_object(request, what)
    check = FieldErrors(what)
    for key in set(body) - {"username", "name", "status", "organisation"}:
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    username = _username(check, body, users(request), user.id) if "username" in body else None
    name = _name(check, body) if "name" in body else None
    status = None
    if "status" in body:
        status = _reference(check, body, "status")
        if status is not None and status not in USER_STATUSES:
            check.add(INVALID_REFERENCE, f"User status with Id '{status}' not found.")
        elif status not in (None, user.status_id) and (user.status_id, status) not in _MOVES:
            check.add(NOT_ALLOWED, f"User status '{_STATUS_NAMES[status]}' not allowed.")
    if "organisation" in body:
        org_id = _reference(check, body, "organisation")
        if org_id not in (None, user.org_id):
            check.add(NOT_ALLOWED, "The organisation of a user cannot be changed.")
    check.raise_if_any()
    users(request).update(user, username=username, name=name, status=status)
    return no_content()


async def delete_user(request: web.Request) -> web.Response:
    users(request).delete(path_user(request))
    return no_content()


async def user_statuses(request: web.Request) -> web.Response:
    return ok([{"id": i, "description": text} for i, text in USER_STATUSES.items()])


async def user_roles(request: web.Request) -> web.Response:
    return ok([{"id": i, "name": name} for i, name in ROLES.items()])


async def user_events(request: web.Request) -> web.Response:
    """The user's events; an unknown or inaccessible user has none (documented quirk)."""
    query = list_query(request, EVENT_FILTERS, EVENT_SORTS)
    user = path_user_or_none(request, allow_my=True)
    if user is not None and not may_watch(request, user):
        raise forbidden("Only administrators and observers may see the events of other users.")
    events = [] if user is None else users(request).events_of(user.id)
    return paged(request, query, sort_events(filter_events(events, query.filters), query.keys))


async def role_permissions(request: web.Request) -> web.Response:
    user = path_user(request, allow_my=True)
    if not may_watch(request, user):
        raise forbidden("Only administrators and observers may see the roles of other users.")
    return ok(users(request).permissions(user))


def _role(request: web.Request) -> int:
    raw = request.match_info["role_id"]
    role = int(raw) if raw.isascii() and raw.isdigit() else None
    if role not in ROLES:
        raise missing("Role", raw)
    assert role is not None
    return role


async def add_role(request: web.Request) -> web.Response:
    user = path_user(request)
    role = _role(request)
    if role in user.roles:
        raise ApiError.of(DUPLICATED, f"Cannot assign the same role multiple times: Role {role}")
    users(request).add_role(user, role)
    return no_content()


async def remove_role(request: web.Request) -> web.Response:
    user = path_user(request)
    role = _role(request)
    if role not in user.roles:
        raise missing("Role", role)
    if len(user.roles) == 1:
        raise ApiError.of(CANNOT_BE_DELETED, "Cannot delete the last Role of the User.")
    users(request).remove_role(user, role)
    return no_content()


async def create_support_token(request: web.Request) -> web.Response:
    """A token acting as the user: for a channel partner (a non-enterprise organisation, by an
    application token or an administrator) and users of its own organisation or its
    children, not itself; the user must be active and its organisation enabled."""
    body = await json_object(request, "Support token validation error", optional=True)
    check = FieldErrors("Support token validation error")
    role = body.get("role")
    if role is not None and (not is_int(role) or role not in (1, 3)):
        check.add(INVALID_FORMAT, "role must be 1 (Administrator) or 3 (Observer)")
    for key in set(body) - {"role"}:
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    check.raise_if_any()
    raw = request.match_info["user_id"]
    store = users(request)
    target = store.get(int(raw)) if raw.isascii() and raw.isdigit() else None
    if target is None:
        raise missing("User", raw)
    me = calling_user(request)
    who = principal(request)
    org = caller(request)
    admin = who.user_id is None or (me is not None and ADMINISTRATOR in me.roles)
    if org.is_enterprise or not admin:
        raise forbidden("The requesting user does not have the support role.")
    if me is not None and me.id == target.id:
        raise forbidden("A support token cannot be created for one's own user.")
    if not state(request).organisations.in_scope(org.id, target.org_id):
        raise forbidden("The user is outside the organisation's child subtree.")
    if target.status_id != ACTIVE or store.organisation(target).status_id != 0:
        raise missing("Active user", target.id)
    token = request.app[AUTH].support_token(target, role, who)
    return ok({"support_token": token}, status=201)


ROUTES = [
    Route("GET", PATH, list_users, paging=USER_PAGING),
    Route("POST", PATH, create_user),
    Route("GET", PATH + "/status", user_statuses),
    Route("GET", PATH + "/role", user_roles),
    Route("GET", USER_PATH, get_user),
    Route("PATCH", USER_PATH, patch_user),
    Route("DELETE", USER_PATH, delete_user),
    Route("GET", USER_PATH + "/event", user_events, paging=EVENT_PAGING),
    Route("GET", USER_PATH + "/role/permission", role_permissions),
    Route("PUT", USER_PATH + "/role/{role_id}", add_role),
    Route("DELETE", USER_PATH + "/role/{role_id}", remove_role),
    Route("DELETE", "/api/v2/user/{user_id}", delete_user),
    Route("POST", "/api/v2/user/{user_id}/support_token", create_support_token),
]
