"""Organisations: `/api/v1/organisation`, their statistics and inclusive volumes."""

from __future__ import annotations

import calendar
import datetime

import attrs

from .._body import Midnight, Ref, date, flag, number, reference, reference_id, timestamp_date
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import (
    DailyStats,
    HourlyTraffic,
    InclusiveVolume,
    InclusiveVolumeAssignment,
    Organisation,
    OrganisationStats,
    Status,
    TariffPlanAssignment,
)
from ._params import DATE, ORG, ORG_ID, date_range

__all__ = [
    "ACTIVE_INCLUSIVE_VOLUMES",
    "ACTIVE_TARIFF_PLAN",
    "ASSIGN_INCLUSIVE_VOLUME",
    "CREATE_INCLUSIVE_VOLUME",
    "CURRENT_MONTH_DAILY_STATS",
    "DAILY_STATS",
    "HOURLY_STATS",
    "MONTHLY_STATS",
    "MY",
    "MY_ACTIVE_TARIFF_PLAN",
    "STATUSES",
    "TARIFF_PLANS",
    "UPDATE_TARIFF",
    "InclusiveVolumeCreate",
    "InclusiveVolumePeriod",
    "TariffChange",
]

_ORG = "/api/v1/organisation"


def _check_period(
    start: datetime.date | Midnight | NotGiven | None,
    end: datetime.date | Midnight | NotGiven | None,
) -> None:
    """A billing period is whole months: from a month's first day to a month's last."""
    first = start.day if isinstance(start, Midnight) else start
    last = end.day if isinstance(end, Midnight) else end
    if isinstance(first, datetime.date) and first.day != 1:
        raise InputError(f"start_date must be the first day of a month, got {first}")
    if (
        isinstance(last, datetime.date)
        and last.day != calendar.monthrange(last.year, last.month)[1]
    ):
        raise InputError(f"end_date must be the last day of a month, got {last}")
    if isinstance(first, datetime.date) and isinstance(last, datetime.date) and last < first:
        raise InputError(f"end_date {last} is before start_date {first}")


@attrs.frozen(kw_only=True)
class InclusiveVolumePeriod:
    """The body of PUT .../inclusive_volume/{id}: the period and pooling, each optional."""

    start_date: Midnight | NotGiven = timestamp_date()
    end_date: Midnight | NotGiven | None = timestamp_date(nullable=True)
    pooled: bool | NotGiven = flag()

    def __attrs_post_init__(self) -> None:
        _check_period(self.start_date, self.end_date)


@attrs.frozen(kw_only=True)
class InclusiveVolumeCreate:
    """The body of POST .../{org_id}/inclusive_volume."""

    currency: Ref | NotGiven = reference()
    rate: float | NotGiven = number(positive=True)
    volume: float | NotGiven = number(positive=True)
    ratezone: Ref | NotGiven = reference()
    pooled: bool | NotGiven = flag()
    start_date: datetime.date | NotGiven = date()
    end_date: datetime.date | NotGiven | None = date(nullable=True)
    excess_traffic: float | NotGiven = number(positive=False)
    multi: bool | NotGiven = flag()

    def __attrs_post_init__(self) -> None:
        _check_period(self.start_date, self.end_date)


@attrs.frozen(kw_only=True)
class TariffChange:
    """The body of PATCH .../{org_id}/tariff: the new tariff."""

    id: int | NotGiven = reference_id(shown_as="tariff")


MY = Operation("MyOrganisationGet", "GET", f"{_ORG}/my", Returns.OBJECT, Organisation)
STATUSES = Operation("OrganisationStatusGet", "GET", f"{_ORG}/status", Returns.ARRAY, Status)
MONTHLY_STATS = Operation(
    "GetOrganisationMonthlyStats",
    "GET",
    f"{_ORG}/{{org_id_or_my}}/stats",
    Returns.OBJECT,
    OrganisationStats,
    path_params={"org_id_or_my": ORG},
)
DAILY_STATS = Operation(
    "GetOrganisationDailyStats",
    "GET",
    f"{_ORG}/{{org_id_or_my}}/stats/daily",
    Returns.ARRAY,
    DailyStats,
    path_params={"org_id_or_my": ORG},
    query={"start_date": DATE, "end_date": DATE},
    query_check=date_range,
)
HOURLY_STATS = Operation(
    "GetOrganisationHourlyStats",
    "GET",
    f"{_ORG}/{{org_id_or_my}}/stats/hourly",
    Returns.OBJECT,
    HourlyTraffic,
    path_params={"org_id_or_my": ORG},
    query={"start_date": DATE, "end_date": DATE},
    query_check=date_range,
)
CURRENT_MONTH_DAILY_STATS = Operation(
    "StatisticsDailyByIdGet", "GET", "/api/v1/stats/daily", Returns.ARRAY, DailyStats
)
ACTIVE_INCLUSIVE_VOLUMES = Operation(
    "GetActiveOrganisationInclusiveVolume",
    "GET",
    f"{_ORG}/{{org_id_or_my}}/inclusive_volume/active",
    Returns.ARRAY,
    InclusiveVolume,
    path_params={"org_id_or_my": ORG},
)
# Documented as `201` with the assignment; repeating it assigns the same volume again.
ASSIGN_INCLUSIVE_VOLUME = Operation(
    "AssignRatezoneInclusiveVolume",
    "PUT",
    f"{_ORG}/{{org_id_or_my}}/inclusive_volume/{{inclusive_volume_id}}",
    Returns.OBJECT,
    InclusiveVolumeAssignment,
    path_params={"org_id_or_my": ORG},
    body=InclusiveVolumePeriod,
    success=frozenset({201}),
)
# Documented only on docs.emnify.com (the MNO and reseller API), not in the official spec.
CREATE_INCLUSIVE_VOLUME: Operation[None] = Operation(
    "CreateOrganisationInclusiveVolume",
    "POST",
    f"{_ORG}/{{org_id}}/inclusive_volume",
    Returns.CREATED_ID,
    path_params={"org_id": ORG_ID},
    body=InclusiveVolumeCreate,
)
# Documented as `200` with no body.
UPDATE_TARIFF: Operation[None] = Operation(
    "UpdateOrganisationTariff",
    "PATCH",
    f"{_ORG}/{{org_id}}/tariff",
    Returns.NOTHING,
    path_params={"org_id": ORG_ID},
    body=TariffChange,
    success=frozenset({200, 204}),
)
# The spec types `{org_id}` as a number, but its description documents `my` too.
TARIFF_PLANS = Operation(
    "OrganisationTariffPlanByOrgIdGet",
    "GET",
    f"{_ORG}/{{org_id}}/tariff_plan",
    Returns.ARRAY,
    TariffPlanAssignment,
    path_params={"org_id": ORG},
)
ACTIVE_TARIFF_PLAN = Operation(
    "GetOrganisationActiveTariffPlan",
    "GET",
    f"{_ORG}/{{org_id_or_my}}/tariff_plan/active",
    Returns.OBJECT,
    TariffPlanAssignment,
    path_params={"org_id_or_my": ORG},
)
# The caller's own organisation's, like ACTIVE_TARIFF_PLAN with "my".
MY_ACTIVE_TARIFF_PLAN = Operation(
    "get-active-tariff-plan",
    "GET",
    "/api/v1/tariff_plan/active",
    Returns.OBJECT,
    TariffPlanAssignment,
    source="newer-docs",
)
