"""SIMs: `/api/v1/sim` and its sub-resources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, flag, lookup, reference, require_any
from .._constants import EVENT_MAX_PER_PAGE, SIM_MAX_PER_PAGE, SIM_MIGRATION_MAX
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_lookup_id, ref_id
from .._types import NOT_GIVEN, NotGiven
from ..models import (
    DailyStats,
    EsimInstallationCode,
    Event,
    Sim,
    SimMigration,
    SimStats,
    Status,
    UnlinkedProductStats,
)
from ._params import DATE, FILTER, SORT, date_range

__all__ = [
    "DAILY_STATS",
    "DELETE",
    "DELETE_MANY",
    "EVENTS",
    "GET",
    "INSTALLATION_CODE",
    "LIST",
    "MIGRATE",
    "STATS",
    "STATUSES",
    "UNLINKED_PRODUCT_STATS",
    "UPDATE",
    "SimMigrationRequest",
    "SimUpdate",
]

_ICCID = re.compile(r"[0-9]{19}")


@attrs.frozen(kw_only=True)
class SimUpdate:
    """The body of PATCH /api/v1/sim/{sim_id}: only the fields given are sent."""

    status: Ref | NotGiven = lookup()
    issuer_org: Ref | NotGiven = reference()
    reseller_org: Ref | NotGiven = reference(nullable=True)
    customer_org: Ref | NotGiven = reference(nullable=True)

    def __attrs_post_init__(self) -> None:
        require_any(self, "an update")


LIST = Operation(
    "SimPerPageSortByQAndPageGet",
    "GET",
    "/api/v1/sim",
    Returns.PAGE,
    Sim,
    query={"q": FILTER, "sort": SORT},
    max_per_page=SIM_MAX_PER_PAGE,
)
GET = Operation("SimByIdGet", "GET", "/api/v1/sim/{sim_id}", Returns.OBJECT, Sim)
# Every body sets absolute values, so repeating the PATCH is harmless (the default for PATCH).
UPDATE: Operation[None] = Operation(
    "SimByIdPatch", "PATCH", "/api/v1/sim/{sim_id}", Returns.NOTHING, body=SimUpdate
)
DELETE: Operation[None] = Operation(
    "SimByIdDelete", "DELETE", "/api/v1/sim/{sim_id}", Returns.NOTHING
)
EVENTS = Operation(
    "SimEventPagePerPageSortBySimIdAndQGet",
    "GET",
    "/api/v1/sim/{sim_id}/event",
    Returns.PAGE,
    Event,
    query={"q": FILTER, "sort": SORT},
    max_per_page=EVENT_MAX_PER_PAGE,
)
STATS = Operation("SimStatsByIdGet", "GET", "/api/v1/sim/{sim_id}/stats", Returns.OBJECT, SimStats)
DAILY_STATS = Operation(
    "SIMStatisticsDailyByIdGet",
    "GET",
    "/api/v1/sim/{sim_id}/stats/daily",
    Returns.ARRAY,
    DailyStats,
    query={"start_date": DATE, "end_date": DATE},
    query_check=date_range,
)
STATUSES = Operation("SimStatusGet", "GET", "/api/v1/sim/status", Returns.ARRAY, Status)
# The code installs the eSIM's profile: a secret, never kept in errors. The SDK asks for the
# JSON form (its Accept header), not the default SVG image.
INSTALLATION_CODE = Operation(
    "GetEsimInstallationCode",
    "GET",
    "/api/v1/sim/{sim_id}/installation_code",
    Returns.OBJECT,
    EsimInstallationCode,
    sensitive=True,
)


# --- from the newer docs ------------------------------------------------------------------------


def _items(value: Any, name: str) -> list[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be an iterable, got {value!r:.60}")
    items = list(value)
    if not 1 <= len(items) <= SIM_MIGRATION_MAX:
        raise InputError(f"{name} takes 1 to {SIM_MIGRATION_MAX} items, got {len(items)}")
    return items


def _iccid(value: Any, name: str) -> str:
    if type(value) is not str or not _ICCID.fullmatch(value):
        raise InputError(f"{name} must be ICCIDs of exactly 19 digits, got {value!r}")
    return value


def _sim_refs(value: Any, name: str) -> list[dict[str, int]]:
    ids = dict.fromkeys(ref_id(item, name) for item in _items(value, name))
    return [{"id": sim_id} for sim_id in ids]


def _iccids(value: Any, name: str) -> list[str]:
    return list(dict.fromkeys(_iccid(item, name) for item in _items(value, name)))


def _iccid_range(value: Any, name: str) -> dict[str, str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be a (first, last) pair of ICCIDs, got {value!r:.60}")
    pair = list(value)
    if len(pair) != 2:
        raise InputError(f"{name} must be a (first, last) pair of ICCIDs, got {value!r:.60}")
    start, end = (_iccid(item, name) for item in pair)
    if int(end) < int(start):
        raise InputError(f"{name}: the last ICCID {end} is before the first {start}")
    if int(end) - int(start) >= SIM_MIGRATION_MAX:
        raise InputError(f"{name} may span at most {SIM_MIGRATION_MAX} ICCIDs")
    return {"start": start, "end": end}


def _statuses(value: Any, name: str) -> list[dict[str, int]]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be an iterable of SIM statuses, got {value!r:.60}")
    ids = dict.fromkeys(check_lookup_id(item, name) for item in value)
    if not ids:
        raise InputError(f"{name} needs at least one status (leave it out to allow all)")
    return [{"id": status} for status in ids]


@attrs.frozen(kw_only=True)
class SimMigrationRequest:
    """The body of POST /api/v1/sim/migration/workspace: exactly one way of naming the SIMs."""

    target_workspace: Ref | NotGiven = reference()
    sims: list[dict[str, int]] | NotGiven = checked(_sim_refs)
    iccids: list[str] | NotGiven = checked(_iccids)
    iccid_range: dict[str, str] | NotGiven = checked(_iccid_range)
    allowed_sim_statuses: list[dict[str, int]] | NotGiven = checked(_statuses)
    dry_run: bool | NotGiven = flag()
    auto_detach_devices: bool | NotGiven = flag()

    def __attrs_post_init__(self) -> None:
        if self.target_workspace is NOT_GIVEN:
            raise InputError("a SIM migration needs a target workspace")
        named = [self.sims, self.iccids, self.iccid_range]
        if sum(value is not NOT_GIVEN for value in named) != 1:
            raise InputError("name the SIMs with exactly one of sims, iccids or iccid_range")


# Migrates (or previews) at most 500 SIMs at once. Not repeated once sent: after a migration
# the SIMs are no longer in the source workspace, so a repeat would be refused.
MIGRATE = Operation(
    "sim-migration-workspace",
    "POST",
    "/api/v1/sim/migration/workspace",
    Returns.OBJECT,
    SimMigration,
    body=SimMigrationRequest,
    source="newer-docs",
)
# The body is a JSON array `[{"id": n}, ...]` (passed as `body=`). Repeating it after it was
# applied answers 404: the bulk call reads the SIMs back instead of trusting that answer.
DELETE_MANY: Operation[None] = Operation(
    "bulk-sim-delete", "DELETE", "/api/v1/sim/multi", Returns.NOTHING, source="newer-docs"
)
UNLINKED_PRODUCT_STATS = Operation(
    "get-unlinked-product-stats",
    "GET",
    "/api/v1/sim/unlinked_product_stats",
    Returns.ARRAY,
    UnlinkedProductStats,
    source="newer-docs",
)
