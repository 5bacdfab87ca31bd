"""Endpoint routes: list, create, details, update, delete and the status lookup."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._body import json_object
from emnify_async.testing._catalog import ENDPOINT_STATUSES
from emnify_async.testing._device_routing import ENDPOINT, ENDPOINT_PATH, own_endpoint
from emnify_async.testing._endpoint_body import (
    CREATE_ERROR,
    NO_ADDRESS,
    RELEASE,
    UPDATE_ERROR,
    check_sim_free,
    parse_endpoint,
    pick_address,
)
from emnify_async.testing._errors import NOT_ALLOWED, UNAVAILABLE, ApiError
from emnify_async.testing._pagination import list_query, paged
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import (
    Paging,
    Route,
    created_at,
    no_content,
    ok,
    principal,
    state,
)
from emnify_async.testing._stores.endpoint_index import FILTER_FIELDS, SORT_FIELDS, select

# --- handlers -----------------------------------------------------------------------------------


async def list_endpoints(request: web.Request) -> web.Response:
    org_id = principal(request).org_id
    query = list_query(request, FILTER_FIELDS, SORT_FIELDS)
    endpoints = state(request).endpoints
    ids = select(endpoints, org_id, query.filters, query.keys)
    return paged(request, query, ids, endpoints.render, cache_key=("endpoints", org_id))


async def endpoint_statuses(request: web.Request) -> web.Response:
    return ok([{"id": sid, "description": text} for sid, text in ENDPOINT_STATUSES.items()])


async def create_endpoint(request: web.Request) -> web.Response:
    emu = state(request)
    org_id = principal(request).org_id
    parsed = parse_endpoint(emu, org_id, await json_object(request, CREATE_ERROR), CREATE_ERROR)
    space = parsed.space or emu.profiles.default_space(org_id)
    if space is None:
        raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
    sim_id = parsed.sim if isinstance(parsed.sim, int) else None
    if sim_id is not None:
        check_sim_free(emu, sim_id, None)
    address = pick_address(emu, space, parsed.address, emu.endpoints.records.next_id)
    endpoint = parsed.new_endpoint(org_id, space, address)
    activate = parsed.activate is not False  # the SIM is activated unless told otherwise
    new = emu.endpoints.create(endpoint, sim_id, activate)
    return created_at(request, f"{ENDPOINT}/{new.id}")


async def get_endpoint(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    return ok(state(request).endpoints.render(endpoint_id, details=True))


async def patch_endpoint(request: web.Request) -> web.Response:
    emu = state(request)
    endpoint_id = own_endpoint(request)
    org_id = principal(request).org_id
    parsed = parse_endpoint(emu, org_id, await json_object(request, UPDATE_ERROR), UPDATE_ERROR)
    endpoints = emu.endpoints
    current = endpoints.get(endpoint_id)
    assert current is not None
    if isinstance(parsed.sim, int):
        check_sim_free(emu, parsed.sim, endpoint_id)
    move = None
    if parsed.space is not None or parsed.address is not None:
        space = parsed.space or emu.profiles.ip_spaces[current.ip_space_id]
        keep = parsed.address is None and space.id == current.ip_space_id
        move = None if keep else (space.id, pick_address(emu, space, parsed.address, endpoint_id))
    if move is not None:
        endpoints.move_address(endpoint_id, *move)
    if parsed.sim is RELEASE:
        endpoints.assign_sim(endpoint_id, None)
    elif isinstance(parsed.sim, int):
        endpoints.assign_sim(endpoint_id, parsed.sim, activate=parsed.activate is True)
    if parsed.fields or move is not None:
        endpoints.update(endpoint_id, parsed.fields)
    return no_content()


async def delete_endpoint(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    endpoints = state(request).endpoints
    sim_id = endpoints.sim_of(endpoint_id)
    if sim_id is not None:
        raise ApiError.of(
            NOT_ALLOWED,
            f"Endpoint with Id '{endpoint_id}' has SIM with Id '{sim_id}' assigned "
            "and cannot be deleted.",
            status=409,
        )
    endpoints.delete(endpoint_id)
    return no_content()


ROUTES = [
    Route(
        "GET",
        ENDPOINT,
        list_endpoints,
        limit=Limit(10, 5),
        paging=Paging(
            default=1000, maximum=1000, default_sort="id", link="paged", filter_when_given=True
        ),
    ),
    Route("POST", ENDPOINT, create_endpoint),
    Route("GET", ENDPOINT + "/status", endpoint_statuses),
    Route("GET", ENDPOINT_PATH, get_endpoint, limit=Limit(50, 25)),
    Route("PATCH", ENDPOINT_PATH, patch_endpoint),
    Route("DELETE", ENDPOINT_PATH, delete_endpoint),
]
