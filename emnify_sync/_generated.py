# Generated from emnify_async by scripts/generate_sync.py; do not edit.
"""The blocking facade over emnify_async: same resources, methods and docstrings."""

from __future__ import annotations

import builtins
import datetime
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from ssl import SSLContext
from types import TracebackType
from typing import Any, Literal

from emnify_async import (
    NOT_GIVEN,
    AsyncEmnify,
    DateLike,
    EventHook,
    IdLike,
    OnResult,
    OrgLike,
    Progress,
    QueryValue,
    StatusLike,
)
from emnify_async._bulk import BulkResult
from emnify_async._ops.endpoints import EndpointChange, NewEndpoint
from emnify_async._ops.euiccs import EuiccOperationRequest
from emnify_async._ops.sim_operations import SimTarget
from emnify_async._ratelimit import RateLimits
from emnify_async._retry import RetryPolicy
from emnify_async._types import NotGiven
from emnify_async.models._common import SimStatusId, Status
from emnify_async.models.endpoints import (
    Balance,
    Connectivity,
    ConnectivityInfo,
    Endpoint,
    Quota,
    TrafficLimitExtension,
)
from emnify_async.models.euiccs import Euicc, EuiccOperation
from emnify_async.models.events import Event
from emnify_async.models.operators import Operator
from emnify_async.models.organisations import (
    InclusiveVolume,
    InclusiveVolumeAssignment,
    Organisation,
    OrganisationStats,
)
from emnify_async.models.sim_batches import SimBatch
from emnify_async.models.sim_migration import SimMigration
from emnify_async.models.sim_operations import SimOperation, UnlinkedProductStats
from emnify_async.models.sims import Sim
from emnify_async.models.sms import Sms
from emnify_async.models.stats import DailyStats, EndpointStats, HourlyTraffic, SimStats
from emnify_async.models.tariffs import Tariff
from emnify_async.resources._legacy import (
    ASSIGN_INCLUSIVE_VOLUME,
    CREATE_INCLUSIVE_VOLUME,
    UPDATE_TARIFF,
    legacy_arguments,
)
from emnify_async.resources.endpoints import AsyncEndpoints
from emnify_async.resources.euiccs import AsyncEuiccOperations, AsyncEuiccs
from emnify_async.resources.events import AsyncEvents
from emnify_async.resources.operators import AsyncOperators
from emnify_async.resources.organisations import AsyncOrganisations
from emnify_async.resources.sim_batches import AsyncSimBatches
from emnify_async.resources.sim_operations import AsyncSimOperations
from emnify_async.resources.sims import AsyncSims
from emnify_async.resources.tariffs import AsyncTariffs

from ._bridge import ClientHandle, Pager

__all__ = [
    "Emnify",
    "Endpoints",
    "EuiccOperations",
    "Euiccs",
    "Events",
    "Operators",
    "Organisations",
    "SimBatches",
    "SimOperations",
    "Sims",
    "Tariffs",
]


