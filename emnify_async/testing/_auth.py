"""Authentication: ``POST /api/v1/authenticate`` and bearer-token checks."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

from emnify_async.testing import _jwt
from emnify_async.testing._clock import Clock
from emnify_async.testing._errors import (
    BAD_REQUEST,
    INVALID_TOKEN,
    TOKEN_EXPIRED,
    TOO_MANY_REQUESTS,
    ApiError,
    error_body,
    gateway_error,
)

ISSUER = "emnify-emulator"
AUDIENCE = "/api"
MAX_FAILED_LOGINS = 3


@dataclass(frozen=True)
class Principal:
    """Who made a request, from the verified bearer token."""

    org_id: int
    org_name: str
    app_id: int | None = None
    user_id: int | None = None


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


class Authenticator:
    """Issues and verifies tokens for one organisation; tracks failed logins."""

    def __init__(
        self,
        seed: int,
        org_id: int,
        org_name: str,
        token_lifetime: float,
        refresh_token_lifetime: float,
        lockout_seconds: float,
        clock: Clock,
    ) -> None:
        self.org_id = org_id
        self.org_name = org_name
        self.token_lifetime = token_lifetime
        self.refresh_token_lifetime = refresh_token_lifetime
        self.lockout_seconds = lockout_seconds
        self.clock = clock
        self.secret = hashlib.sha256(f"emnify-emulator-secret:{seed}".encode()).digest()
        self.username = "emulator.user@example.org"
        self.password = (
            "pw-" + hashlib.sha256(f"emnify-emulator-password:{seed}".encode()).hexdigest()[:16]
        )
        self.user_id = 4711
        self._password_sha1 = sha1_hex(self.password)
        self._serial = 0
        self._revoked_through = 0
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}
        # application token -> (organisation id, organisation name, application id)
        self._application_tokens: dict[str, tuple[int, str, int]] = {}
        self.application_token = self.application_token_for(org_id, org_name)

    def application_token_for(self, org_id: int, org_name: str) -> str:
        """An application token that logs in as ``org_id`` (minted once per organisation)."""
        for token, (known, _, _) in self._application_tokens.items():
            if known == org_id:
                return token
        app_id = len(self._application_tokens) + 1
        org = {"esc.org": org_id, "esc.orgName": org_name}
        token = self._mint({"aud": "/api/v1/application_token", "esc.app": app_id, **org}, None)
        self._application_tokens[token] = (org_id, org_name, app_id)
        return token

    # --- minting --------------------------------------------------------------------------

    def _mint(self, claims: dict[str, Any], lifetime: float | None) -> str:
        now = self.clock()
        self._serial += 1
        full = {
            "aud": AUDIENCE,
            "iss": ISSUER,
            "iat": int(now),
            "jti": str(self._serial),
            "esc.org": self.org_id,
            "esc.orgName": self.org_name,
            **claims,
        }
        if lifetime is not None:
            full["exp"] = math.ceil(now + lifetime)
        return _jwt.encode(full, self.secret)

    def _auth_token(
        self, app_id: int | None, user_id: int | None, org: tuple[int, str] | None = None
    ) -> str:
        subject: dict[str, Any] = (
            {"esc.app": app_id} if app_id is not None else {"esc.user": user_id}
        )
        if org is not None:
            subject.update({"esc.org": org[0], "esc.orgName": org[1]})
        return self._mint({**subject, "typ": "auth"}, self.token_lifetime)

    def revoke_tokens(self) -> None:
        """Invalidate every auth_token minted so far (refresh and application tokens stay valid)."""
        self._revoked_through = self._serial

    # --- POST /api/v1/authenticate ----------------------------------------------------------

    def authenticate(self, body: Any) -> dict[str, str]:
        """The 200 body for a login request, or raises the matching :class:`ApiError`."""
        if not isinstance(body, dict):
            raise ApiError.of(BAD_REQUEST, "Request body must be a JSON object")
        if "application_token" in body:
            token = _require_str(body, "application_token")
            if token not in self._application_tokens:
                raise ApiError(401)
            org_id, org_name, app_id = self._application_tokens[token]
            return {"auth_token": self._auth_token(app_id, None, (org_id, org_name))}
        if "username" in body or "password" in body:
            return self._login(_require_str(body, "username"), _require_str(body, "password"))
        if "refresh_token" in body:
            return self._refresh(_require_str(body, "refresh_token"))
        raise ApiError.of(
            BAD_REQUEST, "Expected application_token, username/password or refresh_token"
        )

    def _login(self, username: str, password_sha1: str) -> dict[str, str]:
        now = self.clock()
        if self._locked_until.get(username, 0.0) > now:
            raise ApiError(
                401,
                error_body(
                    TOO_MANY_REQUESTS,
                    "Too many failed login attempts, the account is locked temporarily",
                ),
            )
        if username != self.username or password_sha1.lower() != self._password_sha1:
            failures = self._failures.get(username, 0) + 1
            self._failures[username] = failures
            if failures >= MAX_FAILED_LOGINS:
                self._locked_until[username] = now + self.lockout_seconds
                self._failures[username] = 0
            raise ApiError(401)
        self._failures.pop(username, None)
        refresh = self._mint(
            {"esc.user": self.user_id, "typ": "refresh"}, self.refresh_token_lifetime
        )
        return {"auth_token": self._auth_token(None, self.user_id), "refresh_token": refresh}

    def _refresh(self, token: str) -> dict[str, str]:
        try:
            claims = _jwt.decode(token, self.secret)
        except _jwt.InvalidJwt:
            raise ApiError(401) from None
        if claims.get("typ") != "refresh" or claims.get("exp", 0) <= self.clock():
            raise ApiError(401)
        return {"auth_token": self._auth_token(None, claims.get("esc.user"))}

    # --- bearer tokens ----------------------------------------------------------------------

    def verify(self, authorization: str | None) -> Principal:
        """The principal of an ``Authorization`` header; raises the gateway's 401s otherwise."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise gateway_error(401, "Unauthorized")
        token = token.strip()
        if token.count(".") != 2:
            raise gateway_error(
                401,
                "token contains an invalid number of segments",
                {"x-amzn-ErrorType": "AccessDeniedException"},
            )
        try:
            claims = _jwt.decode(token, self.secret)
        except _jwt.InvalidJwt:
            raise ApiError.of(INVALID_TOKEN, "Invalid token") from None
        if claims.get("typ") != "auth" or int(claims.get("jti", "0")) <= self._revoked_through:
            raise ApiError.of(INVALID_TOKEN, "Invalid token")
        if claims.get("exp", 0) <= self.clock():
            raise ApiError.of(TOKEN_EXPIRED, "Token expired")
        return Principal(
            org_id=claims["esc.org"],
            org_name=claims["esc.orgName"],
            app_id=claims.get("esc.app"),
            user_id=claims.get("esc.user"),
        )


def _require_str(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise ApiError.of(BAD_REQUEST, f"'{key}' must be a string")
    return value
