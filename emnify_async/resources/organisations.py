"""Organisations: details, statistics, inclusive volumes and tariff (`client.organisations`)."""

from __future__ import annotations

import datetime
from typing import Any

from .._operation import Operation, Returns
from .._query import (
    check_bool,
    check_date_range,
    check_id,
    check_month_range,
    check_number,
    check_org,
    ref_id,
)
from .._types import NOT_GIVEN, DateLike, IdLike, NotGiven, OrgLike
from ..models import (
    DailyStats,
    HourlyTraffic,
    InclusiveVolume,
    InclusiveVolumeAssignment,
    Organisation,
    OrganisationStats,
    Status,
)
from ._base import AsyncResource

__all__ = ["AsyncOrganisations"]

_ORG = "/api/v1/organisation"
_MY = Operation("GET", f"{_ORG}/my", Returns.OBJECT)
_STATUSES = Operation("GET", f"{_ORG}/status", Returns.ARRAY)
_MONTHLY_STATS = Operation("GET", f"{_ORG}/{{org}}/stats", Returns.OBJECT)
_DAILY_STATS = Operation("GET", f"{_ORG}/{{org}}/stats/daily", Returns.ARRAY)
_HOURLY_STATS = Operation("GET", f"{_ORG}/{{org}}/stats/hourly", Returns.OBJECT)
_CURRENT_MONTH_DAILY_STATS = Operation("GET", "/api/v1/stats/daily", Returns.ARRAY)
_ACTIVE_INCLUSIVE_VOLUMES = Operation(
    "GET", f"{_ORG}/{{org}}/inclusive_volume/active", Returns.ARRAY
)
# Documented as `201` with the assignment; repeating it assigns the same volume again.
_ASSIGN_INCLUSIVE_VOLUME = Operation(
    "PUT",
    f"{_ORG}/{{org}}/inclusive_volume/{{inclusive_volume_id}}",
    Returns.OBJECT,
    success=frozenset({201}),
)
_CREATE_INCLUSIVE_VOLUME = Operation(
    "POST", f"{_ORG}/{{org_id}}/inclusive_volume", Returns.CREATED_ID
)
# Documented as `200` with no body.
_UPDATE_TARIFF = Operation(
    "PATCH", f"{_ORG}/{{org_id}}/tariff", Returns.NOTHING, success=frozenset({200, 204})
)


def _timestamp(day: datetime.date) -> str:
    # The assign operation documents its dates as date-times; the server strips the time.
    return f"{day.isoformat()}T00:00:00.000Z"


def _period(
    start_date: DateLike | NotGiven, end_date: DateLike | NotGiven | None
) -> tuple[datetime.date | None, datetime.date | None]:
    return check_month_range(
        None if isinstance(start_date, NotGiven) else start_date,
        None if isinstance(end_date, NotGiven) else end_date,
    )


