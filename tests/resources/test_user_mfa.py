"""`client.users.mfa` over real HTTP against the emulator: an MFA key's life, trusted devices.

The codes are computed here as an authenticator app does (RFC 6238 with the standard
library), from the key's seed and the emulator's clock: not with the emulator's own code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import pickle
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from emnify_async import (
    AsyncEmnify,
    AuthenticationError,
    ConflictError,
    InputError,
    MfaKey,
    MfaKeyStatusId,
    NotFoundError,
    Secret,
    Status,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY

MFA_USER = 4712


def totp(secret: str, at: float) -> str:
    """The 6-digit code of Base32 `secret` in the 30-second step of epoch second `at`."""
    key = base64.b32decode(secret)
    mac = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def _as_user(emulator: Emulator) -> AsyncEmnify:
    return AsyncEmnify(
        username=emulator.username,
        password=emulator.password,
        base_url=emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
    )


@pytest.fixture
async def emulator(
    emnify_emulator_factory: Callable[..., Awaitable[Emulator]],
) -> Emulator:
    """An emulator whose clock stands still (between two 30-second steps)."""
    return await emnify_emulator_factory(sims=5, clock=ManualClock("2026-03-14T12:00:10Z"))


@pytest.fixture
async def me(emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client logged in as the emulator's user."""
    async with _as_user(emulator) as client:
        yield client


