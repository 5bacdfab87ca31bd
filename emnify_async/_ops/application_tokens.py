"""Application tokens of the organisation: `/api/v1/application_token`."""

from __future__ import annotations

import ipaddress
from typing import Any

import attrs

from .._body import Moment, Ref, checked, lookup, moment, require_any, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import ApplicationToken, NewApplicationToken

__all__ = ["CREATE", "LIST", "UPDATE", "ApplicationTokenCreate", "ApplicationTokenUpdate"]

_PATH = "/api/v1/application_token"


def _cidr(value: Any, name: str) -> str:
    if isinstance(value, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
        return str(value)
    if isinstance(value, str) and "/" in value:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            pass
        else:
            return value
    raise InputError(f"{name} must be an IP network in CIDR notation (10.0.0.1/32), got {value!r}")


@attrs.frozen(kw_only=True)
class ApplicationTokenCreate:
    """The body of POST /api/v1/application_token."""

    description: str | NotGiven = text()
    expiry_date: Moment | NotGiven = moment()
    ip: str | NotGiven = checked(_cidr)


@attrs.frozen(kw_only=True)
class ApplicationTokenUpdate:
    """The body of PATCH /api/v1/application_token/{app_token_id}."""

    description: str | NotGiven = text()
    status: Ref | NotGiven = lookup()

    def __attrs_post_init__(self) -> None:
        require_any(self, "an application token update")


LIST = Operation("ApplicationTokenGet", "GET", _PATH, Returns.ARRAY, ApplicationToken)
# Each call mints another token, answered once: not repeated, never kept in an error.
CREATE = Operation(
    "ApplicationTokenPost",
    "POST",
    _PATH,
    Returns.OBJECT,
    NewApplicationToken,
    body=ApplicationTokenCreate,
    sensitive=True,
)
UPDATE: Operation[None] = Operation(
    "ApplicationTokenByIdPatch",
    "PATCH",
    f"{_PATH}/{{app_token_id}}",
    Returns.NOTHING,
    body=ApplicationTokenUpdate,
)