class Sims:
    """The SIM API."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncSims]) -> None:
        self._handle = handle
        self._area = area

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 2500,
    ) -> Pager[Sim]:
        """List SIMs, across all pages (GET /api/v1/sim).

        Args:
            q: Filters, e.g. `{"status": SimStatusId.ACTIVATED, "customer_org": 7}`; `None` as a
                value matches an empty field (`{"endpoint": None}`: SIMs without a device).
            sort: Sort keys, e.g. `"-status,id"` or `["-status", "id"]`; `-` is descending.
            per_page: Page size, 1 to 2500 (the maximum, and the default).

        Returns:
            A pager: `for sim in ...`, `.iter_pages()`, `.to_list()`.

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(q=q, sort=sort, per_page=per_page)
        )

    def get(self, sim_id: int) -> Sim:
        """Get one SIM (GET /api/v1/sim/{sim_id}).

        Raises:
            NotFoundError: No such SIM in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(sim_id))

    def update(
        self,
        sim_id: int,
        *,
        status: StatusLike | NotGiven = NOT_GIVEN,
        issuer_org: IdLike | NotGiven = NOT_GIVEN,
        reseller_org: IdLike | NotGiven | None = NOT_GIVEN,
        customer_org: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Change a SIM's status or organisations (PATCH /api/v1/sim/{sim_id}).

        Only the fields passed are sent. `reseller_org=None` or `customer_org=None` empties
        that field. Organisations may be given as ids or as models with an `id`.

        The API allows only these status changes: Issued to Activated or Factory Test, Factory
        Test to Activated, and Activated to Suspended and back; others fail with
        `UnprocessableEntityError`. An enterprise organisation may change only the status.

        Raises:
            InputError: No field was given, or an id is not a positive integer.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                sim_id,
                status=status,
                issuer_org=issuer_org,
                reseller_org=reseller_org,
                customer_org=customer_org,
            )
        )

    def activate(self, sim_id: int) -> None:
        """Set a SIM's status to Activated (billing starts)."""
        return self._handle.run(lambda client: self._area(client).activate(sim_id))

    def suspend(self, sim_id: int) -> None:
        """Set a SIM's status to Suspended."""
        return self._handle.run(lambda client: self._area(client).suspend(sim_id))

    def bulk_update(
        self,
        sim_ids: Iterable[int],
        *,
        status: StatusLike | NotGiven = NOT_GIVEN,
        issuer_org: IdLike | NotGiven = NOT_GIVEN,
        reseller_org: IdLike | NotGiven | None = NOT_GIVEN,
        customer_org: IdLike | NotGiven | None = NOT_GIVEN,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Apply the same update to many SIMs, reporting the outcome of every one.

        Every id is validated before anything is sent; repeated ids are updated once. Items are
        updated `concurrency` at a time (default: the client's `max_concurrency`), paced to
        emnify's rate limits and retried like single calls. A failing SIM never stops the
        others: its error is on its `BulkItem`.

        Every reported outcome is true: when an update fails (including when its answer was
        lost after the server may have acted), the SIM is read back; if it has the wanted
        values the item is done (so a rerun after an interruption is idempotent), otherwise
        it failed with the update's error. If reading back fails too, the item's outcome is
        `"unknown"` (`OutcomeUnknownError`), and running it again is safe.

        Args:
            sim_ids: The SIMs to change.
            status: As for `update()`.
            issuer_org: As for `update()`.
            reseller_org: As for `update()`.
            customer_org: As for `update()`.
            concurrency: Updates in flight at once.
            progress: Called as `progress(done, total)` after each SIM.
            on_result: Called with each SIM's `BulkItem` as soon as it is known.

        Returns:
            One `BulkItem` per distinct id, in input order.

        Raises:
            InputError: An id or field is invalid (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).bulk_update(
                sim_ids,
                status=status,
                issuer_org=issuer_org,
                reseller_org=reseller_org,
                customer_org=customer_org,
                concurrency=concurrency,
                progress=progress,
                on_result=on_result,
            )
        )

    def bulk_activate(
        self,
        sim_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Activate many SIMs; see `bulk_update()` for how items are run and reported."""
        return self._handle.run(
            lambda client: self._area(client).bulk_activate(
                sim_ids, concurrency=concurrency, progress=progress, on_result=on_result
            )
        )

    def bulk_suspend(
        self,
        sim_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Suspend many SIMs; see `bulk_update()` for how items are run and reported."""
        return self._handle.run(
            lambda client: self._area(client).bulk_suspend(
                sim_ids, concurrency=concurrency, progress=progress, on_result=on_result
            )
        )

    def delete(self, sim_id: int) -> None:
        """Delete a SIM for good (DELETE /api/v1/sim/{sim_id}).

        Raises:
            UnprocessableEntityError or ConflictError: The SIM still has an endpoint assigned.
            PermissionDeniedError: A reseller tried to delete a SIM it has sold.
        """
        return self._handle.run(lambda client: self._area(client).delete(sim_id))

    def events(
        self,
        sim_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[Event]:
        """List a SIM's events, across all pages (GET /api/v1/sim/{sim_id}/event).

        Note that the API answers an unknown SIM id with an empty list, not a 404.

        Args:
            sim_id: The SIM.
            q: Filters, e.g. `{"type": 1, "severity": 2}`.
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).events(sim_id, q=q, sort=sort, per_page=per_page),
        )

    def stats(self, sim_id: int) -> SimStats:
        """Usage and costs of this and last month, and the last hour (GET .../stats)."""
        return self._handle.run(lambda client: self._area(client).stats(sim_id))

    def daily_stats(
        self, sim_id: int, *, start_date: DateLike | None = None, end_date: DateLike | None = None
    ) -> Pager[DailyStats]:
        """Usage and costs per day (GET /api/v1/sim/{sim_id}/stats/daily).

        Returns a pager over the days: call `.to_list()` for the list, or iterate it.

        Args:
            sim_id: The SIM.
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: A date is malformed, or the end is before the start.
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).daily_stats(
                sim_id, start_date=start_date, end_date=end_date
            ),
        )

    def statuses(self) -> Pager[Status]:
        """The SIM statuses the API knows (GET /api/v1/sim/status).

        call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses())

    def delete_many(self, sim_ids: Iterable[int]) -> BulkResult:
        """Delete many SIMs for good in one request (DELETE /api/v1/sim/multi).

        operationId: bulk-sim-delete (newer docs). The API deletes all of them or, refusing
        the request (an unknown SIM: `NotFoundError`), none. Every reported outcome is true:
        when the request fails, including when its answer was lost or a repeat of it found
        the SIMs already gone, each SIM is read back; one that is gone counts as deleted, one
        that is still there failed with the request's error, and one that cannot be read is
        `"unknown"` (`OutcomeUnknownError`).

        Args:
            sim_ids: The SIMs; repeats are deleted once.

        Returns:
            One `BulkItem` per distinct id, in input order.

        Raises:
            InputError: No id, or one that is not a positive integer (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).delete_many(sim_ids))

    def migrate_to_workspace(
        self,
        target_workspace: IdLike,
        *,
        sims: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        iccids: Iterable[str] | NotGiven = NOT_GIVEN,
        iccid_range: tuple[str, str] | NotGiven = NOT_GIVEN,
        allowed_sim_statuses: Iterable[StatusLike] | NotGiven = NOT_GIVEN,
        auto_detach_devices: bool | NotGiven = NOT_GIVEN,
        dry_run: bool = True,
    ) -> SimMigration:
        """Move SIMs to another workspace (POST /api/v1/sim/migration/workspace).

        operationId: sim-migration-workspace (newer docs). A dry run by default: the answer
        lists what would move; pass `dry_run=False` to move them. Needs a user login
        (`username`/`password`) that administers both workspaces: an application token is
        bound to one. Activated SIMs are suspended by the move. The API moves all the SIMs or,
        refusing the request, none; the request is never repeated once sent.

        Args:
            target_workspace: The enterprise workspace to move to (an id or a model).
            sims: The SIMs, by id or model; or instead
            iccids: their ICCIDs (19 digits); or instead
            iccid_range: the first and last ICCID of a range. At most 500 SIMs in all.
            allowed_sim_statuses: Refuse the move if a SIM has another status.
            auto_detach_devices: Detach the SIMs from their devices (else such SIMs are
                refused).
            dry_run: Only report what would move (the default).

        Raises:
            InputError: Not exactly one of `sims`, `iccids`, `iccid_range`; more than 500;
                a malformed ICCID or range (nothing is sent).
            NotFoundError: A SIM or the workspace is unknown or inaccessible.
            ConflictError: Some SIMs may not move (attached, a disallowed status...); the
                body's `errors` list them.
        """
        return self._handle.run(
            lambda client: self._area(client).migrate_to_workspace(
                target_workspace,
                sims=sims,
                iccids=iccids,
                iccid_range=iccid_range,
                allowed_sim_statuses=allowed_sim_statuses,
                auto_detach_devices=auto_detach_devices,
                dry_run=dry_run,
            )
        )

    def unlinked_product_stats(self) -> Pager[UnlinkedProductStats]:
        """Unlinked eSIM profiles per product (GET /api/v1/sim/unlinked_product_stats).

        operationId: get-unlinked-product-stats (newer docs): how many eSIM profiles of each
        product are available for linking to an EID. call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).unlinked_product_stats())


class Endpoints:
    """The endpoint (device) API."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEndpoints]) -> None:
        self._handle = handle
        self._area = area

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[Endpoint]:
        """List endpoints, across all pages (GET /api/v1/endpoint; GetEndpoints).

        Args:
            q: Filters, e.g. `{"status": EndpointStatusId.ENABLED, "tags": "meter"}`.
            sort: Sort keys, e.g. `"-last_updated"`; `-` is descending.
            per_page: Page size, 1 to 1000 (the maximum, and the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(q=q, sort=sort, per_page=per_page)
        )

    def get(self, endpoint_id: int) -> Endpoint:
        """Get one endpoint (GET /api/v1/endpoint/{endpoint_id}; EndpointByIdGet).

        Raises:
            NotFoundError: No such endpoint in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(endpoint_id))

    def create(
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
        return self._handle.run(
            lambda client: self._area(client).create(
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
        )

    def update(
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
        return self._handle.run(
            lambda client: self._area(client).update(
                endpoint_id,
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
        )

    def delete(self, endpoint_id: int) -> None:
        """Delete an endpoint (DELETE /api/v1/endpoint/{endpoint_id}; EndpointByIdDelete).

        An endpoint with a SIM cannot be deleted: `release_sim()` first (emnify-sdk's
        `delete_device` does that for you; this call does not change the SIM behind your back).

        Raises:
            NotFoundError: No such endpoint in this organisation.
            ConflictError: `1406 NotAllowed`: a SIM is still assigned.
        """
        return self._handle.run(lambda client: self._area(client).delete(endpoint_id))

    def statuses(self) -> Pager[Status]:
        """The endpoint statuses the API knows (GET /api/v1/endpoint/status; EndpointStatusGet).

        call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses())

    def enable(self, endpoint_id: int) -> None:
        """Enable an endpoint: its SIM may connect (if the SIM is activated too)."""
        return self._handle.run(lambda client: self._area(client).enable(endpoint_id))

    def disable(self, endpoint_id: int) -> None:
        """Disable an endpoint: it may not connect, whatever its SIM's status."""
        return self._handle.run(lambda client: self._area(client).disable(endpoint_id))

    def assign_sim(self, endpoint_id: int, sim_id: IdLike) -> None:
        """Assign a SIM to an endpoint (PATCH .../{endpoint_id} with `{"sim": {"id": n}}`).

        Raises:
            ConflictError or UnprocessableEntityError: The SIM is assigned elsewhere.
        """
        return self._handle.run(lambda client: self._area(client).assign_sim(endpoint_id, sim_id))

    def release_sim(self, endpoint_id: int) -> None:
        """Release the endpoint's SIM (PATCH .../{endpoint_id} with `{"sim": {"id": null}}`).

        Unlike emnify-sdk's `release_sim`, this neither suspends the SIM nor disables the
        endpoint: call `client.sims.suspend()` or `disable()` for that.
        """
        return self._handle.run(lambda client: self._area(client).release_sim(endpoint_id))

    def bulk_update(
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
        return self._handle.run(
            lambda client: self._area(client).bulk_update(
                endpoint_ids,
                status=status,
                service_profile=service_profile,
                tariff_profile=tariff_profile,
                tags=tags,
                imei_lock=imei_lock,
                concurrency=concurrency,
                progress=progress,
                on_result=on_result,
            )
        )

    def bulk_enable(
        self,
        endpoint_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Enable many endpoints; see `bulk_update()` for how items are run and reported."""
        return self._handle.run(
            lambda client: self._area(client).bulk_enable(
                endpoint_ids, concurrency=concurrency, progress=progress, on_result=on_result
            )
        )

    def bulk_disable(
        self,
        endpoint_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Disable many endpoints; see `bulk_update()` for how items are run and reported."""
        return self._handle.run(
            lambda client: self._area(client).bulk_disable(
                endpoint_ids, concurrency=concurrency, progress=progress, on_result=on_result
            )
        )

    def events(
        self,
        endpoint_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[Event]:
        """An endpoint's events, across all pages (GET .../{endpoint_id}/event).

        operationId: EndpointEventsByID.

        Args:
            endpoint_id: The endpoint.
            q: Filters, e.g. `{"type": 1, "severity": 2}`.
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).events(endpoint_id, q=q, sort=sort, per_page=per_page),
        )

    def stats(self, endpoint_id: int) -> EndpointStats:
        """Usage and costs of this and last month, and the last hour.

        GET /api/v1/endpoint/{endpoint_id}/stats (EndpointStatsByIdGet).
        """
        return self._handle.run(lambda client: self._area(client).stats(endpoint_id))

    def daily_stats(
        self,
        endpoint_id: int,
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> Pager[DailyStats]:
        """Usage and costs per day (GET .../{endpoint_id}/stats/daily; EndpointStatsDailyByIdGet).

        call `.to_list()` for the list of days.

        Args:
            endpoint_id: The endpoint.
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day.

        Raises:
            InputError: A date is malformed, or the end is before the start.
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).daily_stats(
                endpoint_id, start_date=start_date, end_date=end_date
            ),
        )

    def connectivity(self, endpoint_id: int) -> Connectivity:
        """Whether and where the endpoint is online (GET .../{endpoint_id}/connectivity).

        operationId: EndpointConnectivityByIdGet.
        """
        return self._handle.run(lambda client: self._area(client).connectivity(endpoint_id))

    def connectivity_info(
        self, endpoint_id: int, *, subscriber: bool | None = None, ussd: bool | None = None
    ) -> ConnectivityInfo:
        """Ask the network about the endpoint now (GET .../{endpoint_id}/connectivity_info).

        operationId: GetConnectivityInfoByEndpointId.

        Args:
            endpoint_id: The endpoint.
            subscriber: Ask for the subscriber's state and location (the API's default: yes).
            ussd: Ask for the USSD state too (the API's default: no).

        Raises:
            NotFoundError: `UnknownSubscriber` or `UnknownLocation`.
            InternalServerError: 503 `InvalidLocation` or `NoMsrnAvailable`.
        """
        return self._handle.run(
            lambda client: self._area(client).connectivity_info(
                endpoint_id, subscriber=subscriber, ussd=ussd
            )
        )

    def reset_connectivity(
        self, endpoint_id: int, *, network: bool = True, data: bool = True
    ) -> None:
        """Reset the endpoint's registration, data session, or both.

        PATCH /api/v1/endpoint/{endpoint_id}/connectivity (UpdateEndpointConnectivityById):
        `network` sends `{"location": null}` (a Cancel Location: the device registers again),
        `data` sends `{"pdp_context": null}` (a Delete PDP Context: it opens a new session).

        Raises:
            InputError: Neither `network` nor `data` (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).reset_connectivity(
                endpoint_id, network=network, data=data
            )
        )

    def list_sms(self, endpoint_id: int) -> Pager[Sms]:
        """The SMS sent to and from the endpoint (GET .../{endpoint_id}/sms; EndpointSmsByIdGet).

        call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list_sms(endpoint_id))

    def send_sms(
        self,
        endpoint_id: int,
        *,
        payload: str,
        source_address: str | int | NotGiven = NOT_GIVEN,
        source_address_type: IdLike | NotGiven = NOT_GIVEN,
        udh: str | NotGiven = NOT_GIVEN,
        dcs: int | NotGiven = NOT_GIVEN,
    ) -> int:
        """Send an SMS to the endpoint (POST .../{endpoint_id}/sms; EndpointSmsByIdPost).

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
        return self._handle.run(
            lambda client: self._area(client).send_sms(
                endpoint_id,
                payload=payload,
                source_address=source_address,
                source_address_type=source_address_type,
                udh=udh,
                dcs=dcs,
            )
        )

    def get_sms(self, endpoint_id: int, sms_id: int) -> Sms:
        """One SMS (GET .../{endpoint_id}/sms/{sms_id}; EndpointSmsByEndpointIdAndSmsIdGet)."""
        return self._handle.run(lambda client: self._area(client).get_sms(endpoint_id, sms_id))

    def cancel_sms(self, endpoint_id: int, sms_id: int) -> None:
        """Cancel an SMS not yet delivered (DELETE .../{endpoint_id}/sms/{sms_id}).

        operationId: EndpointSmsByEndpointIdAndSmsIdDelete.
        """
        return self._handle.run(lambda client: self._area(client).cancel_sms(endpoint_id, sms_id))

    def send_ussd(
        self,
        endpoint_id: int,
        *,
        message: str,
        type: Literal["request", "notification"] = "request",
        encoding: Literal["default", "ucs2"] = "default",
    ) -> str:
        """Start a network-initiated USSD dialog with the endpoint (POST .../{endpoint_id}/ussd).

        operationId: EndpointUssdByIdPost.

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
        return self._handle.run(
            lambda client: self._area(client).send_ussd(
                endpoint_id, message=message, type=type, encoding=encoding
            )
        )

    def blacklisted_operators(self, endpoint_id: int) -> Pager[Operator]:
        """Operators the endpoint may not use (GET .../{endpoint_id}/operator_blacklist).

        operationId: EndpointOperatorBlacklistByEndpointIdGet. call `.to_list()` for the list.
        """
        return Pager(
            self._handle, self._area(self._handle.client).blacklisted_operators(endpoint_id)
        )

    def blacklist_operator(self, endpoint_id: int, operator_id: int) -> None:
        """Forbid an operator to the endpoint (PUT .../operator_blacklist/{operator_id}).

        operationId: EndpointOperatorBlacklistByEpIdAndOperatorIdPut.

        Raises:
            ConflictError: `1405 Duplicated`: the operator is blacklisted already.
        """
        return self._handle.run(
            lambda client: self._area(client).blacklist_operator(endpoint_id, operator_id)
        )

    def unblacklist_operator(self, endpoint_id: int, operator_id: int) -> None:
        """Allow a blacklisted operator again (DELETE .../operator_blacklist/{operator_id}).

        operationId: EndpointOperatorBlacklistByEpIdAndOperatorIdDelete.

        Raises:
            NotFoundError: The operator is not blacklisted for this endpoint.
        """
        return self._handle.run(
            lambda client: self._area(client).unblacklist_operator(endpoint_id, operator_id)
        )

    def data_quota(self, endpoint_id: int) -> Quota:
        """The endpoint's data quota (GET .../quota/data; EndpointQuotaDataByEndpointIdGet).

        Raises:
            NotFoundError: The endpoint has no data quota.
        """
        return self._handle.run(lambda client: self._area(client).data_quota(endpoint_id))

    def set_data_quota(
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
        """Set (or replace) the endpoint's data quota (POST .../quota/data).

        operationId: EndpointQuotaDataByEndpointIdPost.

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
        return self._handle.run(
            lambda client: self._area(client).set_data_quota(
                endpoint_id,
                volume=volume,
                expiry_date=expiry_date,
                action_on_exhaustion=action_on_exhaustion,
                peak_throughput=peak_throughput,
                status=status,
                auto_refill=auto_refill,
                threshold_percentage=threshold_percentage,
                threshold_volume=threshold_volume,
            )
        )

    def remove_data_quota(self, endpoint_id: int) -> None:
        """Remove the data quota (DELETE .../quota/data; DeleteEndpointDataQuotaById).

        Raises:
            NotFoundError: The endpoint has no data quota.
        """
        return self._handle.run(lambda client: self._area(client).remove_data_quota(endpoint_id))

    def sms_quota(self, endpoint_id: int) -> Quota:
        """The endpoint's SMS quota (GET .../quota/sms; EndpointQuotaSmsByEndpointIdGet).

        Raises:
            NotFoundError: The endpoint has no SMS quota.
        """
        return self._handle.run(lambda client: self._area(client).sms_quota(endpoint_id))

    def set_sms_quota(
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
        """Set (or replace) the endpoint's SMS quota (POST .../quota/sms).

        operationId: EndpointQuotaSmsByEndpointIdPost.

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
        return self._handle.run(
            lambda client: self._area(client).set_sms_quota(
                endpoint_id,
                volume=volume,
                expiry_date=expiry_date,
                threshold_percentage=threshold_percentage,
                action_on_exhaustion=action_on_exhaustion,
                status=status,
                auto_refill=auto_refill,
                threshold_volume=threshold_volume,
            )
        )

    def remove_sms_quota(self, endpoint_id: int) -> None:
        """Remove the SMS quota (DELETE .../quota/sms; DeleteEndpointSmsQuotaById).

        Raises:
            NotFoundError: The endpoint has no SMS quota.
        """
        return self._handle.run(lambda client: self._area(client).remove_sms_quota(endpoint_id))

    def balance(self, endpoint_id: int) -> Balance:
        """The endpoint's prepaid balance (GET .../balance; EndpointBalanceByEndpointIdGet)."""
        return self._handle.run(lambda client: self._area(client).balance(endpoint_id))

    def update_balance(
        self,
        endpoint_id: int,
        *,
        amount: float,
        currency: IdLike | NotGiven = NOT_GIVEN,
        expiry_date: datetime.datetime | datetime.date | NotGiven = NOT_GIVEN,
    ) -> None:
        """Top up the endpoint's prepaid balance (POST .../balance).

        operationId: EndpointBalanceByEndpointIdPost. Not retried once sent: a second attempt
        would add the amount twice.

        Args:
            endpoint_id: The endpoint.
            amount: The amount to add, positive.
            currency: The currency (id or model).
            expiry_date: When the balance expires.

        Raises:
            InputError: A bad value (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).update_balance(
                endpoint_id, amount=amount, currency=currency, expiry_date=expiry_date
            )
        )

    def reset_balance(self, endpoint_id: int) -> None:
        """Remove the prepaid balance (DELETE .../balance; EndpointBalanceByEndpointIdDelete)."""
        return self._handle.run(lambda client: self._area(client).reset_balance(endpoint_id))

    def traffic_limit_extensions(self, endpoint_id: int) -> Pager[TrafficLimitExtension]:
        """The endpoint's active traffic limit extensions (GET .../traffic_limit_extension).

        operationId: get-endpoint-traffic-limit-extensions (newer docs). call `.to_list()` for the
        list.

        Raises:
            NotFoundError: No such endpoint in this organisation.
        """
        return Pager(
            self._handle, self._area(self._handle.client).traffic_limit_extensions(endpoint_id)
        )

    def extend_traffic_limit(
        self, endpoint_id: int, *, volume: float, traffic_limit_id: IdLike | NotGiven = NOT_GIVEN
    ) -> TrafficLimitExtension:
        """Raise a traffic limit of the endpoint for a while (POST .../traffic_limit_extension).

        operationId: create-endpoint-traffic-limit-extension (newer docs). Each call adds an
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
        return self._handle.run(
            lambda client: self._area(client).extend_traffic_limit(
                endpoint_id, volume=volume, traffic_limit_id=traffic_limit_id
            )
        )

    def remove_traffic_limit_extensions(self, endpoint_id: int) -> None:
        """End all the endpoint's traffic limit extensions (DELETE .../traffic_limit_extension).

        operationId: delete-endpoint-traffic-limit-extensions (newer docs). The limits of the
        service profile apply again.

        Raises:
            NotFoundError: No such endpoint in this organisation.
        """
        return self._handle.run(
            lambda client: self._area(client).remove_traffic_limit_extensions(endpoint_id)
        )

    def create_many(
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
        return self._handle.run(
            lambda client: self._area(client).create_many(
                endpoints,
                service_profile=service_profile,
                tariff_profile=tariff_profile,
                status=status,
                organisation=organisation,
                ip_address_space=ip_address_space,
            )
        )

    def update_many(self, changes: Iterable[EndpointChange]) -> BulkResult:
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
        return self._handle.run(lambda client: self._area(client).update_many(changes))

    def delete_many(self, endpoint_ids: Iterable[int], *, delete_sims: bool = False) -> BulkResult:
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
        return self._handle.run(
            lambda client: self._area(client).delete_many(endpoint_ids, delete_sims=delete_sims)
        )


class Events:
    """The event API: everything that happened in your organisation."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEvents]) -> None:
        self._handle = handle
        self._area = area

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[Event]:
        """The organisation's events, across all pages (GET /api/v1/event; GetEvents).

        Args:
            q: Filters, e.g. `{"type": 8, "severity": 1}`, or `{"from": ..., "until": ...}`
                (both, as `YYYY-MM-DDTHH:mm:ssZ`).
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(q=q, sort=sort, per_page=per_page)
        )

    def types(self) -> Pager[Status]:
        """The event types the API knows (GET /api/v1/event/type; EventTypeGet).

        call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).types())


class Operators:
    """The operator API."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncOperators]) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[Operator]:
        """Every mobile network operator, with countries, MNCs and TAP codes.

        GET /api/v1/operator (OperatorGet). The API answers with the whole list at once;
        iterate the pager, or call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())


class SimBatches:
    """The SIM batch API."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncSimBatches]
    ) -> None:
        self._handle = handle
        self._area = area

    def validate(self, bic: str) -> SimBatch:
        """Check that the batch with this BIC can be registered (GET /api/v1/sim_batch/bic/{bic}).

        Raises:
            BadRequestError: The batch is already registered.
            NotFoundError: No batch has this BIC.
            UnprocessableEntityError: The batch holds SIMs of another organisation.
        """
        return self._handle.run(lambda client: self._area(client).validate(bic))

    def register(self, bic: str, *, status: SimStatusId | int) -> list[Sim]:
        """Register a batch: its SIMs join your organisation with `status` (PATCH .../bic/{bic}).

        Args:
            bic: The batch's 16-character BIC.
            status: `SimStatusId.ISSUED`, `ACTIVATED` (billing starts) or `FACTORY_TEST`.

        Returns:
            The registered SIMs, as emnify answers them: `id` and `iccid` only (`get()` a SIM
            for the rest).

        Raises:
            UnprocessableEntityError: Unknown BIC, batch already registered, or foreign SIMs.
        """
        return self._handle.run(lambda client: self._area(client).register(bic, status=status))


class Organisations:
    """The organisation API."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncOrganisations]
    ) -> None:
        self._handle = handle
        self._area = area

    def my(self) -> Organisation:
        """The details of your own organisation (GET /api/v1/organisation/my)."""
        return self._handle.run(lambda client: self._area(client).my())

    def statuses(self) -> Pager[Status]:
        """The organisation statuses the API knows (GET /api/v1/organisation/status).

        call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses())

    def monthly_stats(self, org: OrgLike = "my") -> OrganisationStats:
        """This and last month's traffic and costs, and SIM counts (GET .../{org}/stats).

        Traffic totals include the child organisations; the counters cover `org` only.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        return self._handle.run(lambda client: self._area(client).monthly_stats(org))

    def daily_stats(
        self,
        org: OrgLike = "my",
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> Pager[DailyStats]:
        """Traffic and costs per day, the children included (GET .../{org}/stats/daily).

        call `.to_list()` for the list of days. The last row is usually the total of the range:
        `is_total=True`, `date=None`.

        Args:
            org: An organisation id (yours or a child's) or `"my"` (the default).
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: `org` or a date is malformed, or the end is before the start.
            UnprocessableEntityError: The organisation is unknown or not accessible.
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).daily_stats(
                org, start_date=start_date, end_date=end_date
            ),
        )

    def hourly_stats(
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
        return self._handle.run(
            lambda client: self._area(client).hourly_stats(
                org, start_date=start_date, end_date=end_date
            )
        )

    def current_month_daily_stats(self) -> Pager[DailyStats]:
        """Your organisation's usage and costs per day this month (GET /api/v1/stats/daily).

        call `.to_list()` for the list of days.

        Data costs are left out for enterprise organisations with an inclusive volume.
        """
        return Pager(self._handle, self._area(self._handle.client).current_month_daily_stats())

    def active_inclusive_volumes(self, org: OrgLike = "my") -> Pager[InclusiveVolume]:
        """The inclusive volumes active this month (GET .../{org}/inclusive_volume/active).

        call `.to_list()` for the list.

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            NotFoundError: The organisation is unknown or not accessible.
        """
        return Pager(self._handle, self._area(self._handle.client).active_inclusive_volumes(org))

    @legacy_arguments(ASSIGN_INCLUSIVE_VOLUME)
    def assign_inclusive_volume(
        self,
        org: OrgLike = "my",
        *,
        inclusive_volume_id: int,
        start_date: DateLike | NotGiven = NOT_GIVEN,
        end_date: DateLike | NotGiven | None = NOT_GIVEN,
        pooled: bool | NotGiven = NOT_GIVEN,
    ) -> InclusiveVolumeAssignment:
        """Assign a ratezone's inclusive volume (PUT .../{org}/inclusive_volume/{id}).

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
        return self._handle.run(
            lambda client: self._area(client).assign_inclusive_volume(
                org,
                inclusive_volume_id=inclusive_volume_id,
                start_date=start_date,
                end_date=end_date,
                pooled=pooled,
            )
        )

    @legacy_arguments(CREATE_INCLUSIVE_VOLUME)
    def create_inclusive_volume(
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
        """Give a child organisation an inclusive volume (POST .../{org_id}/inclusive_volume).

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
        return self._handle.run(
            lambda client: self._area(client).create_inclusive_volume(
                org,
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
        )

    @legacy_arguments(UPDATE_TARIFF)
    def update_tariff(self, org: IdLike, tariff: IdLike) -> None:
        """Change the tariff of your organisation or a child (PATCH .../{org_id}/tariff).

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
        return self._handle.run(lambda client: self._area(client).update_tariff(org, tariff))


class Tariffs:
    """The tariff API (MNO and reseller organisations only)."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncTariffs]) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[Tariff]:
        """Your organisation's tariffs (GET /api/v1/tariff).

        The API answers with the whole list at once (it is not paged); like every list call
        this returns a pager: iterate it, or call `.to_list()` for the list.

        Raises:
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def get(self, tariff_id: int) -> Tariff:
        """One tariff (GET /api/v1/tariff/{tariff_id}).

        Raises:
            NotFoundError: No such tariff of your organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(tariff_id))

    def create(
        self,
        *,
        name: str,
        currency: IdLike,
        description: str | NotGiven = NOT_GIVEN,
        default_sms_mt_rate: float | NotGiven = NOT_GIVEN,
        default_sms_mo_rate: float | NotGiven = NOT_GIVEN,
        sim_issued_rate: float | NotGiven = NOT_GIVEN,
        sim_activated_rate: float | NotGiven = NOT_GIVEN,
        sim_suspended_rate: float | NotGiven = NOT_GIVEN,
        sim_activation_rate: float | NotGiven = NOT_GIVEN,
        sim_reactivation_rate: float | NotGiven = NOT_GIVEN,
        sim_suspension_rate: float | NotGiven = NOT_GIVEN,
        sim_termination_rate: float | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        status: IdLike | NotGiven = NOT_GIVEN,
        data_blocksize: IdLike | NotGiven = NOT_GIVEN,
        data_throttle: IdLike | NotGiven | None = NOT_GIVEN,
        tariff_category: int | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a tariff (POST /api/v1/tariff).

        Only the fields passed are sent; references (currency, status, data block size and
        throttle) are ids or models with an `id`, sent as `{"id": n}`. Rates are never
        negative.

        Args:
            name: Short name.
            currency: Currency of every rate.
            description: Long description.
            default_sms_mt_rate: Default rate of a mobile-terminated SMS.
            default_sms_mo_rate: Default rate of a mobile-originated SMS.
            sim_issued_rate: Monthly rate of an issued SIM.
            sim_activated_rate: Monthly rate of an activated SIM.
            sim_suspended_rate: Monthly rate of a suspended SIM.
            sim_activation_rate: One-off rate of activating a SIM.
            sim_reactivation_rate: One-off rate of reactivating a SIM.
            sim_suspension_rate: One-off rate of suspending a SIM.
            sim_termination_rate: One-off rate of terminating a SIM.
            public: Whether child organisations may pick it themselves.
            status: Tariff status.
            data_blocksize: Data block size that traffic is rounded up to.
            data_throttle: Data throttle; `None` for none.
            tariff_category: Tariff category id.

        Returns:
            The new tariff's id (from the `Location` header); `get()` it for the details.

        Raises:
            InputError: A value is invalid, e.g. a negative rate (nothing is sent).
            ConflictError: A tariff with this name exists.
            UnprocessableEntityError: The API refused a value.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                name=name,
                currency=currency,
                description=description,
                default_sms_mt_rate=default_sms_mt_rate,
                default_sms_mo_rate=default_sms_mo_rate,
                sim_issued_rate=sim_issued_rate,
                sim_activated_rate=sim_activated_rate,
                sim_suspended_rate=sim_suspended_rate,
                sim_activation_rate=sim_activation_rate,
                sim_reactivation_rate=sim_reactivation_rate,
                sim_suspension_rate=sim_suspension_rate,
                sim_termination_rate=sim_termination_rate,
                public=public,
                status=status,
                data_blocksize=data_blocksize,
                data_throttle=data_throttle,
                tariff_category=tariff_category,
            )
        )

    def update(
        self,
        tariff_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        default_sms_mt_rate: float | NotGiven = NOT_GIVEN,
        default_sms_mo_rate: float | NotGiven = NOT_GIVEN,
        sim_activated_rate: float | NotGiven = NOT_GIVEN,
        sim_suspended_rate: float | NotGiven = NOT_GIVEN,
        sim_activation_rate: float | NotGiven = NOT_GIVEN,
        sim_reactivation_rate: float | NotGiven = NOT_GIVEN,
        sim_suspension_rate: float | NotGiven = NOT_GIVEN,
        sim_termination_rate: float | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        status: IdLike | NotGiven = NOT_GIVEN,
        currency: IdLike | NotGiven = NOT_GIVEN,
        data_blocksize: IdLike | NotGiven = NOT_GIVEN,
        data_throttle: IdLike | NotGiven | None = NOT_GIVEN,
        tariff_category: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a tariff (PATCH /api/v1/tariff/{tariff_id}).

        Only the fields passed are sent (the fields the API accepts on update; see `create()`
        for their meaning). `description=None` empties it, `data_throttle=None` removes the
        throttle.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The API refused a value.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                tariff_id,
                name=name,
                description=description,
                default_sms_mt_rate=default_sms_mt_rate,
                default_sms_mo_rate=default_sms_mo_rate,
                sim_activated_rate=sim_activated_rate,
                sim_suspended_rate=sim_suspended_rate,
                sim_activation_rate=sim_activation_rate,
                sim_reactivation_rate=sim_reactivation_rate,
                sim_suspension_rate=sim_suspension_rate,
                sim_termination_rate=sim_termination_rate,
                public=public,
                status=status,
                currency=currency,
                data_blocksize=data_blocksize,
                data_throttle=data_throttle,
                tariff_category=tariff_category,
            )
        )

    def delete(self, tariff_id: int) -> None:
        """Delete a tariff (DELETE /api/v1/tariff/{tariff_id}).

        Raises:
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The tariff is used by a tariff profile or assigned to an
                organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return self._handle.run(lambda client: self._area(client).delete(tariff_id))


class EuiccOperations:
    """Profile operations of IoT eUICCs: schedule, follow, cancel (`client.euiccs.operations`).

    An operation runs when the eUICC next polls emnify's eIM (at the latest a day later), so
    it is scheduled first and followed with `get()` or `list()` until it is final."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEuiccOperations]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(
        self,
        euicc_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[EuiccOperation]:
        """An IoT eUICC's operations, across all pages (GET /api/v1/euicc/{euicc_id}/operation).

        operationId: list-operation (newer docs).

        Args:
            euicc_id: The eUICC.
            q: Filters on `id`, `action`, `status`, `iccid_with_luhn`, e.g. `{"status": 1}`.
            sort: Sort keys among those and `creation_date`, `expiry_date`,
                `finalization_date`, e.g. `"-creation_date"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            NotFoundError: No such eUICC, or not an IoT eUICC.
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).list(euicc_id, q=q, sort=sort, per_page=per_page),
        )

    def get(self, euicc_id: int, operation_id: str) -> EuiccOperation:
        """One operation (GET /api/v1/euicc/{euicc_id}/operation/{operation_id}).

        operationId: get-operation (newer docs).

        Args:
            euicc_id: The eUICC.
            operation_id: The operation's id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such operation on this eUICC, or not an IoT eUICC.
        """
        return self._handle.run(lambda client: self._area(client).get(euicc_id, operation_id))

    def schedule(
        self, euicc_id: int, operations: Iterable[EuiccOperationRequest]
    ) -> builtins.list[EuiccOperation]:
        """Schedule profile operations on an IoT eUICC (POST /api/v1/euicc/{euicc_id}/operation).

        operationId: schedule-operations (newer docs).

        Each `EuiccOperationRequest` names its action by id (see `actions()`). They are
        scheduled together and answered in the same order, each Scheduled; the eUICC runs them
        when it next polls. The request is never repeated once sent (a repeat would schedule
        the operations twice): if it fails without an answer, `list()` shows what was
        scheduled.

        Returns:
            The scheduled operations.

        Raises:
            InputError: No operation, or one that is not an `EuiccOperationRequest`.
            NotFoundError: No such eUICC, or not an IoT eUICC.
            BadRequestError: The API refused an operation (an unknown action, a missing field).
        """
        return self._handle.run(lambda client: self._area(client).schedule(euicc_id, operations))

    def cancel(self, euicc_id: int, operation_id: str) -> None:
        """Cancel a scheduled operation (DELETE /api/v1/euicc/{euicc_id}/operation/{operation_id}).

        operationId: cancel-operation (newer docs, "reserved for future use").

        Raises:
            NotFoundError: No such operation on this eUICC, or not an IoT eUICC.
            ConflictError: The operation has already run (the emulator's answer; the docs
                document none).
        """
        return self._handle.run(lambda client: self._area(client).cancel(euicc_id, operation_id))

    def actions(self) -> Pager[Status]:
        """The operation actions the API knows (GET /api/v1/euicc/operation/action).

        operationId: list-operation-action (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).actions())

    def statuses(self) -> Pager[Status]:
        """The operation statuses (GET /api/v1/euicc/operation/status).

        operationId: list-operation-status (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses())


class Euiccs:
    """eUICCs: the embedded SIM chips of the organisation and their profiles."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEuiccs]) -> None:
        self._handle = handle
        self._area = area

    @functools.cached_property
    def operations(self) -> EuiccOperations:
        """Profile operations of IoT eUICCs: schedule, follow, cancel."""
        return EuiccOperations(self._handle, lambda client: self._area(client).operations)

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[Euicc]:
        """The organisation's eUICCs, across all pages (GET /api/v1/euicc).

        operationId: list-euiccs (newer docs).

        Args:
            q: Filters on `id`, `eid`, `supported_profile_type`, `status`, `eim`, e.g.
                `{"eid": "8904..."}`.
            sort: Sort keys among those and `modified`, e.g. `"-id"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(q=q, sort=sort, per_page=per_page)
        )

    def get(self, euicc_id: int) -> Euicc:
        """One eUICC with its profiles (GET /api/v1/euicc/{euicc_id}).

        operationId: get-euicc (newer docs).

        Raises:
            NotFoundError: No such eUICC in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(euicc_id))

    def linked(self, eids: Iterable[str]) -> builtins.list[str]:
        """The EIDs of these with a profile linked (POST /api/v1/euicc/unlinked_validation).

        operationId: post-euicc-unlinked-validation (newer docs). Checks EIDs before linking
        eSIM profiles to them; nothing changes, so the call is safely repeated.

        Returns:
            The EIDs that already have a linked profile; empty when none has.

        Raises:
            InputError: No EID, or one that is not 32 digits starting with 89.
        """
        return self._handle.run(lambda client: self._area(client).linked(eids))

    def statuses(self) -> Pager[Status]:
        """The eUICC statuses (GET /api/v1/euicc/status; "reserved for future use").

        operationId: list-euicc-status (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses())

    def profile_statuses(self) -> Pager[Status]:
        """The statuses of eUICC profiles (GET /api/v1/euicc/profile/status).

        operationId: list-euicc-profile-status (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).profile_statuses())


