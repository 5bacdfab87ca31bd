"""Organisations: details, statistics, inclusive volumes, tariff and tariff plans
(`client.organisations`).

Every call about one organisation takes it as its first argument, `org`: an id, a model with
an `id`, or `"my"` (the default where the API accepts it).
"""

from __future__ import annotations

from .._ops import organisations as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, DateLike, IdLike, NotGiven, OrgLike
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
from ._base import AsyncResource
from ._legacy import (
    ASSIGN_INCLUSIVE_VOLUME,
    CREATE_INCLUSIVE_VOLUME,
    UPDATE_TARIFF,
    legacy_arguments,
)

__all__ = ["AsyncOrganisations"]


class AsyncOrganisations(AsyncResource):
    """The organisation API."""

    async def my(self) -> Organisation:
        """The details of your own organisation.

        `GET /api/v1/organisation/my` (operationId `MyOrganisationGet`).
        """
        return await self._one(ops.MY)

    def statuses(self, *, refresh: bool = False) -> AsyncPager[Status]:
        """The organisation statuses the API knows.

        `GET /api/v1/organisation/status` (operationId `OrganisationStatusGet`).

        `await` it for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return self._cached_many(ops.STATUSES, refresh)

    async def monthly_stats(self, org: OrgLike = "my") -> OrganisationStats:
        """This and last month's traffic and costs, and SIM counts.

        `GET /api/v1/organisation/{org_id_or_my}/stats` (operationId `GetOrganisationMonthlyStats`).

        Traffic totals include the child organisations; the counters cover `org` only.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        return await self._one(ops.MONTHLY_STATS, org_id_or_my=org)

    def daily_stats(
        self,
        org: OrgLike = "my",
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> AsyncPager[DailyStats]:
        """Traffic and costs per day, the children included.

        `GET /api/v1/organisation/{org_id_or_my}/stats/daily`
        (operationId `GetOrganisationDailyStats`).

        `await` it for the list of days. The last row is usually the total of the range:
        `is_total=True`, `date=None`.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: `org` or a date is malformed, or the end is before the start.
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        return self._many(
            ops.DAILY_STATS, org_id_or_my=org, start_date=start_date, end_date=end_date
        )

    async def hourly_stats(
        self,
        org: OrgLike = "my",
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> HourlyTraffic:
        """Traffic per hour, the children included.

        `GET /api/v1/organisation/{org_id_or_my}/stats/hourly`
        (operationId `GetOrganisationHourlyStats`).

        Each series is a list of `HourlyPoint(time="HH:mm", value=...)`.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).
            start_date: First day; default: three hours ago.
            end_date: Last day; default: an hour from now.

        Raises:
            InputError: `org` or a date is malformed, or the end is before the start.
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        return await self._one(
            ops.HOURLY_STATS, org_id_or_my=org, start_date=start_date, end_date=end_date
        )

    def current_month_daily_stats(self) -> AsyncPager[DailyStats]:
        """Your organisation's usage and costs per day this month.

        `GET /api/v1/stats/daily` (operationId `StatisticsDailyByIdGet`).

        `await` it for the list of days.

        Data costs are left out for enterprise organisations with an inclusive volume.
        """
        return self._many(ops.CURRENT_MONTH_DAILY_STATS)

    def active_inclusive_volumes(self, org: OrgLike = "my") -> AsyncPager[InclusiveVolume]:
        """The inclusive volumes active this month.

        `GET /api/v1/organisation/{org_id_or_my}/inclusive_volume/active`
        (operationId `GetActiveOrganisationInclusiveVolume`).

        `await` it for the list.

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            NotFoundError: The organisation is unknown or not accessible.
        """
        return self._many(ops.ACTIVE_INCLUSIVE_VOLUMES, org_id_or_my=org)

    @legacy_arguments(ASSIGN_INCLUSIVE_VOLUME)
    async def assign_inclusive_volume(
        self,
        org: OrgLike = "my",
        *,
        inclusive_volume_id: int,
        start_date: DateLike | NotGiven = NOT_GIVEN,
        end_date: DateLike | NotGiven | None = NOT_GIVEN,
        pooled: bool | NotGiven = NOT_GIVEN,
    ) -> InclusiveVolumeAssignment:
        """Assign a ratezone's inclusive volume.

        `PUT /api/v1/organisation/{org_id_or_my}/inclusive_volume/{inclusive_volume_id}`
        (operationId `AssignRatezoneInclusiveVolume`).

        Only the fields passed are sent; the API's defaults are the current month as start,
        no end (it runs until an end is set) and pooled. Only volumes of ratezones of the
        organisation's tariffs can be assigned, for the current or a future month; an
        enterprise organisation with an active volume may only upgrade it.

        The old form `assign_inclusive_volume(inclusive_volume_id, org)` still works, with a
        DeprecationWarning, until the next release.

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).
            inclusive_volume_id: The ratezone inclusive volume, as listed by the tariff's
                ratezone.
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
        return await self._one(
            ops.ASSIGN_INCLUSIVE_VOLUME,
            org_id_or_my=org,
            inclusive_volume_id=inclusive_volume_id,
            start_date=start_date,
            end_date=end_date,
            pooled=pooled,
        )

    @legacy_arguments(CREATE_INCLUSIVE_VOLUME)
    async def create_inclusive_volume(
        self,
        org: IdLike,
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
        """Give a child organisation an inclusive volume.

        `POST /api/v1/organisation/{org_id}/inclusive_volume`
        (operationId `CreateOrganisationInclusiveVolume`).

        For direct child organisations only, not in self-service. Unless `multi=True`, the
        organisation's active and future inclusive volumes in the same ratezone expire.

        Args:
            org: The child organisation, as an id or a model (`org_id=` is deprecated).
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
        return await self._created(
            ops.CREATE_INCLUSIVE_VOLUME,
            org_id=org,
            currency=currency,
            rate=rate,
            volume=volume,
            ratezone=ratezone,
            pooled=pooled,
            start_date=start_date,
            end_date=end_date,
            excess_traffic=excess_traffic,
            multi=multi,
        )

    @legacy_arguments(UPDATE_TARIFF)
    async def update_tariff(self, org: IdLike, tariff: IdLike) -> None:
        """Change the tariff of your organisation or a child.

        `PATCH /api/v1/organisation/{org_id}/tariff` (operationId `UpdateOrganisationTariff`).

        The organisation must be enabled and have at most one tariff; in self-service it must
        be in evaluation. The new tariff must be active, visible to it and in its currency.
        The API then moves every tariff profile to the new tariff, activates its ratezones,
        expires the active inclusive volumes and custom rates and deletes future ones.

        Args:
            org: The organisation, as an id or a model (`org_id=` is deprecated).
            tariff: The new tariff, as an id or a `Tariff` (`tariff_id=` is deprecated).

        Raises:
            InputError: An id is not a positive integer (nothing is sent).
            NotFoundError: The organisation is not yours or a direct child.
            UnprocessableEntityError: One of the rules above is broken.
        """
        await self._nothing(ops.UPDATE_TARIFF, org_id=org, id=tariff)

    def tariff_plans(self, org: OrgLike = "my") -> AsyncPager[TariffPlanAssignment]:
        """The organisation's tariff plans, past and present.

        `GET /api/v1/organisation/{org_id}/tariff_plan`
        (operationId `OrganisationTariffPlanByOrgIdGet`).

        Each item is one plan for a period;
        the one running now has `active=True`. `await` it for the list.

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            NotFoundError: The organisation is unknown or not accessible.
        """
        return self._many(ops.TARIFF_PLANS, org_id=org)

    async def active_tariff_plan(self, org: OrgLike = "my") -> TariffPlanAssignment:
        """The tariff plan running now, priced for this month.

        `GET /api/v1/organisation/{org_id_or_my}/tariff_plan/active`
        (operationId `GetOrganisationActiveTariffPlan`).

        `applied_price` lists what this
        month's `sim_activated_amount` activated SIMs cost (each line's rate times its
        volume); `applied_rate` is the monthly base fee. Your own organisation's is also
        `my_active_tariff_plan()`.

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            NotFoundError: The organisation is not accessible, or has no active plan.
        """
        return await self._one(ops.ACTIVE_TARIFF_PLAN, org_id_or_my=org)

    async def my_active_tariff_plan(self) -> TariffPlanAssignment:
        """Your organisation's tariff plan running now (GET /api/v1/tariff_plan/active).

        operationId: get-active-tariff-plan (newer docs). The same answer as
        `active_tariff_plan("my")`: `applied_price` is computed from this month's activated
        SIMs.

        Raises:
            NotFoundError: Your organisation has no active tariff plan.
        """
        return await self._one(ops.MY_ACTIVE_TARIFF_PLAN)
