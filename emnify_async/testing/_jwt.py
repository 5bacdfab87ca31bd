"""Minimal HS384 JSON Web Tokens (enough to mint and check the emulator's own tokens)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from emnify_async.testing._json import dumps, loads

HEADER = {"alg": "HS384", "typ": "JWT"}


class InvalidJwt(ValueError):
    """The token is not well-formed or its signature does not match."""


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(segment: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (ValueError, TypeError) as exc:
        raise InvalidJwt("bad base64url segment") from exc


def _sign(signing_input: bytes, secret: bytes) -> str:
    return _b64encode(hmac.new(secret, signing_input, hashlib.sha384).digest())


def encode(claims: dict[str, Any], secret: bytes) -> str:
    """A signed ``header.payload.signature`` token."""
    signing_input = f"{_b64encode(dumps(HEADER))}.{_b64encode(dumps(claims))}".encode()
    return f"{signing_input.decode()}.{_sign(signing_input, secret)}"


def decode(token: str, secret: bytes) -> dict[str, Any]:
    """The claims of a token signed with ``secret``; raises :class:`InvalidJwt` otherwise."""
    parts = token.split(".")
    if len(parts) != 3:
        raise InvalidJwt("token contains an invalid number of segments")
    header_b64, payload_b64, signature = parts
    expected = _sign(f"{header_b64}.{payload_b64}".encode(), secret)
    if not hmac.compare_digest(expected, signature):
        raise InvalidJwt("signature mismatch")
    try:
        header = loads(_b64decode(header_b64))
        claims = loads(_b64decode(payload_b64))
    except ValueError as exc:
        raise InvalidJwt("undecodable segment") from exc
    if header != HEADER or not isinstance(claims, dict):
        raise InvalidJwt("unexpected header or claims")
    return claims
