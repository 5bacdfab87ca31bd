"""SIM models: ``/api/v1/sim``."""

import datetime

import attrs

from ._base import Model
from ._common import OrganisationSummary, SimModel, Status

__all__ = ["EsimInstallationCode", "Sim", "SimEndpoint"]

_MASK = "********"


def _masked_code(value: object) -> str:
    """An activation code with all but its SM-DP+ address (the matching id, which installs
    the profile, and what follows) masked: ``LPA:1$smdp.example.com$********``; anything
    else is masked whole."""
    if value is None:
        return "None"
    parts = value.split("$", 2) if isinstance(value, str) else []
    if len(parts) == 3 and parts[0].startswith("LPA:"):
        return repr(f"{parts[0]}${parts[1]}${_MASK}")
    return repr(_MASK)


@attrs.frozen(kw_only=True)
class SimEndpoint(Model):
    """The endpoint (device) a SIM is assigned to, as nested in a SIM."""

    id: int | None = None
    """Endpoint id."""
    name: str | None = None
    """Endpoint name."""
    imei: str | None = None
    """IMEI of the device last seen with this SIM."""
    imei_lock: bool | None = None
    """Whether the endpoint only works with ``imei``."""
    created: datetime.datetime | None = None
    """Creation time (UTC)."""
    last_updated: datetime.datetime | None = None
    """Last update time (UTC)."""
    organisation_id: int | None = None
    """Owning organisation id."""
    service_profile_id: int | None = None
    """Service profile id."""
    tariff_profile_id: int | None = None
    """Tariff profile id."""
    tags: str | None = None
    """Comma-separated tags."""
    ip_address: str | None = None
    """Assigned IP address."""
    ip_address_space_id: int | None = None
    """IP address space id."""


@attrs.frozen(kw_only=True)
class Sim(Model):
    """A SIM card, as returned by ``GET /api/v1/sim`` and ``GET /api/v1/sim/{id}``."""

    id: int
    """SIM id."""
    iccid: str | None = None
    """ICCID without the Luhn check digit."""
    iccid_with_luhn: str | None = None
    """ICCID including the Luhn check digit."""
    eid: str | None = None
    """eUICC id, for eSIMs."""
    production_date: datetime.datetime | None = None
    """Production time (UTC)."""
    activation_date: datetime.datetime | None = None
    """First activation time (UTC); absent until activated."""
    status: Status | None = None
    """SIM status; compare ``status.id`` with `SimStatusId`."""
    customer_org: OrganisationSummary | None = None
    """Enterprise organisation using the SIM."""
    issuer_org: OrganisationSummary | None = None
    """Organisation that issued the SIM."""
    reseller_org: OrganisationSummary | None = None
    """Reseller organisation, if any."""
    endpoint: SimEndpoint | None = None
    """Assigned endpoint; ``None`` when the SIM is unassigned."""
    imsi: str | None = None
    """Current IMSI."""
    msisdn: str | None = None
    """Current MSISDN."""
    model: SimModel | None = None
    """Hardware model."""
    profile_type: Status | None = None
    """Profile type, e.g. physical SIM or eSIM."""


@attrs.frozen(kw_only=True)
class EsimInstallationCode(Model):
    """The code that installs an eSIM profile on a device (``GET .../installation_code``).

    ``payload`` is a secret: with it, anyone can download the profile to their device. The
    `repr` masks its matching id; read ``payload`` itself only to hand it to the device (as
    a QR code, or into its LPA), never to log it.
    """

    iccid: str | None = None
    """ICCID of the eSIM."""
    payload: str | None = attrs.field(default=None, repr=_masked_code)
    """The activation code, ``LPA:1$<SM-DP+ address>$<matching id>`` (masked in `repr`)."""
