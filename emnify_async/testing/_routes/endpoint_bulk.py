"""Bulk endpoint routes (newer docs): ``POST``/``PATCH``/``DELETE /api/v2/endpoint/multi``.

Each request is checked whole before anything changes, and then changes every endpoint or
(refused) none: 400 for a malformed body, 422 ``1400`` listing each problem (the item's index
first), 404 for an unknown endpoint (DELETE) or a full address space. The items are read like
the single endpoint routes' bodies (``_endpoint_body``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_body
from emnify_async.testing._catalog import (
    ACTIVATED,
    SIM_STATUSES,
    STATUS_TRANSITIONS,
    SUSPENDED,
    JsonObj,
)
from emnify_async.testing._device_data import IpSpace
from emnify_async.testing._device_routing import endpoint_missing
from emnify_async.testing._endpoint_body import (
    CREATE_ERROR,
    NO_ADDRESS,
    RELEASE,
    UPDATE_ERROR,
    Parsed,
    parse_endpoint,
)
from emnify_async.testing._errors import (
    BAD_REQUEST,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    OUT_OF_RANGE,
    UNAVAILABLE,
    ApiError,
    ErrorBody,
    error_body,
)
from emnify_async.testing._json import dumps
from emnify_async.testing._routing import Route, no_content, principal, state
from emnify_async.testing._state import EmulatorState

MULTI = "/api/v2/endpoint/multi"
MAX_CREATE = 2000
ROOT_FIELDS = frozenset(
    {"service_profile", "tariff_profile", "status", "organisation", "ip_address_space", "endpoints"}
)
ITEM_FIELDS = frozenset({"name", "tags", "imei", "imei_lock", "sim", "ip_address"})
CREATE_WHAT = "Endpoints are invalid"


def _bad(message: str) -> ApiError:
    return ApiError.of(BAD_REQUEST, message)


def _items(body: object, what: str) -> list[dict[str, Any]]:
    if not isinstance(body, list) or not body or not all(isinstance(i, dict) for i in body):
        raise _bad(f"{what} must be a non-empty list of objects")
    return body


class _Problems:
    """The nested errors of every item, each prefixed with its index."""

    def __init__(self) -> None:
        self.errors: list[ErrorBody] = []

    def add(self, index: int, kind: tuple[int, int, str], message: str) -> None:
        self.errors.append(error_body(kind, f"endpoints[{index}]: {message}"))

    def parse(
        self, emu: EmulatorState, org_id: int, index: int, body: dict[str, Any], what: str
    ) -> Parsed | None:
        try:
            return parse_endpoint(emu, org_id, body, what)
        except ApiError as exc:
            nested = exc.body.get("errors", []) if isinstance(exc.body, dict) else []
            self.errors += [
                {**error, "message": f"endpoints[{index}]: {error['message']}"} for error in nested
            ]
            return None

    def raise_if_any(self, what: str) -> None:
        if self.errors:
            raise ApiError.of(INPUT_VALIDATION, what, self.errors)


def _sim_status(problems: _Problems, index: int, sim: Any) -> int | None:
    """The ``status`` a ``sim`` object sets, if any (a legal SIM status change)."""
    status = sim.get("status") if isinstance(sim, dict) else None
    if status is None:
        return None
    wanted = status.get("id") if isinstance(status, dict) else None
    if not is_int(wanted) or wanted not in SIM_STATUSES:
        problems.add(index, INVALID_FORMAT, 'sim.status must be {"id": n}, a SIM status')
        return None
    return wanted


def _unique(problems: _Problems, values: list[Any], what: str) -> None:
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value is None:
            continue
        if value in seen:
            problems.add(index, INVALID_FORMAT, f"{what} '{value}' appears twice")
        seen.add(value)


def _free_hosts(emu: EmulatorState, space: IpSpace, taken: set[str]) -> Iterator[str]:
    for host in space.network.hosts():
        address = str(host)
        if address not in taken and emu.endpoints.records.holder(space.id, address) is None:
            yield address


def _addresses(
    emu: EmulatorState, space: IpSpace, wanted: list[str | None], first_id: int
) -> list[str]:
    """An address for each new endpoint: its own (checked), or a free one; none left: 404."""
    problems = _Problems()
    for index, address in enumerate(wanted):
        if address is None:
            continue
        if not space.contains(address):
            problems.add(index, OUT_OF_RANGE, "Endpoint - IP Address out of range.")
        elif emu.endpoints.records.holder(space.id, address) is not None:
            problems.add(index, INVALID_REFERENCE, f"IP Address - {address} already assigned.")
    problems.raise_if_any(CREATE_WHAT)
    taken = {address for address in wanted if address is not None}
    free = _free_hosts(emu, space, taken)
    chosen: list[str] = []
    for index, address in enumerate(wanted):
        if address is None:
            preferred = emu.profiles.free_address(space, first_id + index)
            address = preferred if preferred is not None and preferred not in taken else None
            address = address or next(free, None)
            if address is None:
                raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
            taken.add(address)
        chosen.append(address)
    return chosen


def _rendered(emu: EmulatorState, endpoint_id: int) -> JsonObj:
    """A created endpoint as the newer docs show it: the details, ``status`` as
    ``{description}``, ``sim`` ``{}`` without one, ``imei_with_luhn``, and the tariff
    profile's ``satellite_capable``."""
    out = emu.endpoints.render(endpoint_id)
    out["status"] = {"description": out["status"]["description"]}
    out["tariff_profile"] = {**out["tariff_profile"], "satellite_capable": False}
    out.setdefault("sim", {})
    imei = out.get("imei")
    out["imei_with_luhn"] = imei if isinstance(imei, str) and len(imei) == 15 else None
    return out


