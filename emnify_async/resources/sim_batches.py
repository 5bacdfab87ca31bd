"""SIM batches: validate and register a batch by its BIC (`client.sim_batches`)."""

from __future__ import annotations

import re

from .._exceptions import InputError
from .._operation import Operation, Returns
from ..models import Sim, SimBatch, SimBatchRegistration, SimStatusId
from ._base import AsyncResource

__all__ = ["AsyncSimBatches"]

_VALIDATE = Operation("GET", "/api/v1/sim_batch/bic/{bic}", Returns.OBJECT)
_REGISTER = Operation("PATCH", "/api/v1/sim_batch/bic/{bic}", Returns.OBJECT)

_BIC = re.compile(r"[0-9A-Z]{16}")
_REGISTRABLE = (SimStatusId.ISSUED, SimStatusId.ACTIVATED, SimStatusId.FACTORY_TEST)


def _check_bic(bic: str) -> dict[str, str]:
    if type(bic) is not str or not _BIC.fullmatch(bic):
        raise InputError(f"a BIC is 16 characters of digits and capital letters, got {bic!r}")
    return {"bic": bic}


class AsyncSimBatches(AsyncResource):
    """The SIM batch API."""

    async def validate(self, bic: str) -> SimBatch:
        """Check that the batch with this BIC can be registered (GET /api/v1/sim_batch/bic/{bic}).

        Raises:
            BadRequestError: The batch is already registered.
            NotFoundError: No batch has this BIC.
            UnprocessableEntityError: The batch holds SIMs of another organisation.
        """
        return await self._model(_VALIDATE, SimBatch, _check_bic(bic))

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
        path_params = _check_bic(bic)
        if isinstance(status, bool) or not isinstance(status, int) or status not in _REGISTRABLE:
            raise InputError(
                "a batch registers as Issued (0), Activated (1) or Factory Test (4), "
                f"got {status!r}"
            )
        body = {"sim_status": {"id": int.__index__(status)}}
        registration = await self._model(_REGISTER, SimBatchRegistration, path_params, json=body)
        return registration.sim
