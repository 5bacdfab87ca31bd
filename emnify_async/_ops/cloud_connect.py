"""CloudConnect: breakouts into the customer's AWS network (`/api/v1/cnc/*`)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, lookup, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_lookup_id, ref_id
from .._types import NOT_GIVEN, NotGiven
from ..models import (
    CloudConnectAttachment,
    CloudConnectPrice,
    CloudConnectRegion,
    Secret,
    Status,
)

__all__ = [
    "AVAILABLE_REGIONS",
    "BREAKOUT_TYPES",
    "CREATE_TGW",
    "CREATE_VPN",
    "DELETE",
    "GET",
    "LIST",
    "PRICES",
    "REGIONS",
    "RETRY",
    "TgwCreate",
    "VpnCreate",
]

_PATH = "/api/v1/cnc/breakout"
_ONE = f"{_PATH}/{{cloudconnect_attachment_id}}"
_MAX_CIDRS = 3  # "Up to three premise CIDRs can be configured."
_ID_RANGE = range(1, 9)  # the documented statuses and types, 1 to 8
_REGION = re.compile(r"[a-z]{2}(?:-[a-z]+)+-[0-9]+")
_AWS_ACCOUNT = re.compile(r"[0-9]{12}")
# 8-64 letters, digits, periods and underscores, not starting with 0 (AWS's rule for PSKs).
_PSK = re.compile(r"[A-Za-z1-9._][A-Za-z0-9._]{7,63}")
_MAX_ASN = 4_294_967_294
_LINK_LOCAL = ipaddress.IPv4Network("169.254.0.0/16")


def _documented_id(value: Any, name: str) -> str | None:
    """A status or type id (an int, a `CloudConnect*Id` or a `Status`), from 1 to 8."""
    if value is None:
        return None
    number = check_lookup_id(value, name)
    if number not in _ID_RANGE:
        raise InputError(f"{name} must be from 1 to 8, got {value!r}")
    return str(number)


def _organisation(value: Any, name: str) -> str | None:
    return None if value is None else str(ref_id(value, "org"))


def _networks(value: Any, name: str, *, within: ipaddress.IPv4Network | None = None) -> list[str]:
    """One IPv4 network in CIDR notation, or a list of one to three."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Iterable) or isinstance(items, (bytes, dict)):
        raise InputError(f"{name} must be a list of IPv4 networks like '172.16.1.0/24'")
    found = list(items)
    if not 1 <= len(found) <= _MAX_CIDRS:
        raise InputError(f"{name} takes one to {_MAX_CIDRS} networks, got {len(found)}")
    networks = []
    for item in found:
        try:
            network = ipaddress.IPv4Network(item) if isinstance(item, str) else None
        except ValueError:
            network = None
        if network is None or "/" not in item:
            raise InputError(
                f"{name} holds {item!r}, not an IPv4 network in CIDR notation like "
                "'172.16.1.0/24' (no host bits set)"
            )
        if within is not None and not (network.prefixlen == 30 and network.subnet_of(within)):
            raise InputError(f"{name} holds {item!r}, not a /30 network within {within}")
        networks.append(str(network))
    return networks


def _inside_networks(value: Any, name: str) -> list[str]:
    return _networks(value, name, within=_LINK_LOCAL)


def _region(value: Any, name: str) -> str:
    if not isinstance(value, str) or not _REGION.fullmatch(value):
        raise InputError(f"{name} must be an AWS region like 'eu-west-1', got {value!r}")
    return value


def _aws_account(value: Any, name: str) -> str:
    if not isinstance(value, str) or not _AWS_ACCOUNT.fullmatch(value):
        raise InputError(
            f"{name} must be the 12 digits of an AWS account id as a string, got {value!r}"
        )
    return value


def _public_ip(value: Any, name: str) -> str:
    try:
        address = ipaddress.IPv4Address(value) if isinstance(value, str) else None
    except ValueError:
        address = None
    if address is None or not address.is_global:
        raise InputError(
            f"{name} must be the public IPv4 address of your VPN server, got {value!r}"
        )
    return str(address)


