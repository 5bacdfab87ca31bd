"""DNS configurations: `/api/v1/dns`."""

from __future__ import annotations

import ipaddress
from typing import Any

import attrs

from .._body import checked
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import DnsConfig

__all__ = ["CREATE", "DELETE", "LIST", "DnsCreate"]

_PATH = "/api/v1/dns"


def _nameserver(value: Any, name: str) -> str:
    try:
        return str(ipaddress.ip_address(value if isinstance(value, str) else str(value)))
    except ValueError:
        raise InputError(f"{name} must be an IPv4 or IPv6 address, got {value!r}") from None


def _version(value: Any, name: str) -> int:
    if type(value) is not int or value not in (4, 6):
        raise InputError(f"{name} must be 4 or 6, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class DnsCreate:
    """The body of POST /api/v1/dns: both nameservers, of the IP version given."""

    primary: str | NotGiven = checked(_nameserver)
    secondary: str | NotGiven = checked(_nameserver)
    ip_address_version: int | NotGiven = checked(_version)

    def __attrs_post_init__(self) -> None:
        version = self.ip_address_version
        if isinstance(version, NotGiven):
            return
        for name in ("primary", "secondary"):
            address = getattr(self, name)
            if isinstance(address, str) and ipaddress.ip_address(address).version != version:
                raise InputError(f"{name} {address} is not an IPv{version} address")


LIST = Operation("DnsGet", "GET", _PATH, Returns.ARRAY, DnsConfig)
CREATE: Operation[None] = Operation("DnsPost", "POST", _PATH, Returns.CREATED_ID, body=DnsCreate)
DELETE: Operation[None] = Operation(
    "DnsByIdDelete", "DELETE", f"{_PATH}/{{dns_id}}", Returns.NOTHING
)
