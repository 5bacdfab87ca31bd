"""eUICCs (SGP.32 IoT eSIMs) and their profile operations (`client.euiccs`).

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Iterable, Mapping, Sequence

from .._converter import structure_list
from .._exceptions import InputError
from .._ops import euiccs as ops
from .._ops.euiccs import EuiccOperationRequest, LinkedEid
from .._pagination import AsyncPager
from .._transport import Response
from .._types import QueryValue
from ..models import Euicc, EuiccOperation, Status
from ._base import AsyncResource

__all__ = ["AsyncEuiccOperations", "AsyncEuiccs"]

_MAX_PER_PAGE = ops.LIST.max_per_page or 0


class AsyncEuiccOperations(AsyncResource):
    """Profile operations of IoT eUICCs: schedule, follow, cancel (`client.euiccs.operations`).

    An operation runs when the eUICC next polls emnify's eIM (at the latest a day later), so
    it is scheduled first and followed with `get()` or `list()` until it is final.
    """

    def list(
        self,
        euicc_id: int,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = _MAX_PER_PAGE,
    ) -> AsyncPager[EuiccOperation]:
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
        return self._many(ops.LIST_OPERATIONS, euicc_id=euicc_id, q=q, sort=sort, per_page=per_page)

    async def get(self, euicc_id: int, operation_id: str) -> EuiccOperation:
        """One operation (GET /api/v1/euicc/{euicc_id}/operation/{operation_id}).

        operationId: get-operation (newer docs).

        Args:
            euicc_id: The eUICC.
            operation_id: The operation's id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such operation on this eUICC, or not an IoT eUICC.
        """
        return await self._one(ops.GET_OPERATION, euicc_id=euicc_id, operation_id=operation_id)

    async def schedule(
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
        requests = _requests(operations)
        return await self._value(ops.SCHEDULE, _operations, euicc_id=euicc_id, body=requests)

    async def cancel(self, euicc_id: int, operation_id: str) -> None:
        """Cancel a scheduled operation (DELETE /api/v1/euicc/{euicc_id}/operation/{operation_id}).

        operationId: cancel-operation (newer docs, "reserved for future use").

        Raises:
            NotFoundError: No such operation on this eUICC, or not an IoT eUICC.
            ConflictError: The operation has already run (the emulator's answer; the docs
                document none).
        """
        await self._nothing(ops.CANCEL_OPERATION, euicc_id=euicc_id, operation_id=operation_id)

    def actions(self) -> AsyncPager[Status]:
        """The operation actions the API knows (GET /api/v1/euicc/operation/action).

        operationId: list-operation-action (newer docs). `await` it for the list.
        """
        return self._many(ops.ACTIONS)

    def statuses(self) -> AsyncPager[Status]:
        """The operation statuses (GET /api/v1/euicc/operation/status).

        operationId: list-operation-status (newer docs). `await` it for the list.
        """
        return self._many(ops.OPERATION_STATUSES)


class AsyncEuiccs(AsyncResource):
    """eUICCs: the embedded SIM chips of the organisation and their profiles."""

    @functools.cached_property
    def operations(self) -> AsyncEuiccOperations:
        """Profile operations of IoT eUICCs: schedule, follow, cancel."""
        return AsyncEuiccOperations(
            self._transport, self._options, page_prefetch=self._page_prefetch
        )

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = _MAX_PER_PAGE,
    ) -> AsyncPager[Euicc]:
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
        return self._many(ops.LIST, q=q, sort=sort, per_page=per_page)

    async def get(self, euicc_id: int) -> Euicc:
        """One eUICC with its profiles (GET /api/v1/euicc/{euicc_id}).

        operationId: get-euicc (newer docs).

        Raises:
            NotFoundError: No such eUICC in this organisation.
        """
        return await self._one(ops.GET, euicc_id=euicc_id)

    async def linked(self, eids: Iterable[str]) -> builtins.list[str]:
        """The EIDs of these with a profile linked (POST /api/v1/euicc/unlinked_validation).

        operationId: post-euicc-unlinked-validation (newer docs). Checks EIDs before linking
        eSIM profiles to them; nothing changes, so the call is safely repeated.

        Returns:
            The EIDs that already have a linked profile; empty when none has.

        Raises:
            InputError: No EID, or one that is not 32 digits starting with 89.
        """
        return await self._value(ops.VALIDATE_UNLINKED, _eids, target=eids)

    def statuses(self) -> AsyncPager[Status]:
        """The eUICC statuses (GET /api/v1/euicc/status; "reserved for future use").

        operationId: list-euicc-status (newer docs). `await` it for the list.
        """
        return self._many(ops.STATUSES)

    def profile_statuses(self) -> AsyncPager[Status]:
        """The statuses of eUICC profiles (GET /api/v1/euicc/profile/status).

        operationId: list-euicc-profile-status (newer docs). `await` it for the list.
        """
        return self._many(ops.PROFILE_STATUSES)


def _requests(operations: Iterable[EuiccOperationRequest]) -> list[EuiccOperationRequest]:
    if isinstance(operations, (str, bytes)) or not isinstance(operations, Iterable):
        raise InputError(
            f"operations must be EuiccOperationRequest objects, got {operations!r:.60}"
        )
    requests = list(operations)
    if not requests or not all(isinstance(r, EuiccOperationRequest) for r in requests):
        raise InputError("operations must be one or more EuiccOperationRequest objects")
    return requests


def _operations(response: Response) -> list[EuiccOperation]:
    return structure_list(response.data, EuiccOperation)


def _eids(response: Response) -> list[str]:
    return [item.eid for item in structure_list(response.data, LinkedEid)]
