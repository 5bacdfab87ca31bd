"""SIM operations: asynchronous actions on eSIMs, such as linking profiles to EIDs
(`client.sim_operations`).

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .._ops import sim_operations as ops
from .._ops.sim_operations import SimTarget
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, IdLike, NotGiven, QueryValue
from ..models import SimOperation, Status
from ._base import AsyncResource

__all__ = ["AsyncSimOperations"]

_MAX_PER_PAGE = ops.LIST.max_per_page or 0


class AsyncSimOperations(AsyncResource):
    """SIM operations: trigger one, then follow it until it is final."""

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = _MAX_PER_PAGE,
    ) -> AsyncPager[SimOperation]:
        """The organisation's SIM operations, across all pages (GET /api/v1/sim/operation).

        operationId: list-sim-operation (newer docs).

        Args:
            q: Filters on `id`, `action`, `status`, e.g. `{"status": 3}`.
            sort: Sort keys among those and `creation_date`, `finalization_date`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return self._many(ops.LIST, q=q, sort=sort, per_page=per_page)

    async def get(self, operation_id: str) -> SimOperation:
        """One SIM operation, with its progress (GET /api/v1/sim/operation/{operation_id}).

        operationId: get-sim-operation (newer docs).

        Args:
            operation_id: The operation's id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such operation in this organisation.
        """
        return await self._one(ops.GET, operation_id=operation_id)

    async def trigger(
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
        return await self._one(ops.TRIGGER, action=action, target=targets, product=product)

    def actions(self) -> AsyncPager[Status]:
        """The SIM operation actions the API knows (GET /api/v1/sim/operation/action).

        operationId: list-sim-operation-action (newer docs). `await` it for the list.
        """
        return self._many(ops.ACTIONS)

    def statuses(self) -> AsyncPager[Status]:
        """The SIM operation statuses (GET /api/v1/sim/operation/status).

        operationId: list-sim-operation-status (newer docs). `await` it for the list.
        """
        return self._many(ops.STATUSES)
