"""SIM batches: validate and register a batch by its BIC (`client.sim_batches`)."""

from __future__ import annotations

import re

from .._converter import structure
from .._exceptions import InputError
from ..models import Sim, SimBatch, SimBatchRegistration, SimStatusId
from ._base import AsyncResource

__all__ = ["AsyncSimBatches"]

_BIC = re.compile(r"^[0-9A-Z]{16}$")
_REGISTRABLE = (SimStatusId.ISSUED, SimStatusId.ACTIVATED, SimStatusId.FACTORY_TEST)


def _check_bic(bic: str) -> str:
    if not isinstance(bic, str) or not _BIC.match(bic):
        raise InputError(f"a BIC is 16 characters of digits and capital letters, got {bic!r}")
    return bic


class AsyncSimBatches(AsyncResource):
    """The SIM batch API."""

    async def validate(self, bic: str) -> SimBatch:
        """Check that the batch with this BIC can be registered (GET /api/v1/sim_batch/bic/{bic}).

        Raises:
            BadRequestError: The batch is already registered.
            NotFoundError: No batch has this BIC.
            UnprocessableEntityError: The batch holds SIMs of another organisation.
        """
        return await self._get(f"/api/v1/sim_batch/bic/{_check_bic(bic)}", SimBatch)

    async def register(self, bic: str, *, status: SimStatusId | int) -> list[Sim]:
        """Register a batch: its SIMs join your organisation with `status` (PATCH .../bic/{bic}).

        Args:
            bic: The batch's 16-character BIC.
            status: `SimStatusId.ISSUED`, `ACTIVATED` (billing starts) or `FACTORY_TEST`.

        Returns:
            The registered SIMs.

        Raises:
            UnprocessableEntityError: Unknown BIC, batch already registered, or foreign SIMs.
        """
        path = f"/api/v1/sim_batch/bic/{_check_bic(bic)}"
        if isinstance(status, bool) or status not in _REGISTRABLE:
            raise InputError(
                "a batch registers as Issued (0), Activated (1) or Factory Test (4), "
                f"got {status!r}"
            )
        response = await self._transport.request(
            "PATCH", path, json={"sim_status": {"id": int(status)}}
        )
        if response.data is None:
            return []
        return structure(response.data, SimBatchRegistration).sim
