"""Service profile models: ``/api/v1/service_profile``."""

import datetime

import attrs

from ._base import Model
from ._common import Status
from .lookups import BreakoutRegion
from .services import DnsConfig, Service, TrafficLimitPeriod

__all__ = [
    "ServiceProfile",
    "ServiceProfileCallback",
    "ServiceProfileDataLimit",
    "ServiceProfileSecret",
]


@attrs.frozen(kw_only=True)
class ServiceProfileCallback(Model):
    """An API callback (an SMS or MOC webhook) a service profile sends to."""

    id: int | None = None
    """Callback id."""
    url: str | None = None
    """Where the callback is sent."""
    created: datetime.datetime | None = None
    """When the callback was created (UTC)."""
    purpose: str | None = None
    """What the callback is for."""


@attrs.frozen(kw_only=True)
class ServiceProfileSecret(Model):
    """The API secret that signs a service profile's callbacks (its value is never shown)."""

    id: int | None = None
    """Secret id."""
    purpose: str | None = None
    """What the secret is for."""


@attrs.frozen(kw_only=True)
class ServiceProfile(Model):
    """A service profile (emnify's *service policy*): what the endpoints using it may do.

    ``GET /api/v1/service_profile`` returns the short view (the flags up to
    ``apply_data_quota`` and ``used_count``); ``GET /api/v1/service_profile/{id}`` the details,
    with every flag, the references and the services.
    """

    id: int
    """Service profile id."""
    name: str | None = None
    """Name."""
    description: str | None = None
    """Description."""
    used_count: int | None = None
    """How many endpoints use the profile (it can only be deleted at 0)."""
    allowed_3g: bool | None = None
    """Whether the endpoints may use 3G."""
    allowed_4g: bool | None = None
    """Whether the endpoints may use 4G/LTE and LTE-M."""
    allowed_nb_iot: bool | None = None
    """Whether the endpoints may use NB-IoT."""
    apply_sms_quota: bool | None = None
    """Whether the endpoints' SMS quotas are enforced."""
    apply_data_quota: bool | None = None
    """Whether the endpoints' data quotas are enforced."""
    retail: bool | None = None
    """Retail flag."""
    sms_p2p_int: bool | None = None
    """Whether the endpoints may send SMS to other endpoints (peer to peer, internal)."""
    sms_p2p_ext: bool | None = None
    """Whether the endpoints may send SMS to outside numbers (peer to peer, external)."""
    prepaid: bool | None = None
    """Prepaid flag (deprecated by emnify)."""
    nipdp: bool | None = None
    """Non-IP data delivery flag (non-IP PDP contexts)."""
    api_callback: ServiceProfileCallback | None = None
    """The callback MO SMS and delivery reports are sent to; ``None`` when there is none."""
    api_secret: ServiceProfileSecret | None = None
    """The secret that signs the callbacks; ``None`` when there is none."""
    moc_callback: ServiceProfileCallback | None = None
    """The mobile-originated call callback; ``None`` when there is none."""
    esme_interface_type: Status | None = None
    """How the endpoints' SMS are handed over (the ESME interface type)."""
    breakout_region: BreakoutRegion | None = None
    """Where the endpoints' data traffic breaks out."""
    dns: DnsConfig | None = None
    """The DNS configuration the endpoints get; ``None`` for emnify's default."""
    service: list[Service] = attrs.field(factory=list)
    """The services the endpoints may use, each with its traffic limits (details only)."""


@attrs.frozen(kw_only=True)
class ServiceProfileDataLimit(Model):
    """A data limit of a service profile (newer docs): at most `volume` per `period`.

    Separate from the traffic limits assigned to the profile's services (`Service.traffic_limit`):
    neither kind changes the other.
    """

    id: int
    """Data limit id (what `remove_data_limit()` takes)."""
    service: Status | None = None
    """The service limited, as `{id, description}` (38 Data, the only one supported)."""
    satellite_only: bool | None = None
    """Whether the limit counts only traffic over satellite RAT types."""
    period: TrafficLimitPeriod | None = None
    """The period the volume counts over (a calendar month, reset at 00:00 UTC on the 1st)."""
    volume: int | None = None
    """The limit, in the service's atomic units (bytes for data)."""
    warning_percent: int | None = None
    """The share of `volume` (in percent) at which an event is sent."""
