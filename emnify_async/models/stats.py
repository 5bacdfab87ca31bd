"""Usage statistics models: ``/api/v1/sim/{id}/stats`` and ``/stats/daily``."""

import datetime

import attrs

from ._base import Model
from ._common import Currency, TrafficType

__all__ = [
    "DailyStats",
    "DailyUsage",
    "EndpointStats",
    "HourlyPoint",
    "HourlySeries",
    "HourlyTraffic",
    "MonthlyTraffic",
    "SimStats",
    "TrafficStats",
]


@attrs.frozen(kw_only=True)
class TrafficStats(Model):
    """Traffic totals of one type (data or SMS) for one month."""

    sim_id: int | None = None
    """SIM id (in a SIM's statistics)."""
    endpoint_id: int | None = None
    """Endpoint id (in an endpoint's statistics)."""
    month: datetime.datetime | None = None
    """First instant of the month (UTC)."""
    volume: float | None = None
    """Total volume (MB for data, count for SMS)."""
    volume_tx: float | None = None
    """Volume sent by the device."""
    volume_rx: float | None = None
    """Volume received by the device."""
    traffic_type_id: int | None = None
    """Traffic type id: 5 data, 6 SMS."""
    last_updated: datetime.datetime | None = None
    """Last update time (UTC)."""
    cost: float | None = None
    """Cost in ``currency``; absent with inclusive volumes."""
    currency_id: int | None = None
    """Currency id."""
    id: int | None = None
    """Stats record id."""
    traffic_type: TrafficType | None = None
    """Traffic type."""
    currency: Currency | None = None
    """Currency of ``cost``."""


@attrs.frozen(kw_only=True)
class MonthlyTraffic(Model):
    """Data and SMS totals for one month."""

    data: TrafficStats | None = None
    """Data traffic; ``None`` when there was none."""
    sms: TrafficStats | None = None
    """SMS traffic; ``None`` when there was none."""


@attrs.frozen(kw_only=True)
class HourlyPoint(Model):
    """One sample of a last-hour series; the wire form is ``["HH:mm", value]``."""

    time: str
    """Time of day as ``"HH:mm"``; integer minutes-after-midnight are converted."""
    value: float
    """Volume in that interval; ``null`` on the wire becomes ``0.0``."""


@attrs.frozen(kw_only=True)
class HourlySeries(Model):
    """Received and sent samples of one traffic type."""

    rx: list[HourlyPoint] = attrs.field(factory=list)
    """Samples received by the device."""
    tx: list[HourlyPoint] = attrs.field(factory=list)
    """Samples sent by the device."""


@attrs.frozen(kw_only=True)
class HourlyTraffic(Model):
    """Data and SMS series for the last hour."""

    data: HourlySeries | None = None
    """Data series."""
    sms: HourlySeries | None = None
    """SMS series."""


@attrs.frozen(kw_only=True)
class SimStats(Model):
    """Usage summary of one SIM, as returned by ``GET /api/v1/sim/{id}/stats``."""

    last_month: MonthlyTraffic | None = None
    """Previous month's totals; ``None`` if there was no traffic."""
    current_month: MonthlyTraffic | None = None
    """Current month's totals; ``None`` if there was no traffic."""
    last_hour: HourlyTraffic | None = None
    """Per-minute series for the last hour."""


@attrs.frozen(kw_only=True)
class DailyUsage(Model):
    """Traffic of one type for one day."""

    volume: float | None = None
    """Total volume (MB for data, count for SMS)."""
    volume_tx: float | None = None
    """Volume sent by the device."""
    volume_rx: float | None = None
    """Volume received by the device."""
    cost: float | None = None
    """Cost in ``currency``; deprecated for data."""
    traffic_type_id: int | None = None
    """Traffic type id: 5 data, 6 SMS."""
    traffic_type: TrafficType | None = None
    """Traffic type."""
    currency_id: int | None = None
    """Currency id."""
    currency: Currency | None = None
    """Currency of ``cost``."""


@attrs.frozen(kw_only=True)
class DailyStats(Model):
    """One row of daily statistics; the ``"TOTAL"`` row has ``is_total=True`` and no date."""

    date: datetime.date | None = None
    """The day; ``None`` on the total row."""
    is_total: bool = False
    """Whether this row sums up the whole range (wire ``date`` is ``"TOTAL"``)."""
    data: DailyUsage | None = None
    """Data traffic."""
    sms: DailyUsage | None = None
    """SMS traffic."""


EndpointStats = SimStats
"""An endpoint's usage (``GET /api/v1/endpoint/{id}/stats``): the same shape as a SIM's."""
