"""The eSIM lookups of the emulator: eUICC, profile and operation statuses, actions, products.

emnify documents these lists only as routes (the newer docs show no values), except what the
docs' examples show: an eUICC `status` "Active" (1), `supported_profile_type` and a profile's
`profile_type` "IoT eUICC Profile" (5), a SIM's `profile_type` "UICC" (1), the operator
"emnify" (851), and the Scheduled status of a new eUICC operation. Every other id and label
here is the emulator's choice (docs/emulator.md, "eSIMs").
"""

from __future__ import annotations

from emnify_async.testing._catalog import JsonObj

MFF2_MODEL = 10
"""SIMs of this model (embedded MFF2) are the emulator's eSIMs."""

EUICC_STATUSES = {1: "Active", 2: "Inactive"}
PROFILE_STATUSES = {1: "Available", 2: "Linked", 3: "Enabled", 4: "Disabled"}
AVAILABLE, LINKED, ENABLED, DISABLED = 1, 2, 3, 4
PROFILE_TYPES = {1: "UICC", 4: "M2M eUICC Profile", 5: "IoT eUICC Profile"}
IOT_PROFILE_TYPE = 5
M2M_PROFILE_TYPE = 4
EIM: JsonObj = {"id": 1, "description": "emnify eIM"}
EMNIFY_OPERATOR: JsonObj = {"id": 851, "name": "emnify"}
EMNIFY_PROFILE_NAME = "emnify IoT eSIM profile"

# eUICC operations: the actions in the order the docs list them.
EUICC_ACTIONS = {
    1: "Download profile",
    2: "Enable profile",
    3: "Disable profile",
    4: "Set fallback",
    5: "Unset fallback",
    6: "Delete profile",
    7: "Audit",
}
DOWNLOAD, ENABLE, DISABLE, SET_FALLBACK, UNSET_FALLBACK, DELETE, AUDIT = range(1, 8)
NEEDS_ICCID = frozenset({ENABLE, DISABLE, SET_FALLBACK, DELETE})
EUICC_OPERATION_STATUSES = {
    1: "Scheduled",
    2: "In progress",
    3: "Succeeded",
    4: "Failed",
    5: "Expired",
    6: "Cancelled",
}
SCHEDULED, IN_PROGRESS, SUCCEEDED, FAILED, EXPIRED, CANCELLED = range(1, 7)

SIM_OPERATION_ACTIONS = {1: "Link eSIM profile", 2: "Unlink eSIM profile"}
LINK, UNLINK = 1, 2
SIM_OPERATION_STATUSES = {
    1: "Scheduled",
    2: "In progress",
    3: "Completed",
    4: "Completed with errors",
    5: "Failed",
}
COMPLETED, PARTIAL, ALL_FAILED = 3, 4, 5

PRODUCTS = {1: "emnify eSIM (global)", 2: "emnify eSIM (Europe)"}
"""eSIM products (an unlinked eSIM's is seeded)."""

POLL_DELAY = 10
"""Seconds after an eUICC operation is scheduled until the woken eUICC polls and runs it."""
SIM_OPERATION_START = 1
SIM_OPERATION_DURATION = 5
"""A SIM operation is Scheduled for 1 s, In progress until 5 s after it was triggered."""


def lookup(table: dict[int, str], ident: int) -> JsonObj:
    """``{"id", "description"}`` of ``ident`` in ``table``."""
    return {"id": ident, "description": table[ident]}


def listing(table: dict[int, str]) -> list[JsonObj]:
    """Every entry of ``table`` as ``{"id", "description"}``."""
    return [lookup(table, ident) for ident in table]
