"""Endpoint (device) models: ``/api/v1/endpoint`` and its sub-resources."""

import datetime
import enum
from typing import Any

import attrs

from ._base import Model
from ._common import Currency, Status

__all__ = [
    "Balance",
    "Connectivity",
    "ConnectivityInfo",
    "ConnectivityLocation",
    "ConnectivityOperator",
    "Endpoint",
    "EndpointSim",
    "EndpointStatusId",
    "NamedRef",
    "PdpContext",
    "Quota",
    "QuotaAction",
    "RuntimeData",
    "TrafficLimitExtension",
]


class EndpointStatusId(enum.IntEnum):
    """Known endpoint status ids, as listed by ``GET /api/v1/endpoint/status``."""

    ENABLED = 0
    DISABLED = 1
    DELETED = 2


@attrs.frozen(kw_only=True)
class NamedRef(Model):
    """A reference to another object by id, with its name when the API includes it."""

    id: int | None = None
    """The referenced object's id."""
    name: str | None = None
    """Its name, e.g. a service profile's ``"Smart Meter"``."""


@attrs.frozen(kw_only=True)
class EndpointSim(Model):
    """The SIM assigned to an endpoint, as nested in the endpoint."""

    id: int | None = None
    """SIM id."""
    iccid: str | None = None
    """ICCID without the Luhn check digit."""
    imsi: str | None = None
    """Current IMSI."""
    msisdn: str | None = None
    """Current MSISDN."""
    status: Status | None = None
    """SIM status; compare ``status.id`` with `SimStatusId`."""


@attrs.frozen(kw_only=True)
class RuntimeData(Model):
    """Where the endpoint was last seen on the network."""

    msc: str | None = None
    """Mobile switching centre number."""
    sgsn: str | None = None
    """Serving GPRS support node number."""
    sgsn_ip_address: str | None = None
    """The SGSN's IP address."""


@attrs.frozen(kw_only=True)
class Endpoint(Model):
    """A device (emnify's *endpoint*), as returned by ``GET /api/v1/endpoint[/{id}]``."""

    id: int
    """Endpoint id."""
    name: str | None = None
    """Endpoint name."""
    tags: str | None = None
    """Comma-separated tags."""
    created: datetime.datetime | None = None
    """Creation time (UTC)."""
    last_updated: datetime.datetime | None = None
    """Last update time (UTC)."""
    status: Status | None = None
    """Endpoint status; compare ``status.id`` with `EndpointStatusId`."""
    service_profile: NamedRef | None = None
    """The service profile (which services and limits apply)."""
    tariff_profile: NamedRef | None = None
    """The tariff profile (which tariff and ratezones apply)."""
    sim: EndpointSim | None = None
    """The assigned SIM; ``None`` when none is assigned."""
    imei: str | None = None
    """IMEI of the device (15 or 16 digits)."""
    imei_lock: bool | None = None
    """Whether the endpoint only works with ``imei``."""
    ip_address: str | None = None
    """The endpoint's IP address."""
    ip_address_space: NamedRef | None = None
    """The IP address space ``ip_address`` comes from."""
    runtime_data: RuntimeData | None = None
    """Network nodes the endpoint was last seen on."""


@attrs.frozen(kw_only=True)
class ConnectivityOperator(Model):
    """The mobile operator an endpoint is attached to."""

    id: int | None = None
    """Operator id."""
    name: str | None = None
    """Operator name."""
    country: NamedRef | None = None
    """The operator's country."""


@attrs.frozen(kw_only=True)
class ConnectivityLocation(Model):
    """The network registration of an endpoint (``location`` of its connectivity)."""

    iccid: str | None = None
    """ICCID of the registered SIM."""
    imsi: str | None = None
    """IMSI of the registration."""
    last_updated: datetime.datetime | None = None
    """Last location update (UTC)."""
    last_updated_gprs: datetime.datetime | None = None
    """Last GPRS location update (UTC)."""
    sgsn_number: str | None = None
    """Serving GPRS support node number."""
    vlr_number: str | None = None
    """Visitor location register number."""
    msc: str | None = None
    """Mobile switching centre number."""
    sgsn_ip_address: str | None = None
    """The SGSN's IP address."""
    operator: ConnectivityOperator | None = None
    """The visited operator."""
    country: dict[str, Any] | None = None
    """The visited country, as the API sends it."""


