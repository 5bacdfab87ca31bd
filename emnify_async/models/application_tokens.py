"""Application token models: ``/api/v1/application_token``."""

import datetime
import enum

import attrs

from ._base import Model
from ._common import Status
from ._secret import Secret
from .users import UserSummary

__all__ = ["ApplicationToken", "ApplicationTokenStatusId", "NewApplicationToken"]


class ApplicationTokenStatusId(enum.IntEnum):
    """Application token statuses."""

    ACTIVATED = 0
    REVOKED = 1


@attrs.frozen(kw_only=True)
class ApplicationToken(Model):
    """An application token of the organisation, as listed (the token itself is never shown)."""

    id: int
    """Token id."""
    description: str | None = None
    """What the token is for."""
    created: datetime.datetime | None = None
    """When it was created (UTC)."""
    status: Status | None = None
    """``ApplicationTokenStatusId.ACTIVATED`` or ``REVOKED``."""
    expiry_date: datetime.datetime | None = None
    """When it stops authenticating (UTC), if ever."""
    ip: str | None = None
    """The network (CIDR) it may authenticate from, if restricted."""
    creator: UserSummary | None = None
    """The user who created it."""


@attrs.frozen(kw_only=True)
class NewApplicationToken(Model):
    """The answer of creating an application token (its repr masks the token)."""

    application_token: Secret
    """The token, shown only now: store `application_token.get_secret_value()` somewhere safe."""
