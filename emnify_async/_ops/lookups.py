"""Lookups: the platform's fixed lists (`/api/v1/country`, `/api/v1/currency`, ...)."""

from __future__ import annotations

from typing import Any

from .._operation import Operation, Returns
from .._query import check_bool
from ..models import BreakoutRegion, Country, Currency, DataSize, NamedRef, Status
from ._params import BOOL

__all__ = [
    "BREAKOUT_REGIONS",
    "COUNTRIES",
    "CURRENCIES",
    "DATA_BLOCKSIZES",
    "DATA_THROTTLES",
    "ESME_INTERFACE_TYPES",
    "RAT_TYPES",
    "SERVICE_LEVELS",
]


def _flag(value: Any, name: str) -> str | None:
    # Documented as a bare flag (`/api/v1/rat_type?blacklistable`): sent only when True, as
    # `false` might read as "present" to the API.
    return "true" if check_bool(value, name) else None


COUNTRIES = Operation(
    "CountryGet", "GET", "/api/v1/country", Returns.ARRAY, Country, query={"geographic": BOOL}
)
CURRENCIES = Operation("CurrencyGet", "GET", "/api/v1/currency", Returns.ARRAY, Currency)
DATA_BLOCKSIZES = Operation(
    "DataBlocksizeGet", "GET", "/api/v1/data_blocksize", Returns.ARRAY, DataSize
)
DATA_THROTTLES = Operation(
    "DataThrottleGet", "GET", "/api/v1/data_throttle", Returns.ARRAY, DataSize
)
BREAKOUT_REGIONS = Operation(
    "BreakoutRegionGet", "GET", "/api/v1/breakout_region", Returns.ARRAY, BreakoutRegion
)
ESME_INTERFACE_TYPES = Operation(
    "EsmeInterfaceTypeGet", "GET", "/api/v1/esme_interface_type", Returns.ARRAY, Status
)
RAT_TYPES = Operation(
    "RatType",
    "GET",
    "/api/v1/rat_type",
    Returns.ARRAY,
    Status,
    query={"blacklistable": _flag, "limitable": _flag},
)
SERVICE_LEVELS = Operation(
    "ListServiceLevels", "GET", "/api/v1/service_level", Returns.ARRAY, NamedRef
)
