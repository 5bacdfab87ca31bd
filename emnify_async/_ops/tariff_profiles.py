"""Tariff profiles: `/api/v1/tariff_profile`, their ratezone selection, coverage and volume."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, reference, require_any, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_lookup_id
from .._types import NOT_GIVEN, NotGiven
from ..models import TariffProfile, TariffProfileCoverage, TariffProfileOperatorBlock

__all__ = [
    "ASSIGN_INCLUSIVE_VOLUME",
    "BLOCKED_OPERATOR",
    "BLOCKED_OPERATORS",
    "BLOCK_OPERATOR",
    "BLOCK_RAT_TYPES",
    "COVERAGE",
    "CREATE",
    "DELETE",
    "DESELECT_RATEZONE",
    "GET",
    "LIST",
    "SELECT_RATEZONE",
    "UNASSIGN_INCLUSIVE_VOLUME",
    "UNBLOCK_OPERATOR",
    "UNBLOCK_RAT_TYPE",
    "UPDATE",
    "RatTypesBlock",
    "TariffProfileCreate",
    "TariffProfilePatch",
]

_PATH = "/api/v1/tariff_profile"


def RAT_TYPE_ID(value: Any, name: str) -> int:
    """A RAT type id (0 and up), or a RAT type model; the docs' placeholder is misspelt
    `rate_type_id`, the method's argument is `rat_type_id`."""
    return check_lookup_id(value, "rat_type_id")


_ONE = f"{_PATH}/{{tariff_profile_id}}"


@attrs.frozen(kw_only=True)
class TariffProfileCreate:
    """The body of POST /api/v1/tariff_profile."""

    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven | None = text(nullable=True)
    tariff: Ref | NotGiven = reference()


@attrs.frozen(kw_only=True)
class TariffProfilePatch:
    """The body of PATCH /api/v1/tariff_profile/{id}: only the fields given are sent."""

    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven | None = text(nullable=True)
    tariff: Ref | NotGiven = reference()

    def __attrs_post_init__(self) -> None:
        require_any(self, "a tariff profile update")


LIST = Operation("TariffProfileGet", "GET", _PATH, Returns.ARRAY, TariffProfile)
CREATE: Operation[None] = Operation(
    "TariffProfilePost", "POST", _PATH, Returns.CREATED_ID, body=TariffProfileCreate
)
GET = Operation("TariffProfileByIdGet", "GET", _ONE, Returns.OBJECT, TariffProfile)
UPDATE: Operation[None] = Operation(
    "TariffProfileByIdPatch", "PATCH", _ONE, Returns.NOTHING, body=TariffProfilePatch
)
DELETE: Operation[None] = Operation("TariffProfileByIdDelete", "DELETE", _ONE, Returns.NOTHING)
COVERAGE = Operation(
    "TariffProfileCoverageByTpIdGet",
    "GET",
    f"{_ONE}/coverage",
    Returns.ARRAY,
    TariffProfileCoverage,
)
SELECT_RATEZONE: Operation[None] = Operation(
    "TariffProfileRatezoneSelectionByTpIdAndRzIdPut",
    "PUT",
    f"{_ONE}/ratezone_selection/{{ratezone_id}}",
    Returns.NOTHING,
)
DESELECT_RATEZONE: Operation[None] = Operation(
    "TariffProfileRatezoneSelectionByTpIdAndRzIdDelete",
    "DELETE",
    f"{_ONE}/ratezone_selection/{{ratezone_id}}",
    Returns.NOTHING,
)
ASSIGN_INCLUSIVE_VOLUME: Operation[None] = Operation(
    "TariffProfileInclusiveVolumeAssignment",
    "PUT",
    f"{_ONE}/inclusive_volume/{{inclusive_volume_id}}",
    Returns.NOTHING,
)
UNASSIGN_INCLUSIVE_VOLUME: Operation[None] = Operation(
    "TariffProfileInclusiveVolumeRemoveAssignment",
    "DELETE",
    f"{_ONE}/inclusive_volume/{{inclusive_volume_id}}",
    Returns.NOTHING,
)


# --- the v2 operator blocklist (from the newer docs) --------------------------------------------


def _rat_types(value: Any, name: str) -> list[Ref]:
    """RAT type ids (`client.lookups.rat_types()`), or the models, at least one."""
    items = [value] if isinstance(value, int) or hasattr(value, "id") else value
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InputError(f"{name} must be RAT type ids or RAT type models, got {value!r}")
    refs = [Ref(check_lookup_id(item, f"{name}[{index}]")) for index, item in enumerate(items)]
    if not refs:
        raise InputError(f"{name} needs at least one RAT type")
    return refs


@attrs.frozen(kw_only=True)
class RatTypesBlock:
    """The body of POST .../operator_blocklist/operator/{operator_id}/rat_type."""

    rat_types: list[Ref] | NotGiven = checked(_rat_types)

    def __attrs_post_init__(self) -> None:
        if self.rat_types is NOT_GIVEN:
            raise InputError("blocking RAT types needs rat_types")


_BLOCKLIST = "/api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator"
_BLOCKED = f"{_BLOCKLIST}/{{operator_id}}"
# The newer docs show this answer as one object like BLOCKED_OPERATOR's; it lists every
# operator of the profile, an array of them (docs/emulator.md, "Tariff profiles (newer docs)").
BLOCKED_OPERATORS = Operation(
    "tariff-profile-operator-block-list-operator-get",
    "GET",
    _BLOCKLIST,
    Returns.ARRAY,
    TariffProfileOperatorBlock,
    source="newer-docs",
)
BLOCKED_OPERATOR = Operation(
    "tariff-profile-operator-block-operator-by-id-get",
    "GET",
    _BLOCKED,
    Returns.OBJECT,
    TariffProfileOperatorBlock,
    source="newer-docs",
)
BLOCK_OPERATOR: Operation[None] = Operation(
    "tariff-profile-operator-block-operator-by-id-put",
    "PUT",
    _BLOCKED,
    Returns.NOTHING,
    source="newer-docs",
)
UNBLOCK_OPERATOR: Operation[None] = Operation(
    "tariff-profile-operator-block-operator-by-id-delete",
    "DELETE",
    _BLOCKED,
    Returns.NOTHING,
    source="newer-docs",
)
# Adds the RAT types to a set: blocking one that is blocked already changes nothing, so a
# repeat is harmless.
BLOCK_RAT_TYPES: Operation[None] = Operation(
    "tariff-profile-operator-block-operator-by-id-rat-type-post",
    "POST",
    f"{_BLOCKED}/rat_type",
    Returns.NOTHING,
    body=RatTypesBlock,
    safe=True,
    source="newer-docs",
)
UNBLOCK_RAT_TYPE: Operation[None] = Operation(
    "tariff-profile-operator-block-operator-by-id-rat-type-by-id-delete",
    "DELETE",
    f"{_BLOCKED}/rat_type/{{rate_type_id}}",
    Returns.NOTHING,
    path_params={"rate_type_id": RAT_TYPE_ID},
    source="newer-docs",
)
