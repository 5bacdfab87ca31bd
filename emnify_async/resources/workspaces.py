"""Workspaces: a user's memberships (`client.users.workspaces`), and the workspaces' daily
stats and logins (`client.workspaces`). Documented only by emnify's newer docs."""

from __future__ import annotations

from collections.abc import Iterable

from .._ops import workspaces as ops
from .._pagination import AsyncPager
from .._types import DateLike, IdLike, StatusLike
from ..models import Workspace, WorkspaceDailyStats, WorkspaceToken
from ._base import AsyncResource

__all__ = ["AsyncUserWorkspaces", "AsyncWorkspaces"]


class AsyncUserWorkspaces(AsyncResource):
    """The workspaces (organisations) a user is a member of, with a status and roles in each.

    A user logs in to its default workspace; `client.workspaces.authenticate()` gives a token
    for another. Changing memberships needs the **Administrator** role in the workspace.
    """

    def list(self, user_id: IdLike) -> AsyncPager[Workspace]:
        """The workspaces assigned to a user (GET /api/v2/user/{user_id}/workspace;
        get-assigned-workspaces). `await` it for the list.

        Only workspaces where you are an administrator are listed.

        Raises:
            InputError: `user_id` is malformed (nothing is sent).
            PermissionDeniedError: You are no administrator of the workspace you are in.
        """
        return self._many(ops.LIST, user_id=user_id)

    async def set_status(
        self, user_id: IdLike, workspace_id: IdLike, *, status: StatusLike
    ) -> None:
        """Activate or suspend a user in one workspace (PATCH
        /api/v2/user/{user_id}/workspace/{workspace_id}; update-workspace-user-status).

        Suspending a user in its default workspace makes its next active workspace the default.

        Args:
            user_id: The user's id.
            workspace_id: The workspace's (organisation's) id.
            status: `UserStatusId.ACTIVE` or `UserStatusId.SUSPENDED`.

        Raises:
            InputError: An argument is invalid (nothing is sent).
            PermissionDeniedError: You are no administrator of the workspace.
            NotFoundError: The user is not a member of the workspace.
        """
        await self._nothing(
            ops.SET_STATUS, user_id=user_id, workspace_id=workspace_id, status=status
        )

    async def unassign(self, user_id: IdLike, workspace_id: IdLike) -> None:
        """Remove a user from a workspace (DELETE /api/v2/user/{user_id}/workspace/
        {workspace_id}; unassign-workspaces).

        Removing a user from its default workspace makes its next active workspace the default.

        Raises:
            InputError: An id is malformed (nothing is sent).
            PermissionDeniedError: You are no administrator of the workspace, or it is the
                user's only workspace.
            NotFoundError: The user is not a member of the workspace.
        """
        await self._nothing(ops.UNASSIGN, user_id=user_id, workspace_id=workspace_id)

    async def add_role(self, user_id: IdLike, workspace_id: IdLike, role_id: IdLike) -> None:
        """Give a user a role in a workspace (PUT /api/v2/user/{user_id}/workspace/
        {workspace_id}/role/{role_id}; assign-user-role-by-id).

        A role the user has already stays (nothing changes).

        Raises:
            InputError: An id is malformed (nothing is sent).
            BadRequestError: It is your own user.
            PermissionDeniedError: You are no administrator of the workspace.
            NotFoundError: No such user in the workspace, or no such role.
        """
        await self._nothing(
            ops.ADD_ROLE, user_id=user_id, workspace_id=workspace_id, role_id=role_id
        )

    async def remove_role(self, user_id: IdLike, workspace_id: IdLike, role_id: IdLike) -> None:
        """Take a role from a user in a workspace (DELETE /api/v2/user/{user_id}/workspace/
        {workspace_id}/role/{role_id}; remove-user-role-by-id).

        Raises:
            InputError: An id is malformed (nothing is sent).
            BadRequestError: It is your own user.
            PermissionDeniedError: You are no administrator of the workspace.
            NotFoundError: No such user in the workspace, or the user lacks the role.
            ConflictError: `1407 CannotBeDeleted`: it is the user's last role there.
        """
        await self._nothing(
            ops.REMOVE_ROLE, user_id=user_id, workspace_id=workspace_id, role_id=role_id
        )

    async def set_default(self, user_id: IdLike, workspace_id: IdLike) -> None:
        """Make a workspace the user's default, where its logins land (PUT
        /api/v2/user/{user_id}/default_organisation/{workspace_id}; update-default-workspace).

        You need the **Administrator** role in both the old and the new default workspace.

        Raises:
            InputError: An id is malformed (nothing is sent).
            PermissionDeniedError: You are no administrator of both, or the user is no active
                member of the new one.
        """
        await self._nothing(ops.SET_DEFAULT, user_id=user_id, workspace_id=workspace_id)


class AsyncWorkspaces(AsyncResource):
    """Workspaces as a whole: their daily traffic, and logging in to another one."""

    async def daily_stats(
        self,
        *,
        start_date: DateLike | None = None,
        end_date: DateLike | None = None,
        workspace_ids: Iterable[IdLike] | None = None,
    ) -> WorkspaceDailyStats:
        """Daily traffic summed over your workspaces (GET /api/v2/workspace/stats/daily;
        get-workspace-daily-stats).

        Args:
            start_date: First day, as a `date` or `"YYYY-MM-DD"`; alone, the range runs six
                months from it.
            end_date: Last day; alone, the range is that day's month.
            workspace_ids: Only these workspaces (default: every one you may see).

        Raises:
            InputError: A date or id is malformed, or the end is before the start (nothing is
                sent).
            UnprocessableEntityError: A workspace asked for is unknown or not accessible.
        """
        return await self._one(
            ops.DAILY_STATS,
            start_date=start_date,
            end_date=end_date,
            workspace_ids=workspace_ids,
        )

    async def authenticate(self, workspace_id: IdLike) -> WorkspaceToken:
        """An auth token for another workspace of the user this client logs in as (POST
        /api/v1/authenticate/workspace; authenticate-workspace).

        This client keeps its own login; the token (a `Secret`:
        `token.auth_token.get_secret_value()`) is for calls to that workspace. Only a client
        logged in with a username and password can switch: an application token is scoped to
        one workspace.

        Raises:
            InputError: `workspace_id` is malformed (nothing is sent).
            AuthenticationError: This client logs in with an application token, or the user
                is no active member of the workspace.
        """
        return await self._one(ops.AUTHENTICATE, target_organisation=workspace_id)