async def create_many(request: web.Request) -> web.Response:
    emu = state(request)
    body = await json_body(request)
    if not isinstance(body, dict) or set(body) - ROOT_FIELDS:
        raise _bad(f"The body must be an object of {sorted(ROOT_FIELDS)}")
    items = _items(body.get("endpoints"), "endpoints")
    if len(items) > MAX_CREATE:
        raise _bad(f"At most {MAX_CREATE} endpoints can be created per request")
    caller = principal(request).org_id
    org_id = caller
    check = FieldErrors(CREATE_WHAT)
    if "organisation" in body:
        ref = body["organisation"].get("id") if isinstance(body["organisation"], dict) else None
        if not is_int(ref) or not emu.organisations.in_scope(caller, ref):
            check.add(INVALID_REFERENCE, "Organisation is invalid.")
        else:
            org_id = ref
    check.raise_if_any()
    shared = {key: body[key] for key in ROOT_FIELDS - {"endpoints", "organisation"} if key in body}
    problems = _Problems()
    parsed: list[Parsed | None] = []
    statuses: list[int | None] = []
    for index, item in enumerate(items):
        unknown = set(item) - ITEM_FIELDS
        if unknown:
            problems.add(index, INVALID_FORMAT, f"Unknown field '{sorted(unknown)[0]}'")
        sim = item.get("sim")
        plain = {k: v for k, v in item.items() if k in ITEM_FIELDS and k != "ip_address"}
        if isinstance(sim, dict):
            plain["sim"] = {k: v for k, v in sim.items() if k != "status"}
        parsed.append(problems.parse(emu, org_id, index, {**plain, **shared}, CREATE_ERROR))
        statuses.append(_sim_status(problems, index, sim))
    sims = [p.sim if p is not None and isinstance(p.sim, int) else None for p in parsed]
    _unique(problems, sims, "SIM")
    _unique(problems, [p.fields.get("imei") if p else None for p in parsed], "IMEI")
    _unique(problems, [item.get("ip_address") for item in items], "IP address")
    for index, sim_id in enumerate(sims):
        if sim_id is not None and emu.endpoints.link.right_of(sim_id) is not None:
            problems.add(index, INVALID_REFERENCE, f"SIM with Id '{sim_id}' is already assigned.")
    addressed = any("ip_address" in item for item in items)
    if addressed and "ip_address_space" not in body:
        problems.add(0, INVALID_FORMAT, "ip_address_space is required with an ip_address")
    problems.raise_if_any(CREATE_WHAT)
    ready = [p for p in parsed if p is not None]
    space = ready[0].space or emu.profiles.default_space(org_id)
    if space is None:
        raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
    wanted = [item.get("ip_address") for item in items]
    addresses = _addresses(emu, space, wanted, emu.endpoints.records.next_id)
    created = []
    for entry, address, status in zip(ready, addresses, statuses, strict=True):
        endpoint = entry.new_endpoint(org_id, space, address)
        sim_id = entry.sim if isinstance(entry.sim, int) else None
        new = emu.endpoints.create(endpoint, sim_id, entry.activate is True)
        if sim_id is not None and status is not None:
            _set_sim_status(emu, sim_id, status)
        created.append(_rendered(emu, new.id))
    return web.Response(status=201, body=dumps(created), content_type="application/json")


def _set_sim_status(emu: EmulatorState, sim_id: int, status: int) -> None:
    current = emu.sims.table.status[sim_id - 1]
    if current != status and (current, status) in STATUS_TRANSITIONS:
        emu.sims.set_status(sim_id, status)


