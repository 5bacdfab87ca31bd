"""SIM operations (asynchronous actions on eSIMs, such as linking profiles to EIDs):
`/api/v1/sim/operation`.

Documented only by emnify's newer docs (`source="newer-docs"`); the list is paged like every
emnify list (headers assumed from the API's conventions: the docs show none).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, lookup, reference, require_any
from .._constants import SIM_OPERATION_MAX_PER_PAGE
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NOT_GIVEN, NotGiven
from ..models import SimOperation, Status
from ._params import FILTER, SORT, UUID
from .euiccs import check_eid

__all__ = [
    "ACTIONS",
    "GET",
    "LIST",
    "STATUSES",
    "TRIGGER",
    "SimOperationTrigger",
    "SimTarget",
]

_PATH = "/api/v1/sim/operation"


@attrs.frozen(kw_only=True)
class SimTarget:
    """One target of a SIM operation: a SIM (an eSIM profile), an EID, or both.

    With a `product` on the operation, an EID alone takes a profile of that product.
    """

    sim: Ref | NotGiven = reference()
    """The SIM, sent as `{"id": n}`."""
    eid: str | NotGiven = checked(check_eid)
    """The eUICC identifier: 32 digits starting with 89."""

    def __attrs_post_init__(self) -> None:
        require_any(self, "a SIM operation target")


def _targets(value: Any, name: str) -> list[SimTarget]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be an iterable of SimTarget, got {value!r:.60}")
    targets = list(value)
    if not targets or not all(isinstance(target, SimTarget) for target in targets):
        raise InputError(f"{name} must be one or more SimTarget, got {targets!r:.80}")
    return targets


@attrs.frozen(kw_only=True)
class SimOperationTrigger:
    """The body of POST /api/v1/sim/operation."""

    action: Ref | NotGiven = lookup()
    product: Ref | NotGiven = reference()
    target: list[SimTarget] | NotGiven = checked(_targets, shown_as="targets")

    def __attrs_post_init__(self) -> None:
        if self.action is NOT_GIVEN or self.target is NOT_GIVEN:
            raise InputError("a SIM operation needs an action and its targets")


LIST = Operation(
    "list-sim-operation",
    "GET",
    _PATH,
    Returns.PAGE,
    SimOperation,
    query={"q": FILTER, "sort": SORT},
    max_per_page=SIM_OPERATION_MAX_PER_PAGE,
    source="newer-docs",
)
# Starts a new operation each time: never repeated once sent.
TRIGGER = Operation(
    "trigger-sim-operation",
    "POST",
    _PATH,
    Returns.OBJECT,
    SimOperation,
    body=SimOperationTrigger,
    success=frozenset({201}),
    source="newer-docs",
)
ACTIONS = Operation(
    "list-sim-operation-action",
    "GET",
    f"{_PATH}/action",
    Returns.ARRAY,
    Status,
    source="newer-docs",
)
STATUSES = Operation(
    "list-sim-operation-status",
    "GET",
    f"{_PATH}/status",
    Returns.ARRAY,
    Status,
    source="newer-docs",
)
GET = Operation(
    "get-sim-operation",
    "GET",
    f"{_PATH}/{{operation_id}}",
    Returns.OBJECT,
    SimOperation,
    path_params={"operation_id": UUID},
    source="newer-docs",
)
