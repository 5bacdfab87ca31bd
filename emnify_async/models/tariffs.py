"""Tariff models: ``/api/v1/tariff`` (the MNO and reseller API)."""

import datetime

import attrs

from ._base import Model
from ._common import Currency, Status

__all__ = ["DataSize", "PdpContextDefinition", "Tariff"]


@attrs.frozen(kw_only=True)
class DataSize(Model):
    """A data size lookup value: a tariff's data block size or data throttle."""

    id: int | None = None
    """Lookup id."""
    octets: int | None = None
    """Size in octets (bytes; bits per second for a throttle)."""
    description: str | None = None
    """Label, e.g. ``"exact"`` or ``"256 kbit/s"``."""


@attrs.frozen(kw_only=True)
class PdpContextDefinition(Model):
    """A PDP context definition (APN) of a tariff."""

    id: int | None = None
    """Definition id."""
    apn: str | None = None
    """Access point name."""
    default: bool | None = None
    """Whether this is the default APN."""


@attrs.frozen(kw_only=True)
class Tariff(Model):
    """A tariff, as returned by ``GET /api/v1/tariff`` and ``GET /api/v1/tariff/{id}``."""

    id: int
    """Tariff id."""
    name: str | None = None
    """Short name."""
    description: str | None = None
    """Long description."""
    created: datetime.datetime | None = None
    """Creation time (UTC)."""
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
    used_count: int | None = None
    """Tariff profiles using this tariff."""
    assigned_count: int | None = None
    """Organisations this tariff is assigned to."""
    public: bool | None = None
    """Whether child organisations may pick this tariff themselves."""
    status: Status | None = None
    """Tariff status, e.g. ``"Active"``."""
    currency: Currency | None = None
    """Currency of every rate."""
    data_blocksize: DataSize | None = None
    """Data block size that traffic is rounded up to."""
    data_throttle: DataSize | None = None
    """Data throttle; ``None`` when unthrottled."""
    pdp_context_definition: list[PdpContextDefinition] = attrs.field(factory=list)
    """PDP context definitions (APNs)."""
