"""Logins for the user-area cases: auth tokens of seeded users, and what their MFA keys need."""

from __future__ import annotations

import hashlib
import weakref

import aiohttp

from emnify_async.testing import Emulator, _totp
from emnify_async.testing._user_data import seeded_password

_TOKENS: weakref.WeakKeyDictionary[Emulator, dict[int, str]] = weakref.WeakKeyDictionary()


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def password(emu: Emulator, user_id: int) -> str:
    """A seeded active user's plain password."""
    return seeded_password(emu.config.seed, user_id)


async def user_token(emu: Emulator, s: aiohttp.ClientSession, user_id: int = 4711) -> str:
    """An auth token of a seeded user (logged in once per emulator, so that it stays usable
    after the case that turns the user's MFA on)."""
    tokens = _TOKENS.setdefault(emu, {})
    if user_id not in tokens:
        user = emu.state.users.get(user_id)
        assert user is not None
        body = {"username": user.username, "password": sha1(password(emu, user_id))}
        async with s.post("/api/v1/authenticate", json=body) as resp:
            tokens[user_id] = (await resp.json())["auth_token"]
    return tokens[user_id]


def pending_key(emu: Emulator, user_id: int = 4711) -> tuple[int, str]:
    """``(key id, the code it shows now)`` of the user's MFA key awaiting activation."""
    user = emu.state.users.get(user_id)
    assert user is not None
    key = next(k for k in user.mfa.values() if k.status_id == 0)
    return key.id, _totp.code(key.secret, emu.clock())
