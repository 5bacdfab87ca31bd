"""SIM batches: `/api/v1/sim_batch/bic/{bic}`."""

from __future__ import annotations

from typing import Any

import attrs

from .._body import Ref, checked
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import SimBatch, SimBatchRegistration, SimStatusId
from ._params import BIC

__all__ = ["REGISTER", "VALIDATE", "BatchRegistration"]

_REGISTRABLE = (SimStatusId.ISSUED, SimStatusId.ACTIVATED, SimStatusId.FACTORY_TEST)


def _registrable_status(value: Any, name: str) -> Ref:
    if isinstance(value, bool) or not isinstance(value, int) or value not in _REGISTRABLE:
        raise InputError(
            f"a batch registers as Issued (0), Activated (1) or Factory Test (4), got {value!r}"
        )
    return Ref(int.__index__(value))


@attrs.frozen(kw_only=True)
class BatchRegistration:
    """The body of PATCH /api/v1/sim_batch/bic/{bic}."""

    sim_status: Ref | NotGiven = checked(_registrable_status)


VALIDATE = Operation(
    "ValidateSIMBatchByBIC",
    "GET",
    "/api/v1/sim_batch/bic/{bic}",
    Returns.OBJECT,
    SimBatch,
    path_params={"bic": BIC},
)
REGISTER = Operation(
    "RegisterSIMBatchByBIC",
    "PATCH",
    "/api/v1/sim_batch/bic/{bic}",
    Returns.OBJECT,
    SimBatchRegistration,
    path_params={"bic": BIC},
    body=BatchRegistration,
)
