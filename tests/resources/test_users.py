"""`client.users` over real HTTP against the emulator: accounts, roles, events, activation,
passwords and support tokens; each call, a documented error, bad input sent nowhere."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest

from emnify_async import (
    AsyncEmnify,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Event,
    InputError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    Role,
    Secret,
    Status,
    SupportToken,
    UnprocessableEntityError,
    User,
    UserRoleId,
    UserStatusId,
)
from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing._user_data import seeded_password

from ..conftest import FAST_RETRY

MFA_USER, PENDING, SUSPENDED, OBSERVER, ACME_ADMIN, ACME_DRIVER, FOREIGN = (
    4712,
    4713,
    4714,
    4715,
    4721,
    4722,
    4791,
)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _sent(emulator: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emulator.requests if r.path != "/api/v1/authenticate"]


def _as_user(emulator: Emulator, username: str, password: str, **kwargs: Any) -> AsyncEmnify:
    return AsyncEmnify(
        username=username,
        password=password,
        base_url=emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
        **kwargs,
    )


def _seeded(emulator: Emulator, user_id: int) -> AsyncEmnify:
    user = emulator.state.users.get(user_id)
    assert user is not None
    return _as_user(emulator, user.username, seeded_password(emulator.config.seed, user_id))


async def _logs_in(emulator: Emulator, username: str, password: str) -> bool:
    async with _as_user(emulator, username, password) as client:
        try:
            await client.users.statuses()
        except AuthenticationError:
            return False
    return True


@pytest.fixture
async def user_client(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client logged in as the emulator's user (an administrator of the parent)."""
    async with _as_user(emnify_emulator, emnify_emulator.username, emnify_emulator.password) as c:
        yield c


