"""Typed attrs models for emnify API responses and request bodies."""

from ._common import (
    Country,
    Currency,
    FormFactor,
    Manufacturer,
    OrganisationSummary,
    SimModel,
    SimStatusId,
    Status,
    TrafficType,
)
from .events import Event, EventEndpoint, EventImsi, EventSim, EventSource, EventUser
from .sim_batches import SimBatch, SimBatchRegistration
from .sims import Sim, SimEndpoint
from .stats import (
    DailyStats,
    DailyUsage,
    HourlyPoint,
    HourlySeries,
    HourlyTraffic,
    MonthlyTraffic,
    SimStats,
    TrafficStats,
)

__all__ = [
    "Country",
    "Currency",
    "DailyStats",
    "DailyUsage",
    "Event",
    "EventEndpoint",
    "EventImsi",
    "EventSim",
    "EventSource",
    "EventUser",
    "FormFactor",
    "HourlyPoint",
    "HourlySeries",
    "HourlyTraffic",
    "Manufacturer",
    "MonthlyTraffic",
    "OrganisationSummary",
    "Sim",
    "SimBatch",
    "SimBatchRegistration",
    "SimEndpoint",
    "SimModel",
    "SimStats",
    "SimStatusId",
    "Status",
    "TrafficStats",
    "TrafficType",
]