@attrs.frozen(kw_only=True)
class PdpContext(Model):
    """The endpoint's data session (``pdp_context`` of its connectivity)."""

    pdp_context_id: int | None = None
    """Data session id."""
    endpoint_id: int | None = None
    """Endpoint id."""
    sim_id: int | None = None
    """SIM id."""
    imsi: str | None = None
    """IMSI of the session."""
    created: datetime.datetime | None = None
    """Session start (UTC)."""
    ue_ip_address: str | None = None
    """The device's IP address in the session."""
    mcc: str | None = None
    """Mobile country code of the visited network."""
    mnc: str | None = None
    """Mobile network code of the visited network."""
    operator_id: int | None = None
    """Visited operator id."""
    rat_type: dict[str, Any] | None = None
    """Radio access technology, e.g. ``{"rat_type_id": 1, "description": "3G"}``."""
    duration: str | None = None
    """Session duration as ``"HH:MM:SS"``."""


@attrs.frozen(kw_only=True)
class Connectivity(Model):
    """An endpoint's connectivity (``GET .../connectivity``): state, registration, session."""

    status: Status | None = None
    """``ONLINE``, ``ATTACHED``, ``OFFLINE`` or ``BLOCKED`` (in ``status.description``)."""
    location: ConnectivityLocation | None = None
    """The network registration; ``None`` when not registered."""
    pdp_context: PdpContext | None = None
    """The data session; ``None`` when there is none."""
    services: list[str] = attrs.field(factory=list)
    """Services in use, e.g. ``["GPRS"]``."""


@attrs.frozen(kw_only=True)
class ConnectivityInfo(Model):
    """What the network reports about an endpoint now (``GET .../connectivity_info``)."""

    subscriber_info: dict[str, Any] | None = None
    """Subscriber state and location, as the network answered."""
    ussd_info: dict[str, Any] | None = None
    """USSD state, when asked for."""
    request_timestamp: datetime.datetime | None = None
    """When the network was asked (UTC)."""
    reply_timestamp: datetime.datetime | None = None
    """When it answered (UTC)."""


@attrs.frozen(kw_only=True)
class Balance(Model):
    """An endpoint's prepaid balance."""

    amount: float | None = None
    """Remaining amount."""
    currency: Currency | None = None
    """Currency of ``amount``."""
    last_updated: datetime.datetime | None = None
    """Last change (UTC)."""
    expiry_date: datetime.datetime | None = None
    """When the balance expires (UTC)."""
    auto_reset: int | None = None
    """Automatic reset setting."""
    last_loaded_amount: float | None = None
    """The amount loaded last."""


@attrs.frozen(kw_only=True)
class QuotaAction(Model):
    """What happens when a quota is used up."""

    id: int | None = None
    """1 blocks the service, 2 throttles it (data only)."""
    description: str | None = None
    """E.g. ``"Block"`` or ``"Throttle"``."""
    peak_throughput: int | None = None
    """Throughput in bit/s when throttled."""


@attrs.frozen(kw_only=True)
class Quota(Model):
    """A data or SMS quota of an endpoint."""

    status: Status | None = None
    """``ACTIVE``, ``EXHAUSTED`` or ``EXPIRED`` (in ``status.description``)."""
    volume: float | None = None
    """Remaining volume (MB for data, messages for SMS)."""
    expiry_date: datetime.datetime | None = None
    """When the quota expires (UTC)."""
    action_on_exhaustion: QuotaAction | None = None
    """What happens when it is used up."""
    auto_refill: int | None = None
    """Whether the volume is refilled daily (1) or not (0)."""
    threshold_percentage: float | None = None
    """Remaining share that raises a threshold event."""
    threshold_volume: float | None = None
    """Remaining volume that raises a threshold event."""
    last_volume_added: float | None = None
    """The volume added last."""
    last_status_change_date: datetime.datetime | None = None
    """Last status change (UTC)."""
    peak_throughput: int | None = None
    """Throughput in bit/s when throttled."""


@attrs.frozen(kw_only=True)
class TrafficLimitExtension(Model):
    """A temporary raise of one of an endpoint's traffic limits (newer docs only)."""

    id: int
    """Extension id."""
    endpoint_id: int | None = None
    """The endpoint it applies to."""
    traffic_limit_id: int | None = None
    """The traffic limit (of the endpoint's service profile) it extends."""
    volume: float | None = None
    """The extra volume, in the traffic limit's unit."""
    expiration_date: datetime.datetime | None = None
    """When it ends (UTC)."""
    created_at: datetime.datetime | None = None
    """When it was created (UTC)."""
