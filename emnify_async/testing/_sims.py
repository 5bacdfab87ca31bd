"""SIM routes: list, details, update, delete and the status lookup."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._catalog import (
    ENTERPRISE,
    MNO,
    RESELLER,
    SERVICE_PROVIDER,
    SIM_STATUSES,
    STATUS_TRANSITIONS,
)
from emnify_async.testing._errors import (
    FORBIDDEN,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    NOT_FOUND,
    REQUIRED,
    ApiError,
    ErrorBody,
    error_body,
    json_response,
)
from emnify_async.testing._json import dumps
from emnify_async.testing._keys import STATE
from emnify_async.testing._pagination import SIM_PAGING, page_headers, paginate, requested_page
from emnify_async.testing._query import parse_filter, parse_sort
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, base_url, int_path_param, json_body, principal
from emnify_async.testing._sim_index import FILTER_FIELDS, SORT_FIELDS, select
from emnify_async.testing._state import EmulatorState

ORG_FIELDS = ("issuer_org", "reseller_org", "customer_org")
# Which child organisation types each org field may point at (documented PATCH rules).
ORG_TARGET_TYPES = {
    "issuer_org": {MNO, SERVICE_PROVIDER},
    "reseller_org": {MNO, SERVICE_PROVIDER, RESELLER},
    "customer_org": {ENTERPRISE},
}


def sim_not_found(sim_id: int) -> ApiError:
    return ApiError.of(NOT_FOUND, f"SIM with Id '{sim_id}' not found.")


def owned_sim(request: web.Request) -> tuple[EmulatorState, int]:
    """The state and the path's SIM id, or 404 when the caller has no such SIM."""
    state = request.app[STATE]
    sim_id = int_path_param(request, "sim_id")
    if not state.owns(principal(request).org_id, sim_id):
        raise sim_not_found(sim_id)
    return state, sim_id


async def list_sims(request: web.Request) -> web.Response:
    state = request.app[STATE]
    query = request.query
    q, sort = query.get("q"), query.get("sort")
    number, per_page = requested_page(query, SIM_PAGING)
    filters = parse_filter(q, FILTER_FIELDS)
    keys = parse_sort(sort, SORT_FIELDS)
    ids = select(state, principal(request).org_id, filters, keys)
    page = paginate(len(ids), number, per_page)
    base = base_url(request)
    cache_key = ("sims", principal(request).org_id, q, sort, page.number, per_page, base)
    cached = state.pages.get(cache_key)
    if cached is None:
        render = state.render.sim
        body = dumps([render(sim_id) for sim_id in ids[page.start : page.stop]])
        headers = page_headers(page, base, request.path, q, sort)
        cached = (body, headers)
        state.pages.put(cache_key, cached, len(body) + 512)
    body, headers = cached
    return web.Response(body=body, headers=headers, content_type="application/json")


async def get_sim(request: web.Request) -> web.Response:
    state, sim_id = owned_sim(request)
    return json_response(200, state.render.sim(sim_id))


async def sim_statuses(request: web.Request) -> web.Response:
    return json_response(
        200, [{"id": sid, "description": text} for sid, text in SIM_STATUSES.items()]
    )


def _nested(kind: tuple[int, int, str], message: str) -> ErrorBody:
    return error_body(kind, message)


def _validate_shape(body: Any) -> tuple[int | None, dict[str, int]]:
    """``(new status, {org field: id or 0})`` from a PATCH body, or 422 InputValidationFailed."""
    if not isinstance(body, dict):
        raise ApiError.of(
            INPUT_VALIDATION,
            "Update SIM validation error",
            [_nested(INVALID_FORMAT, "Request body must be a JSON object")],
        )
    errors: list[ErrorBody] = []
    status: int | None = None
    orgs: dict[str, int] = {}
    for key, value in body.items():
        if key == "status":
            if not isinstance(value, dict) or "id" not in value:
                errors.append(_nested(REQUIRED, "status.id is required"))
            elif not _is_int(value["id"]):
                errors.append(_nested(INVALID_FORMAT, "status.id must be an integer"))
            elif value["id"] not in SIM_STATUSES:
                errors.append(
                    _nested(INVALID_REFERENCE, f"SIM status with Id '{value['id']}' not found.")
                )
            else:
                status = value["id"]
        elif key in ORG_FIELDS:
            org_id = value.get("id") if isinstance(value, dict) else value
            if not isinstance(value, dict) or not (org_id is None or _is_int(org_id)):
                errors.append(_nested(INVALID_FORMAT, f'{key} must be an object like {{"id": 1}}'))
            elif org_id is None and key == "issuer_org":
                errors.append(_nested(REQUIRED, "issuer_org cannot be emptied"))
            else:
                orgs[key] = org_id or 0
        else:
            errors.append(_nested(INVALID_FORMAT, f"Unknown field '{key}'"))
    if errors:
        raise ApiError.of(INPUT_VALIDATION, "Update SIM validation error", errors)
    return status, orgs


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_org(state: EmulatorState, caller: int, sim_id: int, key: str, org_id: int) -> None:
    current = getattr(state.table, key)[sim_id - 1]
    if org_id == current or org_id == 0:
        return
    org = state.organisations.get(org_id)
    if org is None:
        raise ApiError.of(INVALID_REFERENCE, f"Organisation with Id '{org_id}' not found.")
    own = key == "customer_org" and org_id == caller
    child = org.parent_id == caller and org.type_id in ORG_TARGET_TYPES[key]
    if not (own or child):
        label = key.replace("_org", "")
        raise ApiError.of(
            NOT_ALLOWED,
            f"Patching the {label} organisation of the SIM to '{org.name}' not allowed.",
        )


async def patch_sim(request: web.Request) -> web.Response:
    state, sim_id = owned_sim(request)
    status, orgs = _validate_shape(await json_body(request))
    caller = principal(request).org_id
    current = state.table.status[sim_id - 1]
    if status is not None and status != current and (current, status) not in STATUS_TRANSITIONS:
        raise ApiError.of(
            NOT_ALLOWED,
            f"SIM status transition from {SIM_STATUSES[current]} to "
            f"{SIM_STATUSES[status]} not allowed.",
        )
    for key, org_id in orgs.items():
        _check_org(state, caller, sim_id, key, org_id)
    if orgs:
        state.set_orgs(sim_id, orgs)
    if status is not None:
        state.set_status(sim_id, status)
    return web.Response(status=204)


async def delete_sim(request: web.Request) -> web.Response:
    state, sim_id = owned_sim(request)
    caller = principal(request).org_id
    if state.table.endpoint[sim_id - 1]:
        raise ApiError.of(
            NOT_ALLOWED, f"SIM with Id '{sim_id}' has an endpoint assigned and cannot be deleted."
        )
    if state.table.reseller_org[sim_id - 1] == caller:
        raise ApiError.of(FORBIDDEN, "A reseller may not delete SIMs it has sold.")
    state.delete_sim(sim_id)
    return web.Response(status=204)


ROUTES = [
    Route("GET", "/api/v1/sim", list_sims, limit=Limit(10, 5), paged=True),
    Route("GET", "/api/v1/sim/status", sim_statuses),
    Route("GET", "/api/v1/sim/{sim_id}", get_sim, limit=Limit(100, 50)),
    Route("PATCH", "/api/v1/sim/{sim_id}", patch_sim),
    Route("DELETE", "/api/v1/sim/{sim_id}", delete_sim),
]