def _psk(value: Any, name: str) -> Secret:
    # Never echo the value: it is a secret, even when it is a bad one.
    secret = (
        value if isinstance(value, Secret) else Secret(value) if isinstance(value, str) else None
    )
    if secret is None or not _PSK.fullmatch(secret.get_secret_value()):
        raise InputError(
            f"{name} must be 8 to 64 letters, digits, periods or underscores, not starting with 0"
        )
    return secret


def _asn(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX_ASN:
        raise InputError(f"{name} must be an autonomous system number from 1 to {_MAX_ASN}")
    return int(value)


@attrs.frozen(kw_only=True)
class TgwCreate:
    """The body of POST /api/v1/cnc/breakout/tgw."""

    type: Ref | NotGiven = lookup()
    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven = text()
    vpc_cidr: list[str] | NotGiven = checked(_networks)
    region: str | NotGiven = checked(_region)
    aws_account_id: str | NotGiven = checked(_aws_account)


@attrs.frozen(kw_only=True)
class VpnCreate:
    """The body of POST /api/v1/cnc/breakout/vpn; the PSK stays a `Secret` until it is sent."""

    type: Ref | NotGiven = lookup()
    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven = text()
    region: str | NotGiven = checked(_region)
    public_ip: str | NotGiven = checked(_public_ip)
    psk: Secret | NotGiven = checked(_psk)
    asn: int | NotGiven = checked(_asn)
    on_prem_cidr: list[str] | NotGiven = checked(_networks)
    inside_cidr: list[str] | NotGiven = checked(_inside_networks)

    def __attrs_post_init__(self) -> None:
        if self.inside_cidr is not NOT_GIVEN and self.asn is NOT_GIVEN:
            raise InputError("inside_cidr is for dynamic (BGP) VPNs only: pass asn too")


LIST = Operation(
    "GetCloudConnectAttachments",
    "GET",
    _PATH,
    Returns.ARRAY,
    CloudConnectAttachment,
    query={"status": _documented_id, "type": _documented_id, "organisation": _organisation},
)
# The details of an active VPN carry its tunnels' pre-shared keys: never kept in errors.
GET = Operation(
    "GetCloudConnectAttachmentById",
    "GET",
    _ONE,
    Returns.OBJECT,
    CloudConnectAttachment,
    sensitive=True,
)
# Documented as 200 with no content; 204 would mean the same.
DELETE: Operation[None] = Operation(
    "DeleteCloudConnectAttachment",
    "DELETE",
    _ONE,
    Returns.NOTHING,
    success=frozenset({200, 204}),
)
# Repeating a retry is harmless: once the attachment is pending again, another is refused.
RETRY: Operation[None] = Operation(
    "RetryCloudConnectAttachment",
    "PATCH",
    _ONE,
    Returns.NOTHING,
    success=frozenset({200, 204}),
)
CREATE_TGW: Operation[None] = Operation(
    "CreateCloudConnectAttachmentTGW", "POST", f"{_PATH}/tgw", Returns.CREATED_ID, body=TgwCreate
)
# The request carries the pre-shared key, which an error answer could echo.
CREATE_VPN: Operation[None] = Operation(
    "CreateCloudConnectAttachmentVPN",
    "POST",
    f"{_PATH}/vpn",
    Returns.CREATED_ID,
    body=VpnCreate,
    sensitive=True,
)
BREAKOUT_TYPES = Operation(
    "GetCloudConnectBreakoutTypes", "GET", "/api/v1/cnc/breakout_type", Returns.ARRAY, Status
)
AVAILABLE_REGIONS = Operation(
    "GetCloudConnectAvailableRegionsByBreakoutType",
    "GET",
    "/api/v1/cnc/breakout_type/{breakout_type_id}/available_region",
    Returns.ARRAY,
    CloudConnectRegion,
)
# Deprecated by emnify in favour of AVAILABLE_REGIONS; its answer is undocumented.
REGIONS = Operation(
    "GetCloudConnectRegions",
    "GET",
    "/api/v1/cnc/region",
    Returns.ARRAY,
    CloudConnectRegion,
    query={"type": _documented_id},
)
PRICES = Operation(
    "ListCloudConnectCustomPrices", "GET", "/api/v1/cnc/pricing", Returns.ARRAY, CloudConnectPrice
)
