"""Events of the whole organisation: `/api/v1/event` and its types."""

from __future__ import annotations

from .._constants import EVENT_MAX_PER_PAGE
from .._operation import Operation, Returns
from ..models import Event, Status
from ._params import FILTER, SORT

__all__ = ["LIST", "TYPES"]

LIST = Operation(
    "GetEvents",
    "GET",
    "/api/v1/event",
    Returns.PAGE,
    Event,
    query={"q": FILTER, "sort": SORT},
    max_per_page=EVENT_MAX_PER_PAGE,
)
TYPES = Operation("EventTypeGet", "GET", "/api/v1/event/type", Returns.ARRAY, Status)
