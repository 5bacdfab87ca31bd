"""Service profiles: `/api/v1/service_profile`, its services and their traffic limits."""

from __future__ import annotations

from typing import Any

import attrs

from .._body import Ref, checked, flag, reference, require_any, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_id
from .._types import NOT_GIVEN, NotGiven
from ..models import ServiceProfile, ServiceProfileDataLimit
from .services import SERVICE_ID

__all__ = [
    "ADD_DATA_LIMIT",
    "ADD_SERVICE",
    "ADD_TRAFFIC_LIMIT",
    "CREATE",
    "DATA_LIMITS",
    "DELETE",
    "DELETE_DATA_LIMIT",
    "GET",
    "LIST",
    "REMOVE_DATA_LIMITS",
    "REMOVE_QUOTAS",
    "REMOVE_SERVICE",
    "REMOVE_TRAFFIC_LIMIT",
    "UPDATE",
    "DataLimitCreate",
    "ServiceProfileCreate",
    "ServiceProfilePatch",
]

_PATH = "/api/v1/service_profile"
_ONE = f"{_PATH}/{{profile_id}}"
_SERVICE = f"{_ONE}/service/{{service_id}}"
_LIMIT = f"{_SERVICE}/traffic_limit/{{limit_id}}"


def QUOTA_TYPE(value: Any, name: str) -> str:
    """`"data"` or `"sms"`."""
    if type(value) is not str or value not in ("data", "sms"):
        raise InputError(f"quota_type must be 'data' or 'sms', got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class _ProfileFlags:
    description: str | NotGiven = text()
    allowed_3g: bool | NotGiven = flag()
    allowed_4g: bool | NotGiven = flag()
    allowed_nb_iot: bool | NotGiven = flag()
    apply_sms_quota: bool | NotGiven = flag()
    apply_data_quota: bool | NotGiven = flag()
    retail: bool | NotGiven = flag()
    sms_p2p_int: bool | NotGiven = flag()
    sms_p2p_ext: bool | NotGiven = flag()
    prepaid: bool | NotGiven = flag()
    nipdp: bool | NotGiven = flag()
    esme_interface_type: Ref | NotGiven = reference()
    breakout_region: Ref | NotGiven = reference()


@attrs.frozen(kw_only=True)
class ServiceProfileCreate(_ProfileFlags):
    """The body of POST /api/v1/service_profile."""

    name: str | NotGiven = text(non_empty=True)
    api_callback: Ref | NotGiven = reference()
    api_secret: Ref | NotGiven = reference()
    moc_callback: Ref | NotGiven = reference()
    dns: Ref | NotGiven = reference()


@attrs.frozen(kw_only=True)
class ServiceProfilePatch(_ProfileFlags):
    """The body of PATCH /api/v1/service_profile/{profile_id}: only the fields given are sent;
    `None` empties a callback, the secret or the DNS configuration (`{"id": null}`)."""

    name: str | NotGiven = text(non_empty=True)
    api_callback: Ref | NotGiven = reference(nullable=True)
    api_secret: Ref | NotGiven = reference(nullable=True)
    moc_callback: Ref | NotGiven = reference(nullable=True)
    dns: Ref | NotGiven = reference(nullable=True)

    def __attrs_post_init__(self) -> None:
        require_any(self, "a service profile update")


LIST = Operation("ServiceProfileGet", "GET", _PATH, Returns.ARRAY, ServiceProfile)
CREATE: Operation[None] = Operation(
    "ServiceProfilePost", "POST", _PATH, Returns.CREATED_ID, body=ServiceProfileCreate
)
GET = Operation("ServiceProfileByProfileIdGet", "GET", _ONE, Returns.OBJECT, ServiceProfile)
# Documented as 201 with an echo of the change, which the SDK does not need.
UPDATE: Operation[None] = Operation(
    "ServiceProfileByProfileIdPatch",
    "PATCH",
    _ONE,
    Returns.NOTHING,
    body=ServiceProfilePatch,
    success=frozenset({200, 201, 204}),
)
DELETE: Operation[None] = Operation(
    "ServiceProfileByProfileIdDelete", "DELETE", _ONE, Returns.NOTHING
)
REMOVE_QUOTAS: Operation[None] = Operation(
    "DeleteQuotaByServiceProfileId",
    "DELETE",
    f"{_ONE}/quota/{{quota_type}}",
    Returns.NOTHING,
    path_params={"quota_type": QUOTA_TYPE},
)
ADD_SERVICE: Operation[None] = Operation(
    "ServiceProfileServiceByProfileAndServicePut",
    "PUT",
    _SERVICE,
    Returns.NOTHING,
    path_params={"service_id": SERVICE_ID},
)
REMOVE_SERVICE: Operation[None] = Operation(
    "ServiceProfileServiceByProfileAndServiceDelete",
    "DELETE",
    _SERVICE,
    Returns.NOTHING,
    path_params={"service_id": SERVICE_ID},
)
# Both documented as 200 with no content.
ADD_TRAFFIC_LIMIT: Operation[None] = Operation(
    "AddTrafficLimit",
    "PUT",
    _LIMIT,
    Returns.NOTHING,
    path_params={"service_id": SERVICE_ID},
    success=frozenset({200, 204}),
)
REMOVE_TRAFFIC_LIMIT: Operation[None] = Operation(
    "RemoveTrafficLimit",
    "DELETE",
    _LIMIT,
    Returns.NOTHING,
    path_params={"service_id": SERVICE_ID},
    success=frozenset({200, 204}),
)


# --- data limits (from the newer docs) ----------------------------------------------------------


def _volume(value: Any, name: str) -> int:
    """A whole, positive number of the service's atomic units (bytes for data)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name} must be a whole number of bytes, got {value!r}")
    return check_id(value, name)


def _percent(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise InputError(f"{name} must be a whole percentage from 1 to 100, got {value!r}")
    return int(value)


@attrs.frozen(kw_only=True)
class DataLimitCreate:
    """The body of POST /api/v1/service_profile/{profile_id}/traffic_limit."""

    service: Ref | NotGiven = reference()
    volume: int | NotGiven = checked(_volume)
    period: Ref | NotGiven = reference()
    satellite_only: bool | NotGiven = flag()
    warning_percent: int | NotGiven = checked(_percent)

    def __attrs_post_init__(self) -> None:
        if self.service is NOT_GIVEN or self.volume is NOT_GIVEN:
            raise InputError("a data limit needs a service and a volume")


_DATA_LIMITS = f"{_ONE}/traffic_limit"
DATA_LIMITS = Operation(
    "list-service-profile-traffic-limits",
    "GET",
    _DATA_LIMITS,
    Returns.ARRAY,
    ServiceProfileDataLimit,
    source="newer-docs",
)
# Adds a limit: never repeated once sent (a repeat would be refused 409 anyway, the
# service and RAT combination being taken). The 201 names the new limit in its Location.
ADD_DATA_LIMIT: Operation[None] = Operation(
    "add-service-profile-traffic-limit",
    "POST",
    _DATA_LIMITS,
    Returns.CREATED_ID,
    body=DataLimitCreate,
    source="newer-docs",
)
REMOVE_DATA_LIMITS: Operation[None] = Operation(
    "remove-service-profile-traffic-limits",
    "DELETE",
    _DATA_LIMITS,
    Returns.NOTHING,
    source="newer-docs",
)
DELETE_DATA_LIMIT: Operation[None] = Operation(
    "delete-service-profile-traffic-limit",
    "DELETE",
    f"{_DATA_LIMITS}/{{limit_id}}",
    Returns.NOTHING,
    source="newer-docs",
)
