"""Endpoints (devices): details, SMS, connectivity, quotas, blacklists (`client.endpoints`)."""

from __future__ import annotations

import builtins
import datetime
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from .._body import Ref
from .._bulk import BulkItem, BulkResult, OnResult, Progress, read_back, unique_ids
from .._constants import ENDPOINT_MAX_PER_PAGE, EVENT_MAX_PER_PAGE
from .._converter import ShapeError, structure_list
from .._exceptions import APIError, APIResponseValidationError, InputError, NotFoundError
from .._json import dumps
from .._ops import endpoints as ops
from .._ops.endpoints import EndpointChange, NewEndpoint, SimAssignment
from .._pagination import AsyncPager
from .._query import check_bool, check_lookup_id
from .._transport import Response
from .._types import NOT_GIVEN, DateLike, IdLike, NotGiven, QueryValue, StatusLike
from ..models import (
    Balance,
    Connectivity,
    ConnectivityInfo,
    DailyStats,
    Endpoint,
    EndpointStats,
    EndpointStatusId,
    Event,
    Operator,
    Quota,
    Sms,
    Status,
    TrafficLimitExtension,
)
from ._base import AsyncResource
from .tags import AsyncEndpointTags

__all__ = ["AsyncEndpoints"]

_USSD_LIMITS = {"default": 164, "ucs2": 72}


def _session_id(response: Response) -> str:
    value = response.data.get("session-id")
    if not isinstance(value, str) or not value:
        raise ShapeError("UssdSession", "session-id", value, "expected the session id")
    return value


