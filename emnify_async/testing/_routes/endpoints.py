"""Endpoint routes: list, create, details, update, delete and the status lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._catalog import ENDPOINT_STATUSES
from emnify_async.testing._device_data import Endpoint, IpSpace
from emnify_async.testing._device_routing import ENDPOINT, ENDPOINT_PATH, own_endpoint
from emnify_async.testing._errors import (
    DUPLICATED,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    REQUIRED,
    UNAVAILABLE,
    ApiError,
    error_body,
)
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
from emnify_async.testing._state import EmulatorState
from emnify_async.testing._stores.endpoint_index import FILTER_FIELDS, SORT_FIELDS, select

CREATE_ERROR = "Create endpoint validation error"
UPDATE_ERROR = "Update endpoint validation error"
REQUIRED_ON_CREATE = ("name", "status", "service_profile", "tariff_profile")
READ_ONLY = frozenset({"id", "created", "last_updated", "runtime_data"})
SETTABLE_STATUSES = (0, 1)
NO_ADDRESS = "No IP Address available."
_RELEASE = object()


@dataclass
class Parsed:
    """A create or update body, checked against the caller's organisation."""

    fields: dict[str, Any] = field(default_factory=dict)
    """``Endpoint`` attributes to set."""
    address: str | None = None
    space: IpSpace | None = None
    sim: object = None
    """A SIM id to assign, ``_RELEASE`` to release the SIM, ``None`` to leave it."""
    activate: bool | None = None


def _reference(check: FieldErrors, key: str, value: Any) -> int | None:
    ref = value.get("id") if isinstance(value, dict) else None
    if not is_int(ref):
        check.add(INVALID_FORMAT, f'{key} must be an object like {{"id": 1}}')
        return None
    return ref


def _parse(emu: EmulatorState, org_id: int, body: dict[str, Any], what: str) -> Parsed:
    """Every field of the body, or one 422 InputValidationFailed listing each problem."""
    check = FieldErrors(what)
    out = Parsed()
    profiles = emu.profiles
    for key, value in body.items():
        if key in READ_ONLY:
            continue
        if key == "name":
            if isinstance(value, str) and value.strip():
                out.fields["name"] = value
            else:
                check.add(INVALID_FORMAT, "name must be a non-empty string")
        elif key == "tags":
            if value is None or isinstance(value, str):
                out.fields["tags"] = value
            else:
                check.add(INVALID_FORMAT, "tags must be a string")
        elif key == "status":
            ref = _reference(check, key, value)
            if ref is not None and ref not in SETTABLE_STATUSES:
                check.add(OUT_OF_RANGE, f"Endpoint status with Id '{ref}' cannot be set.")
            elif ref is not None:
                out.fields["status_id"] = ref
        elif key == "service_profile":
            ref = _reference(check, key, value)
            if ref is not None and profiles.service_profile(org_id, ref) is None:
                check.add(INVALID_REFERENCE, f"Service profile with Id '{ref}' not found.")
            elif ref is not None:
                out.fields["service_profile_id"] = ref
        elif key == "tariff_profile":
            ref = _reference(check, key, value)
            if ref is not None and profiles.tariff_profile(org_id, ref) is None:
                check.add(INVALID_REFERENCE, f"Tariff profile with Id '{ref}' not found.")
            elif ref is not None:
                out.fields["tariff_profile_id"] = ref
        elif key == "ip_address_space":
            ref = _reference(check, key, value)
            space = None if ref is None else profiles.ip_space(org_id, ref)
            if ref is not None and space is None:
                check.add(INVALID_REFERENCE, f"IP address space with Id '{ref}' not found.")
            out.space = space
        elif key == "ip_address":
            if isinstance(value, str) and value:
                out.address = value
            else:
                check.add(INVALID_FORMAT, "ip_address must be an IP address")
        elif key == "sim":
            _parse_sim(emu, org_id, check, value, out)
        elif key == "imei":
            if value is None or (isinstance(value, str) and value.isdigit() and len(value) <= 16):
                out.fields["imei"] = value
            else:
                check.add(INVALID_FORMAT, "imei must be a string of up to 16 digits")
        elif key == "imei_lock":
            if isinstance(value, bool):
                out.fields["imei_lock"] = value
            else:
                check.add(INVALID_FORMAT, "imei_lock must be a boolean")
        else:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    if out.address is not None and "ip_address_space" not in body:
        check.add(REQUIRED, "ip_address_space is required when ip_address is set")
    if what == CREATE_ERROR:
        for key in REQUIRED_ON_CREATE:
            if key not in body:
                check.add(REQUIRED, f"{key} is required")
    check.raise_if_any()
    return out


