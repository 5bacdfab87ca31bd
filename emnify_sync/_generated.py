# Generated from emnify_async by scripts/generate_sync.py; do not edit.
"""The blocking facade over emnify_async: same resources, methods and docstrings."""

from __future__ import annotations

import builtins
import datetime
import functools
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from ssl import SSLContext
from types import TracebackType
from typing import Any, Literal

from emnify_async import (
    NOT_GIVEN,
    AsyncEmnify,
    DateLike,
    Destination,
    EventHook,
    IdLike,
    OnResult,
    OrgLike,
    Progress,
    QueryValue,
    StatusLike,
)
from emnify_async._bulk import BulkResult
from emnify_async._ops.automations import ActionConfig
from emnify_async._ops.endpoints import EndpointChange, NewEndpoint
from emnify_async._ops.euiccs import EuiccOperationRequest
from emnify_async._ops.sim_operations import SimTarget
from emnify_async._ratelimit import RateLimits
from emnify_async._retry import RetryPolicy
from emnify_async._types import NotGiven
from emnify_async.models._common import Country, Currency, SimStatusId, Status
from emnify_async.models._secret import Secret
from emnify_async.models.application_tokens import ApplicationToken, NewApplicationToken
from emnify_async.models.automations import ActionLog, Automation, AutomationAction
from emnify_async.models.cloud_connect import (
    CloudConnectAttachment,
    CloudConnectPrice,
    CloudConnectRegion,
)
from emnify_async.models.endpoints import (
    Balance,
    Connectivity,
    ConnectivityInfo,
    Endpoint,
    NamedRef,
    Quota,
    TrafficLimitExtension,
)
from emnify_async.models.euiccs import Euicc, EuiccOperation
from emnify_async.models.event_configurations import CustomEvent, CustomEventTemplate, SystemEvent
from emnify_async.models.events import Event
from emnify_async.models.integrations import (
    ApiCallback,
    ApiSecret,
    DataStream,
    DataStreamFilter,
    DataStreamFilterField,
    NewApiSecret,
)
from emnify_async.models.ip_address_spaces import IpAddressSpace
from emnify_async.models.lookups import BreakoutRegion
from emnify_async.models.operators import Operator
from emnify_async.models.organisations import (
    InclusiveVolume,
    InclusiveVolumeAssignment,
    Organisation,
    OrganisationStats,
)
from emnify_async.models.service_profiles import ServiceProfile, ServiceProfileDataLimit
from emnify_async.models.services import DnsConfig, Service, TrafficLimit
from emnify_async.models.sim_batches import SimBatch
from emnify_async.models.sim_migration import SimMigration
from emnify_async.models.sim_operations import SimOperation, UnlinkedProductStats
from emnify_async.models.sims import EsimInstallationCode, Sim
from emnify_async.models.sms import Sms
from emnify_async.models.stats import DailyStats, EndpointStats, HourlyTraffic, SimStats
from emnify_async.models.tags import Tag, TagColor
from emnify_async.models.tariff_plans import TariffPlanAssignment
from emnify_async.models.tariff_profiles import (
    TariffProfile,
    TariffProfileCoverage,
    TariffProfileOperatorBlock,
)
from emnify_async.models.tariffs import DataSize, Tariff
from emnify_async.models.users import (
    MfaKey,
    MfaKeyTypeId,
    Role,
    RolePermissions,
    SupportToken,
    TrustedDevice,
    User,
)
from emnify_async.models.workspaces import Workspace, WorkspaceDailyStats, WorkspaceToken
from emnify_async.resources._legacy import (
    ASSIGN_INCLUSIVE_VOLUME,
    CREATE_INCLUSIVE_VOLUME,
    UPDATE_TARIFF,
    legacy_arguments,
)
from emnify_async.resources.application_tokens import AsyncApplicationTokens
from emnify_async.resources.automations import AsyncAutomations
from emnify_async.resources.cloud_connect import AsyncCloudConnect
from emnify_async.resources.dns import AsyncDns
from emnify_async.resources.endpoints import AsyncEndpoints
from emnify_async.resources.euiccs import AsyncEuiccOperations, AsyncEuiccs
from emnify_async.resources.event_configurations import (
    AsyncCustomEvents,
    AsyncSystemEvents,
    PropertyValues,
)
from emnify_async.resources.events import AsyncEvents
from emnify_async.resources.integrations import AsyncApiCallbacks, AsyncApiSecrets, AsyncDataStreams
from emnify_async.resources.ip_address_spaces import AsyncIpAddressSpaces
from emnify_async.resources.lookups import AsyncLookups
from emnify_async.resources.operators import AsyncOperators
from emnify_async.resources.organisations import AsyncOrganisations
from emnify_async.resources.service_profiles import AsyncServiceProfiles
from emnify_async.resources.services import AsyncServices
from emnify_async.resources.sim_batches import AsyncSimBatches
from emnify_async.resources.sim_operations import AsyncSimOperations
from emnify_async.resources.sims import AsyncSims
from emnify_async.resources.tags import AsyncEndpointTags, AsyncTags
from emnify_async.resources.tariff_profiles import AsyncTariffProfiles
from emnify_async.resources.tariffs import AsyncTariffs
from emnify_async.resources.user_mfa import AsyncUserMfa
from emnify_async.resources.users import AsyncUsers
from emnify_async.resources.workspaces import AsyncUserWorkspaces, AsyncWorkspaces

from ._bridge import ClientHandle, Pager

__all__ = [
    "ApiCallbacks",
    "ApiSecrets",
    "ApplicationTokens",
    "Automations",
    "CloudConnect",
    "CustomEvents",
    "DataStreams",
    "Dns",
    "Emnify",
    "EndpointTags",
    "Endpoints",
    "EuiccOperations",
    "Euiccs",
    "Events",
    "IpAddressSpaces",
    "Lookups",
    "Operators",
    "Organisations",
    "ServiceProfiles",
    "Services",
    "SimBatches",
    "SimOperations",
    "Sims",
    "SystemEvents",
    "Tags",
    "TariffProfiles",
    "Tariffs",
    "UserMfa",
    "UserWorkspaces",
    "Users",
    "Workspaces",
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
        """List SIMs, across all pages.

        `GET /api/v1/sim` (operationId `SimPerPageSortByQAndPageGet`).

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
        """Get one SIM.

        `GET /api/v1/sim/{sim_id}` (operationId `SimByIdGet`).

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
        """Delete a SIM for good.

        `DELETE /api/v1/sim/{sim_id}` (operationId `SimByIdDelete`).

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
        """List a SIM's events, across all pages.

        `GET /api/v1/sim/{sim_id}/event` (operationId `SimEventPagePerPageSortBySimIdAndQGet`).

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
        """Usage and costs of this and last month, and the last hour.

        `GET /api/v1/sim/{sim_id}/stats` (operationId `SimStatsByIdGet`).
        """
        return self._handle.run(lambda client: self._area(client).stats(sim_id))

    def daily_stats(
        self, sim_id: int, *, start_date: DateLike | None = None, end_date: DateLike | None = None
    ) -> Pager[DailyStats]:
        """Usage and costs per day.

        `GET /api/v1/sim/{sim_id}/stats/daily` (operationId `SIMStatisticsDailyByIdGet`).

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

    def installation_code(self, sim_id: int) -> EsimInstallationCode:
        """The code that installs an eSIM (GET /api/v1/sim/{sim_id}/installation_code).

        operationId: GetEsimInstallationCode. Its `payload` is the activation code
        (`LPA:1$<SM-DP+ address>$<matching id>`) a device downloads the profile with: a
        secret, masked in the model's `repr` and never kept in errors.

        Raises:
            NotFoundError: No such SIM in this organisation, or it is not an eSIM.
        """
        return self._handle.run(lambda client: self._area(client).installation_code(sim_id))

    def statuses(self, *, refresh: bool = False) -> Pager[Status]:
        """The SIM statuses the API knows.

        `GET /api/v1/sim/status` (operationId `SimStatusGet`).

        call `.to_list()` for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses(refresh=refresh))

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


class EndpointTags:
    """The tags of endpoints: list, assign, unassign, one endpoint or many at once.

    The tags themselves (create, rename, delete) are `client.tags`."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEndpointTags]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self, endpoint_id: int) -> Pager[Tag]:
        """The tags assigned to an endpoint (GET /api/v2/endpoint/{endpoint_id}/tags).

        operationId: list-endpoint-tags (newer docs). call `.to_list()` for the list.

        Raises:
            NotFoundError: No such endpoint in this organisation (the emulator's answer; the
                docs document none).
        """
        return Pager(self._handle, self._area(self._handle.client).list(endpoint_id))

    def assign(self, endpoint_id: int, tag_id: int) -> None:
        """Assign a tag to an endpoint (POST /api/v2/endpoint/{endpoint_id}/tags).

        operationId: assign-tag-to-endpoint (newer docs). Never repeated once sent (a repeat
        of one that was made is refused as assigned).

        Raises:
            InputError: An id that is not a positive integer (nothing is sent).
            ConflictError: The endpoint has the tag already.
            UnprocessableEntityError: No such tag.
            NotFoundError: No such endpoint in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).assign(endpoint_id, tag_id))

    def unassign(self, endpoint_id: int, tag_id: int) -> None:
        """Take a tag off an endpoint (DELETE /api/v2/endpoint/{endpoint_id}/tags/{tag_id}).

        operationId: unassign-endpoint-tag (newer docs).

        Raises:
            NotFoundError: No such tag, or the endpoint does not have it.
        """
        return self._handle.run(lambda client: self._area(client).unassign(endpoint_id, tag_id))

    def assign_many(self, endpoint_ids: Iterable[int], tag_ids: Iterable[int]) -> BulkResult:
        """Give many endpoints the same tags (POST /api/v2/bulk-operations/endpoint/add-tags).

        operationId: assign-tag-to-endpoints-in-bulk (newer docs). One request for all; the
        API refuses it (409) when an endpoint has one of the tags already.

        Every reported outcome is true: when the request fails, each endpoint's tags are read
        back; an endpoint that has every tag counts as done (also one that had them before),
        one that does not failed with the request's error, and one whose tags cannot be read
        is `"unknown"` (`OutcomeUnknownError`; running the call again is safe).

        Args:
            endpoint_ids: The endpoints; repeats are counted once.
            tag_ids: The tags each endpoint gets.

        Returns:
            One `BulkItem` per distinct endpoint, in input order.

        Raises:
            InputError: No endpoint or no tag, or an id that is not a positive integer
                (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).assign_many(endpoint_ids, tag_ids)
        )

    def unassign_many(self, endpoint_ids: Iterable[int], tag_ids: Iterable[int]) -> BulkResult:
        """Take the same tags off many endpoints.

        `POST /api/v2/bulk-operations/endpoint/remove-tags`
        (operationId `unassign-tags-from-endpoints-in-bulk` (newer docs)).

        One request for all.

        Every reported outcome is true: when the request fails, each endpoint's tags are read
        back; an endpoint with none of the tags counts as done, one with any failed with the
        request's error, and one whose tags cannot be read is `"unknown"`
        (`OutcomeUnknownError`; running the call again is safe).

        Args:
            endpoint_ids: The endpoints; repeats are counted once.
            tag_ids: The tags taken off each endpoint.

        Returns:
            One `BulkItem` per distinct endpoint, in input order.

        Raises:
            InputError: No endpoint or no tag, or an id that is not a positive integer
                (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).unassign_many(endpoint_ids, tag_ids)
        )