class AsyncEndpoints(AsyncResource):
    """The endpoint (device) API."""

    @functools.cached_property
    def tags(self) -> AsyncEndpointTags:
        """The endpoints' tags (v2): list, assign, unassign, for one endpoint or many."""
        return AsyncEndpointTags(self._transport, self._options, page_prefetch=self._page_prefetch)

    # -- the endpoint itself ----------------------------------------------------------------

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = ENDPOINT_MAX_PER_PAGE,
    ) -> AsyncPager[Endpoint]:
        """List endpoints, across all pages (GET /api/v1/endpoint; GetEndpoints).

        Args:
            q: Filters, e.g. `{"status": EndpointStatusId.ENABLED, "tags": "meter"}`.
            sort: Sort keys, e.g. `"-last_updated"`; `-` is descending.
            per_page: Page size, 1 to 1000 (the maximum, and the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return self._many(ops.LIST, q=q, sort=sort, per_page=per_page)

    async def get(self, endpoint_id: int) -> Endpoint:
        """Get one endpoint (GET /api/v1/endpoint/{endpoint_id}; EndpointByIdGet).

        Raises:
            NotFoundError: No such endpoint in this organisation.
        """
        return await self._one(ops.GET, endpoint_id=endpoint_id)

    async def create(
        self,
        *,
        name: str,
        status: StatusLike,
        service_profile: IdLike,
        tariff_profile: IdLike,
        sim: IdLike | NotGiven = NOT_GIVEN,
        tags: str | NotGiven = NOT_GIVEN,
        imei: str | NotGiven = NOT_GIVEN,
        imei_lock: bool | NotGiven = NOT_GIVEN,
        ip_address: str | NotGiven = NOT_GIVEN,
        ip_address_space: IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create an endpoint (POST /api/v1/endpoint; CreateEndpoint).

        References (status, profiles, SIM, IP address space) are ids or models with an `id`,
        sent as `{"id": n}`; only the fields passed are sent.

        Args:
            name: The endpoint's name.
            status: `EndpointStatusId.ENABLED` or `DISABLED`.
            service_profile: Which services and limits apply.
            tariff_profile: Which tariff and ratezones apply.
            sim: A SIM to assign (it must not be assigned elsewhere).
            tags: Comma-separated tags.
            imei: The device's IMEI, 15 or 16 digits.
            imei_lock: Work only with that IMEI.
            ip_address: A fixed IPv4 or IPv6 address (else one is assigned).
            ip_address_space: The IP address space to assign from.

        Returns:
            The new endpoint's id (from the `Location` header).

        Raises:
            InputError: A value is invalid (nothing is sent).
            NotFoundError: `1601 Unavailable`: no IP address is left in the space.
            ConflictError: The IP address is taken.
            UnprocessableEntityError: A reference is unknown (see `errors`).
        """
        return await self._created(
            ops.CREATE,
            name=name,
            status=status,
            service_profile=service_profile,
            tariff_profile=tariff_profile,
            sim=sim,
            tags=tags,
            imei=imei,
            imei_lock=imei_lock,
            ip_address=ip_address,
            ip_address_space=ip_address_space,
        )

    async def update(
        self,
        endpoint_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        status: StatusLike | NotGiven = NOT_GIVEN,
        service_profile: IdLike | NotGiven = NOT_GIVEN,
        tariff_profile: IdLike | NotGiven = NOT_GIVEN,
        sim: IdLike | NotGiven | None = NOT_GIVEN,
        tags: str | NotGiven | None = NOT_GIVEN,
        imei: str | NotGiven = NOT_GIVEN,
        imei_lock: bool | NotGiven = NOT_GIVEN,
        ip_address: str | NotGiven = NOT_GIVEN,
        ip_address_space: IdLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change an endpoint (PATCH /api/v1/endpoint/{endpoint_id}; EndpointByIdPatch).

        Only the fields passed are sent. `sim=None` releases the SIM (`{"sim": {"id": null}}`);
        `tags=None` empties the tags. See `create()` for the fields.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such endpoint in this organisation.
            UnprocessableEntityError: A reference is unknown (see `errors`).
        """
        await self._nothing(
            ops.UPDATE,
            endpoint_id=endpoint_id,
            name=name,
            status=status,
            service_profile=service_profile,
            tariff_profile=tariff_profile,
            sim=sim,
            tags=tags,
            imei=imei,
            imei_lock=imei_lock,
            ip_address=ip_address,
            ip_address_space=ip_address_space,
        )

    async def delete(self, endpoint_id: int) -> None:
        """Delete an endpoint (DELETE /api/v1/endpoint/{endpoint_id}; EndpointByIdDelete).

        An endpoint with a SIM cannot be deleted: `release_sim()` first (emnify-sdk's
        `delete_device` does that for you; this call does not change the SIM behind your back).

        Raises:
            NotFoundError: No such endpoint in this organisation.
            ConflictError: `1406 NotAllowed`: a SIM is still assigned.
        """
        await self._nothing(ops.DELETE, endpoint_id=endpoint_id)

    def statuses(self, *, refresh: bool = False) -> AsyncPager[Status]:
        """The endpoint statuses the API knows (GET /api/v1/endpoint/status; EndpointStatusGet).

        `await` it for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return self._cached_many(ops.STATUSES, refresh)

    async def enable(self, endpoint_id: int) -> None:
        """Enable an endpoint: its SIM may connect (if the SIM is activated too)."""
        await self.update(endpoint_id, status=EndpointStatusId.ENABLED)

    async def disable(self, endpoint_id: int) -> None:
        """Disable an endpoint: it may not connect, whatever its SIM's status."""
        await self.update(endpoint_id, status=EndpointStatusId.DISABLED)

    async def assign_sim(self, endpoint_id: int, sim_id: IdLike) -> None:
        """Assign a SIM to an endpoint (PATCH .../{endpoint_id} with `{"sim": {"id": n}}`).

        Raises:
            ConflictError or UnprocessableEntityError: The SIM is assigned elsewhere.
        """
        await self.update(endpoint_id, sim=sim_id)

    async def release_sim(self, endpoint_id: int) -> None:
        """Release the endpoint's SIM (PATCH .../{endpoint_id} with `{"sim": {"id": null}}`).

        Unlike emnify-sdk's `release_sim`, this neither suspends the SIM nor disables the
        endpoint: call `client.sims.suspend()` or `disable()` for that.
        """
        await self.update(endpoint_id, sim=None)

    # -- bulk changes -----------------------------------------------------------------------

    async def bulk_update(
        self,
        endpoint_ids: Iterable[int],
        *,
        status: StatusLike | NotGiven = NOT_GIVEN,
        service_profile: IdLike | NotGiven = NOT_GIVEN,
        tariff_profile: IdLike | NotGiven = NOT_GIVEN,
        tags: str | NotGiven | None = NOT_GIVEN,
        imei_lock: bool | NotGiven = NOT_GIVEN,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Apply the same update to many endpoints, reporting the outcome of every one.

        As `client.sims.bulk_update()`: every id is validated first and changed once, at most
        `concurrency` at a time, paced and retried; a failure never stops the others; and every
        outcome is true: a failed change is read back, and counts as done if the endpoint has
        the wanted values, `"unknown"` if reading back failed too.

        Returns:
            One `BulkItem` per distinct id, in input order.

        Raises:
            InputError: An id or field is invalid (nothing is sent).
        """
        body = ops.UPDATE.make_body(
            status=status,
            service_profile=service_profile,
            tariff_profile=tariff_profile,
            tags=tags,
            imei_lock=imei_lock,
        )
        return await self._bulk_update(
            ops.UPDATE,
            ops.GET,
            endpoint_ids,
            body,
            concurrency=concurrency,
            progress=progress,
            on_result=on_result,
        )

    async def bulk_enable(
        self,
        endpoint_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Enable many endpoints; see `bulk_update()` for how items are run and reported."""
        return await self.bulk_update(
            endpoint_ids,
            status=EndpointStatusId.ENABLED,
            concurrency=concurrency,
            progress=progress,
            on_result=on_result,
        )

    async def bulk_disable(
        self,
        endpoint_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Disable many endpoints; see `bulk_update()` for how items are run and reported."""
        return await self.bulk_update(
            endpoint_ids,
            status=EndpointStatusId.DISABLED,
            concurrency=concurrency,
            progress=progress,
            on_result=on_result,
        )

    # -- events and statistics --------------------------------------------------------------

    def events(
        self,
        endpoint_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = EVENT_MAX_PER_PAGE,
    ) -> AsyncPager[Event]:
        """An endpoint's events, across all pages.

        `GET /api/v1/endpoint/{endpoint_id}/event` (operationId `EndpointEventsByID`).

        Args:
            endpoint_id: The endpoint.
            q: Filters, e.g. `{"type": 1, "severity": 2}`.
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).
        """
        return self._many(ops.EVENTS, endpoint_id=endpoint_id, q=q, sort=sort, per_page=per_page)

    async def stats(self, endpoint_id: int) -> EndpointStats:
        """Usage and costs of this and last month, and the last hour.

        GET /api/v1/endpoint/{endpoint_id}/stats (EndpointStatsByIdGet).
        """
        return await self._one(ops.STATS, endpoint_id=endpoint_id)

    def daily_stats(
        self,
        endpoint_id: int,
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> AsyncPager[DailyStats]:
        """Usage and costs per day.

        `GET /api/v1/endpoint/{endpoint_id}/stats/daily` (operationId `EndpointStatsDailyByIdGet`).

        `await` it for the list of days.

        Args:
            endpoint_id: The endpoint.
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day.

        Raises:
            InputError: A date is malformed, or the end is before the start.
        """
        return self._many(
            ops.DAILY_STATS, endpoint_id=endpoint_id, start_date=start_date, end_date=end_date
        )

    # -- connectivity -----------------------------------------------------------------------

    async def connectivity(self, endpoint_id: int) -> Connectivity:
        """Whether and where the endpoint is online.

        `GET /api/v1/endpoint/{endpoint_id}/connectivity`
        (operationId `EndpointConnectivityByIdGet`).
        """
        return await self._one(ops.CONNECTIVITY, endpoint_id=endpoint_id)

    async def connectivity_info(
        self,
        endpoint_id: int,
        *,
        subscriber: bool | None = None,
        ussd: bool | None = None,
    ) -> ConnectivityInfo:
        """Ask the network about the endpoint now.

        `GET /api/v1/endpoint/{endpoint_id}/connectivity_info`
        (operationId `GetConnectivityInfoByEndpointId`).

        Args:
            endpoint_id: The endpoint.
            subscriber: Ask for the subscriber's state and location (the API's default: yes).
            ussd: Ask for the USSD state too (the API's default: no).

        Raises:
            NotFoundError: `UnknownSubscriber` or `UnknownLocation`.
            InternalServerError: 503 `InvalidLocation` or `NoMsrnAvailable`.
        """
        return await self._one(
            ops.CONNECTIVITY_INFO, endpoint_id=endpoint_id, subscriber=subscriber, ussd=ussd
        )

    async def reset_connectivity(
        self, endpoint_id: int, *, network: bool = True, data: bool = True
    ) -> None:
        """Reset the endpoint's registration, data session, or both.

        PATCH /api/v1/endpoint/{endpoint_id}/connectivity (UpdateEndpointConnectivityById):
        `network` sends `{"location": null}` (a Cancel Location: the device registers again),
        `data` sends `{"pdp_context": null}` (a Delete PDP Context: it opens a new session).

        Raises:
            InputError: Neither `network` nor `data` (nothing is sent).
        """
        body: dict[str, Any] = {}
        if check_bool(network, "network"):
            body["location"] = None
        if check_bool(data, "data"):
            body["pdp_context"] = None
        if not body:
            raise InputError("reset_connectivity() needs network=True, data=True or both")
        await self._nothing(ops.RESET_CONNECTIVITY, endpoint_id=endpoint_id, **body)

    # -- SMS ----------------------------------------------------------------------------------

    def list_sms(self, endpoint_id: int) -> AsyncPager[Sms]:
        """The SMS sent to and from the endpoint.

        `GET /api/v1/endpoint/{endpoint_id}/sms` (operationId `EndpointSmsByIdGet`).

        `await` it for the list.
        """
        return self._many(ops.LIST_SMS, endpoint_id=endpoint_id)

    async def send_sms(
        self,
        endpoint_id: int,
        *,
        payload: str,
        source_address: str | int | NotGiven = NOT_GIVEN,
        source_address_type: IdLike | NotGiven = NOT_GIVEN,
        udh: str | NotGiven = NOT_GIVEN,
        dcs: int | NotGiven = NOT_GIVEN,
    ) -> int:
        """Send an SMS to the endpoint.

        `POST /api/v1/endpoint/{endpoint_id}/sms` (operationId `EndpointSmsByIdPost`).

        Not retried once sent: a second attempt would send a second SMS.

        Args:
            endpoint_id: The endpoint.
            payload: The text: up to 160 GSM-7 characters (those of the extension table count
                twice), or 70 other characters; longer texts go in parts with a `udh`.
            source_address: The sender: a number, or a name of up to 20 characters.
            source_address_type: How to read it (lookup id: 145 international, 161 national,
                208 alphanumeric).
            udh: A user data header, in hex (for multi-part messages).
            dcs: The data coding scheme (0-255).

        Returns:
            The new SMS's id (from the `Location` header).

        Raises:
            InputError: An empty or too long payload, or another bad value (nothing is sent).
        """
        return await self._created(
            ops.SEND_SMS,
            endpoint_id=endpoint_id,
            payload=payload,
            source_address=source_address,
            source_address_type=source_address_type,
            udh=udh,
            dcs=dcs,
        )

    async def get_sms(self, endpoint_id: int, sms_id: int) -> Sms:
        """One SMS.

        `GET /api/v1/endpoint/{endpoint_id}/sms/{sms_id}`
        (operationId `EndpointSmsByEndpointIdAndSmsIdGet`).
        """
        return await self._one(ops.GET_SMS, endpoint_id=endpoint_id, sms_id=sms_id)

    async def cancel_sms(self, endpoint_id: int, sms_id: int) -> None:
        """Cancel an SMS not yet delivered.

        `DELETE /api/v1/endpoint/{endpoint_id}/sms/{sms_id}`
        (operationId `EndpointSmsByEndpointIdAndSmsIdDelete`).
        """
        await self._nothing(ops.CANCEL_SMS, endpoint_id=endpoint_id, sms_id=sms_id)

    async def send_ussd(
        self,
        endpoint_id: int,
        *,
        message: str,
        type: Literal["request", "notification"] = "request",
        encoding: Literal["default", "ucs2"] = "default",
    ) -> str:
        """Start a network-initiated USSD dialog with the endpoint.

        `POST /api/v1/endpoint/{endpoint_id}/ussd` (operationId `EndpointUssdByIdPost`).

        Args:
            endpoint_id: The endpoint (it must be online).
            message: The text: up to 164 characters (`default`, GSM-7) or 72 (`ucs2`).
            type: `"request"` (the device answers) or `"notification"`.
            encoding: `"default"` (GSM-7) or `"ucs2"`.

        Returns:
            The dialog's session id.

        Raises:
            InputError: A bad type, encoding or message (nothing is sent).
        """
        if type not in ("request", "notification"):
            raise InputError(f"type must be 'request' or 'notification', got {type!r}")
        if encoding not in _USSD_LIMITS:
            raise InputError(f"encoding must be 'default' or 'ucs2', got {encoding!r}")
        if not isinstance(message, str) or not message or len(message) > _USSD_LIMITS[encoding]:
            raise InputError(
                f"message must be 1 to {_USSD_LIMITS[encoding]} characters for {encoding!r}"
            )
        begin = {"type": type, "message": {"encoding": encoding, "body": message}}
        return await self._value(
            ops.SEND_USSD, _session_id, endpoint_id=endpoint_id, ussd_begin=begin
        )

    # -- operator blacklist -------------------------------------------------------------------

    def blacklisted_operators(self, endpoint_id: int) -> AsyncPager[Operator]:
        """Operators the endpoint may not use.

        `GET /api/v1/endpoint/{endpoint_id}/operator_blacklist`
        (operationId `EndpointOperatorBlacklistByEndpointIdGet`).

        `await` it for the list.
        """
        return self._many(ops.BLACKLISTED, endpoint_id=endpoint_id)

    async def blacklist_operator(self, endpoint_id: int, operator_id: int) -> None:
        """Forbid an operator to the endpoint.

        `PUT /api/v1/endpoint/{endpoint_id}/operator_blacklist/{operator_id}`
        (operationId `EndpointOperatorBlacklistByEpIdAndOperatorIdPut`).

        Raises:
            ConflictError: `1405 Duplicated`: the operator is blacklisted already.
        """
        await self._nothing(ops.BLACKLIST, endpoint_id=endpoint_id, operator_id=operator_id)

    async def unblacklist_operator(self, endpoint_id: int, operator_id: int) -> None:
        """Allow a blacklisted operator again.

        `DELETE /api/v1/endpoint/{endpoint_id}/operator_blacklist/{operator_id}`
        (operationId `EndpointOperatorBlacklistByEpIdAndOperatorIdDelete`).

        Raises:
            NotFoundError: The operator is not blacklisted for this endpoint.
        """
        await self._nothing(ops.UNBLACKLIST, endpoint_id=endpoint_id, operator_id=operator_id)

    # -- quotas -------------------------------------------------------------------------------

    async def data_quota(self, endpoint_id: int) -> Quota:
        """The endpoint's data quota.

        `GET /api/v1/endpoint/{endpoint_id}/quota/data`
        (operationId `EndpointQuotaDataByEndpointIdGet`).

        Raises:
            NotFoundError: The endpoint has no data quota.
        """
        return await self._one(ops.DATA_QUOTA, endpoint_id=endpoint_id)

    async def set_data_quota(
        self,
        endpoint_id: int,
        *,
        volume: float,
        expiry_date: datetime.datetime | datetime.date,
        action_on_exhaustion: int = 1,
        peak_throughput: int | NotGiven = NOT_GIVEN,
        status: int = 1,
        auto_refill: bool | NotGiven = NOT_GIVEN,
        threshold_percentage: float | NotGiven = NOT_GIVEN,
        threshold_volume: float | NotGiven = NOT_GIVEN,
    ) -> None:
        """Set (or replace) the endpoint's data quota.

        `POST /api/v1/endpoint/{endpoint_id}/quota/data`
        (operationId `EndpointQuotaDataByEndpointIdPost`).

        Args:
            endpoint_id: The endpoint.
            volume: Data volume in MB, positive.
            expiry_date: When the quota expires (a naive datetime means UTC).
            action_on_exhaustion: 1 blocks data, 2 throttles it to `peak_throughput`.
            peak_throughput: 64000, 128000 or 256000 bit/s (with action 2 only).
            status: 1 (active, the default).
            auto_refill: Refill the volume daily.
            threshold_percentage: Remaining share (0-100) that raises a threshold event.
            threshold_volume: Remaining MB that raise a threshold event.

        Raises:
            InputError: A bad value, or a throttle without `peak_throughput` (nothing is sent).
        """
        action = check_lookup_id(action_on_exhaustion, "action_on_exhaustion")
        if (action == 2) != (not isinstance(peak_throughput, NotGiven)):
            raise InputError("peak_throughput goes with (and only with) action_on_exhaustion=2")
        throttle = (
            NOT_GIVEN
            if isinstance(peak_throughput, NotGiven)
            else ops.peak_throughput(peak_throughput)
        )
        await self._nothing(
            ops.SET_DATA_QUOTA,
            endpoint_id=endpoint_id,
            status=status,
            volume=volume,
            expiry_date=expiry_date,
            action_on_exhaustion=ops.QuotaActionBody(id=action, peak_throughput=throttle),
            auto_refill=auto_refill,
            threshold_percentage=threshold_percentage,
            threshold_volume=threshold_volume,
        )

    async def remove_data_quota(self, endpoint_id: int) -> None:
        """Remove the data quota.

        `DELETE /api/v1/endpoint/{endpoint_id}/quota/data`
        (operationId `DeleteEndpointDataQuotaById`).

        Raises:
            NotFoundError: The endpoint has no data quota.
        """
        await self._nothing(ops.REMOVE_DATA_QUOTA, endpoint_id=endpoint_id)

    async def sms_quota(self, endpoint_id: int) -> Quota:
        """The endpoint's SMS quota.

        `GET /api/v1/endpoint/{endpoint_id}/quota/sms`
        (operationId `EndpointQuotaSmsByEndpointIdGet`).

        Raises:
            NotFoundError: The endpoint has no SMS quota.
        """
        return await self._one(ops.SMS_QUOTA, endpoint_id=endpoint_id)

    async def set_sms_quota(
        self,
        endpoint_id: int,
        *,
        volume: float,
        expiry_date: datetime.datetime | datetime.date,
        threshold_percentage: float,
        action_on_exhaustion: int = 1,
        status: int = 1,
        auto_refill: bool | NotGiven = NOT_GIVEN,
        threshold_volume: float | NotGiven = NOT_GIVEN,
    ) -> None:
        """Set (or replace) the endpoint's SMS quota.

        `POST /api/v1/endpoint/{endpoint_id}/quota/sms`
        (operationId `EndpointQuotaSmsByEndpointIdPost`).

        Args:
            endpoint_id: The endpoint.
            volume: Number of SMS, positive.
            expiry_date: When the quota expires (a naive datetime means UTC).
            threshold_percentage: Remaining share (0-100) that raises a threshold event.
            action_on_exhaustion: 1 blocks SMS (the default).
            status: 1 (active, the default).
            auto_refill: Refill the volume daily.
            threshold_volume: Remaining SMS that raise a threshold event.

        Raises:
            InputError: A bad value (nothing is sent).
        """
        await self._nothing(
            ops.SET_SMS_QUOTA,
            endpoint_id=endpoint_id,
            status=status,
            volume=volume,
            expiry_date=expiry_date,
            threshold_percentage=threshold_percentage,
            action_on_exhaustion=action_on_exhaustion,
            auto_refill=auto_refill,
            threshold_volume=threshold_volume,
        )

    async def remove_sms_quota(self, endpoint_id: int) -> None:
        """Remove the SMS quota.

        `DELETE /api/v1/endpoint/{endpoint_id}/quota/sms`
        (operationId `DeleteEndpointSmsQuotaById`).

        Raises:
            NotFoundError: The endpoint has no SMS quota.
        """
        await self._nothing(ops.REMOVE_SMS_QUOTA, endpoint_id=endpoint_id)

    # -- prepaid balance ----------------------------------------------------------------------

    async def balance(self, endpoint_id: int) -> Balance:
        """The endpoint's prepaid balance.

        `GET /api/v1/endpoint/{endpoint_id}/balance` (operationId `EndpointBalanceByEndpointIdGet`).
        """
        return await self._one(ops.BALANCE, endpoint_id=endpoint_id)

    async def update_balance(
        self,
        endpoint_id: int,
        *,
        amount: float,
        currency: IdLike | NotGiven = NOT_GIVEN,
        expiry_date: datetime.datetime | datetime.date | NotGiven = NOT_GIVEN,
    ) -> None:
        """Top up the endpoint's prepaid balance.

        `POST /api/v1/endpoint/{endpoint_id}/balance`
        (operationId `EndpointBalanceByEndpointIdPost`).

        Not retried once sent: a second attempt
        would add the amount twice.

        Args:
            endpoint_id: The endpoint.
            amount: The amount to add, positive.
            currency: The currency (id or model).
            expiry_date: When the balance expires.

        Raises:
            InputError: A bad value (nothing is sent).
        """
        await self._nothing(
            ops.UPDATE_BALANCE,
            endpoint_id=endpoint_id,
            amount=amount,
            currency=currency,
            expiry_date=expiry_date,
        )

    async def reset_balance(self, endpoint_id: int) -> None:
        """Remove the prepaid balance.

        `DELETE /api/v1/endpoint/{endpoint_id}/balance`
        (operationId `EndpointBalanceByEndpointIdDelete`).
        """
        await self._nothing(ops.RESET_BALANCE, endpoint_id=endpoint_id)

    # -- from the newer docs ----------------------------------------------------------------

    def traffic_limit_extensions(self, endpoint_id: int) -> AsyncPager[TrafficLimitExtension]:
        """The endpoint's active traffic limit extensions.

        `GET /api/v1/endpoint/{endpoint_id}/traffic_limit_extension`
        (operationId `get-endpoint-traffic-limit-extensions` (newer docs)).

        `await` it for the
        list.

        Raises:
            NotFoundError: No such endpoint in this organisation.
        """
        return self._many(ops.TRAFFIC_LIMIT_EXTENSIONS, endpoint_id=endpoint_id)

    async def extend_traffic_limit(
        self,
        endpoint_id: int,
        *,
        volume: float,
        traffic_limit_id: IdLike | NotGiven = NOT_GIVEN,
    ) -> TrafficLimitExtension:
        """Raise a traffic limit of the endpoint for a while.

        `POST /api/v1/endpoint/{endpoint_id}/traffic_limit_extension`
        (operationId `create-endpoint-traffic-limit-extension` (newer docs)).

        Each call adds an
        extension, so it is never repeated once sent.

        Args:
            endpoint_id: The endpoint.
            volume: The extra volume, in the traffic limit's unit (MB for data).
            traffic_limit_id: Which of the service profile's traffic limits to extend.

        Raises:
            InputError: The volume is not a positive number (nothing is sent).
            NotFoundError: No such endpoint in this organisation.
            BadRequestError: The API refused the extension.
        """
        return await self._one(
            ops.EXTEND_TRAFFIC_LIMIT,
            endpoint_id=endpoint_id,
            volume=volume,
            traffic_limit_id=traffic_limit_id,
        )

    async def remove_traffic_limit_extensions(self, endpoint_id: int) -> None:
        """End all the endpoint's traffic limit extensions.

        `DELETE /api/v1/endpoint/{endpoint_id}/traffic_limit_extension`
        (operationId `delete-endpoint-traffic-limit-extensions` (newer docs)).

        The limits of the
        service profile apply again.

        Raises:
            NotFoundError: No such endpoint in this organisation.
        """
        await self._nothing(ops.REMOVE_TRAFFIC_LIMIT_EXTENSIONS, endpoint_id=endpoint_id)

    async def create_many(
        self,
        endpoints: Iterable[NewEndpoint],
        *,
        service_profile: IdLike,
        tariff_profile: IdLike,
        status: StatusLike,
        organisation: IdLike | NotGiven = NOT_GIVEN,
        ip_address_space: IdLike | NotGiven = NOT_GIVEN,
    ) -> builtins.list[Endpoint]:
        """Create up to 2000 endpoints in one request (POST /api/v2/endpoint/multi).

        operationId: bulk-create-endpoint (newer docs). The profiles, status, organisation
        and address space apply to every endpoint. The API creates all of them or, refusing
        the request (422 with an `errors` entry per problem), none.

        Nothing is created twice: the request is never repeated once sent. If it fails
        without an answer (`APIConnectionError`, a 5xx), some or all endpoints may exist:
        look them up (by name or IMEI) before sending it again. An answer that does not list
        one endpoint per request is an `APIResponseValidationError` whose `body` keeps the
        answer, ids included.

        Args:
            endpoints: The endpoints: `NewEndpoint(name=..., sim=..., ...)` each; IMEIs,
                SIMs and IP addresses unique among them.
            service_profile: The service profile of all.
            tariff_profile: The tariff profile of all.
            status: The endpoint status of all (0 Enabled, 1 Disabled).
            organisation: The organisation to create them in (default: the caller's).
            ip_address_space: The address space; needed where an endpoint has an
                `ip_address`.

        Returns:
            The created endpoints, in the order of `endpoints`.

        Raises:
            InputError: No endpoint or more than 2000, a repeated IMEI, SIM or address, or a
                malformed field (nothing is sent).
            UnprocessableEntityError: A profile, status, SIM or field was refused (see
                `errors`); nothing was created.
        """
        many = not isinstance(endpoints, (str, bytes)) and isinstance(endpoints, Iterable)
        wanted = list(endpoints) if many else endpoints
        created, answer = await self._value(
            ops.CREATE_MANY,
            _created,
            endpoints=wanted,
            service_profile=service_profile,
            tariff_profile=tariff_profile,
            status=status,
            organisation=organisation,
            ip_address_space=ip_address_space,
        )
        asked = len(wanted) if isinstance(wanted, list) else 0
        if len(created) != asked:
            raise APIResponseValidationError(
                f"POST {ops.CREATE_MANY.path} answered {len(created)} created endpoints where "
                f"{asked} were asked for (the answer, ids included, is in `body`)",
                method="POST",
                path=ops.CREATE_MANY.path,
                status=201,
                body=dumps(answer),
            )
        return created

    async def update_many(self, changes: Iterable[EndpointChange]) -> BulkResult:
        """Change many endpoints in one request (PATCH /api/v2/endpoint/multi).

        operationId: bulk-update-endpoint (newer docs). Each `EndpointChange` names its
        endpoint and the fields to set; the API changes all of them or, refusing the request
        (422 with `errors`), none. Every change sets absolute values, so the request is
        repeated where that is safe (a lost answer, a 5xx).

        Every reported outcome is true: when the request fails, each endpoint is read back;
        one that has every value its change sets counts as done, one that does not failed
        with the request's error, and one that cannot be read is `"unknown"`
        (`OutcomeUnknownError`; running the changes again is safe).

        Returns:
            One `BulkItem` per endpoint, in the order of `changes`.

        Raises:
            InputError: No change, one that is not an `EndpointChange`, or two for the same
                endpoint (nothing is sent).
        """
        items = _changes(changes)
        by_id = {change.id: change for change in items}
        try:
            await self._nothing(ops.UPDATE_MANY, body=items)
        except APIError as exc:

            async def holds(endpoint_id: int) -> bool:
                try:
                    endpoint = await self.get(endpoint_id)
                except NotFoundError:
                    return False
                return _change_holds(endpoint, by_id[endpoint_id])

            return await read_back(
                list(by_id),
                exc,
                holds,
                concurrency=self._transport.max_concurrency,
                method=ops.UPDATE_MANY.method,
                path=ops.UPDATE_MANY.path,
            )
        return BulkResult([BulkItem(endpoint_id) for endpoint_id in by_id])

    async def delete_many(
        self, endpoint_ids: Iterable[int], *, delete_sims: bool = False
    ) -> BulkResult:
        """Delete many endpoints in one request (DELETE /api/v2/endpoint/multi).

        operationId: bulk-delete-endpoint (newer docs). Their SIMs are released and
        suspended, or with `delete_sims=True` deleted. The API deletes all of them or,
        refusing the request (an unknown endpoint: `NotFoundError`), none.

        Every reported outcome is true: when the request fails, including when its answer was
        lost or a repeat of it found the endpoints already gone, each endpoint is read back;
        one that is gone counts as deleted, one that is still there failed with the request's
        error, and one that cannot be read is `"unknown"` (`OutcomeUnknownError`).

        Args:
            endpoint_ids: The endpoints; repeats are deleted once.
            delete_sims: Delete their SIMs too (for good).

        Returns:
            One `BulkItem` per distinct id, in input order.

        Raises:
            InputError: No id, or one that is not a positive integer (nothing is sent).
        """
        ids = unique_ids(endpoint_ids, "endpoint_ids")
        if not ids:
            raise InputError("endpoint_ids needs at least one endpoint")
        try:
            await self._nothing(
                ops.DELETE_MANY,
                body=[{"id": endpoint_id} for endpoint_id in ids],
                delete_sims=delete_sims,
            )
        except APIError as exc:

            async def gone(endpoint_id: int) -> bool:
                try:
                    await self.get(endpoint_id)
                except NotFoundError:
                    return True
                return False

            return await read_back(
                ids,
                exc,
                gone,
                concurrency=self._transport.max_concurrency,
                method=ops.DELETE_MANY.method,
                path=ops.DELETE_MANY.path,
            )
        return BulkResult([BulkItem(endpoint_id) for endpoint_id in ids])


def _created(response: Response) -> tuple[list[Endpoint], Any]:
    return structure_list(response.data, Endpoint), response.data


def _changes(changes: Iterable[EndpointChange]) -> list[EndpointChange]:
    if isinstance(changes, (str, bytes)) or not isinstance(changes, Iterable):
        raise InputError(f"changes must be EndpointChange objects, got {changes!r:.60}")
    items = list(changes)
    if not items or not all(isinstance(change, EndpointChange) for change in items):
        raise InputError("changes must be one or more EndpointChange objects")
    ids = [change.id for change in items]
    if len(set(ids)) != len(ids):
        raise InputError("changes name an endpoint twice; merge its changes into one")
    return items


def _change_holds(endpoint: Endpoint, change: EndpointChange) -> bool:
    """Whether `endpoint` has every value `change` sets."""
    for field in attrs.fields(EndpointChange):
        wanted = getattr(change, field.name)
        if field.name == "id" or wanted is NOT_GIVEN:
            continue
        have = getattr(endpoint, field.name)
        if isinstance(wanted, SimAssignment):
            if (None if have is None else have.id) != wanted.id:
                return False
            status = None if have is None or have.status is None else have.status.id
            if isinstance(wanted.status, Ref) and status != wanted.status.id:
                return False
        elif isinstance(wanted, Ref):
            if (None if have is None else have.id) != wanted.id:
                return False
        elif have != wanted:
            return False
    return True
