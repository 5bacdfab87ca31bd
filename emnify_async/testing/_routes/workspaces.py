"""Workspaces (newer docs): a user's memberships ``/api/v2/user/{user_id}/workspace``, the
default one, daily stats ``/api/v2/workspace/stats/daily``, switching
``/api/v1/authenticate/workspace``, and invitations ``/api/v2/user/invitation`` and
``/api/v2/user/activation``.

Who may manage a membership: an active administrator of that workspace, or an application
token of it (a token is scoped to one workspace). See docs/emulator.md, "Workspaces".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import FieldErrors, is_int, json_body, json_object
from emnify_async.testing._catalog import CURRENCIES, TRAFFIC_TYPES, JsonObj
from emnify_async.testing._dates import month_end, month_start, parse_date
from emnify_async.testing._errors import (
    BAD_REQUEST,
    CANNOT_BE_DELETED,
    DUPLICATED,
    INVALID_CREDENTIALS,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
)
from emnify_async.testing._keys import AUTH
from emnify_async.testing._routing import Route, no_content, ok, principal, state, today
from emnify_async.testing._stores.workspaces import Workspaces
from emnify_async.testing._user_data import ACTIVE, ADMINISTRATOR, ROLES, UserRecord
from emnify_async.testing._user_routing import calling_user, forbidden, missing, users

USER = "/api/v2/user/{user_id}"
ONE = USER + "/workspace/{workspace_id}"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_STATUSES = (1, 2)
_ADMIN_REQUIRED = "Administrator role required on the selected Workspace"
STATS_MONTHS = 6
DATA, SMS = 5, 6


def workspaces(request: web.Request) -> Workspaces:
    return state(request).workspaces


def _administers(request: web.Request, org_id: int) -> bool:
    """Whether the caller may manage the workspace's users: an active administrator of it, or
    an application token of it."""
    who = principal(request)
    me = calling_user(request)
    if me is None:
        return who.user_id is None and org_id == who.org_id
    return workspaces(request).administers(me, org_id)


def _number(request: web.Request, name: str) -> int | None:
    raw = request.match_info[name]
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else None


def _target(request: web.Request) -> tuple[UserRecord, int]:
    """The path's user and workspace: 403 unless the caller administers the workspace; 404
    when the user is no member of it."""
    org_id = _number(request, "workspace_id")
    if org_id is None or not _administers(request, org_id):
        raise forbidden(_ADMIN_REQUIRED)
    user_id = _number(request, "user_id")
    user = None if user_id is None else users(request).get(user_id)
    if user is None or workspaces(request).member(user, org_id) is None:
        raise missing("User", request.match_info["user_id"])
    return user, org_id


def _render(request: web.Request, user: UserRecord, org_id: int) -> JsonObj:
    found = workspaces(request).member(user, org_id)
    assert found is not None
    return {
        "id": org_id,
        "name": state(request).organisations[org_id].name,
        "status": {"status": {"id": found.status_id}},
        "roles": [{"id": role, "name": ROLES[role]} for role in found.roles],
        "owner": workspaces(request).owner(org_id) == user.id,
        "default_workspace": org_id == user.org_id,
    }


async def list_workspaces(request: web.Request) -> web.Response:
    """The user's workspaces that the caller administers; an unknown user has none (only 200
    and 403 are documented), a malformed id is 400."""
    if not _administers(request, principal(request).org_id):
        raise forbidden(_ADMIN_REQUIRED)
    user_id = _number(request, "user_id")
    if user_id is None:
        raise ApiError.of(BAD_REQUEST, f"Invalid user_id '{request.match_info['user_id']}'")
    user = users(request).get(user_id)
    if user is None:
        return ok([])
    return ok(
        [
            _render(request, user, org_id)
            for org_id, _ in workspaces(request).memberships(user)
            if _administers(request, org_id)
        ]
    )


async def set_status(request: web.Request) -> web.Response:
    user, org_id = _target(request)
    what = "Request validation failed"
    body = await json_object(request, what)
    check = FieldErrors(what)
    status = check.reference(body, "status") if "status" in body else None
    if "status" not in body:
        check.add(REQUIRED, "status is required")
    elif status not in _STATUSES:
        check.add(INVALID_REFERENCE, "status must be 1 (ACTIVE) or 2 (SUSPENDED)")
    for key in set(body) - {"status"}:
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    check.raise_if_any()
    assert status is not None
    workspaces(request).set_status(user, org_id, status)
    return no_content()


async def unassign(request: web.Request) -> web.Response:
    """404 for a workspace the user is no member of (documented); the only workspace of a
    user stays (403: delete the user instead)."""
    user, org_id = _target(request)
    if not workspaces(request).unassign(user, org_id):
        raise forbidden("A user cannot be removed from its only Workspace; delete the user.")
    return no_content()


def _role_target(request: web.Request) -> tuple[UserRecord, int, int]:
    user, org_id = _target(request)
    me = calling_user(request)
    if me is not None and me.id == user.id:
        raise ApiError.of(BAD_REQUEST, "Modifying your own account isn't allowed")
    role = _number(request, "role_id")
    if role not in ROLES:
        raise missing("Role", request.match_info["role_id"])
    assert role is not None
    return user, org_id, role


async def add_role(request: web.Request) -> web.Response:
    """A role the user has already is kept (the PUT changes nothing)."""
    user, org_id, role = _role_target(request)
    workspaces(request).add_role(user, org_id, role)
    return no_content()


async def remove_role(request: web.Request) -> web.Response:
    user, org_id, role = _role_target(request)
    found = workspaces(request).member(user, org_id)
    assert found is not None
    if role not in found.roles:
        raise missing("Role", role)
    if len(found.roles) == 1:
        raise ApiError.of(CANNOT_BE_DELETED, "Cannot delete the last Role of the User.")
    workspaces(request).remove_role(user, org_id, role)
    return no_content()


async def set_default(request: web.Request) -> web.Response:
    """The caller must administer both workspaces and the user be active in the new one."""
    org_id = _number(request, "workspace_id")
    user_id = _number(request, "user_id")
    user = None if user_id is None else users(request).get(user_id)
    found = None if user is None or org_id is None else workspaces(request).member(user, org_id)
    if (
        user is None
        or org_id is None
        or found is None
        or found.status_id != ACTIVE
        or not _administers(request, org_id)
        or not _administers(request, user.org_id)
    ):
        raise forbidden(_ADMIN_REQUIRED)
    workspaces(request).set_default(user, org_id)
    return web.Response(status=200)  # the docs' "Empty response body": no body, as tags


async def authenticate_workspace(request: web.Request) -> web.Response:
    """A token for another workspace of the calling user; an application token, or a
    workspace the user is no active member of, is 401 InvalidCredentials (the one error
    documented)."""
    body = await json_body(request)
    target = body.get("target_organisation") if isinstance(body, dict) else None
    org_id = target.get("id") if isinstance(target, dict) else None
    if not is_int(org_id):
        raise ApiError.of(BAD_REQUEST, 'target_organisation must be {"id": n}')
    me = calling_user(request)
    found = None if me is None else workspaces(request).member(me, org_id)
    if me is None:
        raise ApiError.of(
            INVALID_CREDENTIALS,
            "Switching Workspaces needs user credentials, not an application token",
        )
    if found is None or found.status_id != ACTIVE:
        raise ApiError.of(INVALID_CREDENTIALS, f"Workspace '{org_id}' is not assigned to the user")
    org = state(request).organisations[org_id]
    return ok({"auth_token": request.app[AUTH].workspace_token(me, org.id, org.name)})


# --- daily stats -------------------------------------------------------------------------


def _stats_range(start_raw: str | None, end_raw: str | None, day: dt.date) -> list[dt.date]:
    """The documented defaults: a lone start runs six months, a lone end is its month, neither
    is this month; never past today."""
    start = parse_date("start_date", start_raw) if start_raw else None
    end = parse_date("end_date", end_raw) if end_raw else None
    if start is None and end is None:
        start, end = month_start(day), day
    elif end is None:
        assert start is not None
        month = start.month - 1 + STATS_MONTHS
        end = start.replace(year=start.year + month // 12, month=month % 12 + 1, day=1)
        end -= dt.timedelta(days=1)
    elif start is None:
        start, end = month_start(end), month_end(end)
    if end < start:
        raise ApiError.of(OUT_OF_RANGE, "end_date must not be before start_date")
    end = min(end, day)
    return [start + dt.timedelta(days=k) for k in range((end - start).days + 1)]


def _visible_workspaces(request: web.Request) -> list[int]:
    me = calling_user(request)
    if me is None:
        return [principal(request).org_id]
    return [o for o, m in workspaces(request).memberships(me) if m.status_id == ACTIVE]


def _selected(request: web.Request) -> list[int]:
    visible = _visible_workspaces(request)
    raw = request.query.get("workspace_ids")
    if raw is None:
        return visible
    parts = raw.split(",")
    wanted = [int(p) for p in parts if p.isascii() and p.isdigit() and len(p) < 19]
    if not wanted or len(wanted) != len(parts) or not set(wanted) <= set(visible):
        raise ApiError.of(INVALID_REFERENCE, "Requested Workspaces not found or not accessible")
    return sorted(set(wanted))


def _usage(tx: float, rx: float, rate: float, traffic_type: int) -> JsonObj:
    return {
        "volume": round(tx + rx, 6),
        "volume_tx": round(tx, 6),
        "volume_rx": round(rx, 6),
        "cost": round((tx + rx) * rate, 6),
        "traffic_type": TRAFFIC_TYPES[traffic_type],
        "currency": CURRENCIES[1],
    }


def _day(seed: int, orgs: list[int], day: dt.date) -> JsonObj:
    salt = day.toordinal() * 10
    data_tx = sum(d.mix(seed, org, salt + 1) % 40_000 for org in orgs) / 1000
    data_rx = sum(d.mix(seed, org, salt + 2) % 40_000 for org in orgs) / 1000
    sms_tx = float(sum(d.mix(seed, org, salt + 3) % 40 for org in orgs))
    sms_rx = float(sum(d.mix(seed, org, salt + 4) % 40 for org in orgs))
    return {
        "date": day.isoformat(),
        "data_volume": _usage(data_tx, data_rx, 0.2, DATA),
        "sms_volume": _usage(sms_tx, sms_rx, 0.065, SMS),
    }


def _total(days: list[JsonObj]) -> JsonObj | None:
    if not days:
        return None
    total: JsonObj = {}
    for key, traffic_type, rate in (("data_volume", DATA, 0.2), ("sms_volume", SMS, 0.065)):
        tx = sum(day[key]["volume_tx"] for day in days)
        rx = sum(day[key]["volume_rx"] for day in days)
        total[key] = _usage(tx, rx, rate, traffic_type)
    return total


async def daily_stats(request: web.Request) -> web.Response:
    query = request.query
    days = _stats_range(query.get("start_date"), query.get("end_date"), today(request))
    orgs = _selected(request)
    seed = state(request).seed
    rows = [_day(seed, orgs, day) for day in days]
    return ok({"id": principal(request).org_id, "days": rows, "total": _total(rows)})


# --- invitations -------------------------------------------------------------------------


def _invitation_body(request: web.Request, body: dict[str, Any]) -> tuple[str, str, int, list[int]]:
    """``(username, name, organisation, roles)``, or 400 listing every bad field."""
    check = FieldErrors("Invitation validation error")
    username, name = body.get("username"), body.get("name")
    if not isinstance(username, str) or not _EMAIL.fullmatch(username):
        check.add(REQUIRED if username is None else INVALID_FORMAT, "username must be an e-mail")
    if not isinstance(name, str) or not name.strip():
        check.add(REQUIRED if name is None else INVALID_FORMAT, "name must be a non-empty string")
    org_id = principal(request).org_id
    me = calling_user(request)
    if me is not None:
        org_id = me.org_id
    if "organisation" in body:
        given = body["organisation"]
        ref = given.get("id") if isinstance(given, dict) else None
        if not is_int(ref):
            check.add(INVALID_FORMAT, 'organisation must be {"id": n}')
        else:
            org_id = ref
    roles = [ADMINISTRATOR]
    if "roles" in body:
        items = body["roles"] if isinstance(body["roles"], list) else [None]
        refs = [r.get("id") if isinstance(r, dict) else None for r in items]
        known = [r for r in refs if is_int(r) and r in ROLES]
        if not refs or len(known) != len(refs):
            check.add(INVALID_FORMAT, 'roles must be a non-empty list of known {"id": n}')
        else:
            roles = list(dict.fromkeys(known))
    for key in set(body) - {"username", "name", "organisation", "roles"}:
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    if check.errors:
        raise ApiError.of(BAD_REQUEST, check.what, check.errors)
    assert isinstance(username, str) and isinstance(name, str)
    return username, name, org_id, roles


async def invite(request: web.Request) -> web.Response:
    """A new user (pending, its default workspace the organisation), or a pending membership
    of an existing one; 403 unless the caller administers the workspace, 409 for a member."""
    body = await json_object(request, "Invitation validation error", status=400)
    username, name, org_id, roles = _invitation_body(request, body)
    if org_id not in state(request).organisations or not _administers(request, org_id):
        raise forbidden("Current logged in user is not permitted to invite users.")
    store = users(request)
    user = store.by_username(username)
    if user is None:
        user = store.create(org_id, username, name, roles)
    elif workspaces(request).member(user, org_id) is not None:
        raise ApiError.of(DUPLICATED, f"User '{username}' is a member of the Workspace already.")
    else:
        workspaces(request).invite(user, org_id, list(roles))
    return ok(
        {
            "id": user.id,
            "username": user.username,
            "name": user.name,
            "organisation": {"id": org_id},
            "roles": [{"id": role, "name": ROLES[role]} for role in roles],
        },
        status=201,
    )


async def accept_invitation(request: web.Request) -> web.Response:
    """The key of a pending invitation: a new user's (which needs a password) or a member's.
    Any other key is 403, the one error documented."""
    body = await json_object(request, "Activation", status=400)
    key, password, name = body.get("activationKey"), body.get("password"), body.get("name")
    bad = [
        k
        for k, v in (("password", password), ("name", name))
        if v is not None and (not isinstance(v, str) or not v.strip())
    ]
    if not isinstance(key, str) or not key or bad:
        raise ApiError.of(BAD_REQUEST, f"Invalid {', '.join(bad) or 'activationKey'}")
    store = users(request)
    pending = workspaces(request).pending(key)
    new = store.by_activation_key(key)
    if pending is None and new is None:
        raise forbidden("Invalid or used invitation")
    if new is not None:
        if password is None:
            raise ApiError.of(BAD_REQUEST, "password is required: the user has none yet")
        store.activate(key, password)
        user = new
    else:
        assert pending is not None
        user, org_id = pending
        workspaces(request).accept(user, org_id)
    if name is not None:
        store.update(user, username=None, name=name, status=None)
    return no_content()


ROUTES = [
    Route("GET", USER + "/workspace", list_workspaces),
    Route("PATCH", ONE, set_status),
    Route("DELETE", ONE, unassign),
    Route("PUT", ONE + "/role/{role_id}", add_role),
    Route("DELETE", ONE + "/role/{role_id}", remove_role),
    Route("PUT", USER + "/default_organisation/{workspace_id}", set_default),
    Route("GET", "/api/v2/workspace/stats/daily", daily_stats),
    Route("POST", "/api/v1/authenticate/workspace", authenticate_workspace),
    Route("POST", "/api/v2/user/invitation", invite),
    Route("POST", "/api/v2/user/activation", accept_invitation),
]