class Endpoints:
    """The endpoint (device) API."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEndpoints]) -> None:
        self._handle = handle
        self._area = area

    @functools.cached_property
    def tags(self) -> EndpointTags:
        """The endpoints' tags (v2): list, assign, unassign, for one endpoint or many."""
        return EndpointTags(self._handle, lambda client: self._area(client).tags)

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

    def statuses(self, *, refresh: bool = False) -> Pager[Status]:
        """The endpoint statuses the API knows (GET /api/v1/endpoint/status; EndpointStatusGet).

        call `.to_list()` for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses(refresh=refresh))

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
        """An endpoint's events, across all pages.

        `GET /api/v1/endpoint/{endpoint_id}/event` (operationId `EndpointEventsByID`).

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
        """Usage and costs per day.

        `GET /api/v1/endpoint/{endpoint_id}/stats/daily` (operationId `EndpointStatsDailyByIdGet`).

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
        """Whether and where the endpoint is online.

        `GET /api/v1/endpoint/{endpoint_id}/connectivity`
        (operationId `EndpointConnectivityByIdGet`).
        """
        return self._handle.run(lambda client: self._area(client).connectivity(endpoint_id))

    def connectivity_info(
        self, endpoint_id: int, *, subscriber: bool | None = None, ussd: bool | None = None
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
        """The SMS sent to and from the endpoint.

        `GET /api/v1/endpoint/{endpoint_id}/sms` (operationId `EndpointSmsByIdGet`).

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
        """One SMS.

        `GET /api/v1/endpoint/{endpoint_id}/sms/{sms_id}`
        (operationId `EndpointSmsByEndpointIdAndSmsIdGet`).
        """
        return self._handle.run(lambda client: self._area(client).get_sms(endpoint_id, sms_id))

    def cancel_sms(self, endpoint_id: int, sms_id: int) -> None:
        """Cancel an SMS not yet delivered.

        `DELETE /api/v1/endpoint/{endpoint_id}/sms/{sms_id}`
        (operationId `EndpointSmsByEndpointIdAndSmsIdDelete`).
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
        return self._handle.run(
            lambda client: self._area(client).send_ussd(
                endpoint_id, message=message, type=type, encoding=encoding
            )
        )

    def blacklisted_operators(self, endpoint_id: int) -> Pager[Operator]:
        """Operators the endpoint may not use.

        `GET /api/v1/endpoint/{endpoint_id}/operator_blacklist`
        (operationId `EndpointOperatorBlacklistByEndpointIdGet`).

        call `.to_list()` for the list.
        """
        return Pager(
            self._handle, self._area(self._handle.client).blacklisted_operators(endpoint_id)
        )

    def blacklist_operator(self, endpoint_id: int, operator_id: int) -> None:
        """Forbid an operator to the endpoint.

        `PUT /api/v1/endpoint/{endpoint_id}/operator_blacklist/{operator_id}`
        (operationId `EndpointOperatorBlacklistByEpIdAndOperatorIdPut`).

        Raises:
            ConflictError: `1405 Duplicated`: the operator is blacklisted already.
        """
        return self._handle.run(
            lambda client: self._area(client).blacklist_operator(endpoint_id, operator_id)
        )

    def unblacklist_operator(self, endpoint_id: int, operator_id: int) -> None:
        """Allow a blacklisted operator again.

        `DELETE /api/v1/endpoint/{endpoint_id}/operator_blacklist/{operator_id}`
        (operationId `EndpointOperatorBlacklistByEpIdAndOperatorIdDelete`).

        Raises:
            NotFoundError: The operator is not blacklisted for this endpoint.
        """
        return self._handle.run(
            lambda client: self._area(client).unblacklist_operator(endpoint_id, operator_id)
        )

    def data_quota(self, endpoint_id: int) -> Quota:
        """The endpoint's data quota.

        `GET /api/v1/endpoint/{endpoint_id}/quota/data`
        (operationId `EndpointQuotaDataByEndpointIdGet`).

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
        """Remove the data quota.

        `DELETE /api/v1/endpoint/{endpoint_id}/quota/data`
        (operationId `DeleteEndpointDataQuotaById`).

        Raises:
            NotFoundError: The endpoint has no data quota.
        """
        return self._handle.run(lambda client: self._area(client).remove_data_quota(endpoint_id))

    def sms_quota(self, endpoint_id: int) -> Quota:
        """The endpoint's SMS quota.

        `GET /api/v1/endpoint/{endpoint_id}/quota/sms`
        (operationId `EndpointQuotaSmsByEndpointIdGet`).

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
        """Remove the SMS quota.

        `DELETE /api/v1/endpoint/{endpoint_id}/quota/sms`
        (operationId `DeleteEndpointSmsQuotaById`).

        Raises:
            NotFoundError: The endpoint has no SMS quota.
        """
        return self._handle.run(lambda client: self._area(client).remove_sms_quota(endpoint_id))

    def balance(self, endpoint_id: int) -> Balance:
        """The endpoint's prepaid balance.

        `GET /api/v1/endpoint/{endpoint_id}/balance` (operationId `EndpointBalanceByEndpointIdGet`).
        """
        return self._handle.run(lambda client: self._area(client).balance(endpoint_id))

    def update_balance(
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
        return self._handle.run(
            lambda client: self._area(client).update_balance(
                endpoint_id, amount=amount, currency=currency, expiry_date=expiry_date
            )
        )

    def reset_balance(self, endpoint_id: int) -> None:
        """Remove the prepaid balance.

        `DELETE /api/v1/endpoint/{endpoint_id}/balance`
        (operationId `EndpointBalanceByEndpointIdDelete`).
        """
        return self._handle.run(lambda client: self._area(client).reset_balance(endpoint_id))

    def traffic_limit_extensions(self, endpoint_id: int) -> Pager[TrafficLimitExtension]:
        """The endpoint's active traffic limit extensions.

        `GET /api/v1/endpoint/{endpoint_id}/traffic_limit_extension`
        (operationId `get-endpoint-traffic-limit-extensions` (newer docs)).

        call `.to_list()` for the
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
        return self._handle.run(
            lambda client: self._area(client).extend_traffic_limit(
                endpoint_id, volume=volume, traffic_limit_id=traffic_limit_id
            )
        )

    def remove_traffic_limit_extensions(self, endpoint_id: int) -> None:
        """End all the endpoint's traffic limit extensions.

        `DELETE /api/v1/endpoint/{endpoint_id}/traffic_limit_extension`
        (operationId `delete-endpoint-traffic-limit-extensions` (newer docs)).

        The limits of the
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


class CustomEvents:
    """Custom events, deployed from templates, that automations can be triggered by."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncCustomEvents]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[CustomEvent]:
        """The organisation's custom events (GET /api/v1/event/custom/configuration).

        operationId: get-custom-events (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(
        self, org: IdLike, *, template: IdLike, name: str, properties: PropertyValues
    ) -> CustomEvent:
        """Deploy a custom event from a template (POST /api/v1/event/custom/configuration).

        operationId: create-custom-event-instance (newer docs). Never repeated once sent (a
        repeat would deploy it twice): if it fails without an answer, `list()` shows whether
        it was deployed.

        Args:
            org: The organisation it belongs to (an id, or a model with one).
            template: The template, an id of `templates()` (or the template itself).
            name: Its name.
            properties: The template's properties by name, e.g. `{"threshold_mb": 100}`;
                a list is sent as the property's `value_array`.

        Raises:
            InputError: An argument is missing or malformed (nothing is sent).
            NotFoundError: No such template.
            UnprocessableEntityError: A property is unknown, missing or out of range.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                org, template=template, name=name, properties=properties
            )
        )

    def get(self, custom_event_id: str) -> CustomEvent:
        """One custom event (GET /api/v1/event/custom/configuration/{custom_event_id}).

        operationId: get-custom-event (newer docs).

        Args:
            custom_event_id: Its id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such custom event in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(custom_event_id))

    def delete(self, custom_event_id: str) -> None:
        """Delete a custom event (DELETE /api/v1/event/custom/configuration/{custom_event_id}).

        operationId: delete-custom-event (newer docs).

        Raises:
            NotFoundError: No such custom event in this organisation.
            ConflictError: An automation is triggered by it (the emulator's answer; the docs
                document none): delete the automation first.
        """
        return self._handle.run(lambda client: self._area(client).delete(custom_event_id))

    def templates(self, *, refresh: bool = False) -> builtins.list[CustomEventTemplate]:
        """The templates custom events are deployed from (GET /api/v1/event/custom/template).

        operationId: get-custom-event-templates (newer docs). A lookup: cached per client
        after the first call; `refresh=True` asks the API again.
        """
        return self._handle.run(lambda client: self._area(client).templates(refresh=refresh))

    def template(self, template_id: int) -> CustomEventTemplate:
        """One template (GET /api/v1/event/custom/template/{template_id}).

        operationId: get-custom-event-template (newer docs).

        Raises:
            NotFoundError: No such template.
        """
        return self._handle.run(lambda client: self._area(client).template(template_id))


class SystemEvents:
    """System events: the platform's events that automations can be triggered by."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncSystemEvents]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self, *, refresh: bool = False) -> Pager[SystemEvent]:
        """The system events (GET /api/v1/event/system/configuration).

        operationId: get-system-events (newer docs). A pager, like every `list()`, and a
        lookup: cached per client after the first call; `refresh=True` asks the API again.
        call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list(refresh=refresh))

    def get(self, system_event_id: str) -> SystemEvent:
        """One system event (GET /api/v1/event/system/configuration/{system_event_id}).

        operationId: get-system-event (newer docs).

        Args:
            system_event_id: Its id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such system event.
        """
        return self._handle.run(lambda client: self._area(client).get(system_event_id))


class Events:
    """The event API: everything that happened in your organisation."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncEvents]) -> None:
        self._handle = handle
        self._area = area

    @functools.cached_property
    def custom(self) -> CustomEvents:
        """Custom events, deployed from templates, that automations can be triggered by."""
        return CustomEvents(self._handle, lambda client: self._area(client).custom)

    @functools.cached_property
    def system(self) -> SystemEvents:
        """System events: the platform's events that automations can be triggered by."""
        return SystemEvents(self._handle, lambda client: self._area(client).system)

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

    def types(self, *, refresh: bool = False) -> Pager[Status]:
        """The event types the API knows (GET /api/v1/event/type; EventTypeGet).

        call `.to_list()` for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return Pager(self._handle, self._area(self._handle.client).types(refresh=refresh))


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
        """Check that the batch with this BIC can be registered.

        `GET /api/v1/sim_batch/bic/{bic}` (operationId `ValidateSIMBatchByBIC`).

        Raises:
            BadRequestError: The batch is already registered.
            NotFoundError: No batch has this BIC.
            UnprocessableEntityError: The batch holds SIMs of another organisation.
        """
        return self._handle.run(lambda client: self._area(client).validate(bic))

    def register(self, bic: str, *, status: SimStatusId | int) -> list[Sim]:
        """Register a batch: its SIMs join your organisation with `status`.

        `PATCH /api/v1/sim_batch/bic/{bic}` (operationId `RegisterSIMBatchByBIC`).

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
        """The details of your own organisation.

        `GET /api/v1/organisation/my` (operationId `MyOrganisationGet`).
        """
        return self._handle.run(lambda client: self._area(client).my())

    def statuses(self, *, refresh: bool = False) -> Pager[Status]:
        """The organisation statuses the API knows.

        `GET /api/v1/organisation/status` (operationId `OrganisationStatusGet`).

        call `.to_list()` for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return Pager(self._handle, self._area(self._handle.client).statuses(refresh=refresh))

    def monthly_stats(self, org: OrgLike = "my") -> OrganisationStats:
        """This and last month's traffic and costs, and SIM counts.

        `GET /api/v1/organisation/{org_id_or_my}/stats` (operationId `GetOrganisationMonthlyStats`).

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
        """Traffic and costs per day, the children included.

        `GET /api/v1/organisation/{org_id_or_my}/stats/daily`
        (operationId `GetOrganisationDailyStats`).

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
        return self._handle.run(
            lambda client: self._area(client).hourly_stats(
                org, start_date=start_date, end_date=end_date
            )
        )

    def current_month_daily_stats(self) -> Pager[DailyStats]:
        """Your organisation's usage and costs per day this month.

        `GET /api/v1/stats/daily` (operationId `StatisticsDailyByIdGet`).

        call `.to_list()` for the list of days.

        Data costs are left out for enterprise organisations with an inclusive volume.
        """
        return Pager(self._handle, self._area(self._handle.client).current_month_daily_stats())

    def active_inclusive_volumes(self, org: OrgLike = "my") -> Pager[InclusiveVolume]:
        """The inclusive volumes active this month.

        `GET /api/v1/organisation/{org_id_or_my}/inclusive_volume/active`
        (operationId `GetActiveOrganisationInclusiveVolume`).

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
        return self._handle.run(lambda client: self._area(client).update_tariff(org, tariff))

    def tariff_plans(self, org: OrgLike = "my") -> Pager[TariffPlanAssignment]:
        """The organisation's tariff plans, past and present.

        `GET /api/v1/organisation/{org_id}/tariff_plan`
        (operationId `OrganisationTariffPlanByOrgIdGet`).

        Each item is one plan for a period;
        the one running now has `active=True`. call `.to_list()` for the list.

        Args:
            org: An organisation id (yours or a direct child's) or `"my"` (the default).

        Raises:
            InputError: `org` is not a positive id or `"my"` (nothing is sent).
            NotFoundError: The organisation is unknown or not accessible.
        """
        return Pager(self._handle, self._area(self._handle.client).tariff_plans(org))

    def active_tariff_plan(self, org: OrgLike = "my") -> TariffPlanAssignment:
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
        return self._handle.run(lambda client: self._area(client).active_tariff_plan(org))

    def my_active_tariff_plan(self) -> TariffPlanAssignment:
        """Your organisation's tariff plan running now (GET /api/v1/tariff_plan/active).

        operationId: get-active-tariff-plan (newer docs). The same answer as
        `active_tariff_plan("my")`: `applied_price` is computed from this month's activated
        SIMs.

        Raises:
            NotFoundError: Your organisation has no active tariff plan.
        """
        return self._handle.run(lambda client: self._area(client).my_active_tariff_plan())


class Tariffs:
    """The tariff API (MNO and reseller organisations only)."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncTariffs]) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[Tariff]:
        """Your organisation's tariffs.

        `GET /api/v1/tariff` (operationId `ListTariffs`).

        The API answers with the whole list at once (it is not paged); like every list call
        this returns a pager: iterate it, or call `.to_list()` for the list.

        Raises:
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def get(self, tariff_id: int) -> Tariff:
        """One tariff.

        `GET /api/v1/tariff/{tariff_id}` (operationId `GetTariff`).

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
        """Create a tariff.

        `POST /api/v1/tariff` (operationId `CreateTariff`).

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
        """Change a tariff.

        `PATCH /api/v1/tariff/{tariff_id}` (operationId `UpdateTariff`).

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
        """Delete a tariff.

        `DELETE /api/v1/tariff/{tariff_id}` (operationId `DeleteTariff`).

        Raises:
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The tariff is used by a tariff profile or assigned to an
                organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return self._handle.run(lambda client: self._area(client).delete(tariff_id))


