"""Multi-factor authentication of users: `/api/v1/user/mfa` and a user's MFA keys and devices."""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._body import Ref, checked, lookup, password
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import MfaKey, Secret, Status, TrustedDevice
from .users import USER

__all__ = [
    "ACTIVATE_KEY",
    "CREATE_KEY",
    "DELETE_KEY",
    "DELETE_TRUSTED_DEVICE",
    "STATUSES",
    "TRUSTED_DEVICES",
    "TYPES",
    "MfaKeyActivation",
    "MfaKeyCreate",
]

_PATH = "/api/v1/user/mfa"
_CODE = re.compile(r"[0-9]{6}")


def _code(value: Any, name: str) -> Secret:
    # A one-time password is a credential for its 30 seconds: never quoted.
    if type(value) is int and 0 <= value <= 999_999:
        value = f"{value:06d}"
    if isinstance(value, Secret):
        value = value.get_secret_value()
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise InputError(f"{name} must be the 6 digits of the authenticator app")
    return Secret(value)


@attrs.frozen(kw_only=True)
class MfaKeyCreate:
    """The body of POST /api/v1/user/mfa."""

    type: Ref | NotGiven = lookup()
    password: Secret | NotGiven = password()


@attrs.frozen(kw_only=True)
class MfaKeyActivation:
    """The body of PATCH /api/v1/user/mfa/{key_id}: `{"status": {"id": 1}, "code": "..."}`."""

    status: Ref | NotGiven = lookup()
    code: Secret | NotGiven = checked(_code)


# Creates a key and answers its seed: not repeated, and never kept in an error.
CREATE_KEY = Operation(
    "postMfa", "POST", _PATH, Returns.OBJECT, MfaKey, body=MfaKeyCreate, sensitive=True
)
ACTIVATE_KEY: Operation[None] = Operation(
    "UserMfaByIdPatch", "PATCH", f"{_PATH}/{{key_id}}", Returns.NOTHING, body=MfaKeyActivation
)
DELETE_KEY: Operation[None] = Operation(
    "UserMfaByUserIdAndKeyIdDelete",
    "DELETE",
    "/api/v1/user/{user_id}/mfa/{key_id}",
    Returns.NOTHING,
    path_params={"user_id": USER},
)
STATUSES = Operation("UserMfaStatusGet", "GET", f"{_PATH}/status", Returns.ARRAY, Status)
TYPES = Operation("UserMfaTypeGet", "GET", f"{_PATH}/type", Returns.ARRAY, Status)
TRUSTED_DEVICES = Operation(
    "UserMfaTrustedDeviceByUserIdGet",
    "GET",
    "/api/v1/user/{user_id}/mfa/trusted_device",
    Returns.ARRAY,
    TrustedDevice,
    path_params={"user_id": USER},
)
DELETE_TRUSTED_DEVICE: Operation[None] = Operation(
    "UserMfaTrustedDeviceByUserIdAndDeviceIdDelete",
    "DELETE",
    "/api/v1/user/{user_id}/mfa/trusted_device/{device_id}",
    Returns.NOTHING,
    path_params={"user_id": USER},
)
