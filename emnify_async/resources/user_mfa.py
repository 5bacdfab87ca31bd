"""Multi-factor authentication: MFA keys and trusted devices (`client.users.mfa`)."""

from __future__ import annotations

import builtins
from typing import Literal

from .._ops import user_mfa as ops
from .._pagination import AsyncPager
from .._types import IdLike, StatusLike
from ..models import MfaKey, MfaKeyStatusId, MfaKeyTypeId, Secret, Status, TrustedDevice
from ._base import AsyncResource

__all__ = ["AsyncUserMfa"]


class AsyncUserMfa(AsyncResource):
    """MFA keys of the user this client logs in as, and users' trusted devices.

    Setting up MFA is two calls: `create_key()` answers the key's seed (show it as a QR code
    from `otpauth`), then `activate_key()` with a code the authenticator app shows.
    """

    async def create_key(
        self, *, password: str | Secret, type: StatusLike = MfaKeyTypeId.TOTP
    ) -> MfaKey:
        """Create an MFA key for the user this client logs in as (POST /api/v1/user/mfa;
        postMfa).

        The key is `ACTIVATION_PENDING` until `activate_key()`. Its `secret_key` and
        `otpauth` are `Secret`s, in this answer only: `key.otpauth.get_secret_value()` for
        the QR code.

        Args:
            password: The user's password, in plain text (its SHA-1 is sent).
            type: The key type; `MfaKeyTypeId.TOTP` (the default) is the only one.

        Raises:
            InputError: An argument is invalid (nothing is sent).
            ConflictError: `1405 Duplicated`: the user's MFA is active already.
            UnprocessableEntityError: The password is wrong.
        """
        return await self._one(ops.CREATE_KEY, type=type, password=password)

    async def activate_key(self, key_id: int, *, code: str | int | Secret) -> None:
        """Activate an MFA key with a code of the authenticator app (PATCH
        /api/v1/user/mfa/{key_id}; UserMfaByIdPatch).

        From then on, logging in with the user's password needs a code too (an SDK client
        then refuses to log in as that user: use an application token).

        Args:
            key_id: The key `create_key()` answered.
            code: The 6 digits the app shows now.

        Raises:
            InputError: The code is not 6 digits (nothing is sent).
            NotFoundError: No such key of this user.
            ConflictError: `1405 Duplicated`: the key is active already.
            UnprocessableEntityError: The code does not match.
        """
        await self._nothing(
            ops.ACTIVATE_KEY, key_id=key_id, status=MfaKeyStatusId.ACTIVE, code=code
        )

    async def delete_key(self, user_id: IdLike | Literal["my"], key_id: int) -> None:
        """Delete an MFA key (DELETE /api/v1/user/{user_id}/mfa/{key_id};
        UserMfaByUserIdAndKeyIdDelete).

        Args:
            user_id: The key's user, or `"my"` for the user this client logs in as.
            key_id: The key's id (a user's details list its keys).

        Raises:
            NotFoundError: No such key of this user.
        """
        await self._nothing(ops.DELETE_KEY, user_id=user_id, key_id=key_id)

    async def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The MFA key statuses (GET /api/v1/user/mfa/status; UserMfaStatusGet).

        A lookup: cached per client, `refresh=True` asks the API again. `await` it for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return await self._cached(ops.STATUSES, refresh)

    async def types(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The MFA key types (GET /api/v1/user/mfa/type; UserMfaTypeGet).

        A lookup: cached per client, `refresh=True` asks the API again. `await` it for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return await self._cached(ops.TYPES, refresh)

    def trusted_devices(self, user_id: IdLike | Literal["my"]) -> AsyncPager[TrustedDevice]:
        """A user's trusted devices, which skip the MFA code (GET
        /api/v1/user/{user_id}/mfa/trusted_device; UserMfaTrustedDeviceByUserIdGet).

        `await` it for the list.

        Args:
            user_id: The user's id, or `"my"` for the user this client logs in as.

        Raises:
            InputError: `user_id` is malformed (nothing is sent).
        """
        return self._many(ops.TRUSTED_DEVICES, user_id=user_id)

    async def delete_trusted_device(self, user_id: IdLike | Literal["my"], device_id: int) -> None:
        """Stop trusting a device (DELETE /api/v1/user/{user_id}/mfa/trusted_device/
        {device_id}; UserMfaTrustedDeviceByUserIdAndDeviceIdDelete).

        Raises:
            NotFoundError: No such device of this user.
        """
        await self._nothing(ops.DELETE_TRUSTED_DEVICE, user_id=user_id, device_id=device_id)