class ServiceProfiles:
    """The service profile (service policy) API."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncServiceProfiles]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[ServiceProfile]:
        """Your organisation's service profiles, short view (GET /api/v1/service_profile).

        operationId: ServiceProfileGet. Each has its flags and `used_count`; `get()` one for
        its services and references. The API answers with the whole list at once; iterate the
        pager, or call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def get(self, profile_id: int) -> ServiceProfile:
        """One service profile in detail (GET /api/v1/service_profile/{profile_id}).

        operationId: ServiceProfileByProfileIdGet. With every flag, the references (callbacks,
        secret, ESME interface type, breakout region, DNS) and the services with their traffic
        limits.

        Raises:
            NotFoundError: No such service profile of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(profile_id))

    def create(
        self,
        *,
        name: str,
        description: str | NotGiven = NOT_GIVEN,
        allowed_3g: bool | NotGiven = NOT_GIVEN,
        allowed_4g: bool | NotGiven = NOT_GIVEN,
        allowed_nb_iot: bool | NotGiven = NOT_GIVEN,
        apply_sms_quota: bool | NotGiven = NOT_GIVEN,
        apply_data_quota: bool | NotGiven = NOT_GIVEN,
        retail: bool | NotGiven = NOT_GIVEN,
        sms_p2p_int: bool | NotGiven = NOT_GIVEN,
        sms_p2p_ext: bool | NotGiven = NOT_GIVEN,
        prepaid: bool | NotGiven = NOT_GIVEN,
        nipdp: bool | NotGiven = NOT_GIVEN,
        api_callback: IdLike | NotGiven = NOT_GIVEN,
        api_secret: IdLike | NotGiven = NOT_GIVEN,
        moc_callback: IdLike | NotGiven = NOT_GIVEN,
        esme_interface_type: IdLike | NotGiven = NOT_GIVEN,
        breakout_region: IdLike | NotGiven = NOT_GIVEN,
        dns: IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a service profile (POST /api/v1/service_profile).

        operationId: ServiceProfilePost. Only the fields passed are sent (the API defaults the
        others: every RAT and peer-to-peer SMS allowed, no quota applied); references are ids
        or models with an `id`, sent as `{"id": n}`. Services are added afterwards with
        `add_service()`.

        Args:
            name: Name.
            description: Description.
            allowed_3g: Whether the endpoints may use 3G.
            allowed_4g: Whether the endpoints may use 4G/LTE and LTE-M.
            allowed_nb_iot: Whether the endpoints may use NB-IoT.
            apply_sms_quota: Whether the endpoints' SMS quotas are enforced.
            apply_data_quota: Whether the endpoints' data quotas are enforced.
            retail: Retail flag.
            sms_p2p_int: Whether the endpoints may send SMS to other endpoints.
            sms_p2p_ext: Whether the endpoints may send SMS to outside numbers.
            prepaid: Prepaid flag (deprecated by emnify).
            nipdp: Non-IP data delivery flag.
            api_callback: The API callback MO SMS and delivery reports go to.
            api_secret: The API secret that signs the callbacks.
            moc_callback: The callback of mobile-originated calls.
            esme_interface_type: How SMS are handed over (ESME interface type).
            breakout_region: Where data traffic breaks out.
            dns: The DNS configuration (`client.dns`) the endpoints get.

        Returns:
            The new profile's id (from the `Location` header); endpoints can use it at once.

        Raises:
            InputError: A value is invalid, e.g. an empty name (nothing is sent).
            UnprocessableEntityError: The API refused a value, e.g. an unknown DNS
                configuration.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                name=name,
                description=description,
                allowed_3g=allowed_3g,
                allowed_4g=allowed_4g,
                allowed_nb_iot=allowed_nb_iot,
                apply_sms_quota=apply_sms_quota,
                apply_data_quota=apply_data_quota,
                retail=retail,
                sms_p2p_int=sms_p2p_int,
                sms_p2p_ext=sms_p2p_ext,
                prepaid=prepaid,
                nipdp=nipdp,
                api_callback=api_callback,
                api_secret=api_secret,
                moc_callback=moc_callback,
                esme_interface_type=esme_interface_type,
                breakout_region=breakout_region,
                dns=dns,
            )
        )

    def update(
        self,
        profile_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        allowed_3g: bool | NotGiven = NOT_GIVEN,
        allowed_4g: bool | NotGiven = NOT_GIVEN,
        allowed_nb_iot: bool | NotGiven = NOT_GIVEN,
        apply_sms_quota: bool | NotGiven = NOT_GIVEN,
        apply_data_quota: bool | NotGiven = NOT_GIVEN,
        retail: bool | NotGiven = NOT_GIVEN,
        sms_p2p_int: bool | NotGiven = NOT_GIVEN,
        sms_p2p_ext: bool | NotGiven = NOT_GIVEN,
        prepaid: bool | NotGiven = NOT_GIVEN,
        nipdp: bool | NotGiven = NOT_GIVEN,
        api_callback: IdLike | NotGiven | None = NOT_GIVEN,
        api_secret: IdLike | NotGiven | None = NOT_GIVEN,
        moc_callback: IdLike | NotGiven | None = NOT_GIVEN,
        esme_interface_type: IdLike | NotGiven = NOT_GIVEN,
        breakout_region: IdLike | NotGiven = NOT_GIVEN,
        dns: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Change a service profile (PATCH /api/v1/service_profile/{profile_id}).

        operationId: ServiceProfileByProfileIdPatch. Only the fields passed are sent (see
        `create()` for their meaning); `None` removes a callback, the secret or the DNS
        configuration (sent as `{"id": null}`). The change applies to every endpoint using
        the profile.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such service profile of your organisation.
            UnprocessableEntityError: The API refused a value.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                profile_id,
                name=name,
                description=description,
                allowed_3g=allowed_3g,
                allowed_4g=allowed_4g,
                allowed_nb_iot=allowed_nb_iot,
                apply_sms_quota=apply_sms_quota,
                apply_data_quota=apply_data_quota,
                retail=retail,
                sms_p2p_int=sms_p2p_int,
                sms_p2p_ext=sms_p2p_ext,
                prepaid=prepaid,
                nipdp=nipdp,
                api_callback=api_callback,
                api_secret=api_secret,
                moc_callback=moc_callback,
                esme_interface_type=esme_interface_type,
                breakout_region=breakout_region,
                dns=dns,
            )
        )

    def delete(self, profile_id: int) -> None:
        """Delete a service profile (DELETE /api/v1/service_profile/{profile_id}).

        operationId: ServiceProfileByProfileIdDelete. Its services and traffic limits go with
        it; a profile that endpoints use (`used_count` above 0) cannot be deleted.

        Raises:
            NotFoundError: No such service profile of your organisation.
            ConflictError: Endpoints use the profile (`error_token` "CannotBeDeleted").
        """
        return self._handle.run(lambda client: self._area(client).delete(profile_id))

    def remove_quotas(self, profile_id: int, quota_type: Literal["data", "sms"]) -> None:
        """Remove the data or SMS quota of every endpoint using the profile.

        DELETE /api/v1/service_profile/{profile_id}/quota/{quota_type}
        (DeleteQuotaByServiceProfileId). Succeeds when no endpoint has one too. Update the
        profile to `apply_data_quota=False` (or `apply_sms_quota=False`) first: with the quota
        applied, endpoints without a quota are blocked.

        Raises:
            InputError: `quota_type` is not "data" or "sms" (nothing is sent).
            NotFoundError: No such service profile of your organisation.
        """
        return self._handle.run(
            lambda client: self._area(client).remove_quotas(profile_id, quota_type)
        )

    def add_service(self, profile_id: int, service_id: IdLike) -> None:
        """Let the profile's endpoints use a service (PUT .../service/{service_id}).

        PUT /api/v1/service_profile/{profile_id}/service/{service_id}
        (ServiceProfileServiceByProfileAndServicePut). Services: 0 USSD, 3 voice (accepted but
        not enabled by the platform), 6 SMS MT, 32 SMS MO, 38 data (see `client.services`).

        Raises:
            InputError: `service_id` is not a service id (nothing is sent).
            NotFoundError: No such service profile, or no such service.
            ConflictError: The profile has the service already (`error_token` "Duplicated").
        """
        return self._handle.run(
            lambda client: self._area(client).add_service(profile_id, service_id)
        )

    def remove_service(self, profile_id: int, service_id: IdLike) -> None:
        """Take a service from the profile (DELETE .../service/{service_id}).

        DELETE /api/v1/service_profile/{profile_id}/service/{service_id}
        (ServiceProfileServiceByProfileAndServiceDelete). Remove its traffic limits first.

        Raises:
            NotFoundError: No such service profile, or the profile has no such service.
            ConflictError: The service still has traffic limits (`error_token`
                "CannotBeDeleted").
        """
        return self._handle.run(
            lambda client: self._area(client).remove_service(profile_id, service_id)
        )

    def add_traffic_limit(self, profile_id: int, service_id: IdLike, limit_id: int) -> None:
        """Limit a service of the profile (PUT .../service/{service_id}/traffic_limit/{limit_id}).

        PUT /api/v1/service_profile/{profile_id}/service/{service_id}/traffic_limit/{limit_id}
        (AddTrafficLimit). The limit must be one of the service's
        (`client.services.traffic_limits(service_id)`), and the service part of the profile.

        Raises:
            NotFoundError: No such service profile, service or traffic limit.
            UnprocessableEntityError: The limit is not the service's, or the profile does not
                have the service.
        """
        return self._handle.run(
            lambda client: self._area(client).add_traffic_limit(profile_id, service_id, limit_id)
        )

    def remove_traffic_limit(self, profile_id: int, service_id: IdLike, limit_id: int) -> None:
        """Lift a traffic limit (DELETE .../service/{service_id}/traffic_limit/{limit_id}).

        DELETE /api/v1/service_profile/{profile_id}/service/{service_id}/traffic_limit/
        {limit_id} (RemoveTrafficLimit).

        Raises:
            NotFoundError: No such service profile, service or traffic limit.
            UnprocessableEntityError: The limit is not assigned to the service of the profile.
        """
        return self._handle.run(
            lambda client: self._area(client).remove_traffic_limit(profile_id, service_id, limit_id)
        )

    def data_limits(self, profile_id: int) -> Pager[ServiceProfileDataLimit]:
        """The profile's data limits (GET /api/v1/service_profile/{profile_id}/traffic_limit).

        operationId: list-service-profile-traffic-limits (newer docs). A data limit has its
        own volume and may count satellite traffic only; it is separate from the traffic
        limits assigned to the profile's services (`add_traffic_limit()`), and neither
        changes the other. call `.to_list()` for the list.

        Raises:
            PermissionDeniedError: No such service profile of your organisation (the docs' 403).
        """
        return Pager(self._handle, self._area(self._handle.client).data_limits(profile_id))

    def add_data_limit(
        self,
        profile_id: int,
        *,
        volume: int,
        warning_percent: int | NotGiven = NOT_GIVEN,
        satellite_only: bool | NotGiven = NOT_GIVEN,
        service: IdLike = 38,
        period: IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Add a data limit to the profile (POST .../{profile_id}/traffic_limit).

        POST /api/v1/service_profile/{profile_id}/traffic_limit
        (add-service-profile-traffic-limit, newer docs). One limit per service and
        `satellite_only`; to change one, remove it and add another (or extend it for a while
        per endpoint: `client.endpoints.extend_traffic_limit()`). Not retried once sent.

        Args:
            volume: The limit in bytes per period.
            warning_percent: The share of `volume` (1-100) at which an event is sent.
            satellite_only: Count only traffic over satellite RAT types (the API's default:
                all traffic).
            service: The service limited: 38 Data, the only one the API supports.
            period: The period: 2 Monthly (calendar months), the only one and the default.

        Returns:
            The new data limit's id (from the `Location` header).

        Raises:
            InputError: A value is invalid, e.g. a volume that is not a positive whole
                number (nothing is sent).
            BadRequestError: The API refused a value, e.g. an unsupported service.
            PermissionDeniedError: No such service profile of your organisation.
            ConflictError: The profile has a data limit for the service and
                `satellite_only` already.
        """
        return self._handle.run(
            lambda client: self._area(client).add_data_limit(
                profile_id,
                volume=volume,
                warning_percent=warning_percent,
                satellite_only=satellite_only,
                service=service,
                period=period,
            )
        )

    def remove_data_limits(self, profile_id: int) -> None:
        """Remove every data limit of the profile (DELETE .../{profile_id}/traffic_limit).

        DELETE /api/v1/service_profile/{profile_id}/traffic_limit
        (remove-service-profile-traffic-limits, newer docs). The traffic limits assigned to
        its services stay. Succeeds when it has none, too.

        Raises:
            PermissionDeniedError: No such service profile of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).remove_data_limits(profile_id))

    def remove_data_limit(self, profile_id: int, limit_id: int) -> None:
        """Remove one data limit (DELETE .../{profile_id}/traffic_limit/{limit_id}).

        DELETE /api/v1/service_profile/{profile_id}/traffic_limit/{limit_id}
        (delete-service-profile-traffic-limit, newer docs).

        Raises:
            PermissionDeniedError: No such service profile of your organisation.
            NotFoundError: The profile has no such data limit.
        """
        return self._handle.run(
            lambda client: self._area(client).remove_data_limit(profile_id, limit_id)
        )


class TariffProfiles:
    """The tariff profile API."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncTariffProfiles]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[TariffProfile]:
        """Your organisation's tariff profiles (GET /api/v1/tariff_profile).

        operationId: TariffProfileGet. The API answers with the whole list at once (it is
        not paged); like every list call this returns a pager: iterate it, or call `.to_list()`.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def get(self, tariff_profile_id: int) -> TariffProfile:
        """One tariff profile (GET /api/v1/tariff_profile/{tariff_profile_id}).

        operationId: TariffProfileByIdGet.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(tariff_profile_id))

    def create(
        self, *, name: str, tariff: IdLike, description: str | NotGiven | None = NOT_GIVEN
    ) -> int:
        """Create a tariff profile (POST /api/v1/tariff_profile).

        operationId: TariffProfilePost. It starts with no ratezone selected: select some
        with `select_ratezone()` for its endpoints to connect anywhere.

        Args:
            name: Short name.
            tariff: One of your organisation's tariffs, as an id or a model with an `id`.
            description: Long description.

        Returns:
            The new tariff profile's id (from the `Location` header).

        Raises:
            InputError: The name is blank or the tariff is not an id (nothing is sent).
            UnprocessableEntityError: The tariff is not one of your organisation's.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                name=name, tariff=tariff, description=description
            )
        )

    def update(
        self,
        tariff_profile_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        tariff: IdLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a tariff profile (PATCH /api/v1/tariff_profile/{tariff_profile_id}).

        operationId: TariffProfileByIdPatch. Only the fields passed are sent;
        `description=None` empties it. Another tariff removes every ratezone selection.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such tariff profile of your organisation.
            UnprocessableEntityError: The tariff is not one of your organisation's.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                tariff_profile_id, name=name, description=description, tariff=tariff
            )
        )

    def delete(self, tariff_profile_id: int) -> None:
        """Delete a tariff profile (DELETE /api/v1/tariff_profile/{tariff_profile_id}).

        operationId: TariffProfileByIdDelete.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
            ConflictError: Endpoints still use it (its `used_count` is not 0).
        """
        return self._handle.run(lambda client: self._area(client).delete(tariff_profile_id))

    def coverage(self, tariff_profile_id: int) -> Pager[TariffProfileCoverage]:
        """The countries where the profile's endpoints can connect.

        `GET /api/v1/tariff_profile/{tariff_profile_id}/coverage`
        (operationId `TariffProfileCoverageByTpIdGet`).

        call `.to_list()` for the list.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
        """
        return Pager(self._handle, self._area(self._handle.client).coverage(tariff_profile_id))

    def select_ratezone(self, tariff_profile_id: int, ratezone_id: int) -> None:
        """Select a ratezone of the profile's tariff.

        `PUT /api/v1/tariff_profile/{tariff_profile_id}/ratezone_selection/{ratezone_id}`
        (operationId `TariffProfileRatezoneSelectionByTpIdAndRzIdPut`).

        Only currently valid
        and active ratezones can be selected.

        Raises:
            NotFoundError: No such tariff profile, or the ratezone is not its tariff's.
            UnprocessableEntityError: The ratezone is not active.
            ConflictError: The ratezone is selected already.
        """
        return self._handle.run(
            lambda client: self._area(client).select_ratezone(tariff_profile_id, ratezone_id)
        )

    def deselect_ratezone(self, tariff_profile_id: int, ratezone_id: int) -> None:
        """Remove a ratezone from the profile.

        `DELETE /api/v1/tariff_profile/{tariff_profile_id}/ratezone_selection/{ratezone_id}`
        (operationId `TariffProfileRatezoneSelectionByTpIdAndRzIdDelete`).

        Raises:
            NotFoundError: No such tariff profile, or the ratezone is not selected.
        """
        return self._handle.run(
            lambda client: self._area(client).deselect_ratezone(tariff_profile_id, ratezone_id)
        )

    def assign_inclusive_volume(self, tariff_profile_id: int, inclusive_volume_id: int) -> None:
        """Rate the profile's traffic with an inclusive volume.

        `PUT /api/v1/tariff_profile/{tariff_profile_id}/inclusive_volume/{inclusive_volume_id}`
        (operationId `TariffProfileInclusiveVolumeAssignment`).

        The volume is one of your
        organisation's (as listed by `client.organisations.active_inclusive_volumes()`); it
        must not be expired and its ratezone must be of the profile's tariff. Without one,
        when your organisation has several active volumes, the profile's traffic is rated
        "pay as you go".

        Raises:
            NotFoundError: No such tariff profile or inclusive volume.
            BadRequestError: The volume is expired, or of another tariff.
            ConflictError: The profile has an inclusive volume already.
        """
        return self._handle.run(
            lambda client: self._area(client).assign_inclusive_volume(
                tariff_profile_id, inclusive_volume_id
            )
        )

    def unassign_inclusive_volume(self, tariff_profile_id: int, inclusive_volume_id: int) -> None:
        """Remove the profile's inclusive volume.

        `DELETE /api/v1/tariff_profile/{tariff_profile_id}/inclusive_volume/{inclusive_volume_id}`
        (operationId `TariffProfileInclusiveVolumeRemoveAssignment`).

        Raises:
            NotFoundError: No such tariff profile or inclusive volume.
            BadRequestError: That volume is not the profile's.
        """
        return self._handle.run(
            lambda client: self._area(client).unassign_inclusive_volume(
                tariff_profile_id, inclusive_volume_id
            )
        )

    def blocked_operators(self, tariff_profile_id: int) -> Pager[TariffProfileOperatorBlock]:
        """The operators the profile blocks, wholly or some RAT types (GET .../operator).

        GET /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator
        (tariff-profile-operator-block-list-operator-get, newer docs). One item per operator
        with anything blocked. call `.to_list()` for the list.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
        """
        return Pager(
            self._handle, self._area(self._handle.client).blocked_operators(tariff_profile_id)
        )

    def blocked_operator(
        self, tariff_profile_id: int, operator_id: int
    ) -> TariffProfileOperatorBlock:
        """What the profile blocks of one operator (GET .../operator/{operator_id}).

        GET /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id} (tariff-profile-operator-block-operator-by-id-get, newer docs). An
        operator with nothing blocked answers `blocklist.operator=False` and no RAT types.

        Raises:
            NotFoundError: No such tariff profile of your organisation, or no such operator.
        """
        return self._handle.run(
            lambda client: self._area(client).blocked_operator(tariff_profile_id, operator_id)
        )

    def block_operator(self, tariff_profile_id: int, operator_id: int) -> None:
        """Block an operator completely for the profile (PUT .../operator/{operator_id}).

        PUT /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id} (tariff-profile-operator-block-operator-by-id-put, newer docs). RAT
        types blocked on their own stay blocked. Blocking a blocked operator changes nothing.

        Raises:
            NotFoundError: No such tariff profile of your organisation, or no such operator.
        """
        return self._handle.run(
            lambda client: self._area(client).block_operator(tariff_profile_id, operator_id)
        )

    def unblock_operator(self, tariff_profile_id: int, operator_id: int) -> None:
        """Lift the complete block of an operator (DELETE .../operator/{operator_id}).

        DELETE /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id} (tariff-profile-operator-block-operator-by-id-delete, newer docs). RAT
        types blocked on their own stay blocked (`unblock_rat_type()` lifts them).

        Raises:
            NotFoundError: No such tariff profile of your organisation, or no such operator.
        """
        return self._handle.run(
            lambda client: self._area(client).unblock_operator(tariff_profile_id, operator_id)
        )

    def block_rat_types(
        self, tariff_profile_id: int, operator_id: int, *, rat_types: IdLike | Iterable[IdLike]
    ) -> None:
        """Block some RAT types of an operator for the profile (POST .../rat_type).

        POST /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id}/rat_type (tariff-profile-operator-block-operator-by-id-rat-type-post,
        newer docs). Also while the operator is blocked completely; ones blocked already stay
        so (which makes a repeat harmless: it is retried).

        Args:
            rat_types: RAT type ids or models (`client.lookups.rat_types(blacklistable=True)`),
                sent as `[{"id": n}, ...]`.

        Raises:
            InputError: No RAT type, or one is not an id (nothing is sent).
            NotFoundError: No such tariff profile of your organisation, or no such operator.
            UnprocessableEntityError: A RAT type cannot be blocked.
        """
        return self._handle.run(
            lambda client: self._area(client).block_rat_types(
                tariff_profile_id, operator_id, rat_types=rat_types
            )
        )

    def unblock_rat_type(
        self, tariff_profile_id: int, operator_id: int, rat_type_id: IdLike
    ) -> None:
        """Lift the block of one RAT type of an operator (DELETE .../rat_type/{rat_type_id}).

        DELETE /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id}/rat_type/{rate_type_id}
        (tariff-profile-operator-block-operator-by-id-rat-type-by-id-delete, newer docs). A
        complete block of the operator stays.

        Raises:
            InputError: `rat_type_id` is not an id (nothing is sent).
            NotFoundError: No such tariff profile of your organisation, operator or RAT type.
        """
        return self._handle.run(
            lambda client: self._area(client).unblock_rat_type(
                tariff_profile_id, operator_id, rat_type_id
            )
        )


class IpAddressSpaces:
    """The IP address space API."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncIpAddressSpaces]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[IpAddressSpace]:
        """Your organisation's address spaces, with their counts (GET /api/v1/ip_address_space).

        operationId: IpAddressSpaceGet. call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def available(self, *, ip_address_version: int | None = None) -> Pager[IpAddressSpace]:
        """Ten random address spaces no organisation has.

        `GET /api/v1/ip_address_space/available`
        (operationId `IpAddressSpaceAvailableByIpAddressVersionGet`).

        Each call offers another
        sample. call `.to_list()` for the list.

        Args:
            ip_address_version: 4 or 6; default: the API's (IPv4).

        Raises:
            InputError: The version is neither 4 nor 6 (nothing is sent).
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).available(ip_address_version=ip_address_version),
        )

    def create(self, *, ip_address_space: str, ip_address_version: int) -> IpAddressSpace:
        """Allocate an address space of your choice (POST /api/v1/ip_address_space).

        operationId: ip-address-space-post (newer docs). The API checks that it is free and
        allowed: IPv4 spaces within `10.192.0.0/12`, `100.64.0.0/10`, `10.112.0.0/12` or
        `10.176.0.0/12`, outside the reserved `100.64.0.0/24`. Not retried once sent.

        Args:
            ip_address_space: The network in CIDR notation, e.g. `"10.192.0.0/24"`.
            ip_address_version: 4 or 6, the network's version.

        Returns:
            The new space, with its id.

        Raises:
            InputError: Not a network in CIDR notation, or not of the version given (nothing
                is sent).
            ConflictError: It overlaps an address space already allocated.
            UnprocessableEntityError: It is outside the allowed ranges, or overlaps the
                reserved one.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                ip_address_space=ip_address_space, ip_address_version=ip_address_version
            )
        )

    def assign(self, address_space_id: int) -> None:
        """Take an address space for your organisation.

        `PUT /api/v1/ip_address_space/{address_space_id}` (operationId `IpAddressSpaceByIdPut`).

        Raises:
            NotFoundError: No such address space.
            ConflictError: It is assigned already (to yours or another organisation).
        """
        return self._handle.run(lambda client: self._area(client).assign(address_space_id))

    def release(self, address_space_id: int) -> None:
        """Give an address space back.

        `DELETE /api/v1/ip_address_space/{address_space_id}`
        (operationId `IpAddressSpaceByIdDelete`).

        Raises:
            NotFoundError: No such address space of your organisation.
            ConflictError: Endpoints still have addresses from it.
        """
        return self._handle.run(lambda client: self._area(client).release(address_space_id))


class Services:
    """The services endpoints may use and the traffic limits a service profile can give them.

    These are lookups, awaited for a plain list like `client.lookups`: the first call asks the
    API, later calls answer from the client's cache (shared with its `with_options()` views)
    until one passes `refresh=True`; concurrent first calls share one request."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncServices]) -> None:
        self._handle = handle
        self._area = area

    def list(self, *, refresh: bool = False) -> builtins.list[Service]:
        """Every service: data, SMS MT, SMS MO, USSD, voice (GET /api/v1/service; ServiceGet).

        Cached per client; `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).list(refresh=refresh))

    def traffic_limits(
        self, service_id: IdLike, *, refresh: bool = False
    ) -> builtins.list[TrafficLimit]:
        """The traffic limits of one service (GET .../{service_id}/traffic_limit).

        GET /api/v1/service/{service_id}/traffic_limit (ServiceTrafficLimitByIdGet): the limits
        a service profile can give the service. Cached per client and service; `refresh=True`
        asks the API again.

        Args:
            service_id: The service: 0 USSD, 3 voice, 6 SMS MT, 32 SMS MO, 38 data, or a
                `Service`.

        Raises:
            InputError: `service_id` is not a service id (nothing is sent).
            NotFoundError: No such service.
        """
        return self._handle.run(
            lambda client: self._area(client).traffic_limits(service_id, refresh=refresh)
        )

    def all_traffic_limits(self, *, refresh: bool = False) -> builtins.list[TrafficLimit]:
        """Every traffic limit, naming its service (GET /api/v1/traffic_limit; TrafficLimitGet).

        Cached per client; `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).all_traffic_limits(refresh=refresh)
        )


class Dns:
    """The DNS configuration API."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncDns]) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[DnsConfig]:
        """Your organisation's DNS configurations (GET /api/v1/dns; DnsGet).

        The API answers with the whole list at once; iterate the pager, or call `.to_list()` for the
        list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(self, *, primary: str, secondary: str, ip_address_version: int = 4) -> int:
        """Create a DNS configuration (POST /api/v1/dns; DnsPost).

        Give it to a service profile (`service_profiles.update(profile_id, dns=new_id)`); its
        endpoints use it from their next data session on.

        Args:
            primary: The primary nameserver's IP address.
            secondary: The secondary nameserver's IP address.
            ip_address_version: 4 or 6, the version of both addresses (emnify enforces IPv4
                settings only).

        Returns:
            The new configuration's id (from the `Location` header).

        Raises:
            InputError: An address is not an IP address of that version (nothing is sent).
            UnprocessableEntityError: The API refused a value.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                primary=primary, secondary=secondary, ip_address_version=ip_address_version
            )
        )

    def delete(self, dns_id: int) -> None:
        """Delete a DNS configuration (DELETE /api/v1/dns/{dns_id}; DnsByIdDelete).

        A configuration a service profile uses cannot be deleted.

        Raises:
            NotFoundError: No such configuration of your organisation.
            ConflictError: A service profile uses it.
        """
        return self._handle.run(lambda client: self._area(client).delete(dns_id))


class DataStreams:
    """Data Streamer v2: stream usage or event records to your cloud or webhook.

    The lookups (`statuses()`, `types()`, `filter_fields()`) are fetched once per client and
    then answered from memory; pass `refresh=True` to fetch them again."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncDataStreams]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[DataStream]:
        """Your organisation's data streams, with their status (GET /api/v2/data_stream).

        operationId: ListDataStreamerV2s. Not paged: iterate the pager, or call `.to_list()` for the
        list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(
        self,
        *,
        data_stream_type: IdLike,
        destination: Destination | Mapping[str, Any],
        name: str | NotGiven = NOT_GIVEN,
        filters: Mapping[str, Any]
        | Sequence[DataStreamFilter | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
        relation_resolution: IdLike | NotGiven = NOT_GIVEN,
    ) -> str:
        """Create a data stream (POST /api/v2/data_stream).

        operationId: CreateDataStreamer. `client.data_streams.create(data_stream_type=2,
        destination=WebhookDestination(url="https://example.com/emnify", size=100),
        filters={"alert": True})`.

        Args:
            data_stream_type: 1 usage or 2 events (`DataStreamTypeId`).
            destination: A destination (`WebhookDestination`, `KinesisDestination`,
                `S3Destination`, `KeenIODestination`, `DatadogDestination`,
                `EventHubsDestination`, `PubSubDestination`) or the API's mapping.
            name: Descriptive name.
            filters: Event streams only: `{"event_type_id": [1, 2, 3]}`, `{"alert": True}`.
            relation_resolution: Whose records: 1 own, 3 both (as emnify's examples show).

        Returns:
            The new stream's id (a string, from the `Location` header).

        Raises:
            InputError: A value is invalid, or a usage stream has filters (nothing is sent).
            UnprocessableEntityError: The API refused the configuration.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                data_stream_type=data_stream_type,
                destination=destination,
                name=name,
                filters=filters,
                relation_resolution=relation_resolution,
            )
        )

    def get(self, data_stream_id: str) -> DataStream:
        """One data stream and its status (GET /api/v2/data_stream/{data_stream_id}).

        operationId: GetDataStreamerByIdV2.

        Raises:
            InputError: The id is malformed (nothing is sent).
            NotFoundError: No such stream of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(data_stream_id))

    def update(
        self,
        data_stream_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        destination: Destination | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        filters: Mapping[str, Any]
        | Sequence[DataStreamFilter | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
        status: IdLike | NotGiven = NOT_GIVEN,
        data_stream_type: IdLike | NotGiven = NOT_GIVEN,
        relation_resolution: IdLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a data stream (PATCH /api/v2/data_stream/{data_stream_id}).

        operationId: PatchV2DataStream. Only the fields passed are sent; the API accepts the
        change (202) and applies it shortly after. `status=DataStreamStatusId.PAUSED` pauses
        the stream (emnify keeps its records up to 7 days), `RUNNING` resumes it;
        `filters={}` removes every filter.

        Args:
            data_stream_id: The stream.
            name: Descriptive name.
            destination: A new destination (see `create()`).
            filters: New filters (event streams only); `{}` for none.
            status: 1 running or 2 paused (`DataStreamStatusId`).
            data_stream_type: 1 usage or 2 events.
            relation_resolution: Whose records: 1 own, 3 both.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such stream of your organisation.
            UnprocessableEntityError: The API refused the change.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                data_stream_id,
                name=name,
                destination=destination,
                filters=filters,
                status=status,
                data_stream_type=data_stream_type,
                relation_resolution=relation_resolution,
            )
        )

    def delete(self, data_stream_id: str) -> None:
        """Delete a data stream (DELETE /api/v2/data_stream/{data_stream_id}).

        operationId: DeleteDataStreamerV2.

        Raises:
            InputError: The id is malformed (nothing is sent).
            NotFoundError: No such stream of your organisation.
            ConflictError: The stream cannot be deleted in its current state.
        """
        return self._handle.run(lambda client: self._area(client).delete(data_stream_id))

    def restart(self, data_stream_id: str) -> None:
        """Restart a data stream, e.g. one in error after its destination was unreachable.

        POST /api/v2/data_stream/{data_stream_id}/restart (DataStreamerV2ByIdRestart). The
        stream is pending, then running again; a misconfigured one fails again.

        Raises:
            InputError: The id is malformed (nothing is sent).
            NotFoundError: No such stream of your organisation.
            ConflictError: The stream cannot be restarted in its current state (paused:
                resume it with `update(status=1)`).
        """
        return self._handle.run(lambda client: self._area(client).restart(data_stream_id))

    def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The data stream statuses (GET /api/v2/data_stream/status; GetDataStreamerStatuses).

        Cached per client (shared with `with_options()` views).

        Args:
            refresh: Fetch them again.
        """
        return self._handle.run(lambda client: self._area(client).statuses(refresh=refresh))

    def types(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The data stream types (GET /api/v2/data_stream/type; GetDataStreamerDataStreamType).

        Cached per client (shared with `with_options()` views).

        Args:
            refresh: Fetch them again.
        """
        return self._handle.run(lambda client: self._area(client).types(refresh=refresh))

    def filter_fields(self, *, refresh: bool = False) -> builtins.list[DataStreamFilterField]:
        """The fields event streams can filter on (GET /api/v2/data_stream/filter_field_type).

        operationId: GetDataStreamerEnumFilterFieldType. Fetched once per client, then
        answered from memory (shared with `with_options()` views).

        Args:
            refresh: Fetch them again.
        """
        return self._handle.run(lambda client: self._area(client).filter_fields(refresh=refresh))


class ApiCallbacks:
    """API callback URLs: where emnify posts MO SMS and delivery receipts.

    A callback takes effect once a service profile names it (`api_callback`), with an
    `api_secret` to have its requests signed."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncApiCallbacks]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[ApiCallback]:
        """Your organisation's callback URLs (GET /api/v1/api_callback; GetAPICallbackURLs).

        Not paged: iterate the pager, or call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(self, *, url: str, purpose: str | NotGiven = NOT_GIVEN) -> int:
        """Create a callback URL (POST /api/v1/api_callback; CreateCallbackURL).

        Args:
            url: An absolute `https://` (or `http://`) URL of your receiver.
            purpose: Free-text purpose.

        Returns:
            The new callback's id (from the `Location` header).

        Raises:
            InputError: The URL is not an absolute http(s) URL (nothing is sent).
            UnprocessableEntityError: The API refused it.
        """
        return self._handle.run(lambda client: self._area(client).create(url=url, purpose=purpose))

    def get(self, api_callback_id: int) -> ApiCallback:
        """One callback URL (GET /api/v1/api_callback/{api_callback_id}; GetCallbackURLbyID).

        Raises:
            NotFoundError: No such callback of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(api_callback_id))

    def delete(self, api_callback_id: int) -> None:
        """Delete a callback URL (DELETE /api/v1/api_callback/{api_callback_id}).

        operationId: DeleteCallbackURL.

        Raises:
            NotFoundError: No such callback of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).delete(api_callback_id))


class ApiSecrets:
    """API secrets: the keys emnify signs its callback requests' JWTs with.

    The API never returns a secret's value: keep the one `create()` returns."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncApiSecrets]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[ApiSecret]:
        """Your organisation's secrets, without their values (GET /api/v1/api_secret).

        operationId: GetAPICallbackSecret. Not paged: iterate the pager, or call `.to_list()` for
        the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(
        self, *, purpose: str | NotGiven = NOT_GIVEN, secret: str | Secret | None = None
    ) -> NewApiSecret:
        """Create a secret (POST /api/v1/api_secret; CreateCallbackSecret).

        Args:
            purpose: Free-text purpose.
            secret: The signing key; by default a random one of 64 characters (48 bytes from
                `secrets`: long enough for HS512, whose key should be at least 64 bytes).

        Returns:
            The new id and the secret's value (masked; `.secret.get_secret_value()` gives it), to
            verify callbacks with `emnify_async.webhooks.verify_callback_token`.

        Raises:
            InputError: The secret is empty or has surrounding blanks (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).create(purpose=purpose, secret=secret)
        )

    def get(self, api_secret_id: int) -> ApiSecret:
        """One secret, without its value (GET /api/v1/api_secret/{api_secret_id}).

        operationId: GetCallbackSecretbyID.

        Raises:
            NotFoundError: No such secret of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(api_secret_id))

    def delete(self, api_secret_id: int) -> None:
        """Delete a secret (DELETE /api/v1/api_secret/{api_secret_id}; DeleteCallbackSecret).

        Raises:
            NotFoundError: No such secret of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).delete(api_secret_id))


