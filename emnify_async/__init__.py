"""emnify_async: the asyncio core of the emnify IoT connectivity SDK.

from emnify_async import AsyncEmnify

async with AsyncEmnify() as client:          # EMNIFY_APPLICATION_TOKEN from the environment
    async for sim in client.sims.list(q={"status": SimStatusId.ACTIVATED}):
        print(sim.iccid)
"""

from ._bulk import BulkItem, BulkResult, OnResult, Progress
from ._client import AsyncEmnify
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    EmnifyError,
    ErrorDetail,
    InputError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._pagination import AsyncPager, Page
from ._ratelimit import DOCUMENTED_LIMITS, PathLimit, RateLimits
from ._retry import RetryPolicy
from ._types import NOT_GIVEN, DateLike, HasId, IdLike, NotGiven, QueryValue, StatusLike
from ._version import __version__
from .models import (
    Country,
    Currency,
    DailyStats,
    DailyUsage,
    Event,
    EventEndpoint,
    EventImsi,
    EventSim,
    EventSource,
    EventUser,
    FormFactor,
    HourlyPoint,
    HourlySeries,
    HourlyTraffic,
    Manufacturer,
    MonthlyTraffic,
    OrganisationSummary,
    Sim,
    SimBatch,
    SimEndpoint,
    SimModel,
    SimStats,
    SimStatusId,
    Status,
    TrafficStats,
    TrafficType,
)
from .resources import AsyncSimBatches, AsyncSims

__all__ = [
    "DOCUMENTED_LIMITS",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncEmnify",
    "AsyncPager",
    "AsyncSimBatches",
    "AsyncSims",
    "AuthenticationError",
    "BadRequestError",
    "BulkItem",
    "BulkResult",
    "ClientClosedError",
    "ConflictError",
    "Country",
    "Currency",
    "DailyStats",
    "DailyUsage",
    "DateLike",
    "EmnifyError",
    "ErrorDetail",
    "Event",
    "EventEndpoint",
    "EventImsi",
    "EventSim",
    "EventSource",
    "EventUser",
    "FormFactor",
    "HasId",
    "HourlyPoint",
    "HourlySeries",
    "HourlyTraffic",
    "IdLike",
    "InputError",
    "InternalServerError",
    "Manufacturer",
    "MissingCredentialsError",
    "MonthlyTraffic",
    "NotFoundError",
    "NotGiven",
    "OnResult",
    "OrganisationSummary",
    "Page",
    "PathLimit",
    "PermissionDeniedError",
    "Progress",
    "QueryValue",
    "RateLimitError",
    "RateLimits",
    "RetryPolicy",
    "Sim",
    "SimBatch",
    "SimEndpoint",
    "SimModel",
    "SimStats",
    "SimStatusId",
    "Status",
    "StatusLike",
    "TrafficStats",
    "TrafficType",
    "UnprocessableEntityError",
    "__version__",
]

# Show public names as `emnify_async.X` in tracebacks and reprs.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("emnify_async."):
        _obj.__module__ = "emnify_async"
del _name, _obj
