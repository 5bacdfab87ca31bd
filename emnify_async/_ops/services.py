"""Service lookups: `/api/v1/service` and `/api/v1/traffic_limit` (read-only, cached)."""

from __future__ import annotations

from typing import Any

from .._operation import Operation, Returns
from .._query import check_lookup_id
from ..models import Service, TrafficLimit

__all__ = ["ALL_TRAFFIC_LIMITS", "LIST", "SERVICE_ID", "TRAFFIC_LIMITS"]


def SERVICE_ID(value: Any, name: str) -> int:
    """A service: its id (0 USSD, 3 voice, 6 SMS MT, 32 SMS MO, 38 data) or a `Service`."""
    return check_lookup_id(value, "service_id")


LIST = Operation("ServiceGet", "GET", "/api/v1/service", Returns.ARRAY, Service)
TRAFFIC_LIMITS = Operation(
    "ServiceTrafficLimitByIdGet",
    "GET",
    "/api/v1/service/{service_id}/traffic_limit",
    Returns.ARRAY,
    TrafficLimit,
    path_params={"service_id": SERVICE_ID},
)
ALL_TRAFFIC_LIMITS = Operation(
    "TrafficLimitGet", "GET", "/api/v1/traffic_limit", Returns.ARRAY, TrafficLimit
)
