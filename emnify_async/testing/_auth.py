"""Authentication: ``POST /api/v1/authenticate``, the tokens it mints, and bearer-token checks.

Logins read the user store (``_stores/users.py``: active users with their password's SHA-1,
MFA keys, trusted devices) and the application-token store (revoked, expired or IP-restricted
tokens do not log in). Every token, of any kind, is minted by :meth:`Authenticator._mint`.
"""

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
from emnify_async.testing._stores.application_tokens import ApplicationTokens, TokenRecord
from emnify_async.testing._stores.users import AUTH_FAILED, SUPPORT, UserStore
from emnify_async.testing._user_data import (
    ACTIVE,
    EMULATOR_USER_ID,
    UserRecord,
    seeded_password,
)

ISSUER = "emnify-emulator"
AUDIENCE = "/api"
MAX_FAILED_LOGINS = 3
MFA_TOKEN_LIFETIME = 300.0
"""Seconds to send the code after a password login answered an ``mfa_token``."""
SEEDED_TOKEN_CREATED = 1579523144  # 2020-01-20T12:25:44Z, as the spec's example token


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
    """Issues and verifies tokens; tracks failed logins."""

    def __init__(
        self,
        seed: int,
        org_id: int,
        org_name: str,
        token_lifetime: float,
        refresh_token_lifetime: float,
        lockout_seconds: float,
        clock: Clock,
        users: UserStore,
        tokens: ApplicationTokens,
    ) -> None:
        self.org_id = org_id
        self.org_name = org_name
        self.token_lifetime = token_lifetime
        self.refresh_token_lifetime = refresh_token_lifetime
        self.lockout_seconds = lockout_seconds
        self.clock = clock
        self.users = users
        self.tokens = tokens
        self.secret = hashlib.sha256(f"emnify-emulator-secret:{seed}".encode()).digest()
        user = users.get(EMULATOR_USER_ID)
        assert user is not None
        self.user_id = user.id
        self.username = user.username
        self.password = seeded_password(seed, user.id)
        self._serial = 0
        self._revoked_through = 0
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}
        self._seeded_tokens: dict[int, str] = {}
        self.application_token = self.application_token_for(org_id, org_name)

    def application_token_for(self, org_id: int, org_name: str) -> str:
        """An application token that logs in as ``org_id`` (minted once per organisation,
        created by its first administrator)."""
        token = self._seeded_tokens.get(org_id)
        if token is None:
            token = self.create_application_token(
                org_id, org_name, "Emulator application token", None, None, None
            )
            record = self.tokens.by_token(token)
            assert record is not None
            record.created_ts = SEEDED_TOKEN_CREATED
            record.creator_id = self.tokens.first_admin(org_id)
            self._seeded_tokens[org_id] = token
        return token

    def create_application_token(
        self,
        org_id: int,
        org_name: str,
        description: str,
        expiry_ts: int | None,
        ip: str | None,
        creator_id: int | None,
    ) -> str:
        """Mint and store a new application token of ``org_id``; returns the token."""
        app_id = self.tokens.next_id()
        org = {"esc.org": org_id, "esc.orgName": org_name}
        token = self._mint({"aud": "/api/v1/application_token", "esc.app": app_id, **org}, None)
        record = TokenRecord(
            app_id, org_id, token, description, int(self.clock()), expiry_ts=expiry_ts, ip=ip
        )
        record.creator_id = creator_id
        self.tokens.add(record)
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

    def _user_org(self, user: UserRecord) -> tuple[int, str]:
        org = self.users.organisation(user)
        return org.id, org.name

    def _user_tokens(self, user: UserRecord) -> dict[str, str]:
        refresh = self._mint(
            {"esc.user": user.id, "typ": "refresh", "esc.org": user.org_id},
            self.refresh_token_lifetime,
        )
        auth = self._auth_token(None, user.id, self._user_org(user))
        return {"auth_token": auth, "refresh_token": refresh}

    def support_token(self, user: UserRecord, role: int | None, by: Principal) -> str:
        """A bearer token acting as ``user`` (support access), recorded on its organisation."""
        claims: dict[str, Any] = {"esc.user": user.id, "typ": "auth", "esc.support": by.org_id}
        if role is not None:
            claims["esc.role"] = role
        org_id, org_name = self._user_org(user)
        claims.update({"esc.org": org_id, "esc.orgName": org_name})
        token = self._mint(claims, self.token_lifetime)
        self.users.record_event(
            user, SUPPORT, f"Support access to user '{user.username}' by '{by.org_name}'."
        )
        return token

    def workspace_token(self, user: UserRecord, org_id: int, org_name: str) -> str:
        """An auth token of ``user`` for another of its workspaces (``/authenticate/workspace``):
        it acts as that organisation, like a login there would."""
        return self._auth_token(None, user.id, (org_id, org_name))

    def revoke_tokens(self) -> None:
        """Invalidate every auth_token minted so far (refresh and application tokens stay valid)."""
        self._revoked_through = self._serial

    # --- POST /api/v1/authenticate ----------------------------------------------------------

    def authenticate(self, body: Any, remote: str | None = None) -> dict[str, str]:
        """The 200 body for a login request, or raises the matching :class:`ApiError`."""
        if not isinstance(body, dict):
            raise ApiError.of(BAD_REQUEST, "Request body must be a JSON object")
        if "application_token" in body:
            token = _require_str(body, "application_token")
            record = self.tokens.by_token(token)
            if record is None or not self.tokens.usable(record, remote):
                raise ApiError(401)
            org = self.users.organisations[record.org_id]
            return {"auth_token": self._auth_token(record.id, None, (org.id, org.name))}
        if "mfa_token" in body:
            return self._verify_mfa(body)
        if "username" in body or "password" in body:
            return self._login(
                _require_str(body, "username"),
                _require_str(body, "password"),
                body.get("fingerprint"),
                remote,
            )
        if "refresh_token" in body:
            return self._refresh(_require_str(body, "refresh_token"))
        raise ApiError.of(
            BAD_REQUEST, "Expected application_token, username/password or refresh_token"
        )

    def _login(
        self, username: str, password_sha1: str, fingerprint: object, remote: str | None
    ) -> dict[str, str]:
        now = self.clock()
        if self._locked_until.get(username, 0.0) > now:
            raise ApiError(
                401,
                error_body(
                    TOO_MANY_REQUESTS,
                    "Too many failed login attempts, the account is locked temporarily",
                ),
            )
        user = self.users.by_username(username)
        if (
            user is None
            or user.status_id != ACTIVE
            or not self.users.password_matches(user, password_sha1)
        ):
            self._failed(username, user, remote)
            raise ApiError(401)
        self._failures.pop(username, None)
        trusted = isinstance(fingerprint, str) and self.users.trusted(user, fingerprint)
        if self.users.mfa_active(user) and not trusted:
            return {
                "mfa_token": self._mint({"esc.user": user.id, "typ": "mfa"}, MFA_TOKEN_LIFETIME)
            }
        return self._user_tokens(user)

    def _failed(self, username: str, user: UserRecord | None, remote: str | None) -> None:
        failures = self._failures.get(username, 0) + 1
        self._failures[username] = failures
        if failures >= MAX_FAILED_LOGINS:
            self._locked_until[username] = self.clock() + self.lockout_seconds
            self._failures[username] = 0
        if user is not None:
            self.users.record_event(
                user,
                AUTH_FAILED,
                f"Failed authentication request from '{username}', Reason: invalid password "
                f"from IP {remote or 'unknown'}",
            )

    def _verify_mfa(self, body: dict[str, Any]) -> dict[str, str]:
        """The second step of an MFA login: the ``mfa_token`` and a code of an active key;
        a ``fingerprint`` makes the device trusted."""
        claims = self._claims(_require_str(body, "mfa_token"), "mfa")
        user = self.users.get(claims.get("esc.user", 0))
        code = body.get("code")
        if user is None or user.status_id != ACTIVE or not isinstance(code, str):
            raise ApiError(401)
        if not self.users.verify_login_code(user, code):
            raise ApiError(401)
        fingerprint = body.get("fingerprint")
        if isinstance(fingerprint, str) and fingerprint:
            device = body.get("trusted_device")
            device = device if isinstance(device, dict) else {}
            self.users.trust_device(
                user,
                fingerprint,
                str(device.get("operating_system") or "Unknown"),
                str(device.get("browser") or "Unknown"),
            )
        return self._user_tokens(user)

    def _refresh(self, token: str) -> dict[str, str]:
        claims = self._claims(token, "refresh")
        user = self.users.get(claims.get("esc.user", 0))
        if user is None or user.status_id != ACTIVE:
            raise ApiError(401)
        return {"auth_token": self._auth_token(None, user.id, self._user_org(user))}

    def _claims(self, token: str, kind: str) -> dict[str, Any]:
        """The claims of a token of ``kind`` that has not expired, else an empty 401."""
        try:
            claims = _jwt.decode(token, self.secret)
        except _jwt.InvalidJwt:
            raise ApiError(401) from None
        if claims.get("typ") != kind or claims.get("exp", 0) <= self.clock():
            raise ApiError(401)
        return claims

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
