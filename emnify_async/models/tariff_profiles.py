"""Tariff profile models: ``/api/v1/tariff_profile``."""

import datetime

import attrs

from ._base import Model
from ._common import Country, Currency, Status
from .endpoints import NamedRef
from .organisations import Ratezone
from .sim_operations import IdRef

__all__ = [
    "OperatorBlocklist",
    "TariffProfile",
    "TariffProfileCoverage",
    "TariffProfileInclusiveVolume",
    "TariffProfileOperatorBlock",
    "TariffProfileTariff",
]


@attrs.frozen(kw_only=True)
class TariffProfileTariff(Model):
    """The tariff of a tariff profile, as the API nests it (its references as bare ids)."""

    id: int | None = None
    """Tariff id."""
    organisation_id: int | None = None
    """The organisation that sells the tariff."""
    name: str | None = None
    """Short name."""
    description: str | None = None
    """Long description."""
    created: datetime.datetime | None = None
    """Creation time (UTC)."""
    tariff_status_id: int | None = None
    """Tariff status id (1 Active)."""
    currency_id: int | None = None
    """Currency id of every rate."""
    default_sms_mt_rate: float | None = None
    """Default rate of a mobile-terminated SMS."""
    default_sms_mo_rate: float | None = None
    """Default rate of a mobile-originated SMS."""
    sim_issued_rate: float | None = None
    """Monthly rate of an issued SIM."""
    sim_activated_rate: float | None = None
    """Monthly rate of an activated SIM."""
    sim_suspended_rate: float | None = None
    """Monthly rate of a suspended SIM."""
    sim_activation_rate: float | None = None
    """One-off rate of activating a SIM."""
    sim_reactivation_rate: float | None = None
    """One-off rate of reactivating a SIM."""
    sim_suspension_rate: float | None = None
    """One-off rate of suspending a SIM."""
    sim_termination_rate: float | None = None
    """One-off rate of terminating a SIM."""
    data_throttle_id: int | None = None
    """Data throttle id; ``None`` when unthrottled."""
    data_blocksize_id: int | None = None
    """Data block size id."""
    public: bool | None = None
    """Whether child organisations may pick the tariff themselves."""
    tariff_category_id: int | None = None
    """Tariff category id."""
    visibility_id: int | None = None
    """Visibility id."""
    tariff_currency_category_id: int | None = None
    """Currency category id."""
    used_count: int | None = None
    """Tariff profiles using the tariff."""
    assigned_count: int | None = None
    """Organisations the tariff is assigned to."""
    currency: Currency | None = None
    """Currency of every rate."""


@attrs.frozen(kw_only=True)
class TariffProfileInclusiveVolume(Model):
    """The organisation inclusive volume assigned to a tariff profile."""

    id: int | None = None
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
    ratezone: Ratezone | None = None
    """The ratezone the volume applies to."""
    currency: Currency | None = None
    """Currency of ``rate``."""


@attrs.frozen(kw_only=True)
class TariffProfile(Model):
    """A tariff profile: a tariff, the ratezones selected from it, and an inclusive volume.

    As returned by ``GET /api/v1/tariff_profile`` and ``GET /api/v1/tariff_profile/{id}``.
    """

    id: int
    """Tariff profile id."""
    name: str | None = None
    """Short name."""
    description: str | None = None
    """Long description."""
    used_count: int | None = None
    """Endpoints that have this tariff profile (it cannot be deleted while any do)."""
    organisation_id: int | None = None
    """The organisation the profile belongs to."""
    tariff: TariffProfileTariff | None = None
    """The tariff the profile is built on."""
    inclusive_volume: TariffProfileInclusiveVolume | None = None
    """The inclusive volume assigned to the profile; ``None`` when none is."""


@attrs.frozen(kw_only=True)
class TariffProfileCoverage(Model):
    """A country where a tariff profile's devices can connect (``GET .../coverage``)."""

    country: Country | None = None
    """The country."""
    redundancy_count: int | None = None
    """How many networks cover it."""


@attrs.frozen(kw_only=True)
class OperatorBlocklist(Model):
    """What of an operator a tariff profile blocks: all of it, or some RAT types."""

    operator: bool | None = None
    """Whether the operator is blocked completely."""
    rat_types: list[Status] = attrs.field(factory=list)
    """The RAT types blocked on their own, as `{id, description}` (kept when the whole
    operator is blocked or unblocked)."""


@attrs.frozen(kw_only=True)
class TariffProfileOperatorBlock(Model):
    """One operator in a tariff profile's operator blocklist (newer docs, v2)."""

    operator: NamedRef | None = None
    """The operator, as `{id, name}`."""
    tariff_profile: IdRef | None = None
    """The tariff profile, as `{id}`."""
    blocklist: OperatorBlocklist | None = None
    """What is blocked."""
