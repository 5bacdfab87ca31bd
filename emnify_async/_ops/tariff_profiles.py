"""Tariff profiles: `/api/v1/tariff_profile`, their ratezone selection, coverage and volume."""

from __future__ import annotations

import attrs

from .._body import Ref, reference, require_any, text
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import TariffProfile, TariffProfileCoverage

__all__ = [
    "ASSIGN_INCLUSIVE_VOLUME",
    "COVERAGE",
    "CREATE",
    "DELETE",
    "DESELECT_RATEZONE",
    "GET",
    "LIST",
    "SELECT_RATEZONE",
    "UNASSIGN_INCLUSIVE_VOLUME",
    "UPDATE",
    "TariffProfileCreate",
    "TariffProfilePatch",
]

_PATH = "/api/v1/tariff_profile"
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