async def update_many(request: web.Request) -> web.Response:
    emu = state(request)
    org_id = principal(request).org_id
    items = _items(await json_body(request), "The body")
    ids = [item.get("id") for item in items]
    if not all(is_int(i) for i in ids) or len(set(ids)) != len(ids):
        raise _bad('Each item needs its own "id"')
    problems = _Problems()
    parsed: list[Parsed | None] = []
    statuses: list[int | None] = []
    for index, item in enumerate(items):
        endpoint_id = item["id"]
        if not emu.endpoints.owns(org_id, endpoint_id):
            problems.add(index, INVALID_REFERENCE, f"Endpoint with Id '{endpoint_id}' not found.")
        sim = item.get("sim")
        plain = {k: v for k, v in item.items() if k not in ("id", "sim")}
        if isinstance(sim, dict):
            plain["sim"] = {k: v for k, v in sim.items() if k != "status"}
        elif "sim" in item:
            plain["sim"] = sim
        parsed.append(problems.parse(emu, org_id, index, plain, UPDATE_ERROR) if plain else None)
        statuses.append(_sim_status(problems, index, sim))
    sims = [p.sim if p is not None and isinstance(p.sim, int) else None for p in parsed]
    _unique(problems, sims, "SIM")
    for index, sim_id in enumerate(sims):
        holder = None if sim_id is None else emu.endpoints.link.right_of(sim_id)
        if holder is not None and holder != ids[index] and holder not in ids:
            problems.add(index, INVALID_REFERENCE, f"SIM with Id '{sim_id}' is already assigned.")
    _check_moves(emu, problems, ids, parsed)
    problems.raise_if_any(UPDATE_ERROR)
    for item, entry, status in zip(items, parsed, statuses, strict=True):
        _apply(emu, item["id"], entry, status)
    return no_content()


def _check_moves(
    emu: EmulatorState, problems: _Problems, ids: list[Any], parsed: list[Parsed | None]
) -> None:
    """Each new address inside its space and free (or the endpoint's own), once."""
    claimed: set[tuple[int, str]] = set()
    for index, entry in enumerate(parsed):
        if entry is None or entry.address is None or entry.space is None:
            continue
        key = (entry.space.id, entry.address)
        holder = emu.endpoints.records.holder(*key)
        if not entry.space.contains(entry.address):
            problems.add(index, OUT_OF_RANGE, "Endpoint - IP Address out of range.")
        elif (holder is not None and holder != ids[index]) or key in claimed:
            problems.add(
                index, INVALID_REFERENCE, f"IP Address - {entry.address} already assigned."
            )
        claimed.add(key)


def _apply(emu: EmulatorState, endpoint_id: int, entry: Parsed | None, status: int | None) -> None:
    endpoints = emu.endpoints
    if entry is None:
        return
    current = endpoints.get(endpoint_id)
    assert current is not None
    if entry.space is not None or entry.address is not None:
        space = entry.space or emu.profiles.ip_spaces[current.ip_space_id]
        address = entry.address or emu.profiles.free_address(space, endpoint_id)
        if address is None:
            raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
        endpoints.move_address(endpoint_id, space.id, address)
    if entry.sim is RELEASE:
        endpoints.assign_sim(endpoint_id, None)
    elif isinstance(entry.sim, int):
        endpoints.assign_sim(endpoint_id, entry.sim)
        if status is not None:
            _set_sim_status(emu, entry.sim, status)
    if entry.fields:
        endpoints.update(endpoint_id, entry.fields)


async def delete_many(request: web.Request) -> web.Response:
    emu = state(request)
    org_id = principal(request).org_id
    delete_sims = request.query.get("delete_sims", "false")
    if delete_sims not in ("true", "false"):
        raise _bad("delete_sims must be true or false")
    items = _items(await json_body(request), "The body")
    ids = [item.get("id") for item in items]
    if not all(is_int(i) for i in ids):
        raise _bad('Each item must be {"id": n}')
    unique: list[int] = list(dict.fromkeys(ids))  # type: ignore[arg-type]
    for endpoint_id in unique:
        if not emu.endpoints.owns(org_id, endpoint_id):
            raise endpoint_missing(endpoint_id)
    for endpoint_id in unique:
        sim_id = emu.endpoints.sim_of(endpoint_id)
        if sim_id is not None:
            emu.endpoints.assign_sim(endpoint_id, None)
            if delete_sims == "true":
                emu.sims.delete(sim_id)
            elif emu.sims.table.status[sim_id - 1] == ACTIVATED:
                emu.sims.set_status(sim_id, SUSPENDED)
        emu.endpoints.delete(endpoint_id)
    return no_content()


ROUTES = [
    Route("POST", MULTI, create_many),
    Route("PATCH", MULTI, update_many),
    Route("DELETE", MULTI, delete_many),
]