class Lookups:
    """Countries, currencies, data sizes, regions and other lookups, cached per client.

    The first call of each lookup fetches it; later calls answer from memory without a
    request, for the client and every `with_options()` view of it. `refresh=True` fetches a
    lookup again, and `refresh()` forgets them all. Concurrent first calls share one request.
    Each call returns a new list of frozen models, so changing it changes no other caller's."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncLookups]) -> None:
        self._handle = handle
        self._area = area

    def countries(self, *, geographic: bool | None = None, refresh: bool = False) -> list[Country]:
        """Every country, with its dialling code, MCC and ISO code (GET /api/v1/country).

        operationId: CountryGet. Cached per client (see the class).

        Args:
            geographic: Only geographic countries: without the duplicates that exist for
                further MCCs (`"United States (311)"`) and non-terrestrial networks.
            refresh: Fetch the list again instead of answering from the cache.

        Raises:
            InputError: An argument is not True or False (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).countries(geographic=geographic, refresh=refresh)
        )

    def currencies(self, *, refresh: bool = False) -> list[Currency]:
        """Every currency (GET /api/v1/currency).

        operationId: CurrencyGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return self._handle.run(lambda client: self._area(client).currencies(refresh=refresh))

    def data_blocksizes(self, *, refresh: bool = False) -> list[DataSize]:
        """The data block sizes a tariff can round traffic to (GET /api/v1/data_blocksize).

        operationId: DataBlocksizeGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return self._handle.run(lambda client: self._area(client).data_blocksizes(refresh=refresh))

    def data_throttles(self, *, refresh: bool = False) -> list[DataSize]:
        """The data throttles a tariff can apply (GET /api/v1/data_throttle).

        operationId: DataThrottleGet. Cached per client (see the class). A throttle's
        `octets` is its rate in bits per second.

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return self._handle.run(lambda client: self._area(client).data_throttles(refresh=refresh))

    def breakout_regions(self, *, refresh: bool = False) -> list[BreakoutRegion]:
        """The regions where device traffic breaks out (GET /api/v1/breakout_region).

        operationId: BreakoutRegionGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return self._handle.run(lambda client: self._area(client).breakout_regions(refresh=refresh))

    def esme_interface_types(self, *, refresh: bool = False) -> list[Status]:
        """The ESME interface types SMS pass through (GET /api/v1/esme_interface_type).

        operationId: EsmeInterfaceTypeGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return self._handle.run(
            lambda client: self._area(client).esme_interface_types(refresh=refresh)
        )

    def rat_types(
        self, *, blacklistable: bool = False, limitable: bool = False, refresh: bool = False
    ) -> list[Status]:
        """The radio access technologies (2G, 3G, 4G, NB-IoT...) (GET /api/v1/rat_type).

        operationId: RatType. Cached per client (see the class), per combination of filters.

        Args:
            blacklistable: Only those that can be blacklisted for network coverage.
            limitable: Only those a PDP context definition can be limited to.
            refresh: Fetch the list again instead of answering from the cache.

        Raises:
            InputError: An argument is not True or False (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).rat_types(
                blacklistable=blacklistable, limitable=limitable, refresh=refresh
            )
        )

    def service_levels(self, *, refresh: bool = False) -> list[NamedRef]:
        """The service levels a tariff plan can have (GET /api/v1/service_level).

        operationId: ListServiceLevels. Cached per client (see the class). An enterprise
        organisation gets its parent organisation's levels, others their own.

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return self._handle.run(lambda client: self._area(client).service_levels(refresh=refresh))

    def refresh(self) -> None:
        """Forget every cached lookup of this client (and its views): each is fetched again
        on its next call.
        """
        return self._handle.run(lambda client: self._area(client).refresh())


class CloudConnect:
    """The CloudConnect API: attachments, breakout types, regions and prices."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncCloudConnect]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(
        self,
        org: IdLike | None = None,
        *,
        status: StatusLike | None = None,
        type: StatusLike | None = None,
    ) -> Pager[CloudConnectAttachment]:
        """Your organisation's attachments (GET /api/v1/cnc/breakout).

        operationId: GetCloudConnectAttachments. A master organisation gets those of its
        direct child organisations. Deleted attachments are left out unless `status` asks
        for them. The API answers with the whole list at once; `await` the pager for it.

        Args:
            org: Only the attachments of this child organisation (master organisations).
            status: Only attachments in this status (`CloudConnectStatusId`, 1 to 8).
            type: Only attachments of this type (`CloudConnectTypeId`, 1 to 8).

        Raises:
            InputError: An argument is invalid (nothing is sent).
            PermissionDeniedError: `org` is not one of your organisations.
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(org, status=status, type=type)
        )

    def get(self, attachment_id: int) -> CloudConnectAttachment:
        """One attachment with its networks, and an active VPN's tunnels and their metrics.

        GET /api/v1/cnc/breakout/{cloudconnect_attachment_id}
        (operationId: GetCloudConnectAttachmentById). A tunnel's pre-shared key is a
        `Secret`: masked when printed, read with `psk.get_secret_value()`.

        Raises:
            NotFoundError: No such attachment of your organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(attachment_id))

    def create_tgw(
        self,
        *,
        name: str,
        vpc_cidr: Sequence[str],
        region: str,
        aws_account_id: str,
        description: str | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a Transit Gateway attachment to your AWS account.

        POST /api/v1/cnc/breakout/tgw (operationId: CreateCloudConnectAttachmentTGW). Then,
        in your AWS account, accept the resource share of the CloudConnect Transit Gateway and
        attach your VPC to it within 7 days (else `retry()` the attachment).

        Args:
            name: Display name.
            vpc_cidr: Your VPC's networks, one to three, e.g. `["172.16.1.0/24"]`.
            region: The AWS region, one of `available_regions(CloudConnectTypeId.TRANSIT_GATEWAY)`.
            aws_account_id: Your AWS account id: 12 digits, as a string.
            description: Optional description.

        Returns:
            The new attachment's id.

        Raises:
            InputError: A value is invalid (nothing is sent).
            UnprocessableEntityError: The API refused a value, e.g. an unavailable region.
        """
        return self._handle.run(
            lambda client: self._area(client).create_tgw(
                name=name,
                vpc_cidr=vpc_cidr,
                region=region,
                aws_account_id=aws_account_id,
                description=description,
            )
        )

    def create_vpn(
        self,
        *,
        name: str,
        public_ip: str,
        on_prem_cidr: Sequence[str],
        region: str | NotGiven = NOT_GIVEN,
        psk: str | Secret | NotGiven = NOT_GIVEN,
        asn: int | NotGiven = NOT_GIVEN,
        inside_cidr: Sequence[str] | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create an IPSec VPN attachment to your VPN server; it is active within minutes.

        POST /api/v1/cnc/breakout/vpn (operationId: CreateCloudConnectAttachmentVPN). With
        `asn` it is a dynamic VPN routed by BGP (type 3, `IPSEC_VPN_BGP`), else a static one
        (type 2, `IPSEC_VPN`).

        Args:
            name: Display name.
            public_ip: The public IPv4 address of your VPN server.
            on_prem_cidr: The networks behind your VPN server, one to three.
            region: The AWS region, one of `available_regions()` of the type.
            psk: The pre-shared key: 8 to 64 letters, digits, periods or underscores, not
                starting with 0; generated when left out (read it with `get()`).
            asn: Your BGP autonomous system number: makes the VPN dynamic.
            inside_cidr: For a dynamic VPN, one to three /30 networks within
                169.254.0.0/16 for the tunnels' inside addresses; generated when left out.
            description: Optional description.

        Returns:
            The new attachment's id.

        Raises:
            InputError: A value is invalid (nothing is sent; a bad `psk` is never echoed).
            UnprocessableEntityError: The API refused a value, e.g. an unavailable region.
        """
        return self._handle.run(
            lambda client: self._area(client).create_vpn(
                name=name,
                public_ip=public_ip,
                on_prem_cidr=on_prem_cidr,
                region=region,
                psk=psk,
                asn=asn,
                inside_cidr=inside_cidr,
                description=description,
            )
        )

    def delete(self, attachment_id: int) -> None:
        """Delete an attachment (DELETE /api/v1/cnc/breakout/{cloudconnect_attachment_id}).

        operationId: DeleteCloudConnectAttachment. It is deactivated, then left out of
        `list()` unless asked for by status.

        Raises:
            NotFoundError: No such attachment of your organisation.
            UnprocessableEntityError: It is deactivated or rolling back already, or a Classic
                attachment.
        """
        return self._handle.run(lambda client: self._area(client).delete(attachment_id))

    def retry(self, attachment_id: int) -> None:
        """Offer an expired Transit Gateway attachment to your AWS account again.

        PATCH /api/v1/cnc/breakout/{cloudconnect_attachment_id}
        (operationId: RetryCloudConnectAttachment). Allowed for a Transit Gateway attachment
        pending AWS activation whose 7 days to accept it have passed.

        Raises:
            NotFoundError: No such attachment of your organisation.
            UnprocessableEntityError: Not such an expired Transit Gateway attachment.
        """
        return self._handle.run(lambda client: self._area(client).retry(attachment_id))

    def breakout_types(self, *, refresh: bool = False) -> Pager[Status]:
        """The types of attachment (GET /api/v1/cnc/breakout_type).

        operationId: GetCloudConnectBreakoutTypes. Ids as in `CloudConnectTypeId`; `await`
        the pager for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return Pager(self._handle, self._area(self._handle.client).breakout_types(refresh=refresh))

    def available_regions(
        self, breakout_type: IdLike, *, refresh: bool = False
    ) -> Pager[CloudConnectRegion]:
        """Where attachments of a type can be created, and where their traffic is peered to.

        GET /api/v1/cnc/breakout_type/{breakout_type_id}/available_region
        (operationId: GetCloudConnectAvailableRegionsByBreakoutType). `await` the pager for
        the list. A lookup: asked once per client and type.

        Args:
            breakout_type: A breakout type id (`CloudConnectTypeId`).
            refresh: Ask the API again instead of the client's cache.

        Raises:
            InputError: Not a positive id (nothing is sent).
            NotFoundError: No such breakout type.
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).available_regions(breakout_type, refresh=refresh),
        )

    def regions(
        self, *, type: StatusLike | None = None, refresh: bool = False
    ) -> Pager[CloudConnectRegion]:
        """Deprecated by emnify: use `available_regions()` (GET /api/v1/cnc/region).

        operationId: GetCloudConnectRegions. The regions where attachments can be created,
        of one type or of any. A lookup: asked once per client and type.

        Args:
            type: Only regions of this breakout type (`CloudConnectTypeId`, 1 to 8).
            refresh: Ask the API again instead of the client's cache.

        Raises:
            InputError: `type` is not from 1 to 8 (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).regions(type=type, refresh=refresh)
        )

    def prices(self) -> Pager[CloudConnectPrice]:
        """Monthly prices of the breakout types (GET /api/v1/cnc/pricing).

        operationId: ListCloudConnectCustomPrices. An enterprise organisation gets the prices
        that apply to it; a master organisation those it set for its child organisations.
        `await` the pager for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).prices())


