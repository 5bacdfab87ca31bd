"""SIM routes of the newer docs: migrating SIMs between workspaces, deleting many, and the
statistics of unlinked eSIMs.

Workspaces are organisations: a user login (not an application token, which is bound to one
workspace, as documented) administers its own and its enterprise children, the only
targets. Both bulk routes check every SIM first and change all of them or none.
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import is_int, json_body
from emnify_async.testing._catalog import (
    ACTIVATED,
    ENTERPRISE,
    SIM_STATUSES,
    SUSPENDED,
    JsonObj,
)
from emnify_async.testing._errors import (
    BAD_REQUEST,
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    ApiError,
    not_found,
    status_error,
)
from emnify_async.testing._esim_routing import settled
from emnify_async.testing._routing import Route, no_content, ok, principal, state
from emnify_async.testing._state import EmulatorState
from emnify_async.testing._stores.euiccs import iccid_with_luhn

MAX_SIMS = 500
ICCID = re.compile(r"[0-9]{19}")
MIGRATION_FIELDS = frozenset(
    {
        "sims",
        "iccids",
        "iccid_range",
        "allowed_sim_statuses",
        "dry_run",
        "target_workspace",
        "auto_detach_devices",
    }
)
ATTACHED, DISALLOWED_STATUS = 1502, 1503


def _bad(message: str) -> ApiError:
    return ApiError.of(BAD_REQUEST, message)


def _id_list(body: dict[str, Any], key: str) -> list[int]:
    value = body[key]
    ids = [item.get("id") if isinstance(item, dict) else None for item in value or ()]
    if not isinstance(value, list) or not all(is_int(i) for i in ids):
        raise _bad(f'{key} must be a list of {{"id": n}}')
    return list(dict.fromkeys(ids))  # type: ignore[arg-type]


def _sim_of_iccid(emu: EmulatorState, org_id: int, iccid: str) -> int | None:
    sim_id = int(iccid[7:]) if iccid.startswith("8988303") else 0
    return sim_id if emu.sims.owns(org_id, sim_id) else None


def _migrated_sims(emu: EmulatorState, org_id: int, body: dict[str, Any]) -> list[int]:
    """The SIMs the body names (exactly one way), checked: 400 malformed, 404 unknown."""
    named = [key for key in ("sims", "iccids", "iccid_range") if key in body]
    if len(named) != 1:
        raise _bad("Provide exactly one of sims, iccids or iccid_range")
    if "sims" in body:
        ids = _id_list(body, "sims")
        missing = [i for i in ids if not emu.sims.owns(org_id, i)]
    elif "iccids" in body:
        iccids = body["iccids"]
        if not isinstance(iccids, list) or not all(
            isinstance(i, str) and ICCID.fullmatch(i) for i in iccids
        ):
            raise _bad("iccids must be ICCIDs of exactly 19 digits")
        found = {i: _sim_of_iccid(emu, org_id, i) for i in dict.fromkeys(iccids)}
        missing = [i for i, sim_id in found.items() if sim_id is None]
        ids = [sim_id for sim_id in found.values() if sim_id is not None]
    else:
        bounds = body["iccid_range"]
        start = bounds.get("start") if isinstance(bounds, dict) else None
        end = bounds.get("end") if isinstance(bounds, dict) else None
        if not all(isinstance(v, str) and ICCID.fullmatch(v) for v in (start, end)):
            raise _bad("iccid_range needs a start and an end of exactly 19 digits")
        assert isinstance(start, str) and isinstance(end, str)
        if int(end) < int(start):
            raise _bad("The end of iccid_range is before its start")
        if int(end) - int(start) >= MAX_SIMS:
            raise _bad(f"iccid_range may span at most {MAX_SIMS} ICCIDs")
        ids = [
            sim_id
            for value in range(int(start), int(end) + 1)
            if (sim_id := _sim_of_iccid(emu, org_id, f"{value:019d}")) is not None
        ]
        missing = [] if ids else [0]
    if len(ids) + len(missing) > MAX_SIMS:
        raise _bad(f"At most {MAX_SIMS} SIMs can be migrated per request")
    if missing:
        raise ApiError.of(NOT_FOUND, "One or more SIMs couldn't be found or are inaccessible.")
    return ids


def _target(emu: EmulatorState, request: web.Request, body: dict[str, Any]) -> d.Organisation:
    target = body.get("target_workspace")
    target_id = target.get("id") if isinstance(target, dict) else None
    if not is_int(target_id):
        raise _bad('target_workspace must be {"id": n}')
    who = principal(request)
    org = emu.organisations.get(target_id)
    # A user administers its organisation's enterprise children; a token sees one workspace.
    if (
        who.user_id is None
        or org is None
        or org.parent_id != who.org_id
        or org.type_id != ENTERPRISE
    ):
        raise ApiError.of(NOT_FOUND, f"Workspace with Id '{target_id}' not found or inaccessible.")
    return org


def _sim_item(emu: EmulatorState, org_id: int, sim_id: int) -> JsonObj:
    status = emu.sims.table.status[sim_id - 1]
    item: JsonObj = {
        "id": sim_id,
        "iccid": d.iccid(sim_id),
        "iccid_with_luhn": iccid_with_luhn(sim_id),
    }
    endpoint_id = emu.sims.endpoints.right_of(sim_id)
    endpoint = None if endpoint_id is None else emu.endpoints.get(endpoint_id)
    if endpoint is not None:
        item["endpoint"] = {"id": endpoint.id, "name": endpoint.name}
    item["status"] = {"id": status, "description": SIM_STATUSES[status]}
    source = emu.organisations[org_id]
    item["source_workspace"] = {"id": source.id, "name": source.name}
    return item


async def migrate(request: web.Request) -> web.Response:
    emu = state(request)
    org_id = principal(request).org_id
    body = await json_body(request)
    if not isinstance(body, dict):
        raise _bad("Request body must be a JSON object")
    unknown = set(body) - MIGRATION_FIELDS
    if unknown:
        raise _bad(f"Unknown field '{sorted(unknown)[0]}'")
    dry_run = body.get("dry_run", True)
    detach = body.get("auto_detach_devices", False)
    if not isinstance(dry_run, bool) or not isinstance(detach, bool):
        raise _bad("dry_run and auto_detach_devices must be booleans")
    allowed = _id_list(body, "allowed_sim_statuses") if "allowed_sim_statuses" in body else None
    if allowed is not None and not set(allowed) <= set(SIM_STATUSES):
        raise _bad("allowed_sim_statuses must be SIM status ids")
    target = _target(emu, request, body)
    ids = _migrated_sims(emu, org_id, body)
    items = [_sim_item(emu, org_id, sim_id) for sim_id in ids]
    errors = []
    attached = [item for item in items if "endpoint" in item]
    if attached and not detach:
        errors.append(
            {"error_code": ATTACHED, "message": "SIM(s) attached to devices", "sims": attached}
        )
    refused = [
        item for item in items if allowed is not None and item["status"]["id"] not in allowed
    ]
    if refused:
        errors.append(
            {
                "error_code": DISALLOWED_STATUS,
                "message": "SIM(s) in disallowed status",
                "sims": refused,
            }
        )
    if errors:
        raise status_error(
            409, "One or more SIMs don't meet the requirements for migration.", errors=errors
        )
    if not dry_run:
        for sim_id in ids:
            endpoint_id = emu.sims.endpoints.right_of(sim_id)
            if endpoint_id is not None:
                emu.endpoints.assign_sim(endpoint_id, None)
            current = emu.sims.table.status[sim_id - 1]
            emu.sims.set_orgs(sim_id, {"reseller_org": 0})
            emu.sims.assign([sim_id], target.id, SUSPENDED if current == ACTIVATED else current)
    answer: JsonObj = {
        "sim_count": len(ids),
        "dry_run": dry_run,
        "target_workspace": {"id": target.id, "name": target.name},
        "auto_detach_devices": detach,
        "sims": items,
    }
    if allowed is not None:
        answer["allowed_sim_statuses"] = [
            {"id": status, "description": SIM_STATUSES[status]} for status in allowed
        ]
    return ok(answer)


async def delete_many(request: web.Request) -> web.Response:
    """Every SIM checked first (unknown: 404; sold by the caller as reseller: 403; with an
    endpoint: 422, as a single delete), then all deleted."""
    emu = state(request)
    org_id = principal(request).org_id
    body = await json_body(request)
    items = body if isinstance(body, list) else []
    ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    if not items or not all(is_int(i) for i in ids):
        raise _bad('The body must be a non-empty list of {"id": n}')
    unique: list[int] = list(dict.fromkeys(ids))  # type: ignore[arg-type]
    for sim_id in unique:
        if not emu.sims.owns(org_id, sim_id):
            raise not_found("SIM", sim_id)
        if emu.sims.table.reseller_org[sim_id - 1] == org_id:
            raise ApiError.of(FORBIDDEN, "A reseller may not delete SIMs it has sold.")
        if emu.sims.endpoints.right_of(sim_id) is not None:
            raise ApiError.of(
                NOT_ALLOWED,
                f"SIM with Id '{sim_id}' has an endpoint assigned and cannot be deleted.",
            )
    for sim_id in unique:
        emu.sims.delete(sim_id)
    return no_content()


async def unlinked_product_stats(request: web.Request) -> web.Response:
    return ok(settled(request).euiccs.product_stats(principal(request).org_id))


ROUTES = [
    Route("POST", "/api/v1/sim/migration/workspace", migrate),
    Route("DELETE", "/api/v1/sim/multi", delete_many),
    Route("GET", "/api/v1/sim/unlinked_product_stats", unlinked_product_stats),
]