@pytest.fixture
async def admin(emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client with the organisation's application token."""
    async with AsyncEmnify(
        emulator.application_token, base_url=emulator.base_url, retry=FAST_RETRY
    ) as client:
        yield client


async def _can_log_in(emulator: Emulator) -> bool:
    """Whether the emulator's user logs in; False when emnify asks for an MFA code."""
    refusal = ""
    async with _as_user(emulator) as client:
        try:
            await client.users.mfa.types()
        except AuthenticationError as exc:
            refusal = str(exc)
    assert not refusal or "multi-factor" in refusal
    return not refusal


class TestKeys:
    async def test_create_activate_delete(
        self, me: AsyncEmnify, admin: AsyncEmnify, emulator: Emulator
    ) -> None:
        """A key is created pending with its seed (masked), activated with the app's code,
        then demanded at login; deleted, logins need no code again."""
        key = await me.users.mfa.create_key(password=emulator.password)

        assert isinstance(key, MfaKey) and key.id is not None
        assert key.status is not None and key.status.id == MfaKeyStatusId.ACTIVATION_PENDING
        assert isinstance(key.secret_key, Secret) and isinstance(key.otpauth, Secret)
        assert "Secret('********')" in repr(key) and key.secret_key.get_secret_value() not in repr(
            key
        )
        seed = key.secret_key.get_secret_value()
        assert f"secret={seed}" in key.otpauth.get_secret_value()
        assert json.loads(emulator.requests[-1].body) == {
            "type": {"id": 0},
            "password": hashlib.sha1(emulator.password.encode()).hexdigest(),
        }

        await me.users.mfa.activate_key(key.id, code=totp(seed, emulator.clock()))

        (listed,) = (await admin.users.get(4711)).mfa
        assert listed.id == key.id and listed.status is not None
        assert (listed.status.id, listed.secret_key) == (MfaKeyStatusId.ACTIVE, None)
        assert not await _can_log_in(emulator)
        with pytest.raises(ConflictError):
            await me.users.mfa.create_key(password=emulator.password)

        await me.users.mfa.delete_key("my", key.id)

        assert (await admin.users.get(4711)).mfa == []
        assert await _can_log_in(emulator)

    async def test_code_of_the_next_step_counts_but_not_later(
        self, me: AsyncEmnify, emulator: Emulator
    ) -> None:
        """A code of the neighbouring 30-second step passes (clock drift); an old one not."""
        key = await me.users.mfa.create_key(password=emulator.password)
        assert key.id is not None and key.secret_key is not None
        seed = key.secret_key.get_secret_value()
        stale = totp(seed, emulator.clock() - 90)

        with pytest.raises(UnprocessableEntityError) as caught:
            await me.users.mfa.activate_key(key.id, code=stale)
        assert caught.value.error_token == "InputValidationFailed"

        await me.users.mfa.activate_key(key.id, code=int(totp(seed, emulator.clock() + 30)))
        with pytest.raises(ConflictError):
            await me.users.mfa.activate_key(key.id, code=totp(seed, emulator.clock()))

    async def test_wrong_password(self, me: AsyncEmnify, emulator: Emulator) -> None:
        with pytest.raises(UnprocessableEntityError) as caught:
            await me.users.mfa.create_key(password="not it")

        assert caught.value.error_code == 1002
        assert caught.value.body == b""  # the operation answers secrets: never kept

    async def test_unknown_key(self, me: AsyncEmnify, admin: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await me.users.mfa.activate_key(27, code="123456")
        with pytest.raises(NotFoundError):
            await admin.users.mfa.delete_key(4711, 27)

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: c.users.mfa.create_key(password=""),
            lambda c: c.users.mfa.create_key(password="pw", type=-1),
            lambda c: c.users.mfa.activate_key(1, code="12345"),
            lambda c: c.users.mfa.activate_key(1, code="abcdef"),
            lambda c: c.users.mfa.activate_key(1, code=1_000_000),
            lambda c: c.users.mfa.activate_key(0, code="123456"),
            lambda c: c.users.mfa.delete_key("me", 1),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, admin: AsyncEmnify, emulator: Emulator, call: Callable[[AsyncEmnify], Any]
    ) -> None:
        with pytest.raises(InputError) as caught:
            await call(admin)

        assert "12345" not in str(caught.value) and "abcdef" not in str(caught.value)
        assert emulator.requests == []

    async def test_lookups(self, admin: AsyncEmnify, emulator: Emulator) -> None:
        """Cached per client: asked once each until `refresh=True`."""
        await admin.users.mfa.types()
        await admin.users.mfa.statuses(refresh=True)
        sent = [r.path for r in emulator.requests if r.path.startswith("/api/v1/user/mfa/")]
        assert await admin.users.mfa.statuses() == [
            Status(id=0, description="Activation Pending"),
            Status(id=1, description="Active"),
        ]
        assert await admin.users.mfa.types() == [
            Status(id=0, description="Time-Based One-Time Password")
        ]
        assert sent == ["/api/v1/user/mfa/type", "/api/v1/user/mfa/status"]
        assert len([r for r in emulator.requests if r.path.startswith("/api/v1/user/mfa/")]) == 2


class TestTrustedDevices:
    async def test_list_and_delete(self, admin: AsyncEmnify) -> None:
        devices = await admin.users.mfa.trusted_devices(MFA_USER)

        assert [(d.id, d.browser) for d in devices] == [(16, "Mozilla Firefox"), (71, "Dolphin")]
        await admin.users.mfa.delete_trusted_device(MFA_USER, 16)
        assert [d.id for d in await admin.users.mfa.trusted_devices(MFA_USER)] == [71]
        with pytest.raises(NotFoundError):
            await admin.users.mfa.delete_trusted_device(MFA_USER, 16)

    async def test_unknown_user(self, admin: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError) as caught:
            await admin.users.mfa.trusted_devices(1234)

        assert caught.value.error_token == "InvalidReference"


def test_secret_masks_itself_everywhere() -> None:
    """repr, str, f-strings and formats mask; equality by value; no hash or pickle leaks."""
    secret = Secret("hunter2")

    logged = "%s %r" % (secret, secret)  # noqa: UP031  # as logging formats
    shown = [repr(secret), str(secret), f"{secret}", f"{secret:>30}", logged]
    assert all("hunter2" not in text and "********" in text for text in shown)
    assert secret == Secret("hunter2") and secret != Secret("hunter3") and secret != "hunter2"
    assert hash(secret) == hash(Secret("other"))
    assert secret.get_secret_value() == "hunter2"
    with pytest.raises(TypeError, match="not pickled"):
        pickle.dumps(secret)
    with pytest.raises(AttributeError):
        secret._value = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Secret(b"bytes")  # type: ignore[arg-type]
