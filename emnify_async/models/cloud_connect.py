"""CloudConnect models: `/api/v1/cnc/*` (breakouts into the customer's AWS network)."""

import datetime
import enum

import attrs

from ._base import Model
from ._common import Currency, Status
from ._secret import Secret

__all__ = [
    "CloudConnectAttachment",
    "CloudConnectPrice",
    "CloudConnectRegion",
    "CloudConnectStatusId",
    "CloudConnectTunnel",
    "CloudConnectTunnelMetrics",
    "CloudConnectTypeId",
]


class CloudConnectStatusId(enum.IntEnum):
    """The statuses of a CloudConnect attachment (the `status` filter of the list)."""

    PENDING_CUSTOMER_ACTION = 1
    PENDING_AWS_ACTIVATION = 2
    PENDING_EGN_ACTIVATION = 3
    PENDING_CRG_ACTIVATION = 4
    ACTIVE = 5
    DEACTIVATION_PENDING = 6
    DEACTIVATED = 7
    ROLLING_BACK = 8


class CloudConnectTypeId(enum.IntEnum):
    """The types of a CloudConnect attachment (breakout types, `GET /api/v1/cnc/breakout_type`)."""

    TRANSIT_GATEWAY = 1
    IPSEC_VPN = 2
    IPSEC_VPN_BGP = 3
    IPSEC_VPN_BGP_HA = 4
    DIRECT_CONNECT = 5
    SHARED = 6
    TRANSIT_GATEWAY_CLASSIC = 7
    IPSEC_VPN_CLASSIC = 8


@attrs.frozen(kw_only=True)
class CloudConnectTunnelMetrics(Model):
    """A VPN tunnel's state and traffic over the last hour."""

    tunnel_state: str | None = None
    """`"up"` or `"down"`."""
    bytes_in: dict[str, float] | None = None
    """Bytes received per five-minute sample, keyed by the sample's time as the API writes it
    (`"Tue Oct 22 2019 10:24:00 GMT+0000 (Coordinated Universal Time)"`)."""
    bytes_out: dict[str, float] | None = None
    """Bytes sent per five-minute sample, keyed like `bytes_in`."""


@attrs.frozen(kw_only=True)
class CloudConnectTunnel(Model):
    """One tunnel of an IPSec VPN attachment (AWS runs two per VPN connection)."""

    outside_address: str | None = None
    """The tunnel's public address on the AWS side."""
    inside_cidr: str | None = None
    """The /30 network of the tunnel's inside addresses (BGP peering)."""
    psk: Secret | None = None
    """The pre-shared key; masked in reprs, read it with `psk.get_secret_value()`."""
    metrics: CloudConnectTunnelMetrics | None = None
    """State and traffic over the last hour."""
    asn: int | None = None
    """Your side's autonomous system number (dynamic VPNs)."""
    public_ip: str | None = None
    """The public address of your VPN server."""


@attrs.frozen(kw_only=True)
class CloudConnectAttachment(Model):
    """A CloudConnect attachment (breakout): a Transit Gateway or VPN link into your AWS."""

    id: int
    """Attachment id."""
    name: str | None = None
    """Display name."""
    description: str | None = None
    """Optional description."""
    organisation_id: int | None = None
    """The organisation it belongs to."""
    user_id: int | None = None
    """The user who created it."""
    creation_date: datetime.datetime | None = None
    """When it was created (UTC)."""
    accept_attachment_expiry_date: datetime.datetime | None = None
    """Until when the Transit Gateway attachment can be accepted (only while pending AWS
    activation); past it, `retry()` starts over."""
    termination_date: datetime.datetime | None = None
    """When it was deleted, if it was."""
    aws_transit_gateway_attachment_id: str | None = None
    """The AWS Transit Gateway attachment id (`tgw-attach-...`)."""
    aws_vpn_connection_id: str | None = None
    """The AWS VPN connection id (`vpn-...`), for VPN attachments."""
    status: Status | None = None
    """Its status (`CloudConnectStatusId`), e.g. `"Active"`."""
    type: Status | None = None
    """Its type (`CloudConnectTypeId`), e.g. `"Transit Gateway"`."""
    region: str | None = None
    """The AWS region it lives in, e.g. `"eu-west-1"`."""
    customer_cidr: list[str] = attrs.field(factory=list)
    """The networks configured on your side (details only)."""
    tunnel_information: list[CloudConnectTunnel] = attrs.field(factory=list)
    """The tunnels of an active VPN attachment (details only)."""


@attrs.frozen(kw_only=True)
class CloudConnectRegion(Model):
    """A region where attachments of a breakout type can be created."""

    attachment_region: str | None = None
    """The AWS region your attachment will be in."""
    device_breakout_region: str | None = None
    """The region the traffic is peered to, when it is not the attachment's own."""


@attrs.frozen(kw_only=True)
class CloudConnectPrice(Model):
    """A monthly price of a CloudConnect breakout type."""

    id: int | None = None
    """Price id."""
    breakout_type_id: int | None = None
    """The breakout type it applies to (`CloudConnectTypeId`)."""
    amount: float | None = None
    """Monthly amount."""
    currency: Currency | None = None
    """Its currency; `None` when it applies to every currency."""