def _parse_sim(
    emu: EmulatorState, org_id: int, check: FieldErrors, value: Any, out: Parsed
) -> None:
    """``sim``: ``{"id": n, "activate"?: bool}`` assigns, ``null`` or ``{"id": null}`` releases."""
    if value is None or (isinstance(value, dict) and value.get("id", 0) is None):
        out.sim = _RELEASE
        return
    sim_id = value.get("id") if isinstance(value, dict) else None
    if not is_int(sim_id):
        check.add(INVALID_FORMAT, 'sim must be an object like {"id": 1}')
    elif not emu.sims.owns(org_id, sim_id):
        check.add(INVALID_REFERENCE, f"SIM with Id '{sim_id}' not found.")
    else:
        out.sim = sim_id
    activate = value.get("activate") if isinstance(value, dict) else None
    if activate is not None and not isinstance(activate, bool):
        check.add(INVALID_FORMAT, "sim.activate must be a boolean")
    else:
        out.activate = activate


def _check_sim_free(emu: EmulatorState, sim_id: int, endpoint_id: int | None) -> None:
    """409 Duplicated when the SIM belongs to another endpoint."""
    holder = emu.endpoints.link.right_of(sim_id)
    if holder is not None and holder != endpoint_id:
        raise ApiError.of(
            DUPLICATED,
            f"SIM with Id '{sim_id}' is already assigned to Endpoint with Id '{holder}'.",
        )


def _address(emu: EmulatorState, space: IpSpace, address: str | None, endpoint_id: int) -> str:
    """``address`` checked (in the space: else 422; free: else 409), or a free one (none:
    404 ``1601 Unavailable``)."""
    if address is None:
        free = emu.profiles.free_address(space, endpoint_id)
        if free is None:
            raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
        return free
    if not space.contains(address):
        raise ApiError.of(
            INPUT_VALIDATION,
            "InputValidationFailed",
            [error_body(OUT_OF_RANGE, "Endpoint - IP Address out of range.")],
        )
    holder = emu.endpoints.records.holder(space.id, address)
    if holder is not None and holder != endpoint_id:
        raise ApiError.of(DUPLICATED, f"IP Address - {address} already assigned.")
    return address


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
    parsed = _parse(emu, org_id, await json_object(request, CREATE_ERROR), CREATE_ERROR)
    space = parsed.space or emu.profiles.default_space(org_id)
    if space is None:
        raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
    sim_id = parsed.sim if isinstance(parsed.sim, int) else None
    if sim_id is not None:
        _check_sim_free(emu, sim_id, None)
    address = _address(emu, space, parsed.address, emu.endpoints.records.next_id)
    fields = parsed.fields
    endpoint = Endpoint(
        id=0,
        org_id=org_id,
        name=fields["name"],
        status_id=fields["status_id"],
        service_profile_id=fields["service_profile_id"],
        tariff_profile_id=fields["tariff_profile_id"],
        ip_space_id=space.id,
        ip_address=address,
        created_ts=0,
        last_updated_ts=0,
        tags=fields.get("tags"),
        imei=fields.get("imei"),
        imei_lock=fields.get("imei_lock", False),
    )
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
    parsed = _parse(emu, org_id, await json_object(request, UPDATE_ERROR), UPDATE_ERROR)
    endpoints = emu.endpoints
    current = endpoints.get(endpoint_id)
    assert current is not None
    if isinstance(parsed.sim, int):
        _check_sim_free(emu, parsed.sim, endpoint_id)
    move = None
    if parsed.space is not None or parsed.address is not None:
        space = parsed.space or emu.profiles.ip_spaces[current.ip_space_id]
        keep = parsed.address is None and space.id == current.ip_space_id
        move = None if keep else (space.id, _address(emu, space, parsed.address, endpoint_id))
    if move is not None:
        endpoints.move_address(endpoint_id, *move)
    if parsed.sim is _RELEASE:
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
