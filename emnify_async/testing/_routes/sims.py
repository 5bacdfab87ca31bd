"""SIM routes: list, details, update, delete and the status lookup."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
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
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    REQUIRED,
    ApiError,
)
from emnify_async.testing._pagination import list_query, paged
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import (
    Paging,
    Route,
    no_content,
    ok,
    owned_id,
    principal,
    state,
)
from emnify_async.testing._stores.sim_index import FILTER_FIELDS, SORT_FIELDS, select
from emnify_async.testing._stores.sims import SimStore

ORG_FIELDS = ("issuer_org", "reseller_org", "customer_org")
# Which child organisation types each org field may point at (documented PATCH rules).
ORG_TARGET_TYPES = {
    "issuer_org": {MNO, SERVICE_PROVIDER},
    "reseller_org": {MNO, SERVICE_PROVIDER, RESELLER},
    "customer_org": {ENTERPRISE},
}
UPDATE_ERROR = "Update SIM validation error"


def owned_sim(request: web.Request) -> tuple[SimStore, int]:
    """The SIM store and the path's SIM id, or 404 when the caller has no such SIM."""
    sims = state(request).sims
    return sims, owned_id(request, "sim_id", sims.owns, "SIM")


async def list_sims(request: web.Request) -> web.Response:
    org_id = principal(request).org_id
    query = list_query(request, FILTER_FIELDS, SORT_FIELDS)
    sims = state(request).sims
    ids = select(sims, org_id, query.filters, query.keys)
    return paged(request, query, ids, sims.render.sim, cache_key=("sims", org_id))


async def get_sim(request: web.Request) -> web.Response:
    sims, sim_id = owned_sim(request)
    return ok(sims.render.sim(sim_id))


async def sim_statuses(request: web.Request) -> web.Response:
    return ok([{"id": sid, "description": text} for sid, text in SIM_STATUSES.items()])


def _validate_shape(body: dict[str, Any]) -> tuple[int | None, dict[str, int]]:
    """``(new status, {org field: id or 0})`` from a PATCH body, or 422 InputValidationFailed."""
    check = FieldErrors(UPDATE_ERROR)
    status: int | None = None
    orgs: dict[str, int] = {}
    for key, value in body.items():
        if key == "status":
            if not isinstance(value, dict) or "id" not in value:
                check.add(REQUIRED, "status.id is required")
            elif not is_int(value["id"]):
                check.add(INVALID_FORMAT, "status.id must be an integer")
            elif value["id"] not in SIM_STATUSES:
                check.add(INVALID_REFERENCE, f"SIM status with Id '{value['id']}' not found.")
            else:
                status = value["id"]
        elif key in ORG_FIELDS:
            org_id = value.get("id") if isinstance(value, dict) else value
            if not isinstance(value, dict) or not (org_id is None or is_int(org_id)):
                check.add(INVALID_FORMAT, f'{key} must be an object like {{"id": 1}}')
            elif org_id is None and key == "issuer_org":
                check.add(REQUIRED, "issuer_org cannot be emptied")
            else:
                orgs[key] = org_id or 0
        else:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    check.raise_if_any()
    return status, orgs


def _check_org(request: web.Request, sim_id: int, key: str, org_id: int) -> None:
    """The documented PATCH rules for pointing ``key`` at ``org_id``."""
    current = getattr(state(request).sims.table, key)[sim_id - 1]
    if org_id == current or org_id == 0:
        return
    org = state(request).organisations.get(org_id)
    if org is None:
        raise ApiError.of(INVALID_REFERENCE, f"Organisation with Id '{org_id}' not found.")
    caller = principal(request).org_id
    own = key == "customer_org" and org_id == caller
    child = org.parent_id == caller and org.type_id in ORG_TARGET_TYPES[key]
    if not (own or child):
        label = key.replace("_org", "")
        raise ApiError.of(
            NOT_ALLOWED,
            f"Patching the {label} organisation of the SIM to '{org.name}' not allowed.",
        )


async def patch_sim(request: web.Request) -> web.Response:
    sims, sim_id = owned_sim(request)
    status, orgs = _validate_shape(await json_object(request, UPDATE_ERROR))
    current = sims.table.status[sim_id - 1]
    if status is not None and status != current and (current, status) not in STATUS_TRANSITIONS:
        raise ApiError.of(
            NOT_ALLOWED,
            f"SIM status transition from {SIM_STATUSES[current]} to "
            f"{SIM_STATUSES[status]} not allowed.",
        )
    for key, org_id in orgs.items():
        _check_org(request, sim_id, key, org_id)
    if orgs:
        sims.set_orgs(sim_id, orgs)
    if status is not None:
        sims.set_status(sim_id, status)
    return no_content()


async def delete_sim(request: web.Request) -> web.Response:
    sims, sim_id = owned_sim(request)
    if sims.endpoints.right_of(sim_id) is not None:
        raise ApiError.of(
            NOT_ALLOWED, f"SIM with Id '{sim_id}' has an endpoint assigned and cannot be deleted."
        )
    if sims.table.reseller_org[sim_id - 1] == principal(request).org_id:
        raise ApiError.of(FORBIDDEN, "A reseller may not delete SIMs it has sold.")
    sims.delete(sim_id)
    return no_content()


ROUTES = [
    Route(
        "GET",
        "/api/v1/sim",
        list_sims,
        limit=Limit(10, 5),
        # As recorded: X-Sort "id" without a sort; X-Filter only with a q; Link only when
        # there is more than one page (a recorded single-page list has none).
        paging=Paging(
            default=2000, maximum=2500, default_sort="id", link="paged", filter_when_given=True
        ),
    ),
    Route("GET", "/api/v1/sim/status", sim_statuses),
    Route("GET", "/api/v1/sim/{sim_id}", get_sim, limit=Limit(100, 50)),
    Route("PATCH", "/api/v1/sim/{sim_id}", patch_sim),
    Route("DELETE", "/api/v1/sim/{sim_id}", delete_sim),
]
