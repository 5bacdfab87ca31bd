"""User models: ``/api/v1/user``, its roles, events, MFA keys and trusted devices."""

import datetime
import enum

import attrs

from ._base import Model
from ._common import OrganisationSummary, Status
from ._secret import Secret

__all__ = [
    "MfaKey",
    "MfaKeyStatusId",
    "MfaKeyTypeId",
    "MfaLookup",
    "Permission",
    "Role",
    "RolePermissions",
    "SupportToken",
    "TrustedDevice",
    "User",
    "UserRoleId",
    "UserStatusId",
    "UserSummary",
]


class UserStatusId(enum.IntEnum):
    """Known user status ids, as listed by ``GET /api/v1/user/status``."""

    ACTIVATION_PENDING = 0
    ACTIVE = 1
    SUSPENDED = 2
    DELETED = 3


class UserRoleId(enum.IntEnum):
    """emnify's user roles, as listed by ``GET /api/v1/user/role``."""

    ADMINISTRATOR = 1
    USER = 2
    OBSERVER = 3


class MfaKeyStatusId(enum.IntEnum):
    """MFA key status ids, as listed by ``GET /api/v1/user/mfa/status``."""

    ACTIVATION_PENDING = 0
    ACTIVE = 1


class MfaKeyTypeId(enum.IntEnum):
    """MFA key type ids, as listed by ``GET /api/v1/user/mfa/type``."""

    TOTP = 0
    """A time-based one-time password (RFC 6238), from an authenticator app."""


@attrs.frozen(kw_only=True)
class Role(Model):
    """A user role."""

    id: int | None = None
    """Role id, e.g. ``UserRoleId.OBSERVER``."""
    name: str | None = None
    """Role name, e.g. ``"Observer"``."""


@attrs.frozen(kw_only=True)
class MfaLookup(Model):
    """An MFA key's status or type: ``description`` on creation, ``name`` in a user's details."""

    id: int | None = None
    """Lookup id (``MfaKeyStatusId``, ``MfaKeyTypeId``)."""
    description: str | None = None
    """Label, as the key's creation answers it, e.g. ``"Activation Pending"``."""
    name: str | None = None
    """Label, as a user's details show it, e.g. ``"Active"``."""


@attrs.frozen(kw_only=True)
class MfaKey(Model):
    """A multi-factor authentication key of a user."""

    id: int | None = None
    """Key id."""
    status: MfaLookup | None = None
    """``MfaKeyStatusId.ACTIVATION_PENDING`` until activated with a code, then ``ACTIVE``."""
    type: MfaLookup | None = None
    """Key type; ``MfaKeyTypeId.TOTP``."""
    secret_key: Secret | None = None
    """The key's Base32 seed for an authenticator app; only in the answer that creates it."""
    otpauth: Secret | None = None
    """The seed as an ``otpauth://`` URI (for a QR code); only in the answer that creates it."""
    creation_date: datetime.datetime | None = None
    """When the key was created (UTC)."""
    activation_date: datetime.datetime | None = None
    """When the key was activated (UTC)."""


@attrs.frozen(kw_only=True)
class User(Model):
    """A user account."""

    id: int
    """User id."""
    username: str | None = None
    """Login name: the user's e-mail address."""
    name: str | None = None
    """Display name."""
    created: datetime.datetime | None = None
    """When the account was created (UTC)."""
    status: Status | None = None
    """Account status, see ``UserStatusId``."""
    organisation: OrganisationSummary | None = None
    """The organisation the user belongs to."""
    roles: list[Role] = attrs.field(factory=list)
    """The user's roles (in a user's details; the listing leaves them out)."""
    mfa: list[MfaKey] = attrs.field(factory=list)
    """The user's MFA keys, without their secrets."""


@attrs.frozen(kw_only=True)
class UserSummary(Model):
    """A user as nested in other objects (an application token's creator)."""

    id: int | None = None
    """User id."""
    name: str | None = None
    """Display name."""
    username: str | None = None
    """Login name (an e-mail address)."""


@attrs.frozen(kw_only=True)
class Permission(Model):
    """One API operation a role allows."""

    method: str | None = None
    """HTTP method, e.g. ``"GET"``."""
    uri: str | None = None
    """The path, e.g. ``"/api/v1/endpoint/status"``."""
    description: str | None = None
    """What the operation does."""


@attrs.frozen(kw_only=True)
class RolePermissions(Model):
    """The operations one of a user's roles allows."""

    role: str | None = None
    """Role name, e.g. ``"Observer"``."""
    permissions: list[Permission] = attrs.field(factory=list)
    """The operations the role allows."""


@attrs.frozen(kw_only=True)
class TrustedDevice(Model):
    """A device on which a user skips the MFA code when logging in."""

    id: int | None = None
    """Device id."""
    operating_system: str | None = None
    """Operating system, e.g. ``"Ubuntu 16.04.2 LTS (Xenial)"``."""
    browser: str | None = None
    """Browser, e.g. ``"Mozilla Firefox"``."""
    activation_date: datetime.datetime | None = None
    """When the device became trusted (UTC)."""


@attrs.frozen(kw_only=True)
class SupportToken(Model):
    """A bearer token to act as a user, for support (its repr masks the token)."""

    support_token: Secret
    """The token, sent as ``Authorization: Bearer <token>``."""
