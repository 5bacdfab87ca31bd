# Generated from emnify_async by scripts/generate_sync.py; do not edit.
"""The blocking facade over emnify_async: same resources, methods and docstrings."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from types import TracebackType

from emnify_async import (
    NOT_GIVEN,
    AsyncEmnify,
    DailyStats,
    DateLike,
    Event,
    IdLike,
    NotGiven,
    QueryValue,
    RateLimits,
    RetryPolicy,
    Sim,
    SimBatch,
    SimStats,
    SimStatusId,
    Status,
    StatusLike,
)

from ._bridge import ClientHandle, Pager

__all__ = ["Emnify", "SimBatches", "Sims"]


class Sims:
    """The SIM API."""

    def __init__(self, handle: ClientHandle) -> None:
        self._handle = handle

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
        return Pager(self._handle, self._handle.client.sims.list(q=q, sort=sort, per_page=per_page))

    def get(self, sim_id: int) -> Sim:
        """Get one SIM (GET /api/v1/sim/{sim_id}).

        Raises:
            NotFoundError: No such SIM in this organisation.
        """
        return self._handle.run(lambda client: client.sims.get(sim_id))

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
            lambda client: client.sims.update(
                sim_id,
                status=status,
                issuer_org=issuer_org,
                reseller_org=reseller_org,
                customer_org=customer_org,
            )
        )

    def activate(self, sim_id: int) -> None:
        """Set a SIM's status to Activated (billing starts)."""
        return self._handle.run(lambda client: client.sims.activate(sim_id))

    def suspend(self, sim_id: int) -> None:
        """Set a SIM's status to Suspended."""
        return self._handle.run(lambda client: client.sims.suspend(sim_id))

    def delete(self, sim_id: int) -> None:
        """Delete a SIM for good (DELETE /api/v1/sim/{sim_id}).

        Raises:
            UnprocessableEntityError or ConflictError: The SIM still has an endpoint assigned.
            PermissionDeniedError: A reseller tried to delete a SIM it has sold.
        """
        return self._handle.run(lambda client: client.sims.delete(sim_id))

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
            self._handle, self._handle.client.sims.events(sim_id, q=q, sort=sort, per_page=per_page)
        )

    def stats(self, sim_id: int) -> SimStats:
        """Usage and costs of this and last month, and the last hour (GET .../stats)."""
        return self._handle.run(lambda client: client.sims.stats(sim_id))

    def daily_stats(
        self, sim_id: int, *, start_date: DateLike | None = None, end_date: DateLike | None = None
    ) -> builtins.list[DailyStats]:
        """Usage and costs per day (GET /api/v1/sim/{sim_id}/stats/daily).

        Args:
            sim_id: The SIM.
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; default: this month.
            end_date: Last day; with only a start date the range ends with that month.

        Raises:
            InputError: A date is malformed, or the end is before the start.
        """
        return self._handle.run(
            lambda client: client.sims.daily_stats(sim_id, start_date=start_date, end_date=end_date)
        )

    def statuses(self) -> builtins.list[Status]:
        """The SIM statuses the API knows (GET /api/v1/sim/status)."""
        return self._handle.run(lambda client: client.sims.statuses())


class SimBatches:
    """The SIM batch API."""

    def __init__(self, handle: ClientHandle) -> None:
        self._handle = handle

    def validate(self, bic: str) -> SimBatch:
        """Check that the batch with this BIC can be registered (GET /api/v1/sim_batch/bic/{bic}).

        Raises:
            BadRequestError: The batch is already registered.
            NotFoundError: No batch has this BIC.
            UnprocessableEntityError: The batch holds SIMs of another organisation.
        """
        return self._handle.run(lambda client: client.sim_batches.validate(bic))

    def register(self, bic: str, *, status: SimStatusId | int) -> list[Sim]:
        """Register a batch: its SIMs join your organisation with `status` (PATCH .../bic/{bic}).

        Args:
            bic: The batch's 16-character BIC.
            status: `SimStatusId.ISSUED`, `ACTIVATED` (billing starts) or `FACTORY_TEST`.

        Returns:
            The registered SIMs.

        Raises:
            UnprocessableEntityError: Unknown BIC, batch already registered, or foreign SIMs.
        """
        return self._handle.run(lambda client: client.sim_batches.register(bic, status=status))


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
            )
        )
        self._handle.release_on_collect(self)
        self.sims = Sims(self._handle)
        """The SIM API."""
        self.sim_batches = SimBatches(self._handle)
        """The SIM batch API."""

    @property
    def base_url(self) -> str:
        """The API address this client talks to."""
        return self._handle.client.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy in force."""
        return self._handle.client.retry_policy

    def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
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
