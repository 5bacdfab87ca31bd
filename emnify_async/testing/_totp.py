"""Time-based one-time passwords (RFC 6238 over RFC 4226), as authenticator apps compute them.

The emulator's MFA keys are TOTP keys: 30-second steps, 6 digits, HMAC-SHA1, a Base32 seed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct

STEP = 30
DIGITS = 6


def new_secret(material: str) -> str:
    """A Base32 seed of 20 bytes (160 bits, as RFC 4226 recommends) derived from ``material``."""
    digest = hashlib.sha256(material.encode()).digest()[:20]
    return base64.b32encode(digest).decode("ascii")


def code(secret: str, at: float, step: int = STEP, digits: int = DIGITS) -> str:
    """The code of Base32 ``secret`` at epoch second ``at``."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int(at // step))
    mac = hmac.new(key, counter, hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**digits:0{digits}d}"


def matches(secret: str, candidate: str, at: float, window: int = 1) -> bool:
    """Whether ``candidate`` is the code of ``at`` or of a step next to it (clock drift)."""
    return any(
        hmac.compare_digest(code(secret, at + drift * STEP), candidate)
        for drift in range(-window, window + 1)
    )
