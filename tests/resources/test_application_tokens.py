"""`client.application_tokens` over real HTTP against the emulator: a token created logs in,
is listed, stops logging in once revoked or expired; the token itself is always masked."""

from __future__ import annotations

import datetime
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import emnify_sync
from emnify_async import (
    ApplicationToken,
    ApplicationTokenStatusId,
    AsyncEmnify,
    AuthenticationError,
    InputError,
    NewApplicationToken,
    NotFoundError,
    Secret,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, EmulatorConfig, ManualClock

from ..conftest import FAST_RETRY, ThreadedEmulator

NOW = datetime.datetime(2026, 3, 14, 12, 0, tzinfo=datetime.timezone.utc)


def _client(emulator: Emulator, token: str) -> AsyncEmnify:
    return AsyncEmnify(token, base_url=emulator.base_url, retry=FAST_RETRY, rate_limits=False)


async def _logs_in(emulator: Emulator, token: str) -> bool:
    async with _client(emulator, token) as client:
        try:
            await client.application_tokens.list()
        except AuthenticationError:
            return False
    return True


class TestTokens:
    async def test_list_shows_the_seeded_token(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The organisation's token, created by its administrator, never the token itself."""
        (token,) = await client.application_tokens.list()

        assert isinstance(token, ApplicationToken)
        assert token.status is not None and token.status.id == ApplicationTokenStatusId.ACTIVATED
        assert token.creator is not None and token.creator.username == emnify_emulator.username
        assert emnify_emulator.application_token not in repr(token)

    async def test_created_token_logs_in_and_is_listed(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        created = await client.application_tokens.create(
            description="CI", expiry_date=datetime.date(2099, 5, 29), ip="127.0.0.0/8"
        )

        assert isinstance(created, NewApplicationToken)
        assert isinstance(created.application_token, Secret)
        token = created.application_token.get_secret_value()
        assert token not in repr(created) and "Secret('********')" in repr(created)
        assert json.loads(emnify_emulator.requests[-1].body) == {
            "description": "CI",
            "expiry_date": "2099-05-29T00:00:00.000Z",
            "ip": "127.0.0.0/8",
        }
        assert await _logs_in(emnify_emulator, token)
        listed = (await client.application_tokens.list())[-1]
        assert (listed.description, listed.ip) == ("CI", "127.0.0.0/8")
        assert listed.expiry_date == datetime.datetime(2099, 5, 29, tzinfo=datetime.timezone.utc)

    async def test_revoked_token_no_longer_logs_in(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Revoked: listed as such, no new login; a client already logged in with it keeps
        its auth token until that expires (as emnify documents)."""
        token = (await client.application_tokens.create(description="x")).application_token
        async with _client(emnify_emulator, token.get_secret_value()) as early:
            await early.application_tokens.list()
            token_id = (await client.application_tokens.list())[-1].id

            await client.application_tokens.revoke(token_id)

            assert await early.application_tokens.list()  # its auth token stays valid
        assert not await _logs_in(emnify_emulator, token.get_secret_value())
        revoked = (await client.application_tokens.list())[-1]
        assert revoked.status is not None and revoked.status.description == "Revoked"
        patch = next(r for r in emnify_emulator.requests if r.method == "PATCH")
        assert (patch.path, json.loads(patch.body)) == (
            f"/api/v1/application_token/{token_id}",
            {"status": {"id": 1}},
        )

    async def test_update_description(self, client: AsyncEmnify) -> None:
        await client.application_tokens.update(1, description="renamed")

        assert (await client.application_tokens.list())[0].description == "renamed"

    async def test_ip_restriction(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """A token for another network does not log in from here."""
        created = await client.application_tokens.create(ip="10.203.23.78/32")

        assert not await _logs_in(emnify_emulator, created.application_token.get_secret_value())

    async def test_expiry(
        self, emnify_emulator_factory: Callable[..., Awaitable[Emulator]]
    ) -> None:
        """A token logs in until its expiry date, by the emulator's clock."""
        clock = ManualClock(NOW)
        emu = await emnify_emulator_factory(sims=5, clock=clock)
        async with _client(emu, emu.application_token) as client:
            created = await client.application_tokens.create(
                expiry_date=NOW + datetime.timedelta(hours=1)
            )
            token = created.application_token.get_secret_value()

            assert await _logs_in(emu, token)
            clock.advance(3600)
            assert not await _logs_in(emu, token)
            with pytest.raises(UnprocessableEntityError) as past:
                await client.application_tokens.create(expiry_date=NOW)
            assert past.value.error_token == "OutOfRange"

    async def test_unknown_token(self, client: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await client.application_tokens.update(999, description="x")

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: c.application_tokens.create(ip="10.0.0.1"),
            lambda c: c.application_tokens.create(ip="10.0.0.300/32"),
            lambda c: c.application_tokens.create(expiry_date="2030-01-01"),
            lambda c: c.application_tokens.create(description=5),
            lambda c: c.application_tokens.update(1),
            lambda c: c.application_tokens.update(0, description="x"),
            lambda c: c.application_tokens.update(1, status=-1),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, call: Callable[[AsyncEmnify], Any]
    ) -> None:
        with pytest.raises(InputError):
            await call(client)

        assert emnify_emulator.requests == []


def test_blocking_facade() -> None:
    """The same calls, blocking: the nested MFA area too, and the token still masked."""
    with (
        ThreadedEmulator(EmulatorConfig(sims=5)) as emu,
        emnify_sync.Emnify(emu.application_token, base_url=emu.base_url) as client,
    ):
        created = client.application_tokens.create(description="sync")
        assert "Secret('********')" in repr(created)
        with emnify_sync.Emnify(
            created.application_token.get_secret_value(), base_url=emu.base_url
        ) as other:
            assert [t.description for t in other.application_tokens.list()][-1] == "sync"
            assert [s.id for s in other.users.mfa.types()] == [0]
