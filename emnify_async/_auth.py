"""Credentials and the auth token's life: lazy, single-flight, renewed before `exp`."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from ._constants import AUTHENTICATE_PATH, FALLBACK_TOKEN_LIFETIME, TOKEN_RENEW_MARGIN
from ._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    MissingCredentialsError,
)

__all__ = ["Authenticator", "Credentials", "LoginCall", "jwt_expiry"]

logger = logging.getLogger("emnify")

# One attempt of POST /api/v1/authenticate with this body; returns the decoded JSON object.
LoginCall = Callable[[dict[str, str]], Awaitable[dict[str, Any]]]


def jwt_expiry(token: str) -> float | None:
    """Return the `exp` claim of a JWT (no signature check), or None if it can't be read."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload))
        exp = claims["exp"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        return None
    return float(exp) if isinstance(exp, (int, float)) and not isinstance(exp, bool) else None


class Credentials:
    """What the SDK authenticates with. Never shows a secret in its repr."""

    __slots__ = ("_application_token", "_password_sha1", "username")

    def __init__(
        self,
        application_token: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        self._application_token = application_token or None
        self.username = username or None
        # Only the SHA-1 hex the API wants is kept; the plain password is dropped here.
        self._password_sha1 = (
            hashlib.sha1(password.encode("utf-8")).hexdigest() if password else None
        )

    @property
    def mode(self) -> str | None:
        """`"application_token"`, `"user"`, or None when nothing usable was given."""
        if self._application_token:
            return "application_token"
        if self.username and self._password_sha1:
            return "user"
        return None

    def login_body(self) -> dict[str, str]:
        """The body of a fresh POST /api/v1/authenticate."""
        if self._application_token:
            return {"application_token": self._application_token}
        if self.username and self._password_sha1:
            return {"username": self.username, "password": self._password_sha1}
        raise MissingCredentialsError(
            "No emnify credentials: pass application_token=..., set the "
            "EMNIFY_APPLICATION_TOKEN environment variable, or pass username= and password=."
        )

    def password_changed(self, old_sha1: str, new_sha1: str) -> None:
        """Log in with `new_sha1` from now on, if this client's user just changed its password."""
        if self.username and self._password_sha1 == old_sha1:
            self._password_sha1 = new_sha1

    def __repr__(self) -> str:
        return f"Credentials(mode={self.mode!r})"


def _explain(exc: APIStatusError, mode: str | None) -> str:
    """Say what to check after a failed authenticate, without quoting any secret."""
    if exc.error_token == "TooManyRequests":
        return (
            "emnify refused to authenticate: too many attempts. The account is locked for a few "
            "minutes after 3 failed logins; wait before trying again."
        )
    if mode == "application_token":
        hint = (
            "check that the application token (EMNIFY_APPLICATION_TOKEN) is complete, "
            "not expired and not revoked, and that base_url points at the right API"
        )
    else:
        hint = (
            "check the username and password (the SDK sends the password's SHA-1 as emnify "
            "requires), and that the user is activated and not locked"
        )
    return f"emnify authentication failed (HTTP {exc.status}): {hint}."


# Statuses of a refused login; any other failure (429, 5xx, a lost connection, a garbled
# answer) is transient and reported as itself, to be retried within the call's budget.
def _refused(exc: APIStatusError) -> bool:
    return exc.status < 500 and exc.status not in (408, 429)


class Authenticator:
    """Holds the current auth token and renews it, one login at a time.

    It never retries by itself: each call passes `login`, which makes ONE authenticate
    attempt within that call's deadline, and a failed login fails that call's attempt, so the
    call's retry policy (attempts and deadline) covers logging in too.
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        clock: Callable[[], float] = time.time,
        renew_margin: float = TOKEN_RENEW_MARGIN,
    ) -> None:
        self._credentials = credentials
        self._clock = clock
        self._renew_margin = renew_margin
        self._token: str | None = None
        self._renew_at = 0.0
        self._refresh_token: str | None = None
        self._lock: asyncio.Lock | None = None

    def __repr__(self) -> str:
        return (
            f"Authenticator(mode={self._credentials.mode!r}, has_token={self._token is not None})"
        )

    def password_changed(self, old_sha1: str, new_sha1: str) -> None:
        """The client's user changed its password: later logins send the new one."""
        self._credentials.password_changed(old_sha1, new_sha1)

    def _fresh(self) -> bool:
        return self._token is not None and self._clock() < self._renew_at

    def current(self) -> str | None:
        """The token if it is fresh, without waiting; None when a login is due."""
        return self._token if self._fresh() else None

    async def token(self, login: LoginCall) -> str:
        """A valid auth token, logging in first if there is none or it is about to expire."""
        if self._fresh():
            assert self._token is not None
            return self._token
        return await self._renew(login, stale=self._token)

    async def renew_after_rejection(self, rejected: str, login: LoginCall) -> str:
        """Get a new token after the API answered 401 to `rejected`.

        Concurrent callers that saw the same rejected token share one renewal.
        """
        return await self._renew(login, stale=rejected)

    async def _renew(self, login: LoginCall, *, stale: str | None) -> str:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            # Another caller renewed while this one waited for the lock.
            if self._token is not None and self._token != stale and self._fresh():
                return self._token
            self._token = None
            return await self._login(login)

    async def _login(self, login: LoginCall) -> str:
        answer: dict[str, Any] | None = None
        if self._refresh_token is not None:
            try:
                answer = await login({"refresh_token": self._refresh_token})
            except APIStatusError as exc:
                if not _refused(exc):
                    raise
                logger.info("refresh token rejected (HTTP %s); logging in again", exc.status)
                self._refresh_token = None
        if answer is None:
            answer = await self._login_with_credentials(login)
        token = answer.get("auth_token")
        if not isinstance(token, str) or not token:
            if "mfa_token" in answer:
                raise AuthenticationError(
                    "emnify authentication failed: this user has multi-factor authentication "
                    "on; use an application token.",
                    method="POST",
                    path=AUTHENTICATE_PATH,
                    status=200,
                )
            raise APIResponseValidationError(
                "POST /api/v1/authenticate answered 200 without an auth_token",
                method="POST",
                path=AUTHENTICATE_PATH,
                status=200,
            )
        refresh = answer.get("refresh_token")
        if isinstance(refresh, str) and refresh:
            self._refresh_token = refresh
        now = self._clock()
        expiry = jwt_expiry(token)
        if expiry is None or expiry <= now:
            # Unreadable, or our clock is ahead of emnify's: a 401 will still trigger renewal.
            expiry = now + FALLBACK_TOKEN_LIFETIME
        lifetime = expiry - now
        # Short-lived tokens (tests) renew at 90 % of their life rather than never being fresh.
        self._renew_at = expiry - min(self._renew_margin, lifetime * 0.1)
        self._token = token
        logger.debug("authenticated; token valid for %.0f s", lifetime)
        return token

    async def _login_with_credentials(self, login: LoginCall) -> dict[str, Any]:
        body = self._credentials.login_body()
        error: AuthenticationError | None = None
        try:
            return await login(body)
        except APIStatusError as exc:
            if not _refused(exc):
                raise
            error = AuthenticationError(
                _explain(exc, self._credentials.mode),
                method=exc.method,
                path=exc.path,
                status=exc.status,
                error_code=exc.error_code,
                error_token=exc.error_token,
                errors=exc.errors,
                body=exc.body,
                request_id=exc.request_id,
                headers=exc.headers,
            )
        # Raised outside the handler, so the refused answer is not chained as its context.
        raise error
