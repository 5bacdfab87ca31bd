"""What emnify pushes to you: Data Streamer usage records and MO SMS callbacks.

Event records of a data stream are `Event`s (the object of ``GET /api/v1/event``). Volumes
and costs are `Decimal` (emnify documents Decimal(14,6) and Decimal(14,10)); timestamps are
UTC. Unknown keys are ignored, as everywhere in the SDK.
"""

import datetime
from decimal import Decimal
from typing import Any

import attrs

from ._base import Model
from ._common import Country, Currency, OrganisationSummary, TrafficType
from .endpoints import NamedRef

__all__ = [
    "MoSms",
    "UnknownRecord",
    "UsageEndpoint",
    "UsageOperator",
    "UsageRatezone",
    "UsageRecord",
    "UsageSim",
    "UsageTariff",
    "UsageVolume",
]


@attrs.frozen(kw_only=True)
class UsageVolume(Model):
    """Volume of a usage record, in MB for data (1 per SMS)."""

    total: Decimal | None = None
    """Both directions."""
    rx: Decimal | None = None
    """Downstream (to the device)."""
    tx: Decimal | None = None
    """Upstream (from the device)."""


@attrs.frozen(kw_only=True)
class UsageOperator(Model):
    """The visited network of a usage record."""

    id: int | None = None
    """Operator id."""
    name: str | None = None
    """Operator name."""
    mnc: str | None = None
    """Mobile network code."""
    country: Country | None = None
    """The operator's country."""


@attrs.frozen(kw_only=True)
class UsageRatezone(Model):
    """The rate zone a usage record was rated in."""

    id: int | None = None
    """Rate zone id."""
    name: str | None = None
    """Rate zone name."""


@attrs.frozen(kw_only=True)
class UsageTariff(Model):
    """The tariff a usage record was rated with."""

    id: int | None = None
    """Tariff id."""
    name: str | None = None
    """Tariff name."""
    ratezone: UsageRatezone | None = None
    """The rate zone applied."""


@attrs.frozen(kw_only=True)
class UsageEndpoint(Model):
    """The endpoint (device) of a usage record."""

    id: int | None = None
    """Endpoint id."""
    name: str | None = None
    """Endpoint name."""
    tags: str | None = None
    """Comma-separated tags."""
    ip_address: str | None = None
    """The device's IP address."""
    imei: str | None = None
    """The device's IMEI."""


@attrs.frozen(kw_only=True)
class UsageSim(Model):
    """The SIM of a usage record."""

    id: int | None = None
    """SIM id."""
    iccid: str | None = None
    """ICCID."""
    msisdn: str | None = None
    """MSISDN."""
    production_date: datetime.datetime | None = None
    """Production time (UTC)."""


@attrs.frozen(kw_only=True)
class UsageRecord(Model):
    """One usage data record of a Data Streamer usage stream (data or SMS consumed)."""

    id: int
    """Record id (64-bit): the dedupe key."""
    traffic_type: TrafficType | None = None
    """5 Data, 6 SMS."""
    start_timestamp: datetime.datetime | None = None
    """Start of the reported consumption (UTC)."""
    end_timestamp: datetime.datetime | None = None
    """End of the reported consumption (UTC)."""
    volume: UsageVolume | None = None
    """Consumed volume."""
    cost: Decimal | None = None
    """Cost, in `currency` (up to 10 decimal places)."""
    currency: Currency | None = None
    """Currency of `cost`."""
    organisation: OrganisationSummary | None = None
    """The organisation."""
    endpoint: UsageEndpoint | None = None
    """The endpoint (device)."""
    sim: UsageSim | None = None
    """The SIM."""
    imsi: str | None = None
    """IMSI in use."""
    imsi_id: int | None = None
    """Id of the IMSI in use."""
    operator: UsageOperator | None = None
    """Visited network."""
    tariff: UsageTariff | None = None
    """Tariff and rate zone applied."""


@attrs.frozen(kw_only=True)
class UnknownRecord(Model):
    """A data stream record of a kind this SDK does not know (neither event nor usage).

    Kept as decoded JSON so that a new record kind never makes a receiver fail (and emnify
    retry the delivery until the stream goes into error).
    """

    data: dict[str, Any]
    """The record as decoded JSON."""
    id: int | None = None
    """Its ``id``, when it has an integer one."""


@attrs.frozen(kw_only=True)
class MoSms(Model):
    """A mobile-originated SMS, as emnify posts it to your API callback URL."""

    id: int
    """SMS id: the dedupe key."""
    endpoint: NamedRef | None = None
    """The sending endpoint (``id``, ``name``)."""
    organisation: NamedRef | None = None
    """Its organisation (``id``, ``name``)."""
    source_address: str | None = None
    """Sender (the device's MSISDN), as text."""
    dest_address: str | None = None
    """Destination number the device sent to (7 digits or less routes it to you)."""
    payload: str | None = None
    """The message text."""
    dcs: int | None = None
    """Data coding scheme."""
    pid: int | None = None
    """Protocol identifier."""
    udh: str | None = None
    """User data header (hex) of a multi-part message."""
    submit_date: datetime.datetime | None = None
    """When it was submitted (UTC); None when emnify sends none (an old example has ``{}``)."""
