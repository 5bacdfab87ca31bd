"""Organisation models: ``/api/v1/organisation/...`` and ``/api/v1/stats/daily``."""

import datetime

import attrs

from ._base import Model
from ._common import Country, Currency, Status
from .stats import MonthlyTraffic

__all__ = [
    "InclusiveVolume",
    "InclusiveVolumeAssignment",
    "InclusiveVolumeCosts",
    "InclusiveVolumeTariff",
    "Organisation",
    "OrganisationRelation",
    "OrganisationStats",
    "PrepaidBalance",
    "Ratezone",
    "SimCounts",
]


@attrs.frozen(kw_only=True)
class OrganisationRelation(Model):
    """How an organisation relates to its parent, e.g. ``"Customer of"``."""

    id: int | None = None
    """Relation id."""
    type: Status | None = None
    """Relation type."""


@attrs.frozen(kw_only=True)
class Organisation(Model):
    """An organisation's details, as returned by ``GET /api/v1/organisation/my``.

    The flat form of the official schema (``organisation_type_id``, ``country_id``, ...) is
    accepted too and lands in the same nested fields.
    """

    id: int
    """Organisation id."""
    name: str | None = None
    """Organisation name."""
    ext_reference: str | None = None
    """Free-text external reference."""
    type: Status | None = None
    """Organisation type: 1 MNO, 2 Service Provider, 3 Reseller, 4 Enterprise."""
    class_: Status | None = None
    """Organisation class, e.g. ``"Commercial"`` (wire name ``class``)."""
    country: Country | None = None
    """Country of the organisation."""
    status: Status | None = None
    """Organisation status: 0 Enabled, 1 Suspended, 2 Deleted."""
    relation: OrganisationRelation | None = None
    """Relation to the parent organisation, when there is one."""
    monthly_cost_limit: float | None = None
    """Monthly cost limit in ``currency``; ``None`` when unlimited."""
    currency: Currency | None = None
    """Billing currency."""
    created: datetime.datetime | None = None
    """Creation time (UTC)."""
    verification_type: Status | None = None
    """How the organisation was verified, e.g. ``"ID Card"``."""
    verification: str | None = None
    """Verification reference."""


@attrs.frozen(kw_only=True)
class SimCounts(Model):
    """SIMs of an organisation per status (the wire's ``factory_mode`` is ``factory_test``)."""

    total: int | None = None
    """All SIMs."""
    issued: int | None = None
    """Issued SIMs."""
    active: int | None = None
    """Activated SIMs."""
    suspended: int | None = None
    """Suspended SIMs."""
    factory_test: int | None = None
    """SIMs in factory test."""


@attrs.frozen(kw_only=True)
class InclusiveVolumeCosts(Model):
    """Total cost of an organisation's inclusive volumes this month."""

    pooled: float | None = None
    """Cost of the pooled inclusive volumes."""
    unpooled: float | None = None
    """Cost of the per-device inclusive volumes."""


@attrs.frozen(kw_only=True)
class PrepaidBalance(Model):
    """The remaining balance of a prepaid organisation."""

    amount: float | None = None
    """Remaining balance."""
    currency: Currency | None = None
    """Currency of ``amount``."""
    last_updated: datetime.datetime | None = None
    """Last update time (UTC)."""


@attrs.frozen(kw_only=True)
class OrganisationStats(Model):
    """Monthly statistics of an organisation (``GET /api/v1/organisation/{org}/stats``).

    Traffic totals include the child organisations; the counters cover this organisation only.
    """

    current_month: MonthlyTraffic | None = None
    """This month's data and SMS totals."""
    last_month: MonthlyTraffic | None = None
    """Last month's data and SMS totals."""
    sim: SimCounts | None = None
    """SIMs per status."""
    users: int | None = None
    """Number of users."""
    service_profiles: int | None = None
    """Number of service profiles."""
    tariff_profiles: int | None = None
    """Number of tariff profiles."""
    active_chargeable_sims: int | None = None
    """Active SIMs charged this month; ``None`` when there are none."""
    hosting_fees: float | None = None
    """SIM hosting fees of ``active_chargeable_sims``; ``None`` when there are none."""
    inclusive_volume: InclusiveVolumeCosts | None = None
    """Inclusive volume costs, for organisations that have some."""
    prepaid_balance: PrepaidBalance | None = None
    """Remaining balance, for prepaid organisations."""


@attrs.frozen(kw_only=True)
class Ratezone(Model):
    """A ratezone of a tariff, as nested in other resources."""

    id: int | None = None
    """Ratezone id."""
    name: str | None = None
    """Ratezone name."""
    ratezone_status_id: int | None = None
    """Ratezone status id."""


@attrs.frozen(kw_only=True)
class InclusiveVolumeTariff(Model):
    """The tariff and ratezone an inclusive volume belongs to."""

    id: int | None = None
    """Tariff id."""
    name: str | None = None
    """Tariff name."""
    tariff_status_id: int | None = None
    """Tariff status id."""
    ratezone: Ratezone | None = None
    """The ratezone the volume applies to."""


@attrs.frozen(kw_only=True)
class InclusiveVolume(Model):
    """An inclusive volume active this month (``GET .../inclusive_volume/active``)."""

    id: int
    """Organisation inclusive volume id."""
    volume: float | None = None
    """Monthly volume in MB."""
    rate: float | None = None
    """Monthly price in ``currency``."""
    pooled: bool | None = None
    """Whether the volume is shared by all devices (else it is per device)."""
    start_date: datetime.date | None = None
    """First day of the first billing month."""
    end_date: datetime.date | None = None
    """Last day of the last billing month; ``None`` while it runs indefinitely."""
    currency: Currency | None = None
    """Currency of ``rate``."""
    tariff: InclusiveVolumeTariff | None = None
    """Tariff and ratezone."""


@attrs.frozen(kw_only=True)
class InclusiveVolumeAssignment(Model):
    """The result of assigning a ratezone inclusive volume to an organisation."""

    id: int
    """Organisation inclusive volume id."""
    start_date: datetime.date | None = None
    """First day of the first billing month."""
    end_date: datetime.date | None = None
    """Last day of the last billing month; ``None`` while it runs indefinitely."""
    pooled: bool | None = None
    """Whether the volume is shared by all devices."""
