"""eUICCs (SGP.32 IoT eSIMs) and their profile operations: `/api/v1/euicc`.

Documented only by emnify's newer docs (`source="newer-docs"`), whose operationIds these
carry. Their lists take `page`/`per_page` and are paged like every emnify list (the docs
show no headers; the `X-Total-Pages` headers are assumed from the API's conventions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, flag, lookup, text
from .._constants import EUICC_MAX_PER_PAGE
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NOT_GIVEN, NotGiven
from ..models import Euicc, EuiccOperation, Status
from ._params import FILTER, SORT, UUID

__all__ = [
    "ACTIONS",
    "CANCEL_OPERATION",
    "GET",
    "GET_OPERATION",
    "LIST",
    "LIST_OPERATIONS",
    "OPERATION_STATUSES",
    "PROFILE_STATUSES",
    "SCHEDULE",
    "STATUSES",
    "VALIDATE_UNLINKED",
    "EidList",
    "EuiccOperationRequest",
    "LinkedEid",
    "check_eid",
    "check_iccid_with_luhn",
]

_PATH = "/api/v1/euicc"
_ONE = f"{_PATH}/{{euicc_id}}"
_EID = re.compile(r"89[0-9]{30}")
_ICCID_WITH_LUHN = re.compile(r"89[0-9]{18}")
MAX_VALIDITY = 86_400
"""The longest an operation may wait for its eUICC, in seconds (also the API's default)."""


def check_eid(value: Any, name: str) -> str:
    """An EID: 32 digits starting with 89 (the docs' format)."""
    if type(value) is not str or not _EID.fullmatch(value):
        raise InputError(f"{name} must be an EID of 32 digits starting with 89, got {value!r}")
    return value


def check_iccid_with_luhn(value: Any, name: str) -> str:
    """An ICCID with its Luhn digit: 20 digits starting with 89 (the docs' format)."""
    if type(value) is not str or not _ICCID_WITH_LUHN.fullmatch(value):
        raise InputError(
            f"{name} must be an ICCID with its Luhn digit (20 digits starting with 89), "
            f"got {value!r}"
        )
    return value


def _validity(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_VALIDITY:
        raise InputError(f"{name} must be whole seconds from 1 to {MAX_VALIDITY}, got {value!r}")
    return int(value)


@attrs.frozen(kw_only=True)
class EuiccOperationRequest:
    """One profile operation to schedule on an eUICC (an item of `schedule()`).

    `action` is required: an id of `client.euiccs.operations.actions()` (or the `Status`
    itself). Which other fields an action needs is the API's to check: downloading takes an
    `activation_code` (or the `iccid_with_luhn` of a profile linked to the eUICC) and may
    `enable` it; enabling, disabling, deleting and the fallback take the profile's
    `iccid_with_luhn`; `rollback` asks the device to return to the previous profile if the
    new one finds no network. `validity_period`: seconds the operation waits for the eUICC
    (1 to 86400, the default).
    """

    action: Ref | NotGiven = lookup()
    """The action, sent as `{"id": n}`."""
    validity_period: int | NotGiven = checked(_validity)
    """Seconds until the operation expires unless run."""
    iccid_with_luhn: str | NotGiven = checked(check_iccid_with_luhn)
    """The profile acted on."""
    activation_code: str | NotGiven = text(non_empty=True)
    """The activation code of a profile to download (`LPA:1$...`)."""
    enable: bool | NotGiven = flag()
    """Enable the downloaded profile."""
    rollback: bool | NotGiven = flag()
    """Fall back to the previous profile if the new one finds no network."""

    def __attrs_post_init__(self) -> None:
        if self.action is NOT_GIVEN:
            raise InputError("an eUICC operation needs an action")


def _eid_targets(value: Any, name: str) -> list[dict[str, str]]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be an iterable of EIDs, got {value!r:.60}")
    eids = list(dict.fromkeys(check_eid(eid, name) for eid in value))
    if not eids:
        raise InputError(f"{name} needs at least one EID")
    return [{"eid": eid} for eid in eids]


@attrs.frozen(kw_only=True)
class LinkedEid:
    """An item of the answer of the unlinked validation: an EID that has a linked profile."""

    eid: str
    """The EID."""


@attrs.frozen(kw_only=True)
class EidList:
    """The body of POST /api/v1/euicc/unlinked_validation: `{"target": [{"eid": ...}]}`."""

    target: list[dict[str, str]] | NotGiven = checked(_eid_targets, shown_as="eids")


LIST = Operation(
    "list-euiccs",
    "GET",
    _PATH,
    Returns.PAGE,
    Euicc,
    query={"q": FILTER, "sort": SORT},
    max_per_page=EUICC_MAX_PER_PAGE,
    source="newer-docs",
)
GET = Operation("get-euicc", "GET", _ONE, Returns.OBJECT, Euicc, source="newer-docs")
STATUSES = Operation(
    "list-euicc-status", "GET", f"{_PATH}/status", Returns.ARRAY, Status, source="newer-docs"
)
PROFILE_STATUSES = Operation(
    "list-euicc-profile-status",
    "GET",
    f"{_PATH}/profile/status",
    Returns.ARRAY,
    Status,
    source="newer-docs",
)
# A check that changes nothing: repeating it is harmless.
VALIDATE_UNLINKED: Operation[None] = Operation(
    "post-euicc-unlinked-validation",
    "POST",
    f"{_PATH}/unlinked_validation",
    Returns.ARRAY,
    body=EidList,
    safe=True,
    source="newer-docs",
)
ACTIONS = Operation(
    "list-operation-action",
    "GET",
    f"{_PATH}/operation/action",
    Returns.ARRAY,
    Status,
    source="newer-docs",
)
OPERATION_STATUSES = Operation(
    "list-operation-status",
    "GET",
    f"{_PATH}/operation/status",
    Returns.ARRAY,
    Status,
    source="newer-docs",
)
LIST_OPERATIONS = Operation(
    "list-operation",
    "GET",
    f"{_ONE}/operation",
    Returns.PAGE,
    EuiccOperation,
    query={"q": FILTER, "sort": SORT},
    max_per_page=EUICC_MAX_PER_PAGE,
    source="newer-docs",
)
# The body is a JSON array of `EuiccOperationRequest` (passed as `body=`), answered with the
# scheduled operations. Each call schedules anew: never repeated once sent.
SCHEDULE = Operation(
    "schedule-operations",
    "POST",
    f"{_ONE}/operation",
    Returns.ARRAY,
    EuiccOperation,
    success=frozenset({201}),
    source="newer-docs",
)
GET_OPERATION = Operation(
    "get-operation",
    "GET",
    f"{_ONE}/operation/{{operation_id}}",
    Returns.OBJECT,
    EuiccOperation,
    path_params={"operation_id": UUID},
    source="newer-docs",
)
CANCEL_OPERATION: Operation[None] = Operation(
    "cancel-operation",
    "DELETE",
    f"{_ONE}/operation/{{operation_id}}",
    Returns.NOTHING,
    path_params={"operation_id": UUID},
    source="newer-docs",
)
