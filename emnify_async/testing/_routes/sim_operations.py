"""SIM operation routes (newer docs): trigger, list, details, and the lookups.

A SIM operation links eSIM profiles (SIMs of the eSIM stock) to EIDs, or unlinks them. Every
target names its EID; a link target without a SIM takes one of the operation's ``product``
(reserved when triggered: too few left is a 400), an unlink target without one means the
SIM linked to the EID. The operation runs by the clock (``_stores/esim_operations.py``).
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from emnify_async.testing._errors import status_error
from emnify_async.testing._esim_catalog import (
    LINK,
    PRODUCTS,
    SIM_OPERATION_ACTIONS,
    SIM_OPERATION_STATUSES,
    listing,
)
from emnify_async.testing._esim_routing import (
    esim_body,
    esim_list_query,
    nested,
    operation_id,
    select,
    settled,
)
from emnify_async.testing._pagination import paged
from emnify_async.testing._routing import Paging, Route, ok, principal

PATH = "/api/v1/sim/operation"
EID = re.compile(r"89[0-9]{30}")
FILTER_FIELDS = frozenset({"id", "action", "status"})
SORT_FIELDS = FILTER_FIELDS | {"creation_date", "finalization_date"}
READERS = {
    "id": nested("id"),
    "action": nested("action", "id"),
    "status": nested("status", "id"),
    "creation_date": nested("creation_date"),
    "finalization_date": nested("finalization_date"),
}


def _ref(body: dict[str, Any], key: str) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    ref = value.get("id") if isinstance(value, dict) else None
    if not isinstance(ref, int) or isinstance(ref, bool) or set(value) != {"id"}:
        raise status_error(400, f'{key} must be {{"id": n}}')
    return ref


def _target(item: Any) -> tuple[int | None, str]:
    if not isinstance(item, dict) or set(item) - {"sim", "eid"}:
        raise status_error(400, 'Each target must be {"sim"?: {"id": n}, "eid": "..."}')
    eid = item.get("eid")
    if not isinstance(eid, str) or not EID.fullmatch(eid):
        raise status_error(400, "Each target needs an eid of 32 digits starting with 89")
    return _ref(item, "sim"), eid


async def trigger(request: web.Request) -> web.Response:
    body = await esim_body(request)
    if not isinstance(body, dict) or set(body) - {"action", "product", "target"}:
        raise status_error(400, "The body must be {action, product?, target}")
    action = _ref(body, "action")
    if action not in SIM_OPERATION_ACTIONS:
        raise status_error(400, 'action must be {"id": n} with a known action id')
    product = _ref(body, "product")
    if product is not None and product not in PRODUCTS:
        raise status_error(400, f"Product with id '{product}' not found")
    items = body.get("target")
    if not isinstance(items, list) or not items:
        raise status_error(400, "target must be a non-empty array")
    wanted = [_target(item) for item in items]
    emu = settled(request)
    euiccs = emu.euiccs
    org_id = principal(request).org_id
    targets: list[tuple[int, str]] = []
    free = euiccs.unlinked(org_id, product) if action == LINK and product else []
    picked: list[int] = []
    for sim_id, eid in wanted:
        if sim_id is None and action == LINK:
            if product is None or not free:
                raise status_error(400, "Not enough unlinked eSIMs of the product")
            sim_id = free.pop(0)
            picked.append(sim_id)
        elif sim_id is None:
            linked = euiccs.linked_to(eid)
            if not linked:
                raise status_error(400, f"EID {eid} has no linked profile")
            sim_id = linked[0]
        targets.append((sim_id, eid))
    euiccs.reserved.update(picked)
    created = emu.esim_operations.trigger(org_id, action, targets, product)
    return ok(created, status=201)


async def list_operations(request: web.Request) -> web.Response:
    query = esim_list_query(request, FILTER_FIELDS, SORT_FIELDS)
    emu = settled(request)
    store = emu.esim_operations
    now = store.now()
    items = [op.render(now) for op in store.of_org(principal(request).org_id)]
    return paged(request, query, select(items, query, READERS))


async def get_operation(request: web.Request) -> web.Response:
    wanted = operation_id(request)
    store = settled(request).esim_operations
    operation = store.sim_operations.get(wanted)
    if operation is None or operation.org_id != principal(request).org_id:
        raise status_error(404, f"SIM operation with id '{wanted}' not found")
    return ok(operation.render(store.now()))


async def actions(request: web.Request) -> web.Response:
    return ok(listing(SIM_OPERATION_ACTIONS))


async def statuses(request: web.Request) -> web.Response:
    return ok(listing(SIM_OPERATION_STATUSES))


ROUTES = [
    Route("GET", PATH, list_operations, paging=Paging(default=100, maximum=1000)),
    Route("POST", PATH, trigger),
    Route("GET", PATH + "/action", actions),
    Route("GET", PATH + "/status", statuses),
    Route("GET", PATH + "/{operation_id}", get_operation),
]