class TestAccounts:
    async def test_list_is_the_organisation_and_its_children(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Every user of the parent and its direct children, typed, across pages; no others."""
        users = await client.users.list(per_page=4)

        ids = [u.id for u in users]
        assert ids == sorted(ids) and FOREIGN not in ids
        assert {4711, MFA_USER, PENDING, ACME_ADMIN, ACME_DRIVER} <= set(ids)
        assert len(ids) == len(set(ids)) > 8
        first = users[0]
        assert isinstance(first, User)
        assert first.username == emnify_emulator.username
        assert first.status == Status(id=UserStatusId.ACTIVE, description="Active")
        assert first.organisation is not None and first.organisation.id == 101
        assert first.roles == []  # the listing leaves them out

    async def test_list_filters_and_sorts(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`q` and `sort` reach the API encoded, and select what they say."""
        users = await client.users.list(q={"organisation": 102}, sort="-id")

        assert [u.id for u in users] == [ACME_DRIVER, ACME_ADMIN]
        assert emnify_emulator.requests[-1].query["q"] == "organisation:102"

    async def test_get_by_id_or_username(self, client: AsyncEmnify) -> None:
        """Details by id and by username are the same user, with roles and MFA keys."""
        by_id = await client.users.get(MFA_USER)
        by_name = await client.users.get("eabbot@flatland.org")

        assert by_id == by_name
        assert by_id.roles == [Role(id=2, name="User"), Role(id=3, name="Observer")]
        (key,) = by_id.mfa
        assert key.status is not None and key.status.name == "Active"
        assert key.secret_key is None and key.activation_date is not None

    @pytest.mark.parametrize("user_id", [999_999, FOREIGN])
    async def test_get_unknown_or_foreign(self, client: AsyncEmnify, user_id: int) -> None:
        """Another organisation's user is as missing as an unknown one (emnify's 1401)."""
        with pytest.raises(NotFoundError) as caught:
            await client.users.get(user_id)

        assert caught.value.error_token == "InvalidReference"

    @pytest.mark.parametrize("user_id", [0, -1, "my", "no-at-sign", "a@b@c", True, 1.5], ids=repr)
    async def test_get_bad_id_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, user_id: Any
    ) -> None:
        with pytest.raises(InputError):
            await client.users.get(user_id)

        assert emnify_emulator.requests == []

    async def test_created_user_logs_in_once_activated(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Create, then activate with the e-mailed key: the user logs in with that password,
        whose SHA-1 (not the password) was sent."""
        new_id = await client.users.create(
            username="new.user@example.org", name="New User", org=102, roles=[UserRoleId.OBSERVER]
        )
        created = await client.users.get(new_id)
        assert created.status is not None and created.status.id == UserStatusId.ACTIVATION_PENDING
        assert created.organisation is not None and created.organisation.id == 102
        assert [r.id for r in created.roles] == [UserRoleId.OBSERVER]
        assert json.loads(emnify_emulator.requests[-2].body) == {
            "username": "new.user@example.org",
            "name": "New User",
            "organisation": {"id": 102},
            "roles": [{"id": 3}],
        }
        assert not await _logs_in(emnify_emulator, "new.user@example.org", "correct horse")

        key = emnify_emulator.state.users.activation_key(new_id)
        assert key is not None
        await client.users.activate(activation_key=key, password="correct horse")

        sent = json.loads(
            next(r.body for r in emnify_emulator.requests if r.path.endswith("/activation"))
        )
        assert sent == {"activationKey": key, "password": sha1("correct horse")}
        assert await _logs_in(emnify_emulator, "new.user@example.org", "correct horse")
        assert not await _logs_in(emnify_emulator, "new.user@example.org", "wrong")
        with pytest.raises(BadRequestError):  # a key works once
            await client.users.activate(activation_key=key, password="again")

    async def test_create_defaults_and_errors(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Without org and roles: the caller's organisation and the default role. A taken
        username is emnify's 422 listing it; an unknown role its 404."""
        new_id = await client.users.create(username="plain@example.org", name="Plain")
        created = await client.users.get(new_id)
        assert created.organisation is not None and created.organisation.id == 101
        assert [r.id for r in created.roles] == [UserRoleId.USER]

        with pytest.raises(UnprocessableEntityError) as taken:
            await client.users.create(username="PLAIN@example.org", name="Again")
        assert [e.error_token for e in taken.value.errors] == ["Duplicated"]
        with pytest.raises(NotFoundError):
            await client.users.create(username="x@example.org", name="X", roles=[1111])

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"username": "not-an-email", "name": "X"},
            {"username": "x@example.org", "name": " "},
            {"username": "x@example.org", "name": "X", "org": "my"},
            {"username": "x@example.org", "name": "X", "roles": []},
            {"username": "x@example.org", "name": "X", "roles": ["admin"]},
        ],
        ids=lambda kwargs: next(iter(set(kwargs) - {"username", "name"}), "username"),
    )
    async def test_create_bad_input_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, kwargs: dict[str, Any]
    ) -> None:
        with pytest.raises(InputError):
            await client.users.create(**kwargs)

        assert emnify_emulator.requests == []

    async def test_update_suspends_and_renames(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A suspended user cannot log in; a new username makes the account pending again."""
        password = seeded_password(emnify_emulator.config.seed, OBSERVER)
        await client.users.update(OBSERVER, status=UserStatusId.SUSPENDED, name="Liv")

        user = await client.users.get(OBSERVER)
        assert (user.name, user.status and user.status.id) == ("Liv", UserStatusId.SUSPENDED)
        assert not await _logs_in(emnify_emulator, "observer@example.org", password)

        await client.users.update(OBSERVER, status=UserStatusId.ACTIVE)
        assert await _logs_in(emnify_emulator, "observer@example.org", password)

        await client.users.update(OBSERVER, username="liv@example.org")
        renamed = await client.users.get(OBSERVER)
        assert renamed.status is not None
        assert renamed.status.id == UserStatusId.ACTIVATION_PENDING
        assert emnify_emulator.state.users.activation_key(OBSERVER) is not None
        assert not await _logs_in(emnify_emulator, "liv@example.org", password)

    async def test_update_status_not_allowed(self, client: AsyncEmnify) -> None:
        """A pending user cannot be made active by an update (only by its activation)."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.users.update(PENDING, status=UserStatusId.ACTIVE)

        assert [e.error_token for e in caught.value.errors] == ["NotAllowed"]

    async def test_update_nothing_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await client.users.update(OBSERVER)

        assert emnify_emulator.requests == []

    @pytest.mark.parametrize("delete", ["delete", "delete_v1"])
    async def test_deleted_user_cannot_log_in(
        self, client: AsyncEmnify, emnify_emulator: Emulator, delete: str
    ) -> None:
        """Both deletes: the user is gone, cannot log in, and its username is free again."""
        password = seeded_password(emnify_emulator.config.seed, OBSERVER)
        assert await _logs_in(emnify_emulator, "observer@example.org", password)

        await getattr(client.users, delete)(OBSERVER)

        path = "/api/v2/user/4715" if delete == "delete" else "/api/v1/user/4715"
        assert ("DELETE", path) in _sent(emnify_emulator)
        assert not await _logs_in(emnify_emulator, "observer@example.org", password)
        with pytest.raises(NotFoundError):
            await client.users.get(OBSERVER)
        with pytest.raises(NotFoundError):
            await getattr(client.users, delete)(OBSERVER)
        assert await client.users.create(username="observer@example.org", name="Heir")

    async def test_lookups_are_kept_until_refreshed(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Statuses and roles are asked once per client (its views too) until `refresh=True`."""
        assert await client.users.roles() == await client.with_options(timeout=5).users.roles()
        assert await client.users.statuses() == await client.users.statuses()
        assert _sent(emnify_emulator) == [
            ("GET", "/api/v1/user/role"),
            ("GET", "/api/v1/user/status"),
        ]

        await client.users.roles(refresh=True)

        assert _sent(emnify_emulator)[-1] == ("GET", "/api/v1/user/role")
        assert len(_sent(emnify_emulator)) == 3
        with pytest.raises(InputError):
            await client.users.roles(refresh=1)  # type: ignore[arg-type]

    async def test_lookups(self, client: AsyncEmnify) -> None:
        assert [s.description for s in await client.users.statuses()] == [
            "Activation Pending",
            "Active",
            "Suspended",
            "Deleted",
        ]
        assert await client.users.roles() == [
            Role(id=1, name="Administrator"),
            Role(id=2, name="User"),
            Role(id=3, name="Observer"),
        ]


class TestRoles:
    async def test_add_and_remove(self, client: AsyncEmnify) -> None:
        """Roles come and go; the same role twice is 409, and the last one stays (409)."""
        await client.users.add_role(OBSERVER, UserRoleId.ADMINISTRATOR)
        assert [r.id for r in (await client.users.get(OBSERVER)).roles] == [3, 1]
        with pytest.raises(ConflictError) as twice:
            await client.users.add_role(OBSERVER, UserRoleId.ADMINISTRATOR)
        assert twice.value.error_token == "Duplicated"

        await client.users.remove_role(OBSERVER, UserRoleId.OBSERVER)
        assert [r.id for r in (await client.users.get(OBSERVER)).roles] == [1]
        with pytest.raises(ConflictError) as last:
            await client.users.remove_role(OBSERVER, UserRoleId.ADMINISTRATOR)
        assert (last.value.error_code, last.value.error_token) == (1407, "CannotBeDeleted")
        with pytest.raises(NotFoundError):
            await client.users.add_role(OBSERVER, 7)

    async def test_bad_ids_are_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        for call in (
            lambda: client.users.add_role(OBSERVER, 0),
            lambda: client.users.remove_role("my", 1),  # type: ignore[arg-type]
        ):
            with pytest.raises(InputError):
                await call()

        assert emnify_emulator.requests == []

    async def test_permissions_of_each_role(
        self, client: AsyncEmnify, user_client: AsyncEmnify
    ) -> None:
        """One entry per role, an observer's being read-only; `my` is the logged-in user."""
        permissions = await client.users.role_permissions(MFA_USER)
        mine = await user_client.users.role_permissions("my")

        assert [p.role for p in permissions] == ["User", "Observer"]
        observer = permissions[1].permissions
        assert observer and {p.method for p in observer} == {"GET"}
        assert [p.role for p in mine] == ["Administrator"]
        with pytest.raises(NotFoundError):  # an application token is no user
            await client.users.role_permissions("my")


class TestEvents:
    async def test_failed_logins_are_the_users_events(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Each failed login is an event of the user (and of its organisation), paged."""
        for _ in range(3):
            assert not await _logs_in(emnify_emulator, "observer@example.org", "wrong")

        events = await client.users.events(OBSERVER, per_page=2)

        assert len(events) == 3 and all(isinstance(e, Event) for e in events)
        assert {e.event_type and e.event_type.id for e in events} == {6}
        assert all(e.user and e.user.id == OBSERVER for e in events)
        assert "observer@example.org" in (events[0].description or "")
        organisation = await client.events.list(q={"type": 6})
        assert [e.id for e in organisation] == [e.id for e in events]
        assert await client.users.events(OBSERVER, q={"type": 14}) == []
        assert await client.users.events(999_999) == []  # documented: [] rather than 404

    async def test_only_watchers_see_others_events(self, emnify_emulator: Emulator) -> None:
        """A user with the User role sees its own events only (403 for others')."""
        async with _seeded(emnify_emulator, ACME_DRIVER) as driver:
            assert await driver.users.events("my") == []
            with pytest.raises(PermissionDeniedError):
                await driver.users.events(ACME_ADMIN)

    async def test_bad_arguments_are_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        for call in (
            lambda: client.users.events("me"),  # type: ignore[arg-type]
            lambda: client.users.events(OBSERVER, per_page=1001),
            lambda: client.users.events(OBSERVER, q={"type": "a,b"}),
        ):
            with pytest.raises(InputError):
                await call()

        assert emnify_emulator.requests == []


class TestSupportToken:
    async def test_token_acts_as_the_user(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A masked token that authenticates as the user; an event tells its organisation."""
        created = await client.users.create_support_token(ACME_ADMIN, role=UserRoleId.OBSERVER)

        assert isinstance(created, SupportToken) and isinstance(created.support_token, Secret)
        assert "Secret('********')" in repr(created)
        headers = {"Authorization": f"Bearer {created.support_token.get_secret_value()}"}
        async with (
            aiohttp.ClientSession(emnify_emulator.base_url) as session,
            session.get("/api/v1/user/my/role/permission", headers=headers) as resp,
        ):
            assert resp.status == 200
            assert [p["role"] for p in await resp.json()] == ["Administrator"]
        events = await client.users.events(ACME_ADMIN)
        assert [e.event_type and e.event_type.id for e in events] == [13]
        sent = next(r for r in emnify_emulator.requests if r.path.endswith("/support_token"))
        assert json.loads(sent.body) == {"role": 3}

    @pytest.mark.parametrize(
        ("user_id", "error"),
        [(PENDING, NotFoundError), (FOREIGN, PermissionDeniedError), (999_999, NotFoundError)],
    )
    async def test_refused(self, client: AsyncEmnify, user_id: int, error: type[Exception]) -> None:
        """Not active or unknown: 404; outside the organisation's subtree: 403."""
        with pytest.raises(error) as caught:
            await client.users.create_support_token(user_id)

        assert caught.value.body == b""  # type: ignore[attr-defined]  # sensitive: never kept

    async def test_not_for_oneself_nor_for_enterprises(self, emnify_emulator: Emulator) -> None:
        async with _seeded(emnify_emulator, 4711) as admin:
            with pytest.raises(PermissionDeniedError):
                await admin.users.create_support_token(4711)
        async with _seeded(emnify_emulator, ACME_ADMIN) as enterprise:
            with pytest.raises(PermissionDeniedError):
                await enterprise.users.create_support_token(ACME_DRIVER)

    @pytest.mark.parametrize("role", [2, -1, "1", None])
    async def test_bad_role_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, role: Any
    ) -> None:
        with pytest.raises(InputError):
            await client.users.create_support_token(ACME_ADMIN, role=role)

        assert emnify_emulator.requests == []


class TestPasswords:
    async def test_change_password(
        self, user_client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The new password logs in, the old one no longer; both went as SHA-1 digests."""
        old = emnify_emulator.password
        await user_client.users.change_password(old_password=old, new_password="n3w p4ss")

        body = json.loads(emnify_emulator.requests[-1].body)
        assert body == {"old_password": sha1(old), "new_password": sha1("n3w p4ss")}
        assert await _logs_in(emnify_emulator, emnify_emulator.username, "n3w p4ss")
        assert not await _logs_in(emnify_emulator, emnify_emulator.username, old)

    async def test_the_client_logs_in_with_the_new_password(
        self, emnify_emulator_factory: Callable[..., Awaitable[Emulator]]
    ) -> None:
        """Once its tokens are gone, the client that changed its own password logs in with
        the new one (not with the one it was created with)."""
        clock = ManualClock("2026-03-14T12:00:00Z")
        emu = await emnify_emulator_factory(sims=5, clock=clock)
        async with _as_user(emu, emu.username, emu.password) as client:
            await client.users.change_password(old_password=emu.password, new_password="n3w")
            clock.advance(8 * 86400)  # past the refresh token's week

            assert await client.users.statuses()

        logins = [json.loads(r.body) for r in emu.requests if r.path == "/api/v1/authenticate"]
        assert logins[-1] == {"username": emu.username, "password": sha1("n3w")}

    async def test_wrong_old_password(
        self, user_client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(UnprocessableEntityError) as caught:
            await user_client.users.change_password(old_password="nope", new_password="x")

        assert (caught.value.error_code, caught.value.error_token) == (1002, "Failed")
        assert await _logs_in(emnify_emulator, emnify_emulator.username, emnify_emulator.password)

    async def test_an_application_token_has_no_password(self, client: AsyncEmnify) -> None:
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.users.change_password(old_password="a", new_password="b")

        assert caught.value.error_token == "NotAllowed"

    @pytest.mark.parametrize(
        "kwargs",
        [{"old_password": "", "new_password": "x"}, {"old_password": "x", "new_password": 5}],
    )
    async def test_empty_password_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, kwargs: dict[str, Any]
    ) -> None:
        with pytest.raises(InputError) as caught:
            await client.users.change_password(**kwargs)

        assert "5" not in str(caught.value)
        assert emnify_emulator.requests == []

    async def test_resend_activation_replaces_the_key(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The old key stops working; the new one activates."""
        users = emnify_emulator.state.users
        old = users.activation_key(PENDING)

        await client.users.resend_activation(
            username="pending@example.org", recaptcha_response="03AHJ_Vu"
        )

        new = users.activation_key(PENDING)
        assert old and new and new != old
        with pytest.raises(BadRequestError):
            await client.users.activate(activation_key=old, password="pw")
        await client.users.activate(activation_key=Secret(new), password=Secret("pw"))
        assert await _logs_in(emnify_emulator, "pending@example.org", "pw")

    async def test_activation_needs_no_credentials(
        self, emnify_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The new user's own script activates with no credentials: nothing logs in and no
        token is sent, as emnify serves these two without one."""
        for name in ("EMNIFY_APPLICATION_TOKEN", "EMNIFY_USERNAME", "EMNIFY_PASSWORD"):
            monkeypatch.delenv(name, raising=False)
        users = emnify_emulator.state.users
        async with AsyncEmnify(base_url=emnify_emulator.base_url) as anonymous:
            await anonymous.users.resend_activation(
                username="pending@example.org", recaptcha_response="03AHJ_Vu"
            )
            key = users.activation_key(PENDING)
            assert key is not None
            await anonymous.users.activate(activation_key=key, password="pw")
            with pytest.raises(MissingCredentialsError):  # everything else still needs them
                await anonymous.users.get(PENDING)

        assert [r.path for r in emnify_emulator.requests] == [
            "/api/v1/user/activation_resend",
            "/api/v1/user/activation",
        ]
        assert not any("Authorization" in r.headers for r in emnify_emulator.requests)
        assert await _logs_in(emnify_emulator, "pending@example.org", "pw")

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"username": "nobody", "recaptcha_response": "x"},
            {"username": "a@b.org", "recaptcha_response": ""},
        ],
    )
    async def test_resend_bad_input_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, kwargs: dict[str, Any]
    ) -> None:
        with pytest.raises(InputError):
            await client.users.resend_activation(**kwargs)

        assert emnify_emulator.requests == []
