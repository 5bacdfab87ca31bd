"""Service lookups and DNS configurations: ``/api/v1/service``, ``/api/v1/traffic_limit``,
``/api/v1/dns``."""

import attrs

from ._base import Model
from ._common import Status, TrafficType

__all__ = ["DnsConfig", "Service", "TrafficLimit", "TrafficLimitPeriod"]


@attrs.frozen(kw_only=True)
class TrafficLimitPeriod(Model):
    """The period a traffic limit counts over, e.g. 5 days or 1 month."""

    id: int | None = None
    """Period id."""
    time_units: int | None = None
    """How many ``unit``s long the period is."""
    unit: str | None = None
    """The unit of the period, e.g. ``"Days"`` or ``"Months"``."""


@attrs.frozen(kw_only=True)
class TrafficLimit(Model):
    """A traffic limit: at most ``volume`` of a service's traffic per ``period``."""

    id: int
    """Traffic limit id (what a service profile is given)."""
    volume: int | None = None
    """The volume allowed per period, in the service's traffic unit (MB for data)."""
    period: TrafficLimitPeriod | None = None
    """The period the volume counts over."""
    service: Status | None = None
    """The service limited, as ``{id, description}``; only in ``GET /api/v1/traffic_limit``."""


@attrs.frozen(kw_only=True)
class Service(Model):
    """A service endpoints may use (data, SMS MT, SMS MO, USSD, voice), a read-only lookup."""

    id: int
    """Service id: 0 USSD, 3 voice (not enabled by the platform), 6 SMS MT, 32 SMS MO, 38 data."""
    description: str | None = None
    """Label, e.g. ``"Data"``."""
    teleservice_code: int | None = None
    """The GSM teleservice code of the service."""
    used_with_vlr: bool | None = None
    """Whether the service is used over the circuit-switched network (VLR)."""
    used_with_sgsn: bool | None = None
    """Whether the service is used over the packet-switched network (SGSN)."""
    traffic_type: TrafficType | None = None
    """The kind of traffic and its unit."""
    traffic_limit: list[TrafficLimit] = attrs.field(factory=list)
    """The traffic limits assigned to the service in a service profile (in its details only)."""


@attrs.frozen(kw_only=True)
class DnsConfig(Model):
    """A DNS configuration: the nameservers of the endpoints whose service profile uses it."""

    id: int
    """DNS configuration id (what a service profile's ``dns`` is given)."""
    primary: str | None = None
    """The primary nameserver's IP address."""
    secondary: str | None = None
    """The secondary nameserver's IP address."""
    ip_address_version: int | None = None
    """4 or 6 (emnify enforces IPv4 settings only)."""