class UserMfa:
    """MFA keys of the user this client logs in as, and users' trusted devices.

    Setting up MFA is two calls: `create_key()` answers the key's seed (show it as a QR code
    from `otpauth`), then `activate_key()` with a code the authenticator app shows."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncUserMfa]) -> None:
        self._handle = handle
        self._area = area

    def create_key(self, *, password: str | Secret, type: StatusLike = MfaKeyTypeId.TOTP) -> MfaKey:
        """Create an MFA key for the user this client logs in as (POST /api/v1/user/mfa;
        postMfa).

        The key is `ACTIVATION_PENDING` until `activate_key()`. Its `secret_key` and
        `otpauth` are `Secret`s, in this answer only: `key.otpauth.get_secret_value()` for
        the QR code.

        Args:
            password: The user's password, in plain text (its SHA-1 is sent).
            type: The key type; `MfaKeyTypeId.TOTP` (the default) is the only one.

        Raises:
            InputError: An argument is invalid (nothing is sent).
            ConflictError: `1405 Duplicated`: the user's MFA is active already.
            UnprocessableEntityError: The password is wrong.
        """
        return self._handle.run(
            lambda client: self._area(client).create_key(password=password, type=type)
        )

    def activate_key(self, key_id: int, *, code: str | int | Secret) -> None:
        """Activate an MFA key with a code of the authenticator app (PATCH
        /api/v1/user/mfa/{key_id}; UserMfaByIdPatch).

        From then on, logging in with the user's password needs a code too (an SDK client
        then refuses to log in as that user: use an application token).

        Args:
            key_id: The key `create_key()` answered.
            code: The 6 digits the app shows now.

        Raises:
            InputError: The code is not 6 digits (nothing is sent).
            NotFoundError: No such key of this user.
            ConflictError: `1405 Duplicated`: the key is active already.
            UnprocessableEntityError: The code does not match.
        """
        return self._handle.run(lambda client: self._area(client).activate_key(key_id, code=code))

    def delete_key(self, user_id: IdLike | Literal["my"], key_id: int) -> None:
        """Delete an MFA key (DELETE /api/v1/user/{user_id}/mfa/{key_id};
        UserMfaByUserIdAndKeyIdDelete).

        Args:
            user_id: The key's user, or `"my"` for the user this client logs in as.
            key_id: The key's id (a user's details list its keys).

        Raises:
            NotFoundError: No such key of this user.
        """
        return self._handle.run(lambda client: self._area(client).delete_key(user_id, key_id))

    def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The MFA key statuses (GET /api/v1/user/mfa/status; UserMfaStatusGet).

        A lookup: cached per client, `refresh=True` asks the API again. call `.to_list()` for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).statuses(refresh=refresh))

    def types(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The MFA key types (GET /api/v1/user/mfa/type; UserMfaTypeGet).

        A lookup: cached per client, `refresh=True` asks the API again. call `.to_list()` for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).types(refresh=refresh))

    def trusted_devices(self, user_id: IdLike | Literal["my"]) -> Pager[TrustedDevice]:
        """A user's trusted devices, which skip the MFA code (GET
        /api/v1/user/{user_id}/mfa/trusted_device; UserMfaTrustedDeviceByUserIdGet).

        call `.to_list()` for the list.

        Args:
            user_id: The user's id, or `"my"` for the user this client logs in as.

        Raises:
            InputError: `user_id` is malformed (nothing is sent).
        """
        return Pager(self._handle, self._area(self._handle.client).trusted_devices(user_id))

    def delete_trusted_device(self, user_id: IdLike | Literal["my"], device_id: int) -> None:
        """Stop trusting a device (DELETE /api/v1/user/{user_id}/mfa/trusted_device/
        {device_id}; UserMfaTrustedDeviceByUserIdAndDeviceIdDelete).

        Raises:
            NotFoundError: No such device of this user.
        """
        return self._handle.run(
            lambda client: self._area(client).delete_trusted_device(user_id, device_id)
        )


class UserWorkspaces:
    """The workspaces (organisations) a user is a member of, with a status and roles in each.

    A user logs in to its default workspace; `client.workspaces.authenticate()` gives a token
    for another. Changing memberships needs the **Administrator** role in the workspace."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncUserWorkspaces]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self, user_id: IdLike) -> Pager[Workspace]:
        """The workspaces assigned to a user (GET /api/v2/user/{user_id}/workspace;
        get-assigned-workspaces). call `.to_list()` for the list.

        Only workspaces where you are an administrator are listed.

        Raises:
            InputError: `user_id` is malformed (nothing is sent).
            PermissionDeniedError: You are no administrator of the workspace you are in.
        """
        return Pager(self._handle, self._area(self._handle.client).list(user_id))

    def set_status(self, user_id: IdLike, workspace_id: IdLike, *, status: StatusLike) -> None:
        """Activate or suspend a user in one workspace (PATCH
        /api/v2/user/{user_id}/workspace/{workspace_id}; update-workspace-user-status).

        Suspending a user in its default workspace makes its next active workspace the default.

        Args:
            user_id: The user's id.
            workspace_id: The workspace's (organisation's) id.
            status: `UserStatusId.ACTIVE` or `UserStatusId.SUSPENDED`.

        Raises:
            InputError: An argument is invalid (nothing is sent).
            PermissionDeniedError: You are no administrator of the workspace.
            NotFoundError: The user is not a member of the workspace.
        """
        return self._handle.run(
            lambda client: self._area(client).set_status(user_id, workspace_id, status=status)
        )

    def unassign(self, user_id: IdLike, workspace_id: IdLike) -> None:
        """Remove a user from a workspace (DELETE /api/v2/user/{user_id}/workspace/
        {workspace_id}; unassign-workspaces).

        Removing a user from its default workspace makes its next active workspace the default.

        Raises:
            InputError: An id is malformed (nothing is sent).
            PermissionDeniedError: You are no administrator of the workspace, or it is the
                user's only workspace.
            NotFoundError: The user is not a member of the workspace.
        """
        return self._handle.run(lambda client: self._area(client).unassign(user_id, workspace_id))

    def add_role(self, user_id: IdLike, workspace_id: IdLike, role_id: IdLike) -> None:
        """Give a user a role in a workspace (PUT /api/v2/user/{user_id}/workspace/
        {workspace_id}/role/{role_id}; assign-user-role-by-id).

        A role the user has already stays (nothing changes).

        Raises:
            InputError: An id is malformed (nothing is sent).
            BadRequestError: It is your own user.
            PermissionDeniedError: You are no administrator of the workspace.
            NotFoundError: No such user in the workspace, or no such role.
        """
        return self._handle.run(
            lambda client: self._area(client).add_role(user_id, workspace_id, role_id)
        )

    def remove_role(self, user_id: IdLike, workspace_id: IdLike, role_id: IdLike) -> None:
        """Take a role from a user in a workspace (DELETE /api/v2/user/{user_id}/workspace/
        {workspace_id}/role/{role_id}; remove-user-role-by-id).

        Raises:
            InputError: An id is malformed (nothing is sent).
            BadRequestError: It is your own user.
            PermissionDeniedError: You are no administrator of the workspace.
            NotFoundError: No such user in the workspace, or the user lacks the role.
            ConflictError: `1407 CannotBeDeleted`: it is the user's last role there.
        """
        return self._handle.run(
            lambda client: self._area(client).remove_role(user_id, workspace_id, role_id)
        )

    def set_default(self, user_id: IdLike, workspace_id: IdLike) -> None:
        """Make a workspace the user's default, where its logins land (PUT
        /api/v2/user/{user_id}/default_organisation/{workspace_id}; update-default-workspace).

        You need the **Administrator** role in both the old and the new default workspace.

        Raises:
            InputError: An id is malformed (nothing is sent).
            PermissionDeniedError: You are no administrator of both, or the user is no active
                member of the new one.
        """
        return self._handle.run(
            lambda client: self._area(client).set_default(user_id, workspace_id)
        )


