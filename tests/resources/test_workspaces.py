"""Workspaces (newer docs) over real HTTP against the emulator: a user's memberships
(`client.users.workspaces`), daily stats and switching (`client.workspaces`), invitations
(`client.users.invite` / `accept_invitation`); each call, a documented error, bad input sent
nowhere, and secrets kept out of reprs, errors and logs."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from emnify_async import (
    AsyncEmnify,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    Secret,
    UnprocessableEntityError,
    User,
    UserRoleId,
    UserStatusId,
    WorkspaceToken,
)
from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing._user_data import seeded_password

from ..conftest import FAST_RETRY

ME, MFA_USER, PENDING, OBSERVER, ACME_ADMIN, ACME_DRIVER = 4711, 4712, 4713, 4715, 4721, 4722
ROOT, ACME = 101, 102
NOW = "2026-03-14T12:00:00Z"


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


def _client(
    emu: Emulator,
    token: str | None = None,
    *,
    username: str | None = None,
    password: str | None = None,
) -> AsyncEmnify:
    return AsyncEmnify(
        token,
        username=username,
        password=password,
        base_url=emu.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
    )


def _as(emu: Emulator, user_id: int, password: str | None = None) -> AsyncEmnify:
    user = emu.state.users.get(user_id)
    assert user is not None
    plain = password or seeded_password(emu.config.seed, user_id)
    return _client(emu, username=user.username, password=plain)


@pytest.fixture
async def emu(emnify_emulator_factory: Any) -> Emulator:
    emulator: Emulator = await emnify_emulator_factory(sims=20, clock=ManualClock(NOW))
    return emulator


@pytest.fixture
async def me(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    """The emulator's user: an administrator of the parent (101) and of the child 102."""
    async with _as(emu, ME) as client:
        yield client


