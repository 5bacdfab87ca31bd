"""Workspaces: the organisations a user is a member of, their daily stats, switching between
them, and invitations (`/api/v2/user/{user_id}/workspace`, `/api/v2/workspace`,
`/api/v1/authenticate/workspace`, `/api/v2/user/invitation` and `/activation`).

Documented only by emnify's newer docs (`source="newer-docs"`), whose operationIds these
carry. None of them takes `page`/`per_page`: the list is one array.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, reference
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_lookup_id, ref_id
from .._types import NotGiven
from ..models import Workspace, WorkspaceDailyStats, WorkspaceToken
from ._params import DATE, date_range

__all__ = [
    "ADD_ROLE",
    "AUTHENTICATE",
    "DAILY_STATS",
    "LIST",
    "REMOVE_ROLE",
    "SET_DEFAULT",
    "SET_STATUS",
    "UNASSIGN",
    "WORKSPACE_IDS",
    "WORKSPACE_STATUSES",
    "WorkspaceLogin",
    "WorkspaceStatusUpdate",
]

_USER = "/api/v2/user/{user_id}"
# Ids, or models with an `id` (a `User`, a `Workspace` of the list, a `Role`).
_MEMBER = {"user_id": ref_id, "workspace_id": ref_id}
_MEMBER_ROLE = {**_MEMBER, "role_id": ref_id}
_ONE = f"{_USER}/workspace/{{workspace_id}}"
WORKSPACE_STATUSES = (1, 2)
"""The statuses a user can be given in a workspace: `ACTIVE` (1) and `SUSPENDED` (2)."""


def _workspace_status(value: Any, name: str) -> Ref:
    status = check_lookup_id(value, name)
    if status not in WORKSPACE_STATUSES:
        raise InputError(f"{name} must be 1 (ACTIVE) or 2 (SUSPENDED), got {value!r}")
    return Ref(status)


def WORKSPACE_IDS(value: Any, name: str) -> str | None:
    """Workspace (organisation) ids or models with an `id`, sent comma-separated; None leaves
    the filter out (every workspace the caller may see)."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be workspace ids or models with an id, got {value!r:.60}")
    ids = list(dict.fromkeys(ref_id(item, f"{name}[{i}]") for i, item in enumerate(value)))
    if not ids:
        raise InputError(f"{name} needs at least one id (leave it out for every workspace)")
    return ",".join(map(str, ids))


@attrs.frozen(kw_only=True)
class WorkspaceStatusUpdate:
    """The body of PATCH /api/v2/user/{user_id}/workspace/{workspace_id}."""

    status: Ref | NotGiven = checked(_workspace_status)


@attrs.frozen(kw_only=True)
class WorkspaceLogin:
    """The body of POST /api/v1/authenticate/workspace."""

    target_organisation: Ref | NotGiven = reference()


LIST = Operation(
    "get-assigned-workspaces",
    "GET",
    f"{_USER}/workspace",
    Returns.ARRAY,
    Workspace,
    path_params={"user_id": ref_id},
    source="newer-docs",
)
SET_STATUS: Operation[None] = Operation(
    "update-workspace-user-status",
    "PATCH",
    _ONE,
    Returns.NOTHING,
    path_params=_MEMBER,
    body=WorkspaceStatusUpdate,
    source="newer-docs",
)
UNASSIGN: Operation[None] = Operation(
    "unassign-workspaces",
    "DELETE",
    _ONE,
    Returns.NOTHING,
    path_params=_MEMBER,
    source="newer-docs",
)
ADD_ROLE: Operation[None] = Operation(
    "assign-user-role-by-id",
    "PUT",
    f"{_ONE}/role/{{role_id}}",
    Returns.NOTHING,
    path_params=_MEMBER_ROLE,
    source="newer-docs",
)
REMOVE_ROLE: Operation[None] = Operation(
    "remove-user-role-by-id",
    "DELETE",
    f"{_ONE}/role/{{role_id}}",
    Returns.NOTHING,
    path_params=_MEMBER_ROLE,
    source="newer-docs",
)
# Documented as 200 with an empty object (not 204).
SET_DEFAULT: Operation[None] = Operation(
    "update-default-workspace",
    "PUT",
    f"{_USER}/default_organisation/{{workspace_id}}",
    Returns.NOTHING,
    path_params=_MEMBER,
    success=frozenset({200}),
    source="newer-docs",
)
DAILY_STATS = Operation(
    "get-workspace-daily-stats",
    "GET",
    "/api/v2/workspace/stats/daily",
    Returns.OBJECT,
    WorkspaceDailyStats,
    query={"start_date": DATE, "end_date": DATE, "workspace_ids": WORKSPACE_IDS},
    query_check=date_range,
    source="newer-docs",
)
# The answer is a token. Repeating the request only mints another token for the same
# workspace and changes nothing else, so a retry is harmless.
AUTHENTICATE = Operation(
    "authenticate-workspace",
    "POST",
    "/api/v1/authenticate/workspace",
    Returns.OBJECT,
    WorkspaceToken,
    body=WorkspaceLogin,
    safe=True,
    sensitive=True,
    source="newer-docs",
)
