"""Application tokens: list, create, update, revoke (`client.application_tokens`)."""

from __future__ import annotations

import datetime

from .._ops import application_tokens as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, NotGiven, StatusLike
from ..models import ApplicationToken, ApplicationTokenStatusId, NewApplicationToken
from ._base import AsyncResource

__all__ = ["AsyncApplicationTokens"]


class AsyncApplicationTokens(AsyncResource):
    """The application tokens of your organisation (what `AsyncEmnify` logs in with)."""

    def list(self) -> AsyncPager[ApplicationToken]:
        """The organisation's application tokens, revoked ones included (GET
        /api/v1/application_token; ApplicationTokenGet).

        The list is not paged; `await` it for the list. The tokens themselves are not shown.
        """
        return self._many(ops.LIST)

    async def create(
        self,
        *,
        description: str | NotGiven = NOT_GIVEN,
        expiry_date: datetime.datetime | datetime.date | NotGiven = NOT_GIVEN,
        ip: str | NotGiven = NOT_GIVEN,
    ) -> NewApplicationToken:
        """Create an application token (POST /api/v1/application_token; ApplicationTokenPost).

        The answer is the only time emnify shows the token; it is a `Secret`:
        `created.application_token.get_secret_value()` gives it, to store somewhere safe.

        Args:
            description: What the token is for.
            expiry_date: When it stops authenticating (a naive datetime is UTC; a date is its
                midnight UTC).
            ip: The only network it may authenticate from, in CIDR notation (`10.0.0.1/32`).

        Raises:
            InputError: A value is invalid (nothing is sent).
            UnprocessableEntityError: emnify refused a value (`1403 InvalidFormat`).
        """
        return await self._one(ops.CREATE, description=description, expiry_date=expiry_date, ip=ip)

    async def update(
        self,
        app_token_id: int,
        *,
        description: str | NotGiven = NOT_GIVEN,
        status: StatusLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a token's description or status (PATCH /api/v1/application_token/
        {app_token_id}; ApplicationTokenByIdPatch).

        Args:
            app_token_id: The token's id (from `list()`).
            description: A new description.
            status: `ApplicationTokenStatusId.REVOKED` revokes it (see `revoke()`).

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such token of your organisation.
        """
        await self._nothing(
            ops.UPDATE, app_token_id=app_token_id, description=description, status=status
        )

    async def revoke(self, app_token_id: int) -> None:
        """Revoke a token: it no longer logs in (auth tokens it already gave stay valid
        until they expire, as emnify documents)."""
        await self.update(app_token_id, status=ApplicationTokenStatusId.REVOKED)