class Users:
    """The user API: accounts of your organisation and its direct children.

    Passwords are taken in plain text (or as `Secret`) and sent as the SHA-1 hex digest that
    emnify's login takes, so that a password set here is the one the user logs in with; only
    the digest is kept, as a `Secret`, and no repr, log or error shows it."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncUsers]) -> None:
        self._handle = handle
        self._area = area

    @functools.cached_property
    def mfa(self) -> UserMfa:
        """Multi-factor authentication: MFA keys, their lookups, trusted devices."""
        return UserMfa(self._handle, lambda client: self._area(client).mfa)

    @functools.cached_property
    def workspaces(self) -> UserWorkspaces:
        """A user's workspaces: list, status, roles, unassign, the default one."""
        return UserWorkspaces(self._handle, lambda client: self._area(client).workspaces)

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[User]:
        """List users, across all pages (GET /api/v1/user; UserPerPageSortByQAndPageGet).

        Listed users carry no `roles` (`get()` has them).

        Args:
            q: Filters on `id`, `status`, `name`, `username`, `organisation`, e.g.
                `{"status": UserStatusId.ACTIVE, "organisation": 102}`.
            sort: Sort keys among those and `created`, e.g. `"-status,id"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(q=q, sort=sort, per_page=per_page)
        )

    def get(self, user_id: IdLike | str) -> User:
        """One user, by id or username (GET /api/v1/user/{user_id}; UserByIdGet).

        Args:
            user_id: The user's id, or its username (e-mail address).

        Raises:
            NotFoundError: No such user in your organisation or its direct children.
        """
        return self._handle.run(lambda client: self._area(client).get(user_id))

    def create(
        self,
        *,
        username: str,
        name: str,
        org: IdLike | NotGiven = NOT_GIVEN,
        roles: Iterable[IdLike] | IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a user (POST /api/v1/user; UserPerPageSortByQAndPagePost).

        The account starts `ACTIVATION_PENDING`, without a password: emnify e-mails the user
        an activation key, which `activate()` takes with the new password.

        Args:
            username: The user's e-mail address.
            name: The user's display name.
            org: Your organisation or one of its direct children (default: yours).
            roles: One or more role ids or `Role` models (default: emnify's default role).

        Returns:
            The new user's id (from the `Location` header).

        Raises:
            InputError: A value is invalid (nothing is sent).
            NotFoundError: A role does not exist.
            UnprocessableEntityError: The username is taken or the organisation is not
                yours (see `errors`).
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                username=username, name=name, org=org, roles=roles
            )
        )

    def update(
        self,
        user_id: IdLike,
        *,
        username: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        status: StatusLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a user (PATCH /api/v1/user/{user_id}; UserByIdPatch).

        Only the fields passed are sent. A new username makes the account
        `ACTIVATION_PENDING` again (emnify sends a new activation key). The status moves
        between `ACTIVE` and `SUSPENDED`, or from `ACTIVATION_PENDING` to `SUSPENDED`.

        Args:
            user_id: The user's id.
            username: A new e-mail address.
            name: A new display name.
            status: `UserStatusId.ACTIVE` or `SUSPENDED`.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such user.
            UnprocessableEntityError: The status change is not allowed (see `errors`).
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                user_id, username=username, name=name, status=status
            )
        )

    def delete(self, user_id: IdLike) -> None:
        """Delete a user (DELETE /api/v2/user/{user_id}; UserByIdDeleteV2).

        The user can no longer log in.

        Raises:
            NotFoundError: No such user, or not one you may delete.
        """
        return self._handle.run(lambda client: self._area(client).delete(user_id))

    def delete_v1(self, user_id: IdLike) -> None:
        """Delete a user the deprecated way (DELETE /api/v1/user/{user_id}; UserByIdDelete).

        Prefer `delete()`, which emnify recommends instead.

        Raises:
            NotFoundError: No such user.
        """
        return self._handle.run(lambda client: self._area(client).delete_v1(user_id))

    def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The user statuses (GET /api/v1/user/status; UserStatusGet).

        A lookup: cached per client, `refresh=True` asks the API again. call `.to_list()` for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).statuses(refresh=refresh))

    def roles(self, *, refresh: bool = False) -> builtins.list[Role]:
        """The roles a user can have (GET /api/v1/user/role; UserRoleGet).

        A lookup: cached per client, `refresh=True` asks the API again. call `.to_list()` for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).roles(refresh=refresh))

    def add_role(self, user_id: IdLike, role_id: int) -> None:
        """Give a user a role (PUT /api/v1/user/{user_id}/role/{role_id}; UserRoleByIdAndRoleIdPut).

        Raises:
            NotFoundError: No such user or role.
            ConflictError: `1405 Duplicated`: the user has the role already.
        """
        return self._handle.run(lambda client: self._area(client).add_role(user_id, role_id))

    def remove_role(self, user_id: IdLike, role_id: int) -> None:
        """Take a role from a user (DELETE /api/v1/user/{user_id}/role/{role_id};
        UserRoleByIdAndRoleIdDelete).

        Raises:
            NotFoundError: No such user, or the user does not have the role.
            ConflictError: `1407 CannotBeDeleted`: it is the user's last role.
        """
        return self._handle.run(lambda client: self._area(client).remove_role(user_id, role_id))

    def role_permissions(self, user_id: IdLike | Literal["my"]) -> Pager[RolePermissions]:
        """What each of a user's roles allows (GET /api/v1/user/{user_id}/role/permission;
        UserRolePermissionByIdGet). call `.to_list()` for the list.

        Args:
            user_id: The user's id, or `"my"` for the user this client logs in as.

        Raises:
            InputError: `user_id` is malformed (nothing is sent).
        """
        return Pager(self._handle, self._area(self._handle.client).role_permissions(user_id))

    def events(
        self,
        user_id: IdLike | Literal["my"],
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = 1000,
    ) -> Pager[Event]:
        """A user's events, across all pages (GET /api/v1/user/{user_id}/event;
        UserEventPagePerPageSortByUserIdAndQGet).

        An unknown user, or one you may not see, has no events (emnify answers `[]`, not 404).

        Args:
            user_id: The user's id, or `"my"` for the user this client logs in as.
            q: Filters, e.g. `{"type": 6}` (failed logins).
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: An argument is malformed (nothing is sent).
            PermissionDeniedError: Only administrators and observers see others' events.
        """
        return Pager(
            self._handle,
            self._area(self._handle.client).events(user_id, q=q, sort=sort, per_page=per_page),
        )

    def create_support_token(
        self, user_id: IdLike, *, role: int | NotGiven = NOT_GIVEN
    ) -> SupportToken:
        """A bearer token to act as a user, for support (POST /api/v2/user/{user_id}/
        support_token; UserByIdV2CreateSupportToken).

        An event is recorded in the user's organisation. The token is a `Secret`:
        `token.support_token.get_secret_value()` gives it.

        Args:
            user_id: The user to act as (not yourself).
            role: `UserRoleId.ADMINISTRATOR` or `OBSERVER` for the token only (the user's own
                roles do not change).

        Raises:
            InputError: An argument is invalid (nothing is sent).
            PermissionDeniedError: You may not act as this user.
            NotFoundError: The user does not exist or is not active, or its organisation
                is not enabled.
        """
        return self._handle.run(
            lambda client: self._area(client).create_support_token(user_id, role=role)
        )

    def invite(
        self,
        *,
        username: str,
        name: str,
        org: IdLike | NotGiven = NOT_GIVEN,
        roles: Iterable[IdLike] | IdLike | NotGiven = NOT_GIVEN,
    ) -> User:
        """Invite a user to a workspace (POST /api/v2/user/invitation; user-v-2-invitation).

        An unknown username becomes a new user whose default workspace is `org`; a known one
        is assigned to `org` too. Either way the membership waits for `accept_invitation()`
        (emnify sends no e-mail: pass the key on yourself).

        Args:
            username: The user's e-mail address.
            name: The user's display name.
            org: The workspace (default: your default workspace).
            roles: Role ids or `Role` models (default: Administrator).

        Returns:
            The user, with `id`, `organisation` and `roles`.

        Raises:
            InputError: A value is invalid (nothing is sent).
            BadRequestError: A value is refused (see `errors`).
            PermissionDeniedError: You may not invite users, or workspaces are not enabled.
            ConflictError: The user is a member of the workspace already.
        """
        return self._handle.run(
            lambda client: self._area(client).invite(
                username=username, name=name, org=org, roles=roles
            )
        )

    def accept_invitation(
        self,
        *,
        activation_key: str | Secret,
        password: str | Secret | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """Accept an invitation to a workspace (POST /api/v2/user/activation;
        accept-user-invitation).

        Unlike `activate()`, the docs require a token for it: send it with any client.

        Args:
            activation_key: The key of the invitation.
            password: The new password, in plain text (its SHA-1 is sent); needed only by a
                user who has none yet.
            name: A new display name.

        Raises:
            InputError: An argument is empty (nothing is sent).
            BadRequestError: The user has no password yet and none was given.
            PermissionDeniedError: The key is unknown or was used already.
        """
        return self._handle.run(
            lambda client: self._area(client).accept_invitation(
                activation_key=activation_key, password=password, name=name
            )
        )

    def activate(self, *, activation_key: str | Secret, password: str | Secret) -> None:
        """Activate a new account and set its password (POST /api/v1/user/activation;
        UserActivationPost).

        Sent without a token (emnify needs none): a client with no credentials of its own
        can call it.

        Args:
            activation_key: The key emnify e-mailed to the user.
            password: The new password, in plain text (its SHA-1 is sent).

        Raises:
            InputError: An argument is empty (nothing is sent).
            BadRequestError: The key is unknown or was used already.
        """
        return self._handle.run(
            lambda client: self._area(client).activate(
                activation_key=activation_key, password=password
            )
        )

    def resend_activation(self, *, username: str, recaptcha_response: str) -> None:
        """E-mail a new activation key (POST /api/v1/user/activation_resend;
        UserActivationResendPost).

        Sent without a token, like `activate()`.

        Args:
            username: The user's e-mail address.
            recaptcha_response: The `g-recaptcha-response` of a Google reCAPTCHA form (emnify
                support gives out the site key).

        Raises:
            InputError: An argument is invalid (nothing is sent).
        """
        return self._handle.run(
            lambda client: self._area(client).resend_activation(
                username=username, recaptcha_response=recaptcha_response
            )
        )

    def change_password(self, *, old_password: str | Secret, new_password: str | Secret) -> None:
        """Change the password of the user this client logs in as (PATCH /api/v1/user/password;
        UserPasswordPatch).

        Both are taken in plain text and sent as SHA-1 digests. If this client logs in with
        that password, it logs in with the new one from now on.

        Raises:
            InputError: A password is empty (nothing is sent).
            UnprocessableEntityError: `1002 Failed`: the old password is wrong.
        """
        return self._handle.run(
            lambda client: self._area(client).change_password(
                old_password=old_password, new_password=new_password
            )
        )


class ApplicationTokens:
    """The application tokens of your organisation (what `Emnify` logs in with)."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncApplicationTokens]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[ApplicationToken]:
        """The organisation's application tokens, revoked ones included (GET
        /api/v1/application_token; ApplicationTokenGet).

        The list is not paged; call `.to_list()` for the list. The tokens themselves are not shown.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(
        self,
        *,
        description: str | NotGiven = NOT_GIVEN,
        expiry_date: datetime.datetime | datetime.date | NotGiven = NOT_GIVEN,
        ip: str | NotGiven = NOT_GIVEN,
    ) -> NewApplicationToken:
        """Create an application token (POST /api/v1/application_token; ApplicationTokenPost).

        The answer is the only time emnify shows the token; it is a `Secret`:
        `created.application_token.get_secret_value()` gives it, to store somewhere safe.

        Args:
            description: What the token is for.
            expiry_date: When it stops authenticating (a naive datetime is UTC; a date is its
                midnight UTC).
            ip: The only network it may authenticate from, in CIDR notation (`10.0.0.1/32`).

        Raises:
            InputError: A value is invalid (nothing is sent).
            UnprocessableEntityError: emnify refused a value (`1403 InvalidFormat`).
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                description=description, expiry_date=expiry_date, ip=ip
            )
        )

    def update(
        self,
        app_token_id: int,
        *,
        description: str | NotGiven = NOT_GIVEN,
        status: StatusLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a token's description or status (PATCH /api/v1/application_token/
        {app_token_id}; ApplicationTokenByIdPatch).

        Args:
            app_token_id: The token's id (from `list()`).
            description: A new description.
            status: `ApplicationTokenStatusId.REVOKED` revokes it (see `revoke()`).

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such token of your organisation.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                app_token_id, description=description, status=status
            )
        )

    def revoke(self, app_token_id: int) -> None:
        """Revoke a token: it no longer logs in (auth tokens it already gave stay valid
        until they expire, as emnify documents).
        """
        return self._handle.run(lambda client: self._area(client).revoke(app_token_id))


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

    def actions(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The operation actions the API knows (GET /api/v1/euicc/operation/action).

        operationId: list-operation-action (newer docs). A lookup: cached per client,
        `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).actions(refresh=refresh))

    def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The operation statuses (GET /api/v1/euicc/operation/status).

        operationId: list-operation-status (newer docs). A lookup: cached per client,
        `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).statuses(refresh=refresh))


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

    def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The eUICC statuses (GET /api/v1/euicc/status; "reserved for future use").

        operationId: list-euicc-status (newer docs). A lookup: cached per client,
        `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).statuses(refresh=refresh))

    def profile_statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The statuses of eUICC profiles (GET /api/v1/euicc/profile/status).

        operationId: list-euicc-profile-status (newer docs). A lookup: cached per client,
        `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).profile_statuses(refresh=refresh))


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

    def actions(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The SIM operation actions the API knows (GET /api/v1/sim/operation/action).

        operationId: list-sim-operation-action (newer docs). A lookup: cached per client,
        `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).actions(refresh=refresh))

    def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The SIM operation statuses (GET /api/v1/sim/operation/status).

        operationId: list-sim-operation-status (newer docs). A lookup: cached per client,
        `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).statuses(refresh=refresh))


class Tags:
    """The organisation's tags: list, create, rename or recolour, delete, and their colours.

    Assign them to endpoints with `client.endpoints.tags`."""

    def __init__(self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncTags]) -> None:
        self._handle = handle
        self._area = area

    def list(self, *, name: str | None = None, per_page: int | None = None) -> Pager[Tag]:
        """The organisation's tags, across all pages (GET /api/v2/tags).

        operationId: list-tags (newer docs). The API pages this list its own way (`page`,
        `page_size` and an object around each page); the pager reads it like any other.

        Args:
            name: Only tags with this name (the emulator matches a part, ignoring case).
            per_page: Tags per page (sent as `page_size`); by default the API's.

        Raises:
            InputError: `name` is blank or `per_page` not a positive integer (nothing is sent).
        """
        return Pager(
            self._handle, self._area(self._handle.client).list(name=name, per_page=per_page)
        )

    def create(self, *, name: str, color: IdLike | NotGiven = NOT_GIVEN) -> Tag:
        """Create a tag (POST /api/v2/tags).

        operationId: create-tag (newer docs). Never repeated once sent: if it fails without
        an answer, `list(name=...)` shows whether the tag exists.

        Args:
            name: The tag's name, unique in the organisation.
            color: A colour of `colors()`, by id; by default the API picks one at random.

        Returns:
            The new tag (its `id`, `name` and `tag_color`).

        Raises:
            InputError: A blank name or a colour that is no id (nothing is sent).
            ConflictError: The organisation has a tag of that name.
            UnprocessableEntityError: No such colour.
        """
        return self._handle.run(lambda client: self._area(client).create(name=name, color=color))

    def update(
        self, tag_id: int, *, name: str | NotGiven = NOT_GIVEN, color: IdLike | NotGiven = NOT_GIVEN
    ) -> None:
        """Rename or recolour a tag (PATCH /api/v2/tags/{tag_id}).

        operationId: update-tag (newer docs).

        Raises:
            InputError: Neither `name` nor `color`, or a bad one (nothing is sent).
            NotFoundError: No such tag in this organisation.
            UnprocessableEntityError: No such colour, or another tag has the name.
        """
        return self._handle.run(
            lambda client: self._area(client).update(tag_id, name=name, color=color)
        )

    def delete(self, tag_id: int) -> None:
        """Delete a tag, and with it every assignment of it (DELETE /api/v2/tags/{tag_id}).

        operationId: delete-tag (newer docs).

        Raises:
            NotFoundError: No such tag in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).delete(tag_id))

    def colors(self, *, refresh: bool = False) -> builtins.list[TagColor]:
        """The colours a tag can have (GET /api/v2/tag-colors).

        operationId: list-tag-colors (newer docs). A lookup: fetched once per client and
        then answered from memory, like `client.lookups`; `refresh=True` fetches it again.
        """
        return self._handle.run(lambda client: self._area(client).colors(refresh=refresh))

    def delete_many(self, tag_ids: Iterable[int]) -> BulkResult:
        """Delete many tags in one request (POST /api/v2/bulk-operations/tag/delete-tags).

        operationId: delete-tags-in-bulk (newer docs). Their assignments go with them.

        Every reported outcome is true: when the request fails, including when its answer
        was lost or a repeat of it found the tags gone, the tags are listed again; a tag that
        is gone counts as deleted, one still there failed with the request's error, and when
        the list cannot be read every tag is `"unknown"` (`OutcomeUnknownError`).

        Args:
            tag_ids: The tags; repeats are deleted once.

        Returns:
            One `BulkItem` per distinct tag, in input order.

        Raises:
            InputError: No id, or one that is not a positive integer (nothing is sent).
        """
        return self._handle.run(lambda client: self._area(client).delete_many(tag_ids))