class SimOperations:
    """SIM operations: trigger one, then follow it until it is final."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncSimOperations]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[SimOperation]:
        """The organisation's SIM operations, across all pages (GET /api/v1/sim/operation).

        operationId: list-sim-operation (newer docs).

        Args:
            q: Filters on `id`, `action`, `status`, e.g. `{"status": 3}`.
            sort: Sort keys among those and `creation_date`, `finalization_date`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(q=q, sort=sort, per_page=per_page)
        )

    def get(self, operation_id: str) -> SimOperation:
        """One SIM operation, with its progress (GET /api/v1/sim/operation/{operation_id}).

        operationId: get-sim-operation (newer docs).

        Args:
            operation_id: The operation's id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such operation in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(operation_id))

    def trigger(
        self,
        *,
        action: IdLike,
        targets: Iterable[SimTarget],
        product: IdLike | NotGiven = NOT_GIVEN,
    ) -> SimOperation:
        """Start a SIM operation (POST /api/v1/sim/operation).

        operationId: trigger-sim-operation (newer docs).

        The operation runs in the background: follow it with `get()` until its
        `finalization_date` is set; `success_count`, `failed_count` and `error` then say how
        each target fared. The request is never repeated once sent (a repeat would start a
        second operation): if it fails without an answer, `list()` shows whether it started.

        Args:
            action: The action, an id of `actions()` (or the `Status` itself).
            targets: What it acts on: `SimTarget(sim=..., eid=...)` each.
            product: The eSIM product to take profiles from, for targets without a SIM.

        Raises:
            InputError: No target, or an action, product or target that is malformed.
            BadRequestError: The API refused the operation.
        """
        return self._handle.run(
            lambda client: self._area(client).trigger(
                action=action, targets=targets, product=product
            )
        )

    def actions(self) -> Pager[Status]:
        """The SIM operation actions the API knows (GET /api/v1/sim/operation/action).

        operationId: list-sim-operation-action (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).actions())

    def statuses(self) -> Pager[Status]:
        """The SIM operation statuses (GET /api/v1/sim/operation/status).

        operationId: list-sim-operation-status (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses())


class Emnify:
    """Blocking client for the emnify REST API, over the async core.

    Use it as `with Emnify() as client:`, or call `client.close()` when done. Calls run on a
    private event loop in a background thread, so it works in scripts, threads and notebooks;
    one client may be shared by many threads. In async code use `emnify_async.AsyncEmnify`.

    Args:
        application_token: An emnify application token. Defaults to the environment variable
            `EMNIFY_APPLICATION_TOKEN`.
        username: Log in as a user instead (defaults to `EMNIFY_USERNAME`).
        password: The user's plain password (defaults to `EMNIFY_PASSWORD`); only its SHA-1,
            which emnify requires, is kept and sent.
        base_url: The API's address. Defaults to `EMNIFY_BASE_URL`, else
            `https://cdn.emnify.net`. Plain `http://` is accepted only for loopback hosts.
        timeout: Seconds one attempt of a request may take.
        connect_timeout: Seconds to open a connection.
        max_retries: Retries of a request that failed transiently (overrides `retry`).
        retry: The full retry policy (backoff, deadline, Retry-After cap).
        max_concurrency: Requests in flight at once from this client.
        page_prefetch: Pages a list call fetches ahead once it knows the total.
        rate_limits: Pace requests to emnify's documented limits (the default, `True`), to
            custom `RateLimits`, or not at all (`False`).
        max_response_bytes: The largest response body read (default 64 MiB); a larger one
            stops reading and raises `ResponseTooLargeError`.
        proxy: An `http://[user:password@]host:port` proxy for every request (HTTPS still
            runs end to end through it, with CONNECT). Its password never shows in reprs,
            logs or errors.
        trust_env: Use the proxy the environment sets when `proxy` is not given:
            `HTTPS_PROXY` (`HTTP_PROXY` for a loopback `http://` base URL, else `ALL_PROXY`),
            exempting hosts listed in `NO_PROXY`, as `requests` does. On by default (unlike
            bare aiohttp); `False` ignores these variables. Read when the client is built.
        ssl: An `ssl.SSLContext` to verify the API's certificate with, for a private CA or a
            TLS-inspecting proxy (`ssl.create_default_context(cafile=...)`). Verification
            cannot be switched off: `False` or a `CERT_NONE` context raises `InputError`.
        event_hooks: `{"request": [fn, ...], "response": [fn, ...]}`: functions (plain or
            `async`) called with a `RequestEvent` before each HTTP request is sent and once
            its answer was read or it failed, logins included. Events never carry headers,
            tokens or bodies; what a hook raises is logged at WARNING and ignored.

    Raises:
        InputError: An argument is invalid (for instance a plain-HTTP remote base URL).
    """

    def __init__(
        self,
        application_token: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        base_url: str | None = None,
        timeout: float = 60.0,
        connect_timeout: float = 10.0,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        max_concurrency: int = 8,
        page_prefetch: int = 4,
        rate_limits: RateLimits | bool = True,
        max_response_bytes: int = 67108864,
        proxy: str | None = None,
        trust_env: bool = True,
        ssl: SSLContext | None = None,
        event_hooks: Mapping[str, Sequence[EventHook]] | None = None,
    ) -> None:
        self._handle = ClientHandle(
            lambda: AsyncEmnify(
                application_token,
                username=username,
                password=password,
                base_url=base_url,
                timeout=timeout,
                connect_timeout=connect_timeout,
                max_retries=max_retries,
                retry=retry,
                max_concurrency=max_concurrency,
                page_prefetch=page_prefetch,
                rate_limits=rate_limits,
                max_response_bytes=max_response_bytes,
                proxy=proxy,
                trust_env=trust_env,
                ssl=ssl,
                event_hooks=event_hooks,
            )
        )
        self._handle.release_on_collect(self)

    @classmethod
    def _view(cls, handle: ClientHandle) -> Emnify:
        view = cls.__new__(cls)
        view._handle = handle
        return view

    @functools.cached_property
    def sims(self) -> Sims:
        """SIMs: list, get, update, activate, suspend, delete, events, stats, bulk changes."""
        return Sims(self._handle, lambda client: client.sims)

    @functools.cached_property
    def endpoints(self) -> Endpoints:
        """Endpoints (devices): details, SMS, connectivity, quotas, blacklists, bulk changes."""
        return Endpoints(self._handle, lambda client: client.endpoints)

    @functools.cached_property
    def events(self) -> Events:
        """Events of the whole organisation, and the event types."""
        return Events(self._handle, lambda client: client.events)

    @functools.cached_property
    def operators(self) -> Operators:
        """Mobile network operators."""
        return Operators(self._handle, lambda client: client.operators)

    @functools.cached_property
    def sim_batches(self) -> SimBatches:
        """SIM batches: validate and register by BIC."""
        return SimBatches(self._handle, lambda client: client.sim_batches)

    @functools.cached_property
    def organisations(self) -> Organisations:
        """Organisations: details, statistics, inclusive volumes, tariff change."""
        return Organisations(self._handle, lambda client: client.organisations)

    @functools.cached_property
    def tariffs(self) -> Tariffs:
        """Tariffs (MNO and reseller API): list, get, create, update, delete."""
        return Tariffs(self._handle, lambda client: client.tariffs)

    @functools.cached_property
    def euiccs(self) -> Euiccs:
        """eUICCs (SGP.32 IoT eSIMs): list, get, linked EIDs; `operations` on their profiles."""
        return Euiccs(self._handle, lambda client: client.euiccs)

    @functools.cached_property
    def sim_operations(self) -> SimOperations:
        """SIM operations on eSIMs (say, linking profiles to EIDs): trigger, follow."""
        return SimOperations(self._handle, lambda client: client.sim_operations)

    @property
    def base_url(self) -> str:
        """The API address this client talks to."""
        return self._handle.client.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy in force for this client's calls."""
        return self._handle.client.retry_policy

    @property
    def timeout(self) -> float:
        """Seconds one attempt of a call may take."""
        return self._handle.client.timeout

    def with_options(
        self,
        *,
        timeout: float | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry: RetryPolicy | NotGiven = NOT_GIVEN,
    ) -> Emnify:
        """A view of this client whose calls use other settings.

        `client.with_options(timeout=5, max_retries=0).sims.get(1)`. The view shares the
        connection pool, the token and the pacing with this client; closing it does nothing
        (close the client it came from).

        Args:
            timeout: Seconds one attempt may take.
            max_retries: Retries after the first attempt (overrides `retry`'s).
            retry: A whole retry policy (deadline, backoff, Retry-After cap).

        Raises:
            InputError: A setting is invalid.
        """
        return Emnify._view(
            self._handle.derive(
                lambda client: client.with_options(
                    timeout=timeout, max_retries=max_retries, retry=retry
                )
            )
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        json: Any = None,
    ) -> Any:
        """Call any operation of the API, wrapped by the SDK or not, with all of its care.

        The call is authenticated, paced, retried where repeating is harmless (GET, PUT,
        PATCH, DELETE; a POST only when it was provably not processed), bounded in size, and
        its errors are the SDK's typed exceptions. A 3xx is never followed.

        Args:
            method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
            path: The path, e.g. `/api/v1/endpoint/5/connectivity` (no host, no query).
            params: Query parameters; None values are left out.
            json: The JSON body, if any.

        Returns:
            The decoded JSON answer; the new id for a `201` with a `Location`; None for no
            content.

        Raises:
            InputError: The method, path, parameters or body cannot be sent (nothing is).
        """
        return self._handle.run(
            lambda client: client.request(method, path, params=params, json=json)
        )

    def request_pages(
        self,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        per_page: int | None = None,
    ) -> Pager[Any]:
        """Page through any paged list of the API: a pager over its items as decoded JSON.

        Pages are checked like the SDK's own listings (JSON arrays with pagination headers,
        none short or skipped) and prefetched the same way.

        Args:
            path: The list's path, e.g. `/api/v1/endpoint`.
            params: Query parameters (`q`, `sort`, ...); None values are left out.
            per_page: Page size; the server's default when None.

        Raises:
            InputError: The path, parameters or page size cannot be sent (nothing is).
        """
        return Pager(
            self._handle, self._handle.client.request_pages(path, params=params, per_page=per_page)
        )

    def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards.

        On a view from `with_options()` this does nothing: close the client it came from."""
        self._handle.close()

    def __enter__(self) -> Emnify:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self._handle.client).replace("AsyncEmnify", "Emnify", 1)
