"""Verifying the `Authorization` token of emnify's API callback requests (with PyJWT).

emnify signs a JWT with the API secret of the service profile and sends it as
`Authorization: Bearer <token>`; the algorithm and claims are not documented. Only the HMAC
family (HS256, HS384, HS512) can be keyed by a shared secret, so only those are accepted;
`none` and every public-key algorithm are refused before any signature is computed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from .._exceptions import InputError
from ..models import Secret
from ._errors import WebhookVerificationError

__all__ = ["ALGORITHMS", "verify_callback_token"]

ALGORITHMS = ("HS256", "HS384", "HS512")
"""The signing algorithms accepted: the HMAC family, keyed by the API secret."""


def _jwt() -> Any:
    try:
        import jwt
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "verifying callback tokens needs PyJWT: pip install 'emnify-async[webhooks]'"
        ) from None
    return jwt


def _key(secret: str | bytes | Secret) -> bytes:
    plain = secret.get_secret_value() if isinstance(secret, Secret) else secret
    if isinstance(plain, str):
        plain = plain.encode("utf-8")
    if not isinstance(plain, bytes) or not plain:
        raise InputError("secret must be the API secret: a non-empty string (or its bytes)")
    return plain


def _token(authorization: str | None) -> str:
    if not authorization or not authorization.strip():
        raise WebhookVerificationError("no Authorization header: the request is not signed")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise WebhookVerificationError("the Authorization header is not 'Bearer <token>'")
    return token.strip()


def _failure(jwt: Any, exc: Exception) -> WebhookVerificationError:
    errors = jwt.exceptions
    reasons: list[tuple[type[Exception], str]] = [
        (errors.ExpiredSignatureError, "the token has expired"),
        (errors.ImmatureSignatureError, "the token is not valid yet (iat or nbf in the future)"),
        (errors.InvalidSignatureError, "the token's signature does not match the secret"),
        (errors.MissingRequiredClaimError, "the token lacks a required claim"),
        (errors.InvalidAlgorithmError, "the token's algorithm is not accepted"),
        (errors.DecodeError, "the token is malformed"),
    ]
    for kind, reason in reasons:
        if isinstance(exc, kind):
            if kind is errors.MissingRequiredClaimError:
                reason = f"the token lacks the required claim {getattr(exc, 'claim', '?')!r}"
            return WebhookVerificationError(reason)
    return WebhookVerificationError("the token is invalid")


def verify_callback_token(
    authorization: str | None,
    secret: str | bytes | Secret,
    *,
    leeway: float = 30.0,
    max_age: float | None = None,
    require: Sequence[str] = (),
) -> dict[str, Any]:
    """Check the `Authorization` header of an API callback request; return the token's claims.

    The token must be signed with `secret` by HS256, HS384 or HS512 (a token that names `none`
    or any other algorithm is refused), and be within its `exp` and `nbf` if it has them.
    Answer 401 when this raises. Needs PyJWT: `pip install 'emnify-async[webhooks]'`.

    Args:
        authorization: The request's `Authorization` header (`"Bearer <token>"`), or None.
        secret: The API secret (`NewApiSecret.secret`, or its text).
        leeway: Seconds of clock difference tolerated on `exp`, `nbf` and `iat`.
        max_age: If set, the token must carry `iat` no older than this many seconds (limits
            the replay of a captured request).
        require: Claims the token must carry, e.g. `("exp",)`.

    Raises:
        WebhookVerificationError: The header is missing or malformed, or the token is not
            signed with `secret` by an accepted algorithm, expired, or lacks a claim. The
            message never holds the token or the secret.
        InputError: `secret` is empty.
    """
    key = _key(secret)
    token = _token(authorization)
    jwt = _jwt()
    try:
        header = jwt.get_unverified_header(token)
    except jwt.exceptions.PyJWTError:
        header = None
    if not isinstance(header, dict):
        raise WebhookVerificationError("the token is malformed")
    algorithm = header.get("alg")
    if algorithm not in ALGORITHMS:
        shown = algorithm if isinstance(algorithm, str) and len(algorithm) <= 10 else "?"
        raise WebhookVerificationError(
            f"the token's algorithm {shown!r} is not accepted (only {', '.join(ALGORITHMS)})"
        )
    claims_required = [*require, *(["iat"] if max_age is not None else [])]
    error: WebhookVerificationError | None = None
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=list(ALGORITHMS),
            leeway=leeway,
            options={"require": claims_required, "verify_aud": False, "verify_iss": False},
        )
    except jwt.exceptions.PyJWTError as exc:
        error = _failure(jwt, exc)
    if error is not None:
        raise error
    if max_age is not None and claims["iat"] < time.time() - max_age - leeway:
        raise WebhookVerificationError(f"the token was issued more than {max_age:g} s ago")
    return claims
