"""The v2 operator blocklist of a tariff profile (newer docs): list, one operator, block and
unblock an operator completely, block and unblock some of its RAT types.

A complete block and the RAT types blocked on their own are kept apart, as documented: blocking
or unblocking the operator leaves its RAT types as they are. Blocking what is blocked, or
unblocking what is not, changes nothing and answers 204 (the docs list no error for it).
Unknown tariff profiles (or another organisation's), operators and RAT types answer 404, as
the v1 tariff profile routes do; a RAT type that cannot be blocked (``blacklistable`` in
``/api/v1/rat_type``) answers 422.
"""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import is_int, json_body
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._errors import BAD_REQUEST, NOT_ALLOWED, ApiError, not_found
from emnify_async.testing._lookups import RAT_BLACKLISTABLE, RAT_TYPES
from emnify_async.testing._operators import OPERATORS
from emnify_async.testing._routing import Route, no_content, ok, path_id, principal, state

PATH = "/api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator"
ONE = PATH + "/{operator_id}"
RAT_TYPE = ONE + "/rat_type"


def render(profile: d.TariffProfile, operator_id: int) -> JsonObj:
    rat_types = sorted(profile.blocked_rat_types.get(operator_id, ()))
    return {
        "operator": {"id": operator_id, "name": OPERATORS[operator_id].name},
        "tariff_profile": {"id": profile.id},
        "blocklist": {
            "operator": operator_id in profile.blocked_operators,
            "rat_types": [{"id": rat, "description": RAT_TYPES[rat]} for rat in rat_types],
        },
    }


def _profile(request: web.Request) -> d.TariffProfile:
    profile_id = path_id(request, "tariff_profile_id")
    profile = state(request).billing.profile(principal(request).org_id, profile_id)
    if profile is None:
        raise not_found("Tariff profile", profile_id)
    return profile


def _operator(request: web.Request) -> int:
    operator_id = path_id(request, "operator_id")
    if operator_id not in OPERATORS:
        raise not_found("Operator", operator_id)
    return operator_id


async def list_blocked(request: web.Request) -> web.Response:
    """Every operator with a complete block or a blocked RAT type, by id."""
    profile = _profile(request)
    blocked = profile.blocked_operators | set(profile.blocked_rat_types)
    return ok([render(profile, operator_id) for operator_id in sorted(blocked)])


async def get_blocked(request: web.Request) -> web.Response:
    """Also for an operator with nothing blocked: ``operator: false`` and no RAT types."""
    profile = _profile(request)
    return ok(render(profile, _operator(request)))


async def block_operator(request: web.Request) -> web.Response:
    profile = _profile(request)
    state(request).billing.block_operator(profile, _operator(request), blocked=True)
    return no_content()


async def unblock_operator(request: web.Request) -> web.Response:
    profile = _profile(request)
    state(request).billing.block_operator(profile, _operator(request), blocked=False)
    return no_content()


async def block_rat_types(request: web.Request) -> web.Response:
    """``{"rat_types": [{"id": n}, ...]}``, at least one, each blocklistable."""
    profile = _profile(request)
    operator_id = _operator(request)
    body = await json_body(request)
    items = body.get("rat_types") if isinstance(body, dict) and set(body) == {"rat_types"} else None
    if not isinstance(items, list) or not items:
        raise ApiError.of(BAD_REQUEST, "The body must be {rat_types: [{id}, ...]}")
    ids: list[int] = []
    for item in items:
        if not isinstance(item, dict) or set(item) != {"id"} or not is_int(item["id"]):
            raise ApiError.of(BAD_REQUEST, "Each of rat_types must be {id}")
        ids.append(item["id"])
    for rat in ids:
        if rat not in RAT_BLACKLISTABLE:
            raise ApiError.of(NOT_ALLOWED, f"RAT type with Id '{rat}' cannot be blocklisted.")
    state(request).billing.block_rat_types(profile, operator_id, ids)
    return no_content()


async def unblock_rat_type(request: web.Request) -> web.Response:
    profile = _profile(request)
    operator_id = _operator(request)
    rat = path_id(request, "rate_type_id")
    if rat not in RAT_TYPES:
        raise not_found("RAT type", rat)
    state(request).billing.unblock_rat_type(profile, operator_id, rat)
    return no_content()


ROUTES = [
    Route("GET", PATH, list_blocked),
    Route("GET", ONE, get_blocked),
    Route("PUT", ONE, block_operator),
    Route("DELETE", ONE, unblock_operator),
    Route("POST", RAT_TYPE, block_rat_types),
    Route("DELETE", RAT_TYPE + "/{rate_type_id}", unblock_rat_type),
]