class Automations:
    """Automations: when their event happens (to their targets), they run their actions."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncAutomations]
    ) -> None:
        self._handle = handle
        self._area = area

    def list(self) -> Pager[Automation]:
        """The organisation's automations (GET /api/v1/automation).

        operationId: list-automations (newer docs). call `.to_list()` for the list.
        """
        return Pager(self._handle, self._area(self._handle.client).list())

    def create(
        self,
        *,
        name: str,
        status: str,
        actions: Iterable[ActionConfig],
        custom_event: str | uuid.UUID | CustomEvent | NotGiven = NOT_GIVEN,
        system_event: str | uuid.UUID | SystemEvent | NotGiven = NOT_GIVEN,
        description: str = "",
        targeting: PropertyValues | None = None,
    ) -> Automation:
        """Create an automation (POST /api/v1/automation).

        operationId: create-automation (newer docs). Never repeated once sent (a repeat would
        create it twice): if it fails without an answer, `list()` shows whether it exists.

        Args:
            name: Its name.
            status: Its status, e.g. `"ACTIVE"` (only active automations run; the docs list
                no values: `"ACTIVE"` and `"INACTIVE"` are the emulator's).
            actions: What it does each time: `ActionConfig(action=..., properties=...)` each,
                actions of `actions()` that its event supports.
            custom_event: The custom event it is triggered by (`client.events.custom`), or
            system_event: the system event (`client.events.system`): exactly one of the two.
            description: Its description.
            targeting: What it is narrowed to, e.g. `{"endpoint": [1, 2]}`; none: everything.

        Raises:
            InputError: An argument is missing or malformed, or not exactly one event is given
                (nothing is sent).
            NotFoundError: No such event.
            UnprocessableEntityError: An action, its configuration or a targeting option is
                unknown or not supported by the event.
        """
        return self._handle.run(
            lambda client: self._area(client).create(
                name=name,
                status=status,
                actions=actions,
                custom_event=custom_event,
                system_event=system_event,
                description=description,
                targeting=targeting,
            )
        )

    def get(self, automation_id: str) -> Automation:
        """One automation (GET /api/v1/automation/{id}).

        operationId: get-automation (newer docs).

        Args:
            automation_id: Its id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such automation in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).get(automation_id))

    def update(
        self,
        automation_id: str,
        *,
        name: str,
        description: str,
        status: str,
        actions: Iterable[ActionConfig],
        targeting: PropertyValues,
    ) -> Automation:
        """Replace an automation's settings (PATCH /api/v1/automation/{id}).

        operationId: update-automation (newer docs). The docs require every field: pass them
        all (its event cannot change). Repeating it is harmless.

        Raises:
            InputError: An argument is missing or malformed (nothing is sent).
            NotFoundError: No such automation in this organisation.
            UnprocessableEntityError: An action, its configuration or a targeting option is
                unknown or not supported by the automation's event.
        """
        return self._handle.run(
            lambda client: self._area(client).update(
                automation_id,
                name=name,
                description=description,
                status=status,
                actions=actions,
                targeting=targeting,
            )
        )

    def delete(self, automation_id: str) -> None:
        """Delete an automation (DELETE /api/v1/automation/{id}).

        operationId: delete-automation (newer docs).

        Raises:
            NotFoundError: No such automation in this organisation.
        """
        return self._handle.run(lambda client: self._area(client).delete(automation_id))

    def actions(self, *, refresh: bool = False) -> builtins.list[AutomationAction]:
        """The actions automations can run (GET /api/v1/automation/action).

        operationId: list-action (newer docs). A lookup: cached per client after the first
        call; `refresh=True` asks the API again.
        """
        return self._handle.run(lambda client: self._area(client).actions(refresh=refresh))

    def action(self, action_id: str) -> AutomationAction:
        """One action (GET /api/v1/automation/action/{id}).

        operationId: get-action-by-id (newer docs).

        Raises:
            NotFoundError: No such action.
        """
        return self._handle.run(lambda client: self._area(client).action(action_id))

    def logs(self, automation_id: str, execution: int) -> Pager[ActionLog]:
        """What each action did in one execution of an automation (GET /api/v1/automation/log).

        operationId: list-action-logs (newer docs). call `.to_list()` for the list.

        Args:
            automation_id: The automation (a UUID, or the `Automation`).
            execution: Which execution, from 1 to its `number_of_executions`.

        Raises:
            InputError: A malformed id or execution number (nothing is sent).
        """
        return Pager(self._handle, self._area(self._handle.client).logs(automation_id, execution))

    def verify_recipient_email(self, token: str | Secret) -> None:
        """Verify an automation's e-mail recipient
        (POST /api/v1/automation/recipient/email/verification).

        operationId: verify-automation-recipient-email (newer docs). Only verified recipients
        are e-mailed. Never repeated once sent (the token is used up), and never kept in an
        error.

        Args:
            token: The token of the verification e-mail.

        Raises:
            InputError: An empty token (nothing is sent).
            BadRequestError: The token is unknown or was used already.
        """
        return self._handle.run(lambda client: self._area(client).verify_recipient_email(token))


