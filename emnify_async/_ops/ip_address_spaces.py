"""IP address spaces: `/api/v1/ip_address_space`."""

from __future__ import annotations

import ipaddress
from typing import Any

import attrs

from .._body import checked
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NOT_GIVEN, NotGiven
from ..models import IpAddressSpace

__all__ = ["ASSIGN", "AVAILABLE", "CREATE", "LIST", "RELEASE", "IpAddressSpaceCreate"]

_PATH = "/api/v1/ip_address_space"


def _ip_version(value: Any, name: str) -> str | None:
    """4 or 6 (None leaves it to the API, which offers IPv4)."""
    if value is None:
        return None
    if type(value) is not int or value not in (4, 6):
        raise InputError(f"{name} must be 4 or 6, got {value!r}")
    return str(value)


def _cidr(value: Any, name: str) -> str:
    """A network in CIDR notation (no host bits set), e.g. `"10.192.0.0/24"`."""
    try:
        if not isinstance(value, str):
            raise ValueError
        network = ipaddress.ip_network(value, strict=True)
    except ValueError:
        raise InputError(
            f"{name} must be a network in CIDR notation such as '10.192.0.0/24', got {value!r}"
        ) from None
    return str(network)


def _version(value: Any, name: str) -> int:
    if type(value) is not int or value not in (4, 6):
        raise InputError(f"{name} must be 4 or 6, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class IpAddressSpaceCreate:
    """The body of POST /api/v1/ip_address_space."""

    ip_address_space: str | NotGiven = checked(_cidr)
    ip_address_version: int | NotGiven = checked(_version)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.ip_address_space, str) or self.ip_address_version is NOT_GIVEN:
            raise InputError("an IP address space needs ip_address_space and ip_address_version")
        if ipaddress.ip_network(self.ip_address_space).version != self.ip_address_version:
            raise InputError(
                f"{self.ip_address_space} is not an IPv{self.ip_address_version} network"
            )


LIST = Operation("IpAddressSpaceGet", "GET", _PATH, Returns.ARRAY, IpAddressSpace)
AVAILABLE = Operation(
    "IpAddressSpaceAvailableByIpAddressVersionGet",
    "GET",
    f"{_PATH}/available",
    Returns.ARRAY,
    IpAddressSpace,
    query={"ip_address_version": _ip_version},
)
ASSIGN: Operation[None] = Operation(
    "IpAddressSpaceByIdPut", "PUT", f"{_PATH}/{{address_space_id}}", Returns.NOTHING
)
RELEASE: Operation[None] = Operation(
    "IpAddressSpaceByIdDelete", "DELETE", f"{_PATH}/{{address_space_id}}", Returns.NOTHING
)
# Allocates a space: never repeated once sent (a repeat would overlap the new space: 409).
CREATE = Operation(
    "ip-address-space-post",
    "POST",
    _PATH,
    Returns.OBJECT,
    IpAddressSpace,
    body=IpAddressSpaceCreate,
    success=frozenset({201}),
    source="newer-docs",
)
