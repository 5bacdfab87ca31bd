"""Workspace models: a user's workspaces, their daily stats, and a workspace's auth token."""

import datetime

import attrs

from ._base import Model
from ._common import Status
from ._secret import Secret
from .stats import DailyUsage
from .users import Role

__all__ = [
    "Workspace",
    "WorkspaceDailyStats",
    "WorkspaceDailyUsage",
    "WorkspaceMembership",
    "WorkspaceToken",
]


@attrs.frozen(kw_only=True)
class WorkspaceMembership(Model):
    """A user's status in a workspace, as the docs nest it: ``{"status": {"id": 1}}``."""

    status: Status | None = None
    """The status: ``UserStatusId.ACTIVE``, ``SUSPENDED`` or ``ACTIVATION_PENDING`` (invited,
    not accepted yet)."""


@attrs.frozen(kw_only=True)
class Workspace(Model):
    """A workspace (an organisation) a user is a member of, with the user's roles in it."""

    id: int
    """The organisation's id."""
    name: str | None = None
    """The organisation's name."""
    status: WorkspaceMembership | None = None
    """The user's status in this workspace (``status_id`` reads it)."""
    roles: list[Role] = attrs.field(factory=list)
    """The user's roles in this workspace."""
    owner: bool | None = None
    """Whether the user owns the workspace."""
    default_workspace: bool | None = None
    """Whether it is the user's default workspace (where a login lands)."""

    @property
    def status_id(self) -> int | None:
        """The user's status id in this workspace (see ``UserStatusId``), or None."""
        inner = None if self.status is None else self.status.status
        return None if inner is None else inner.id


@attrs.frozen(kw_only=True)
class WorkspaceDailyUsage(Model):
    """One day's traffic of the workspaces asked for, or (without ``date``) the total."""

    date: datetime.date | None = None
    """The day; ``None`` on the total."""
    data_volume: DailyUsage | None = None
    """Data traffic (MB)."""
    sms_volume: DailyUsage | None = None
    """SMS traffic (count)."""
    sat_geo_data_volume: DailyUsage | None = None
    """Data traffic over geostationary satellite networks."""
    sat_geo_sms_volume: DailyUsage | None = None
    """SMS traffic over geostationary satellite networks."""


@attrs.frozen(kw_only=True)
class WorkspaceDailyStats(Model):
    """Daily traffic summed over workspaces (``GET /api/v2/workspace/stats/daily``)."""

    id: int | None = None
    """The id of the organisation asking (the one the token is for)."""
    days: list[WorkspaceDailyUsage] = attrs.field(factory=list)
    """One entry per day of the range."""
    total: WorkspaceDailyUsage | None = None
    """The whole range's totals; ``None`` when there is nothing to sum."""


@attrs.frozen(kw_only=True)
class WorkspaceToken(Model):
    """An auth token for another workspace of the user (its repr masks the token)."""

    auth_token: Secret
    """The token, sent as ``Authorization: Bearer <token>``; valid for that workspace only."""
