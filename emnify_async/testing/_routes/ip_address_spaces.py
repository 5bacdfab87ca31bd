"""IP address spaces: the organisation's, a sample of the free ones, taking and releasing one.

Endpoints get their addresses from their organisation's spaces (``_routes/endpoints.py``), so
a space still used by an endpoint cannot be released.

Creating one (newer docs) takes a network of the documented ranges (IPv4; IPv6: ``fd00::/8``,
a choice), from ``/12`` to ``/30`` (IPv6: ``/64`` to ``/126``, a choice), overlapping no
organisation's space (409) nor the reserved ``100.64.0.0/24`` (422).
"""

from __future__ import annotations

import ipaddress

from aiohttp import web

from emnify_async.testing._body import is_int, json_body
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._device_data import IpSpace
from emnify_async.testing._errors import (
    BAD_REQUEST,
    CANNOT_BE_DELETED,
    DUPLICATED,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    ApiError,
)
from emnify_async.testing._routing import Route, no_content, ok, path_id, principal, state

PATH = "/api/v1/ip_address_space"
VERSIONS = ("4", "6")
ALLOWED = tuple(
    ipaddress.ip_network(n)
    for n in ("10.192.0.0/12", "100.64.0.0/10", "10.112.0.0/12", "10.176.0.0/12", "fd00::/8")
)
RESERVED = ipaddress.ip_network("100.64.0.0/24")
PREFIXES = {4: range(12, 31), 6: range(64, 127)}


def _space_json(space: IpSpace) -> JsonObj:
    return {"id": space.id, "ip_address_space": space.cidr, "ip_address_version": space.version}


def _not_found(space_id: int) -> ApiError:
    """404 with ``1401 InvalidReference``, as the spec's example of both writes shows."""
    return ApiError.of(
        INVALID_REFERENCE, f"IP Address Space with Id '{space_id}' not found.", status=404
    )


async def list_spaces(request: web.Request) -> web.Response:
    profiles = state(request).profiles
    out = []
    for space in profiles.spaces_of(principal(request).org_id):
        used = profiles.space_used_count(space.id)
        out.append({**_space_json(space), "used_count": used, "available_count": space.size - used})
    return ok(out)


async def available_spaces(request: web.Request) -> web.Response:
    """Ten random unassigned spaces of ``ip_address_version`` (4, the default, or 6)."""
    raw = request.query.get("ip_address_version", "4")
    if raw not in VERSIONS:
        raise ApiError.of(BAD_REQUEST, f"Invalid ip_address_version '{raw}', expected 4 or 6")
    spaces = state(request).profiles.available_spaces(int(raw))
    return ok([_space_json(space) for space in spaces])


async def assign_space(request: web.Request) -> web.Response:
    space_id = path_id(request, "address_space_id")
    profiles = state(request).profiles
    space = profiles.ip_spaces.get(space_id)
    if space is None:
        raise _not_found(space_id)
    if space.org_id is not None:
        raise ApiError.of(DUPLICATED, f"IP Address Space with Id '{space_id}' already assigned.")
    profiles.assign_space(space_id, principal(request).org_id)
    return no_content()


async def release_space(request: web.Request) -> web.Response:
    space_id = path_id(request, "address_space_id")
    profiles = state(request).profiles
    if profiles.ip_space(principal(request).org_id, space_id) is None:
        raise _not_found(space_id)
    if profiles.space_used_count(space_id):
        raise ApiError.of(CANNOT_BE_DELETED, "IP Address Space still referenced by endpoints.")
    profiles.release_space(space_id)
    return no_content()


def _allowed(network: ipaddress.IPv4Network | ipaddress.IPv6Network) -> bool:
    """Within one of the documented ranges (or ``fd00::/8``)."""
    return any(
        network.version == allowed.version and network.subnet_of(allowed)  # type: ignore[arg-type]
        for allowed in ALLOWED
    )


async def create_space(request: web.Request) -> web.Response:
    """201 with the new space; see the module's docstring for what is allowed."""
    body = await json_body(request)
    if not isinstance(body, dict) or set(body) != {"ip_address_space", "ip_address_version"}:
        raise ApiError.of(BAD_REQUEST, "The body must be {ip_address_space, ip_address_version}")
    cidr, version = body["ip_address_space"], body["ip_address_version"]
    if not is_int(version) or version not in (4, 6):
        raise ApiError.of(BAD_REQUEST, f"Invalid ip_address_version '{version}', expected 4 or 6")
    try:
        network = ipaddress.ip_network(cidr, strict=True) if isinstance(cidr, str) else None
    except ValueError:
        network = None
    if network is None or network.version != version:
        raise ApiError.of(
            BAD_REQUEST, f"Invalid ip_address_space '{cidr}', expected an IPv{version} network"
        )
    if network.prefixlen not in PREFIXES[version]:
        raise ApiError.of(NOT_ALLOWED, f"IP address space size /{network.prefixlen} not allowed.")
    if not _allowed(network):
        raise ApiError.of(NOT_ALLOWED, f"IP address space '{network}' is not in an allowed range.")
    if network.version == 4 and network.overlaps(RESERVED):
        raise ApiError.of(NOT_ALLOWED, f"IP address space '{network}' overlaps a reserved range.")
    profiles = state(request).profiles
    taken = profiles.allocated_overlap(network)
    if taken is not None:
        raise ApiError.of(
            DUPLICATED,
            f"IP address space '{network}' overlaps the allocated IP address space '{taken.cidr}'.",
        )
    space = profiles.create_space(network, principal(request).org_id)
    return ok(_space_json(space), status=201)


ROUTES = [
    Route("GET", PATH, list_spaces),
    Route("POST", PATH, create_space),
    Route("GET", PATH + "/available", available_spaces),  # before the template below
    Route("PUT", PATH + "/{address_space_id}", assign_space),
    Route("DELETE", PATH + "/{address_space_id}", release_space),
]
