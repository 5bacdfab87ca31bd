"""Users: accounts, roles, events, activation and passwords (`client.users`)."""

from __future__ import annotations

import builtins
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from .._constants import EVENT_MAX_PER_PAGE, USER_MAX_PER_PAGE
from .._ops import users as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, IdLike, NotGiven, QueryValue, StatusLike
from ..models import Event, Role, RolePermissions, Secret, Status, SupportToken, User
from ._base import AsyncResource
from .user_mfa import AsyncUserMfa
from .workspaces import AsyncUserWorkspaces

__all__ = ["AsyncUsers"]


class AsyncUsers(AsyncResource):
    """The user API: accounts of your organisation and its direct children.

    Passwords are taken in plain text (or as `Secret`) and sent as the SHA-1 hex digest that
    emnify's login takes, so that a password set here is the one the user logs in with; only
    the digest is kept, as a `Secret`, and no repr, log or error shows it.
    """

    @functools.cached_property
    def mfa(self) -> AsyncUserMfa:
        """Multi-factor authentication: MFA keys, their lookups, trusted devices."""
        return AsyncUserMfa(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def workspaces(self) -> AsyncUserWorkspaces:
        """A user's workspaces: list, status, roles, unassign, the default one."""
        return AsyncUserWorkspaces(
            self._transport, self._options, page_prefetch=self._page_prefetch
        )

    # -- accounts ---------------------------------------------------------------------------

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = USER_MAX_PER_PAGE,
    ) -> AsyncPager[User]:
        """List users, across all pages (GET /api/v1/user; UserPerPageSortByQAndPageGet).

        Listed users carry no `roles` (`get()` has them).

        Args:
            q: Filters on `id`, `status`, `name`, `username`, `organisation`, e.g.
                `{"status": UserStatusId.ACTIVE, "organisation": 102}`.
            sort: Sort keys among those and `created`, e.g. `"-status,id"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return self._many(ops.LIST, q=q, sort=sort, per_page=per_page)

    async def get(self, user_id: IdLike | str) -> User:
        """One user, by id or username (GET /api/v1/user/{user_id}; UserByIdGet).

        Args:
            user_id: The user's id, or its username (e-mail address).

        Raises:
            NotFoundError: No such user in your organisation or its direct children.
        """
        return await self._one(ops.GET, user_id=user_id)

    async def create(
        self,
        *,
        username: str,
        name: str,
        org: IdLike | NotGiven = NOT_GIVEN,
        roles: Iterable[IdLike] | IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a user (POST /api/v1/user; UserPerPageSortByQAndPagePost).

        The account starts `ACTIVATION_PENDING`, without a password: emnify e-mails the user
        an activation key, which `activate()` takes with the new password.

        Args:
            username: The user's e-mail address.
            name: The user's display name.
            org: Your organisation or one of its direct children (default: yours).
            roles: One or more role ids or `Role` models (default: emnify's default role).

        Returns:
            The new user's id (from the `Location` header).

        Raises:
            InputError: A value is invalid (nothing is sent).
            NotFoundError: A role does not exist.
            UnprocessableEntityError: The username is taken or the organisation is not
                yours (see `errors`).
        """
        return await self._created(
            ops.CREATE, username=username, name=name, organisation=org, roles=roles
        )

    async def update(
        self,
        user_id: IdLike,
        *,
        username: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        status: StatusLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a user (PATCH /api/v1/user/{user_id}; UserByIdPatch).

        Only the fields passed are sent. A new username makes the account
        `ACTIVATION_PENDING` again (emnify sends a new activation key). The status moves
        between `ACTIVE` and `SUSPENDED`, or from `ACTIVATION_PENDING` to `SUSPENDED`.

        Args:
            user_id: The user's id.
            username: A new e-mail address.
            name: A new display name.
            status: `UserStatusId.ACTIVE` or `SUSPENDED`.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such user.
            UnprocessableEntityError: The status change is not allowed (see `errors`).
        """
        await self._nothing(
            ops.UPDATE, user_id=user_id, username=username, name=name, status=status
        )

    async def delete(self, user_id: IdLike) -> None:
        """Delete a user (DELETE /api/v2/user/{user_id}; UserByIdDeleteV2).

        The user can no longer log in.

        Raises:
            NotFoundError: No such user, or not one you may delete.
        """
        await self._nothing(ops.DELETE, user_id=user_id)

    async def delete_v1(self, user_id: IdLike) -> None:
        """Delete a user the deprecated way (DELETE /api/v1/user/{user_id}; UserByIdDelete).

        Prefer `delete()`, which emnify recommends instead.

        Raises:
            NotFoundError: No such user.
        """
        await self._nothing(ops.DELETE_V1, user_id=user_id)

    async def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The user statuses (GET /api/v1/user/status; UserStatusGet).

        A lookup: cached per client, `refresh=True` asks the API again. `await` it for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return await self._cached(ops.STATUSES, refresh)

    # -- roles and events -------------------------------------------------------------------

    async def roles(self, *, refresh: bool = False) -> builtins.list[Role]:
        """The roles a user can have (GET /api/v1/user/role; UserRoleGet).

        A lookup: cached per client, `refresh=True` asks the API again. `await` it for the
        list.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return await self._cached(ops.ROLES, refresh)

    async def add_role(self, user_id: IdLike, role_id: int) -> None:
        """Give a user a role (PUT /api/v1/user/{user_id}/role/{role_id}; UserRoleByIdAndRoleIdPut).

        Raises:
            NotFoundError: No such user or role.
            ConflictError: `1405 Duplicated`: the user has the role already.
        """
        await self._nothing(ops.ADD_ROLE, user_id=user_id, role_id=role_id)

    async def remove_role(self, user_id: IdLike, role_id: int) -> None:
        """Take a role from a user (DELETE /api/v1/user/{user_id}/role/{role_id};
        UserRoleByIdAndRoleIdDelete).

        Raises:
            NotFoundError: No such user, or the user does not have the role.
            ConflictError: `1407 CannotBeDeleted`: it is the user's last role.
        """
        await self._nothing(ops.REMOVE_ROLE, user_id=user_id, role_id=role_id)

    def role_permissions(self, user_id: IdLike | Literal["my"]) -> AsyncPager[RolePermissions]:
        """What each of a user's roles allows (GET /api/v1/user/{user_id}/role/permission;
        UserRolePermissionByIdGet). `await` it for the list.

        Args:
            user_id: The user's id, or `"my"` for the user this client logs in as.

        Raises:
            InputError: `user_id` is malformed (nothing is sent).
        """
        return self._many(ops.ROLE_PERMISSIONS, user_id=user_id)

    def events(
        self,
        user_id: IdLike | Literal["my"],
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = EVENT_MAX_PER_PAGE,
    ) -> AsyncPager[Event]:
        """A user's events, across all pages (GET /api/v1/user/{user_id}/event;
        UserEventPagePerPageSortByUserIdAndQGet).

        An unknown user, or one you may not see, has no events (emnify answers `[]`, not 404).

        Args:
            user_id: The user's id, or `"my"` for the user this client logs in as.
            q: Filters, e.g. `{"type": 6}` (failed logins).
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: An argument is malformed (nothing is sent).
            PermissionDeniedError: Only administrators and observers see others' events.
        """
        return self._many(ops.EVENTS, user_id=user_id, q=q, sort=sort, per_page=per_page)

    async def create_support_token(
        self, user_id: IdLike, *, role: int | NotGiven = NOT_GIVEN
    ) -> SupportToken:
        """A bearer token to act as a user, for support (POST /api/v2/user/{user_id}/
        support_token; UserByIdV2CreateSupportToken).

        An event is recorded in the user's organisation. The token is a `Secret`:
        `token.support_token.get_secret_value()` gives it.

        Args:
            user_id: The user to act as (not yourself).
            role: `UserRoleId.ADMINISTRATOR` or `OBSERVER` for the token only (the user's own
                roles do not change).

        Raises:
            InputError: An argument is invalid (nothing is sent).
            PermissionDeniedError: You may not act as this user.
            NotFoundError: The user does not exist or is not active, or its organisation
                is not enabled.
        """
        return await self._one(ops.SUPPORT_TOKEN, user_id=user_id, role=role)

    # -- invitations (newer docs) ------------------------------------------------------------

    async def invite(
        self,
        *,
        username: str,
        name: str,
        org: IdLike | NotGiven = NOT_GIVEN,
        roles: Iterable[IdLike] | IdLike | NotGiven = NOT_GIVEN,
    ) -> User:
        """Invite a user to a workspace (POST /api/v2/user/invitation; user-v-2-invitation).

        An unknown username becomes a new user whose default workspace is `org`; a known one
        is assigned to `org` too. Either way the membership waits for `accept_invitation()`
        (emnify sends no e-mail: pass the key on yourself).

        Args:
            username: The user's e-mail address.
            name: The user's display name.
            org: The workspace (default: your default workspace).
            roles: Role ids or `Role` models (default: Administrator).

        Returns:
            The user, with `id`, `organisation` and `roles`.

        Raises:
            InputError: A value is invalid (nothing is sent).
            BadRequestError: A value is refused (see `errors`).
            PermissionDeniedError: You may not invite users, or workspaces are not enabled.
            ConflictError: The user is a member of the workspace already.
        """
        return await self._one(
            ops.INVITE, username=username, name=name, organisation=org, roles=roles
        )

    async def accept_invitation(
        self,
        *,
        activation_key: str | Secret,
        password: str | Secret | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """Accept an invitation to a workspace (POST /api/v2/user/activation;
        accept-user-invitation).

        Unlike `activate()`, the docs require a token for it: send it with any client.

        Args:
            activation_key: The key of the invitation.
            password: The new password, in plain text (its SHA-1 is sent); needed only by a
                user who has none yet.
            name: A new display name.

        Raises:
            InputError: An argument is empty (nothing is sent).
            BadRequestError: The user has no password yet and none was given.
            PermissionDeniedError: The key is unknown or was used already.
        """
        await self._nothing(
            ops.ACCEPT_INVITATION,
            activation_key=activation_key,
            password=password,
            name=name,
        )

    # -- activation and passwords -------------------------------------------------------------

    async def activate(self, *, activation_key: str | Secret, password: str | Secret) -> None:
        """Activate a new account and set its password (POST /api/v1/user/activation;
        UserActivationPost).

        Sent without a token (emnify needs none): a client with no credentials of its own
        can call it.

        Args:
            activation_key: The key emnify e-mailed to the user.
            password: The new password, in plain text (its SHA-1 is sent).

        Raises:
            InputError: An argument is empty (nothing is sent).
            BadRequestError: The key is unknown or was used already.
        """
        await self._nothing(ops.ACTIVATE, activation_key=activation_key, password=password)

    async def resend_activation(self, *, username: str, recaptcha_response: str) -> None:
        """E-mail a new activation key (POST /api/v1/user/activation_resend;
        UserActivationResendPost).

        Sent without a token, like `activate()`.

        Args:
            username: The user's e-mail address.
            recaptcha_response: The `g-recaptcha-response` of a Google reCAPTCHA form (emnify
                support gives out the site key).

        Raises:
            InputError: An argument is invalid (nothing is sent).
        """
        await self._nothing(
            ops.RESEND_ACTIVATION, username=username, recaptcha_response=recaptcha_response
        )

    async def change_password(
        self, *, old_password: str | Secret, new_password: str | Secret
    ) -> None:
        """Change the password of the user this client logs in as (PATCH /api/v1/user/password;
        UserPasswordPatch).

        Both are taken in plain text and sent as SHA-1 digests. If this client logs in with
        that password, it logs in with the new one from now on.

        Raises:
            InputError: A password is empty (nothing is sent).
            UnprocessableEntityError: `1002 Failed`: the old password is wrong.
        """
        body: ops.PasswordChange = ops.CHANGE_PASSWORD.make_body(
            old_password=old_password, new_password=new_password
        )
        await self._nothing(ops.CHANGE_PASSWORD, body=body)
        old, new = body.old_password, body.new_password
        assert isinstance(old, Secret) and isinstance(new, Secret)
        self._transport.password_changed(old.get_secret_value(), new.get_secret_value())