class AsyncOrganisations(AsyncResource):
    """The organisation API."""

    async def my(self) -> Organisation:
        """The details of your own organisation (GET /api/v1/organisation/my)."""
        return await self._model(_MY, Organisation)

    async def statuses(self) -> list[Status]:
        """The organisation statuses the API knows (GET /api/v1/organisation/status)."""
        return await self._models(_STATUSES, Status)

    async def monthly_stats(self, org: OrgLike = "my") -> OrganisationStats:
        """This and last month's traffic and costs, and SIM counts (GET .../{org}/stats).

        Traffic totals include the child organisations; the counters cover `org` only.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        return await self._model(_MONTHLY_STATS, OrganisationStats, {"org": check_org(org)})

    async def daily_stats(
        self,
        org: OrgLike = "my",
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> list[DailyStats]:
        """Traffic and costs per day, the children included (GET .../{org}/stats/daily).

        The last row is usually the total of the range: `is_total=True`, `date=None`.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: `org` or a date is malformed, or the end is before the start.
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        path_params = {"org": check_org(org)}
        params = check_date_range(start_date, end_date)
        return await self._models(_DAILY_STATS, DailyStats, path_params, params=params)

    async def hourly_stats(
        self,
        org: OrgLike = "my",
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> HourlyTraffic:
        """Traffic per hour, the children included (GET .../{org}/stats/hourly).

        Each series is a list of `HourlyPoint(time="HH:mm", value=...)`.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).
            start_date: First day; default: three hours ago.
            end_date: Last day; default: an hour from now.

        Raises:
            InputError: `org` or a date is malformed, or the end is before the start.
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        path_params = {"org": check_org(org)}
        params = check_date_range(start_date, end_date)
        return await self._model(_HOURLY_STATS, HourlyTraffic, path_params, params=params)

    async def current_month_daily_stats(self) -> list[DailyStats]:
        """Your organisation's usage and costs per day this month (GET /api/v1/stats/daily).

        Data costs are left out for enterprise organisations with an inclusive volume.
        """
        return await self._models(_CURRENT_MONTH_DAILY_STATS, DailyStats)

    async def active_inclusive_volumes(self, org: OrgLike = "my") -> list[InclusiveVolume]:
        """The inclusive volumes active this month (GET .../{org}/inclusive_volume/active).

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            NotFoundError: The organisation is unknown or not accessible.
        """
        return await self._models(
            _ACTIVE_INCLUSIVE_VOLUMES, InclusiveVolume, {"org": check_org(org)}
        )

    async def assign_inclusive_volume(
        self,
        inclusive_volume_id: int,
        org: OrgLike = "my",
        *,
        start_date: DateLike | NotGiven = NOT_GIVEN,
        end_date: DateLike | NotGiven | None = NOT_GIVEN,
        pooled: bool | NotGiven = NOT_GIVEN,
    ) -> InclusiveVolumeAssignment:
        """Assign a ratezone's inclusive volume (PUT .../{org}/inclusive_volume/{id}).

        Only the fields passed are sent; the API's defaults are the current month as start,
        no end (it runs until an end is set) and pooled. Only volumes of ratezones of the
        organisation's tariffs can be assigned, for the current or a future month; an
        enterprise organisation with an active volume may only upgrade it.

        Args:
            inclusive_volume_id: The ratezone inclusive volume, as listed by the tariff's
                ratezone.
            org: An organisation id (yours or a direct child's) or `"my"` (the default).
            start_date: First day of the first billing month (the 1st of a month).
            end_date: Last day of the last billing month; `None` runs indefinitely.
            pooled: Share the volume across devices (`True`) or count it per device.

        Returns:
            The new assignment, with its id and billing period.

        Raises:
            InputError: An id or date is malformed, a date is off its month boundary, or the
                end is before the start (nothing is sent).
            NotFoundError: The organisation is not accessible.
            UnprocessableEntityError: The volume is not allowed for this organisation.
        """
        path_params = {
            "org": check_org(org),
            "inclusive_volume_id": check_id(inclusive_volume_id, "inclusive_volume_id"),
        }
        start, end = _period(start_date, end_date)
        body: dict[str, Any] = {}
        if start is not None:
            body["start_date"] = _timestamp(start)
        if not isinstance(end_date, NotGiven):
            body["end_date"] = None if end is None else _timestamp(end)
        if not isinstance(pooled, NotGiven):
            body["pooled"] = check_bool(pooled, "pooled")
        return await self._model(
            _ASSIGN_INCLUSIVE_VOLUME, InclusiveVolumeAssignment, path_params, json=body or None
        )

    async def create_inclusive_volume(
        self,
        org_id: int,
        *,
        currency: IdLike,
        rate: float,
        volume: float,
        ratezone: IdLike,
        pooled: bool | NotGiven = NOT_GIVEN,
        start_date: DateLike | NotGiven = NOT_GIVEN,
        end_date: DateLike | NotGiven | None = NOT_GIVEN,
        excess_traffic: float | NotGiven = NOT_GIVEN,
        multi: bool | NotGiven = NOT_GIVEN,
    ) -> int:
        """Give a child organisation an inclusive volume (POST .../{org_id}/inclusive_volume).

        For direct child organisations only, not in self-service. Unless `multi=True`, the
        organisation's active and future inclusive volumes in the same ratezone expire.

        Args:
            org_id: The child organisation.
            currency: The currency (id or model); must be the organisation's.
            rate: Monthly price of the volume, positive.
            volume: Monthly volume in MB per device (or pooled), positive.
            ratezone: The ratezone (id or model) the volume applies to.
            pooled: Share the volume across devices.
            start_date: First day of the first billing month; default: this month.
            end_date: Last day of the last billing month; `None` runs indefinitely.
            excess_traffic: Rate per MB once the volume is used up (creates a custom rate).
            multi: Allow several inclusive volumes in the same ratezone.

        Returns:
            The id of the new inclusive volume (from the `Location` header).

        Raises:
            InputError: An id, number or date is invalid (nothing is sent).
            NotFoundError: The organisation is not a direct child.
            UnprocessableEntityError: The API refused a value (currency, ratezone, dates).
        """
        path_params = {"org_id": check_id(org_id, "org_id")}
        body: dict[str, Any] = {
            "currency": {"id": ref_id(currency, "currency")},
            "rate": check_number(rate, "rate", positive=True),
            "volume": check_number(volume, "volume", positive=True),
            "ratezone": {"id": ref_id(ratezone, "ratezone")},
        }
        start, end = _period(start_date, end_date)
        if not isinstance(pooled, NotGiven):
            body["pooled"] = check_bool(pooled, "pooled")
        if start is not None:
            body["start_date"] = start.isoformat()
        if not isinstance(end_date, NotGiven):
            body["end_date"] = None if end is None else end.isoformat()
        if not isinstance(excess_traffic, NotGiven):
            body["excess_traffic"] = check_number(excess_traffic, "excess_traffic", positive=False)
        if not isinstance(multi, NotGiven):
            body["multi"] = check_bool(multi, "multi")
        return await self._create(_CREATE_INCLUSIVE_VOLUME, body, path_params)

    async def update_tariff(self, org_id: int, tariff_id: IdLike) -> None:
        """Change the tariff of your organisation or a child (PATCH .../{org_id}/tariff).

        The organisation must be enabled and have at most one tariff; in self-service it must
        be in evaluation. The new tariff must be active, visible to it and in its currency.
        The API then moves every tariff profile to the new tariff, activates its ratezones,
        expires the active inclusive volumes and custom rates and deletes future ones.

        Args:
            org_id: The organisation.
            tariff_id: The new tariff, as an id or a `Tariff`.

        Raises:
            InputError: An id is not a positive integer (nothing is sent).
            NotFoundError: The organisation is not yours or a direct child.
            UnprocessableEntityError: One of the rules above is broken.
        """
        path_params = {"org_id": check_id(org_id, "org_id")}
        body = {"id": ref_id(tariff_id, "tariff_id")}
        await self._send(_UPDATE_TARIFF, path_params, json=body)
