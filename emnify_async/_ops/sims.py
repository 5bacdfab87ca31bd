"""SIMs: `/api/v1/sim` and its sub-resources."""

from __future__ import annotations

import attrs

from .._body import Ref, lookup, reference, require_any
from .._constants import EVENT_MAX_PER_PAGE, SIM_MAX_PER_PAGE
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import DailyStats, EsimInstallationCode, Event, Sim, SimStats, Status
from ._params import DATE, FILTER, SORT, date_range

__all__ = [
    "DAILY_STATS",
    "DELETE",
    "EVENTS",
    "GET",
    "INSTALLATION_CODE",
    "LIST",
    "STATS",
    "STATUSES",
    "UPDATE",
    "SimUpdate",
]


@attrs.frozen(kw_only=True)
class SimUpdate:
    """The body of PATCH /api/v1/sim/{sim_id}: only the fields given are sent."""

    status: Ref | NotGiven = lookup()
    issuer_org: Ref | NotGiven = reference()
    reseller_org: Ref | NotGiven = reference(nullable=True)
    customer_org: Ref | NotGiven = reference(nullable=True)

    def __attrs_post_init__(self) -> None:
        require_any(self, "an update")


LIST = Operation(
    "SimPerPageSortByQAndPageGet",
    "GET",
    "/api/v1/sim",
    Returns.PAGE,
    Sim,
    query={"q": FILTER, "sort": SORT},
    max_per_page=SIM_MAX_PER_PAGE,
)
GET = Operation("SimByIdGet", "GET", "/api/v1/sim/{sim_id}", Returns.OBJECT, Sim)
# Every body sets absolute values, so repeating the PATCH is harmless (the default for PATCH).
UPDATE: Operation[None] = Operation(
    "SimByIdPatch", "PATCH", "/api/v1/sim/{sim_id}", Returns.NOTHING, body=SimUpdate
)
DELETE: Operation[None] = Operation(
    "SimByIdDelete", "DELETE", "/api/v1/sim/{sim_id}", Returns.NOTHING
)
EVENTS = Operation(
    "SimEventPagePerPageSortBySimIdAndQGet",
    "GET",
    "/api/v1/sim/{sim_id}/event",
    Returns.PAGE,
    Event,
    query={"q": FILTER, "sort": SORT},
    max_per_page=EVENT_MAX_PER_PAGE,
)
STATS = Operation("SimStatsByIdGet", "GET", "/api/v1/sim/{sim_id}/stats", Returns.OBJECT, SimStats)
DAILY_STATS = Operation(
    "SIMStatisticsDailyByIdGet",
    "GET",
    "/api/v1/sim/{sim_id}/stats/daily",
    Returns.ARRAY,
    DailyStats,
    query={"start_date": DATE, "end_date": DATE},
    query_check=date_range,
)
STATUSES = Operation("SimStatusGet", "GET", "/api/v1/sim/status", Returns.ARRAY, Status)
# The code installs the eSIM's profile: a secret, never kept in errors. The SDK asks for the
# JSON form (its Accept header), not the default SVG image.
INSTALLATION_CODE = Operation(
    "GetEsimInstallationCode",
    "GET",
    "/api/v1/sim/{sim_id}/installation_code",
    Returns.OBJECT,
    EsimInstallationCode,
    sensitive=True,
)
