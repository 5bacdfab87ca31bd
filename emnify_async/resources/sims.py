"""SIMs: list, details, update, delete, events and statistics (`client.sims`)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .._bulk import (
    BulkResult,
    OnResult,
    Progress,
    check_concurrency,
    run_bulk,
    unique_ids,
    verified,
)
from .._constants import EVENT_MAX_PER_PAGE, SIM_MAX_PER_PAGE
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._pagination import AsyncPager
from .._query import (
    check_date_range,
    check_id,
    check_lookup_id,
    check_per_page,
    encode_filter,
    encode_sort,
    ref_id,
)
from .._types import NOT_GIVEN, DateLike, IdLike, NotGiven, QueryValue, StatusLike
from ..models import DailyStats, Event, Sim, SimStats, SimStatusId, Status
from ._base import AsyncResource

__all__ = ["AsyncSims"]

_LIST = Operation("GET", "/api/v1/sim", Returns.PAGE)
_GET = Operation("GET", "/api/v1/sim/{sim_id}", Returns.OBJECT)
# Every body of this SDK sets absolute values, so repeating the PATCH is harmless.
_UPDATE = Operation("PATCH", "/api/v1/sim/{sim_id}", Returns.NOTHING)
_DELETE = Operation("DELETE", "/api/v1/sim/{sim_id}", Returns.NOTHING)
_EVENTS = Operation("GET", "/api/v1/sim/{sim_id}/event", Returns.PAGE)
_STATS = Operation("GET", "/api/v1/sim/{sim_id}/stats", Returns.OBJECT)
_DAILY_STATS = Operation("GET", "/api/v1/sim/{sim_id}/stats/daily", Returns.ARRAY)
_STATUSES = Operation("GET", "/api/v1/sim/status", Returns.ARRAY)


def _update_body(
    status: StatusLike | NotGiven,
    issuer_org: IdLike | NotGiven,
    reseller_org: IdLike | NotGiven | None,
    customer_org: IdLike | NotGiven | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if not isinstance(status, NotGiven):
        body["status"] = {"id": check_lookup_id(status, "status")}
    if not isinstance(issuer_org, NotGiven):
        body["issuer_org"] = {"id": ref_id(issuer_org, "issuer_org")}
    for name, value in (("reseller_org", reseller_org), ("customer_org", customer_org)):
        if not isinstance(value, NotGiven):
            body[name] = {"id": None if value is None else ref_id(value, name)}
    if not body:
        raise InputError(
            "an update needs at least one of status, issuer_org, reseller_org, customer_org"
        )
    return body


def _ref(value: Any) -> int | None:
    """The id of a nested reference (`status`, `customer_org`, ...), None when empty."""
    return None if value is None else value.id


def _list_params(
    q: Mapping[str, QueryValue] | str | None, sort: str | Sequence[str] | None, per_page: int
) -> dict[str, str]:
    params = {"per_page": str(per_page)}
    encoded_q = encode_filter(q)
    if encoded_q is not None:
        params["q"] = encoded_q
    encoded_sort = encode_sort(sort)
    if encoded_sort is not None:
        params["sort"] = encoded_sort
    return params


class AsyncSims(AsyncResource):
    """The SIM API."""

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = SIM_MAX_PER_PAGE,
    ) -> AsyncPager[Sim]:
        """List SIMs, across all pages (GET /api/v1/sim).

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
        params = _list_params(q, sort, check_per_page(per_page, SIM_MAX_PER_PAGE))
        return self._pager(_LIST, Sim, params)

    async def get(self, sim_id: int) -> Sim:
        """Get one SIM (GET /api/v1/sim/{sim_id}).

        Raises:
            NotFoundError: No such SIM in this organisation.
        """
        return await self._model(_GET, Sim, {"sim_id": check_id(sim_id, "sim_id")})

    async def update(
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
        path_params = {"sim_id": check_id(sim_id, "sim_id")}
        body = _update_body(status, issuer_org, reseller_org, customer_org)
        await self._send(_UPDATE, path_params, json=body)

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
            status, issuer_org, reseller_org, customer_org: As for `update()`.
            concurrency: Updates in flight at once.
            progress: Called as `progress(done, total)` after each SIM.
            on_result: Called with each SIM's `BulkItem` as soon as it is known.

        Returns:
            One `BulkItem` per distinct id, in input order.

        Raises:
            InputError: An id or field is invalid (nothing is sent).
        """
        ids = unique_ids(sim_ids, "sim_ids")
        body = _update_body(status, issuer_org, reseller_org, customer_org)
        workers = check_concurrency(concurrency, self._transport.max_concurrency)

        async def apply(sim_id: int) -> None:
            path_params = {"sim_id": sim_id}
            await verified(
                lambda: self._send(_UPDATE, path_params, json=body),
                lambda: self._holds(sim_id, body),
                method=_UPDATE.method,
                path=_UPDATE.url_path(path_params),
            )

        return await run_bulk(
            ids, apply, concurrency=workers, progress=progress, on_result=on_result
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

    async def _holds(self, sim_id: int, body: dict[str, Any]) -> bool:
        """Whether the SIM has every value of an update `body`."""
        sim = await self.get(sim_id)
        return all(_ref(getattr(sim, name)) == wanted["id"] for name, wanted in body.items())

    async def delete(self, sim_id: int) -> None:
        """Delete a SIM for good (DELETE /api/v1/sim/{sim_id}).

        Raises:
            UnprocessableEntityError or ConflictError: The SIM still has an endpoint assigned.
            PermissionDeniedError: A reseller tried to delete a SIM it has sold.
        """
        await self._send(_DELETE, {"sim_id": check_id(sim_id, "sim_id")})

    def events(
        self,
        sim_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = EVENT_MAX_PER_PAGE,
    ) -> AsyncPager[Event]:
        """List a SIM's events, across all pages (GET /api/v1/sim/{sim_id}/event).

        Note that the API answers an unknown SIM id with an empty list, not a 404.

        Args:
            sim_id: The SIM.
            q: Filters, e.g. `{"type": 1, "severity": 2}`.
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).
        """
        path_params = {"sim_id": check_id(sim_id, "sim_id")}
        params = _list_params(q, sort, check_per_page(per_page, EVENT_MAX_PER_PAGE))
        return self._pager(_EVENTS, Event, params, path_params)

    async def stats(self, sim_id: int) -> SimStats:
        """Usage and costs of this and last month, and the last hour (GET .../stats)."""
        return await self._model(_STATS, SimStats, {"sim_id": check_id(sim_id, "sim_id")})

    async def daily_stats(
        self,
        sim_id: int,
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
    ) -> builtins.list[DailyStats]:
        """Usage and costs per day (GET /api/v1/sim/{sim_id}/stats/daily).

        Args:
            sim_id: The SIM.
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: A date is malformed, or the end is before the start.
        """
        path_params = {"sim_id": check_id(sim_id, "sim_id")}
        params = check_date_range(start_date, end_date)
        return await self._models(_DAILY_STATS, DailyStats, path_params, params=params)

    async def statuses(self) -> builtins.list[Status]:
        """The SIM statuses the API knows (GET /api/v1/sim/status)."""
        return await self._models(_STATUSES, Status)