@pytest.fixture
async def root(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    """The parent's application token (an administrator of that workspace only)."""
    async with _client(emu, emu.application_token) as client:
        yield client


@pytest.fixture
async def acme(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    """The child 102's application token."""
    async with _client(emu, emu.application_token_for(ACME)) as client:
        yield client


async def _org_of(emu: Emulator, user_id: int) -> int:
    """The organisation a login of the user lands in."""
    async with _as(emu, user_id) as client:
        return (await client.organisations.my()).id


class TestMemberships:
    async def test_list_shows_each_workspace_with_status_and_roles(self, me: AsyncEmnify) -> None:
        found = await me.users.workspaces.list(ME)
        assert [(w.id, w.default_workspace, w.status_id) for w in found] == [
            (ROOT, True, UserStatusId.ACTIVE),
            (ACME, False, UserStatusId.ACTIVE),
        ]
        assert [r.id for r in found[1].roles] == [UserRoleId.ADMINISTRATOR]
        assert found[0].owner is True and found[1].name == "Acme Logistics GmbH"

    async def test_only_workspaces_you_administer_are_listed(self, acme: AsyncEmnify) -> None:
        assert [w.id for w in await acme.users.workspaces.list(ME)] == [ACME]

    async def test_a_non_administrator_is_refused(self, emu: Emulator) -> None:
        async with _as(emu, OBSERVER) as observer:
            with pytest.raises(PermissionDeniedError) as caught:
                await observer.users.workspaces.list(ME)
        assert caught.value.error_token == "Forbidden"

    async def test_bad_ids_are_sent_nowhere(self, emu: Emulator, root: AsyncEmnify) -> None:
        with pytest.raises(InputError):
            root.users.workspaces.list(0)
        with pytest.raises(InputError):
            await root.users.workspaces.unassign(ME, "102")  # type: ignore[arg-type]
        with pytest.raises(InputError):
            await root.users.workspaces.add_role(ME, ACME, -1)
        with pytest.raises(InputError, match="1 \\(ACTIVE\\) or 2 \\(SUSPENDED\\)"):
            await root.users.workspaces.set_status(ME, ACME, status=UserStatusId.DELETED)
        assert _sent(emu) == []

    async def test_suspending_in_one_workspace_blocks_that_login(
        self, emu: Emulator, acme: AsyncEmnify
    ) -> None:
        await acme.users.workspaces.set_status(ACME_DRIVER, ACME, status=UserStatusId.SUSPENDED)
        listed = await acme.users.workspaces.list(ACME_DRIVER)
        assert [w.status_id for w in listed] == [UserStatusId.SUSPENDED]
        with pytest.raises(AuthenticationError):
            await _org_of(emu, ACME_DRIVER)
        await acme.users.workspaces.set_status(ACME_DRIVER, ACME, status=UserStatusId.ACTIVE)
        assert await _org_of(emu, ACME_DRIVER) == ACME

    async def test_suspending_in_the_default_moves_the_default(
        self, emu: Emulator, root: AsyncEmnify, me: AsyncEmnify
    ) -> None:
        await root.users.workspaces.set_status(ME, ROOT, status=UserStatusId.SUSPENDED)
        [suspended] = await root.users.workspaces.list(ME)
        assert (suspended.id, suspended.status_id) == (ROOT, UserStatusId.SUSPENDED)
        assert not suspended.default_workspace
        # Logged in again, the user lands in 102, where it is still an administrator.
        [default] = await me.users.workspaces.list(ME)
        assert (default.id, default.default_workspace) == (ACME, True)
        assert await _org_of(emu, ME) == ACME

    async def test_status_of_another_workspace_is_refused(self, root: AsyncEmnify) -> None:
        with pytest.raises(PermissionDeniedError):
            await root.users.workspaces.set_status(ACME_DRIVER, ACME, status=1)

    async def test_roles_are_per_workspace(self, emu: Emulator, me: AsyncEmnify) -> None:
        await me.users.workspaces.add_role(ACME_DRIVER, ACME, UserRoleId.OBSERVER)
        await me.users.workspaces.add_role(ACME_DRIVER, ACME, UserRoleId.OBSERVER)  # kept once
        listed = await me.users.workspaces.list(ACME_DRIVER)
        assert [r.id for r in listed[0].roles] == [UserRoleId.USER, UserRoleId.OBSERVER]
        await me.users.workspaces.remove_role(ACME_DRIVER, ACME, UserRoleId.USER)
        with pytest.raises(ConflictError) as last:
            await me.users.workspaces.remove_role(ACME_DRIVER, ACME, UserRoleId.OBSERVER)
        assert (last.value.error_code, last.value.error_token) == (1407, "CannotBeDeleted")
        user = emu.state.users.get(ACME_DRIVER)
        assert user is not None and user.roles == [UserRoleId.OBSERVER]

    async def test_your_own_roles_are_refused(self, me: AsyncEmnify) -> None:
        with pytest.raises(BadRequestError):
            await me.users.workspaces.add_role(ME, ACME, UserRoleId.OBSERVER)

    async def test_a_non_member_is_not_found(self, root: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await root.users.workspaces.add_role(ACME_ADMIN, ROOT, UserRoleId.OBSERVER)
        with pytest.raises(NotFoundError):
            await root.users.workspaces.unassign(ACME_ADMIN, ROOT)

    async def test_unassign_the_default_moves_it_and_keeps_the_last(
        self, emu: Emulator, acme: AsyncEmnify, me: AsyncEmnify
    ) -> None:
        await me.users.workspaces.set_default(ME, ACME)
        [workspace] = await acme.users.workspaces.list(ME)
        await acme.users.workspaces.unassign(ME, workspace)  # a model with an id will do
        assert [(w.id, w.default_workspace) for w in await me.users.workspaces.list(ME)] == [
            (ROOT, True)
        ]
        assert await _org_of(emu, ME) == ROOT
        with pytest.raises(PermissionDeniedError, match="only Workspace"):
            await me.users.workspaces.unassign(OBSERVER, ROOT)

    async def test_set_default_moves_the_login(
        self, emu: Emulator, me: AsyncEmnify, root: AsyncEmnify
    ) -> None:
        with pytest.raises(PermissionDeniedError):
            await root.users.workspaces.set_default(ME, ACME)  # no administrator of 102
        await me.users.workspaces.set_default(ME, ACME)
        assert await _org_of(emu, ME) == ACME
        assert [w.id for w in await me.users.workspaces.list(ME) if w.default_workspace] == [ACME]


class TestDailyStats:
    async def test_days_and_total_of_the_range(self, root: AsyncEmnify) -> None:
        stats = await root.workspaces.daily_stats(start_date=dt.date(2026, 3, 1))
        assert stats.id == ROOT
        assert [d.date for d in stats.days] == [dt.date(2026, 3, n) for n in range(1, 15)]
        assert stats.total is not None and stats.total.data_volume is not None
        volumes = [d.data_volume.volume for d in stats.days if d.data_volume]
        assert stats.total.data_volume.volume == pytest.approx(sum(v or 0 for v in volumes))

    async def test_workspaces_are_summed(self, me: AsyncEmnify) -> None:
        day = {"start_date": "2026-03-02", "end_date": "2026-03-02"}

        async def sms(*ids: int) -> float:
            stats = await me.workspaces.daily_stats(workspace_ids=ids, **day)
            usage = stats.days[0].sms_volume
            assert usage is not None and usage.volume is not None
            return usage.volume

        assert await sms(ROOT, ACME) == await sms(ROOT) + await sms(ACME)

    async def test_a_workspace_not_yours_is_refused(self, root: AsyncEmnify) -> None:
        with pytest.raises(UnprocessableEntityError):
            await root.workspaces.daily_stats(workspace_ids=[ACME])

    async def test_bad_input_is_sent_nowhere(self, emu: Emulator, root: AsyncEmnify) -> None:
        stats = root.workspaces
        with pytest.raises(InputError, match="before"):
            await stats.daily_stats(start_date="2026-03-02", end_date="2026-03-01")
        with pytest.raises(InputError):
            await stats.daily_stats(workspace_ids=[])
        with pytest.raises(InputError):
            await stats.daily_stats(workspace_ids="101")  # type: ignore[arg-type]
        assert _sent(emu) == []


class TestSwitching:
    async def test_the_token_acts_for_the_workspace(
        self, emu: Emulator, me: AsyncEmnify, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        token = await me.workspaces.authenticate(ACME)
        assert isinstance(token, WorkspaceToken) and isinstance(token.auth_token, Secret)
        raw = token.auth_token.get_secret_value()
        assert raw not in repr(token) and raw not in caplog.text
        headers = {"Authorization": f"Bearer {raw}"}
        async with (
            aiohttp.ClientSession(emu.base_url, headers=headers) as http,
            http.get("/api/v1/organisation/my") as resp,
        ):
            assert (await resp.json())["id"] == ACME
        assert (await me.organisations.my()).id == ROOT  # the client keeps its own login

    async def test_an_application_token_cannot_switch(self, root: AsyncEmnify) -> None:
        with pytest.raises(AuthenticationError) as caught:
            await root.workspaces.authenticate(ACME)
        assert caught.value.error_token == "InvalidCredentials"

    async def test_a_workspace_not_assigned_is_refused(self, me: AsyncEmnify) -> None:
        with pytest.raises(AuthenticationError):
            await me.workspaces.authenticate(999)

    async def test_bad_id_is_sent_nowhere(self, emu: Emulator, me: AsyncEmnify) -> None:
        with pytest.raises(InputError):
            await me.workspaces.authenticate(0)
        assert _sent(emu) == []


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


class TestInvitations:
    async def test_a_new_user_accepts_and_logs_in(
        self, emu: Emulator, root: AsyncEmnify, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        invited = await root.users.invite(username="ivy@example.org", name="Ivy")
        assert isinstance(invited, User) and invited.organisation is not None
        assert invited.organisation.id == ROOT
        assert [r.id for r in invited.roles] == [UserRoleId.ADMINISTRATOR]  # the default
        key = emu.state.workspaces.invitation_key(invited.id, ROOT)
        assert key is not None
        await root.users.accept_invitation(
            activation_key=key, password="a good password", name="Ivy Green"
        )
        user = emu.state.users.get(invited.id)
        assert user is not None and user.name == "Ivy Green"
        assert user.password_sha1 == sha1("a good password")
        assert "a good password" not in caplog.text and key not in caplog.text
        async with _as(emu, invited.id, "a good password") as ivy:
            assert (await ivy.organisations.my()).id == ROOT

    async def test_a_member_of_another_workspace_is_assigned(
        self, emu: Emulator, acme: AsyncEmnify
    ) -> None:
        invited = await acme.users.invite(
            username="observer@example.org", name="Olivia", roles=[UserRoleId.USER]
        )
        assert invited.id == OBSERVER
        pending = await acme.users.workspaces.list(OBSERVER)
        assert [w.status_id for w in pending] == [UserStatusId.ACTIVATION_PENDING]
        key = emu.state.workspaces.invitation_key(OBSERVER, ACME)
        assert key is not None
        await acme.users.accept_invitation(activation_key=key)
        listed = await acme.users.workspaces.list(OBSERVER)
        assert [(w.id, w.status_id) for w in listed] == [(ACME, UserStatusId.ACTIVE)]
        assert await _org_of(emu, OBSERVER) == ROOT  # the default stays

    async def test_a_member_is_not_invited_twice(self, root: AsyncEmnify) -> None:
        with pytest.raises(ConflictError):
            await root.users.invite(username="observer@example.org", name="Olivia")

    async def test_another_workspace_is_refused(self, root: AsyncEmnify) -> None:
        with pytest.raises(PermissionDeniedError):
            await root.users.invite(username="x@example.org", name="X", org=ACME)

    async def test_a_used_key_is_refused_without_repeating_it(
        self, emu: Emulator, root: AsyncEmnify
    ) -> None:
        with pytest.raises(PermissionDeniedError) as caught:
            await root.users.accept_invitation(activation_key="a-used-key", password="pw-xyz")
        shown = [str(caught.value), repr(caught.value), repr(caught.value.args)]
        assert not any("a-used-key" in text or sha1("pw-xyz") in text for text in shown)

    async def test_a_new_user_needs_a_password(self, emu: Emulator, root: AsyncEmnify) -> None:
        key = emu.state.users.activation_key(PENDING)
        assert key is not None
        with pytest.raises(BadRequestError):
            await root.users.accept_invitation(activation_key=key)
        user = emu.state.users.get(PENDING)
        assert user is not None and user.status_id == UserStatusId.ACTIVATION_PENDING

    async def test_bad_input_is_sent_nowhere(self, emu: Emulator, root: AsyncEmnify) -> None:
        with pytest.raises(InputError):
            await root.users.invite(username="not an address", name="X")
        with pytest.raises(InputError):
            await root.users.invite(username="x@example.org", name=" ")
        with pytest.raises(InputError):
            await root.users.accept_invitation(activation_key="")
        with pytest.raises(InputError):
            await root.users.accept_invitation(activation_key="k", password="")
        assert _sent(emu) == []
