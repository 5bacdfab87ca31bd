"""IP address spaces: `/api/v1/ip_address_space`."""

from __future__ import annotations

from typing import Any

from .._exceptions import InputError
from .._operation import Operation, Returns
from ..models import IpAddressSpace

__all__ = ["ASSIGN", "AVAILABLE", "LIST", "RELEASE"]

_PATH = "/api/v1/ip_address_space"


def _ip_version(value: Any, name: str) -> str | None:
    """4 or 6 (None leaves it to the API, which offers IPv4)."""
    if value is None:
        return None
    if type(value) is not int or value not in (4, 6):
        raise InputError(f"{name} must be 4 or 6, got {value!r}")
    return str(value)


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