class Workspaces:
    """Workspaces as a whole: their daily traffic, and logging in to another one."""

    def __init__(
        self, handle: ClientHandle, area: Callable[[AsyncEmnify], AsyncWorkspaces]
    ) -> None:
        self._handle = handle
        self._area = area

    def daily_stats(
        self,
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
        workspace_ids: Iterable[IdLike] | None = None,
    ) -> WorkspaceDailyStats:
        """Daily traffic summed over your workspaces (GET /api/v2/workspace/stats/daily;
        get-workspace-daily-stats).

        Args:
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; alone, the range runs six
                months from it.
            end_date: Last day; alone, the range is that day's month.
            workspace_ids: Only these workspaces (default: every one you may see).

        Raises:
            InputError: A date or id is malformed, or the end is before the start (nothing is
                sent).
            UnprocessableEntityError: A workspace asked for is unknown or not accessible.
        """
        return self._handle.run(
            lambda client: self._area(client).daily_stats(
                start_date=start_date, end_date=end_date, workspace_ids=workspace_ids
            )
        )

    def authenticate(self, workspace_id: IdLike) -> WorkspaceToken:
        """An auth token for another workspace of the user this client logs in as (POST
        /api/v1/authenticate/workspace; authenticate-workspace).

        This client keeps its own login; the token (a `Secret`:
        `token.auth_token.get_secret_value()`) is for calls to that workspace. Only a client
        logged in with a username and password can switch: an application token is scoped to
        one workspace.

        Raises:
            InputError: `workspace_id` is malformed (nothing is sent).
            AuthenticationError: This client logs in with an application token, or the user
                is no active member of the workspace.
        """
        return self._handle.run(lambda client: self._area(client).authenticate(workspace_id))


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
    def service_profiles(self) -> ServiceProfiles:
        """Service profiles: list, get, create, update, delete, services, traffic limits."""
        return ServiceProfiles(self._handle, lambda client: client.service_profiles)

    @functools.cached_property
    def tariff_profiles(self) -> TariffProfiles:
        """Tariff profiles: CRUD, coverage, ratezone selection and inclusive volume."""
        return TariffProfiles(self._handle, lambda client: client.tariff_profiles)

    @functools.cached_property
    def ip_address_spaces(self) -> IpAddressSpaces:
        """IP address spaces: yours, free ones, assign and release."""
        return IpAddressSpaces(self._handle, lambda client: client.ip_address_spaces)

    @functools.cached_property
    def services(self) -> Services:
        """Services and their traffic limits (lookups, cached per client)."""
        return Services(self._handle, lambda client: client.services)

    @functools.cached_property
    def dns(self) -> Dns:
        """DNS configurations for service profiles: list, create, delete."""
        return Dns(self._handle, lambda client: client.dns)

    @functools.cached_property
    def data_streams(self) -> DataStreams:
        """Data Streamer v2: stream usage or event records to your cloud or webhook."""
        return DataStreams(self._handle, lambda client: client.data_streams)

    @functools.cached_property
    def api_callbacks(self) -> ApiCallbacks:
        """API callback URLs, where emnify posts MO SMS and delivery receipts."""
        return ApiCallbacks(self._handle, lambda client: client.api_callbacks)

    @functools.cached_property
    def api_secrets(self) -> ApiSecrets:
        """API secrets, the keys emnify signs its callback requests with."""
        return ApiSecrets(self._handle, lambda client: client.api_secrets)

    @functools.cached_property
    def lookups(self) -> Lookups:
        """Lookups (countries, currencies, RAT types...), cached per client."""
        return Lookups(self._handle, lambda client: client.lookups)

    @functools.cached_property
    def cloud_connect(self) -> CloudConnect:
        """CloudConnect: attachments to your AWS, breakout types, regions, prices."""
        return CloudConnect(self._handle, lambda client: client.cloud_connect)

    @functools.cached_property
    def users(self) -> Users:
        """Users: accounts, roles, events, activation, passwords, MFA (`users.mfa`)."""
        return Users(self._handle, lambda client: client.users)

    @functools.cached_property
    def application_tokens(self) -> ApplicationTokens:
        """Application tokens of the organisation: list, create, update, revoke."""
        return ApplicationTokens(self._handle, lambda client: client.application_tokens)

    @functools.cached_property
    def euiccs(self) -> Euiccs:
        """eUICCs (SGP.32 IoT eSIMs): list, get, linked EIDs; `operations` on their profiles."""
        return Euiccs(self._handle, lambda client: client.euiccs)

    @functools.cached_property
    def sim_operations(self) -> SimOperations:
        """SIM operations on eSIMs (say, linking profiles to EIDs): trigger, follow."""
        return SimOperations(self._handle, lambda client: client.sim_operations)

    @functools.cached_property
    def tags(self) -> Tags:
        """Tags (v2): list, create, update, delete, colours; assign them with `endpoints.tags`."""
        return Tags(self._handle, lambda client: client.tags)

    @functools.cached_property
    def automations(self) -> Automations:
        """Automations: rules that run actions (e-mails, webhooks) when an event happens."""
        return Automations(self._handle, lambda client: client.automations)

    @functools.cached_property
    def workspaces(self) -> Workspaces:
        """Workspaces: daily stats, a token for another one (a user's: `users.workspaces`)."""
        return Workspaces(self._handle, lambda client: client.workspaces)

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

    def authenticate(self) -> None:
        """Log in now (POST /api/v1/authenticate; Authenticate), even with a fresh token.

        The client logs in by itself before its first call and whenever its token runs out;
        call this to check the credentials up front (at an app's startup) or to start a new
        session. Later calls use the new token. Transient failures are retried within the
        client's retry policy and deadline, as for any call.

        Raises:
            MissingCredentialsError: The client was given no credentials.
            AuthenticationError: emnify refused them (the message says what to check, never
                the secret).
            APIConnectionError: No answer could be had within the retry policy.
        """
        return self._handle.run(lambda client: client.authenticate())

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
