"""SIMs: list, details, update, delete, events and statistics (`client.sims`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .._bulk import BulkItem, BulkResult, OnResult, Progress, read_back, unique_ids
from .._constants import EVENT_MAX_PER_PAGE, SIM_MAX_PER_PAGE
from .._exceptions import APIError, InputError, NotFoundError
from .._ops import sims as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, DateLike, IdLike, NotGiven, QueryValue, StatusLike
from ..models import (
    DailyStats,
    EsimInstallationCode,
    Event,
    Sim,
    SimMigration,
    SimStats,
    SimStatusId,
    Status,
    UnlinkedProductStats,
)
from ._base import AsyncResource

__all__ = ["AsyncSims"]


class AsyncSims(AsyncResource):
    """The SIM API."""

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = SIM_MAX_PER_PAGE,
    ) -> AsyncPager[Sim]:
        """List SIMs, across all pages.

        `GET /api/v1/sim` (operationId `SimPerPageSortByQAndPageGet`).

        Args:
            q: Filters, e.g. `{"status": SimStatusId.ACTIVATED, "customer_org": 7}`; `None` as a
                value matches an empty field (`{"endpoint": None}`: SIMs without a device).
            sort: Sort keys, e.g. `"-status,id"` or `["-status", "id"]`; `-` is descending.
            per_page: Page size, 1 to 2500 (the maximum, and the default).

        Returns:
            A pager: `async for sim in ...`, `.iter_pages()`, `.to_list()`.

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return self._many(ops.LIST, q=q, sort=sort, per_page=per_page)

    async def get(self, sim_id: int) -> Sim:
        """Get one SIM.

        `GET /api/v1/sim/{sim_id}` (operationId `SimByIdGet`).

        Raises:
            NotFoundError: No such SIM in this organisation.
        """
        return await self._one(ops.GET, sim_id=sim_id)

    async def update(
        self,
        sim_id: int,
        *,
        status: StatusLike | NotGiven = NOT_GIVEN,
        issuer_org: IdLike | NotGiven = NOT_GIVEN,
        reseller_org: IdLike | NotGiven | None = NOT_GIVEN,
        customer_org: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Change a SIM's status or organisations.

        `PATCH /api/v1/sim/{sim_id}` (operationId `SimByIdPatch`).

        Only the fields passed are sent. `reseller_org=None` or `customer_org=None` empties
        that field. Organisations may be given as ids or as models with an `id`.

        The API allows only these status changes: Issued to Activated or Factory Test, Factory
        Test to Activated, and Activated to Suspended and back; others fail with
        `UnprocessableEntityError`. An enterprise organisation may change only the status.

        Raises:
            InputError: No field was given, or an id is not a positive integer.
        """
        await self._nothing(
            ops.UPDATE,
            sim_id=sim_id,
            status=status,
            issuer_org=issuer_org,
            reseller_org=reseller_org,
            customer_org=customer_org,
        )

    async def activate(self, sim_id: int) -> None:
        """Set a SIM's status to Activated (billing starts)."""
        await self.update(sim_id, status=SimStatusId.ACTIVATED)

    async def suspend(self, sim_id: int) -> None:
        """Set a SIM's status to Suspended."""
        await self.update(sim_id, status=SimStatusId.SUSPENDED)

    async def bulk_update(
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
        body = ops.UPDATE.make_body(
            status=status,
            issuer_org=issuer_org,
            reseller_org=reseller_org,
            customer_org=customer_org,
        )
        return await self._bulk_update(
            ops.UPDATE,
            ops.GET,
            sim_ids,
            body,
            concurrency=concurrency,
            progress=progress,
            on_result=on_result,
        )

    async def bulk_activate(
        self,
        sim_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Activate many SIMs; see `bulk_update()` for how items are run and reported."""
        return await self.bulk_update(
            sim_ids,
            status=SimStatusId.ACTIVATED,
            concurrency=concurrency,
            progress=progress,
            on_result=on_result,
        )

    async def bulk_suspend(
        self,
        sim_ids: Iterable[int],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
        on_result: OnResult | None = None,
    ) -> BulkResult:
        """Suspend many SIMs; see `bulk_update()` for how items are run and reported."""
        return await self.bulk_update(
            sim_ids,
            status=SimStatusId.SUSPENDED,
            concurrency=concurrency,
            progress=progress,
            on_result=on_result,
        )

    async def delete(self, sim_id: int) -> None:
        """Delete a SIM for good.

        `DELETE /api/v1/sim/{sim_id}` (operationId `SimByIdDelete`).

        Raises:
            UnprocessableEntityError or ConflictError: The SIM still has an endpoint assigned.
            PermissionDeniedError: A reseller tried to delete a SIM it has sold.
        """
        await self._nothing(ops.DELETE, sim_id=sim_id)

    def events(
        self,
        sim_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = EVENT_MAX_PER_PAGE,
    ) -> AsyncPager[Event]:
        """List a SIM's events, across all pages.

        `GET /api/v1/sim/{sim_id}/event` (operationId `SimEventPagePerPageSortBySimIdAndQGet`).

        Note that the API answers an unknown SIM id with an empty list, not a 404.

        Args:
            sim_id: The SIM.
            q: Filters, e.g. `{"type": 1, "severity": 2}`.
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).
        """
        return self._many(ops.EVENTS, sim_id=sim_id, q=q, sort=sort, per_page=per_page)

    async def stats(self, sim_id: int) -> SimStats:
        """Usage and costs of this and last month, and the last hour.

        `GET /api/v1/sim/{sim_id}/stats` (operationId `SimStatsByIdGet`).
        """
        return await self._one(ops.STATS, sim_id=sim_id)

    def daily_stats(
        self,
        sim_id: int,
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> AsyncPager[DailyStats]:
        """Usage and costs per day.

        `GET /api/v1/sim/{sim_id}/stats/daily` (operationId `SIMStatisticsDailyByIdGet`).

        Returns a pager over the days: `await` it for the list, or iterate it.

        Args:
            sim_id: The SIM.
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: A date is malformed, or the end is before the start.
        """
        return self._many(ops.DAILY_STATS, sim_id=sim_id, start_date=start_date, end_date=end_date)

    async def installation_code(self, sim_id: int) -> EsimInstallationCode:
        """The code that installs an eSIM (GET /api/v1/sim/{sim_id}/installation_code).

        operationId: GetEsimInstallationCode. Its `payload` is the activation code
        (`LPA:1$<SM-DP+ address>$<matching id>`) a device downloads the profile with: a
        secret, masked in the model's `repr` and never kept in errors.

        Raises:
            NotFoundError: No such SIM in this organisation, or it is not an eSIM.
        """
        return await self._one(ops.INSTALLATION_CODE, sim_id=sim_id)

    def statuses(self, *, refresh: bool = False) -> AsyncPager[Status]:
        """The SIM statuses the API knows.

        `GET /api/v1/sim/status` (operationId `SimStatusGet`).

        `await` it for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return self._cached_many(ops.STATUSES, refresh)

    # -- from the newer docs ----------------------------------------------------------------------

    async def delete_many(self, sim_ids: Iterable[int]) -> BulkResult:
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
        ids = unique_ids(sim_ids, "sim_ids")
        if not ids:
            raise InputError("sim_ids needs at least one SIM")
        try:
            await self._nothing(ops.DELETE_MANY, body=[{"id": sim_id} for sim_id in ids])
        except APIError as exc:
            return await read_back(
                ids,
                exc,
                self._is_gone,
                concurrency=self._transport.max_concurrency,
                method=ops.DELETE_MANY.method,
                path=ops.DELETE_MANY.path,
            )
        return BulkResult([BulkItem(sim_id) for sim_id in ids])

    async def _is_gone(self, sim_id: int) -> bool:
        try:
            await self.get(sim_id)
        except NotFoundError:
            return True
        return False

    async def migrate_to_workspace(
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
        return await self._one(
            ops.MIGRATE,
            target_workspace=target_workspace,
            sims=sims,
            iccids=iccids,
            iccid_range=iccid_range,
            allowed_sim_statuses=allowed_sim_statuses,
            auto_detach_devices=auto_detach_devices,
            dry_run=dry_run,
        )

    def unlinked_product_stats(self) -> AsyncPager[UnlinkedProductStats]:
        """Unlinked eSIM profiles per product (GET /api/v1/sim/unlinked_product_stats).

        operationId: get-unlinked-product-stats (newer docs): how many eSIM profiles of each
        product are available for linking to an EID. `await` it for the list.
        """
        return self._many(ops.UNLINKED_PRODUCT_STATS)
