"""SIM batches: validate and register a batch by its BIC (`client.sim_batches`)."""

from __future__ import annotations

from .._ops import sim_batches as ops
from ..models import Sim, SimBatch, SimStatusId
from ._base import AsyncResource

__all__ = ["AsyncSimBatches"]


class AsyncSimBatches(AsyncResource):
    """The SIM batch API."""

    async def validate(self, bic: str) -> SimBatch:
        """Check that the batch with this BIC can be registered.

        `GET /api/v1/sim_batch/bic/{bic}` (operationId `ValidateSIMBatchByBIC`).

        Raises:
            BadRequestError: The batch is already registered.
            NotFoundError: No batch has this BIC.
            UnprocessableEntityError: The batch holds SIMs of another organisation.
        """
        return await self._one(ops.VALIDATE, bic=bic)

    async def register(self, bic: str, *, status: SimStatusId | int) -> list[Sim]:
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
        registration = await self._one(ops.REGISTER, bic=bic, sim_status=status)
        return registration.sim
